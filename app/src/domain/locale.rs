//! The site's languages and its interface's messages (issue 20).

use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A language the site is written in. English is at the site's old
/// addresses; Spanish under `/es`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// The language's code, for `<html lang>`, `hreflang` and the message
    /// files' names.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// What the language's addresses start with.
    pub fn prefix(self) -> &'static str {
        match self {
            Locale::En => "",
            Locale::Es => "/es",
        }
    }

    /// The language of an address: `/es` and everything under `/es/` is
    /// Spanish, the rest English (`/espalda` is English).
    pub fn of_path(path: &str) -> Self {
        match path.strip_prefix("/es") {
            Some("") => Locale::Es,
            Some(rest) if rest.starts_with('/') || rest.starts_with('?') => Locale::Es,
            _ => Locale::En,
        }
    }

    /// The language's name as staff read it (the admin is in English).
    pub fn english_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Spanish",
        }
    }

    /// The site's other language (a site of two).
    pub fn other(self) -> Self {
        match self {
            Locale::En => Locale::Es,
            Locale::Es => Locale::En,
        }
    }

    /// The language named by `code` ("es", "es-US", "EN"), if the site has it.
    pub fn from_code(code: &str) -> Option<Self> {
        let language = code.split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.code().eq_ignore_ascii_case(language))
    }
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
    /// The other language's name, in that language: the switch's words.
    pub language_switch: String,
    /// The suggestion to read the page in the other language, in that
    /// language (shown to browsers that prefer it).
    pub suggestion: String,
    pub suggestion_link: String,
    pub suggestion_dismiss: String,
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
    fn the_other_language_of_each_is_the_other() {
        assert_eq!(Locale::En.other(), Locale::Es);
        assert_eq!(Locale::Es.other(), Locale::En);
    }

    #[test]
    fn every_message_has_an_id() {
        assert!(Msg::ALL.iter().all(|m| !m.id().is_empty()));
        assert_eq!(Msg::NavHome.id(), "nav-home");
        assert_eq!(Msg::MonthShort12.id(), "month-short-12");
    }
}
