//! The interface's messages in each language, formatted with Fluent from
//! `app/locales/*.ftl` (checked by `app/build.rs`), and dates written the
//! way each language writes them.

use crate::domain::locale::ShellText;
use crate::domain::request::{FormWords, RuleWords};
use crate::domain::{ClinicInfo, Locale, Msg};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

type Bundle = FluentBundle<FluentResource>;

include!(concat!(env!("OUT_DIR"), "/message_files.rs"));

/// The message file of `locale`; a registered language without one is a
/// mistake the languages test catches.
pub fn message_file(locale: Locale) -> Option<&'static str> {
    MESSAGE_FILES
        .iter()
        .find(|(code, _)| *code == locale.code())
        .map(|(_, text)| *text)
}

/// Each language's messages, parsed once, in the registry's order.
fn bundle(locale: Locale) -> &'static Bundle {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        Locale::ALL
            .into_iter()
            .map(|locale| load(locale, message_file(locale).unwrap_or_default()))
            .collect()
    });
    &bundles[locale as usize]
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
        others: locale
            .others()
            .map(|other| crate::domain::locale::OtherLanguage {
                locale: other,
                name: other.spec().own_name.to_owned(),
                suggestion: text(other, Msg::LanguageSuggestion),
                suggestion_link: text(other, Msg::LanguageSuggestionLink),
                suggestion_dismiss: text(other, Msg::LanguageSuggestionDismiss),
            })
            .collect(),
        loading: t(Msg::Loading),
        not_loaded_title: t(Msg::NotLoadedTitle),
        not_loaded: t(Msg::PageNotLoaded),
        connection_dropped: t(Msg::ConnectionDropped),
        try_again: t(Msg::TryAgain),
    }
}

/// The consultation form's words in `locale`. The counter's numbers and
/// the message's excess are left as `{count}`, `{left}`, `{over}` and
/// `{excess}` for the form to fill in as the patient types.
/// One step: a table, one message per form word.
pub fn form_words(locale: Locale) -> FormWords {
    use crate::domain::request::{EMAIL_MAX, MESSAGE_MAX, NAME_MAX};
    let t = |message| text(locale, message);
    let with = |message, variables: &[(&str, &str)]| {
        let variables: Vec<_> = variables
            .iter()
            .map(|(name, value)| (*name, FluentValue::from(*value)))
            .collect();
        text_with(locale, message, &variables)
    };
    let (name_max, email_max, message_max) = (
        NAME_MAX.to_string(),
        EMAIL_MAX.to_string(),
        MESSAGE_MAX.to_string(),
    );
    let all = |messages: &[Msg]| messages.iter().map(|m| t(*m)).collect();
    FormWords {
        name: t(Msg::FormName),
        phone: t(Msg::FormPhone),
        phone_hint: t(Msg::FormPhoneHint),
        contact_method: t(Msg::FormContactMethod),
        contact_methods: all(&[
            Msg::FormContactPhone,
            Msg::FormContactText,
            Msg::FormContactEmail,
        ]),
        email: t(Msg::FormEmail),
        email_needed: t(Msg::FormEmailNeeded),
        email_hint: t(Msg::FormEmailHint),
        service: t(Msg::FormService),
        not_sure: t(Msg::FormNotSure),
        patient: t(Msg::FormPatient),
        patients: all(&[Msg::FormPatientNew, Msg::FormPatientReturning]),
        days: t(Msg::FormDays),
        weekdays: all(&[
            Msg::FormDayMon,
            Msg::FormDayTue,
            Msg::FormDayWed,
            Msg::FormDayThu,
            Msg::FormDayFri,
            Msg::FormDaySat,
        ]),
        time: t(Msg::FormTime),
        times: all(&[
            Msg::FormTimeAny,
            Msg::FormTimeMorning,
            Msg::FormTimeAfternoon,
            Msg::FormTimeEvening,
        ]),
        message: t(Msg::FormMessage),
        message_hint: with(Msg::FormMessageHint, &[("max", &message_max)]),
        message_count: with(
            Msg::FormMessageCount,
            &[("count", "{count}"), ("max", &message_max)],
        ),
        message_left: with(Msg::FormMessageLeft, &[("left", "{left}")]),
        message_over: with(Msg::FormMessageOver, &[("over", "{over}")]),
        consent: t(Msg::FormConsent),
        optional: t(Msg::FormOptional),
        honeypot: t(Msg::FormHoneypot),
        not_emergency: t(Msg::FormNotEmergency),
        urgent: t(Msg::FormUrgent),
        send: t(Msg::FormSend),
        sending: t(Msg::FormSending),
        privacy: t(Msg::FormPrivacy),
        privacy_link: t(Msg::FormPrivacyLink),
        problem: t(Msg::FormProblem),
        error: t(Msg::FormError),
        too_many: with(Msg::FormTooMany, &[("minutes", "{minutes}")]),
        unreachable: t(Msg::FormUnreachable),
        internal: t(Msg::FormInternal),
        not_saved: t(Msg::FormNotSaved),
        rules: RuleWords {
            name_missing: t(Msg::RuleNameMissing),
            name_long: with(Msg::RuleNameLong, &[("max", &name_max)]),
            name_control: t(Msg::RuleNameControl),
            phone_missing: t(Msg::RulePhoneMissing),
            phone_digits: t(Msg::RulePhoneDigits),
            phone_characters: t(Msg::RulePhoneCharacters),
            contact_missing: t(Msg::RuleContactMissing),
            email_missing: t(Msg::RuleEmailMissing),
            email_long: with(Msg::RuleEmailLong, &[("max", &email_max)]),
            email_invalid: t(Msg::RuleEmailInvalid),
            service: t(Msg::RuleService),
            patient: t(Msg::RulePatient),
            days: t(Msg::RuleDays),
            time: t(Msg::RuleTime),
            message_long: with(
                Msg::RuleMessageLong,
                &[("excess", "{excess}"), ("max", &message_max)],
            ),
            consent: t(Msg::RuleConsent),
        },
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
                    ("phone", FluentValue::from("(732) 345-1377")),
                    ("email", FluentValue::from("info@example.com")),
                    ("description", FluentValue::from("A clinic.")),
                    ("service", FluentValue::from("Acupuncture")),
                    ("category", FluentValue::from("Acupuncture")),
                    ("heading", FluentValue::from("Articles")),
                    ("page", FluentValue::from("2")),
                    ("pages", FluentValue::from("3")),
                    ("reference", FluentValue::from("CR-7K3Q-9F2D")),
                    ("max", FluentValue::from("100")),
                    ("count", FluentValue::from("12")),
                    ("left", FluentValue::from("88")),
                    ("over", FluentValue::from("3")),
                    ("excess", FluentValue::from("3")),
                    ("minutes", FluentValue::from("10")),
                    ("weekday", FluentValue::from("Wednesday")),
                    ("date", FluentValue::from("December 9, 2026")),
                    ("hour", FluentValue::from("10")),
                    ("minute", FluentValue::from("30")),
                    ("half", FluentValue::from("AM")),
                    ("clock", FluentValue::from("10:30 AM")),
                    ("zone", FluentValue::from("EST")),
                    ("who", FluentValue::from("Placeholder practitioner 1")),
                    ("time", FluentValue::from("Wednesday, 10:30 AM EST")),
                    ("hours", FluentValue::from("24")),
                    ("kind", FluentValue::from("Follow-up")),
                    ("book", FluentValue::from("https://clinic.example/book")),
                    (
                        "link",
                        FluentValue::from("https://clinic.example/book/manage/0"),
                    ),
                    ("address", FluentValue::from("1 Main St")),
                    ("languages", FluentValue::from("English and Spanish")),
                    ("first", FluentValue::from("English")),
                    ("last", FluentValue::from("Spanish")),
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
    fn the_forms_words_leave_the_typed_numbers_to_the_form() {
        let es = form_words(Locale::Es);
        assert_eq!(es.message_count, "{count} de 1000 caracteres");
        assert_eq!(
            es.rules.name_long,
            "Su nombre debe tener 100 caracteres o menos."
        );
        assert!(es.rules.message_long.contains("{excess}"));
        assert_eq!(es.weekdays.len(), 6);
        assert_eq!(
            form_words(Locale::En).rules.name_missing,
            "Enter your full name."
        );
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
}
