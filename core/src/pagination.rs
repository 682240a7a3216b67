//! Cursor pagination (`limit`/`cursor` → `{data, next}`), which `GET /workspaces` and
//! `GET /integrations/destinations` share: a lazy walk over every page that always ends.
//!
//! The walk ends when a page's `next` is absent, `null` or empty. A `next` on the configured
//! host and port is followed whatever its scheme (a balancer that ends TLS may build `http://`
//! links): only its cursor is taken, and the request goes to the configured base URL with the
//! walk's own query. A link to another host, one without a cursor, or one repeating a cursor
//! stops the walk with [`Error::Pagination`], after the items of the page that carried it.

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

/// One page as the service sends it: `{data: [...], next}`.
#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct RawPage<T> {
    #[serde(default, deserialize_with = "null_as_default")]
    data: Vec<T>,
    #[serde(default, deserialize_with = "empty_as_none")]
    next: Option<String>,
}

/// A lazy walk over every page of a cursor-paginated list (`GET /workspaces`,
/// `GET /integrations/destinations`).
///
/// It follows a page's `next` link only when the link is on the configured host and port
/// (under any `http`/`https` scheme: a service behind a TLS-terminating balancer may build
/// `http://` links; ports match when equal or each the default of its scheme). It never
/// requests the link itself: it takes the link's `cursor` and asks the configured base URL
/// again with the walk's own query, so the scheme, the filters and the page size hold on
/// every page and the bearer token goes nowhere else. It stops on a `null`, missing or empty
/// `next`. A link on another host or port, a link without a cursor, or a cursor already seen
/// ends the walk with [`Error::Pagination`].
///
/// As an [`Iterator`] it yields items one by one; after an error it yields nothing more.
pub struct Pages<T> {
    api: Arc<Api>,
    path: &'static str,
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
    /// A walk over `path` with `query` (which must not hold a cursor) on every page; a query
    /// that could not be built is `Err`, returned by the first call (nothing sent).
    pub(crate) fn new(
        api: Arc<Api>,
        path: &'static str,
        query: Result<Vec<(&'static str, String)>>,
    ) -> Self {
        let (query, deferred) = match query {
            Ok(q) => (q, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        Pages {
            api,
            path,
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
            query.push(("cursor", c.clone()));
        }
        let page = match self.api.get::<RawPage<T>>(self.path, &query) {
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
        self.trail.follow(&self.api.http.config().base_url, next)
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
    /// The cursor to ask for next, from a page's `next` link.
    ///
    /// # Errors
    /// [`Error::Pagination`] as [`cursor_from_next`], or when the cursor was followed before.
    pub(crate) fn follow(&mut self, base: &BaseUrl, next: &str) -> Result<String> {
        let cursor = cursor_from_next(base, next)?;
        if !self.seen.insert(cursor.clone()) {
            return Err(Error::Pagination {
                detail: format!(
                    "the service repeated cursor {}",
                    crate::redact::quote(&cursor)
                ),
            });
        }
        Ok(cursor)
    }
}

/// The percent-decoded `cursor` query parameter of `next`, a page's `next` link, to be asked
/// for on `base` (never on the link's own scheme).
///
/// # Errors
/// [`Error::Pagination`] when `next` is not an absolute `http`/`https` URL on `base`'s host
/// and port (see [`BaseUrl::same_server`]), or carries no non-empty `cursor`. An empty `next`
/// (the last page) is not a link: the walk stops before asking for its cursor.
pub(crate) fn cursor_from_next(base: &BaseUrl, next: &str) -> Result<String> {
    if !base.same_server(next) {
        return Err(Error::Pagination {
            detail: format!(
                "`next` link is not on the host and port of {}: {next}",
                base.as_str()
            ),
        });
    }
    next.split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(q))
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "cursor")
        .map(|(_, v)| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Error::Pagination {
            detail: format!("`next` link carries no cursor: {next}"),
        })
}

/// Checks a page size against `1..=max`.
///
/// # Errors
/// [`Error::InvalidArgument`] naming `limit`.
pub(crate) fn check_limit(limit: u32, max: u32) -> Result<()> {
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
            let got = cursor_from_next(&base, next);
            assert_eq!(got.as_deref().ok(), expected, "{next}");
            if expected.is_none() {
                assert!(matches!(got, Err(Error::Pagination { .. })), "{next}");
            }
        }
        let mut trail = CursorTrail::default();
        let link = "https://api.airbyte.ai/api/v1/workspaces?cursor=c1";
        assert_eq!(trail.follow(&base, link).unwrap(), "c1");
        assert!(matches!(
            trail.follow(&base, link),
            Err(Error::Pagination { .. })
        ));
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
            serde_json::from_str(r#"{"data": null, "next": "https://h/x?cursor=c"}"#).unwrap();
        assert_eq!(page.next.as_deref(), Some("https://h/x?cursor=c"));
        assert!(page.data.is_empty());
    }

    #[test]
    fn limits_outside_the_range_are_refused_by_name() {
        assert!(check_limit(1, 100).is_ok() && check_limit(100, 100).is_ok());
        for bad in [0, 101] {
            let e = check_limit(bad, 100).unwrap_err();
            assert!(
                matches!(&e, Error::InvalidArgument { argument, .. } if argument == "limit"),
                "{e}"
            );
        }
    }
}
