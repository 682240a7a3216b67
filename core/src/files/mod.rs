//! Files through a source (operator token): `/sonar/files/...`. The service reads an end
//! user's file source (a drive, a bucket) with the credentials stored with the source: which
//! sources serve files, their drives, folder listings, and file contents streamed.
//!
//! ```no_run
//! use std::io::Read;
//! use airbyte_embedded::OperatorClient;
//! use airbyte_embedded::files::{FileEntryKind, FolderQuery};
//!
//! let operator = OperatorClient::from_env()?;
//! let files = operator.files();
//! let source = &files.sources("4f1e6f1c-0b7a-4a43-9d7e-2d1c6b8a9e10")?[0];
//! for entry in files.iter(&FolderQuery::new(&source.id, "reports/2025")) {
//!     let entry = entry?;
//!     if entry.kind == FileEntryKind::File {
//!         let mut reader = files.open(&source.id, None, &entry.relative_path)?;
//!         let mut buf = [0u8; 8192];
//!         let mut total = 0;
//!         loop {
//!             let n = reader.read(&mut buf)?;
//!             if n == 0 { break; }
//!             total += n;
//!         }
//!         println!("{}: {total} bytes", entry.relative_path);
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Paths
//!
//! A file or folder path is `/`-separated (`reports/2025/q1 summary.csv`), as the listings'
//! `relative_path` gives it. The documents declare `{path}` as one path parameter, and an
//! OpenAPI path parameter holds no unescaped `/`, so the SDK sends the whole path as one
//! percent-encoded segment: `/` as `%2F`, a space as `%20`, every byte but the unreserved
//! ones escaped (`.../get/reports%2F2025%2Fq1%20summary.csv`). An empty path, `.` and `..`
//! are refused before anything is sent. The documents do not say how the top level of a
//! source is named; the sandbox lists it as `/`.
//!
//! # Pagination
//!
//! Listings page with `continuation_token` and `limit` (the service's default 100, no stated
//! maximum) into `{items, next}`: [`Files::list_page`] reads one page, [`Files::iter`] walks
//! them all and always ends (see [`FilePages`] for how `next` is read, a token or a link).

mod models;
mod path;
mod reader;

use std::sync::Arc;

use crate::Result;
use crate::api::Api;
use crate::common::require_id;
use crate::http::url::segment;

pub use models::{Drive, FileEntry, FileEntryKind, FilePage, FileSource, FolderQuery};

/// A lazy walk over every page of one folder's listing
/// (`GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}`): a page's `next` is the
/// continuation token itself, or a link carrying it as `continuation_token` (followed only on
/// the configured host and port). See [`crate::pagination::Pages`] for how it always ends. As
/// an [`Iterator`] it yields entries one by one; after an error it yields nothing more.
pub type FilePages = crate::pagination::Pages<FileEntry>;
pub use reader::FileReader;

use models::{DrivesEnvelope, SourcesEnvelope, workspace_query};

/// Files through a source, for the operator. Get one from [`crate::OperatorClient::files`].
pub struct Files<'a> {
    pub(crate) api: &'a Arc<Api>,
}

impl Files<'_> {
    /// The sources of a workspace whose files can be read.
    /// `GET /sonar/files/sources?workspace_id=…`.
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] for an empty `workspace_id` (nothing sent);
    /// [`crate::Error::NotFound`] for a workspace the organisation does not own; auth and
    /// transport errors.
    pub fn sources(&self, workspace_id: &str) -> Result<Vec<FileSource>> {
        let query = workspace_query(workspace_id)?;
        let envelope: SourcesEnvelope = self.api.get("sonar/files/sources", &query)?;
        Ok(envelope.sources)
    }

    /// The drives of a source. `GET /sonar/files/{source_id}/drives`.
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] for an empty `source_id`; [`crate::Error::NotFound`]
    /// for a source the organisation does not own.
    pub fn drives(&self, source_id: &str) -> Result<Vec<Drive>> {
        let id = require_id("source_id", source_id)?;
        let envelope: DrivesEnvelope = self
            .api
            .get(&format!("sonar/files/{}/drives", segment(id)), &[])?;
        Ok(envelope.drives)
    }

    /// Reads one page of a folder's entries.
    /// `GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}?limit=…&continuation_token=…`.
    /// `continuation_token` is `None` for the first page; [`Files::iter`] follows `next` for
    /// you (a page's `next` may be a token or a link, see [`FilePages`]).
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] naming `source_id`, `drive_id` or `path` (see
    /// [Paths](self#paths)) or `limit` (0), nothing sent; [`crate::Error::NotFound`] for a
    /// source, drive or folder that does not exist; [`crate::Error::Validation`] for a
    /// continuation token the service refuses.
    pub fn list_page(
        &self,
        folder: &FolderQuery,
        continuation_token: Option<&str>,
    ) -> Result<FilePage> {
        let (path, mut query) = folder.request()?;
        query.extend(continuation_token.map(|t| ("continuation_token", t.to_owned())));
        self.api.get(&path, &query)
    }

    /// Every entry of a folder, fetched a page at a time as the iterator advances.
    pub fn iter(&self, folder: &FolderQuery) -> FilePages {
        FilePages::with_style(
            Arc::clone(self.api),
            crate::pagination::CONTINUATION_TOKEN,
            folder.request(),
        )
    }

    /// Opens a file for reading: sends the GET and returns once the response head has
    /// arrived, leaving the content to be read as the caller reads (see [`FileReader`] for
    /// timeouts and retries).
    /// `GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}`.
    ///
    /// # Errors
    /// [`crate::Error::InvalidArgument`] naming `source_id`, `drive_id` or `path`, nothing
    /// sent; [`crate::Error::NotFound`] for a source, drive or file that does not exist; auth
    /// and transport errors.
    pub fn open(&self, source_id: &str, drive_id: Option<&str>, path: &str) -> Result<FileReader> {
        let url = path::url(source_id, drive_id, "get", path)?;
        FileReader::open(Arc::clone(self.api), url)
    }
}
