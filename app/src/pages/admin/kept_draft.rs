//! An article's unsaved changes, kept in this browser: they survive a
//! closed tab or a failed save, and the editor offers them back.

use crate::components::browser::{local_storage_get, local_storage_set};
use crate::domain::article_draft::ArticleDraft;
use leptos::prelude::*;

/// Where this browser keeps an article's unsaved changes (`new` before its
/// first save).
pub fn storage_key(id: Option<i64>) -> String {
    format!(
        "article-draft-{}",
        id.map_or_else(|| "new".to_owned(), |i| i.to_string())
    )
}

/// Keeps `draft` in this browser while it differs from what was saved.
/// Returns the changes an earlier visit left, when they differ from `draft`.
pub fn keep_unsaved(
    id: RwSignal<Option<i64>>,
    draft: RwSignal<ArticleDraft>,
    dirty: Memo<bool>,
) -> RwSignal<Option<ArticleDraft>> {
    let left_before = RwSignal::new(None::<ArticleDraft>);
    Effect::new(move |_| {
        if let Some(stored) = local_storage_get(&storage_key(id.get_untracked())) {
            if let Ok(stored) = serde_json::from_str::<ArticleDraft>(&stored) {
                if stored != draft.get_untracked() {
                    left_before.set(Some(stored));
                }
            }
        }
    });
    Effect::new(move |_| {
        let key = storage_key(id.get_untracked());
        if dirty.get() {
            if let Ok(json) = serde_json::to_string(&draft.get()) {
                local_storage_set(&key, Some(&json));
            }
        } else {
            local_storage_set(&key, None);
        }
    });
    left_before
}

/// Offers back the changes an earlier visit left unsaved.
#[component]
pub fn UnsavedChanges(
    left_before: RwSignal<Option<ArticleDraft>>,
    draft: RwSignal<ArticleDraft>,
) -> impl IntoView {
    move || {
        left_before.get().map(|stored| view! {
        <div class="form-notice" role="alert">
            <p>"This browser kept changes that were never saved."</p>
            <button class="button" type="button" on:click=move |_| {
                draft.set(stored.clone());
                left_before.set(None);
            }>"Restore them"</button>
            " "
            <button class="button button-secondary" type="button" on:click=move |_| left_before.set(None)>"Discard"</button>
        </div>
    })
    }
}
