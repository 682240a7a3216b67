//! A file's content as a reader: the response body read as the caller reads, never held
//! whole, sent again only while no byte has reached the caller.

use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

use crate::api::Api;
use crate::http::{Streamed, read_failure};
use crate::retry::{self, Attempt, Decision, Replay};
use crate::{Error, Result};

/// The content of one file, streamed from the service as it is read
/// (`GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}`). Get one from
/// [`crate::files::Files::open`].
///
/// It holds no more of the file than the HTTP library's buffer and the caller's own buffer:
/// a 50 MB file read with an 8 KiB buffer never takes 50 MB of memory. It implements
/// [`Read`] (errors are `std::io::Error`s wrapping the SDK's [`Error`], which
/// `get_ref()`/`into_inner()` give back, their kind `TimedOut` for [`Error::Timeout`]);
/// [`FileReader::read_chunk`] gives the [`Error`] itself.
///
/// **Timeouts.** The response head must arrive within the client's `request_timeout`; after
/// that there is no whole-request bound (a large file may take longer), but every read must
/// get data within `read_timeout`, so a stalled transfer fails rather than hangs.
///
/// **Retries.** Opening is retried as any GET is (connection failures, 429, 502 to 504, read
/// timeouts, under the client's retry policy) and replayed once after a 401 with a fresh
/// token. Once the head has arrived, a failed read is retried (the file requested again from
/// its start) only while no byte has been handed to the caller, under the same policy; after
/// the first byte a failure is final ([`Error::Transport`] or [`Error::Timeout`]) and every
/// later read returns it again: start over with a new `open` if needed. A body that ends
/// before its `Content-Length` is such a failure, never an early end of file.
pub struct FileReader {
    api: Arc<Api>,
    /// The URL path, relative to the base URL.
    path: String,
    body: ureq::BodyReader<'static>,
    content_length: Option<u64>,
    content_type: Option<String>,
    delivered: u64,
    retries_done: u32,
    started: Instant,
    failed: Option<Error>,
}

impl FileReader {
    /// Sends the GET and returns once the response head has arrived.
    pub(crate) fn open(api: Arc<Api>, path: String) -> Result<FileReader> {
        let started = Instant::now();
        let streamed = api.get_stream(&path)?;
        let (body, content_length, content_type) = parts(streamed);
        Ok(FileReader {
            api,
            path,
            body,
            content_length,
            content_type,
            delivered: 0,
            retries_done: 0,
            started,
            failed: None,
        })
    }

    /// The file's length in bytes, from the response's `Content-Length` (`None` when the
    /// service streams without one).
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// The response's `Content-Type` (e.g. `text/csv`), when it had one.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// How many bytes have been handed to the caller so far.
    pub fn bytes_read(&self) -> u64 {
        self.delivered
    }

    /// Reads up to `buf.len()` bytes into `buf`; `Ok(0)` at the end of the file (or for an
    /// empty `buf`).
    ///
    /// # Errors
    /// [`Error::Transport`] (the connection broke, or the body ended before its
    /// `Content-Length`) or [`Error::Timeout`] (no data within `read_timeout`), once no retry
    /// applies; the errors of a new request when one is sent before the first byte (see the
    /// type's docs). After an error every call returns it again.
    pub fn read_chunk(&mut self, buf: &mut [u8]) -> Result<usize> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        loop {
            let io = match self.body.read(buf) {
                Ok(n) => {
                    self.delivered += n as u64;
                    return Ok(n);
                }
                Err(io) => io,
            };
            let (error, failure) = read_failure(io);
            if self.delivered == 0 {
                let attempt = Attempt {
                    retries_done: self.retries_done,
                    replay: Replay::Safe,
                    failure,
                    hint: None,
                    elapsed: self.started.elapsed(),
                };
                if let Decision::RetryAfter(wait) =
                    retry::decide(self.api.policy(), &attempt, fastrand::f64())
                {
                    log::debug!(
                        "GET /{}: the body failed before its first byte ({}); requesting it again (retry {}) in {} ms",
                        self.path,
                        failure.label(),
                        self.retries_done + 1,
                        wait.as_millis()
                    );
                    std::thread::sleep(wait);
                    self.retries_done += 1;
                    match self.api.get_stream(&self.path) {
                        Ok(streamed) => {
                            (self.body, self.content_length, self.content_type) = parts(streamed);
                            continue;
                        }
                        Err(e) => {
                            self.failed = Some(e.clone());
                            return Err(e);
                        }
                    }
                }
            }
            log::debug!(
                "GET /{}: the body failed after {} bytes: {}",
                self.path,
                self.delivered,
                failure.label()
            );
            self.failed = Some(error.clone());
            return Err(error);
        }
    }
}

fn parts(streamed: Streamed) -> (ureq::BodyReader<'static>, Option<u64>, Option<String>) {
    // No size limit: nothing is accumulated, the caller decides how much to read.
    (
        streamed.body.into_with_config().limit(u64::MAX).reader(),
        streamed.content_length,
        streamed.content_type,
    )
}

impl Read for FileReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.read_chunk(buf).map_err(|e| {
            let kind = match e {
                Error::Timeout { .. } => std::io::ErrorKind::TimedOut,
                _ => std::io::ErrorKind::Other,
            };
            std::io::Error::new(kind, e)
        })
    }
}

impl std::fmt::Debug for FileReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileReader")
            .field("path", &format_args!("/{}", self.path))
            .field("content_length", &self.content_length)
            .field("content_type", &self.content_type)
            .field("bytes_read", &self.delivered)
            .field("failed", &self.failed.is_some())
            .finish_non_exhaustive()
    }
}
