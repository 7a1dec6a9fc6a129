//! Old addresses keep working: an address this site doesn't know (404) is
//! looked up in the redirect table and answered with a 301. WordPress's
//! `/?p=<id>` links land on the home page, so they are looked up first.
//! An address with a trailing slash (as every WordPress address had) is
//! answered with a 301 to the one without: no canonical address here ends
//! in a slash except the home page.

use app::routes;
use app::server::{redirects, AppState};
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

fn moved(to: &str) -> Response {
    (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, to)]).into_response()
}

/// The address without its trailing slash, keeping the query; `None` when
/// there is none to take off. Leading slashes are folded to one, so
/// `//other.example/` stays on this site instead of naming another host.
fn without_trailing_slash(path: &str, query: Option<&str>) -> Option<String> {
    if path.len() <= 1 || !path.ends_with('/') {
        return None;
    }
    // A backslash too: browsers read `/\host` as `//host`.
    let bare = format!("/{}", path.trim_matches(['/', '\\']));
    Some(match query {
        Some(query) => format!("{bare}?{query}"),
        None => bare,
    })
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
    if let Some(bare) = without_trailing_slash(&path, request.uri().query()) {
        // An imported WordPress address is stored as it was, slash included:
        // send it to its article in one hop.
        return match redirects::find(&state.db, &path).await {
            Ok(Some(to)) => match request.uri().query() {
                Some(query) if !to.contains('?') => moved(&format!("{to}?{query}")),
                _ => moved(&to),
            },
            _ => moved(&bare),
        };
    }
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
    for candidate in [path.clone(), format!("{path}/")] {
        match redirects::find(&state.db, &candidate).await {
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
    use super::{without_trailing_slash, wordpress_post_id};

    #[test]
    fn takes_the_trailing_slash_off_and_stays_on_this_site() {
        assert_eq!(without_trailing_slash("/es/", None).as_deref(), Some("/es"));
        assert_eq!(
            without_trailing_slash("/articles/", Some("page=2")).as_deref(),
            Some("/articles?page=2")
        );
        assert_eq!(
            without_trailing_slash("/services//", None).as_deref(),
            Some("/services")
        );
        assert_eq!(
            without_trailing_slash("//other.example/", None).as_deref(),
            Some("/other.example")
        );
        assert_eq!(without_trailing_slash("//", None).as_deref(), Some("/"));
        assert_eq!(
            without_trailing_slash("/\\other.example/", None).as_deref(),
            Some("/other.example")
        );
        assert_eq!(without_trailing_slash("/", None), None);
        assert_eq!(without_trailing_slash("/services", None), None);
    }

    #[test]
    fn finds_the_post_id_in_a_query() {
        assert_eq!(wordpress_post_id(Some("p=12")), Some(12));
        assert_eq!(wordpress_post_id(Some("utm_source=x&p=7")), Some(7));
        assert_eq!(wordpress_post_id(Some("page=2")), None);
        assert_eq!(wordpress_post_id(Some("p=abc")), None);
        assert_eq!(wordpress_post_id(None), None);
    }
}
