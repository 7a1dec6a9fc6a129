//! The Content-Security-Policy of every HTML answer. Scripts and styles
//! run only from this site's own files, plus the inline ones this very page
//! carries, named by their SHA-256 hashes; the wasm may be compiled
//! (`'wasm-unsafe-eval'`); nothing may frame the page, post its forms
//! elsewhere, or change its base address. So a script that reached a page
//! some other way (a sanitiser's miss) does not run.
//!
//! Hashes, not a nonce: the page cache sends one rendering of a page to
//! every visitor, and a nonce shared by all of them protects nothing.
//! Hashing costs one pass over a page when it is rendered, not when the
//! cache answers (docs/privacy-and-security.md).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

/// Pages are far smaller; a larger HTML answer is refused rather than sent
/// without a policy.
const MAX_HTML: usize = 4 * 1024 * 1024;

/// Directives that do not depend on the page.
const FIXED: &str = "default-src 'self'; object-src 'none'; base-uri 'none'; \
                     frame-ancestors 'none'; form-action 'self'";

/// Middleware: gives every HTML answer its policy (the body is read whole:
/// pages are rendered whole before they are sent, `SsrMode::Async`).
pub async fn add_policy(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(html) = axum::body::to_bytes(body, MAX_HTML).await else {
        return app::api::ApiError::Internal.into_response();
    };
    parts
        .headers
        .insert(header::CONTENT_SECURITY_POLICY, for_page(&html));
    Response::from_parts(parts, Body::from(html))
}

/// The policy for a page: its inline scripts' and styles' hashes.
pub fn for_page(html: &[u8]) -> HeaderValue {
    let scripts = hashes(inline_blocks(html, "script"));
    let styles = hashes(inline_blocks(html, "style"));
    let policy =
        format!("{FIXED}; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}");
    // Hashes are base64 and the rest is ASCII: always a valid header.
    HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static(FIXED))
}

fn hashes<'a>(blocks: impl Iterator<Item = &'a [u8]>) -> String {
    blocks
        .map(|block| {
            let digest = Sha256::digest(block);
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect()
}

/// The contents of each `<tag ...>...</tag>` in `html` that the browser
/// would run or apply inline: not a `src` script, not a data block
/// (`type="application/ld+json"`).
fn inline_blocks<'a>(html: &'a [u8], tag: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = html;
    std::iter::from_fn(move || loop {
        let start = find(rest, open.as_bytes())?;
        let after_name = &rest[start + open.len()..];
        // `<scripts>` or `<style-x>` are other elements.
        if !after_name
            .first()
            .is_some_and(|b| *b == b'>' || b.is_ascii_whitespace())
        {
            rest = after_name;
            continue;
        }
        let tag_end = find(after_name, b">")?;
        let attributes = &after_name[..tag_end];
        let content = &after_name[tag_end + 1..];
        let end = find(content, close.as_bytes())?;
        rest = &content[end + close.len()..];
        if runs_inline(attributes) {
            return Some(&content[..end]);
        }
    })
}

/// An inline block the policy must allow: no `src`, and a type the
/// browser executes (none, a JavaScript type, a module, or CSS).
fn runs_inline(attributes: &[u8]) -> bool {
    let attributes = String::from_utf8_lossy(attributes).to_ascii_lowercase();
    let has_src = attributes
        .split(|c: char| c.is_ascii_whitespace())
        .any(|a| a.starts_with("src="));
    !has_src
        && !attributes.contains("application/ld+json")
        && !attributes.contains("application/json")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(text: &str) -> String {
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
        )
    }

    fn policy(html: &str) -> String {
        for_page(html.as_bytes())
            .to_str()
            .unwrap_or_default()
            .to_owned()
    }

    #[test]
    fn inline_scripts_and_styles_are_allowed_by_hash_and_nothing_else() {
        let html = r#"<html><head><style>body{color:red}</style>
            <script type="module">import("/pkg/x.js")</script>
            <script nonce="abc">window.a=1</script>
            <script src="/pkg/clinic.js"></script>
            <script type="application/ld+json">{"@type":"MedicalClinic"}</script>
            </head><body><scripts>not a script</scripts></body></html>"#;
        let policy = policy(html);
        assert!(policy.contains(&sha(r#"import("/pkg/x.js")"#)), "{policy}");
        assert!(policy.contains(&sha("window.a=1")), "{policy}");
        assert!(policy.contains(&sha("body{color:red}")), "{policy}");
        assert!(
            !policy.contains(&sha("")),
            "an external script adds no hash: {policy}"
        );
        assert!(
            !policy.contains(&sha(r#"{"@type":"MedicalClinic"}"#)),
            "{policy}"
        );
        assert_eq!(policy.matches("'sha256-").count(), 3, "{policy}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ] {
            assert!(policy.contains(directive), "{directive}: {policy}");
        }
    }

    #[test]
    fn a_page_without_inline_code_allows_only_the_sites_files() {
        assert_eq!(
            policy("<p>Hello</p>"),
            format!("{FIXED}; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'")
        );
    }
}
