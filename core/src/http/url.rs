//! Base URL handling: joining paths without dropping or doubling a segment, encoding path
//! segments, and telling whether a link stays on the configured host and port.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use ureq::http::Uri;

use crate::{Error, Result};

/// Every byte but the RFC 3986 unreserved ones is escaped in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A validated absolute base URL such as `https://api.airbyte.ai/api/v1`, kept without a
/// trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BaseUrl {
    full: String,
    origin: Origin,
}

/// Scheme and authority, lowercased, with the default port made explicit.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

impl Origin {
    fn of(uri: &Uri) -> Option<Origin> {
        let scheme = uri.scheme_str()?.to_ascii_lowercase();
        let default_port = default_port(&scheme)?;
        // A port that is not a number (`:44ap`) is no port of any server: the origin is
        // invalid, not the default one.
        let authority = uri.authority()?.as_str();
        let host_and_port = authority.rsplit('@').next().unwrap_or(authority);
        let after_host = host_and_port
            .rfind(']')
            .map_or(host_and_port, |i| &host_and_port[i + 1..]);
        let port = match after_host.rsplit_once(':') {
            Some((_, "")) | None => default_port,
            Some((_, p)) => p.parse::<u16>().ok()?,
        };
        Some(Origin {
            host: uri.host()?.to_ascii_lowercase(),
            port,
            scheme,
        })
    }

    /// Whether the port is the default one of the scheme (`https` on 443, `http` on 80).
    fn on_default_port(&self) -> bool {
        default_port(&self.scheme) == Some(self.port)
    }

    /// The same host, and the same port or each the default of its own scheme: so
    /// `http://h` names the server of `https://h` (a link built behind a TLS-terminating
    /// balancer), and so does `http://h:443`; `https://h:80` does not.
    fn same_server(&self, other: &Origin) -> bool {
        self.host == other.host
            && (self.port == other.port || (self.on_default_port() && other.on_default_port()))
    }
}

/// The port a scheme implies; `None` for a scheme other than `http`/`https`.
fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

impl BaseUrl {
    /// Parses an absolute `http`/`https` URL with no query or fragment.
    pub(crate) fn parse(raw: &str) -> Result<BaseUrl> {
        let invalid = |why: &str| {
            Error::invalid_argument("base_url", format!("{} {why}", crate::redact::quote(raw)))
        };
        let trimmed = raw.trim();
        if trimmed.contains(['?', '#']) {
            return Err(invalid("must not carry a query or fragment"));
        }
        let uri: Uri = trimmed
            .parse()
            .map_err(|_| invalid("is not an absolute URL"))?;
        if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
            // The service takes bearer tokens only; credentials in the URL would be sent as
            // Basic auth to whoever the host is, and shown wherever the URL is.
            return Err(invalid("must not carry user info (`user:password@`)"));
        }
        let origin = Origin::of(&uri)
            .ok_or_else(|| invalid("must be an absolute http:// or https:// URL"))?;
        Ok(BaseUrl {
            full: trimmed.trim_end_matches('/').to_owned(),
            origin,
        })
    }

    /// The URL as configured, without a trailing slash.
    pub(crate) fn as_str(&self) -> &str {
        &self.full
    }

    /// `base` + `/` + `path`, whatever slashes either side carries.
    pub(crate) fn join(&self, path: &str) -> String {
        format!("{}/{}", self.full, path.trim_start_matches('/'))
    }

    /// Whether `url` is an absolute `http`/`https` URL on this base's host and port, whatever
    /// its scheme: the ports are equal, or each is the default of its own scheme. A link that
    /// passes names the same server, but is never requested as it stands: callers take what
    /// they need from it onto this base URL, so a request never leaves the configured scheme.
    pub(crate) fn same_server(&self, url: &str) -> bool {
        url.parse::<Uri>()
            .ok()
            // A link carrying user info (`https://user@host/`, even an empty `@`) is refused:
            // the service never sends one, and parsers disagree about such authorities.
            .filter(|u| u.authority().is_some_and(|a| !a.as_str().contains('@')))
            .and_then(|u| Origin::of(&u))
            .is_some_and(|o| self.origin.same_server(&o))
    }

    /// Whether the host is a loopback address (`localhost`, `127.x.x.x`, `[::1]`).
    pub(crate) fn is_loopback(&self) -> bool {
        let host = self
            .origin
            .host
            .trim_start_matches('[')
            .trim_end_matches(']');
        host == "localhost"
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// Whether the scheme is `https`.
    pub(crate) fn is_https(&self) -> bool {
        self.origin.scheme == "https"
    }
}

/// Percent-encodes one path segment (an id or a tag name).
pub(crate) fn segment(raw: &str) -> String {
    utf8_percent_encode(raw, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_never_drops_or_doubles_a_segment() {
        for base in [
            "https://api.airbyte.ai/api/v1",
            "https://api.airbyte.ai/api/v1/",
        ] {
            let b = BaseUrl::parse(base).unwrap();
            for path in ["workspaces", "/workspaces"] {
                assert_eq!(b.join(path), "https://api.airbyte.ai/api/v1/workspaces");
            }
        }
    }

    #[test]
    fn parse_refuses_relative_and_odd_urls() {
        for bad in [
            "api.airbyte.ai",
            "/api/v1",
            "ftp://x/y",
            "https://x/y?a=1",
            "https://x/#f",
            "",
        ] {
            let err = BaseUrl::parse(bad).unwrap_err();
            assert!(
                matches!(&err, Error::InvalidArgument { argument, .. } if argument == "base_url"),
                "{bad}: {err:?}"
            );
        }
    }

    #[test]
    fn same_server_compares_host_and_port_whatever_the_scheme() {
        let b = BaseUrl::parse("https://API.airbyte.ai/api/v1").unwrap();
        assert!(b.same_server("https://api.airbyte.ai/api/v1/workspaces?cursor=x"));
        assert!(b.same_server("https://api.airbyte.ai:443/api/v1/workspaces"));
        // Built behind a TLS-terminating balancer: each port the default of its scheme.
        assert!(b.same_server("http://api.airbyte.ai/api/v1/workspaces"));
        assert!(b.same_server("HTTP://api.airbyte.ai:80/api/v1/workspaces"));
        // The same port, named explicitly.
        assert!(b.same_server("http://api.airbyte.ai:443/api/v1/workspaces"));
        assert!(!b.same_server("https://api.airbyte.ai:80/api/v1/workspaces"));
        assert!(!b.same_server("http://api.airbyte.ai:8080/api/v1/workspaces"));
        assert!(!b.same_server("https://evil.example/api/v1/workspaces"));
        assert!(!b.same_server("http://evil.example/api/v1/workspaces"));
        assert!(!b.same_server("https://api.airbyte.ai:8443/api/v1/workspaces"));
        assert!(!b.same_server("ftp://api.airbyte.ai/api/v1/workspaces"));
        assert!(!b.same_server("/api/v1/workspaces"));
        // Found by the `next_link` fuzz target: user info is refused, even empty.
        assert!(!b.same_server("https://@api.airbyte.ai/api/v1/workspaces?cursor=x"));
        assert!(!b.same_server("https://user:pw@api.airbyte.ai/api/v1/workspaces"));
        assert!(!b.same_server("https://api.airbyte.ai@evil.example/api/v1/workspaces"));
        assert!(!b.same_server("http://@api.airbyte.ai/api/v1/workspaces?cursor=x"));
        // Found by the `next_link` fuzz target: a port that is not a number is no default.
        assert!(!b.same_server("https://API.airbyte.ai:44ap/i3/v1/workspaces?cursor=a"));
        // Found by the `next_link` fuzz target: an empty port is the scheme's default one
        // (RFC 3986, 3.2.3), whatever the path after it.
        assert!(b.same_server("https://API.airbyte.ai:/443/api/v1/workspaces?cursor=a"));
        assert!(b.same_server("http://api.airbyte.ai:/api/v1/workspaces?cursor=a"));

        let local = BaseUrl::parse("http://127.0.0.1:8080/api/v1").unwrap();
        assert!(local.same_server("https://127.0.0.1:8080/api/v1/workspaces"));
        assert!(!local.same_server("https://127.0.0.1/api/v1/workspaces"));
        assert!(!local.same_server("http://127.0.0.1:8081/api/v1/workspaces"));
        assert!(!local.same_server("http://localhost:8080/api/v1/workspaces"));
    }

    #[test]
    fn loopback_hosts_are_recognised() {
        assert!(
            BaseUrl::parse("http://127.0.0.1:8080/api/v1")
                .unwrap()
                .is_loopback()
        );
        assert!(
            BaseUrl::parse("http://localhost/api/v1")
                .unwrap()
                .is_loopback()
        );
        assert!(BaseUrl::parse("http://[::1]:80/").unwrap().is_loopback());
        assert!(!BaseUrl::parse("http://10.0.0.1/").unwrap().is_loopback());
    }

    #[test]
    fn segments_escape_reserved_characters() {
        assert_eq!(segment("crm sales/emea"), "crm%20sales%2Femea");
        assert_eq!(segment("a-b_c.d~e"), "a-b_c.d~e");
    }
}
