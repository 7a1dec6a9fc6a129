//! Reads a WordPress export (WXR: RSS with `wp:` elements) into posts.

use quick_xml::events::Event;
use quick_xml::Reader;

/// One `<item>` of the export: a post, page, attachment, menu item, ...
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: i64,
    pub title: String,
    pub link: String,
    /// `wp:post_name`: percent-encoded when it isn't ASCII.
    pub name: String,
    pub kind: String,
    pub status: String,
    pub date_gmt: String,
    pub date: String,
    pub content: String,
    pub excerpt: String,
    /// (nicename, name) of each `<category domain="category">`.
    pub categories: Vec<(String, String)>,
    /// An attachment's file (`wp:attachment_url`).
    pub attachment_url: String,
    /// A post's featured image: the id of its attachment (`_thumbnail_id`).
    pub thumbnail_id: Option<i64>,
    /// An attachment's alternative text (`_wp_attachment_image_alt`).
    pub image_alt: String,
}

/// Every item in the file, in order.
pub fn items(xml: &str) -> Result<Vec<Item>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut items = Vec::new();
    let mut current: Option<Item> = None;
    // The element whose text is being read, and its category attributes.
    let mut field = String::new();
    let mut category: Option<(String, bool)> = None;
    // The `wp:meta_key` of the `wp:postmeta` being read.
    let mut meta_key = String::new();
    let mut text = String::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "item" {
                    current = Some(Item::default());
                } else if current.is_some() {
                    if name == "category" {
                        let mut nicename = String::new();
                        let mut is_category = false;
                        for attr in e.attributes().flatten() {
                            let value = attr.unescape_value()?.into_owned();
                            match attr.key.as_ref() {
                                b"domain" => is_category = value == "category",
                                b"nicename" => nicename = value,
                                _ => {}
                            }
                        }
                        category = Some((nicename, is_category));
                    }
                    field = name;
                    text.clear();
                }
            }
            Event::Text(e) if current.is_some() => text.push_str(&e.unescape()?),
            Event::CData(e) if current.is_some() => {
                text.push_str(&String::from_utf8_lossy(&e.into_inner()));
            }
            Event::End(e) => {
                let name = e.name();
                if name.as_ref() == b"item" {
                    items.extend(current.take());
                } else if let Some(item) = current.as_mut() {
                    let value = std::mem::take(&mut text);
                    match field.as_str() {
                        "title" => item.title = value,
                        "link" => item.link = value,
                        "wp:post_id" => item.id = value.trim().parse().unwrap_or_default(),
                        "wp:post_name" => item.name = value,
                        "wp:post_type" => item.kind = value,
                        "wp:status" => item.status = value,
                        "wp:post_date_gmt" => item.date_gmt = value,
                        "wp:post_date" => item.date = value,
                        "content:encoded" => item.content = value,
                        "excerpt:encoded" => item.excerpt = value,
                        "wp:attachment_url" => item.attachment_url = value,
                        "wp:meta_key" => meta_key = value,
                        "wp:meta_value" => match meta_key.as_str() {
                            "_thumbnail_id" => item.thumbnail_id = value.trim().parse().ok(),
                            "_wp_attachment_image_alt" => item.image_alt = value,
                            _ => {}
                        },
                        "category" => {
                            if let Some((nicename, true)) = category.take() {
                                item.categories.push((nicename, value));
                            }
                        }
                        _ => {}
                    }
                    field.clear();
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(items)
}

/// Exports mutated at random (cut, doubled, spliced with markup or
/// invalid text) are read without a panic, and so is every field the
/// import takes from what survives.
#[cfg(test)]
mod properties {
    use super::items;
    use crate::wordpress::fields;
    use proptest::prelude::*;

    const EXPORT: &str = include_str!("../../tests/fixtures/wordpress-export.xml");

    #[derive(Debug, Clone)]
    enum Mutation {
        Cut(usize, usize),
        Double(usize, usize),
        Insert(usize, String),
        Truncate(usize),
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        let junk = prop_oneof![
            Just("<item>".to_owned()),
            Just("</item>".to_owned()),
            Just("<![CDATA[".to_owned()),
            Just("]]>".to_owned()),
            Just("<wp:post_id>-99999999999999999999</wp:post_id>".to_owned()),
            Just("<wp:post_date_gmt>9999-99-99 99:99:99</wp:post_date_gmt>".to_owned()),
            Just("<wp:post_name>%E0%A4%A</wp:post_name>".to_owned()),
            Just("<category domain=\"category\" nicename=\"\"></category>".to_owned()),
            Just("&#xFFFFFF;&bogus;&".to_owned()),
            "\\PC{0,20}",
        ];
        prop_oneof![
            (any::<usize>(), 0..400usize).prop_map(|(at, len)| Mutation::Cut(at, len)),
            (any::<usize>(), 0..400usize).prop_map(|(at, len)| Mutation::Double(at, len)),
            (any::<usize>(), junk).prop_map(|(at, text)| Mutation::Insert(at, text)),
            any::<usize>().prop_map(Mutation::Truncate),
        ]
    }

    /// The nearest character boundary at or below `at`.
    fn boundary(text: &str, at: usize) -> usize {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn apply(mut text: String, mutation: &Mutation) -> String {
        match mutation {
            Mutation::Cut(at, len) => {
                let start = boundary(&text, *at);
                let end = boundary(&text, start + len).max(start);
                text.replace_range(start..end, "");
            }
            Mutation::Double(at, len) => {
                let start = boundary(&text, *at);
                let end = boundary(&text, start + len).max(start);
                let copy = text[start..end].to_owned();
                text.insert_str(end, &copy);
            }
            Mutation::Insert(at, junk) => {
                let at = boundary(&text, *at);
                text.insert_str(at, junk);
            }
            Mutation::Truncate(at) => {
                let at = boundary(&text, *at);
                text.truncate(at);
            }
        }
        text
    }

    proptest! {
        #[test]
        fn a_mutated_export_is_read_without_a_panic(mutations in prop::collection::vec(mutation(), 1..6)) {
            let export = mutations.iter().fold(EXPORT.to_owned(), apply);
            if let Ok(items) = items(&export) {
                for item in &items {
                    let title = fields::plain(&item.title);
                    let _ = fields::status(&item.status);
                    let _ = fields::date(item);
                    let _ = fields::slug_for(item, &title);
                    let _ = fields::path_of(&item.link);
                    let _ = app::server::markdown::sanitize_html(&item.content);
                }
            }
        }
    }
}
