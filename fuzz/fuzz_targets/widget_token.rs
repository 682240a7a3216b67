//! Widget tokens (base64 of `{"token", "widgetUrl"}`, standard or URL-safe, padded or not) and
//! the JWT claims read from the scoped token inside.
#![no_main]

use airbyte_embedded::auth::jwt::decode_claims;
use airbyte_embedded::{Error, ScopedToken, WidgetToken};
use libfuzzer_sys::fuzz_target;

/// The details `WidgetToken::decode` reports.
const FIXED: [&str; 5] = [
    "the token is empty",
    "not base64 (standard or URL-safe alphabet)",
    "the decoded bytes are not a JSON object with string `token` and `widgetUrl`",
    "`token` is empty",
    "`widgetUrl` is empty",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match WidgetToken::decode(text) {
        Ok(widget) => {
            assert!(!widget.expose_scoped_token().trim().is_empty());
            assert!(!widget.widget_url().trim().is_empty());
            let _ = format!("{widget:?}");
            let scoped = ScopedToken::new(widget.expose_scoped_token());
            let _ = (scoped.workspace_id(), scoped.expires_at_unix());
            let shown = format!("{scoped:?}");
            let token = widget.expose_scoped_token();
            if token.len() >= 12 {
                assert!(!shown.contains(token), "Debug shows the token");
            }
        }
        Err(Error::InvalidWidgetToken { detail }) => {
            // The error never quotes the input (unless the input is a piece of the error's
            // own fixed wording, which the fuzzer finds by comparing strings).
            let trimmed = text.trim();
            if trimmed.len() >= 12 && !FIXED.iter().any(|m| m.contains(trimmed)) {
                assert!(!detail.contains(trimmed), "{detail}");
            }
        }
        Err(other) => panic!("unexpected error kind: {other:?}"),
    }
    let _ = decode_claims(text);
});
