use crate::api::admin::auth::{SignIn, SignInCode};
use crate::components::PageMeta;
use crate::domain::staff::{SignInStep, PASSWORD_MAX};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Signing in: e-mail and password, then, for accounts with two-factor
/// sign-in, the authenticator app's code (or a recovery code).
/// One step: the sign-in form's markup and the one action behind it.
#[component]
pub fn AdminSignIn() -> impl IntoView {
    let password_step = ServerAction::<SignIn>::new();
    let code_step = ServerAction::<SignInCode>::new();
    let navigate = use_navigate();
    let code_needed = move || {
        matches!(
            password_step.value().get(),
            Some(Ok(SignInStep::CodeNeeded))
        )
    };
    Effect::new(move |_| {
        let done = matches!(password_step.value().get(), Some(Ok(SignInStep::Done(_))))
            || matches!(code_step.value().get(), Some(Ok(_)));
        if done {
            navigate(routes::ADMIN, Default::default());
        }
    });
    // The code field takes the focus when it appears (a screen reader
    // then announces it), as the password page's first field would.
    let code_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = code_input.get() {
            let _ = input.focus();
        }
    });
    // A code step that took too long starts over with the password.
    Effect::new(move |_| {
        if let Some(Err(crate::api::ApiError::CodeExpired)) = code_step.value().get() {
            password_step.value().set(None);
        }
    });
    let password_error = move || {
        password_step
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| match code_step.value().get() {
                Some(Err(e @ crate::api::ApiError::CodeExpired)) => Some(e),
                _ => None,
            })
            .map(|e| e.to_string())
    };
    let code_error = move || {
        code_step
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    view! {
        <PageMeta title=Some("Staff sign-in".to_owned()) description="Sign in to the clinic's admin."/>
        <div class="wrap section narrow">
            <h1>"Staff sign-in"</h1>
            <Show
                when=code_needed
                fallback=move || view! {
                    <ActionForm action=password_step attr:class="sign-in-form">
                        <div class="form-notice" role="alert" hidden=move || password_error().is_none()>{password_error}</div>
                        <div class="field">
                            <label for="sign-in-email">"E-mail"</label>
                            <input id="sign-in-email" name="email" type="email" autocomplete="username" required/>
                        </div>
                        <div class="field">
                            <label for="sign-in-password">"Password"</label>
                            <input id="sign-in-password" name="password" type="password" autocomplete="current-password"
                                maxlength=PASSWORD_MAX required/>
                        </div>
                        <button class="button" type="submit" aria-disabled=move || password_step.pending().get().to_string()>
                            {move || if password_step.pending().get() { "Signing in…" } else { "Sign in" }}
                        </button>
                    </ActionForm>
                    <p class="form-privacy">"Forgot your password? Ask an administrator to set a new one."</p>
                }
            >
                <ActionForm action=code_step attr:class="sign-in-form">
                    <div class="form-notice" role="alert" hidden=move || code_error().is_none()>{code_error}</div>
                    <div class="field">
                        <label for="sign-in-code">"Code from your authenticator app"</label>
                        <p class="field-hint" id="sign-in-code-hint">"Six digits. Lost your phone? Enter one of your recovery codes instead."</p>
                        <input id="sign-in-code" name="code" type="text" autocomplete="one-time-code" node_ref=code_input
                            spellcheck="false" maxlength="32" aria-describedby="sign-in-code-hint" required/>
                    </div>
                    <button class="button" type="submit" aria-disabled=move || code_step.pending().get().to_string()>
                        {move || if code_step.pending().get() { "Checking…" } else { "Continue" }}
                    </button>
                </ActionForm>
            </Show>
        </div>
    }
}
