//! Fixed-window rate limiting per organisation.

use std::collections::HashMap;

use axum::http::{HeaderMap, HeaderValue};
use uuid::Uuid;

/// The bucket a request counts against: an organisation, or `None` for requests whose
/// organisation cannot be told (bad credentials, garbage tokens, unknown routes without a token).
pub(crate) type BucketKey = Option<Uuid>;

/// The outcome of counting one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decision {
    /// Whether the request may proceed.
    pub allowed: bool,
    /// `X-RateLimit-Limit`.
    pub limit: u32,
    /// `X-RateLimit-Remaining` after this request.
    pub remaining: u32,
    /// `X-RateLimit-Reset`: Unix seconds when the window ends.
    pub reset: u64,
    /// `Retry-After` for a refused request: seconds until the window ends (at least 1).
    pub retry_after: u64,
}

impl Decision {
    /// Adds the `X-RateLimit-*` headers (and `Retry-After` when refused).
    pub(crate) fn apply(&self, headers: &mut HeaderMap) {
        headers.insert("x-ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(self.reset));
        if !self.allowed {
            headers.insert("retry-after", HeaderValue::from(self.retry_after));
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Window {
    start: u64,
    count: u32,
}

/// Request counts per bucket, each in a fixed window that starts with the bucket's first request.
#[derive(Debug, Default)]
pub(crate) struct RateLimiter {
    windows: HashMap<BucketKey, Window>,
}

impl RateLimiter {
    /// Counts one request against `key` at `now` (Unix seconds). A refused request does not
    /// use up the window.
    pub(crate) fn hit(
        &mut self,
        key: BucketKey,
        limit: u32,
        window_secs: u64,
        now: u64,
    ) -> Decision {
        let window_secs = window_secs.max(1);
        let window = self.windows.entry(key).or_insert(Window {
            start: now,
            count: 0,
        });
        if now >= window.start + window_secs {
            *window = Window {
                start: now,
                count: 0,
            };
        }
        let reset = window.start + window_secs;
        let allowed = window.count < limit;
        if allowed {
            window.count += 1;
        }
        Decision {
            allowed,
            limit,
            remaining: limit.saturating_sub(window.count),
            reset,
            retry_after: reset.saturating_sub(now).max(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_refuses_and_resets() {
        let mut rl = RateLimiter::default();
        let org = Some(Uuid::nil());
        let first = rl.hit(org, 2, 3600, 1000);
        assert_eq!(
            (first.allowed, first.remaining, first.reset),
            (true, 1, 4600)
        );
        assert!(rl.hit(org, 2, 3600, 1001).allowed);
        let refused = rl.hit(org, 2, 3600, 1600);
        assert!(!refused.allowed);
        assert_eq!((refused.remaining, refused.retry_after), (0, 3000));
        assert!(
            rl.hit(None, 2, 3600, 1600).allowed,
            "other buckets are separate"
        );
        assert!(rl.hit(org, 2, 3600, 4600).allowed, "a new window starts");
    }
}
