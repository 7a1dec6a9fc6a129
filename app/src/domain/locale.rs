//! The site's languages and its interface's messages (issue 20).

use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A language the site is written in. English is at the site's old
/// addresses; every other language under its own prefix. Each variant has
/// its entry in [`REGISTRY`], at the same position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    Es,
}

/// Everything the site knows of one language: its code, where its
/// addresses start, its names, and its pages' addresses. The route table,
/// `Pages`, the message files, `hreflang`, the sitemap, the language switch
/// and the editors' tabs are all read from here. Adding a language is one
/// entry here (and its variant above), its routes in `app.rs` and its
/// message file `app/locales/<code>.ftl` (ARCHITECTURE.md, "A new
/// language"); `server/tests/api/content/languages.rs` fails until each is
/// there.
#[derive(Debug)]
pub struct LocaleSpec {
    pub locale: Locale,
    /// `<html lang>`, `hreflang` and the message file's name.
    pub code: &'static str,
    /// What the language's addresses start with ("" for English).
    pub prefix: &'static str,
    /// Open Graph's name for it (the clinic's patients are in the US).
    pub og: &'static str,
    /// Its name in itself: the language switch's words.
    pub own_name: &'static str,
    /// Its name as staff read it (the admin is in English).
    pub english_name: &'static str,
    pub pages: PagePaths,
}

/// A language's addresses of the patients' pages (articles and services
/// add their slug after `articles` and `services`).
#[derive(Debug)]
pub struct PagePaths {
    pub home: &'static str,
    pub services: &'static str,
    pub articles: &'static str,
    pub about: &'static str,
    pub contact: &'static str,
    pub privacy: &'static str,
    pub consultation: &'static str,
    /// After `consultation`: `<consultation>/<sent>/<reference>`.
    pub sent: &'static str,
    /// Online booking's steps.
    pub book: &'static str,
    /// After `book`: a patient's link, `<book>/<manage>/<token>`.
    pub manage: &'static str,
}

pub const REGISTRY: [LocaleSpec; 2] = [
    LocaleSpec {
        locale: Locale::En,
        code: "en",
        prefix: "",
        og: "en_US",
        own_name: "English",
        english_name: "English",
        pages: PagePaths {
            home: "/",
            services: "/services",
            articles: "/articles",
            about: "/about",
            contact: "/contact",
            privacy: "/privacy",
            consultation: "/consultation",
            sent: "sent",
            book: "/book",
            manage: "manage",
        },
    },
    LocaleSpec {
        locale: Locale::Es,
        code: "es",
        prefix: "/es",
        og: "es_US",
        own_name: "Español",
        english_name: "Spanish",
        pages: PagePaths {
            home: "/es",
            services: "/es/servicios",
            articles: "/es/articulos",
            about: "/es/quienes-somos",
            contact: "/es/contacto",
            privacy: "/es/privacidad",
            consultation: "/es/consulta",
            sent: "enviada",
            book: "/es/reservar",
            manage: "gestionar",
        },
    },
];

impl Locale {
    pub const ALL: [Locale; REGISTRY.len()] = [Locale::En, Locale::Es];

    /// The language's entry in the registry.
    pub fn spec(self) -> &'static LocaleSpec {
        &REGISTRY[self as usize]
    }

    /// The language's code, for `<html lang>`, `hreflang` and the message
    /// files' names.
    pub fn code(self) -> &'static str {
        self.spec().code
    }

    /// What the language's addresses start with.
    pub fn prefix(self) -> &'static str {
        self.spec().prefix
    }

    /// The language of an address: a language's prefix and everything
    /// under it (`/es`, `/es/…`) is that language, the rest English
    /// (`/espalda` is English).
    pub fn of_path(path: &str) -> Self {
        REGISTRY
            .iter()
            .filter(|spec| !spec.prefix.is_empty())
            .find(|spec| match path.strip_prefix(spec.prefix) {
                Some(rest) => rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'),
                None => false,
            })
            .map_or(Locale::En, |spec| spec.locale)
    }

    /// The language's name as staff read it (the admin is in English).
    pub fn english_name(self) -> &'static str {
        self.spec().english_name
    }

    /// The site's other languages, in the registry's order.
    pub fn others(self) -> impl Iterator<Item = Locale> {
        Locale::ALL.into_iter().filter(move |l| *l != self)
    }

    /// The language named by `code` ("es", "es-US", "EN"), if the site has it.
    pub fn from_code(code: &str) -> Option<Self> {
        let language = code.split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.code().eq_ignore_ascii_case(language))
    }
}

/// Another language of the site, as a page in this one offers it: its name
/// in itself (the switch), and the suggestion shown to a browser that
/// prefers it, in its own words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherLanguage {
    pub locale: Locale,
    pub name: String,
    pub suggestion: String,
    pub suggestion_link: String,
    pub suggestion_dismiss: String,
}

/// The words of the header, the menu, the footer and the skip link in one
/// language: the server writes them from the message files, and the page
/// carries only its own language's (the wasm has none).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellText {
    pub locale: Locale,
    pub skip_to_content: String,
    pub call_us: String,
    pub email_us: String,
    pub schedule_online: String,
    pub menu: String,
    pub nav_main: String,
    pub nav_footer: String,
    pub home: String,
    pub services: String,
    pub articles: String,
    pub about: String,
    pub contact: String,
    pub privacy: String,
    /// "About Monmouth Pain & Scoliosis Center", with the clinic's name.
    pub about_clinic: String,
    /// "Serving Monmouth County", with the clinic's area.
    pub serving: String,
    pub follow_us: String,
    /// The site's other languages: the switch to each, and the suggestion
    /// to read the page in it (shown to browsers that prefer it).
    pub others: Vec<OtherLanguage>,
    /// What shows while a page is fetched, and when it does not arrive.
    pub loading: String,
    pub not_loaded_title: String,
    pub not_loaded: String,
    pub connection_dropped: String,
    pub try_again: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_addresses_are_under_es_and_nothing_else_is() {
        assert_eq!(Locale::of_path("/es"), Locale::Es);
        assert_eq!(Locale::of_path("/es/"), Locale::Es);
        assert_eq!(Locale::of_path("/es/servicios/acupuntura"), Locale::Es);
        assert_eq!(Locale::of_path("/es?x=1"), Locale::Es);
        assert_eq!(Locale::of_path("/"), Locale::En);
        assert_eq!(Locale::of_path("/espalda"), Locale::En);
        assert_eq!(Locale::of_path("/services/acupuncture"), Locale::En);
    }

    #[test]
    fn codes_name_a_language_whatever_the_region_or_case() {
        assert_eq!(Locale::from_code("es-US"), Some(Locale::Es));
        assert_eq!(Locale::from_code("EN"), Some(Locale::En));
        assert_eq!(Locale::from_code("fr-CA"), None);
    }

    #[test]
    fn the_registry_has_every_language_at_its_place_with_its_own_prefix() {
        for (at, locale) in Locale::ALL.into_iter().enumerate() {
            let spec = &REGISTRY[at];
            assert_eq!(spec.locale, locale);
            assert_eq!(Locale::of_path(spec.pages.home), locale, "{}", spec.code);
            assert_eq!(Locale::from_code(spec.code), Some(locale));
            for page in [
                spec.pages.services,
                spec.pages.articles,
                spec.pages.about,
                spec.pages.contact,
                spec.pages.privacy,
                spec.pages.consultation,
            ] {
                assert!(page.starts_with(spec.prefix), "{page}");
                assert_eq!(Locale::of_path(page), locale, "{page}");
            }
        }
        assert_eq!(Locale::Es.others().collect::<Vec<_>>(), [Locale::En]);
    }

    #[test]
    fn every_message_has_an_id() {
        assert!(Msg::ALL.iter().all(|m| !m.id().is_empty()));
        assert_eq!(Msg::NavHome.id(), "nav-home");
        assert_eq!(Msg::MonthShort12.id(), "month-short-12");
    }
}
