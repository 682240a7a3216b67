//! Widget tokens: decoding the base64 `{"token", "widgetUrl"}` the service returns, and
//! checking an `allowed_origin` before it is sent.

use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::{Error, Result};

const LENIENT: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
const STANDARD: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, LENIENT);
const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, LENIENT);

/// A decoded widget token: the scoped token it carries and the URL of the embedded widget.
/// `Debug` shows only the URL.
#[derive(Clone)]
pub struct WidgetToken {
    raw: SecretString,
    token: SecretString,
    widget_url: String,
}

#[derive(Deserialize)]
struct Payload {
    token: String,
    #[serde(rename = "widgetUrl")]
    widget_url: String,
}

impl WidgetToken {
    /// Decodes a widget token: standard or URL-safe base64, padded or not, of
    /// `{"token": "<scoped JWT>", "widgetUrl": "<url>"}`. Surrounding whitespace is ignored.
    ///
    /// # Errors
    /// [`Error::InvalidWidgetToken`] when the text is not base64, not JSON, or lacks a
    /// non-empty `token` or `widgetUrl`. The error never quotes the token.
    pub fn decode(raw: &str) -> Result<WidgetToken> {
        let invalid = |detail: &str| Error::InvalidWidgetToken {
            detail: detail.to_owned(),
        };
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(invalid("the token is empty"));
        }
        let bytes = STANDARD
            .decode(trimmed)
            .or_else(|_| URL_SAFE.decode(trimmed))
            .map_err(|_| invalid("not base64 (standard or URL-safe alphabet)"))?;
        let payload: Payload = serde_json::from_slice(&bytes).map_err(|_| {
            invalid("the decoded bytes are not a JSON object with string `token` and `widgetUrl`")
        })?;
        if payload.token.trim().is_empty() {
            return Err(invalid("`token` is empty"));
        }
        if payload.widget_url.trim().is_empty() {
            return Err(invalid("`widgetUrl` is empty"));
        }
        Ok(WidgetToken {
            raw: SecretString::from(trimmed.to_owned()),
            token: SecretString::from(payload.token),
            widget_url: payload.widget_url,
        })
    }

    /// The widget token exactly as the service sent it (what the widget is given).
    pub fn expose_raw(&self) -> &str {
        self.raw.expose_secret()
    }

    /// The scoped token inside the widget token.
    pub fn expose_scoped_token(&self) -> &str {
        self.token.expose_secret()
    }

    /// The URL of the embedded widget.
    pub fn widget_url(&self) -> &str {
        &self.widget_url
    }
}

impl std::fmt::Debug for WidgetToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WidgetToken")
            .field("token", &"[REDACTED]")
            .field("widget_url", &self.widget_url)
            .finish()
    }
}

/// Checks that `origin` is an exact origin as the widget-token endpoint expects:
/// `http`/`https` scheme + host + optional port, with no path, trailing slash, query,
/// credentials or wildcard — or the literal `null` (sandboxed iframes).
///
/// # Errors
/// [`Error::InvalidArgument`] naming `allowed_origin` and what is wrong with it.
pub fn validate_allowed_origin(origin: &str) -> Result<()> {
    let bad = |why: &str| {
        Err(Error::invalid_argument(
            "allowed_origin",
            format!("{} {why}", crate::redact::quote(origin)),
        ))
    };
    if origin == "null" {
        return Ok(());
    }
    let Some((scheme, rest)) = origin.split_once("://") else {
        return bad("must start with http:// or https://");
    };
    if scheme != "http" && scheme != "https" {
        return bad("must use the http or https scheme, in lowercase");
    }
    if rest.is_empty() {
        return bad("has no host");
    }
    if rest.contains('*') {
        return bad("must not contain a wildcard");
    }
    if rest.ends_with('/') {
        return bad("must not end with a slash");
    }
    if rest.contains(['/', '?', '#']) {
        return bad("must not carry a path, query or fragment");
    }
    if rest.contains('@') || rest.chars().any(char::is_whitespace) {
        return bad("must be scheme://host[:port] only");
    }
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        match v6.split_once(']') {
            Some((h, "")) => (h, None),
            Some((h, p)) => match p.strip_prefix(':') {
                Some(port) => (h, Some(port)),
                None => return bad("has text after the IPv6 address"),
            },
            None => return bad("has an unclosed IPv6 bracket"),
        }
    } else {
        match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        }
    };
    if host.is_empty() {
        return bad("has no host");
    }
    if let Some(p) = port
        && (!p.bytes().all(|b| b.is_ascii_digit()) || !matches!(p.parse::<u32>(), Ok(1..=65535)))
    {
        return bad("has a port that is not a number from 1 to 65535");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose;

    const JSON: &str = r#"{"token":"a.b.c","widgetUrl":"https://app.airbyte.ai/embedded-widget?workspaceId=w&x=1"}"#;

    #[test]
    fn decodes_every_base64_spelling() {
        let encodings = [
            general_purpose::STANDARD.encode(JSON),
            general_purpose::STANDARD_NO_PAD.encode(JSON),
            general_purpose::URL_SAFE.encode(JSON),
            general_purpose::URL_SAFE_NO_PAD.encode(JSON),
            format!("  {}\n", general_purpose::STANDARD.encode(JSON)),
        ];
        for e in encodings {
            let w = WidgetToken::decode(&e).unwrap();
            assert_eq!(w.expose_scoped_token(), "a.b.c");
            assert_eq!(
                w.widget_url(),
                "https://app.airbyte.ai/embedded-widget?workspaceId=w&x=1"
            );
        }
    }

    #[test]
    fn rejects_garbage_with_a_typed_error() {
        let cases = [
            String::new(),
            "not base64 !!!".into(),
            general_purpose::STANDARD.encode("plain text"),
            general_purpose::STANDARD.encode(r#"{"token": "x"}"#),
            general_purpose::STANDARD.encode(r#"{"token": "", "widgetUrl": "u"}"#),
            general_purpose::STANDARD.encode(r#"{"token": 5, "widgetUrl": "u"}"#),
        ];
        for c in cases {
            let err = WidgetToken::decode(&c).unwrap_err();
            assert!(
                matches!(err, Error::InvalidWidgetToken { .. }),
                "{c}: {err:?}"
            );
        }
    }

    #[test]
    fn debug_hides_the_token() {
        let w = WidgetToken::decode(&general_purpose::STANDARD.encode(JSON)).unwrap();
        assert!(!format!("{w:?}").contains("a.b.c"));
    }

    #[test]
    fn allowed_origins() {
        for ok in [
            "https://app.example.com",
            "http://localhost:3000",
            "null",
            "http://[::1]:8080",
            "https://a.b.c:443",
        ] {
            validate_allowed_origin(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for bad in [
            "https://app.example.com/",
            "https://app.example.com/path",
            "https://*.example.com",
            "*",
            "app.example.com",
            "ftp://x",
            "HTTPS://x",
            "https://",
            "https://x:0",
            "https://x:99999",
            "https://x:abc",
            "https://user@x",
            "https://x?q=1",
            "Null",
            "",
        ] {
            let err = validate_allowed_origin(bad).unwrap_err();
            assert!(
                matches!(&err, Error::InvalidArgument { argument, .. } if argument == "allowed_origin"),
                "{bad}"
            );
        }
    }
}
