//! The interface's words on patients' pages, in the page's language.
//!
//! Patients' pages are rendered by the server only (`server_page`): the
//! browser adopts or fetches their HTML and never runs their views, so the
//! message files stay out of the wasm. The shell's words travel in
//! `ClinicInfo::text`, the form's in its own data.

use crate::domain::{Locale, Msg};
use crate::routes::Pages;
use leptos::prelude::*;

/// The words and addresses of the page being rendered, in its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    pub locale: Locale,
}

impl Words {
    /// The language of the address being rendered.
    pub fn here() -> Self {
        let location = leptos_router::hooks::use_location();
        Self {
            locale: location
                .pathname
                .with_untracked(|path| Locale::of_path(path)),
        }
    }

    /// The patients' pages' addresses in this language.
    pub fn pages(self) -> Pages {
        Pages(self.locale)
    }

    /// `message` in the page's language.
    pub fn t(self, message: Msg) -> String {
        imp::text(self.locale, message, &[])
    }

    /// `message` with its variables, in the page's language.
    pub fn with(self, message: Msg, variables: &[(&str, &str)]) -> String {
        imp::text(self.locale, message, variables)
    }

    /// `lang` for content written in `written`, when it is not the page's
    /// language (an untranslated service's name on a Spanish page).
    pub fn lang_of(self, written: Locale) -> Option<&'static str> {
        (written != self.locale).then_some(written.code())
    }
}

/// A sentence with one link in it: the message marks the link's words
/// with `[` and `]` ("Ask us on our [contact page]."), so translators
/// keep the link where their language puts it.
pub fn with_link(sentence: String, href: String) -> impl IntoView {
    let (before, link, after) = marked(&sentence);
    view! { {before} <a href=href>{link}</a> {after} }
}

/// A sentence split around its `[marked]` words: before, marked, after.
pub fn marked(sentence: &str) -> (String, String, String) {
    let (before, rest) = sentence.split_once('[').unwrap_or((sentence, ""));
    let (inner, after) = rest.split_once(']').unwrap_or((rest, ""));
    (before.to_owned(), inner.to_owned(), after.to_owned())
}

#[cfg(feature = "ssr")]
mod imp {
    use super::*;
    use fluent_bundle::FluentValue;

    pub fn text(locale: Locale, message: Msg, variables: &[(&str, &str)]) -> String {
        let variables: Vec<_> = variables
            .iter()
            .map(|(name, value)| (*name, FluentValue::from(*value)))
            .collect();
        crate::server::i18n::text_with(locale, message, &variables)
    }
}

/// The words the browser renders itself: the admin, in English, shares
/// `Loading` and `show_loaded` with patients' pages. Checked against
/// `en.ftl` by a test.
#[cfg_attr(all(feature = "ssr", not(test)), allow(dead_code))]
const BROWSER_WORDS: [(Msg, &str); 3] = [
    (Msg::Loading, "Loading…"),
    (Msg::PageNotLoaded, "Sorry, this page didn't load"),
    (Msg::GoHome, "Go to the home page"),
];

#[cfg(not(feature = "ssr"))]
mod imp {
    use super::*;

    /// The browser renders no patient's page: any other message is never
    /// shown there (and naming it would put every message's id in the wasm).
    pub fn text(_: Locale, message: Msg, _: &[(&str, &str)]) -> String {
        BROWSER_WORDS
            .iter()
            .find(|(m, _)| *m == message)
            .map_or("", |(_, words)| words)
            .to_owned()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_words_are_the_english_files() {
        for (message, words) in BROWSER_WORDS {
            assert_eq!(imp::text(Locale::En, message, &[]), words);
        }
    }

    #[test]
    fn a_marked_sentence_splits_around_its_marks() {
        let (a, b, c) = marked("Ask us on our [contact page].");
        assert_eq!(
            (a.as_str(), b.as_str(), c.as_str()),
            ("Ask us on our ", "contact page", ".")
        );
        let (a, b, c) = marked("No marks");
        assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("No marks", "", ""));
    }
}
