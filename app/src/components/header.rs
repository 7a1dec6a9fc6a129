use super::use_clinic;
use crate::domain::locale::ShellText;
use crate::domain::Locale;
use crate::routes::{self, Pages};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Clinic name, phone and e-mail, and the main navigation. On narrow screens
/// the navigation folds behind a menu button (without JavaScript it stays
/// open: see `public/noscript.css`).
/// One step: the header's markup, top to bottom as patients see it; its parts are the phone, the language bars and the menu, each a few lines.
#[component]
pub fn Header() -> impl IntoView {
    let clinic = use_clinic();
    let (open, set_open) = signal(false);
    let location = use_location();
    let address = routes::use_address();
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
            <Suspense>
                {move || Suspend::new(async move {
                    let clinic = clinic.await.ok();
                    let text = clinic.as_ref().map(|c| c.text.clone()).unwrap_or_default();
                    let name = clinic.as_ref().map_or_else(|| text.home.clone(), |c| c.name.clone());
                    let pages = Pages(text.locale);
                    // The same page in each other language; the home page
                    // for anything else.
                    let switch = move |other: Locale| {
                        move || {
                            Pages::translate(&address.get(), other)
                                .unwrap_or_else(|| Pages(other).home().to_owned())
                        }
                    };
                    // Offered to a browser that prefers another language,
                    // never a redirect: shown from the first paint by the
                    // page's own script and style (app.rs, `language_script`),
                    // so it moves nothing, and turned down there too.
                    let suggestions = text.others.iter().map(|o| {
                        let code = o.locale.code();
                        view! {
                            <div class="language-suggestion" lang=code>
                                <p>
                                    {o.suggestion.clone()} " "
                                    <a href=switch(o.locale) hreflang=code>{o.suggestion_link.clone()}</a>
                                </p>
                                <button type="button" class="button button-secondary" data-dismiss-suggestion="">
                                    {o.suggestion_dismiss.clone()}
                                </button>
                            </div>
                        }
                    }).collect_view();
                    let switches = text.others.iter().map(|o| {
                        let code = o.locale.code();
                        view! {
                            <a class="topbar-link language-switch" href=switch(o.locale) hreflang=code lang=code>
                                {o.name.clone()}
                            </a>
                        }
                    }).collect_view();
                    view! {
                        {suggestions}
                        <div class="topbar">
                            <div class="wrap topbar-inner">
                                {clinic.map(|c| view! {
                                    <a class="topbar-link" href=c.phone.tel_href()>
                                        <span class="visually-hidden">{text.call_us.clone()} " "</span>
                                        {c.phone.to_string()}
                                    </a>
                                    <a class="topbar-link" href=c.mailto_href()>
                                        <span class="visually-hidden">{text.email_us.clone()} " "</span>
                                        {c.email.clone()}
                                    </a>
                                })}
                                {switches}
                            </div>
                        </div>
                        <div class="wrap header-bar">
                            <a class="brand" href=pages.home()>{name}</a>
                            <a class="button header-cta" href=pages.book()>{text.schedule_online.clone()}</a>
                            <button
                                id="menu-button"
                                class="menu-button"
                                type="button"
                                aria-controls="site-nav"
                                aria-expanded=move || open.get().to_string()
                                on:click=move |_| set_open.update(|o| *o = !*o)
                            >
                                <span class="menu-icon" aria-hidden="true"></span>
                                {text.menu.clone()}
                            </button>
                            <nav id="site-nav" class="site-nav" class:open=open aria-label=text.nav_main.clone()>
                                <ul>
                                    {site_pages(&text).into_iter().map(|(href, label)| view! {
                                        <li><A href=href exact={href == pages.home()}>{label}</A></li>
                                    }).collect_view()}
                                </ul>
                            </nav>
                        </div>
                    }
                })}
            </Suspense>
        </header>
    }
}

/// The site's main pages and their names in the page's language: the menu
/// lists them, and the footer lists them with the privacy page.
pub(super) fn site_pages(text: &ShellText) -> [(&'static str, String); 5] {
    let pages = Pages(text.locale);
    [
        (pages.home(), text.home.clone()),
        (pages.services(), text.services.clone()),
        (pages.articles_root(), text.articles.clone()),
        (pages.about(), text.about.clone()),
        (pages.contact(), text.contact.clone()),
    ]
}
