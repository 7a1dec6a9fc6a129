//! How a WordPress item's fields become ours: status, date, address and
//! plain text.

use super::Item;
use app::domain::article_admin::ArticleState;
use app::domain::Slug;
use app::server::content::Timestamp;

/// How a WordPress status maps onto ours; `None`: not worth importing.
pub(super) fn status(raw: &str) -> Option<ArticleState> {
    match raw {
        "publish" => Some(ArticleState::Published),
        "future" => Some(ArticleState::Scheduled),
        "draft" | "pending" | "private" => Some(ArticleState::Draft),
        _ => None,
    }
}

/// `2023-12-13 15:04:05` in UTC -> a timestamp. WordPress writes zeros
/// there for drafts; then its local time is read on the clinic's clock.
pub(super) fn date(item: &Item) -> Option<Timestamp> {
    let written = |raw: &str| {
        let raw = raw.trim();
        (!raw.is_empty() && !raw.starts_with("0000")).then(|| raw.replacen(' ', "T", 1))
    };
    written(&item.date_gmt)
        .and_then(|gmt| Timestamp::parse_stored(&format!("{gmt}Z")).ok())
        .or_else(|| written(&item.date).and_then(|local| Timestamp::parse_clinic_time(&local).ok()))
}

/// WordPress keeps non-ASCII slugs percent-encoded ("%c4%87wiczenia"):
/// decoded, then spelled in ASCII ("cwiczenia") so the address stays readable.
pub(super) fn slug_for(item: &Item, title: &str) -> Option<Slug> {
    let decoded = percent_decode(item.name.trim());
    let source = if decoded.is_empty() { title } else { &decoded };
    Slug::from_title(&deunicode::deunicode(source)).ok()
}

pub(super) fn percent_decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Titles and category names arrive HTML-escaped ("Aches &amp; Pains", "&#8217;").
pub(super) fn plain(text: &str) -> String {
    quick_xml::escape::unescape(text.trim())
        .map(|t| t.into_owned())
        .unwrap_or_else(|_| text.trim().to_owned())
}

/// The path part of an absolute URL: "https://old.site/a-post/" -> "/a-post/".
pub(super) fn path_of(link: &str) -> Option<String> {
    let rest = link.split_once("://").map_or(link, |(_, rest)| rest);
    let path = &rest[rest.find('/')?..];
    (path.len() > 1).then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_addresses_and_slugs() {
        assert_eq!(
            path_of("https://old.example/a-post/").as_deref(),
            Some("/a-post/")
        );
        assert_eq!(
            path_of("https://old.example/?p=3").as_deref(),
            Some("/?p=3")
        );
        assert_eq!(path_of("https://old.example/"), None);
        let item = Item {
            name: "%c4%87wiczenia-na-kr%c4%99gos%c5%82up".into(),
            ..Item::default()
        };
        assert_eq!(
            slug_for(&item, "x").map(|s| s.to_string()).as_deref(),
            Some("cwiczenia-na-kregoslup")
        );
        assert_eq!(plain("Aches &amp; Pains &#8217;"), "Aches & Pains \u{2019}");
    }
}
