//! Answers kept while the index stays as it was. A story's comparison, its sources and
//! the story list take tens of milliseconds to build and are asked for again and again
//! (a person clicks back and forth; the pages link to the same story from many places);
//! written once, they are sent again as the same bytes. Any commit or new story book
//! changes the index version, and the first request that sees the new version empties the
//! cache, so an answer is never older than the index it was read from.
//!
//! Bounded by bytes: the oldest answers go first once the kept bodies pass the budget, and
//! a body bigger than a quarter of the budget is never kept.

use std::collections::{HashMap, VecDeque};

use axum::body::Bytes;

use super::IndexVersion;

/// Megabytes of answers kept at once, unless `serve --cache-mb` says otherwise.
pub const RESPONSE_CACHE_MB: u64 = 64;

#[derive(Default)]
pub(super) struct ResponseCache {
    version: Option<IndexVersion>,
    bodies: HashMap<String, Bytes>,
    /// Keys in the order they were kept, the oldest first.
    order: VecDeque<String>,
    bytes: usize,
    budget: usize,
}

impl ResponseCache {
    pub(super) fn new(budget: usize) -> Self {
        ResponseCache {
            budget,
            ..ResponseCache::default()
        }
    }

    /// The answer kept for `key` at `version`; a newer version empties the cache first.
    pub(super) fn get(&mut self, version: IndexVersion, key: &str) -> Option<Bytes> {
        if self.version != Some(version) {
            self.version = Some(version);
            self.bodies.clear();
            self.order.clear();
            self.bytes = 0;
        }
        self.bodies.get(key).cloned()
    }

    /// Keeps `body` for `key`, unless it was built from another version than the one the
    /// cache now holds (an index that moved on while it was built) or is too big.
    pub(super) fn put(&mut self, version: IndexVersion, key: String, body: Bytes) {
        if self.version != Some(version) || body.len() > self.budget / 4 {
            return;
        }
        while self.bytes + body.len() > self.budget {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(gone) = self.bodies.remove(&oldest) {
                self.bytes -= gone.len();
            }
        }
        self.bytes += body.len();
        if let Some(replaced) = self.bodies.insert(key.clone(), body) {
            self.bytes -= replaced.len();
        } else {
            self.order.push_back(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(opstamp: u64) -> IndexVersion {
        (opstamp, None)
    }

    #[test]
    fn a_new_version_empties_the_cache() {
        let mut cache = ResponseCache::new(1000);
        assert_eq!(cache.get(version(1), "a"), None);
        cache.put(version(1), "a".into(), Bytes::from_static(b"one"));
        assert_eq!(cache.get(version(1), "a").as_deref(), Some(&b"one"[..]));
        assert_eq!(cache.get(version(2), "a"), None);
        // built from version 1 while version 2 was being served: not kept
        cache.put(version(1), "a".into(), Bytes::from_static(b"one"));
        assert_eq!(cache.get(version(2), "a"), None);
    }

    #[test]
    fn the_oldest_answers_go_first_and_big_ones_are_not_kept() {
        let mut cache = ResponseCache::new(100);
        cache.get(version(1), "");
        cache.put(version(1), "a".into(), Bytes::from(vec![0; 20]));
        cache.put(version(1), "b".into(), Bytes::from(vec![0; 20]));
        cache.put(version(1), "c".into(), Bytes::from(vec![0; 20]));
        cache.put(version(1), "d".into(), Bytes::from(vec![0; 20]));
        cache.put(version(1), "e".into(), Bytes::from(vec![0; 25]));
        cache.put(version(1), "f".into(), Bytes::from(vec![0; 20]));
        assert!(cache.bytes <= 100, "{} bytes kept", cache.bytes);
        assert_eq!(cache.get(version(1), "a"), None);
        assert_eq!(cache.get(version(1), "b"), None);
        assert!(cache.get(version(1), "c").is_some());
        assert!(cache.get(version(1), "f").is_some());
        cache.put(version(1), "g".into(), Bytes::from(vec![0; 26]));
        assert_eq!(cache.get(version(1), "g"), None);
        // the same key again replaces its body
        cache.put(version(1), "f".into(), Bytes::from(vec![1; 5]));
        assert_eq!(cache.get(version(1), "f").map(|b| b.len()), Some(5));
        let kept: usize = cache.bodies.values().map(Bytes::len).sum();
        assert_eq!(kept, cache.bytes);
    }
}
