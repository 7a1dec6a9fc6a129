//! Old addresses keep working: an address this site doesn't know (404) is
//! looked up in the redirect table and answered with a 301. WordPress's
//! `/?p=<id>` links land on the home page, so they are looked up first.

use app::routes;
use app::server::{redirects, AppState};
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

fn moved(to: &str) -> Response {
    (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, to)]).into_response()
}

/// `p=12` in a query string, as WordPress's default links carry it.
fn wordpress_post_id(query: Option<&str>) -> Option<u64> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("p="))
        .and_then(|id| id.parse().ok())
}

pub async fn follow(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let path = request.uri().path().to_owned();
    if path == routes::HOME {
        if let Some(id) = wordpress_post_id(request.uri().query()) {
            if let Ok(Some(to)) = redirects::find(&state.db, &format!("/?p={id}")).await {
                return moved(&to);
            }
        }
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::NOT_FOUND {
        return response;
    }
    // WordPress addresses end in a slash; people often type them without.
    let other = match path.strip_suffix('/') {
        Some(bare) if !bare.is_empty() => bare.to_owned(),
        _ => format!("{path}/"),
    };
    for candidate in [&path, &other] {
        match redirects::find(&state.db, candidate).await {
            Ok(Some(to)) => return moved(&to),
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "redirect lookup");
                break;
            }
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::wordpress_post_id;

    #[test]
    fn finds_the_post_id_in_a_query() {
        assert_eq!(wordpress_post_id(Some("p=12")), Some(12));
        assert_eq!(wordpress_post_id(Some("utm_source=x&p=7")), Some(7));
        assert_eq!(wordpress_post_id(Some("page=2")), None);
        assert_eq!(wordpress_post_id(Some("p=abc")), None);
        assert_eq!(wordpress_post_id(None), None);
    }
}
