//! One producer across every process sharing a [`crate::token_store::TokenStore`]: the value
//! under a key (a token, a cached template list) is made by the process that takes the key's
//! lock, while the others wait for it to appear (see [`crate::token_store`] for the protocol).

use std::time::{Duration, Instant};

use super::shared::SharedTokens;
use crate::Result;

/// How often a process waiting for another's value reads the store.
const POLL: Duration = Duration::from_millis(25);

/// What a read of the store found.
pub(crate) enum Found<T> {
    /// A value that can be used.
    Fresh(T),
    /// None, or one that cannot be used (expired, sealed under another secret).
    Nothing,
    /// The store did not answer.
    StoreFailed,
}

/// The value `read` finds, else one `produce` made: by this process when it takes the lock
/// `lock_key` (then `write` stores it for the others, and the lock is released), or when the
/// store fails or the lock stays held past the store's lock lifetime. `what` names the value
/// in debug records (`"operator token"`).
pub(crate) fn obtain<T>(
    shared: &SharedTokens,
    lock_key: &str,
    what: &str,
    read: impl Fn() -> Found<T>,
    produce: impl FnOnce() -> Result<T>,
    write: impl Fn(T) -> T,
) -> Result<T> {
    match read() {
        Found::Fresh(t) => return Ok(t),
        Found::StoreFailed => return produce(),
        Found::Nothing => {}
    }
    let store = shared.store();
    let owner = format!("{:032x}", fastrand::u128(..));
    let ttl = shared.lock_ttl();
    let give_up = Instant::now() + ttl + POLL;
    loop {
        match shared.note(store.try_lock(lock_key, &owner, ttl)) {
            None => return produce(),
            Some(true) => {
                let result = match read() {
                    Found::Fresh(t) => Ok(t),
                    Found::Nothing | Found::StoreFailed => produce().map(&write),
                };
                shared.note(store.unlock(lock_key, &owner));
                return result;
            }
            Some(false) => {}
        }
        if Instant::now() >= give_up {
            log::debug!("the {what}'s lock is still held; making it without the lock");
            return produce().map(write);
        }
        std::thread::sleep(POLL);
        match read() {
            Found::Fresh(t) => return Ok(t),
            Found::StoreFailed => return produce(),
            Found::Nothing => {}
        }
    }
}
