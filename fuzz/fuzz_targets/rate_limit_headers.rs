//! `Retry-After` (seconds or HTTP date) and `X-RateLimit-*` (epoch or delta seconds) headers,
//! and the retry and pacing decisions made from them.
//!
//! Input: 8 bytes of "now" (Unix seconds, kept below year 30000), 16 bytes of retry-decision
//! parameters, then the four header values separated by `\n`.
#![no_main]

use std::time::Duration;

use airbyte_embedded::fuzzing::{
    pacing_delay, rate_limit_from_headers, retry_decision, server_hint,
};
use airbyte_embedded::{Pacing, RetryPolicy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 24 {
        return;
    }
    let now = i64::from_le_bytes(data[..8].try_into().unwrap()).rem_euclid(900_000_000_000);
    let p = &data[8..24];
    let values: Vec<&[u8]> = data[24..].splitn(4, |b| *b == b'\n').collect();
    let names = [
        "retry-after",
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
    ];
    let pairs: Vec<(&str, &[u8])> = names.iter().copied().zip(values.iter().copied()).collect();
    let rl = rate_limit_from_headers(&pairs, now);
    let _ = format!("{rl:?}");
    if let Some(reset) = rl.reset_unix_seconds {
        let _ = reset;
    }
    let hint = server_hint(&rl, now);
    let pacing = Pacing {
        below_remaining: i64::from(p[0]),
        max_delay: Duration::from_millis(u64::from(u16::from_le_bytes([p[1], p[2]]))),
    };
    if let Some(pause) = pacing_delay(&pacing, &rl, now) {
        assert!(pause <= pacing.max_delay);
    }
    let policy = RetryPolicy {
        max_retries: i32::from(p[3] % 8),
        initial_backoff: Duration::from_millis(u64::from(u16::from_le_bytes([p[4], p[5]]))),
        max_backoff: Duration::from_millis(u64::from(u32::from_le_bytes([p[6], p[7], p[8], 0]))),
        max_elapsed: Duration::from_secs(u64::from(p[9]) * 10 + 1),
        jitter: p[10] & 1 == 1,
    };
    let elapsed = Duration::from_millis(u64::from(u16::from_le_bytes([p[11], p[12]])) * 10);
    let status = 400 + u16::from(p[13]) % 200;
    let jitter = f64::from(p[14]) / 256.0;
    if let Some(wait) = retry_decision(
        &policy,
        u32::from(p[3] >> 3),
        p[15] & 1 == 0,
        p[10] >> 1,
        status,
        hint,
        elapsed,
        jitter,
    ) {
        // A retry never waits past the overall deadline, nor less than the server asked.
        assert!(elapsed + wait <= policy.max_elapsed);
        if let Some(h) = hint {
            assert!(wait >= h);
        }
    }
});
