//! `server import-wordpress FILE [--pages] [--uploads DIR | --fetch]`:
//! moves a WordPress site's posts (and, if asked, pages) into this one with
//! their images and featured images, and keeps their old addresses working
//! with redirects. Safe to run again: what was imported is skipped.

mod body;
mod fields;
mod images;
mod parse;

pub use images::{Images, Source};
pub use parse::{items, Item};

use app::domain::article_admin::ArticleState;
use app::domain::media::MIN_WIDTH;
use app::domain::HeroImage;
use app::domain::{PageNumber, Slug};
use app::routes;
use app::server::content::articles::{self, NewArticle};
use app::server::db::{self, Db};
use app::server::markdown;
use app::server::redirects::{self, RedirectOrigin};
use fields::{date, path_of, plain, slug_for, status};

/// What an import did, item by item.
#[derive(Debug, Default)]
pub struct Report {
    /// (WordPress id, new address)
    pub imported: Vec<(i64, String)>,
    /// Already here under the same address and title (WordPress id, address).
    pub matched: Vec<(i64, String)>,
    /// (WordPress id, title, why)
    pub skipped: Vec<(i64, String, String)>,
    pub redirects_added: usize,
    /// Images stored here: (old address, new address).
    pub images: Vec<(String, String)>,
    /// Images not taken, still pointing at the old site: (post, old address, why).
    pub missing_images: Vec<(i64, String, String)>,
    /// Embedded YouTube and Vimeo videos kept as links.
    pub videos: usize,
    /// Embedded frames from other sites, removed: (post, address).
    pub frames_removed: Vec<(i64, String)>,
    /// Posts whose featured image had no alternative text: kept as
    /// decorative until staff describe it.
    pub heroes_without_alt: Vec<i64>,
    /// Posts whose featured image was too narrow for a hero, and how wide
    /// it was: placed at the top of the text instead.
    pub narrow_heroes: Vec<(i64, u32)>,
}

/// What `item` becomes (its state and address), or why it is skipped:
/// not a post (nor a page with `with_pages`), an unknown status, no title,
/// no address to be made.
fn admissible(item: &Item, title: &str, with_pages: bool) -> Result<(ArticleState, Slug), String> {
    let is_page = item.kind == "page";
    if item.kind != "post" && !(is_page && with_pages) {
        return Err(if is_page {
            "a page (add --pages to import pages as draft articles)".to_owned()
        } else {
            format!("a {}, not a post", item.kind)
        });
    }
    let Some(state) = status(&item.status) else {
        return Err(format!("its status is {:?}", item.status));
    };
    if title.is_empty() {
        return Err("it has no title".to_owned());
    }
    let Some(slug) = slug_for(item, title) else {
        return Err("no address could be made from its slug or title".to_owned());
    };
    // Pages have no place among articles until staff decide.
    Ok((if is_page { ArticleState::Draft } else { state }, slug))
}

/// The category an item is filed under (slug, name): its first one, and
/// pages under their own.
fn category_of(item: &Item) -> (String, String) {
    if item.kind == "page" {
        return ("pages".to_owned(), "Pages".to_owned());
    }
    item.categories
        .first()
        .map(|(nice, name)| (nice.clone(), plain(name)))
        .unwrap_or_else(|| ("uncategorized".into(), "Uncategorized".into()))
}

pub async fn import(
    db: &Db,
    items: &[Item],
    with_pages: bool,
    images: &mut Images,
    mut progress: impl FnMut(usize, usize),
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    for (n, item) in items.iter().enumerate() {
        progress(n + 1, items.len());
        let title = plain(&item.title);
        let skip = |why: &str| (item.id, title.clone(), why.to_owned());
        let (state, slug) = match admissible(item, &title, with_pages) {
            Ok(found) => found,
            Err(why) => {
                report.skipped.push(skip(&why));
                continue;
            }
        };
        if db::articles::slug_of_wordpress_post(db, item.id)
            .await?
            .is_some()
        {
            report.skipped.push(skip("already imported"));
            continue;
        }
        let taken = db::articles::unlinked_by_slug(db, slug.as_str()).await?;
        let address = routes::article(&slug);
        match taken {
            // The same article is already here (the seed carries the clinic's
            // own): link it to its WordPress id so its old addresses work.
            Some(existing) if existing.title == title => {
                db::articles::link_to_wordpress(db, existing.id, item.id).await?;
                report.matched.push((item.id, address.clone()));
                if state == ArticleState::Published {
                    report.redirects_added += add_redirects(db, item, &address, None).await?;
                }
                continue;
            }
            Some(_) => {
                report.skipped.push(skip(&format!(
                    "another article already has the address {address}"
                )));
                continue;
            }
            None => {}
        }
        let (category_slug, category) = category_of(item);
        let (body, hero) = move_media(db, item, items, images, &mut report).await;
        let excerpt = markdown::summary(&item.excerpt, articles::SUMMARY_MAX_CHARS);
        articles::insert(
            db,
            &NewArticle {
                slug: slug.clone(),
                title: title.clone(),
                category: category.clone(),
                summary: (!excerpt.is_empty()).then_some(excerpt),
                body_md: body,
                hero,
                status: state,
                published_at: date(item),
                wordpress_id: Some(item.id),
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{title}: {e}"))?;
        report.imported.push((item.id, address.clone()));
        if state == ArticleState::Published {
            let category = Some((category_slug.as_str(), category.as_str()));
            report.redirects_added += add_redirects(db, item, &address, category).await?;
        }
    }
    Ok(report)
}

/// The post's images taken into this site and its body pointing at them
/// (videos kept as links), and its featured image as the hero: or, when it
/// is too narrow for a hero, at the top of the text.
async fn move_media(
    db: &Db,
    item: &Item,
    items: &[Item],
    images: &mut Images,
    report: &mut Report,
) -> (String, Option<HeroImage>) {
    let mut content = std::borrow::Cow::Borrowed(item.content.as_str());
    let mut hero = None;
    if let Some(featured) = featured_image(db, item, items, images, report).await {
        let width = featured.hero.image.width;
        if width >= MIN_WIDTH {
            if featured.hero.alt.is_empty() {
                report.heroes_without_alt.push(item.id);
            }
            hero = Some(featured.hero);
        } else if body::image_urls(&item.content).contains(&featured.url) {
            // Already in the text: nothing to add.
            report.narrow_heroes.push((item.id, width));
        } else {
            report.narrow_heroes.push((item.id, width));
            content = std::borrow::Cow::Owned(format!(
                "<p><img src=\"{}\" alt=\"{}\"></p>\n{}",
                attribute(&featured.url),
                attribute(&featured.hero.alt),
                item.content
            ));
        }
    }
    let mut found = std::collections::HashMap::new();
    for url in body::image_urls(&content) {
        match images.take(db, &url).await {
            Ok(image) => {
                if !report.images.iter().any(|(old, _)| *old == url) {
                    report.images.push((url.clone(), image.src()));
                }
                found.insert(url, image);
            }
            Err(why) => report.missing_images.push((item.id, url, why)),
        }
    }
    let rewritten = body::rewrite(&content, &found);
    report.videos += rewritten.videos;
    report.frames_removed.extend(
        rewritten
            .frames_removed
            .into_iter()
            .map(|src| (item.id, src)),
    );
    (rewritten.html, hero)
}

/// A post's featured image, taken into this site.
struct Featured {
    url: String,
    hero: HeroImage,
}

async fn featured_image(
    db: &Db,
    item: &Item,
    items: &[Item],
    images: &mut Images,
    report: &mut Report,
) -> Option<Featured> {
    let id = item.thumbnail_id?;
    let Some(attachment) = items.iter().find(|a| a.id == id && a.kind == "attachment") else {
        let why = "the featured image is not in the export".to_owned();
        report
            .missing_images
            .push((item.id, format!("attachment #{id}"), why));
        return None;
    };
    let url = attachment.attachment_url.clone();
    match images.take(db, &url).await {
        Ok(image) => {
            if !report.images.iter().any(|(old, _)| *old == url) {
                report.images.push((url.clone(), image.src()));
            }
            let alt = plain(&attachment.image_alt);
            let hero = HeroImage { image, alt };
            Some(Featured { url, hero })
        }
        Err(why) => {
            report.missing_images.push((item.id, url, why));
            None
        }
    }
}

/// `text` as an HTML attribute's value in double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// `/?p=<id>`, the post's old permalink and its category archive, pointed
/// at their new addresses; returns how many were new.
async fn add_redirects(
    db: &Db,
    item: &Item,
    address: &str,
    category: Option<(&str, &str)>,
) -> anyhow::Result<usize> {
    let mut added = 0;
    let mut old = vec![format!("/?p={}", item.id)];
    old.extend(path_of(&item.link).filter(|p| p != address));
    for from in old {
        added += usize::from(redirects::add(db, &from, address, RedirectOrigin::Wordpress).await?);
    }
    if let Some((nicename, name)) = category {
        if let Ok(ours) = Slug::from_title(name) {
            let from = format!("/category/{nicename}/");
            let to = routes::articles(Some(&ours), PageNumber::FIRST);
            added += usize::from(redirects::add(db, &from, &to, RedirectOrigin::Wordpress).await?);
        }
    }
    Ok(added)
}

/// The CLI command: reads the file, imports, prints progress and the report.
pub async fn run(
    db: &Db,
    media: app::server::media_store::MediaStore,
    path: &std::path::Path,
    with_pages: bool,
    source: Source,
) -> anyhow::Result<()> {
    let path_shown = path.display();
    let xml =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("reading {path_shown}: {e}"))?;
    let path = path_shown;
    let items = items(&xml)
        .map_err(|e| anyhow::anyhow!("{path} is not a readable WordPress export: {e}"))?;
    eprintln!("{path}: {} items", items.len());
    let mut images = Images::new(source, media);
    let report = import(db, &items, with_pages, &mut images, |n, total| {
        if n % 25 == 0 || n == total {
            eprintln!("  {n} of {total} read");
        }
    })
    .await?;
    for (id, address) in &report.imported {
        println!("imported  #{id} -> {address}");
    }
    for (id, address) in &report.matched {
        println!("matched   #{id} -> {address} (already here; old addresses now redirect)");
    }
    for (id, title, why) in &report.skipped {
        println!("skipped   #{id} {title:?}: {why}");
    }
    print_media(&report);
    println!(
        "{} imported, {} matched, {} skipped, {} redirects added, {} images moved, {} images missing, {} videos kept as links",
        report.imported.len(),
        report.matched.len(),
        report.skipped.len(),
        report.redirects_added,
        report.images.len(),
        report.missing_images.len(),
        report.videos,
    );
    Ok(())
}

fn print_media(report: &Report) {
    for (old, new) in &report.images {
        println!("image     {old} -> {new}");
    }
    for (id, old, why) in &report.missing_images {
        println!("missing   #{id} {old} (still points at the old site): {why}");
    }
    for (id, src) in &report.frames_removed {
        println!("removed   #{id} an embedded frame from {src} (not a YouTube or Vimeo video)");
    }
    for (id, width) in &report.narrow_heroes {
        println!("in text   #{id} its featured image is {width} pixels wide, under a hero's {MIN_WIDTH}: placed at the top of the text");
    }
    for id in &report.heroes_without_alt {
        println!("no alt    #{id} its featured image has no description: kept as decorative; describe it in the editor");
    }
}
