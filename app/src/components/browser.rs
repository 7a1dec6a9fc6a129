//! What only a browser has: local storage, the time zone, leaving the page.
//! On the server these do nothing; they are only called from effects and
//! event handlers, which run in the browser.

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
mod imp {
    use crate::domain::media::StoredImage;
    use wasm_bindgen::JsCast;

    /// A file picked in an `<input type=file>`.
    pub struct ChosenFile(web_sys::File);

    pub fn chosen_file(ev: &leptos::ev::Event) -> Option<ChosenFile> {
        let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
        let file = input.files()?.get(0)?;
        // Cleared so choosing the same file again still fires `change`.
        input.set_value("");
        Some(ChosenFile(file))
    }

    /// Sends the file's bytes as they are; the server answers with the sizes
    /// it stored, or a sentence saying what to do.
    pub async fn upload(file: ChosenFile, url: &str) -> Result<StoredImage, String> {
        const FAILED: &str = "The upload did not finish: check the connection and try again.";
        let request = gloo_net::http::Request::post(url)
            .header("Content-Type", &file.0.type_())
            .body(wasm_bindgen::JsValue::from(file.0))
            .map_err(|_| FAILED.to_owned())?;
        let response = request.send().await.map_err(|_| FAILED.to_owned())?;
        if response.ok() {
            return response
                .json::<StoredImage>()
                .await
                .map_err(|_| FAILED.to_owned());
        }
        match response.text().await {
            Ok(message) if !message.trim().is_empty() => Err(message),
            _ => Err(FAILED.to_owned()),
        }
    }
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

    /// What a form's inputs hold now, as the form would send them.
    pub fn form_entries(form: &web_sys::HtmlFormElement) -> Vec<(String, String)> {
        let Ok(data) = web_sys::FormData::new_with_form(form) else {
            return Vec::new();
        };
        let Ok(Some(entries)) = js_sys::try_iter(&data) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|entry| {
                let pair = js_sys::Array::from(&entry);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect()
    }

    /// Changes the address bar without a navigation.
    pub fn replace_url(path: &str) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
        }
    }

    /// Resolves in a later task of the browser's event loop (`setTimeout`
    /// 0), so the work after it is a task of its own.
    pub async fn next_task() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let queued = web_sys::window()
                .map(|window| window.set_timeout_with_callback(&resolve).is_ok())
                .unwrap_or(false);
            if !queued {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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
    use crate::domain::media::StoredImage;

    /// Never made on the server: files are chosen in a browser.
    pub struct ChosenFile;

    pub fn chosen_file(_ev: &leptos::ev::Event) -> Option<ChosenFile> {
        None
    }

    pub async fn upload(_file: ChosenFile, _url: &str) -> Result<StoredImage, String> {
        Err("Uploads need a browser.".to_owned())
    }
    pub fn local_storage_get(_key: &str) -> Option<String> {
        None
    }

    pub fn local_storage_set(_key: &str, _value: Option<&str>) {}

    pub fn local_to_utc(_local: &str) -> Option<String> {
        None
    }

    pub fn replace_url(_path: &str) {}

    pub fn form_entries(_form: &leptos::web_sys::HtmlFormElement) -> Vec<(String, String)> {
        Vec::new()
    }

    pub async fn next_task() {}
}

pub use imp::{
    chosen_file, form_entries, local_storage_get, local_storage_set, local_to_utc, next_task,
    replace_url, upload, ChosenFile,
};

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
