//! The HTML shell, the app, and its route table (declared once).

use crate::components::{ClinicContext, Footer, Header, RouteFocus, SkipLink};
use crate::pages::admin::lazy::{
    AccountsRoute, ArticleEditorRoute, ArticlesRoute, AuditRoute, ClinicRoute, HomeRoute,
    LayoutRoute, RedirectsRoute, RequestRoute, RequestsRoute, ServiceEditorRoute, ServicesRoute,
    SignInRoute,
};
use crate::pages::{
    About, ArticleList, ArticlePage, ConsultationPage, ConsultationSent, Contact, Home, NotFound,
    Privacy, ServiceList, ServicePage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

/// The document around the app. Everything a page needs to paint is in the
/// first response: styles, title, description; no third-party requests.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let css = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b5e58"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="icon" href="/favicon-32.png" type="image/png" sizes="32x32"/>
                <link rel="apple-touch-icon" href="/apple-touch-icon.png"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="alternate" type="application/rss+xml" title="Articles" href="/feed.xml"/>
                <link rel="stylesheet" href=css/>
                <noscript><link rel="stylesheet" href="/noscript.css"/></noscript>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    ClinicContext::provide();
    // Effects run only in the browser, after hydration: tests and styles can
    // tell a page the wasm has taken over.
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });

    view! {
        <Router>
            <RouteFocus/>
            <SkipLink/>
            <PublicOnly><Header/></PublicOnly>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home ssr=SsrMode::Async/>
                    <Route path=path!("/services") view=ServiceList ssr=SsrMode::Async/>
                    <Route path=path!("/services/:slug") view=ServicePage ssr=SsrMode::Async/>
                    <Route path=path!("/articles") view=ArticleList ssr=SsrMode::Async/>
                    <Route path=path!("/articles/:slug") view=ArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/about") view=About ssr=SsrMode::Async/>
                    <Route path=path!("/contact") view=Contact ssr=SsrMode::Async/>
                    <Route path=path!("/privacy") view=Privacy ssr=SsrMode::Async/>
                    <Route path=path!("/consultation") view=ConsultationPage ssr=SsrMode::Async/>
                    <Route path=path!("/consultation/sent/:reference") view=ConsultationSent ssr=SsrMode::Async/>
                    // The admin is lazy: its code loads only when staff open it.
                    <Route path=path!("/admin/sign-in") view={Lazy::<SignInRoute>::new()} ssr=SsrMode::Async/>
                    <ParentRoute path=path!("/admin") view={Lazy::<LayoutRoute>::new()} ssr=SsrMode::Async>
                        <Route path=path!("") view={Lazy::<HomeRoute>::new()}/>
                        <Route path=path!("requests") view={Lazy::<RequestsRoute>::new()}/>
                        <Route path=path!("requests/:reference") view={Lazy::<RequestRoute>::new()}/>
                        <Route path=path!("accounts") view={Lazy::<AccountsRoute>::new()}/>
                        <Route path=path!("audit") view={Lazy::<AuditRoute>::new()}/>
                        <Route path=path!("articles") view={Lazy::<ArticlesRoute>::new()}/>
                        <Route path=path!("articles/new") view={Lazy::<ArticleEditorRoute>::new()}/>
                        <Route path=path!("articles/:id") view={Lazy::<ArticleEditorRoute>::new()}/>
                        <Route path=path!("services") view={Lazy::<ServicesRoute>::new()}/>
                        <Route path=path!("services/:slug") view={Lazy::<ServiceEditorRoute>::new()}/>
                        <Route path=path!("redirects") view={Lazy::<RedirectsRoute>::new()}/>
                        <Route path=path!("clinic") view={Lazy::<ClinicRoute>::new()}/>
                    </ParentRoute>
                </Routes>
            </main>
            <PublicOnly><Footer/></PublicOnly>
        </Router>
    }
}

/// The public header and footer: not shown in the admin, which has its own.
#[component]
fn PublicOnly(children: ChildrenFn) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let public = move || {
        !location
            .pathname
            .with(|p| p == crate::routes::ADMIN || p.starts_with("/admin/"))
    };
    view! { <Show when=public>{children()}</Show> }
}
