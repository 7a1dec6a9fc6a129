//! Old addresses that now live elsewhere (WordPress links, renamed pages).

use super::draft_errors::{DraftErrors, Field};
use crate::routes;
use serde::{Deserialize, Serialize};

pub const PATH_MAX: usize = 500;

/// One row of the redirect table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirect {
    /// As typed in a browser: "/old-post/" or "/?p=12".
    pub from: String,
    pub to: String,
    /// "wordpress" (made by the import) or "staff".
    pub origin: String,
    pub created: String,
}

/// Paths the site itself answers: a redirect there would hide a real page
/// or lock staff out.
const RESERVED: [&str; 5] = [
    routes::ADMIN,
    routes::API,
    routes::PKG,
    routes::MEDIA,
    routes::SITEMAP,
];

/// Checks a redirect staff typed; returns it trimmed, or the sentence to
/// show next to the field.
pub fn check(from: &str, to: &str) -> Result<(String, String), DraftErrors> {
    let from = from.trim();
    let to = to.trim();
    let path_like =
        |p: &str| p.starts_with('/') && !p.starts_with("//") && !p.contains(char::is_whitespace);
    if !path_like(from) || from.len() > PATH_MAX {
        return Err(DraftErrors::on(
            Field::From,
            "Type the old address's path, starting with /, e.g. /old-post/",
        ));
    }
    if from == routes::HOME || RESERVED.iter().any(|r| routes::under(from, r)) {
        return Err(DraftErrors::on(
            Field::From,
            format!("{from} is an address this site uses itself."),
        ));
    }
    let absolute = to.starts_with("https://") && !to.contains(char::is_whitespace);
    if !(path_like(to) || absolute) || to.len() > PATH_MAX {
        return Err(DraftErrors::on(
            Field::To,
            "Type a path on this site (starting with /) or a full https:// address.",
        ));
    }
    if from == to {
        return Err(DraftErrors::on(
            Field::To,
            "An address can't redirect to itself.",
        ));
    }
    Ok((from.to_owned(), to.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_paths_and_https_targets() {
        assert_eq!(
            check(" /old-post/ ", "/articles/new-post"),
            Ok(("/old-post/".into(), "/articles/new-post".into()))
        );
        assert!(check("/?p=12", "https://example.org/x").is_ok());
    }

    #[test]
    fn refuses_what_would_break_the_site() {
        for (from, to, field) in [
            ("old", "/x", Field::From),
            ("//evil.example", "/x", Field::From),
            ("/admin", "/x", Field::From),
            ("/api/admin/me", "/x", Field::From),
            ("/", "/x", Field::From),
            ("/a", "javascript:alert(1)", Field::To),
            ("/a", "//evil.example", Field::To),
            ("/a", "/a", Field::To),
        ] {
            assert_eq!(
                check(from, to).map_err(|e| e.0[0].0),
                Err(field),
                "{from} -> {to}"
            );
        }
    }
}
