//! Reading `Retry-After` and `X-RateLimit-*` headers. A malformed header reads as absent.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ureq::http::HeaderMap;

use crate::error::RateLimit;

/// `X-RateLimit-Reset` values below this are delta seconds, not Unix seconds (one year).
const DELTA_LIMIT: i64 = 365 * 24 * 3600;

/// The rate-limit numbers in `headers`, read at time `now`.
pub(crate) fn from_headers(headers: &HeaderMap, now: SystemTime) -> RateLimit {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    // Digits, after an optional `+` (a minus sign or a value past `i64::MAX` is malformed).
    let number = |name: &str| {
        text(name)
            .and_then(|v| v.parse::<u64>().ok())
            .and_then(|v| i64::try_from(v).ok())
    };
    RateLimit {
        limit: number("x-ratelimit-limit"),
        remaining: number("x-ratelimit-remaining"),
        reset_unix_seconds: number("x-ratelimit-reset").map(|v| reset_to_unix(v, now)),
        retry_after: text("retry-after").and_then(|v| retry_after(v, now)),
    }
}

/// `t` in whole Unix seconds (0 before the epoch).
pub(crate) fn unix_seconds(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// `X-RateLimit-Reset` as Unix seconds: a small value is taken as seconds from now.
fn reset_to_unix(value: i64, now: SystemTime) -> i64 {
    if value < DELTA_LIMIT {
        unix_seconds(now).saturating_add(value)
    } else {
        value
    }
}

/// `Retry-After` as a wait: delta seconds, or an HTTP date (a date in the past is no wait).
fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ureq::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    const NOW: i64 = 1_760_000_000;

    fn now() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(NOW.unsigned_abs())
    }

    #[test]
    fn reads_every_header() {
        let h = headers(&[
            ("X-RateLimit-Limit", "1000"),
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset", "1760003600"),
            ("Retry-After", "120"),
        ]);
        assert_eq!(
            from_headers(&h, now()),
            RateLimit {
                limit: Some(1000),
                remaining: Some(0),
                reset_unix_seconds: Some(1_760_003_600),
                retry_after: Some(Duration::from_secs(120)),
            }
        );
    }

    #[test]
    fn reset_as_delta_seconds_is_made_absolute() {
        let h = headers(&[("X-RateLimit-Reset", "30")]);
        assert_eq!(from_headers(&h, now()).reset_unix_seconds, Some(NOW + 30));
    }

    #[test]
    fn retry_after_as_http_date() {
        let at = httpdate::fmt_http_date(now() + Duration::from_secs(200));
        let h = headers(&[("Retry-After", &at)]);
        assert_eq!(
            from_headers(&h, now()).retry_after,
            Some(Duration::from_secs(200))
        );
        let past = httpdate::fmt_http_date(now() - Duration::from_secs(5));
        let h = headers(&[("Retry-After", &past)]);
        assert_eq!(from_headers(&h, now()).retry_after, Some(Duration::ZERO));
    }

    /// One header at a time: (header, value, field read, expected).
    #[test]
    fn header_table() {
        #[derive(Debug, Clone, Copy)]
        enum Field {
            Limit,
            Remaining,
            Reset,
            RetryAfter,
        }
        use Field::*;
        let secs = Some::<i64>;
        #[rustfmt::skip]
        let cases: &[(&'static str, &str, Field, Option<i64>)] = &[
            ("Retry-After", "120", RetryAfter, secs(120)),
            ("Retry-After", " 7 ", RetryAfter, secs(7)),
            ("Retry-After", "0", RetryAfter, secs(0)),
            ("Retry-After", "200", RetryAfter, secs(200)),
            // HTTP dates: IMF-fixdate, RFC 850 and asctime, relative to NOW
            ("Retry-After", "Thu, 09 Oct 2025 08:56:40 GMT", RetryAfter, secs(1_760_000_200 - NOW)),
            ("Retry-After", "Thursday, 09-Oct-25 08:56:40 GMT", RetryAfter, secs(200)),
            ("Retry-After", "Thu Oct  9 08:56:40 2025", RetryAfter, secs(200)),
            ("Retry-After", "Thu, 09 Oct 2025 08:50:00 GMT", RetryAfter, secs(0)), // in the past
            ("Retry-After", "-5", RetryAfter, None),
            ("Retry-After", "1.5", RetryAfter, None),
            ("Retry-After", "tomorrow", RetryAfter, None),
            ("Retry-After", "", RetryAfter, None),
            // X-RateLimit-Reset: Unix seconds, or seconds from now below one year
            ("X-RateLimit-Reset", "1760003600", Reset, Some(1_760_003_600)),
            ("X-RateLimit-Reset", "30", Reset, Some(NOW + 30)),
            ("X-RateLimit-Reset", "0", Reset, Some(NOW)),
            ("X-RateLimit-Reset", "31535999", Reset, Some(NOW + 31_535_999)),
            ("X-RateLimit-Reset", "31536000", Reset, Some(31_536_000)),
            ("X-RateLimit-Reset", "9223372036854775807", Reset, Some(i64::MAX)),
            ("X-RateLimit-Reset", "9223372036854775808", Reset, None),
            ("X-RateLimit-Reset", "+30", Reset, Some(NOW + 30)),
            ("X-RateLimit-Reset", "1760003600.5", Reset, None),
            ("X-RateLimit-Limit", "1000", Limit, Some(1000)),
            ("X-RateLimit-Limit", "1e3", Limit, None),
            ("X-RateLimit-Remaining", "0", Remaining, Some(0)),
            ("X-RateLimit-Remaining", "-1", Remaining, None),
            ("X-RateLimit-Remaining", "99999999999999999999", Remaining, None),
        ];
        for &(name, value, field, expected) in cases {
            let rl = from_headers(&headers(&[(name, value)]), now());
            let got = match field {
                Limit => rl.limit,
                Remaining => rl.remaining,
                Reset => rl.reset_unix_seconds,
                RetryAfter => rl.retry_after.map(|d| i64::try_from(d.as_secs()).unwrap()),
            };
            assert_eq!(got, expected, "{name}: {value:?}");
        }
    }

    #[test]
    fn malformed_headers_read_as_absent() {
        let h = headers(&[
            ("X-RateLimit-Limit", "lots"),
            ("X-RateLimit-Remaining", "-1"),
            ("X-RateLimit-Reset", "soon"),
            ("Retry-After", "in a while"),
        ]);
        assert_eq!(from_headers(&h, now()), RateLimit::default());
    }
}
