//! Files through a source (operator token): `/sonar/files/...`, with a page-by-page walk of a
//! folder that always ends and a file's content read in chunks, never held whole.

use std::sync::{Arc, Mutex};

use airbyte_embedded::files as cf;

use crate::lifecycle::OperatorSlot;
use crate::models::{AirbyteError, Drive, FileEntry, FilePage, FileSource, FolderQuery};
use crate::twin::twin;
use crate::walk::Walk;
use crate::{Result, signed};

/// The most one `FileStream.read()` returns (1 MiB), whatever `max_bytes` asks.
const MAX_READ: usize = 1024 * 1024;

/// Files through an end user's source (`OperatorClient.files()`). Shares its client's
/// `close()`: every method raises `AirbyteError.ClientClosed` once the client is closed.
///
/// A `path` is `/`-separated (`reports/2025/q1 summary.csv`, as a listing's `relative_path`
/// gives it) and sent as one path segment (`/` as `%2F`, a space as `%20`); an empty path,
/// `.` and `..` are refused before anything is sent.
#[derive(uniffi::Object)]
pub struct Files {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `Files` (`AsyncOperatorClient.files()`): the same methods, awaited;
    /// `pages(folder)` returns an `AsyncFilePages` and `open(...)` an `AsyncFileStream`.
    pub struct AsyncFiles for Files;
}

twin! {
    impl Files => AsyncFiles {
        awaited {
            /// The sources of a workspace whose files can be read.
            /// `GET /sonar/files/sources?workspace_id=…`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for an empty `workspace_id` (nothing sent);
            /// `AirbyteError.NotFound` for a workspace of another organisation.
            pub fn sources(&self, workspace_id: String) -> Result<Vec<FileSource>> {
                self.client.get()?.files().sources(&workspace_id)
            }

            /// The drives of a source. `GET /sonar/files/{source_id}/drives`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound` for a source the organisation does not own.
            pub fn drives(&self, source_id: String) -> Result<Vec<Drive>> {
                self.client.get()?.files().drives(&source_id)
            }

            /// Reads one page of a folder's entries.
            /// `GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}?limit=…&continuation_token=…`.
            /// `continuation_token` is the previous page's `next` (`None`: the first page); `pages()`
            /// follows them for you.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `source_id`, `drive_id`, `path` or `limit`
            /// (nothing sent); `AirbyteError.NotFound` for a source, drive or folder that does not
            /// exist.
            #[uniffi::method(default(continuation_token = None))]
            pub fn list_page(
                &self,
                folder: FolderQuery,
                continuation_token: Option<String>,
            ) -> Result<FilePage> {
                self.client
                    .get()?
                    .files()
                    .list_page(&folder, continuation_token.as_deref())
            }
        }
        awaited_twin {
            /// Opens a file for reading: sends the GET and returns once the response head has arrived;
            /// the content is read with `FileStream.read()`, a chunk at a time.
            /// `GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}` (`drive_id` `None`, the
            /// default: the source's own files).
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `source_id`, `drive_id` or `path` (nothing
            /// sent); `AirbyteError.NotFound` for a source, drive or file that does not exist; auth
            /// and transport errors.
            #[uniffi::method(default(drive_id = None))]
            pub fn open(
                &self,
                source_id: String,
                path: String,
                drive_id: Option<String>,
            ) -> Result<Arc<FileStream>> {
                let reader = self
                    .client
                    .get()?
                    .files()
                    .open(&source_id, drive_id.as_deref(), &path)?;
                Ok(Arc::new(FileStream {
                    client: self.client.clone(),
                    reader: Mutex::new(Some(reader)),
                }))
            }
        }
        handles {
            /// A walk over every page of the folder, fetched one page per `FilePages.next_page()`
            /// call. Nothing is sent here: every error of the walk (an empty `path` included) comes
            /// from `next_page()`.
            pub fn pages(&self, folder: FolderQuery) -> Arc<FilePages> {
                Arc::new(FilePages {
                    walk: Walk::new(&self.client, |client| client.files().iter(&folder)),
                })
            }
        }
    }
}

/// A walk over every page of one folder's listing (from `Files.pages()`). Thread-safe; one
/// page per `next_page()` call. A page's `next` may be a token or a link carrying one; a
/// link is followed only on the configured host and port, and a repeated token ends the
/// walk with `AirbyteError.Pagination`.
///
/// The walk shares its client's `close()`: once the client is closed, `next_page()` raises
/// `AirbyteError.ClientClosed` (and the walk lets go of the client).
#[derive(uniffi::Object)]
pub struct FilePages {
    walk: Walk<FileEntry>,
}

twin! {
    /// The async twin of `FilePages` (from `AsyncFiles.pages(folder)`): `next_page()` is
    /// awaited (Python: `async for` over it).
    pub struct AsyncFilePages for FilePages;
}

twin! {
    impl FilePages => AsyncFilePages {
        awaited {
            /// The next page's entries, or `None` once the last page has been read (and after an
            /// error other than `ClientClosed`).
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for the walk's folder (first call, nothing sent);
            /// `AirbyteError.Pagination`; the request's own errors; `AirbyteError.ClientClosed` once
            /// the client is closed.
            pub fn next_page(&self) -> Result<Option<Vec<FileEntry>>> {
                self.walk.next_page()
            }
        }
    }
}

/// One file being read (from `Files.open()`): its content streamed from the service as it is
/// read, never held whole. Python wraps it in a file-like `FileReader`, Kotlin in an
/// `InputStream`, Swift in a `Sequence` of `Data` chunks.
///
/// Each read must get data within the client's read timeout. A failure before the first byte
/// was returned is retried (the file requested again); after it a failure is final
/// (`AirbyteError.Transport` or `AirbyteError.Timeout`) and every later read raises it again.
/// Thread-safe (reads are serialised). `close()` (Kotlin `shutdown()`) lets go of the
/// connection early; reads after it, or after the client is closed, raise
/// `AirbyteError.ClientClosed`.
#[derive(uniffi::Object)]
pub struct FileStream {
    client: OperatorSlot,
    reader: Mutex<Option<cf::FileReader>>,
}

twin! {
    /// The async twin of `FileStream` (from `AsyncFiles.open(...)`): every method is awaited,
    /// `close()` too (Kotlin `shutdown()`), since each waits for a read running on another task.
    pub struct AsyncFileStream for FileStream;
}

impl FileStream {
    fn with<T>(&self, f: impl FnOnce(&mut cf::FileReader) -> Result<T>) -> Result<T> {
        let mut reader = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(closed) = self.client.get() {
            *reader = None;
            return Err(closed);
        }
        match reader.as_mut() {
            Some(r) => f(r),
            None => Err(AirbyteError::ClientClosed {
                detail: "the FileStream was closed: open the file again".to_owned(),
            }),
        }
    }
}

twin! {
    impl FileStream => AsyncFileStream {
        awaited {
            /// The next bytes of the file: at most `max_bytes` (and at most 1 MiB), as many as have
            /// arrived; empty at the end of the file (or for `max_bytes` 0).
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `max_bytes` when it is negative;
            /// `AirbyteError.Transport` (the connection broke, or the body ended before its
            /// `Content-Length`), `AirbyteError.Timeout` (no data within the read timeout), once no
            /// retry applies; `AirbyteError.ClientClosed` after `close()` or the client's.
            pub fn read(&self, max_bytes: i32) -> Result<Vec<u8>> {
                let Ok(max_bytes) = usize::try_from(max_bytes) else {
                    return Err(AirbyteError::InvalidArgument {
                        argument: "max_bytes".to_owned(),
                        detail: format!("is {max_bytes}; it must be 0 or more"),
                    });
                };
                self.with(|r| {
                    let mut buf = vec![0u8; max_bytes.min(MAX_READ)];
                    let n = r.read_chunk(&mut buf)?;
                    buf.truncate(n);
                    Ok(buf)
                })
            }

            /// The file's length in bytes from the response's `Content-Length`, when it had one.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()` or the client's.
            pub fn content_length(&self) -> Result<Option<i64>> {
                self.with(|r| Ok(r.content_length().map(signed)))
            }

            /// The response's `Content-Type` (e.g. `text/csv`), when it had one.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()` or the client's.
            pub fn content_type(&self) -> Result<Option<String>> {
                self.with(|r| Ok(r.content_type().map(str::to_owned)))
            }

            /// How many bytes have been read so far.
            ///
            /// # Errors
            /// `AirbyteError.ClientClosed` after `close()` or the client's.
            pub fn bytes_read(&self) -> Result<i64> {
                self.with(|r| Ok(signed(r.bytes_read())))
            }

            /// Lets go of the file and its connection (Kotlin: `shutdown()`); closing again does
            /// nothing.
            pub fn close(&self) {
                let reader = self.reader.lock().unwrap_or_else(|p| p.into_inner()).take();
                drop(reader);
            }
        }
    }
}
