//! What every staff editor does with what it edits: hold the draft beside
//! what was last saved, warn before unsaved text is left behind, send a
//! save with the version it opened, and put a refusal's errors next to
//! their fields without losing a word. Each field is drawn by
//! [`text_field`], so a label, its hint, its error and `aria-invalid`
//! always go together.

use crate::api::ApiError;
use crate::components::browser::warn_before_leaving;
use crate::domain::article_draft::{BODY_MAX, SUMMARY_MAX};
use crate::domain::{DraftErrors, Field};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// A draft open in an editor.
pub struct DraftForm<T: Send + Sync + 'static> {
    pub draft: RwSignal<T>,
    pub last_saved: RwSignal<T>,
    /// Sent back with a save: a save against an older one is refused.
    pub version: RwSignal<i64>,
    pub errors: RwSignal<DraftErrors>,
    pub notice: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
    pub dirty: Memo<bool>,
    /// What a refused stale save says; `None`: the API's own sentence.
    stale: Option<&'static str>,
}

impl<T: Send + Sync + 'static> Clone for DraftForm<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for DraftForm<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> DraftForm<T> {
    /// `saved` as last saved, at `version`.
    pub fn new(saved: T, version: i64) -> Self {
        let draft = RwSignal::new(saved.clone());
        let last_saved = RwSignal::new(saved);
        let dirty = Memo::new(move |_| draft.with(|d| last_saved.with(|s| d != s)));
        warn_before_leaving(dirty);
        Self {
            draft,
            last_saved,
            version: RwSignal::new(version),
            errors: RwSignal::new(DraftErrors::default()),
            notice: RwSignal::new(None),
            busy: RwSignal::new(false),
            dirty,
            stale: None,
        }
    }

    /// Says `message` when a save is refused as stale.
    pub fn when_stale(self, message: &'static str) -> Self {
        Self {
            stale: Some(message),
            ..self
        }
    }

    /// A field's error, tracking changes.
    pub fn error(self, field: Field) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
        move || self.errors.with(|e| e.get(field).map(str::to_owned))
    }

    /// An input handler writing the typed value into the draft with `f`.
    pub fn setter(self, f: fn(&mut T, String)) -> impl Fn(leptos::ev::Event) + Copy + 'static {
        move |ev| {
            let value = event_target_value(&ev);
            self.draft.update(|d| f(d, value));
        }
    }

    /// Starts a save: the draft to send, or `None` while one is under way.
    pub fn begin(self) -> Option<T> {
        if self.busy.get_untracked() {
            return None;
        }
        self.busy.set(true);
        self.errors.set(DraftErrors::default());
        self.notice.set(None);
        Some(self.draft.get_untracked())
    }

    /// `sent` is kept as `version`.
    pub fn saved(self, sent: T, version: i64, message: impl Into<String>) {
        self.version.set(version);
        self.last_saved.set(sent);
        self.notice.set(Some(message.into()));
        self.busy.set(false);
    }

    /// A refused save: errors beside their fields, anything else said in
    /// the notice. The draft stays as typed.
    pub fn fail(self, e: ApiError) {
        match e {
            ApiError::InvalidDraft(found) => self.errors.set(found),
            ApiError::Conflict if self.stale.is_some() => {
                self.notice.set(self.stale.map(str::to_owned));
            }
            other => self.notice.set(Some(other.to_string())),
        }
        self.busy.set(false);
    }

    /// Sends the draft and the version it was opened at with `send`, which
    /// answers the new version; says `message` once it is kept.
    pub fn submit<Fut>(self, send: impl FnOnce(T, i64) -> Fut + 'static, message: String)
    where
        Fut: Future<Output = Result<i64, ApiError>> + 'static,
    {
        let Some(current) = self.begin() else {
            return;
        };
        let version = self.version.get_untracked();
        spawn_local(async move {
            match send(current.clone(), version).await {
                Ok(new_version) => self.saved(current, new_version, message),
                Err(e) => self.fail(e),
            }
        });
    }

    /// The notice line every editor shows above its form.
    pub fn notice_view(self) -> impl IntoView {
        let notice = self.notice;
        view! {
            <div class="form-notice" role="status" hidden=move || notice.with(Option::is_none)>
                {move || notice.get()}
            </div>
        }
    }
}

/// One text field of a draft of `T`.
pub struct TextField<T: 'static> {
    /// The element's id; its hint and error take it as a prefix.
    id: String,
    label: String,
    field: Field,
    get: fn(&T) -> String,
    set: fn(&mut T, String),
    /// 0: one line.
    rows: u32,
    max: Option<usize>,
    lang: Option<&'static str>,
    hint: Option<String>,
}

impl<T: 'static> TextField<T> {
    /// A one-line field.
    pub fn line(
        id: impl Into<String>,
        label: impl Into<String>,
        field: Field,
        get: fn(&T) -> String,
        set: fn(&mut T, String),
    ) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            field,
            get,
            set,
            rows: 0,
            max: None,
            lang: None,
            hint: None,
        }
    }

    /// A page's summary: two lines, the summary's limit.
    pub fn summary(
        id: impl Into<String>,
        label: impl Into<String>,
        get: fn(&T) -> String,
        set: fn(&mut T, String),
    ) -> Self {
        Self::line(id, label, Field::Summary, get, set)
            .rows(2)
            .max(SUMMARY_MAX)
    }

    /// A page's text in Markdown.
    pub fn markdown(
        id: impl Into<String>,
        label: impl Into<String>,
        get: fn(&T) -> String,
        set: fn(&mut T, String),
    ) -> Self {
        Self::line(id, label, Field::BodyMd, get, set)
            .rows(16)
            .max(BODY_MAX)
    }

    /// A text area of `rows` lines.
    pub fn rows(self, rows: u32) -> Self {
        Self { rows, ..self }
    }

    pub fn max(self, max: usize) -> Self {
        Self {
            max: Some(max),
            ..self
        }
    }

    /// Written in another language than the admin's English.
    pub fn lang(self, code: &'static str) -> Self {
        Self {
            lang: Some(code),
            ..self
        }
    }

    pub fn hint(self, hint: impl Into<String>) -> Self {
        Self {
            hint: Some(hint.into()),
            ..self
        }
    }
}

/// The field's label, hint, control and error, tied together for screen
/// readers (`aria-describedby`, `aria-invalid`).
pub fn text_field<T>(form: DraftForm<T>, spec: TextField<T>) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let TextField {
        id,
        label,
        field,
        get,
        set,
        rows,
        max,
        lang,
        hint,
    } = spec;
    let error = form.error(field);
    let invalid = move || error().is_some().to_string();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let value = move || form.draft.with(get);
    let input = form.setter(set);
    let control = if rows == 0 {
        view! {
            <input id=id.clone() type="text" autocomplete="off" lang=lang maxlength=max
                aria-describedby=described aria-invalid=invalid prop:value=value on:input=input/>
        }
        .into_any()
    } else {
        view! {
            <textarea id=id.clone() rows=rows lang=lang maxlength=max
                aria-describedby=described aria-invalid=invalid prop:value=value on:input=input></textarea>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
            {control}
            <p class="field-error" id=error_id>{error}</p>
        </div>
    }
}
