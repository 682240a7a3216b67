//! The addresses each host name resolved to, kept for a fixed time to live.
//!
//! The system resolver (`getaddrinfo`) reports no DNS TTL, so every entry lives the same
//! fixed time ([`crate::ClientConfigBuilder::dns_cache_ttl`]). A client talks to a handful of
//! hosts (the API, perhaps a proxy), so the entries are a short list searched in order:
//! a hit takes a shared read lock and copies the addresses, nothing more.

use std::sync::RwLock;
use std::time::{Duration, Instant};

use ureq::unversioned::resolver::ResolvedSocketAddrs;

/// The most hosts kept; a new host beyond it replaces the oldest entry.
const MAX_HOSTS: usize = 32;

/// Resolved addresses per `(host, port)`, each kept for `ttl` after its lookup.
#[derive(Debug)]
pub(crate) struct HostCache {
    ttl: Duration,
    entries: RwLock<Vec<Entry>>,
}

#[derive(Debug)]
struct Entry {
    host: String,
    port: u16,
    addrs: ResolvedSocketAddrs,
    resolved_at: Instant,
}

impl HostCache {
    /// A cache keeping each answer for `ttl`; `Duration::ZERO` keeps nothing (every request
    /// looks its host up).
    pub(crate) fn new(ttl: Duration) -> Self {
        HostCache {
            ttl,
            entries: RwLock::new(Vec::new()),
        }
    }

    /// The addresses `host:port` resolved to, if looked up less than `ttl` before `now`.
    pub(crate) fn get(&self, host: &str, port: u16, now: Instant) -> Option<ResolvedSocketAddrs> {
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        entries
            .iter()
            .find(|e| e.port == port && e.host == host)
            .filter(|e| now.saturating_duration_since(e.resolved_at) < self.ttl)
            .map(|e| e.addrs.clone())
    }

    /// Keeps `addrs` as the answer for `host:port`, looked up at `now`.
    pub(crate) fn put(&self, host: &str, port: u16, addrs: &ResolvedSocketAddrs, now: Instant) {
        if self.ttl.is_zero() {
            return;
        }
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if let Some(e) = entries
            .iter_mut()
            .find(|e| e.port == port && e.host == host)
        {
            e.addrs = addrs.clone();
            e.resolved_at = now;
            return;
        }
        if entries.len() >= MAX_HOSTS {
            // The oldest lookup goes (expired ones are the oldest).
            if let Some(oldest) = (0..entries.len()).min_by_key(|&i| entries[i].resolved_at) {
                entries.swap_remove(oldest);
            }
        }
        entries.push(Entry {
            host: host.to_owned(),
            port,
            addrs: addrs.clone(),
            resolved_at: now,
        });
    }

    /// Drops the answer for `host:port`, so that the next request looks it up again.
    pub(crate) fn forget(&self, host: &str, port: u16) {
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        entries.retain(|e| !(e.port == port && e.host == host));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::SocketAddr;

    fn addrs(text: &str) -> ResolvedSocketAddrs {
        let mut out = ResolvedSocketAddrs::from_fn(|_| "0.0.0.0:0".parse().unwrap());
        out.push(text.parse::<SocketAddr>().unwrap());
        out
    }

    fn first(a: Option<ResolvedSocketAddrs>) -> Option<String> {
        a.and_then(|a| a.first().map(ToString::to_string))
    }

    #[test]
    fn an_answer_lives_for_the_ttl() {
        let cache = HostCache::new(Duration::from_secs(30));
        let t0 = Instant::now();
        assert!(cache.get("api.example.com", 443, t0).is_none());
        cache.put("api.example.com", 443, &addrs("10.0.0.1:443"), t0);
        let at = |s| t0 + Duration::from_secs(s);
        assert_eq!(
            first(cache.get("api.example.com", 443, at(29))).as_deref(),
            Some("10.0.0.1:443")
        );
        assert!(cache.get("api.example.com", 443, at(30)).is_none());
        // Another port of the same host is another entry.
        assert!(cache.get("api.example.com", 80, t0).is_none());
        // A new lookup replaces the answer and restarts its lifetime.
        cache.put("api.example.com", 443, &addrs("10.0.0.2:443"), at(30));
        assert_eq!(
            first(cache.get("api.example.com", 443, at(59))).as_deref(),
            Some("10.0.0.2:443")
        );
    }

    #[test]
    fn forget_drops_one_host() {
        let cache = HostCache::new(Duration::from_secs(30));
        let t0 = Instant::now();
        cache.put("a.example.com", 443, &addrs("10.0.0.1:443"), t0);
        cache.put("b.example.com", 443, &addrs("10.0.0.2:443"), t0);
        cache.forget("a.example.com", 443);
        assert!(cache.get("a.example.com", 443, t0).is_none());
        assert!(cache.get("b.example.com", 443, t0).is_some());
    }

    #[test]
    fn a_zero_ttl_keeps_nothing() {
        let cache = HostCache::new(Duration::ZERO);
        let t0 = Instant::now();
        cache.put("api.example.com", 443, &addrs("10.0.0.1:443"), t0);
        assert!(cache.get("api.example.com", 443, t0).is_none());
    }

    #[test]
    fn beyond_max_hosts_the_oldest_goes() {
        let cache = HostCache::new(Duration::from_secs(30));
        let t0 = Instant::now();
        for i in 0..=MAX_HOSTS {
            let at = t0 + Duration::from_millis(i as u64);
            cache.put(
                &format!("h{i}.example.com"),
                443,
                &addrs("10.0.0.1:443"),
                at,
            );
        }
        assert!(cache.get("h0.example.com", 443, t0).is_none());
        for i in 1..=MAX_HOSTS {
            let host = format!("h{i}.example.com");
            assert!(cache.get(&host, 443, t0).is_some(), "{host}");
        }
    }
}
