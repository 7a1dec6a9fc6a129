use crate::domain::consultation::{ConsultationForm, Field};
use leptos::prelude::*;
use std::collections::HashSet;

/// The form's values as signals, starting from what the patient typed
/// (a server replay) or from defaults.
#[derive(Clone, Copy)]
pub struct FormState {
    pub name: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub email: RwSignal<String>,
    pub contact_method: RwSignal<String>,
    pub service: RwSignal<String>,
    pub patient: RwSignal<String>,
    pub days: RwSignal<Vec<String>>,
    pub time_of_day: RwSignal<String>,
    pub message: RwSignal<String>,
    pub consent: RwSignal<bool>,
    pub website: RwSignal<String>,
    /// Fields the patient has left at least once: their errors show.
    pub touched: RwSignal<HashSet<Field>>,
}

impl FormState {
    pub fn new(form: &ConsultationForm) -> Self {
        Self {
            name: RwSignal::new(form.name.clone()),
            phone: RwSignal::new(form.phone.clone()),
            email: RwSignal::new(form.email.clone()),
            contact_method: RwSignal::new(form.contact_method.clone()),
            service: RwSignal::new(form.service.clone()),
            patient: RwSignal::new(form.patient.clone()),
            days: RwSignal::new(form.days.clone()),
            time_of_day: RwSignal::new(if form.time_of_day.is_empty() {
                "any".into()
            } else {
                form.time_of_day.clone()
            }),
            message: RwSignal::new(form.message.clone()),
            consent: RwSignal::new(!form.consent.is_empty()),
            website: RwSignal::new(String::new()),
            touched: RwSignal::new(HashSet::new()),
        }
    }

    pub fn snapshot(&self) -> ConsultationForm {
        ConsultationForm {
            name: self.name.get(),
            phone: self.phone.get(),
            email: self.email.get(),
            contact_method: self.contact_method.get(),
            service: self.service.get(),
            patient: self.patient.get(),
            days: self.days.get(),
            time_of_day: self.time_of_day.get(),
            message: self.message.get(),
            consent: if self.consent.get() {
                "yes".into()
            } else {
                String::new()
            },
        }
    }

    /// Brings the state level with what the inputs hold. A patient can
    /// type before the page's code arrives (it loads once the phone is
    /// idle); hydrating keeps the inputs as they are, and without this
    /// what was typed would show but not be checked or sent. `compact`:
    /// the service page's form, without days, time or message.
    pub fn adopt(&self, entries: &[(String, String)], compact: bool) {
        if entries.is_empty() {
            return;
        }
        let all = |name: &str| -> Vec<String> {
            entries
                .iter()
                .filter(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
                .collect()
        };
        let one = |name: &str| all(name).into_iter().next().unwrap_or_default();
        let level = |signal: RwSignal<String>, field: Field| {
            let value = one(field.name());
            if signal.get_untracked() != value {
                signal.set(value);
            }
        };
        level(self.name, Field::Name);
        level(self.phone, Field::Phone);
        level(self.email, Field::Email);
        level(self.contact_method, Field::ContactMethod);
        level(self.service, Field::Service);
        level(self.patient, Field::Patient);
        if !compact {
            level(self.time_of_day, Field::TimeOfDay);
            level(self.message, Field::Message);
            let days = all(Field::Days.name());
            if self.days.get_untracked() != days {
                self.days.set(days);
            }
        }
        let consent = !one(Field::Consent.name()).is_empty();
        if self.consent.get_untracked() != consent {
            self.consent.set(consent);
        }
    }

    pub fn touch(&self, field: Field) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| {
                t.insert(field);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Signals live in a reactive owner (on the server, one per request).
    fn in_owner(test: impl FnOnce()) {
        Owner::new_root(None).with(test);
    }

    fn entries(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn adopting_takes_what_the_inputs_hold() {
        in_owner(|| {
            let state = FormState::new(&ConsultationForm::default());
            state.adopt(
                &entries(&[
                    ("name", "Ana Lima"),
                    ("phone", "(732) 555-0142"),
                    ("contact_method", "text"),
                    ("service", "acupuncture"),
                    ("patient", "new"),
                    ("days", "tue"),
                    ("days", "thu"),
                    ("time_of_day", "morning"),
                    ("message", "Lower back pain."),
                    ("consent", "yes"),
                ]),
                false,
            );
            let form = state.snapshot();
            assert_eq!(form.name, "Ana Lima");
            assert_eq!(form.phone, "(732) 555-0142");
            assert_eq!(form.contact_method, "text");
            assert_eq!(form.service, "acupuncture");
            assert_eq!(form.patient, "new");
            assert_eq!(form.days, ["tue", "thu"]);
            assert_eq!(form.time_of_day, "morning");
            assert_eq!(form.message, "Lower back pain.");
            assert_eq!(form.consent, "yes");
        });
    }

    #[test]
    fn a_box_unticked_before_the_code_arrived_stays_unticked() {
        in_owner(|| {
            // The server's replay of a form sent without JavaScript had it ticked.
            let state = FormState::new(&ConsultationForm {
                consent: "yes".into(),
                days: vec!["mon".into()],
                ..ConsultationForm::default()
            });
            state.adopt(&entries(&[("name", "Ana Lima")]), false);
            assert_eq!(state.snapshot().consent, "");
            assert!(state.snapshot().days.is_empty());
        });
    }

    #[test]
    fn the_compact_form_leaves_the_fields_it_does_not_show() {
        in_owner(|| {
            let state = FormState::new(&ConsultationForm::default());
            state.adopt(&entries(&[("name", "Ben Ortiz")]), true);
            let form = state.snapshot();
            assert_eq!(form.name, "Ben Ortiz");
            assert_eq!(form.time_of_day, "any");
        });
    }

    #[test]
    fn nothing_to_adopt_changes_nothing() {
        in_owner(|| {
            let state = FormState::new(&ConsultationForm {
                name: "Ana Lima".into(),
                ..ConsultationForm::default()
            });
            state.adopt(&[], false);
            assert_eq!(state.snapshot().name, "Ana Lima");
        });
    }
}
