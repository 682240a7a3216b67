//! Name resolution. A host that is an IP literal needs no lookup, so it is answered at once;
//! any other host goes to ureq's default resolver, which runs the lookup under the request's
//! timeouts (on a helper thread, since the system resolver cannot be interrupted).

use std::net::{IpAddr, SocketAddr};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// Answers IP-literal hosts directly and hands every other host to [`DefaultResolver`].
#[derive(Debug, Default)]
pub(crate) struct LiteralFirst {
    fallback: DefaultResolver,
}

/// The socket address of `uri` when its host is an IP literal.
fn literal(uri: &Uri) -> Option<SocketAddr> {
    let authority = uri.authority()?;
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']');
    let ip: IpAddr = host.parse().ok()?;
    let port = authority.port_u16().or(match uri.scheme_str()? {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    })?;
    Some(SocketAddr::new(ip, port))
}

impl Resolver for LiteralFirst {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        match literal(uri) {
            Some(addr) => {
                let mut out = self.empty();
                out.push(addr);
                Ok(out)
            }
            None => self.fallback.resolve(uri, config, timeout),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_resolve_without_lookup() {
        let cases = [
            ("http://127.0.0.1:8080/x", Some("127.0.0.1:8080")),
            ("https://10.1.2.3/x", Some("10.1.2.3:443")),
            ("http://[::1]/x", Some("[::1]:80")),
            ("https://api.airbyte.ai/api/v1", None),
        ];
        for (uri, want) in cases {
            let got = literal(&uri.parse().unwrap()).map(|a| a.to_string());
            assert_eq!(got.as_deref(), want, "{uri}");
        }
    }
}
