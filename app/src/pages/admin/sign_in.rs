use crate::api::admin::auth::SignIn;
use crate::components::PageMeta;
use crate::domain::staff::PASSWORD_MAX;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn AdminSignIn() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(_)) = action.value().get() {
            navigate(routes::ADMIN, Default::default());
        }
    });
    let error = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    view! {
        <PageMeta title=Some("Staff sign-in".to_owned()) description="Sign in to the clinic's admin."/>
        <div class="wrap section narrow">
            <h1>"Staff sign-in"</h1>
            <ActionForm action attr:class="sign-in-form">
                <div class="form-notice" role="alert" hidden=move || error().is_none()>{error}</div>
                <div class="field">
                    <label for="sign-in-email">"E-mail"</label>
                    <input id="sign-in-email" name="email" type="email" autocomplete="username" required/>
                </div>
                <div class="field">
                    <label for="sign-in-password">"Password"</label>
                    <input id="sign-in-password" name="password" type="password" autocomplete="current-password"
                        maxlength=PASSWORD_MAX required/>
                </div>
                <button class="button" type="submit" aria-disabled=move || action.pending().get().to_string()>
                    {move || if action.pending().get() { "Signing in…" } else { "Sign in" }}
                </button>
            </ActionForm>
            <p class="form-privacy">"Forgot your password? Ask an administrator to set a new one."</p>
        </div>
    }
}
