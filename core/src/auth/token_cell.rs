//! A cached token with single-flight refresh: when many threads find it expired at once,
//! exactly one of them mints a new one (or takes it from the token store) and the others wait
//! for it. Reading a fresh token takes a shared read lock, so threads sharing a client never
//! wait for each other to read it.

use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use secrecy::{ExposeSecret, SecretString};

use super::shared::Slot;
use crate::Result;

/// A token, when it was minted (or received) and the moment the SDK stops using it.
pub(crate) struct CachedToken {
    pub(crate) secret: SecretString,
    pub(crate) minted_at: Instant,
    pub(crate) refresh_at: Instant,
    /// The sealed value the token store holds for this token, when it holds one.
    pub(crate) stored: Option<String>,
}

impl CachedToken {
    pub(crate) fn expose(&self) -> &str {
        self.secret.expose_secret()
    }
}

/// When to replace a token minted now: at `min(now + expires_in, exp)` minus a margin of
/// `margin`, but never more than a quarter of the lifetime. A token with neither `expires_in`
/// nor `exp` is trusted for `fallback`.
pub(crate) fn refresh_at(
    now: Instant,
    wall_now: SystemTime,
    expires_in: Option<u64>,
    jwt_exp: Option<u64>,
    margin: Duration,
    fallback: Duration,
) -> Instant {
    let now_unix = wall_now
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let from_exp = jwt_exp.map(|exp| Duration::from_secs(exp.saturating_sub(now_unix)));
    let from_expires_in = expires_in.map(Duration::from_secs);
    let lifetime = match (from_expires_in, from_exp) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => fallback,
    };
    now + lifetime - margin.min(lifetime / 4)
}

/// One token slot with single-flight refresh, backed by a token store slot when it has one.
#[derive(Default)]
pub(crate) struct TokenCell {
    current: RwLock<Option<Arc<CachedToken>>>,
    refresh: Mutex<()>,
    shared: Option<Slot>,
}

impl TokenCell {
    /// An empty cell that reads and fills `slot` of a token store.
    pub(crate) fn shared(slot: Slot) -> Self {
        TokenCell {
            shared: Some(slot),
            ..TokenCell::default()
        }
    }

    /// The cached token if it is still fresh, else one from the token store, else one minted
    /// by `mint` (called by one thread at a time; threads that waited reuse what it minted).
    pub(crate) fn get(
        &self,
        mint: impl FnOnce() -> Result<CachedToken>,
    ) -> Result<Arc<CachedToken>> {
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        let _flight = self.refresh.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        let minted = Arc::new(match &self.shared {
            Some(slot) => slot.obtain(mint)?,
            None => mint()?,
        });
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Some(Arc::clone(&minted));
        Ok(minted)
    }

    /// Forgets `used` if it is still the cached token (a 401 showed it no longer works), so
    /// the next [`TokenCell::get`] mints; the token store forgets it too if it still holds it.
    /// A token another thread already replaced is left alone.
    pub(crate) fn invalidate(&self, used: &Arc<CachedToken>) {
        let dropped = {
            let mut current = self.current.write().unwrap_or_else(|p| p.into_inner());
            let same = current.as_ref().is_some_and(|c| Arc::ptr_eq(c, used));
            if same {
                *current = None;
            }
            same
        };
        if dropped && let Some(slot) = &self.shared {
            slot.forget(used);
        }
    }

    fn fresh(&self) -> Option<Arc<CachedToken>> {
        let now = Instant::now();
        let current = self.current.read().unwrap_or_else(|p| p.into_inner());
        current
            .as_ref()
            .filter(|t| now < t.refresh_at)
            .map(Arc::clone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const MIN: Duration = Duration::from_secs(60);

    #[test]
    fn refresh_uses_the_earlier_of_expires_in_and_exp() {
        let now = Instant::now();
        let wall = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let cases = [
            // (expires_in, exp, margin, expected lifetime used)
            (Some(900), Some(1_000_000 + 900), MIN, 900 - 60),
            (Some(900), Some(1_000_000 + 300), MIN, 300 - 60),
            (Some(900), None, MIN, 900 - 60),
            (None, Some(1_000_000 + 1200), MIN, 1200 - 60),
            (Some(2), None, MIN, 2), // margin capped at a quarter: 2 s - 0.5 s
            (Some(900), Some(999_000), MIN, 0), // exp already past
            (None, None, MIN, 300 - 60),
        ];
        for (expires_in, exp, margin, expected) in cases {
            let at = refresh_at(now, wall, expires_in, exp, margin, Duration::from_secs(300));
            let got = at - now;
            if expires_in == Some(2) {
                assert_eq!(got, Duration::from_millis(1500));
            } else {
                assert_eq!(got, Duration::from_secs(expected), "{expires_in:?} {exp:?}");
            }
        }
    }

    fn token(valid_for: Duration) -> CachedToken {
        CachedToken {
            minted_at: Instant::now(),
            secret: SecretString::from("t"),
            refresh_at: Instant::now() + valid_for,
            stored: None,
        }
    }

    #[test]
    fn many_threads_on_an_empty_cell_mint_once() {
        let cell = Arc::new(TokenCell::default());
        let mints = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..16)
            .map(|_| {
                let (cell, mints) = (Arc::clone(&cell), Arc::clone(&mints));
                std::thread::spawn(move || {
                    cell.get(|| {
                        mints.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(50));
                        Ok(token(MIN))
                    })
                    .unwrap();
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(mints.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn invalidate_forgets_only_the_token_that_failed() {
        let cell = TokenCell::default();
        let first = cell.get(|| Ok(token(MIN))).unwrap();
        cell.invalidate(&first);
        let second = cell.get(|| Ok(token(MIN))).unwrap();
        assert!(!Arc::ptr_eq(&first, &second));
        cell.invalidate(&first); // stale: must not drop the new token
        let third = cell.get(|| panic!("must not mint")).unwrap();
        assert!(Arc::ptr_eq(&second, &third));
    }

    #[test]
    fn an_expired_token_is_replaced() {
        let cell = TokenCell::default();
        let first = cell.get(|| Ok(token(Duration::ZERO))).unwrap();
        let second = cell.get(|| Ok(token(MIN))).unwrap();
        assert!(!Arc::ptr_eq(&first, &second));
    }

    #[test]
    fn a_failed_mint_leaves_the_cell_empty() {
        let cell = TokenCell::default();
        let err = cell.get(|| {
            Err(crate::Error::Unauthorized {
                status: 401,
                detail: "no".into(),
            })
        });
        assert!(err.is_err());
        assert!(cell.get(|| Ok(token(MIN))).is_ok());
    }
}
