//! `next` links of `GET /workspaces` pages: only links on the configured host and port (either
//! scheme) with a non-empty cursor are followed, and a repeated cursor ends the walk. Input: `\n`-separated
//! links; a first line starting with `base=` replaces the configured base URL.
#![no_main]

use airbyte_embedded::Error;
use airbyte_embedded::fuzzing::{follow_next_links, join_url, next_cursor};
use libfuzzer_sys::fuzz_target;

const BASE: &str = "https://api.airbyte.ai/api/v1";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines: Vec<&str> = text.split('\n').collect();
    let base = match lines.first().and_then(|l| l.strip_prefix("base=")) {
        Some(b) => {
            lines.remove(0);
            b
        }
        None => BASE,
    };
    let _ = join_url(base, "workspaces");
    let Ok(outcomes) = follow_next_links(base, &lines) else {
        return;
    };
    let mut accepted = std::collections::HashSet::new();
    for (link, outcome) in lines.iter().zip(&outcomes) {
        match outcome {
            Ok(cursor) => {
                assert!(!cursor.is_empty());
                // Never the same cursor twice: the walk always ends.
                assert!(accepted.insert(cursor.clone()), "cursor followed twice");
                assert_eq!(next_cursor(base, link).as_ref().ok(), Some(cursor));
            }
            Err(Error::Pagination { .. }) => {}
            Err(other) => panic!("unexpected error kind: {other:?}"),
        }
    }
    if base == BASE {
        // Only the configured host and port, under either scheme (a balancer that ends TLS
        // may build `http://` links): the walk then asks the configured base URL itself.
        for link in &lines {
            if next_cursor(base, link).is_ok() {
                let lower = link.trim().to_ascii_lowercase();
                let (scheme, rest) = lower.split_once("://").expect("an absolute link");
                let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
                // An empty port (`host:`) is the scheme's default one (RFC 3986, 3.2.3).
                let authority = authority.strip_suffix(':').unwrap_or(authority);
                let allowed: &[&str] = match scheme {
                    "https" => &["api.airbyte.ai", "api.airbyte.ai:443"],
                    "http" => &["api.airbyte.ai", "api.airbyte.ai:80", "api.airbyte.ai:443"],
                    other => panic!("scheme {other} followed: {link}"),
                };
                assert!(allowed.contains(&authority), "{link}");
            }
        }
    }
});
