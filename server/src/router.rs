//! The router: the app's pages, the server's own routes, and the layers
//! every request passes through.

use app::routes;
use app::server::AppState;
use app::{shell, App};
use axum::http::{header, HeaderName, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Longest a request may take before the server answers 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The app's routes, generated once per process. Generating them sets a
/// process-wide Leptos flag that stalls every resource loading at that moment,
/// so it must never run while another server in the process renders pages
/// (integration tests start many).
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Headers on every response, where a handler has not set its own.
/// `hsts`: the site is served over HTTPS (`PUBLIC_URL`), so browsers are
/// told to use nothing else for a year.
pub fn security_headers(headers: &mut axum::http::HeaderMap, hsts: bool) {
    if hsts {
        headers
            .entry(header::STRICT_TRANSPORT_SECURITY)
            .or_insert(HeaderValue::from_static("max-age=31536000"));
    }
    for (name, value) in [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ] {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    }
}

/// A refusal that would leave with an empty body (a wrong method, a missing
/// file) gets a short sentence instead: every 4xx says what went wrong.
fn explain_empty_error(response: axum::response::Response) -> axum::response::Response {
    use axum::body::HttpBody;
    use axum::http::StatusCode;
    let status = response.status();
    if !status.is_client_error() || response.body().size_hint().exact() != Some(0) {
        return response;
    }
    let sentence = match status {
        StatusCode::METHOD_NOT_ALLOWED => "This address does not accept that kind of request.\n",
        StatusCode::NOT_FOUND => "There is nothing at this address.\n",
        _ => "This request could not be answered as sent.\n",
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.insert(
        axum::http::header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    axum::response::Response::from_parts(parts, axum::body::Body::from(sentence))
}

// One step: the route table, read as the list of what the server answers.
pub fn router(
    state: AppState,
    pkg: &Path,
    assets_hash: &str,
    earlier_builds: &[(String, PathBuf)],
) -> Router {
    let hsts = state.serves_https();
    let route_list = route_list();
    let options = state.leptos_options.clone();
    let pages = Router::new()
        .leptos_routes_with_context(
            &state,
            route_list,
            {
                let state = state.clone();
                move || state.provide_render_context()
            },
            move || shell(options.clone()),
        )
        // A failed server function answers with its error's own status.
        .layer(axum::middleware::from_fn(
            app::api::server::server_fn_errors,
        ));
    // The form posts to its own page in every language (without JavaScript).
    let forms = app::domain::Locale::ALL
        .into_iter()
        .fold(pages, |router, locale| {
            let pages = routes::Pages(locale);
            router
                .route(
                    pages.consultation(),
                    post(crate::request_post::post_request),
                )
                .route(pages.book(), post(crate::booking_post::post_booking))
                .route(
                    &format!("{}/{{token}}/calendar.ics", pages.book_manage_root()),
                    get(crate::booking_post::calendar),
                )
                .route(
                    &format!("{}/{{token}}/cancel", pages.book_manage_root()),
                    post(crate::booking_post::cancel),
                )
                .route(
                    &format!("{}/{{token}}/move", pages.book_manage_root()),
                    post(crate::booking_post::move_to),
                )
        });
    forms
        .route(routes::ADMIN_EXPORT, get(crate::export::requests_csv))
        .merge(crate::media::routes(&state.media))
        .merge(crate::discovery::routes())
        .merge(crate::health::routes())
        .merge(crate::assets::routes(pkg, assets_hash, earlier_builds))
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            {
                let state = state.clone();
                move || state.provide_render_context()
            },
            shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            crate::assets::PublicFiles::scan(
                Path::new(state.leptos_options.site_root.as_ref()),
                pkg,
            ),
            crate::assets::cache_public_files,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::redirects::follow,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::outage::plain_page,
        ))
        .layer(axum::middleware::from_fn_with_state(
            (crate::outage::Renders::new(state.db.wait()), state.clone()),
            crate::outage::take_turns,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::guard::admin_api_caller_first,
        ))
        .layer(axum::middleware::from_fn(crate::guard::refuse_cross_site))
        .layer(axum::middleware::from_fn(crate::guard::admin_no_store))
        .layer(axum::middleware::from_fn(crate::body_limit::limit_body))
        .layer(axum::middleware::from_fn(crate::etag::conditional_pages))
        // Hashes the page as rendered, so inside compression.
        .layer(axum::middleware::from_fn(crate::content_policy::add_policy))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::map_response(
            move |mut response: axum::response::Response| async move {
                security_headers(response.headers_mut(), hsts);
                explain_empty_error(response)
            },
        ))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        // Logs method, path and status: addresses never carry patient data.
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
