//! Name resolution. A host that is an IP literal needs no lookup, so it is answered at once;
//! any other host is answered from the client's [`HostCache`] while its entry lives, and
//! otherwise by ureq's default resolver (which runs the lookup under the request's timeouts,
//! on a helper thread, since the system resolver cannot be interrupted), whose answer is then
//! kept. [`ForgetOnConnectFailure`] drops a host's answer when connecting to it fails, so the
//! next request looks the name up again.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{
    ConnectionDetails, Connector, DefaultConnector, NextTimeout, Transport,
};

use super::host_cache::HostCache;

/// Answers IP-literal hosts directly, other hosts from the cache, and hands a miss to
/// `fallback` ([`DefaultResolver`]), keeping its answer.
#[derive(Debug)]
pub(crate) struct CachingResolver<R = DefaultResolver> {
    cache: Arc<HostCache>,
    fallback: R,
}

impl<R: Resolver> CachingResolver<R> {
    /// A resolver keeping its answers in `cache` and asking `fallback` on a miss.
    pub(crate) fn new(cache: Arc<HostCache>, fallback: R) -> Self {
        CachingResolver { cache, fallback }
    }

    fn resolve_at(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
        now: Instant,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let Some((host, port)) = host_port(uri) else {
            // Not a URL ureq can send to: the fallback gives the error.
            return self.fallback.resolve(uri, config, timeout);
        };
        if let Ok(ip) = host.parse::<IpAddr>() {
            let mut out = self.empty();
            out.push(SocketAddr::new(ip, port));
            return Ok(out);
        }
        if let Some(addrs) = self.cache.get(host, port, now) {
            return Ok(addrs);
        }
        let addrs = self.fallback.resolve(uri, config, timeout)?;
        self.cache.put(host, port, &addrs, now);
        Ok(addrs)
    }
}

/// The host (without the brackets of an IPv6 literal) and port of `uri`, the port defaulting
/// by scheme.
fn host_port(uri: &Uri) -> Option<(&str, u16)> {
    let authority = uri.authority()?;
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']');
    let port = authority.port_u16().or(match uri.scheme_str()? {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    })?;
    Some((host, port))
}

impl<R: Resolver> Resolver for CachingResolver<R> {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        self.resolve_at(uri, config, timeout, Instant::now())
    }
}

/// ureq's connector chain (`inner`, [`DefaultConnector`]: TCP, proxy, TLS), dropping the
/// cached answer for the host of any connection it fails to make: the addresses may be stale.
/// A CONNECT proxy's own connection runs through the chain too, so a proxy that cannot be
/// reached is looked up again as well. Clones share the chain (and the TLS settings it
/// builds once).
#[derive(Debug)]
pub(crate) struct ForgetOnConnectFailure<C = DefaultConnector> {
    inner: Arc<C>,
    cache: Arc<HostCache>,
}

impl<C> ForgetOnConnectFailure<C> {
    /// `inner`, forgetting the hosts in `cache` it fails to connect to.
    pub(crate) fn new(inner: C, cache: Arc<HostCache>) -> Self {
        ForgetOnConnectFailure {
            inner: Arc::new(inner),
            cache,
        }
    }
}

impl<C> Clone for ForgetOnConnectFailure<C> {
    fn clone(&self) -> Self {
        ForgetOnConnectFailure {
            inner: Arc::clone(&self.inner),
            cache: Arc::clone(&self.cache),
        }
    }
}

impl<C: Connector<(), Out = Box<dyn Transport>>> Connector<()> for ForgetOnConnectFailure<C> {
    type Out = Box<dyn Transport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<()>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let result = self.inner.connect(details, chained);
        if result.is_err()
            && let Some((host, port)) = host_port(details.uri)
        {
            self.cache.forget(host, port);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    /// Resolves every name to `addr`, counting the lookups.
    #[derive(Debug)]
    struct Counting {
        addr: SocketAddr,
        lookups: Arc<AtomicUsize>,
    }

    impl Resolver for Counting {
        fn resolve(
            &self,
            _: &Uri,
            _: &Config,
            _: NextTimeout,
        ) -> Result<ResolvedSocketAddrs, ureq::Error> {
            self.lookups.fetch_add(1, Ordering::SeqCst);
            let mut out = self.empty();
            out.push(self.addr);
            Ok(out)
        }
    }

    fn counting(
        addr: &str,
        ttl: Duration,
    ) -> (Arc<HostCache>, CachingResolver<Counting>, Arc<AtomicUsize>) {
        let cache = Arc::new(HostCache::new(ttl));
        let lookups = Arc::new(AtomicUsize::new(0));
        let fallback = Counting {
            addr: addr.parse().unwrap(),
            lookups: Arc::clone(&lookups),
        };
        let resolver = CachingResolver::new(Arc::clone(&cache), fallback);
        (cache, resolver, lookups)
    }

    #[test]
    fn literals_resolve_without_lookup() {
        let (_, resolver, lookups) = counting("10.9.9.9:1", Duration::from_secs(30));
        let cases = [
            ("http://127.0.0.1:8080/x", "127.0.0.1:8080"),
            ("https://10.1.2.3/x", "10.1.2.3:443"),
            ("http://[::1]/x", "[::1]:80"),
        ];
        for (uri, want) in cases {
            let got = resolver
                .resolve(
                    &uri.parse().unwrap(),
                    &Config::default(),
                    NextTimeout::default(),
                )
                .unwrap();
            assert_eq!(
                got.first().map(ToString::to_string).as_deref(),
                Some(want),
                "{uri}"
            );
        }
        assert_eq!(lookups.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_name_is_looked_up_once_per_ttl_and_again_after_forget() {
        let ttl = Duration::from_secs(30);
        let (cache, resolver, lookups) = counting("10.0.0.7:443", ttl);
        let uri: Uri = "https://api.example.com/api/v1/workspaces".parse().unwrap();
        let t0 = Instant::now();
        let resolve = |at: Instant| {
            resolver
                .resolve_at(&uri, &Config::default(), NextTimeout::default(), at)
                .unwrap()
                .first()
                .map(ToString::to_string)
        };
        for s in [0, 1, 29] {
            assert_eq!(
                resolve(t0 + Duration::from_secs(s)).as_deref(),
                Some("10.0.0.7:443")
            );
        }
        assert_eq!(
            lookups.load(Ordering::SeqCst),
            1,
            "one lookup within the ttl"
        );
        resolve(t0 + ttl);
        assert_eq!(
            lookups.load(Ordering::SeqCst),
            2,
            "looked up again once the ttl passed"
        );
        cache.forget("api.example.com", 443);
        resolve(t0 + ttl);
        assert_eq!(
            lookups.load(Ordering::SeqCst),
            3,
            "looked up again after forget"
        );
        // Another port is another entry.
        let other: Uri = "https://api.example.com:8443/".parse().unwrap();
        resolver
            .resolve_at(&other, &Config::default(), NextTimeout::default(), t0 + ttl)
            .unwrap();
        assert_eq!(lookups.load(Ordering::SeqCst), 4);
    }

    #[test]
    fn a_failed_connect_makes_the_next_request_look_up_again() {
        // Every name resolves to a closed port on loopback.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let (cache, resolver, lookups) =
            counting(&format!("127.0.0.1:{port}"), Duration::from_secs(300));
        let agent = ureq::Agent::with_parts(
            ureq::Agent::config_builder().proxy(None).build(),
            ForgetOnConnectFailure::new(DefaultConnector::default(), Arc::clone(&cache)),
            resolver,
        );
        let url = format!("http://service.invalid:{port}/x");
        for n in 1..=2 {
            assert!(agent.get(&url).call().is_err());
            assert_eq!(lookups.load(Ordering::SeqCst), n, "request {n}");
        }
        assert!(cache.get("service.invalid", port, Instant::now()).is_none());
    }
}
