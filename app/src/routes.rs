//! Every address, defined once: views link with these helpers, and the
//! server's layers (page cache, guards, body limits) ask the predicates
//! at the end which kind of address a path is. The route table itself is
//! in `app.rs` (`path!` needs literals).

use crate::domain::request::Reference;
use crate::domain::{Locale, PageNumber, Slug};
use leptos::prelude::*;
use leptos_router::params::Params;

/// The English pages (the site's old addresses), from the registry.
const ENGLISH: &crate::domain::locale::PagePaths = &crate::domain::locale::REGISTRY[0].pages;
pub const HOME: &str = ENGLISH.home;
pub const SERVICES: &str = ENGLISH.services;
pub const ARTICLES: &str = ENGLISH.articles;
pub const ABOUT: &str = ENGLISH.about;
pub const CONTACT: &str = ENGLISH.contact;
pub const PRIVACY: &str = ENGLISH.privacy;
pub const CONSULTATION: &str = ENGLISH.consultation;
pub const BOOK: &str = ENGLISH.book;

pub const ADMIN: &str = "/admin";
pub const ADMIN_SIGN_IN: &str = "/admin/sign-in";
/// Probes: the process answers; the database takes a write.
pub const HEALTHZ: &str = "/healthz";
pub const READYZ: &str = "/readyz";
pub const ADMIN_REQUESTS: &str = "/admin/requests";
pub const ADMIN_EXPORT: &str = "/admin/requests.csv";
pub const ADMIN_ACCOUNTS: &str = "/admin/accounts";
pub const ADMIN_AUDIT: &str = "/admin/audit";
pub const ADMIN_TWO_FACTOR: &str = "/admin/two-factor";
pub const ADMIN_ARTICLES: &str = "/admin/articles";
pub const ADMIN_NEW_ARTICLE: &str = "/admin/articles/new";
pub const ADMIN_SERVICES: &str = "/admin/services";
pub const ADMIN_REDIRECTS: &str = "/admin/redirects";
pub const ADMIN_CATEGORIES: &str = "/admin/categories";
pub const ADMIN_CLINIC: &str = "/admin/clinic";
pub const ADMIN_SCHEDULE: &str = "/admin/schedule";
pub const ADMIN_PRACTITIONERS: &str = "/admin/practitioners";
pub const ADMIN_APPOINTMENT_TYPES: &str = "/admin/appointment-types";

/// A service page in the editor.
pub fn admin_service(slug: &Slug) -> String {
    format!("{ADMIN_SERVICES}/{slug}")
}

/// Server functions answer under this prefix (Leptos' default).
pub const API: &str = "/api";
/// The admin's server functions.
pub const API_ADMIN: &str = "/api/admin";
/// `POST` an image's bytes here; answers with the stored sizes.
pub const ADMIN_MEDIA_UPLOAD: &str = "/api/admin/media";
/// Stored images, `<key>-<width>.jpg`, cached for ever.
pub const MEDIA: &str = "/media";
/// The built wasm, JavaScript and CSS, in a folder named by their hash.
pub const PKG: &str = "/pkg";

pub const SITEMAP: &str = "/sitemap.xml";
pub const FEED: &str = "/feed.xml";
pub const ROBOTS: &str = "/robots.txt";
pub const MANIFEST: &str = "/manifest.webmanifest";

/// Patients' pages in one language, as the locale registry
/// (`domain::locale::REGISTRY`) gives them: English at the site's old
/// addresses, every other language under its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pages(pub Locale);

impl Pages {
    fn paths(self) -> &'static crate::domain::locale::PagePaths {
        &self.0.spec().pages
    }

    pub fn home(self) -> &'static str {
        self.paths().home
    }

    pub fn services(self) -> &'static str {
        self.paths().services
    }

    pub fn service(self, slug: &Slug) -> String {
        format!("{}/{slug}", self.services())
    }

    pub fn articles_root(self) -> &'static str {
        self.paths().articles
    }

    /// The article list, optionally filtered by category, at a page; the
    /// query carries only what differs from the default.
    pub fn articles(self, category: Option<&Slug>, page: PageNumber) -> String {
        let mut query = Vec::new();
        if let Some(category) = category {
            query.push(format!("{CATEGORY_KEY}={category}"));
        }
        if page.get() > 1 {
            query.push(format!("{PAGE_KEY}={}", page.get()));
        }
        if query.is_empty() {
            self.articles_root().to_owned()
        } else {
            format!("{}?{}", self.articles_root(), query.join("&"))
        }
    }

    pub fn article(self, slug: &Slug) -> String {
        format!("{}/{slug}", self.articles_root())
    }

    pub fn about(self) -> &'static str {
        self.paths().about
    }

    pub fn contact(self) -> &'static str {
        self.paths().contact
    }

    pub fn privacy(self) -> &'static str {
        self.paths().privacy
    }

    pub fn consultation(self) -> &'static str {
        self.paths().consultation
    }

    /// The confirmation a patient sees after sending a request.
    pub fn book(self) -> &'static str {
        self.paths().book
    }

    /// Where the patients' links to their appointments live.
    pub fn book_manage_root(self) -> String {
        format!("{}/{}", self.book(), self.paths().manage)
    }

    /// A patient's link to their appointment (`token` is its secret).
    pub fn book_manage(self, token: &str) -> String {
        format!("{}/{token}", self.book_manage_root())
    }

    pub fn consultation_sent(self, reference: &Reference) -> String {
        format!("{}/{}/{reference}", self.consultation(), self.paths().sent)
    }

    /// Every page without a slug, in the menu's order: what each language
    /// must have (the languages test reads it).
    pub fn fixed(self) -> [&'static str; 8] {
        [
            self.home(),
            self.services(),
            self.articles_root(),
            self.about(),
            self.contact(),
            self.privacy(),
            self.consultation(),
            self.book(),
        ]
    }

    /// The same page in another language, for the pages whose address has
    /// no slug or the same slug in both (articles, their categories, the
    /// confirmation). Services name their own slugs (`Service::slugs`).
    /// `None` for addresses that are not a patient's page.
    pub fn translate(path_and_query: &str, to: Locale) -> Option<String> {
        let (path, query) = match path_and_query.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (path_and_query, None),
        };
        let from = Pages(Locale::of_path(path));
        let to = Pages(to);
        let path = path.trim_end_matches('/');
        let path = if path.is_empty() { "/" } else { path };
        let below = |root: &str| {
            path.strip_prefix(root)
                .and_then(|r| r.strip_prefix('/'))
                .map(str::to_owned)
        };
        let translated = if let Some(at) = from.fixed().iter().position(|here| *here == path) {
            to.fixed()[at].to_owned()
        } else if let Some(rest) = below(from.articles_root()) {
            format!("{}/{rest}", to.articles_root())
        } else if let Some(rest) = below(from.services()) {
            format!("{}/{rest}", to.services())
        } else if let Some(token) = below(&from.book_manage_root()) {
            to.book_manage(&token)
        } else {
            let sent = format!("{}/{}/", from.consultation(), from.paths().sent);
            let reference = Reference::parse(path.strip_prefix(&sent)?)?;
            to.consultation_sent(&reference)
        };
        Some(match query {
            Some(query) if !query.is_empty() => format!("{translated}?{query}"),
            _ => translated,
        })
    }
}

/// An article in the editor.
pub fn admin_article(id: i64) -> String {
    format!("{ADMIN_ARTICLES}/{id}")
}

/// `:id` of `/admin/articles/:id` (absent or `new`: a new article).
#[derive(Params, Debug, Clone, PartialEq)]
pub struct ArticleIdParams {
    pub id: Option<String>,
}

/// One consultation request in the admin.
pub fn admin_request(reference: &Reference) -> String {
    format!("{ADMIN_REQUESTS}/{reference}")
}

/// The requests list filtered by a status (`None`: everything but spam).
pub fn admin_requests(status: Option<&str>) -> String {
    match status {
        Some(status) => format!("{ADMIN_REQUESTS}?status={status}"),
        None => ADMIN_REQUESTS.to_owned(),
    }
}

/// `?status=` of the requests list.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct RequestListQuery {
    pub status: Option<String>,
}

/// Query keys of the article list.
pub const PAGE_KEY: &str = "page";
pub const CATEGORY_KEY: &str = "category";

/// A service page in English (`Pages` for either language).
pub fn service(slug: &Slug) -> String {
    Pages(Locale::En).service(slug)
}

/// An article in English.
pub fn article(slug: &Slug) -> String {
    Pages(Locale::En).article(slug)
}

/// The confirmation in English.
pub fn consultation_sent(reference: &Reference) -> String {
    Pages(Locale::En).consultation_sent(reference)
}

/// `:reference` of `/consultation/sent/:reference`.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct ReferenceParams {
    pub reference: Option<String>,
}

/// The English article list, optionally filtered by category, at a page.
pub fn articles(category: Option<&Slug>, page: PageNumber) -> String {
    Pages(Locale::En).articles(category, page)
}

/// `:slug` of `/services/:slug` and `/articles/:slug`.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct SlugParams {
    pub slug: Option<String>,
}

/// The current address, path and query ("/articles?category=acupuncture"),
/// tracking navigation.
pub fn use_address() -> Memo<String> {
    let location = leptos_router::hooks::use_location();
    Memo::new(move |_| {
        let search = location.search.get();
        let search = search.trim_start_matches('?');
        let path = location.pathname.get();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    })
}

/// The `:slug` of the current address ("" when absent), tracking navigation.
pub fn use_slug() -> Memo<String> {
    let params = leptos_router::hooks::use_params::<SlugParams>();
    Memo::new(move |_| {
        params
            .read()
            .as_ref()
            .ok()
            .and_then(|p| p.slug.clone())
            .unwrap_or_default()
    })
}

/// `?category=…&page=…` of the article list.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct ArticleListQuery {
    pub category: Option<String>,
    pub page: Option<String>,
}

/// `path` is `prefix` itself or an address below it.
pub fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The admin's pages (and its plain routes, such as the export).
pub fn is_admin_page(path: &str) -> bool {
    under(path, ADMIN)
}

/// Staff only: the admin's pages, routes and server functions.
pub fn is_staff_only(path: &str) -> bool {
    is_admin_page(path) || is_admin_api(path)
}

/// The admin's server functions and the upload route.
/// The health probes (never cached: each answer is of its moment).
pub fn is_probe(path: &str) -> bool {
    path == HEALTHZ || path == READYZ
}

pub fn is_admin_api(path: &str) -> bool {
    under(path, API_ADMIN)
}

/// The name of the admin server function (or upload route) at `path`:
/// `sign_in` for `/api/admin/sign_in`.
pub fn admin_api_endpoint(path: &str) -> Option<&str> {
    path.strip_prefix(API_ADMIN)?.strip_prefix('/')
}

/// Server functions (and the upload route beside them).
pub fn is_api(path: &str) -> bool {
    under(path, API)
}

/// The consultation form and its confirmations, and online booking (its
/// free times change with every booking; a patient's link is theirs), in
/// every language: rendered per visitor.
pub fn is_request_form(path: &str) -> bool {
    Locale::ALL.into_iter().any(|locale| {
        let pages = Pages(locale);
        under(path, pages.consultation()) || under(path, pages.book())
    })
}

/// Built files and stored images, served from disk.
pub fn is_file_tree(path: &str) -> bool {
    under(path, PKG) || under(path, MEDIA)
}

/// A file's address (`/feed.xml`, `/favicon.svg`): a dot in its last
/// segment, which no page's address has.
pub fn is_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_address_match_whole_segments() {
        assert!(is_staff_only("/admin"));
        assert!(is_staff_only("/admin/requests.csv"));
        assert!(is_staff_only("/api/admin/inbox"));
        assert!(!is_staff_only("/administration-tips"));
        assert!(!is_staff_only("/api/article"));
        assert!(is_api("/api/article"));
        assert!(is_request_form("/consultation"));
        assert!(is_request_form("/consultation/sent/CR-7K3Q-9F2D"));
        assert!(!is_request_form("/consultations"));
        assert!(is_request_form("/es/consulta"));
        assert!(is_request_form("/es/consulta/enviada/CR-7K3Q-9F2D"));
        assert!(is_file_tree("/pkg/abc/clinic.wasm"));
        assert!(is_file_tree("/media/k-800.jpg"));
        assert!(!is_file_tree("/packages"));
    }

    #[test]
    fn article_list_addresses_carry_only_what_differs_from_the_default() {
        let acu = Slug::parse("acupuncture").ok();
        assert_eq!(articles(None, PageNumber::FIRST), "/articles");
        assert_eq!(
            articles(acu.as_ref(), PageNumber::FIRST),
            "/articles?category=acupuncture"
        );
        assert_eq!(
            articles(acu.as_ref(), PageNumber::new(3)),
            "/articles?category=acupuncture&page=3"
        );
        assert_eq!(articles(None, PageNumber::new(2)), "/articles?page=2");
        assert_eq!(
            Pages(Locale::Es).articles(acu.as_ref(), PageNumber::new(2)),
            "/es/articulos?category=acupuncture&page=2"
        );
    }

    #[test]
    fn a_page_translates_to_the_same_page_in_the_other_language() {
        let es = |p: &str| Pages::translate(p, Locale::Es);
        let en = |p: &str| Pages::translate(p, Locale::En);
        assert_eq!(es("/").as_deref(), Some("/es"));
        assert_eq!(en("/es").as_deref(), Some("/"));
        assert_eq!(en("/es/").as_deref(), Some("/"));
        assert_eq!(es("/about").as_deref(), Some("/es/quienes-somos"));
        assert_eq!(en("/es/privacidad").as_deref(), Some("/privacy"));
        assert_eq!(
            es("/articles/back-pain?x=1").as_deref(),
            Some("/es/articulos/back-pain?x=1")
        );
        assert_eq!(
            es("/articles?category=acupuncture").as_deref(),
            Some("/es/articulos?category=acupuncture")
        );
        assert_eq!(
            en("/es/consulta/enviada/CR-7K3Q-9F2D").as_deref(),
            Some("/consultation/sent/CR-7K3Q-9F2D")
        );
        assert_eq!(
            es("/services/acupuncture").as_deref(),
            Some("/es/servicios/acupuncture")
        );
        assert_eq!(es("/en-nada"), None);
        assert_eq!(es("/admin"), None);
        // Translating to the language a page is in changes nothing.
        assert_eq!(es("/es/contacto").as_deref(), Some("/es/contacto"));
    }
}
