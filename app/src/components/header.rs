use super::use_clinic;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Clinic name, phone and e-mail, and the main navigation. On narrow screens
/// the navigation folds behind a menu button (without JavaScript it stays
/// open: see `public/noscript.css`).
#[component]
pub fn Header() -> impl IntoView {
    let clinic = use_clinic();
    let (open, set_open) = signal(false);
    let location = use_location();
    // A navigation closes the menu.
    Effect::new(move |_| {
        location.pathname.track();
        set_open.set(false);
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            set_open.set(false);
            if let Some(button) = document().get_element_by_id("menu-button") {
                use leptos::wasm_bindgen::JsCast;
                if let Ok(button) = button.dyn_into::<leptos::web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        }
    };

    view! {
        <header class="site-header" on:keydown=on_keydown>
            <div class="topbar">
                <div class="wrap topbar-inner">
                    <Suspense>
                        {move || Suspend::new(async move {
                            clinic.await.ok().map(|c| view! {
                                <a class="topbar-link" href=c.phone.tel_href()>
                                    <span class="visually-hidden">"Call us: "</span>
                                    {c.phone.to_string()}
                                </a>
                                <a class="topbar-link" href=c.mailto_href()>
                                    <span class="visually-hidden">"E-mail us: "</span>
                                    {c.email.clone()}
                                </a>
                            })
                        })}
                    </Suspense>
                </div>
            </div>
            <div class="wrap header-bar">
                <a class="brand" href=routes::HOME>
                    <Suspense fallback=|| "Home">
                        {move || Suspend::new(async move {
                            clinic.await.map(|c| c.name).unwrap_or_else(|_| "Home".into())
                        })}
                    </Suspense>
                </a>
                <a class="button header-cta" href=routes::CONSULTATION>"Schedule Online"</a>
                <button
                    id="menu-button"
                    class="menu-button"
                    type="button"
                    aria-controls="site-nav"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| set_open.update(|o| *o = !*o)
                >
                    <span class="menu-icon" aria-hidden="true"></span>
                    "Menu"
                </button>
                <nav id="site-nav" class="site-nav" class:open=open aria-label="Main">
                    <ul>
                        <li><A href=routes::HOME exact=true>"Home"</A></li>
                        <li><A href=routes::SERVICES>"Services"</A></li>
                        <li><A href=routes::ARTICLES>"Articles"</A></li>
                        <li><A href=routes::ABOUT>"About"</A></li>
                        <li><A href=routes::CONTACT>"Contact"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
