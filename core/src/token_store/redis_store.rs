//! The Redis token store (feature `redis`): one connection, bounded timeouts, and a pause
//! after a failure so a Redis that is down costs each process one attempt per pause.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::{TokenStore, TokenStoreError};
use crate::{Error, Result};

/// Removes `KEYS[1]` only while it holds `ARGV[1]`: releases a lock only for its owner, and
/// forgets a token only if no process replaced it meanwhile.
const COMPARE_AND_DELETE: &str = "if redis.call('GET', KEYS[1]) == ARGV[1] then \
     return redis.call('DEL', KEYS[1]) else return 0 end";

/// How long the store answers errors without trying Redis after a failure.
const PAUSE_AFTER_FAILURE: Duration = Duration::from_secs(5);

/// The default connect, read and write timeout of each command.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

/// A [`TokenStore`] on a Redis server (6.2 or later; Valkey too), for tokens shared by every
/// process of a fleet. Locks are `SET key owner NX PX ttl`, released by a Lua
/// compare-and-delete so only their owner releases them.
///
/// One connection per store, opened on first use and reopened after an error; each command
/// has a timeout (1 s by default, [`RedisTokenStore::timeout`]). After a failure the store
/// answers [`TokenStoreError`] for 5 s without trying the server, so the clients mint on their
/// own (see the [module docs](super)) and a Redis that is down or unreachable adds at most one
/// timeout per process every 5 s. `Debug` shows the server's address, never a password.
///
/// Plain TCP (`redis://`), TLS (`rediss://`, over rustls, verified against the bundled
/// Mozilla roots or the roots given to [`RedisTokenStore::open_with_root_certificates`]) or a
/// Unix socket (`redis+unix://`). What travels is sealed by the SDK (see the [module
/// docs](super)), so a token never crosses the network in the clear; over plain TCP a password
/// in the URL does, so use `rediss://` off the local network.
pub struct RedisTokenStore {
    client: redis::Client,
    timeout: Duration,
    connection: Mutex<Option<redis::Connection>>,
    paused_until: Mutex<Option<Instant>>,
}

impl RedisTokenStore {
    /// A store on the server at `url`: `redis://[user:password@]host[:port][/db]`,
    /// `rediss://…` (TLS: the server's certificate must chain to the bundled Mozilla roots and
    /// name the host) or `redis+unix:///path/to/socket[?db=N]`. Connects on first use, not
    /// here.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `redis_url` when the URL does not parse. The URL is
    /// not quoted: it may hold a password.
    pub fn open(url: &str) -> Result<Self> {
        let client = redis::Client::open(url).map_err(|_| bad_url())?;
        Ok(Self::with_client(client))
    }

    /// A store on the TLS server at `url` (`rediss://[user:password@]host[:port][/db]`) whose
    /// certificate must chain to one of `root_certificates_pem` (PEM text, one or more
    /// `BEGIN CERTIFICATE` blocks: a private CA) instead of the bundled roots.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming `redis_url` when the URL does not parse or is not
    /// `rediss://`, or `root_certificates_pem` when it holds no readable certificate.
    pub fn open_with_root_certificates(url: &str, root_certificates_pem: &[u8]) -> Result<Self> {
        if !url.trim_start().to_ascii_lowercase().starts_with("rediss:") {
            return Err(Error::invalid_argument(
                "redis_url",
                "must be rediss://… (TLS) when root certificates are given",
            ));
        }
        if !String::from_utf8_lossy(root_certificates_pem).contains("-----BEGIN CERTIFICATE-----") {
            return Err(bad_roots());
        }
        let certificates = redis::TlsCertificates {
            client_tls: None,
            root_cert: Some(root_certificates_pem.to_vec()),
        };
        let client = redis::Client::build_with_tls(url, certificates).map_err(|e| {
            if e.kind() == redis::ErrorKind::InvalidClientConfig {
                bad_url()
            } else {
                bad_roots()
            }
        })?;
        Ok(Self::with_client(client))
    }

    fn with_client(client: redis::Client) -> Self {
        RedisTokenStore {
            client,
            timeout: DEFAULT_TIMEOUT,
            connection: Mutex::new(None),
            paused_until: Mutex::new(None),
        }
    }

    /// The same store with `timeout` (at least 1 ms) for connecting and for each read and
    /// write. Defaults to 1 s.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout.max(Duration::from_millis(1));
        self
    }

    fn connect(&self) -> redis::RedisResult<redis::Connection> {
        let connection = self.client.get_connection_with_timeout(self.timeout)?;
        connection.set_read_timeout(Some(self.timeout))?;
        connection.set_write_timeout(Some(self.timeout))?;
        Ok(connection)
    }

    /// Runs `command` on the connection, opening one when there is none and reopening it once
    /// when a kept connection turns out broken (the server restarted).
    fn run<T>(
        &self,
        command: impl Fn(&mut redis::Connection) -> redis::RedisResult<T>,
    ) -> std::result::Result<T, TokenStoreError> {
        if let Some(until) = *lock(&self.paused_until)
            && Instant::now() < until
        {
            return Err(TokenStoreError::new(
                "Redis failed moments ago; not retried yet",
            ));
        }
        let mut slot = lock(&self.connection);
        let mut reused = slot.is_some();
        loop {
            let connection = match slot.as_mut() {
                Some(c) => c,
                None => match self.connect() {
                    Ok(c) => slot.insert(c),
                    Err(e) => return Err(self.failed(&e)),
                },
            };
            match command(connection) {
                Ok(value) => return Ok(value),
                Err(e) if e.is_io_error() || e.is_connection_dropped() || e.is_timeout() => {
                    *slot = None;
                    if !reused {
                        return Err(self.failed(&e));
                    }
                    reused = false;
                }
                Err(e) => return Err(self.failed(&e)),
            }
        }
    }

    fn failed(&self, error: &redis::RedisError) -> TokenStoreError {
        *lock(&self.paused_until) = Some(Instant::now() + PAUSE_AFTER_FAILURE);
        TokenStoreError::new(format!(
            "Redis at {}: {}",
            self.client.get_connection_info().addr(),
            crate::redact::scrub(&error.to_string())
        ))
    }
}

fn bad_url() -> Error {
    Error::invalid_argument(
        "redis_url",
        "must be redis://[user:password@]host[:port][/db], rediss://… or redis+unix:///path",
    )
}

fn bad_roots() -> Error {
    Error::invalid_argument(
        "root_certificates_pem",
        "holds no readable PEM certificate (-----BEGIN CERTIFICATE-----)",
    )
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// `ttl` in whole milliseconds, at least 1 (Redis refuses `PX 0`).
fn millis(ttl: Duration) -> u64 {
    u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1)
}

impl TokenStore for RedisTokenStore {
    fn get(&self, key: &str) -> std::result::Result<Option<String>, TokenStoreError> {
        self.run(|c| redis::cmd("GET").arg(key).query(c))
    }

    fn put(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> std::result::Result<(), TokenStoreError> {
        self.run(|c| {
            redis::cmd("SET")
                .arg(key)
                .arg(value)
                .arg("PX")
                .arg(millis(ttl))
                .query(c)
        })
    }

    fn remove_if(&self, key: &str, value: &str) -> std::result::Result<bool, TokenStoreError> {
        let removed: i64 = self.run(|c| {
            redis::cmd("EVAL")
                .arg(COMPARE_AND_DELETE)
                .arg(1)
                .arg(key)
                .arg(value)
                .query(c)
        })?;
        Ok(removed == 1)
    }

    fn try_lock(
        &self,
        key: &str,
        owner: &str,
        ttl: Duration,
    ) -> std::result::Result<bool, TokenStoreError> {
        let set: Option<String> = self.run(|c| {
            redis::cmd("SET")
                .arg(key)
                .arg(owner)
                .arg("NX")
                .arg("PX")
                .arg(millis(ttl))
                .query(c)
        })?;
        Ok(set.is_some())
    }
}

impl std::fmt::Debug for RedisTokenStore {
    /// The server's address and database, never the URL's user or password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let info = self.client.get_connection_info();
        f.debug_struct("RedisTokenStore")
            .field("address", &info.addr().to_string())
            .field("db", &info.redis_settings().db())
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_and_never_quoted() {
        for url in ["not a url", "http://host", "redis://:pw-9f2c@host:6380:bad"] {
            let err = RedisTokenStore::open(url).err().unwrap();
            assert!(
                matches!(&err, Error::InvalidArgument { argument, .. } if argument == "redis_url"),
                "{url}: {err:?}"
            );
            assert!(!err.to_string().contains("pw-9f2c"));
        }
        RedisTokenStore::open("rediss://:pw-9f2c@host:6380").unwrap();
        let refused = [
            (
                "redis://host",
                b"-----BEGIN CERTIFICATE-----".as_slice(),
                "redis_url",
            ),
            (
                "rediss://host",
                b"not pem".as_slice(),
                "root_certificates_pem",
            ),
            (
                "rediss://host",
                b"-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n".as_slice(),
                "root_certificates_pem",
            ),
        ];
        for (url, pem, field) in refused {
            let err = RedisTokenStore::open_with_root_certificates(url, pem)
                .err()
                .unwrap();
            assert!(
                matches!(&err, Error::InvalidArgument { argument, .. } if argument == field),
                "{url}: {err:?}"
            );
        }
        let store = RedisTokenStore::open("redis://:pw-9f2c@127.0.0.1:1/2").unwrap();
        let shown = format!("{store:?}");
        assert!(
            shown.contains("127.0.0.1:1") && shown.contains("db: 2"),
            "{shown}"
        );
        assert!(!shown.contains("pw-9f2c"));
    }

    #[test]
    fn an_unreachable_server_is_an_error_then_a_pause() {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        let store = RedisTokenStore::open("redis://127.0.0.1:1")
            .unwrap()
            .timeout(Duration::from_millis(200));
        let first = store.get("k").unwrap_err();
        assert!(first.message().contains("127.0.0.1:1"), "{first}");
        let second = store.put("k", "v", Duration::from_secs(1)).unwrap_err();
        assert!(second.message().contains("not retried"), "{second}");
    }
}
