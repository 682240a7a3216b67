//! Token helpers that need no client: widget-token decoding, scoped-token claims, origin checks.

use std::ffi::c_char;

use airbyte_embedded::{ScopedToken, WidgetToken, validate_allowed_origin};

use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::str_arg;
use crate::views::{ClaimsView, WidgetTokenView};

/// Decodes a widget token (standard or URL-safe base64, padded or not, of
/// `{"token", "widgetUrl"}`; surrounding whitespace ignored). Sends nothing.
///
/// On success `*out_json` receives `{"token", "scoped_token", "widget_url"}`: the widget token
/// as given (trimmed), the scoped token inside it, and the widget's URL. It holds secrets: do
/// not log it. Owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_WIDGET_TOKEN` when the text does not decode (the message
/// never quotes the token); NULL or non-UTF-8 arguments.
///
/// # Safety
/// `widget_token` is NULL or a NUL-terminated string; `out_json` is NULL or points to a
/// writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_widget_token_decode(
    widget_token: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, raw) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                str_arg(widget_token, "widget_token")?,
            )
        };
        let token = WidgetToken::decode(raw)?;
        out.json(&WidgetTokenView::from(&token))
    })
}

/// Reads a scoped (or operator) token's claims without verifying its signature (the service
/// verifies). Sends nothing.
///
/// On success `*out_json` receives `{"workspace_id", "expires_at_unix", "typ", "roles"}`, each
/// `null` (or `[]`) when the token does not carry it or is not a readable JWT. Owned by the
/// caller: free it with `airbyte_string_free`.
///
/// # Safety
/// `token` is NULL or a NUL-terminated string; `out_json` is NULL or points to a writable
/// `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_scoped_token_claims(
    token: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, token) = unsafe { (Out::new(out_json, "out_json")?, str_arg(token, "token")?) };
        let token = ScopedToken::new(token);
        out.json(&ClaimsView::from(token.claims()))
    })
}

/// Checks that `origin` is an exact origin as the widget-token endpoint expects: the scheme
/// `http` or `https`, a host and an optional port, with no path, trailing slash, query or
/// wildcard; or the literal `null`. Sends nothing.
///
/// Returns `AIRBYTE_STATUS_OK`, or `AIRBYTE_STATUS_INVALID_ARGUMENT` (argument
/// `allowed_origin`) with the reason in the last error.
///
/// # Safety
/// `origin` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_validate_allowed_origin(origin: *const c_char) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let origin = unsafe { str_arg(origin, "origin") }?;
        Ok(validate_allowed_origin(origin)?)
    })
}

#[cfg(test)]
mod tests {
    use airbyte_embedded::{TagsMode, WidgetTokenRequest};

    use crate::json::parse;

    #[test]
    fn widget_request_defaults_match_the_core() {
        let request: WidgetTokenRequest = parse(
            r#"{"workspace_name": "acme", "allowed_origin": "https://a.example", "selected_source_template_tags": ["crm"]}"#,
            "request_json",
        )
        .unwrap();
        let mut expected = WidgetTokenRequest::new("acme", "https://a.example");
        expected.selected_source_template_tags = vec!["crm".into()];
        assert_eq!(request, expected);
        let request: WidgetTokenRequest = parse(
            r#"{"workspace_name": "acme", "allowed_origin": "null", "selected_connection_template_tags_mode": "all"}"#,
            "request_json",
        )
        .unwrap();
        assert_eq!(
            request.selected_connection_template_tags_mode,
            Some(TagsMode::All)
        );
        assert!(
            parse::<WidgetTokenRequest>(r#"{"workspace_name": "acme"}"#, "request_json").is_err()
        );
        assert!(
            parse::<WidgetTokenRequest>(
                r#"{"workspace_name": "acme", "allowed_origin": "null", "region": "eu"}"#,
                "request_json"
            )
            .is_err()
        );
        assert!(
            parse::<WidgetTokenRequest>(
                r#"{"workspace_name": "acme", "allowed_origin": "null", "send_as_customer_name": true}"#,
                "request_json"
            )
            .is_err()
        );
    }
}
