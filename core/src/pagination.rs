//! Token pagination, a lazy walk over every page that always ends: `limit`/`cursor` →
//! `{data, next}` (`GET /workspaces`, `GET /integrations/destinations`) and
//! `limit`/`continuation_token` → `{items, next}` (folder listings, `GET /sonar/files/…/list/…`).
//!
//! The walk ends when a page's `next` is absent, `null` or empty. A `next` on the configured
//! host and port is followed whatever its scheme (a balancer that ends TLS may build `http://`
//! links): only its token is taken, and the request goes to the configured base URL with the
//! walk's own query. Folder listings may also send the token itself as `next`. A link to
//! another host, one without a token, or one repeating a token stops the walk with
//! [`Error::Pagination`], after the items of the page that carried it.

use std::collections::HashSet;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::api::Api;
use crate::common::null_as_default;
use crate::http::url::BaseUrl;
use crate::{Error, Result};

/// Reads a `null`, empty or blank string as `None`: the spec's `next` is "empty if no more
/// pages".
pub(crate) fn empty_as_none<'de, D>(d: D) -> std::result::Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(Option::<String>::deserialize(d)?.filter(|s| !s.trim().is_empty()))
}

/// How a list's pages name the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NextStyle {
    /// The query parameter carrying the token (`cursor`, `continuation_token`).
    pub(crate) param: &'static str,
    /// Whether a `next` that is not an `http(s)` URL is the token itself (else it is an
    /// error: a link off the configured server).
    pub(crate) bare_token: bool,
    /// Whether `+` in a link's token reads as a space (form encoding).
    pub(crate) plus_as_space: bool,
}

/// `cursor` links only (workspaces, destinations).
pub(crate) const CURSOR: NextStyle = NextStyle {
    param: "cursor",
    bare_token: false,
    plus_as_space: false,
};

/// `continuation_token`, as a link or the token itself (folder listings).
pub(crate) const CONTINUATION_TOKEN: NextStyle = NextStyle {
    param: "continuation_token",
    bare_token: true,
    plus_as_space: true,
};

/// One page as the service sends it: `{data: [...], next}` (`items` for folder listings).
#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct RawPage<T> {
    #[serde(default, alias = "items", deserialize_with = "null_as_default")]
    data: Vec<T>,
    #[serde(default, deserialize_with = "empty_as_none")]
    next: Option<String>,
}

/// A lazy walk over every page of a token-paginated list (`GET /workspaces`,
/// `GET /integrations/destinations`, folder listings).
///
/// It follows a page's `next` link only when the link is on the configured host and port
/// (under any `http`/`https` scheme: a service behind a TLS-terminating balancer may build
/// `http://` links; ports match when equal or each the default of its scheme). It never
/// requests the link itself: it takes the link's token (`cursor`, or `continuation_token` for
/// folder listings, whose `next` may also be the token itself) and asks the configured base
/// URL again with the walk's own query, so the scheme, the filters and the page size hold on
/// every page and the bearer token goes nowhere else. It stops on a `null`, missing or empty
/// `next`. A link on another host or port, a link without a token, or a token already seen
/// ends the walk with [`Error::Pagination`].
///
/// As an [`Iterator`] it yields items one by one; after an error it yields nothing more.
pub struct Pages<T> {
    api: Arc<Api>,
    path: String,
    style: NextStyle,
    query: Vec<(&'static str, String)>,
    cursor: Option<String>,
    trail: CursorTrail,
    done: bool,
    /// An error to return before any request (a bad filter) or about the last page's `next`
    /// link, returned after that page's items.
    deferred: Option<Error>,
    buffer: std::vec::IntoIter<T>,
}

impl<T: DeserializeOwned> Pages<T> {
    /// A `cursor` walk over `path` with `query` (which must not hold a cursor) on every page;
    /// a query that could not be built is `Err`, returned by the first call (nothing sent).
    pub(crate) fn new(
        api: Arc<Api>,
        path: &str,
        query: Result<Vec<(&'static str, String)>>,
    ) -> Self {
        Pages::with_style(api, CURSOR, query.map(|q| (path.to_owned(), q)))
    }

    /// A walk in `style` over the path and query of `request` (`Err`: returned by the first
    /// call, nothing sent).
    pub(crate) fn with_style(
        api: Arc<Api>,
        style: NextStyle,
        request: Result<(String, Vec<(&'static str, String)>)>,
    ) -> Self {
        let (path, query, deferred) = match request {
            Ok((p, q)) => (p, q, None),
            Err(e) => (String::new(), Vec::new(), Some(e)),
        };
        Pages {
            api,
            path,
            style,
            query,
            cursor: None,
            trail: CursorTrail::default(),
            done: deferred.is_some(),
            deferred,
            buffer: Vec::new().into_iter(),
        }
    }

    /// The next page's items, or `None` once the last page has been read.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a filter that could not be sent (first call, nothing
    /// sent); [`Error::Pagination`] for a `next` link off the configured host and port,
    /// without a cursor, or repeating a cursor (returned by the call after the page that
    /// carried the link, so no item is lost); the request's own errors. After an error,
    /// returns `Ok(None)`.
    pub fn next_page(&mut self) -> Result<Option<Vec<T>>> {
        if let Some(e) = self.deferred.take() {
            return Err(e);
        }
        if self.done {
            return Ok(None);
        }
        let mut query = self.query.clone();
        if let Some(c) = &self.cursor {
            query.push((self.style.param, c.clone()));
        }
        let page = match self.api.get::<RawPage<T>>(&self.path, &query) {
            Ok(p) => p,
            Err(e) => {
                self.done = true;
                return Err(e);
            }
        };
        match page.next.as_deref().map(|n| self.cursor_of(n)) {
            None => self.done = true,
            Some(Ok(cursor)) => self.cursor = Some(cursor),
            Some(Err(e)) => {
                self.done = true;
                self.deferred = Some(e);
            }
        }
        Ok(Some(page.data))
    }

    fn cursor_of(&mut self, next: &str) -> Result<String> {
        self.trail
            .follow_in(self.style, &self.api.http.config().base_url, next)
    }
}

impl<T: DeserializeOwned> Iterator for Pages<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffer.next() {
                return Some(Ok(item));
            }
            match self.next_page() {
                Ok(Some(page)) => self.buffer = page.into_iter(),
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// The cursors a walk has followed: each `next` link must be on the configured host and port,
/// carry a non-empty `cursor`, and not repeat one already followed (so a walk always ends).
#[derive(Debug, Default)]
pub(crate) struct CursorTrail {
    seen: HashSet<String>,
}

impl CursorTrail {
    /// The token to ask for next, from a page's `next` in `style`.
    ///
    /// # Errors
    /// [`Error::Pagination`] as [`token_from_next`], or when the token was followed before.
    pub(crate) fn follow_in(
        &mut self,
        style: NextStyle,
        base: &BaseUrl,
        next: &str,
    ) -> Result<String> {
        let token = token_from_next(style, base, next)?;
        if !self.seen.insert(token.clone()) {
            let what = if style.param == "cursor" {
                "cursor"
            } else {
                "continuation token"
            };
            return Err(Error::Pagination {
                detail: format!(
                    "the service repeated {what} {}",
                    crate::redact::quote(&token)
                ),
            });
        }
        Ok(token)
    }
}

/// The token a page's non-empty `next` names in `style`: the percent-decoded `style.param`
/// query parameter of a link on `base`'s host and port, or, when `style.bare_token` and
/// `next` is not an `http(s)` URL, `next` itself.
///
/// # Errors
/// [`Error::Pagination`] for a link off `base`'s host and port (any `next` that is not an
/// `http(s)` URL, unless `style.bare_token`), or one without a non-empty token.
pub(crate) fn token_from_next(style: NextStyle, base: &BaseUrl, next: &str) -> Result<String> {
    if style.bare_token {
        let lower = next.trim_start().to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Ok(next.to_owned());
        }
    }
    if !base.same_server(next) {
        return Err(Error::Pagination {
            detail: format!(
                "`next` link is not on the host and port of {}: {next}",
                base.as_str()
            ),
        });
    }
    let param = style.param;
    next.split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(q))
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == param)
        .map(|(_, v)| {
            let v = if style.plus_as_space {
                v.replace('+', " ")
            } else {
                v.to_owned()
            };
            percent_encoding::percent_decode_str(&v)
                .decode_utf8_lossy()
                .into_owned()
        })
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Error::Pagination {
            detail: format!("`next` link carries no {param}: {next}"),
        })
}

/// Checks a page size against `1..=max`.
///
/// # Errors
/// [`Error::InvalidArgument`] naming `limit`.
pub(crate) fn check_limit(limit: i32, max: i32) -> Result<()> {
    if (1..=max).contains(&limit) {
        Ok(())
    } else {
        Err(Error::invalid_argument(
            "limit",
            format!("is {limit}; it must be from 1 to {max}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_come_only_from_links_on_the_base_origin() {
        let base = BaseUrl::parse("https://api.airbyte.ai/api/v1").unwrap();
        #[rustfmt::skip]
        let cases = [
            ("https://api.airbyte.ai/api/v1/workspaces?cursor=abc&limit=5", Some("abc")),
            ("https://API.airbyte.ai:443/api/v1/workspaces?limit=5&cursor=a%2Fb", Some("a/b")),
            ("https://api.airbyte.ai/api/v1/workspaces?cursor=abc#frag", Some("abc")),
            ("https://api.airbyte.ai/api/v1/workspaces?cursor=", None),
            ("https://api.airbyte.ai/api/v1/workspaces", None),
            // Another scheme on the same host and port (a TLS-terminating balancer).
            ("http://api.airbyte.ai/api/v1/workspaces?cursor=abc", Some("abc")),
            ("http://api.airbyte.ai:443/api/v1/workspaces?limit=5&cursor=abc", Some("abc")),
            ("http://api.airbyte.ai:8080/api/v1/workspaces?cursor=abc", None),
            ("https://api.airbyte.ai:80/api/v1/workspaces?cursor=abc", None),
            ("https://evil.example/api/v1/workspaces?cursor=abc", None),
            ("http://evil.example/api/v1/workspaces?cursor=abc", None),
            ("https://api.airbyte.ai:8443/api/v1/workspaces?cursor=abc", None),
            ("/api/v1/workspaces?cursor=abc", None),
            ("", None),
        ];
        for (next, expected) in cases {
            let got = token_from_next(CURSOR, &base, next);
            assert_eq!(got.as_deref().ok(), expected, "{next}");
            if expected.is_none() {
                assert!(matches!(got, Err(Error::Pagination { .. })), "{next}");
            }
        }
        let mut trail = CursorTrail::default();
        let link = "https://api.airbyte.ai/api/v1/workspaces?cursor=c1";
        assert_eq!(trail.follow_in(CURSOR, &base, link).unwrap(), "c1");
        assert!(matches!(
            trail.follow_in(CURSOR, &base, link),
            Err(Error::Pagination { .. })
        ));
    }

    #[test]
    fn a_continuation_token_is_the_next_itself_or_a_link_on_the_base_origin() {
        let base = BaseUrl::parse("https://api.airbyte.ai/api/v1").unwrap();
        #[rustfmt::skip]
        let cases = [
            ("ZmlsZXM6Mg", Some("ZmlsZXM6Mg")),
            ("opaque/token+with=signs", Some("opaque/token+with=signs")),
            ("https://api.airbyte.ai/api/v1/sonar/files/s/list/a?limit=2&continuation_token=t%2F1", Some("t/1")),
            ("HTTP://api.airbyte.ai:443/api/v1/x?continuation_token=abc", Some("abc")),
            ("https://api.airbyte.ai/api/v1/x?continuation_token=a+b", Some("a b")),
            ("https://api.airbyte.ai/api/v1/x?cursor=abc", None),
            ("https://api.airbyte.ai/api/v1/x?continuation_token=", None),
            ("https://evil.example/api/v1/x?continuation_token=abc", None),
        ];
        for (next, expected) in cases {
            let got = token_from_next(CONTINUATION_TOKEN, &base, next);
            assert_eq!(got.as_deref().ok(), expected, "{next}");
            if expected.is_none() {
                assert!(matches!(got, Err(Error::Pagination { .. })), "{next}");
            }
        }
    }

    #[test]
    fn an_empty_or_missing_next_is_the_last_page() {
        for body in [
            r#"{"data": [{"id": "w"}], "next": ""}"#,
            r#"{"data": [{"id": "w"}], "next": "  "}"#,
            r#"{"data": [{"id": "w"}], "next": null}"#,
            r#"{"data": [{"id": "w"}]}"#,
        ] {
            let page: RawPage<serde_json::Value> = serde_json::from_str(body).unwrap();
            assert_eq!(page.next, None, "{body}");
            assert_eq!(page.data.len(), 1);
        }
        let page: RawPage<serde_json::Value> =
            serde_json::from_str(r#"{"items": [1, 2], "next": "t"}"#).unwrap();
        assert_eq!(page.data.len(), 2, "folder listings name the list `items`");
        let page: RawPage<serde_json::Value> =
            serde_json::from_str(r#"{"data": null, "next": "https://h/x?cursor=c"}"#).unwrap();
        assert_eq!(page.next.as_deref(), Some("https://h/x?cursor=c"));
        assert!(page.data.is_empty());
    }

    #[test]
    fn limits_outside_the_range_are_refused_by_name() {
        assert!(check_limit(1, 100).is_ok() && check_limit(100, 100).is_ok());
        for bad in [i32::MIN, -1, 0, 101] {
            let e = check_limit(bad, 100).unwrap_err();
            assert!(
                matches!(&e, Error::InvalidArgument { argument, .. } if argument == "limit"),
                "{e}"
            );
        }
    }
}
