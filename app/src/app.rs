//! The HTML shell, the app, and its route table (declared once).

use crate::components::{hydrate_later, ClinicProvider, Footer, Header, RouteFocus, SkipLink};
use crate::pages::admin::lazy::*;
use crate::pages::public_routes::*;
use crate::pages::{server_page, NotFound};
use crate::routes;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

/// The site's stylesheet, small enough that the server puts it inside each
/// page's head: the first paint waits for no other request.
#[derive(Clone, Debug)]
pub struct InlineStyles(pub std::sync::Arc<str>);

/// The document around the app. Everything a page needs to paint is in the
/// first response: styles, title, description; no third-party requests.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let stylesheet = match use_context::<InlineStyles>() {
        // Our own built CSS, never user input: written as it is.
        Some(InlineStyles(css)) => view! { <style inner_html=css.to_string()></style> }.into_any(),
        None => {
            let href = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
            view! { <link rel="stylesheet" href=href/> }.into_any()
        }
    };
    let hydration = hydration_script(&options);
    // The page's language is its address's: `/es/…` is Spanish.
    // leptos_axum gives the request as a URL on a placeholder host.
    let lang = use_context::<leptos_router::location::RequestUrl>()
        .map(|url| {
            let url = url.as_ref();
            let path = url.find("://").map_or(url, |scheme| {
                let rest = &url[scheme + 3..];
                rest.find('/').map_or("/", |start| &rest[start..])
            });
            crate::domain::Locale::of_path(path)
        })
        .unwrap_or_default()
        .code();
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b5e58"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="icon" href="/favicon-32.png" type="image/png" sizes="32x32"/>
                <link rel="apple-touch-icon" href="/apple-touch-icon.png"/>
                <link rel="manifest" href=routes::MANIFEST/>
                <link rel="alternate" type="application/rss+xml" title="Articles" href=routes::FEED/>
                {stylesheet}
                <noscript><link rel="stylesheet" href="/noscript.css"/></noscript>
                <script inner_html=language_script()></script>
                <script type="module" inner_html=hydration></script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Before the first paint: marks the document with the first of the
/// browser's languages the site has (`data-prefers`), so the header's
/// suggestion of that language shows from the start when it differs from
/// the page's, and moves nothing later; and turns the suggestion down for
/// this tab when asked (session storage, no cookie). Which suggestion shows
/// is a style rule per language, added here through the CSSOM (not a
/// `<style>` element, which the Content-Security-Policy would have to
/// hash): `html[data-prefers=X]:not([lang=X]) .language-suggestion[lang=X]`,
/// so client-side navigation, which updates `<html lang>`, keeps it right.
/// It works before and without the app's code, and keeps it out of the
/// wasm. The languages come from the registry.
fn language_script() -> String {
    let codes: Vec<String> = crate::domain::Locale::ALL
        .into_iter()
        .map(|l| format!("{:?}", l.code()))
        .collect();
    format!(
        r#"(function(){{var h=document.documentElement,k="language-suggestion-dismissed",s=[{}];try{{var r=document.styleSheets[0];if(r)s.forEach(function(c){{r.insertRule('html[data-prefers="'+c+'"]:not([lang="'+c+'"]) .language-suggestion[lang="'+c+'"]{{display:flex}}',r.cssRules.length)}})}}catch(e){{}}try{{if(sessionStorage.getItem(k))return}}catch(e){{}}var l=navigator.languages||[navigator.language||""];for(var i=0;i<l.length;i++){{var c=String(l[i]).split("-")[0].toLowerCase();if(s.indexOf(c)>=0){{h.setAttribute("data-prefers",c);break}}}}document.addEventListener("click",function(e){{var b=e.target.closest&&e.target.closest("[data-dismiss-suggestion]");if(!b)return;try{{sessionStorage.setItem(k,"1")}}catch(x){{}}h.removeAttribute("data-prefers");var m=document.getElementById("main");if(m)m.focus()}})}})();"#,
        codes.join(",")
    )
}

/// Loads the app's code once the page has painted and the phone is idle,
/// then hydrates. Leptos' `HydrationScripts` preloads the wasm from the
/// head: even at low priority that download ran alongside the first paint
/// and the hero image, and Lighthouse's phone model put the largest paint
/// after it. Links and forms work without the wasm meanwhile.
/// Instantiating the module and hydrating run in separate tasks: together
/// they were one long task, which Lighthouse counts as blocking (figures:
/// docs/performance.md).
fn hydration_script(options: &LeptosOptions) -> String {
    let base = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    // Without cargo-leptos' output name the wasm keeps wasm-bindgen's suffix.
    let wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
        format!("{base}.wasm")
    } else {
        format!("{base}_bg.wasm")
    };
    format!(
        r#"const hydrate = () => import("{base}.js").then((app) => app.default({{ module_or_path: "{wasm}" }}).then(() => new Promise((next) => setTimeout(next))).then(() => app.hydrate()));
if ("requestIdleCallback" in window) requestIdleCallback(hydrate, {{ timeout: 2000 }}); else setTimeout(hydrate, 200);"#
    )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <ClinicProvider>
                <RouteFocus/>
                <SkipLink/>
                <PublicOnly>{hydrate_later(view! { <Header/> }.into_any())}</PublicOnly>
                <main id="main" tabindex="-1">
                    <Routes fallback=|| server_page(|| view! { <NotFound/> }.into_any())>
                        <Route path=path!("/") view={Lazy::<HomeRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/services") view={Lazy::<ServiceListRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/services/:slug") view={Lazy::<ServiceRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/articles") view={Lazy::<ArticleListRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/articles/:slug") view={Lazy::<ArticleRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/about") view={Lazy::<AboutRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/contact") view={Lazy::<ContactRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/privacy") view={Lazy::<PrivacyRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/consultation") view={Lazy::<RequestRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/consultation/sent/:reference") view={Lazy::<RequestSentRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/book") view={Lazy::<BookingRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/book/manage/:token") view={Lazy::<BookingManageRoute>::new()} ssr=SsrMode::Async/>
                        // The same pages in Spanish (`routes::Pages`).
                        <Route path=path!("/es") view={Lazy::<HomeRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/servicios") view={Lazy::<ServiceListRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/servicios/:slug") view={Lazy::<ServiceRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/articulos") view={Lazy::<ArticleListRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/articulos/:slug") view={Lazy::<ArticleRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/quienes-somos") view={Lazy::<AboutRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/contacto") view={Lazy::<ContactRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/privacidad") view={Lazy::<PrivacyRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/consulta") view={Lazy::<RequestRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/consulta/enviada/:reference") view={Lazy::<RequestSentRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/reservar") view={Lazy::<BookingRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/es/reservar/gestionar/:token") view={Lazy::<BookingManageRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("/admin/sign-in") view={Lazy::<AdminSignInRoute>::new()} ssr=SsrMode::Async/>
                        <ParentRoute path=path!("/admin") view={Lazy::<AdminLayoutRoute>::new()} ssr=SsrMode::Async>
                            <Route path=path!("") view={Lazy::<AdminHomeRoute>::new()}/>
                            <Route path=path!("requests") view={Lazy::<AdminRequestsRoute>::new()}/>
                            <Route path=path!("requests/:reference") view={Lazy::<AdminRequestRoute>::new()}/>
                            <Route path=path!("schedule") view={Lazy::<AdminScheduleRoute>::new()}/>
                            <Route path=path!("practitioners") view={Lazy::<AdminPractitionersRoute>::new()}/>
                            <Route path=path!("appointment-types") view={Lazy::<AdminAppointmentTypesRoute>::new()}/>
                            <Route path=path!("accounts") view={Lazy::<AdminAccountsRoute>::new()}/>
                            <Route path=path!("audit") view={Lazy::<AdminAuditRoute>::new()}/>
                            <Route path=path!("articles") view={Lazy::<AdminArticlesRoute>::new()}/>
                            <Route path=path!("articles/new") view={Lazy::<AdminArticleEditorRoute>::new()}/>
                            <Route path=path!("articles/:id") view={Lazy::<AdminArticleEditorRoute>::new()}/>
                            <Route path=path!("services") view={Lazy::<AdminServicesRoute>::new()}/>
                            <Route path=path!("services/:slug") view={Lazy::<AdminServiceEditorRoute>::new()}/>
                            <Route path=path!("redirects") view={Lazy::<AdminRedirectsRoute>::new()}/>
                            <Route path=path!("categories") view={Lazy::<AdminCategoriesRoute>::new()}/>
                            <Route path=path!("clinic") view={Lazy::<AdminClinicRoute>::new()}/>
                            <Route path=path!("two-factor") view={Lazy::<AdminTwoFactorRoute>::new()}/>
                        </ParentRoute>
                    </Routes>
                </main>
                <PublicOnly>{hydrate_later(view! { <Footer/> }.into_any())}</PublicOnly>
            </ClinicProvider>
        </Router>
    }
}

/// The public header and footer: not shown in the admin, which has its own.
#[component]
fn PublicOnly(children: ChildrenFn) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let public = move || !location.pathname.with(|p| crate::routes::is_admin_page(p));
    view! { <Show when=public>{children()}</Show> }
}
