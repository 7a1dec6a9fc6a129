//! What only a browser has: local storage, the time zone, leaving the page.
//! On the server these do nothing; they are only called from effects and
//! event handlers, which run in the browser.

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
mod imp {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    pub fn local_storage_get(key: &str) -> Option<String> {
        storage()?.get_item(key).ok()?
    }

    pub fn local_storage_set(key: &str, value: Option<&str>) {
        if let Some(storage) = storage() {
            let _ = match value {
                Some(value) => storage.set_item(key, value),
                None => storage.remove_item(key),
            };
        }
    }

    /// Changes the address bar without a navigation.
    pub fn replace_url(path: &str) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
        }
    }

    /// `2026-11-27T09:30` in the browser's time zone, as RFC 3339 UTC.
    pub fn local_to_utc(local: &str) -> Option<String> {
        if local.is_empty() {
            return None;
        }
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(local));
        if date.get_time().is_nan() {
            return None;
        }
        date.to_iso_string().as_string()
    }
}

#[cfg(not(feature = "hydrate"))]
mod imp {
    pub fn local_storage_get(_key: &str) -> Option<String> {
        None
    }

    pub fn local_storage_set(_key: &str, _value: Option<&str>) {}

    pub fn local_to_utc(_local: &str) -> Option<String> {
        None
    }

    pub fn replace_url(_path: &str) {}
}

pub use imp::{local_storage_get, local_storage_set, local_to_utc, replace_url};

/// Asks the browser to warn before the page is left while `dirty` holds.
pub fn warn_before_leaving(dirty: Memo<bool>) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || handle.remove());
}
