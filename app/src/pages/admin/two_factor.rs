use super::CurrentStaff;
use crate::api::admin::auth::{two_factor_start, TwoFactorConfirm};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::staff::Enrolment;
use crate::routes;
use leptos::prelude::*;

/// Setting up two-factor sign-in: scan a QR code (drawn by our server), or
/// type the key, confirm one code, and keep the recovery codes.
#[component]
pub fn AdminTwoFactor() -> impl IntoView {
    let enrolment = Resource::new(|| (), |()| two_factor_start());
    let confirm = ServerAction::<TwoFactorConfirm>::new();
    let me = use_context::<CurrentStaff>();
    let codes = move || confirm.value().get().and_then(Result::ok);
    Effect::new(move |_| {
        // Enrolled: the admin's navigation opens up.
        if codes().is_some() {
            if let Some(me) = me {
                me.0.refetch();
            }
        }
    });
    let error = move || {
        confirm
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    view! {
        <PageMeta title=Some("Two-factor sign-in".to_owned()) description="Set up two-factor sign-in for your account."/>
        <h1>"Set up two-factor sign-in"</h1>
        <Show
            when=move || codes().is_some()
            fallback=move || view! {
                <p>"Accounts that read patients' requests sign in with their password and a six-digit code from an authenticator app on their phone (for example Google Authenticator, Microsoft Authenticator, 1Password or Aegis)."</p>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        show_loaded(enrolment.await, steps)
                    })}
                </Suspense>
                <ActionForm action=confirm attr:class="sign-in-form">
                    <div class="form-notice" role="alert" hidden=move || error().is_none()>{error}</div>
                    <div class="field">
                        <label for="two-factor-code">"Six-digit code from the app"</label>
                        <input id="two-factor-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                            spellcheck="false" maxlength="8" required/>
                    </div>
                    <button class="button" type="submit">"Turn on two-factor sign-in"</button>
                </ActionForm>
            }
        >
            <h2>"Your recovery codes"</h2>
            <p>"Each code signs you in once if you lose your phone. Print them or keep them in a password manager, away from your phone: they are shown only now."</p>
            <ul class="recovery-codes">
                {move || codes().unwrap_or_default().into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            <p><a class="button" href=routes::ADMIN>"I've saved them: continue"</a></p>
        </Show>
    }
}

fn steps(enrolment: Enrolment) -> impl IntoView {
    // The SVG is ours (drawn by the `qrcode` crate from the otpauth address),
    // not user input; its XML prologue has no place inside HTML.
    let svg = enrolment
        .qr_svg
        .find("<svg")
        .map(|start| enrolment.qr_svg[start..].to_owned())
        .unwrap_or_default();
    let grouped = enrolment
        .secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <ol class="steps">
            <li>
                <p>"In your authenticator app, add an account and scan this code:"</p>
                <div class="qr-code" role="img" aria-label="QR code for your authenticator app" inner_html=svg></div>
            </li>
            <li>
                <p>"Can't scan it? Choose to enter a key by hand, and type:"</p>
                <p><code class="secret-key">{grouped}</code></p>
            </li>
            <li><p>"Enter the six-digit code the app now shows for this site."</p></li>
        </ol>
    }
}
