use crate::api::admin::accounts::{
    list_accounts, CreateAccount, ResetTwoFactor, SetAccountDisabled,
};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::staff::{AccountSummary, Role, PASSWORD_MAX, PASSWORD_MIN};
use crate::routes;
use leptos::prelude::*;

/// Staff accounts: create them, disable those who leave (administrators only).
/// One step: the page's markup and its two forms' actions, which share its list.
#[component]
pub fn AdminAccounts() -> impl IntoView {
    let create = ServerAction::<CreateAccount>::new();
    let toggle = ServerAction::<SetAccountDisabled>::new();
    let reset = ServerAction::<ResetTwoFactor>::new();
    let accounts = Resource::new(
        move || {
            (
                create.version().get(),
                toggle.version().get(),
                reset.version().get(),
            )
        },
        |_| list_accounts(),
    );
    let reset_result = move || {
        reset.value().get().map(|r| match r {
            Ok(()) => "Two-factor sign-in was reset: they set it up again at their next sign-in."
                .to_owned(),
            Err(e) => e.to_string(),
        })
    };
    let create_error = move || {
        create
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    let created = move || {
        create
            .value()
            .get()
            .and_then(Result::ok)
            .map(|m| format!("Created an account for {}.", m.email))
    };
    // One status line for the page: what the last action did.
    let notice = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(message) = created() {
            notice.set(Some(message));
        }
    });
    Effect::new(move |_| {
        if let Some(message) = reset_result() {
            notice.set(Some(message));
        }
    });
    view! {
        <PageMeta title=Some("Staff accounts".to_owned()) description="The clinic's staff accounts."/>
        <h1>"Staff accounts"</h1>
        <p>"Administrators and the front desk sign in with a password and a code from an authenticator app. If someone loses their phone and their recovery codes, reset their two-factor sign-in here."</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(accounts.await, move |accounts| account_table(accounts, toggle, reset))
            })}
        </Transition>
        <p role="status" class="form-privacy">{move || notice.get()}</p>
        <h2>"Create an account"</h2>
        <p>"Give the new member their password in person; they can't reset it themselves yet."</p>
        <ActionForm action=create>
            <p class="field-error" role="alert">{create_error}</p>
            <div class="field">
                <label for="account-name">"Name"</label>
                <input id="account-name" name="name" type="text" autocomplete="off" maxlength="100" required/>
            </div>
            <div class="field">
                <label for="account-email">"E-mail"</label>
                <input id="account-email" name="email" type="email" autocomplete="off" required/>
            </div>
            <div class="field">
                <label for="account-role">"Role"</label>
                <select id="account-role" name="role">
                    {Role::ALL.iter().map(|r| view! { <option value=r.value()>{r.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="account-password">"First password"</label>
                <p class="field-hint" id="account-password-hint">{format!("At least {PASSWORD_MIN} characters.")}</p>
                <input id="account-password" name="password" type="password" autocomplete="new-password"
                    minlength=PASSWORD_MIN maxlength=PASSWORD_MAX aria-describedby="account-password-hint" required/>
            </div>
            <button class="button" type="submit">"Create account"</button>
        </ActionForm>
        <p><a href=routes::ADMIN_EXPORT>"Download all consultation requests (CSV)"</a></p>
    }
}

fn account_table(
    accounts: Vec<AccountSummary>,
    toggle: ServerAction<SetAccountDisabled>,
    reset: ServerAction<ResetTwoFactor>,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="admin-table">
                <caption class="visually-hidden">"Staff accounts"</caption>
                <thead><tr><th scope="col">"Name"</th><th scope="col">"E-mail"</th><th scope="col">"Role"</th>
                    <th scope="col">"Status"</th><th scope="col">"Two-factor"</th><th scope="col">"Action"</th></tr></thead>
                <tbody>
                    {accounts.into_iter().map(|a| {
                        let id = a.member.id;
                        let disable = !a.disabled;
                        let reset_name = a.member.name.clone();
                        view! {
                            <tr>
                                <td>{a.member.name.clone()}</td>
                                <td>{a.member.email.clone()}</td>
                                <td>{a.member.role.label()}</td>
                                <td>{if a.disabled { "Disabled" } else { "Active" }}</td>
                                <td>{if a.member.two_factor { "On" } else if a.member.role.handles_requests() { "Not set up yet" } else { "Off" }}</td>
                                <td>
                                    <ActionForm action=toggle attr:class="inline-form">
                                        <input type="hidden" name="id" value=id/>
                                        <input type="hidden" name="disabled" value=disable.to_string()/>
                                        <button class="button button-secondary" type="submit">
                                            {if disable { "Disable" } else { "Enable" }}
                                            <span class="visually-hidden">" " {a.member.name.clone()}</span>
                                        </button>
                                    </ActionForm>
                                    {a.member.two_factor.then(|| view! {
                                        <ActionForm action=reset attr:class="inline-form">
                                            <input type="hidden" name="id" value=id/>
                                            <button class="button button-secondary" type="submit">
                                                "Reset two-factor"
                                                <span class="visually-hidden">" of " {reset_name}</span>
                                            </button>
                                        </ActionForm>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
