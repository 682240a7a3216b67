//! The API proxy (operator token): `POST /sonar/apis/{source_id}/request`. The service sends
//! an HTTP request to the end user's API (Stripe, HubSpot, ...) with the credentials stored
//! with the source, and answers with the upstream status and body.
//!
//! ```no_run
//! use airbyte_embedded::OperatorClient;
//! use airbyte_embedded::proxy::{ProxyMethod, ProxyRequest};
//!
//! let operator = OperatorClient::from_env()?;
//! let request = ProxyRequest::new(ProxyMethod::Get, "https://api.stripe.com/v1/invoices")
//!     .header("Stripe-Version", "2024-06-20");
//! let response = operator.proxy().request("9b1c2d3e-0000-4000-8000-000000000001", &request)?;
//! if response.response_status_code == 200 {
//!     let invoices: serde_json::Value = serde_json::from_str(response.response_body.as_deref().unwrap_or("null"))?;
//!     println!("{invoices}");
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - **The upstream's answer is data.** A 404 or 500 from the upstream API comes back as
//!   `response_status_code` in a successful call; the SDK's errors are the proxy's own
//!   (the source not found, auth, the service failing).
//! - **Headers stay private.** The headers (and body) the caller passes may carry the
//!   upstream's secrets: they are never logged, `Debug` and `Display` of [`ProxyRequest`]
//!   show header names and the body's size only (and the URL without its query), and no
//!   header value is quoted in an error text.
//! - **Retries.** The call is replayed after a failure that may have reached the service only
//!   when the proxied method is `GET` (or `HEAD`, which the documents' `HttpMethod` lacks but
//!   an [`ProxyMethod::Unknown`] can name): the upstream's `POST`, `PUT` and `DELETE` are not
//!   known to be idempotent, so after a timeout, a dropped connection or a 502 to 504 such a
//!   call ends with [`crate::Error::OutcomeUnknown`], never sent twice.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::api::Api;
use crate::common::require_id;
use crate::http::url::segment;
use crate::open_enum::open_enum;
use crate::retry::Replay;
use crate::{Error, Result};

open_enum! {
    /// The method of the proxied request (`HttpMethod`).
    pub enum ProxyMethod {
        /// `GET`: replay-safe.
        Get => "GET",
        /// `POST`.
        Post => "POST",
        /// `PUT`.
        Put => "PUT",
        /// `DELETE`.
        Delete => "DELETE",
    }
}

impl ProxyMethod {
    /// Whether a proxied request with this method may be sent twice: `GET` and `HEAD`.
    pub fn is_replay_safe(&self) -> bool {
        matches!(self, ProxyMethod::Get) || self.as_str().eq_ignore_ascii_case("HEAD")
    }
}

/// The request to send upstream (`AuthenticationProxyRequest`).
///
/// Its JSON form (the C ABI's `request_json`): `{"url", "method", "headers"?: {name: value},
/// "body"?: string|null}`, unknown fields refused.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ProxyRequest {
    /// The upstream URL (the documents' example is absolute:
    /// `https://api.stripe.com/v1/invoices`). Must not be empty.
    pub url: String,
    /// The upstream method.
    pub method: ProxyMethod,
    /// Headers to send upstream, besides the source's credentials (which the service adds).
    /// Never logged, never in `Debug`.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub headers: HashMap<String, String>,
    /// The request body, as text (JSON text for a JSON API). `None` sends none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub body: Option<String>,
}

impl ProxyRequest {
    /// A `method` request to `url`, without headers or body.
    pub fn new(method: ProxyMethod, url: impl Into<String>) -> Self {
        ProxyRequest {
            url: url.into(),
            method,
            headers: HashMap::new(),
            body: None,
        }
    }

    /// The same request with header `name: value` added (replacing one of the same name).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.insert(name.into(), value.into());
        self
    }

    /// The same request with `body`.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }
}

impl std::fmt::Debug for ProxyRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ProxyRequest {
            url,
            method,
            headers,
            body,
        } = self;
        let mut names: Vec<&str> = headers.keys().map(String::as_str).collect();
        names.sort_unstable();
        f.debug_struct("ProxyRequest")
            .field("url", &without_query(url))
            .field("method", method)
            .field("header_names", &names)
            .field("body_bytes", &body.as_ref().map(String::len))
            .finish()
    }
}

crate::redact::display_via_debug!(ProxyRequest);

/// `url` without its query and fragment (`…` marks that something was cut), bounded and
/// scrubbed.
fn without_query(url: &str) -> String {
    match url.find(['?', '#']) {
        Some(i) => format!("{}?…", crate::redact::clean(&url[..i])),
        None => crate::redact::clean(url),
    }
}

/// The upstream's answer (`AuthenticationProxyResponse`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ProxyResponse {
    /// The upstream's HTTP status (a 404 or 500 here is the upstream's, not an SDK error).
    #[serde(default)]
    pub response_status_code: i32,
    /// The upstream's body as text (JSON text for a JSON API: parse it yourself), `None` when
    /// it sent none.
    #[serde(default)]
    pub response_body: Option<String>,
}

impl std::fmt::Debug for ProxyResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProxyResponse")
            .field("response_status_code", &self.response_status_code)
            .field(
                "response_body_bytes",
                &self.response_body.as_ref().map(String::len),
            )
            .finish()
    }
}

crate::redact::display_via_debug!(ProxyResponse);

/// What the caller is told to do after a proxied request that is not replay-safe may have
/// reached the upstream.
const ADVICE: &str =
    "the proxied request may have reached the upstream API: check there before sending it again";

/// The API proxy, for the operator. Get one from [`crate::OperatorClient::proxy`].
pub struct ApiProxy<'a> {
    pub(crate) api: &'a Arc<Api>,
}

impl ApiProxy<'_> {
    /// Sends `request` upstream through source `source_id`'s stored credentials.
    /// `POST /sonar/apis/{source_id}/request`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `source_id`, `url` or `method` when empty (nothing
    /// sent); [`Error::NotFound`] for a source the organisation does not own;
    /// [`Error::Validation`] for a request the service refuses (a method outside
    /// `GET|POST|PUT|DELETE`, say); [`Error::OutcomeUnknown`] for a `POST`, `PUT` or `DELETE`
    /// whose outcome is unknown (see the [module docs](self)); auth and transport errors.
    pub fn request(&self, source_id: &str, request: &ProxyRequest) -> Result<ProxyResponse> {
        let id = require_id("source_id", source_id)?;
        require_id("url", &request.url)?;
        if request.method.as_str().trim().is_empty() {
            return Err(Error::invalid_argument("method", "must not be empty"));
        }
        let replay = if request.method.is_replay_safe() {
            Replay::Safe
        } else {
            Replay::Unsafe { advice: ADVICE }
        };
        self.api.post(
            &format!("sonar/apis/{}/request", segment(id)),
            request,
            replay,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_names_headers_but_never_their_values() {
        let request = ProxyRequest::new(
            ProxyMethod::Post,
            "https://api.example.com/v1/x?api_key=k-secret-1",
        )
        .header("Authorization", "Bearer upstream-secret-1")
        .header("X-Trace", "trace-value-1")
        .body("{\"password\": \"body-secret-1\"}");
        for text in [format!("{request:?}"), request.to_string()] {
            assert!(
                text.contains("Authorization") && text.contains("X-Trace"),
                "{text}"
            );
            for secret in [
                "upstream-secret-1",
                "trace-value-1",
                "body-secret-1",
                "k-secret-1",
            ] {
                assert!(!text.contains(secret), "{text}");
            }
        }
        let response = ProxyResponse {
            response_status_code: 200,
            response_body: Some("{\"token\": \"upstream-token-1\"}".into()),
        };
        assert!(!format!("{response:?}").contains("upstream-token-1"));
    }

    #[test]
    fn only_get_and_head_are_replay_safe() {
        assert!(ProxyMethod::Get.is_replay_safe());
        assert!(ProxyMethod::from("HEAD").is_replay_safe());
        for m in [
            ProxyMethod::Post,
            ProxyMethod::Put,
            ProxyMethod::Delete,
            ProxyMethod::from("PATCH"),
        ] {
            assert!(!m.is_replay_safe(), "{m}");
        }
    }

    #[test]
    fn the_wire_form_leaves_out_what_is_unset() {
        let bare =
            serde_json::to_value(ProxyRequest::new(ProxyMethod::Get, "https://x/y")).unwrap();
        assert_eq!(
            bare,
            serde_json::json!({"url": "https://x/y", "method": "GET"})
        );
    }
}
