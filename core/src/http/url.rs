//! Base URL handling: joining paths without dropping or doubling a segment, encoding path
//! segments, and telling whether a link stays on the configured origin.

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
        let default_port = match scheme.as_str() {
            "http" => 80,
            "https" => 443,
            _ => return None,
        };
        Some(Origin {
            host: uri.host()?.to_ascii_lowercase(),
            port: uri.port_u16().unwrap_or(default_port),
            scheme,
        })
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

    /// Whether `url` is an absolute URL on the same scheme, host and port as this base.
    pub(crate) fn same_origin(&self, url: &str) -> bool {
        url.parse::<Uri>()
            .ok()
            // A link carrying user info (`https://user@host/`, even an empty `@`) is refused:
            // the service never sends one, and parsers disagree about such authorities.
            .filter(|u| u.authority().is_some_and(|a| !a.as_str().contains('@')))
            .and_then(|u| Origin::of(&u))
            .is_some_and(|o| o == self.origin)
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
    fn same_origin_compares_scheme_host_and_port() {
        let b = BaseUrl::parse("https://API.airbyte.ai/api/v1").unwrap();
        assert!(b.same_origin("https://api.airbyte.ai/api/v1/workspaces?cursor=x"));
        assert!(b.same_origin("https://api.airbyte.ai:443/api/v1/workspaces"));
        assert!(!b.same_origin("http://api.airbyte.ai/api/v1/workspaces"));
        assert!(!b.same_origin("https://evil.example/api/v1/workspaces"));
        assert!(!b.same_origin("https://api.airbyte.ai:8443/api/v1/workspaces"));
        assert!(!b.same_origin("/api/v1/workspaces"));
        // Found by the `next_link` fuzz target: user info is refused, even empty.
        assert!(!b.same_origin("https://@api.airbyte.ai/api/v1/workspaces?cursor=x"));
        assert!(!b.same_origin("https://user:pw@api.airbyte.ai/api/v1/workspaces"));
        assert!(!b.same_origin("https://api.airbyte.ai@evil.example/api/v1/workspaces"));
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
