use crate::domain::request::{Field, RequestForm};
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
    pub fn new(form: &RequestForm) -> Self {
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

    pub fn snapshot(&self) -> RequestForm {
        RequestForm {
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
        let all = |field: Field| -> Vec<String> {
            entries
                .iter()
                .filter(|(key, _)| key == field.name())
                .map(|(_, value)| value.clone())
                .collect()
        };
        let one = |field: Field| all(field).into_iter().next().unwrap_or_default();
        set_if_changed(self.name, one(Field::Name));
        set_if_changed(self.phone, one(Field::Phone));
        set_if_changed(self.email, one(Field::Email));
        set_if_changed(self.contact_method, one(Field::ContactMethod));
        set_if_changed(self.service, one(Field::Service));
        set_if_changed(self.patient, one(Field::Patient));
        if !compact {
            set_if_changed(self.days, all(Field::Days));
            set_if_changed(self.time_of_day, one(Field::TimeOfDay));
            set_if_changed(self.message, one(Field::Message));
        }
        set_if_changed(self.consent, !one(Field::Consent).is_empty());
    }

    /// Counts every field the patient filled before the code arrived as
    /// left, except the one they are in: its error shows as if the code had
    /// been there when they left it.
    pub fn touch_filled(&self, entries: &[(String, String)], focused: Option<&str>) {
        for field in Field::ALL {
            let filled = entries
                .iter()
                .any(|(key, value)| key == field.name() && !value.is_empty());
            if filled && focused != Some(field.name()) {
                self.touch(field);
            }
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

/// Sets `signal` only if `value` differs, so an input the patient is typing
/// in is not written to.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form after a state starting from `initial` adopts `pairs`, in a
    /// reactive owner (signals live in one; on the server, one per request).
    fn adopted(initial: RequestForm, pairs: &[(&str, &str)], compact: bool) -> RequestForm {
        let entries: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Owner::new_root(None).with(|| {
            let state = FormState::new(&initial);
            state.adopt(&entries, compact);
            state.snapshot()
        })
    }

    #[test]
    fn adopting_takes_what_the_inputs_hold() {
        let form = adopted(
            RequestForm::default(),
            &[
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
            ],
            false,
        );
        assert_eq!(form.name, "Ana Lima");
        assert_eq!(form.phone, "(732) 555-0142");
        assert_eq!(form.contact_method, "text");
        assert_eq!(form.service, "acupuncture");
        assert_eq!(form.patient, "new");
        assert_eq!(form.days, ["tue", "thu"]);
        assert_eq!(form.time_of_day, "morning");
        assert_eq!(form.message, "Lower back pain.");
        assert_eq!(form.consent, "yes");
    }

    /// Fields filled before the code arrived show their errors as if the
    /// patient had left them with the code there; the one they are in
    /// does not, while they type.
    #[test]
    fn fields_filled_before_the_code_arrived_count_as_left_except_the_focused_one() {
        let entries: Vec<(String, String)> =
            [("name", "Ana Lima"), ("phone", "555"), ("email", "")]
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
        let touched = Owner::new_root(None).with(|| {
            let state = FormState::new(&RequestForm::default());
            state.touch_filled(&entries, Some("phone"));
            state.touched.get_untracked()
        });
        assert!(touched.contains(&Field::Name));
        assert!(!touched.contains(&Field::Phone), "the field being typed in");
        assert!(!touched.contains(&Field::Email), "an empty field");
    }

    #[test]
    fn a_box_unticked_before_the_code_arrived_stays_unticked() {
        // The server's replay of a form sent without JavaScript had it ticked.
        let replay = RequestForm {
            consent: "yes".into(),
            days: vec!["mon".into()],
            ..RequestForm::default()
        };
        let form = adopted(replay, &[("name", "Ana Lima")], false);
        assert_eq!(form.consent, "");
        assert!(form.days.is_empty());
    }

    #[test]
    fn the_compact_form_leaves_the_fields_it_does_not_show() {
        let form = adopted(RequestForm::default(), &[("name", "Ben Ortiz")], true);
        assert_eq!(form.name, "Ben Ortiz");
        assert_eq!(form.time_of_day, "any");
    }

    #[test]
    fn nothing_to_adopt_changes_nothing() {
        let typed = RequestForm {
            name: "Ana Lima".into(),
            ..RequestForm::default()
        };
        assert_eq!(adopted(typed, &[], false).name, "Ana Lima");
    }
}
