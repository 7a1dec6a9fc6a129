//! `server import-wordpress FILE [--pages]`: moves a WordPress site's posts
//! (and, if asked, pages) into this one, and keeps their old addresses
//! working with redirects. Safe to run again: what was imported is skipped.

mod fields;
mod parse;

pub use parse::{items, Item};

use app::domain::article_admin::ArticleState;
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
}

pub async fn import(
    db: &Db,
    items: &[Item],
    with_pages: bool,
    mut progress: impl FnMut(usize, usize),
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    for (n, item) in items.iter().enumerate() {
        progress(n + 1, items.len());
        let title = plain(&item.title);
        let skip = |why: &str| (item.id, title.clone(), why.to_owned());
        let is_page = item.kind == "page";
        if item.kind != "post" && !(is_page && with_pages) {
            report.skipped.push(skip(&if is_page {
                "a page (add --pages to import pages as draft articles)".to_owned()
            } else {
                format!("a {}, not a post", item.kind)
            }));
            continue;
        }
        let Some(mut state) = status(&item.status) else {
            report
                .skipped
                .push(skip(&format!("its status is {:?}", item.status)));
            continue;
        };
        if is_page {
            // Pages have no place among articles until staff decide.
            state = ArticleState::Draft;
        }
        if db::articles::slug_of_wordpress_post(db, item.id)
            .await?
            .is_some()
        {
            report.skipped.push(skip("already imported"));
            continue;
        }
        if title.is_empty() {
            report.skipped.push(skip("it has no title"));
            continue;
        }
        let Some(slug) = slug_for(item, &title) else {
            report
                .skipped
                .push(skip("no address could be made from its slug or title"));
            continue;
        };
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
        let (category_slug, category) = if is_page {
            ("pages".to_owned(), "Pages".to_owned())
        } else {
            item.categories
                .first()
                .map(|(nice, name)| (nice.clone(), plain(name)))
                .unwrap_or_else(|| ("uncategorized".into(), "Uncategorized".into()))
        };
        let body = markdown::sanitize_html(&item.content);
        let excerpt = markdown::summary(&item.excerpt, articles::SUMMARY_MAX_CHARS);
        articles::insert(
            db,
            &NewArticle {
                slug: slug.clone(),
                title: title.clone(),
                category: category.clone(),
                summary: (!excerpt.is_empty()).then_some(excerpt),
                body_md: body,
                hero: None,
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
pub async fn run(db: &Db, args: &[String]) -> anyhow::Result<()> {
    let mut path = None;
    let mut with_pages = false;
    for arg in args {
        match arg.as_str() {
            "--pages" => with_pages = true,
            other if path.is_none() && !other.starts_with("--") => path = Some(other.to_owned()),
            other => anyhow::bail!("unknown argument {other:?}\n{}", crate::cli::USAGE),
        }
    }
    let Some(path) = path else {
        anyhow::bail!("name the export file\n{}", crate::cli::USAGE)
    };
    let xml = std::fs::read_to_string(&path).map_err(|e| anyhow::anyhow!("reading {path}: {e}"))?;
    let items = items(&xml)
        .map_err(|e| anyhow::anyhow!("{path} is not a readable WordPress export: {e}"))?;
    eprintln!("{path}: {} items", items.len());
    let report = import(db, &items, with_pages, |n, total| {
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
    println!(
        "{} imported, {} matched, {} skipped, {} redirects added",
        report.imported.len(),
        report.matched.len(),
        report.skipped.len(),
        report.redirects_added
    );
    Ok(())
}
