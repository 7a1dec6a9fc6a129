//! The interface's messages in each language, formatted with Fluent from
//! `app/locales/*.ftl` (checked by `app/build.rs`), and dates written the
//! way each language writes them.

use crate::domain::locale::ShellText;
use crate::domain::{ClinicInfo, Locale, Msg};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

type Bundle = FluentBundle<FluentResource>;

/// Each language's messages, parsed once.
fn bundle(locale: Locale) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        [
            load(Locale::En, include_str!("../../locales/en.ftl")),
            load(Locale::Es, include_str!("../../locales/es.ftl")),
        ]
    });
    match locale {
        Locale::En => &bundles[0],
        Locale::Es => &bundles[1],
    }
}

fn load(locale: Locale, text: &'static str) -> Bundle {
    // The build checked that the file parses (app/build.rs).
    let resource =
        FluentResource::try_new(text.to_owned()).unwrap_or_else(|(resource, _)| resource);
    let language = locale.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // The text goes into HTML, where Unicode isolation marks would show
    // up in copied text and in tests; our values are never right-to-left.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// `message` in `locale`.
pub fn text(locale: Locale, message: Msg) -> String {
    text_with(locale, message, &[])
}

/// `message` in `locale`, with its variables.
pub fn text_with(locale: Locale, message: Msg, variables: &[(&str, FluentValue<'_>)]) -> String {
    let bundle = bundle(locale);
    let Some(pattern) = bundle.get_message(message.id()).and_then(|m| m.value()) else {
        return message.id().to_owned();
    };
    let mut args = FluentArgs::new();
    for (name, value) in variables {
        args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}

/// The shell's words in `locale`, with the clinic's name and area.
pub fn shell_text(locale: Locale, clinic: &ClinicInfo) -> ShellText {
    let t = |message| text(locale, message);
    ShellText {
        locale,
        skip_to_content: t(Msg::SkipToContent),
        call_us: t(Msg::CallUs),
        email_us: t(Msg::EmailUs),
        schedule_online: t(Msg::ScheduleOnline),
        menu: t(Msg::Menu),
        nav_main: t(Msg::NavMain),
        nav_footer: t(Msg::NavFooter),
        home: t(Msg::NavHome),
        services: t(Msg::NavServices),
        articles: t(Msg::NavArticles),
        about: t(Msg::NavAbout),
        contact: t(Msg::NavContact),
        privacy: t(Msg::NavPrivacy),
        about_clinic: text_with(
            locale,
            Msg::AboutClinic,
            &[("clinic", FluentValue::from(clinic.name.as_str()))],
        ),
        serving: text_with(
            locale,
            Msg::Serving,
            &[("area", FluentValue::from(clinic.area_served.as_str()))],
        ),
        follow_us: t(Msg::FollowUs),
    }
}

const MONTHS: [Msg; 12] = [
    Msg::Month1,
    Msg::Month2,
    Msg::Month3,
    Msg::Month4,
    Msg::Month5,
    Msg::Month6,
    Msg::Month7,
    Msg::Month8,
    Msg::Month9,
    Msg::Month10,
    Msg::Month11,
    Msg::Month12,
];
const MONTHS_SHORT: [Msg; 12] = [
    Msg::MonthShort1,
    Msg::MonthShort2,
    Msg::MonthShort3,
    Msg::MonthShort4,
    Msg::MonthShort5,
    Msg::MonthShort6,
    Msg::MonthShort7,
    Msg::MonthShort8,
    Msg::MonthShort9,
    Msg::MonthShort10,
    Msg::MonthShort11,
    Msg::MonthShort12,
];

/// "December 13, 2023" / "13 de diciembre de 2023".
pub fn date_long(locale: Locale, year: i16, month: u8, day: u8) -> String {
    date(locale, Msg::DateLong, year, month, day)
}

/// "Dec 13, 2023" / "13 dic 2023".
pub fn date_short(locale: Locale, year: i16, month: u8, day: u8) -> String {
    date(locale, Msg::DateShort, year, month, day)
}

fn date(locale: Locale, pattern: Msg, year: i16, month: u8, day: u8) -> String {
    let index = usize::from(month.clamp(1, 12)) - 1;
    text_with(
        locale,
        pattern,
        &[
            ("day", FluentValue::from(day.to_string())),
            ("month", FluentValue::from(text(locale, MONTHS[index]))),
            (
                "month-short",
                FluentValue::from(text(locale, MONTHS_SHORT[index])),
            ),
            // As text: a number would be formatted for the language ("2.023").
            ("year", FluentValue::from(year.to_string())),
        ],
    )
}

/// The language a browser's `Accept-Language` prefers among the site's,
/// by its order of preference (`q`); `None` if it names neither.
pub fn preferred(accept_language: &str) -> Option<Locale> {
    let mut wanted: Vec<(f32, usize, Locale)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(order, part)| {
            let mut pieces = part.trim().split(';');
            let locale = Locale::from_code(pieces.next()?.trim())?;
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0).then_some((q, order, locale))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted.first().map(|(_, _, locale)| *locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message formats in both languages, with every variable given,
    /// and none falls back to its id.
    #[test]
    fn every_message_formats_in_both_languages() {
        for locale in Locale::ALL {
            for message in Msg::ALL {
                let variables = [
                    ("area", FluentValue::from("Monmouth County")),
                    ("clinic", FluentValue::from("The Clinic")),
                    ("day", FluentValue::from("13")),
                    ("month", FluentValue::from("December")),
                    ("month-short", FluentValue::from("Dec")),
                    ("year", FluentValue::from("2023")),
                ];
                let shown = text_with(locale, message, &variables);
                assert!(
                    !shown.is_empty() && shown != message.id(),
                    "{locale:?} {message:?}"
                );
                assert!(!shown.contains('{'), "{locale:?} {message:?}: {shown}");
            }
        }
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        assert_eq!(
            date_long(Locale::Es, 2023, 12, 13),
            "13 de diciembre de 2023"
        );
        assert_eq!(date_long(Locale::En, 2023, 12, 13), "December 13, 2023");
        assert_eq!(date_short(Locale::En, 2023, 12, 13), "Dec 13, 2023");
        assert_eq!(date_short(Locale::Es, 2023, 1, 5), "5 ene 2023");
    }

    #[test]
    fn messages_with_variables_take_them() {
        assert_eq!(
            text_with(
                Locale::Es,
                Msg::Serving,
                &[("area", FluentValue::from("Monmouth"))]
            ),
            "Atendemos a Monmouth"
        );
        assert_eq!(text(Locale::Es, Msg::NavHome), "Inicio");
    }

    #[test]
    fn the_preferred_language_follows_the_order_of_preference() {
        assert_eq!(preferred("es-US,es;q=0.9,en;q=0.8"), Some(Locale::Es));
        assert_eq!(preferred("en-US,en;q=0.9,es;q=0.8"), Some(Locale::En));
        assert_eq!(preferred("fr-FR,es;q=0.5"), Some(Locale::Es));
        assert_eq!(preferred("en;q=0.2,es;q=0.7"), Some(Locale::Es));
        assert_eq!(preferred("es;q=0"), None);
        assert_eq!(preferred("de, fr"), None);
        assert_eq!(preferred(""), None);
    }
}
