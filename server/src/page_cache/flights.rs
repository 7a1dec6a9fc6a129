//! Concurrent misses of one page share one render (single flight): after a
//! publish, or on a cold start, a crowd asking for the same address waits
//! for the first visitor's render instead of rendering it once each, and
//! holding a database connection each, at the same moment.

use super::entries::Entry;
use futures_util::future::{FutureExt, Shared};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

/// A render under way, as its followers see it: the kept entry, or
/// nothing (the page is made per visitor, or the render failed or was
/// abandoned), and they render on their own.
type Landing = Shared<oneshot::Receiver<Option<Arc<Entry>>>>;

/// Past this many addresses known to be made per visitor, the list starts
/// over, so addresses made up to fill it cannot grow the server's memory.
const MAX_PER_VISITOR: usize = 4096;

#[derive(Default)]
pub(super) struct Flights {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Renders under way, by address, with the generation they render.
    under_way: HashMap<String, (i64, Landing)>,
    /// Addresses whose page at that generation carried a form token: never
    /// shared, so never waited for.
    per_visitor: HashMap<String, i64>,
}

/// What a missed request does.
pub(super) enum Role {
    /// Render, then [`Leader::land`] what was rendered.
    Lead(Leader),
    /// Wait for another request's render of the same page.
    Follow(Landing),
    /// Render alone: the page is made for each visitor.
    Alone,
}

impl Flights {
    pub(super) fn join(self: &Arc<Self>, key: &str, generation: i64) -> Role {
        let Ok(mut inner) = self.inner.lock() else {
            return Role::Alone;
        };
        if inner.per_visitor.get(key) == Some(&generation) {
            return Role::Alone;
        }
        if let Some((at, landing)) = inner.under_way.get(key) {
            if *at == generation {
                return Role::Follow(landing.clone());
            }
        }
        let (sender, receiver) = oneshot::channel();
        inner
            .under_way
            .insert(key.to_owned(), (generation, receiver.shared()));
        Role::Lead(Leader {
            flights: self.clone(),
            key: key.to_owned(),
            generation,
            sender: Some(sender),
        })
    }
}

/// The request rendering a page for others too. Dropped without landing
/// (its client left mid-render), its followers render on their own.
pub(super) struct Leader {
    flights: Arc<Flights>,
    key: String,
    generation: i64,
    sender: Option<oneshot::Sender<Option<Arc<Entry>>>>,
}

impl Leader {
    /// Hands the followers the kept entry, or tells them to render their
    /// own (`per_visitor`: the page carries a form token, and later
    /// requests for it at this generation need not wait at all).
    pub(super) fn land(mut self, kept: Option<Arc<Entry>>, per_visitor: bool) {
        if per_visitor {
            if let Ok(mut inner) = self.flights.inner.lock() {
                if inner.per_visitor.len() >= MAX_PER_VISITOR {
                    inner.per_visitor.clear();
                }
                inner.per_visitor.insert(self.key.clone(), self.generation);
            }
        }
        if let Some(sender) = self.sender.take() {
            // No follower left is fine.
            let _ = sender.send(kept);
        }
    }
}

impl Drop for Leader {
    fn drop(&mut self) {
        if let Ok(mut inner) = self.flights.inner.lock() {
            if inner
                .under_way
                .get(&self.key)
                .is_some_and(|(at, _)| *at == self.generation)
            {
                inner.under_way.remove(&self.key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Flights, Role};
    use std::sync::Arc;

    #[tokio::test]
    async fn a_second_miss_of_the_same_page_waits_for_the_first_render() {
        let flights = Arc::new(Flights::default());
        let Role::Lead(leader) = flights.join("/articles", 1) else {
            panic!("the first miss renders");
        };
        let Role::Follow(landing) = flights.join("/articles", 1) else {
            panic!("the second waits");
        };
        // Another page, or the same at a newer generation, is not held up.
        assert!(matches!(flights.join("/services", 1), Role::Lead(_)));
        assert!(matches!(flights.join("/articles", 2), Role::Lead(_)));
        leader.land(None, false);
        assert!(matches!(landing.await, Ok(None)));
    }

    #[tokio::test]
    async fn an_abandoned_render_lets_its_followers_render_on_their_own() {
        let flights = Arc::new(Flights::default());
        let Role::Lead(leader) = flights.join("/", 1) else {
            panic!("the first miss renders");
        };
        let Role::Follow(landing) = flights.join("/", 1) else {
            panic!("the second waits");
        };
        drop(leader);
        assert!(landing.await.is_err());
        assert!(matches!(flights.join("/", 1), Role::Lead(_)));
    }

    #[tokio::test]
    async fn a_page_made_per_visitor_is_never_waited_for() {
        let flights = Arc::new(Flights::default());
        let Role::Lead(leader) = flights.join("/services/acupuncture", 1) else {
            panic!("the first miss renders");
        };
        leader.land(None, true);
        assert!(matches!(
            flights.join("/services/acupuncture", 1),
            Role::Alone
        ));
        // A publish may have changed that.
        assert!(matches!(
            flights.join("/services/acupuncture", 2),
            Role::Lead(_)
        ));
    }
}
