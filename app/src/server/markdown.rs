//! Markdown to safe HTML. Runs when content is saved, so browsers only ever
//! receive sanitised HTML and no Markdown code ships to them.

use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};

/// Renders Markdown and removes anything that could run script: `<script>`,
/// event-handler attributes, `javascript:` links, inline styles.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

/// HTML from elsewhere (a WordPress export) with the same policy as our
/// own rendering: headings, lists, links and images stay; scripts go.
pub fn sanitize_html(html: &str) -> String {
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// The first paragraph as plain text, cut at a word boundary to at most
/// `max_chars`: a default summary for lists and the meta description.
pub fn summary(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if !text.trim().is_empty() => break,
            Event::End(TagEnd::Paragraph) => in_paragraph = false,
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    truncate_words(text.trim(), max_chars)
}

fn truncate_words(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_markdown_patients_see() {
        let html = render("## Heading\n\n1. **Bold:** item\n2. second\n\n[link](/about)");
        assert!(html.contains("<h2>Heading</h2>"), "{html}");
        assert!(
            html.contains("<ol>\n<li><strong>Bold:</strong> item</li>"),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="/about" rel="noopener noreferrer">link</a>"#),
            "{html}"
        );
    }

    #[test]
    fn removes_everything_that_could_run_script() {
        let cases = [
            ("script tag", "<script>alert(1)</script>hello", "<script"),
            (
                "event handler",
                r#"<img src="x.png" onerror="alert(1)">"#,
                "onerror",
            ),
            (
                "javascript link",
                "[click](javascript:alert(1))",
                "javascript:",
            ),
            (
                "raw javascript href",
                r#"<a href="javascript:alert(1)">x</a>"#,
                "javascript:",
            ),
            (
                "iframe",
                r#"<iframe src="https://evil.example"></iframe>"#,
                "<iframe",
            ),
            (
                "style attribute",
                r#"<p style="position:fixed">x</p>"#,
                "style=",
            ),
        ];
        for (name, markdown, forbidden) in cases {
            let html = render(markdown);
            assert!(!html.contains(forbidden), "case {name}: {html}");
        }
    }

    #[test]
    fn summary_is_the_first_paragraph_cut_at_a_word() {
        let md = "First line\nstill first.\n\nSecond paragraph.";
        assert_eq!(summary(md, 200), "First line still first.");
        assert_eq!(summary("one two three four", 12), "one two…");
        assert_eq!(summary("## Only a heading\n\nText.", 200), "Text.");
    }
}

/// Properties over generated input: whatever an editor types or an export
/// holds, no script reaches a page, and sanitising twice changes nothing.
#[cfg(test)]
mod properties {
    use super::{render, sanitize_html};
    use proptest::prelude::*;

    /// Pieces attackers use, Markdown syntax and plain text, in any order.
    fn hostile() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<script>alert(1)</script>".to_owned()),
            Just("<img src=x onerror=alert(1)>".to_owned()),
            Just("<svg onload=alert(1)><circle/></svg>".to_owned()),
            Just("[click](javascript:alert(1))".to_owned()),
            Just("[click](JaVaScRiPt:alert(1))".to_owned()),
            Just("<a href=\"&#106;avascript:alert(1)\">x</a>".to_owned()),
            Just("<a href=\" javascript:alert(1)\">x</a>".to_owned()),
            Just("![i](javascript:alert(1))".to_owned()),
            Just("<iframe src=\"https://evil.example\"></iframe>".to_owned()),
            Just("<style>body{display:none}</style>".to_owned()),
            Just("<div style=\"background:url(javascript:alert(1))\">s</div>".to_owned()),
            Just(
                "<form action=\"javascript:alert(1)\"><button formaction=x>b</button></form>"
                    .to_owned()
            ),
            Just("<object data=x></object><embed src=x>".to_owned()),
            Just("<a href=\"data:text/html,<script>alert(1)</script>\">d</a>".to_owned()),
            Just("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>".to_owned()),
            Just("\n\n# Heading\n\n- item\n\n```\ncode <script>\n```\n".to_owned()),
            Just("<<>>\"'`&;".to_owned()),
            "[a-zA-Z0-9 <>=\"'/:;&#()\\[\\]!*_`\n-]{0,40}",
        ];
        prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
    }

    /// What in `html` could run script, as a browser parses it.
    fn dangers(html: &str) -> Vec<String> {
        let document = scraper::Html::parse_fragment(html);
        let mut found = Vec::new();
        for node in document.tree.nodes() {
            let Some(element) = node.value().as_element() else {
                continue;
            };
            let name = element.name();
            if [
                "script", "style", "iframe", "object", "embed", "form", "svg", "math",
            ]
            .contains(&name)
            {
                found.push(format!("<{name}>"));
            }
            for (attribute, value) in element.attrs() {
                let value = value.trim().to_ascii_lowercase();
                if attribute.starts_with("on") || attribute == "style" {
                    found.push(format!("{name} {attribute}"));
                }
                if ["href", "src", "action", "formaction", "xlink:href"].contains(&attribute)
                    && ["javascript:", "vbscript:", "data:"]
                        .iter()
                        .any(|s| value.starts_with(s))
                {
                    found.push(format!("{name} {attribute}={value}"));
                }
            }
        }
        found
    }

    proptest! {
        #[test]
        fn rendered_markdown_never_carries_script(input in hostile()) {
            let html = render(&input);
            prop_assert_eq!(dangers(&html), Vec::<String>::new(), "{}", html);
            prop_assert_eq!(sanitize_html(&html), html.clone(), "sanitising again changes it");
        }

        #[test]
        fn imported_html_never_carries_script(input in hostile()) {
            let html = sanitize_html(&input);
            prop_assert_eq!(dangers(&html), Vec::<String>::new(), "{}", html);
            prop_assert_eq!(sanitize_html(&html), html.clone(), "sanitising again changes it");
        }
    }
}
