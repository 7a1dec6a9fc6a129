//! Patients' pages as the server renders them, in the browser.
//!
//! A patient's page is text, links and pictures; the only part with code
//! of its own is the consultation form. The browser therefore never has a
//! page's view code: it adopts the server's HTML when the page loads, and
//! after a client-side navigation it fetches the page's HTML from the
//! server (the page cache answers it) and puts it in place, with the
//! head's tags for that page. The wasm keeps the router, the header and
//! the footer, and a phone's first visit to any patient's page stays
//! within its budget (docs/performance.md). Forms in a page get their
//! code when a patient first uses one.

use crate::components::Hydrated;
use leptos::prelude::*;

/// The route view of a patient's page: `page` on the server, inside a
/// `<div class="server-page">`; in the browser, that `<div>` as the server
/// made it (`page` is never built there).
pub fn server_page(page: impl FnOnce() -> AnyView) -> AnyView {
    imp::server_page(page)
}

#[cfg(not(feature = "hydrate"))]
mod imp {
    use super::*;

    pub fn server_page(page: impl FnOnce() -> AnyView) -> AnyView {
        view! { <div class="server-page">{page()}</div> <Hydrated/> }.into_any()
    }
}

#[cfg(feature = "hydrate")]
mod imp {
    use super::*;
    use crate::domain::locale::ShellText;
    use futures_util::future::{FutureExt, LocalBoxFuture, Shared};
    use leptos::html::Div;
    use leptos::task::spawn_local_scoped;
    use leptos_router::hooks::{use_location, use_navigate};
    use leptos_router::params::ParamsMap;
    use leptos_router::NavigateOptions;
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    /// The head's tags that belong to a page; the rest (styles, icons, the
    /// app's script) belong to the site.
    const PAGE_HEAD: &str = r#"title, meta[name="description"], meta[name="robots"], link[rel="canonical"], link[rel="alternate"][hreflang], meta[property^="og:"], meta[property^="article:"], meta[name^="twitter:"], script[type="application/ld+json"]"#;

    /// Hydrating, the server's `<div>` is adopted with everything in it.
    /// After that, and after a client-side navigation to the route, each
    /// new address (another service, a category of the article list) is
    /// fetched and put in the same `<div>`; what it showed stays until the
    /// new page is there (`aria-busy` meanwhile).
    /// One step: adopting the server's page and swapping in the next one share the slot, the location and the busy state.
    pub fn server_page(_page: impl FnOnce() -> AnyView) -> AnyView {
        let hydrating = Owner::current_shared_context().is_some_and(|sc| sc.during_hydration());
        let slot = NodeRef::<Div>::new();
        let location = use_location();
        let navigate = use_navigate();
        // The shell's words, in the page's language, for what this shows
        // itself: "Loading…" and a page that did not arrive.
        let clinic = crate::components::use_clinic();
        let words = move || {
            clinic
                .get_untracked()
                .and_then(Result::ok)
                .map(|c| c.text)
                .filter(|t| !t.not_loaded.is_empty())
        };
        let address = crate::routes::use_address();
        let mut adopt = hydrating.then(|| address.get_untracked());
        // The language of this route's addresses: a view that sees an
        // address in the other language is about to be replaced by that
        // language's route, which follows any redirect itself (two views
        // navigating at once raced the router).
        let own_locale = crate::domain::Locale::of_path(&address.get_untracked());
        // What the page's forms own, replaced with the page. A child of the
        // route's owner, not of the effect below: an effect's children are
        // disposed when it runs again, which is when a new address is asked
        // for, and the page shown meanwhile must keep working (a second
        // click on "Send request" then went out without JavaScript).
        let content = StoredValue::new_local(None::<Owner>);
        let parent = StoredValue::new_local(Owner::current());
        let show = move |page: &Element| {
            if let Some(old) = content.try_update_value(Option::take).flatten() {
                old.cleanup();
            }
            let Some(owner) = parent
                .try_with_value(|p| p.as_ref().map(|p| p.with(Owner::new)))
                .flatten()
            else {
                return;
            };
            owner.with(|| crate::pages::request::adopt_forms(page));
            content.try_set_value(Some(owner));
        };
        Effect::new(move |_| {
            let wanted = address.get();
            let Some(div) = slot.get() else {
                return;
            };
            if adopt.take().as_ref() == Some(&wanted) {
                show(&div);
                return;
            }
            let _ = div.set_attribute("aria-busy", "true");
            let navigate = navigate.clone();
            spawn_local_scoped(async move {
                // A new route disposes this one's view after this effect
                // has seen its address: that route's view fetches it.
                let current =
                    || address.try_get_untracked().as_ref() == Some(&wanted) && div.is_connected();
                leptos::task::tick().await;
                if !current() {
                    return;
                }
                let page = fetch(&wanted, &location.query.get_untracked()).await;
                if !current() {
                    return; // Another address was asked for meanwhile.
                }
                match page {
                    Some(page) => {
                        div.set_inner_html(&page.body);
                        replace_head(&page.head);
                        if let (Some(lang), Some(html)) =
                            (&page.lang, document().document_element())
                        {
                            let _ = html.set_attribute("lang", lang);
                        }
                        if let Some(there) = page
                            .moved_to
                            .as_ref()
                            .filter(|there| crate::domain::Locale::of_path(there) == own_locale)
                        {
                            // The address bar and the router follow the
                            // server's redirect (the page cache answers
                            // the new address's fetch).
                            navigate(
                                there,
                                NavigateOptions {
                                    replace: true,
                                    ..Default::default()
                                },
                            );
                        }
                    }
                    None => {
                        let text = words();
                        div.set_inner_html(&not_loaded(&wanted, text.as_ref()));
                        document().set_title(
                            text.as_ref()
                                .map_or("This page didn't load", |t| &t.not_loaded_title),
                        );
                    }
                }
                let _ = div.remove_attribute("aria-busy");
                show(&div);
            });
        });
        if hydrating {
            view! { <div class="server-page" node_ref=slot></div> <Hydrated/> }.into_any()
        } else {
            view! {
                <div class="server-page" node_ref=slot>
                    <p class="loading" role="status">{words().map_or_else(|| "Loading…".to_owned(), |t| t.loading)}</p>
                </div>
                <Hydrated/>
            }
            .into_any()
        }
    }

    /// A page's HTML from the server, as it was fetched.
    #[derive(Clone)]
    struct Page {
        body: String,
        head: Vec<Element>,
        /// The document's language (`<html lang>`).
        lang: Option<String>,
        /// Where the server sent the request, when it redirected it (a
        /// service reached by another language's slug).
        moved_to: Option<String>,
    }

    type Fetching = Shared<LocalBoxFuture<'static, Option<Page>>>;

    thread_local! {
        /// The fetch under way. A new route's view replaces the old one
        /// only after the old one has seen the new address too: both wait
        /// for one fetch.
        static UNDER_WAY: RefCell<Option<(String, Fetching)>> = const { RefCell::new(None) };
    }

    /// The page at `address` as the server renders it (any status: a
    /// missing page is the server's not-found page); `None` if it did not
    /// arrive.
    async fn fetch(address: &str, query: &ParamsMap) -> Option<Page> {
        let joined = UNDER_WAY.with_borrow(|under_way| {
            under_way
                .as_ref()
                .filter(|(wanted, _)| wanted == address)
                .map(|(_, fetching)| fetching.clone())
        });
        let fetching = joined.unwrap_or_else(|| {
            let fetching = fetch_now(address.to_owned(), query.clone())
                .boxed_local()
                .shared();
            UNDER_WAY.set(Some((address.to_owned(), fetching.clone())));
            fetching
        });
        let page = fetching.await;
        UNDER_WAY.with_borrow_mut(|under_way| {
            if under_way
                .as_ref()
                .is_some_and(|(wanted, _)| wanted == address)
            {
                *under_way = None;
            }
        });
        page
    }

    async fn fetch_now(address: String, query: ParamsMap) -> Option<Page> {
        let path = address.split('?').next().unwrap_or("/");
        // The query goes apart: gloo-net would add an empty one to it.
        let pairs: Vec<(String, String)> = query
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v))
            .collect();
        let response = gloo_net::http::Request::get(path)
            .query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .header("Accept", "text/html")
            .send()
            .await
            .ok()?;
        let moved_to = web_sys::Url::new(&response.url())
            .ok()
            .map(|url| format!("{}{}", url.pathname(), url.search()))
            .filter(|there| there != &address);
        let html = response.text().await.ok()?;
        let parser = web_sys::DomParser::new().ok()?;
        let document = parser
            .parse_from_string(&html, web_sys::SupportedType::TextHtml)
            .ok()?;
        let body = document.query_selector(".server-page").ok()??.inner_html();
        let head = document
            .head()
            .and_then(|head| head.query_selector_all(PAGE_HEAD).ok())
            .map(|found| {
                (0..found.length())
                    .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
                    .collect()
            })
            .unwrap_or_default();
        let lang = document
            .document_element()
            .and_then(|html| html.get_attribute("lang"));
        Some(Page {
            body,
            head,
            lang,
            moved_to,
        })
    }

    /// Replaces the page's tags in the document's head with `new`.
    fn replace_head(new: &[Element]) {
        let document = document();
        let Some(head) = document.head() else {
            return;
        };
        if let Ok(old) = head.query_selector_all(PAGE_HEAD) {
            for i in 0..old.length() {
                if let Some(node) = old.item(i) {
                    let _ = head.remove_child(&node);
                }
            }
        }
        for element in new {
            if let Ok(node) = document.import_node_with_deep(element, true) {
                let _ = head.append_child(&node);
            }
        }
    }

    /// What shows when a page did not arrive (a dropped connection), in
    /// the page's language when its words have arrived: "Try again" loads
    /// the address whole from the server (`rel="external"`).
    fn not_loaded(address: &str, text: Option<&ShellText>) -> String {
        let escape = |s: &str| {
            s.replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;")
        };
        let (heading, said, again) = match text {
            Some(t) => (
                escape(&t.not_loaded),
                escape(&t.connection_dropped),
                escape(&t.try_again),
            ),
            None => (
                "Sorry, this page didn't load".to_owned(),
                "The connection dropped while the page was on its way. Check that you are online, then try again.".to_owned(),
                "Try again".to_owned(),
            ),
        };
        let href = escape(address);
        format!(
            r#"<section class="wrap notice" role="alert"><h1>{heading}</h1><p>{said}</p><p><a href="{href}" rel="external">{again}</a></p></section>"#
        )
    }
}
