use crate::api::admin::redirects::{list_redirects, AddRedirect, DeleteRedirect};
use crate::api::ApiError;
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::redirect::{Redirect, PATH_MAX};
use crate::domain::Field;
use leptos::prelude::*;

/// Old addresses and where they now go: made by the WordPress import or
/// added by staff.
#[component]
pub fn AdminRedirects() -> impl IntoView {
    let add = ServerAction::<AddRedirect>::new();
    let remove = ServerAction::<DeleteRedirect>::new();
    let rows = Resource::new(
        move || (add.version().get(), remove.version().get()),
        |_| list_redirects(),
    );
    let error_for = move |field: Field| {
        move || match add.value().get() {
            Some(Err(ApiError::InvalidDraft(errors))) => errors.get(field).map(str::to_owned),
            _ => None,
        }
    };
    let other_error = move || match add.value().get() {
        Some(Err(ApiError::InvalidDraft(_))) | None | Some(Ok(())) => None,
        Some(Err(e)) => Some(e.to_string()),
    };
    let added = move || matches!(add.value().get(), Some(Ok(()))).then_some("Added.");
    view! {
        <PageMeta title=Some("Redirects".to_owned()) description="Old addresses and where they go now."/>
        <h1>"Redirects"</h1>
        <p>"Visitors and search engines following an old address (such as a WordPress link) are sent to the new one with a permanent redirect (301)."</p>
        <h2>"Add a redirect"</h2>
        <ActionForm action=add>
            <p role="status" class="form-privacy">{added}</p>
            <p class="field-error" role="alert">{other_error}</p>
            <div class="field">
                <label for="redirect-from">"Old address"</label>
                <p class="field-hint" id="redirect-from-hint">"The path only, e.g. /old-post/"</p>
                <input id="redirect-from" name="from" type="text" autocomplete="off" maxlength=PATH_MAX required
                    aria-describedby="redirect-from-hint redirect-from-error"/>
                <p class="field-error" id="redirect-from-error">{error_for(Field::From)}</p>
            </div>
            <div class="field">
                <label for="redirect-to">"New address"</label>
                <p class="field-hint" id="redirect-to-hint">"A path on this site, e.g. /articles/new-post, or a full https:// address"</p>
                <input id="redirect-to" name="to" type="text" autocomplete="off" maxlength=PATH_MAX required
                    aria-describedby="redirect-to-hint redirect-to-error"/>
                <p class="field-error" id="redirect-to-error">{error_for(Field::To)}</p>
            </div>
            <button class="button" type="submit">"Add redirect"</button>
        </ActionForm>
        <h2>"All redirects"</h2>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(rows.await, move |rows| redirect_table(rows, remove))
            })}
        </Transition>
    }
}

fn redirect_table(rows: Vec<Redirect>, remove: ServerAction<DeleteRedirect>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>"No redirects yet."</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="admin-table">
                <caption class="visually-hidden">"Redirects, by old address"</caption>
                <thead><tr><th scope="col">"Old address"</th><th scope="col">"Goes to"</th>
                    <th scope="col">"Made by"</th><th scope="col">"Added"</th><th scope="col">"Action"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let from = r.from.clone();
                        view! {
                            <tr>
                                <td><code>{r.from.clone()}</code></td>
                                <td><code>{r.to}</code></td>
                                <td>{if r.origin == "wordpress" { "WordPress import" } else { "Staff" }}</td>
                                <td>{r.created}</td>
                                <td>
                                    <button class="button button-secondary" type="button"
                                        aria-label=format!("Delete the redirect from {}", r.from)
                                        on:click=move |_| { remove.dispatch(DeleteRedirect { from: from.clone() }); }>
                                        "Delete"
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
