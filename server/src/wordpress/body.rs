//! An imported post's HTML: where its images are, and the same HTML with
//! each image pointing at its new copy and each embedded video kept as a
//! link with its title. Read with ammonia (html5ever), the sanitiser every
//! body goes through anyway, so no markup is parsed by hand.

use app::domain::media::StoredImage;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The `src` of every `<img>`, in order, each once.
pub fn image_urls(html: &str) -> Vec<String> {
    let found = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = found.clone();
    let mut builder = ammonia::Builder::default();
    builder.attribute_filter(move |element, attribute, value| {
        if element == "img" && attribute == "src" {
            if let Ok(mut found) = sink.lock() {
                if !found.iter().any(|url| url == value) {
                    found.push(value.to_owned());
                }
            }
        }
        Some(value.into())
    });
    builder.clean(html);
    let urls = found.lock().map(|f| f.clone()).unwrap_or_default();
    urls
}

/// A post's body as it will be stored.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rewritten {
    pub html: String,
    /// Embedded videos kept as links.
    pub videos: usize,
    /// Embedded frames from anywhere else, removed (their addresses).
    pub frames_removed: Vec<String>,
}

/// `html` with the images found in `images` pointing at their new copies
/// and YouTube and Vimeo frames turned into links, then sanitised.
pub fn rewrite(html: &str, images: &HashMap<String, StoredImage>) -> Rewritten {
    let images: HashMap<String, String> = images
        .iter()
        .map(|(url, image)| (url.clone(), image.src()))
        .collect();
    let removed = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = removed.clone();
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["iframe"])
        .add_tag_attributes("iframe", ["src", "title"])
        .attribute_filter(
            move |element, attribute, value| match (element, attribute) {
                ("img", "src") => Some(
                    images
                        .get(value)
                        .map_or_else(|| value.to_owned(), Clone::clone)
                        .into(),
                ),
                ("iframe", "src") => {
                    let link = video_link(value);
                    if link.is_none() {
                        if let Ok(mut removed) = sink.lock() {
                            removed.push(value.to_owned());
                        }
                    }
                    link.map(Into::into)
                }
                _ => Some(value.into()),
            },
        );
    let cleaned = builder.clean(html).to_string();
    let (html, videos) = frames_to_links(&cleaned);
    let frames_removed = removed.lock().map(|r| r.clone()).unwrap_or_default();
    Rewritten {
        html: app::server::markdown::sanitize_html(&html),
        videos,
        frames_removed,
    }
}

/// The page of a YouTube or Vimeo player's address; `None` for any other.
fn video_link(src: &str) -> Option<String> {
    let rest = src
        .strip_prefix("https://")
        .or_else(|| src.strip_prefix("http://"))
        .or_else(|| src.strip_prefix("//"))?;
    let (host, path) = rest.split_once('/')?;
    let id = |prefix: &str| {
        let id = path.strip_prefix(prefix)?.split(['?', '#', '/']).next()?;
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        valid.then(|| id.to_owned())
    };
    match host {
        "www.youtube.com" | "youtube.com" | "www.youtube-nocookie.com" | "youtube-nocookie.com" => {
            id("embed/").map(|id| format!("https://www.youtube.com/watch?v={id}"))
        }
        "player.vimeo.com" => id("video/").map(|id| format!("https://vimeo.com/{id}")),
        _ => None,
    }
}

/// Each `<iframe>` as the sanitiser wrote it becomes a paragraph with a
/// link to its video (or nothing, when its address was removed); returns
/// the HTML and how many links were made.
fn frames_to_links(html: &str) -> (String, usize) {
    const OPEN: &str = "<iframe";
    const CLOSE: &str = "</iframe>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut links = 0;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let frame = &rest[start..];
        let end = frame.find(CLOSE).map_or(frame.len(), |i| i + CLOSE.len());
        // The serialiser quotes every value with `"` and escapes any `"`
        // inside, so a value runs to the next `"`, and the tag ends at the
        // first `>` outside quotes.
        let mut quoted = false;
        let tag_end = frame
            .char_indices()
            .find(|(_, c)| {
                quoted ^= *c == '"';
                *c == '>' && !quoted
            })
            .map_or(frame.len(), |(i, _)| i);
        let tag = &frame[..tag_end];
        let attribute = |name: &str| {
            let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
            tag[at..].split('"').next()
        };
        if let Some(href) = attribute("src") {
            let site = if href.contains("vimeo.com") {
                "Vimeo"
            } else {
                "YouTube"
            };
            let title = attribute("title")
                .filter(|t| !t.trim().is_empty())
                .unwrap_or("Watch the video");
            out.push_str(&format!(
                "<p><a href=\"{href}\">Video: {title} ({site})</a></p>"
            ));
            links += 1;
        }
        rest = &frame[end..];
    }
    out.push_str(rest);
    (out, links)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::media::MediaKey;

    fn stored() -> StoredImage {
        StoredImage {
            key: MediaKey::parse("0123456789abcdef0123456789abcdef")
                .unwrap_or_else(|_| panic!("a key")),
            width: 1200,
            height: 800,
            widths: vec![480, 960, 1200],
        }
    }

    #[test]
    fn finds_each_image_once() {
        let html = r#"<p><img src="https://old.example/a.jpg" alt="A"><img src="https://old.example/b-300x200.png"></p><img src="https://old.example/a.jpg">"#;
        assert_eq!(
            image_urls(html),
            [
                "https://old.example/a.jpg",
                "https://old.example/b-300x200.png"
            ]
        );
    }

    #[test]
    fn images_point_at_their_new_copies_and_videos_become_links() {
        let images = HashMap::from([("https://old.example/a.jpg".to_owned(), stored())]);
        let html = r#"<p>Before <img src="https://old.example/a.jpg" alt="A desk" srcset="https://old.example/a-300x200.jpg 300w"></p>
<iframe width="560" title="Desk &quot;stretches&quot; &amp; more &gt; sitting" src="https://www.youtube.com/embed/abc_12-XY?feature=oembed" allowfullscreen></iframe>
<iframe src="https://player.vimeo.com/video/76979871"></iframe>
<iframe src="https://ads.example/frame"><p>fallback</p></iframe>
<img src="https://old.example/missing.jpg" alt="Gone">"#;
        let out = rewrite(html, &images);
        assert!(
            out.html.contains(
                r#"<img src="/media/0123456789abcdef0123456789abcdef-960.jpg" alt="A desk">"#
            ),
            "{}",
            out.html
        );
        assert!(!out.html.contains("a-300x200"), "{}", out.html);
        assert!(
            out.html.contains(
                r#"<a href="https://www.youtube.com/watch?v=abc_12-XY" rel="noopener noreferrer">Video: Desk "stretches" &amp; more &gt; sitting (YouTube)</a>"#
            ),
            "{}",
            out.html
        );
        assert!(
            out.html.contains(
                r#"<a href="https://vimeo.com/76979871" rel="noopener noreferrer">Video: Watch the video (Vimeo)</a>"#
            ),
            "{}",
            out.html
        );
        assert!(!out.html.contains("iframe") && !out.html.contains("ads.example"));
        assert!(out
            .html
            .contains(r#"src="https://old.example/missing.jpg""#));
        assert_eq!(out.videos, 2);
        assert_eq!(out.frames_removed, ["https://ads.example/frame"]);
    }

    #[test]
    fn only_players_of_known_sites_are_videos() {
        assert_eq!(
            video_link("//www.youtube-nocookie.com/embed/xyz"),
            Some("https://www.youtube.com/watch?v=xyz".to_owned())
        );
        for src in [
            "https://www.youtube.com/embed/",
            "https://www.youtube.com/embed/a\"b",
            "https://evil.example/embed/xyz",
            "javascript:alert(1)",
            "https://www.youtube.com.evil.example/embed/xyz",
        ] {
            assert_eq!(video_link(src), None, "{src}");
        }
    }
}
