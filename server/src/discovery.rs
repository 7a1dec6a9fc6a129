//! What crawlers and feed readers ask for: `/robots.txt`, `/sitemap.xml`
//! and the RSS feed, built from the database on each request so they are
//! never behind what is published.

use app::domain::Locale;
use app::routes::{self, Pages};
use app::server::content::feeds::{self, FeedItem};
use app::server::content::{now_utc, Timestamp};
use app::server::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

/// Articles in the feed: readers poll it; older ones are on the site.
const FEED_LENGTH: i64 = 20;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::ROBOTS, get(robots))
        .route(routes::SITEMAP, get(sitemap))
        .route(routes::FEED, get(feed))
        .route(routes::MANIFEST, get(manifest))
}

/// What a phone needs to put the site on its home screen.
async fn manifest(State(state): State<AppState>) -> Response {
    let clinic = match app::server::content::clinic::get(&state.db).await {
        Ok(clinic) => clinic,
        Err(e) => {
            tracing::error!(error = %e, "manifest");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let short_name = clinic
        .name
        .split_whitespace()
        .next()
        .unwrap_or(&clinic.name)
        .to_owned();
    let body = serde_json::json!({
        "name": clinic.name,
        "short_name": short_name,
        "description": clinic.description,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5e58",
        "icons": [
            { "src": "/icon-192.png", "sizes": "192x192", "type": "image/png" },
            { "src": "/icon-512.png", "sizes": "512x512", "type": "image/png" },
            { "src": "/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
            { "src": "/favicon.svg", "sizes": "any", "type": "image/svg+xml" }
        ]
    });
    (
        [(header::CONTENT_TYPE, "application/manifest+json")],
        body.to_string(),
    )
        .into_response()
}

async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: {}\nDisallow: {}/\n\nSitemap: {}{}\n",
        routes::ADMIN,
        routes::API,
        state.public_url,
        routes::SITEMAP
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// XML 1.0 can't hold most control characters even escaped: they are dropped.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|c| matches!(c, '\t' | '\n' | '\r') || !c.is_control())
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

type XmlResult = std::io::Result<()>;

fn element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) -> XmlResult {
    w.create_element(name)
        .write_text_content(BytesText::new(&xml_text(text)))?;
    Ok(())
}

fn xml_response(content_type: &'static str, built: std::io::Result<Vec<u8>>) -> Response {
    match built {
        Ok(body) => ([(header::CONTENT_TYPE, content_type)], body).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "writing XML");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A page's address in each language, and when it last changed.
type SitemapPage = (Vec<(Locale, String)>, Option<Timestamp>);

/// The sitemap of `pages` under `base`: each page once per language, each
/// naming all its languages' addresses (Google's `xhtml:link` alternates)
/// and English as the default for every other language.
fn sitemap_xml(base: &str, pages: &[SitemapPage]) -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"))
        .write_inner_content(|w| {
            for (paths, lastmod) in pages {
                for (_, path) in paths {
                    w.create_element("url").write_inner_content(|w| {
                        element(w, "loc", &format!("{base}{path}"))?;
                        if let Some(at) = lastmod {
                            element(w, "lastmod", &at.to_stored())?;
                        }
                        let english = paths.iter().find(|(l, _)| *l == Locale::En);
                        let languages = paths
                            .iter()
                            .map(|(l, p)| (l.code(), p))
                            .chain(english.map(|(_, p)| ("x-default", p)));
                        for (hreflang, alternate) in languages {
                            w.create_element("xhtml:link")
                                .with_attribute(("rel", "alternate"))
                                .with_attribute(("hreflang", hreflang))
                                .with_attribute(("href", format!("{base}{alternate}").as_str()))
                                .write_empty()?;
                        }
                        Ok::<_, std::io::Error>(())
                    })?;
                }
            }
            Ok::<_, std::io::Error>(())
        })?;
    Ok(w.into_inner())
}

async fn sitemap(State(state): State<AppState>) -> Response {
    let (articles, services) = match (
        feeds::published_articles(&state.db, None).await,
        feeds::services(&state.db).await,
    ) {
        (Ok(a), Ok(s)) => (a, s),
        (Err(e), _) | (_, Err(e)) => {
            tracing::error!(error = %e, "sitemap");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let newest_article = articles
        .iter()
        .map(|a| a.updated_at.clone())
        .max_by_key(Timestamp::unix);
    let newest_service = services
        .iter()
        .filter_map(|s| s.updated_at.clone())
        .max_by_key(Timestamp::unix);
    // A fixed page at its address in each language.
    let every = |path: &str| -> Vec<(Locale, String)> {
        Locale::ALL
            .into_iter()
            .filter_map(|l| Pages::translate(path, l).map(|p| (l, p)))
            .collect()
    };
    let mut pages: Vec<SitemapPage> = vec![
        (every(routes::HOME), newest_article.clone()),
        (every(routes::SERVICES), newest_service),
        (every(routes::ARTICLES), newest_article),
        (every(routes::ABOUT), None),
        (every(routes::CONTACT), None),
        (every(routes::CONSULTATION), None),
        (every(routes::BOOK), None),
        (every(routes::PRIVACY), None),
    ];
    pages.extend(services.into_iter().map(|s| {
        let paths = s
            .slugs
            .iter()
            .map(|(l, slug)| (*l, Pages(*l).service(slug)))
            .collect();
        (paths, s.updated_at)
    }));
    pages.extend(articles.into_iter().map(|a| {
        let paths = a
            .slugs
            .iter()
            .map(|(l, slug)| (*l, Pages(*l).article(slug)))
            .collect();
        (paths, Some(a.updated_at))
    }));
    let built = sitemap_xml(state.public_url.as_str(), &pages);
    xml_response("application/xml; charset=utf-8", built)
}

async fn feed(State(state): State<AppState>) -> Response {
    let clinic = match app::server::content::clinic::get(&state.db).await {
        Ok(clinic) => clinic,
        Err(e) => {
            tracing::error!(error = %e, "feed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let items = match feeds::published_articles(&state.db, Some(FEED_LENGTH)).await {
        Ok(items) => items,
        Err(e) => {
            tracing::error!(error = %e, "feed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let base = state.public_url.as_str();
    let built_at = items
        .iter()
        .map(|i| i.updated_at.clone())
        .max_by_key(Timestamp::unix)
        .unwrap_or_else(now_utc);
    let built = (|| {
        let mut w = Writer::new(Vec::new());
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("rss")
            .with_attribute(("version", "2.0"))
            .with_attribute(("xmlns:atom", "http://www.w3.org/2005/Atom"))
            .write_inner_content(|w| {
                w.create_element("channel").write_inner_content(|w| {
                    element(w, "title", &format!("{}: articles", clinic.name))?;
                    element(w, "link", &format!("{base}{}", routes::ARTICLES))?;
                    element(w, "description", &clinic.description)?;
                    element(w, "language", "en-us")?;
                    element(w, "lastBuildDate", &built_at.rfc2822())?;
                    w.create_element("atom:link")
                        .with_attribute(("href", format!("{base}{}", routes::FEED).as_str()))
                        .with_attribute(("rel", "self"))
                        .with_attribute(("type", "application/rss+xml"))
                        .write_empty()?;
                    for item in &items {
                        write_item(w, base, item)?;
                    }
                    Ok::<_, std::io::Error>(())
                })?;
                Ok::<_, std::io::Error>(())
            })?;
        Ok(w.into_inner())
    })();
    xml_response("application/rss+xml; charset=utf-8", built)
}

fn write_item(w: &mut Writer<Vec<u8>>, base: &str, item: &FeedItem) -> XmlResult {
    let url = format!("{base}{}", routes::article(&item.slug));
    w.create_element("item").write_inner_content(|w| {
        element(w, "title", &item.title)?;
        element(w, "link", &url)?;
        w.create_element("guid")
            .with_attribute(("isPermaLink", "true"))
            .write_text_content(BytesText::new(&url))?;
        element(w, "pubDate", &item.published_at.rfc2822())?;
        element(w, "category", &item.category)?;
        element(w, "description", &item.summary)?;
        Ok::<_, std::io::Error>(())
    })?;
    Ok(())
}
