//! A part of a page whose code is in a wasm module of its own, fetched
//! when a patient first uses the part.
//!
//! The consultation form is most of the code a patient's page could need.
//! A patient who reads a service page and leaves never needs it, and a
//! phone's first visit stays within its budget without it
//! (docs/performance.md). Until the code arrives the server's form works
//! as it does without JavaScript; when it arrives it adopts the form in
//! place, with whatever the patient typed meanwhile.

#[cfg(feature = "hydrate")]
pub use imp::on_first_use;

#[cfg(feature = "hydrate")]
mod imp {
    use crate::components::hydrate_later::hydrate_into;
    use leptos::prelude::*;
    use leptos::task::spawn_local_scoped;
    use leptos::wasm_split::SplitLoaderError;
    use std::future::Future;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    /// The events that count as a first use: a pointer pressed in the part
    /// (before its field takes focus) or focus moving into it (keyboard).
    const USE: [&str; 2] = ["pointerdown", "focusin"];

    /// Waits for the first use of the server's markup in `part`, then
    /// fetches the code (`load`) and hydrates what it builds into `part`,
    /// owned by the current owner (the page). If focus is already inside,
    /// that was the first use. If the code does not arrive, the server's
    /// markup goes on working without it.
    pub fn on_first_use<F, Fut>(part: Element, load: F)
    where
        F: FnOnce() -> Fut + 'static,
        Fut: Future<Output = Result<Option<AnyView>, SplitLoaderError>> + 'static,
    {
        let Some(owner) = Owner::current() else {
            return;
        };
        let load = StoredValue::new_local(Some(load));
        let start = {
            let part = part.clone();
            move || {
                let Some(load) = load.try_update_value(Option::take).flatten() else {
                    return;
                };
                let part = part.clone();
                owner.with(|| {
                    spawn_local_scoped(async move {
                        if let Ok(Some(view)) = load().await {
                            hydrate_into(view, part);
                        }
                    });
                });
            }
        };
        let focused = document()
            .active_element()
            .is_some_and(|active| part.contains(Some(&active)));
        if focused {
            start();
            return;
        }
        let listener = Closure::<dyn FnMut()>::new(start);
        for event in USE {
            let _ = part.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        // Dropped with the page, whose markup goes with it.
        StoredValue::new_local(listener);
    }
}
