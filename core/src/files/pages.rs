//! The walk over every page of a folder listing (`continuation_token` + `limit` →
//! `{items, next}`), which always ends.

use std::collections::HashSet;
use std::sync::Arc;

use crate::api::Api;
use crate::http::url::BaseUrl;
use crate::{Error, Result};

use super::models::{FileEntry, FilePage, FolderQuery};

/// A lazy walk over every page of one folder's listing
/// (`GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}`).
///
/// A page's `next` is read as the documents allow it (a string): an absolute `http(s)` URL is
/// a link, followed only when it is on the configured host and port and carries a
/// `continuation_token` (only that token is taken; the request goes to the configured base
/// URL with the walk's own query, so the bearer token goes nowhere else); anything else is the
/// continuation token itself. The walk stops on a `null`, missing or empty `next`. A link off
/// the configured host or port, a link without a token, or a token already followed ends the
/// walk with [`Error::Pagination`], after the items of the page that carried it.
///
/// As an [`Iterator`] it yields entries one by one; after an error it yields nothing more.
pub struct FilePages {
    api: Arc<Api>,
    path: String,
    query: Vec<(&'static str, String)>,
    token: Option<String>,
    seen: HashSet<String>,
    done: bool,
    deferred: Option<Error>,
    buffer: std::vec::IntoIter<FileEntry>,
}

impl FilePages {
    /// A walk over `folder`; a folder that cannot be sent is reported by the first call.
    pub(crate) fn new(api: Arc<Api>, folder: &FolderQuery) -> FilePages {
        let (path, query, deferred) = match folder.request() {
            Ok((path, query)) => (path, query, None),
            Err(e) => (String::new(), Vec::new(), Some(e)),
        };
        FilePages {
            api,
            path,
            query,
            token: None,
            seen: HashSet::new(),
            done: deferred.is_some(),
            deferred,
            buffer: Vec::new().into_iter(),
        }
    }

    /// The next page's entries, or `None` once the last page has been read.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a folder that could not be sent (first call, nothing
    /// sent); [`Error::Pagination`] for a `next` link off the configured host and port,
    /// without a `continuation_token`, or a token repeated (returned by the call after the
    /// page that carried it, so no entry is lost); the request's own errors. After an error,
    /// returns `Ok(None)`.
    pub fn next_page(&mut self) -> Result<Option<Vec<FileEntry>>> {
        if let Some(e) = self.deferred.take() {
            return Err(e);
        }
        if self.done {
            return Ok(None);
        }
        let mut query = self.query.clone();
        if let Some(t) = &self.token {
            query.push(("continuation_token", t.clone()));
        }
        let page: FilePage = match self.api.get(&self.path, &query) {
            Ok(p) => p,
            Err(e) => {
                self.done = true;
                return Err(e);
            }
        };
        let next = page
            .next
            .as_deref()
            .map(|n| token_from_next(&self.api.http.config().base_url, n));
        match next {
            None => self.done = true,
            Some(Ok(token)) if self.seen.insert(token.clone()) => self.token = Some(token),
            Some(Ok(token)) => {
                self.done = true;
                self.deferred = Some(Error::Pagination {
                    detail: format!(
                        "the service repeated continuation token {}",
                        crate::redact::quote(&token)
                    ),
                });
            }
            Some(Err(e)) => {
                self.done = true;
                self.deferred = Some(e);
            }
        }
        Ok(Some(page.items))
    }
}

impl Iterator for FilePages {
    type Item = Result<FileEntry>;

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

/// The continuation token a page's non-empty `next` names: the `continuation_token` of a link
/// on `base`'s host and port, or `next` itself when it is not an `http(s)` URL.
///
/// # Errors
/// [`Error::Pagination`] for an `http(s)` link off `base`'s host and port, or one without a
/// non-empty `continuation_token`.
pub(crate) fn token_from_next(base: &BaseUrl, next: &str) -> Result<String> {
    let lower = next.trim_start().to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Ok(next.to_owned());
    }
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
        .find(|(k, _)| *k == "continuation_token")
        .map(|(_, v)| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
        .filter(|t| !t.is_empty())
        .ok_or_else(|| Error::Pagination {
            detail: format!("`next` link carries no continuation_token: {next}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_a_token_or_a_link_on_the_base_origin() {
        let base = BaseUrl::parse("https://api.airbyte.ai/api/v1").unwrap();
        #[rustfmt::skip]
        let cases = [
            ("ZmlsZXM6Mg", Some("ZmlsZXM6Mg")),
            ("opaque/token+with=signs", Some("opaque/token+with=signs")),
            ("https://api.airbyte.ai/api/v1/sonar/files/s/list/a?limit=2&continuation_token=t%2F1", Some("t/1")),
            ("HTTP://api.airbyte.ai:443/api/v1/x?continuation_token=abc", Some("abc")),
            ("https://api.airbyte.ai/api/v1/x?cursor=abc", None),
            ("https://api.airbyte.ai/api/v1/x?continuation_token=", None),
            ("https://evil.example/api/v1/x?continuation_token=abc", None),
        ];
        for (next, expected) in cases {
            let got = token_from_next(&base, next);
            assert_eq!(got.as_deref().ok(), expected, "{next}");
            if expected.is_none() {
                assert!(matches!(got, Err(Error::Pagination { .. })), "{next}");
            }
        }
    }
}
