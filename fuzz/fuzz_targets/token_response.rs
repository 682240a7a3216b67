//! Token responses: any bytes a token route (operator, scoped or widget token) may answer
//! with. Input: two bytes of status, then the body. A 2xx body that is not the token
//! response, and any error body, must give an error whose text holds nothing JWT-shaped and
//! not the client secret of the request.
#![no_main]

use airbyte_embedded::fuzzing::{error_for_token_route, token_response_error};
use libfuzzer_sys::fuzz_target;

const CLIENT_SECRET: &str = "fuzz-client-secret-8b2d";

fn b64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The first `eyJ…` run, or three `.`-separated base64url parts of 16+ characters mixing
/// upper and lower case (as base64 of random bytes does).
fn jwt_shaped(text: &str) -> Option<String> {
    for run in text.split(|c: char| !(b64url(c) || c == '.')) {
        let parts: Vec<&str> = run.split('.').collect();
        for (i, p) in parts.iter().enumerate() {
            if p.starts_with("eyJ") && p.len() >= 10 {
                return Some(run.to_owned());
            }
            let random = |q: &&str| {
                q.len() >= 16
                    && q.bytes().any(|b| b.is_ascii_uppercase())
                    && q.bytes().any(|b| b.is_ascii_lowercase())
            };
            if i + 3 <= parts.len() && parts[i..i + 3].iter().all(random) {
                return Some(run.to_owned());
            }
        }
    }
    None
}

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [a, b, rest @ ..] => (u16::from_be_bytes([*a, *b]) % 600, rest),
        _ => (200, data),
    };
    let request = format!(r#"{{"client_id": "id", "client_secret": "{CLIENT_SECRET}"}}"#);
    let mut texts = Vec::new();
    if let Some(e) = token_response_error(body) {
        texts.push(e.to_string());
        texts.push(format!("{e:?}"));
    }
    let e = error_for_token_route(status.max(400), body, request.as_bytes(), true);
    texts.push(e.to_string());
    texts.push(format!("{e:?}"));
    for text in texts {
        assert!(jwt_shaped(&text).is_none(), "a token in: {text}");
        assert!(
            !text.contains(CLIENT_SECRET),
            "the client secret in: {text}"
        );
        assert!(text.len() < 16 * 1024, "{} bytes", text.len());
    }
});
