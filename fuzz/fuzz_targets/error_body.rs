//! Error bodies: either JSON shape the service sends, or anything a proxy sends (HTML, empty,
//! binary). Input: two bytes of status, then the body.
#![no_main]

use airbyte_embedded::fuzzing::{SNIPPET_LIMIT, error_for_response, parse_error_body, snippet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [a, b, rest @ ..] => (u16::from_be_bytes([*a, *b]) % 1000, rest),
        _ => (500, data),
    };
    let (detail, fields) = parse_error_body(body);
    let _ = (detail.len(), fields.len());
    let s = snippet(body);
    // A snippet is bounded: the limit plus a short "… (N bytes in all)" suffix.
    assert!(
        s.len() <= SNIPPET_LIMIT + 64,
        "snippet of {} bytes",
        s.len()
    );
    let err = error_for_response(status, body);
    let _ = err.to_string();
    let _ = format!("{err:?}");
    assert_eq!(err.status().is_some(), true);
    let _ = err.field_errors().len();
});
