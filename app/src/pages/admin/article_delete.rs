//! Deleting an article from its editor, after a second click to confirm.

use super::kept_draft::storage_key;
use crate::api::admin::articles::delete_article;
use crate::components::browser::local_storage_set;
use crate::domain::article_draft::ArticleDraft;
use crate::routes;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Shown once the article is saved (`id` is set). On success the browser's
/// kept copy is dropped and staff go back to the list; `last_saved` takes
/// the draft so leaving does not warn about unsaved changes.
#[component]
pub fn DeleteArticle(
    id: RwSignal<Option<i64>>,
    draft: RwSignal<ArticleDraft>,
    last_saved: RwSignal<ArticleDraft>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let confirm_delete = RwSignal::new(false);
    // The dialog lives once; only the heading shows when there is no id.
    let remove = move |_| {
        let Some(article) = id.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match delete_article(article).await {
                Ok(()) => {
                    local_storage_set(&storage_key(Some(article)), None);
                    last_saved.set(draft.get_untracked());
                    if let Some(window) = leptos::web_sys::window() {
                        let _ = window.location().set_href(routes::ADMIN_ARTICLES);
                    }
                }
                Err(e) => notice.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <Show when=move || id.get().is_some()>
            <h2>"Delete"</h2>
            <button class="button button-secondary" type="button" on:click=move |_| confirm_delete.set(true)>"Delete article"</button>
        </Show>
        <crate::components::Modal open=confirm_delete labelled_by="delete-title">
            <h2 id="delete-title">"Delete this article?"</h2>
            <p>"It goes from the site and the admin with all its versions. This can't be undone."</p>
            <button class="button" type="button" on:click=remove>"Yes, delete it"</button>
            " "
            <button class="button button-secondary" type="button" autofocus on:click=move |_| confirm_delete.set(false)>"Keep it"</button>
        </crate::components::Modal>
    }
}
