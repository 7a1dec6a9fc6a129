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
}

/// Every item in the file, in order.
pub fn items(xml: &str) -> Result<Vec<Item>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut items = Vec::new();
    let mut current: Option<Item> = None;
    // The element whose text is being read, and its category attributes.
    let mut field = String::new();
    let mut category: Option<(String, bool)> = None;
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
