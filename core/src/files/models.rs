//! The models of files through a source: the sources that serve files, drives, folder
//! entries and pages of them, and which folder to list.

use serde::{Deserialize, Serialize};

use crate::Result;
use crate::common::{null_as_default, require_id};
use crate::open_enum::open_enum;
use crate::pagination::{check_limit, empty_as_none};

/// A source whose files can be read (`FilesAvailableSource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FileSource {
    /// The source's id (the `source_id` of the other file calls).
    pub id: String,
    /// The workspace the source belongs to.
    #[serde(default)]
    pub workspace_id: String,
    /// The connector's type as the service names it (e.g. `google-drive`).
    #[serde(default)]
    pub source_type: String,
}

/// One drive of a source (`GetDriveItem`), for sources holding several (shared drives, sites).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Drive {
    /// The drive's id (the `drive_id` of the drive-scoped calls); opaque, not a UUID.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// The drive's URL at the file provider.
    #[serde(default)]
    pub url: String,
}

open_enum! {
    /// What a listed entry is (`FileEntity`).
    pub enum FileEntryKind {
        /// A file: its content can be read.
        File => "file",
        /// A folder: it can be listed.
        Folder => "folder",
    }
}

/// One entry of a folder listing (`FilesSourceListItem`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FileEntry {
    /// The entry's path, as the service gives it (in the sandbox: the whole path from the
    /// drive's root, `reports/2025/q1 summary.csv`, to hand back to `list` or `open`).
    pub relative_path: String,
    /// File or folder (`type` on the wire).
    #[serde(rename = "type")]
    pub kind: FileEntryKind,
    /// Size in bytes (`None` for a folder, or when the provider does not say).
    #[serde(default)]
    pub bytes: Option<i64>,
    /// Last modification time (ISO-8601), when known.
    #[serde(default)]
    pub modified: Option<String>,
    /// The entry's URL at the file provider.
    #[serde(default)]
    pub source_url: String,
}

/// One page of a folder listing (`FilesSourcesListResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FilePage {
    /// The page's entries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub items: Vec<FileEntry>,
    /// What to ask for the next page with, as the service sent it, or `None` on the last page
    /// (a `null`, missing or empty `next`). The documents type it as a string only: it may be
    /// the continuation token itself or a URL carrying one as `continuation_token`; the
    /// folder walk accepts either.
    #[serde(default, deserialize_with = "empty_as_none")]
    pub next: Option<String>,
}

/// Which folder to list, and the page size kept on every page.
///
/// Its JSON form (the C ABI's `folder_json`): `{"source_id", "path", "drive_id"?, "limit"?: ≥ 1}`,
/// unknown fields refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FolderQuery {
    /// The source whose files to list.
    pub source_id: String,
    /// The folder: a `/`-separated path (`reports/2025`), sent as one path segment (`/` as
    /// `%2F`, a space as `%20`). Must not be empty, `.` or `..`.
    pub path: String,
    /// A drive of the source ([`Drive::id`]); `None` for the source's own files
    /// (`/sonar/files/{source_id}/list/{path}`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub drive_id: Option<String>,
    /// Page size, at least 1; the service defaults to 100 and states no maximum.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<i32>,
}

impl FolderQuery {
    /// The folder `path` of `source_id`'s own files, the service's page size.
    pub fn new(source_id: impl Into<String>, path: impl Into<String>) -> Self {
        FolderQuery {
            source_id: source_id.into(),
            path: path.into(),
            drive_id: None,
            limit: None,
        }
    }

    /// The same folder on drive `drive_id`.
    pub fn on_drive(mut self, drive_id: impl Into<String>) -> Self {
        self.drive_id = Some(drive_id.into());
        self
    }

    /// The same folder, `limit` entries a page.
    pub fn limit(mut self, limit: i32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The URL path of the listing (relative to the base URL) and the query of every page.
    pub(crate) fn request(&self) -> Result<(String, Vec<(&'static str, String)>)> {
        let path = super::path::url(
            &self.source_id,
            self.drive_id.as_deref(),
            "list",
            &self.path,
        )?;
        let mut query = Vec::new();
        if let Some(limit) = self.limit {
            check_limit(limit, i32::MAX)?;
            query.push(("limit", limit.to_string()));
        }
        Ok((path, query))
    }
}

/// `id` checked as a non-empty workspace id.
pub(crate) fn workspace_query(workspace_id: &str) -> Result<Vec<(&'static str, String)>> {
    let id = require_id("workspace_id", workspace_id)?;
    Ok(vec![("workspace_id", id.to_owned())])
}

/// `{sources: [...]}`.
#[derive(Deserialize)]
pub(crate) struct SourcesEnvelope {
    #[serde(default, deserialize_with = "null_as_default")]
    pub(crate) sources: Vec<FileSource>,
}

/// `{drives: [...]}`.
#[derive(Deserialize)]
pub(crate) struct DrivesEnvelope {
    #[serde(default, deserialize_with = "null_as_default")]
    pub(crate) drives: Vec<Drive>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn entries_parse_tolerantly() {
        let page: FilePage = serde_json::from_value(serde_json::json!({
            "items": [
                {"relative_path": "a/b.csv", "type": "file", "bytes": 12, "modified": null, "source_url": "u"},
                {"relative_path": "a/c", "type": "shortcut", "bytes": null, "modified": "2025-06-01T00:00:00Z", "source_url": "v"}
            ],
            "next": ""
        }))
        .unwrap();
        assert_eq!(page.items[0].kind, FileEntryKind::File);
        assert_eq!(
            page.items[1].kind,
            FileEntryKind::Unknown("shortcut".into())
        );
        assert_eq!(page.next, None);
    }

    #[test]
    fn a_folder_query_refuses_what_cannot_be_sent() {
        let q = FolderQuery::new("s1", "reports/2025")
            .on_drive("d 1")
            .limit(5);
        let (path, query) = q.request().unwrap();
        assert_eq!(path, "sonar/files/s1/drives/d%201/list/reports%2F2025");
        assert_eq!(query, vec![("limit", "5".to_owned())]);
        for (bad, argument) in [
            (FolderQuery::new(" ", "x"), "source_id"),
            (FolderQuery::new("s1", ""), "path"),
            (FolderQuery::new("s1", "x").on_drive(""), "drive_id"),
            (FolderQuery::new("s1", "x").limit(0), "limit"),
        ] {
            assert!(
                matches!(bad.request(), Err(Error::InvalidArgument { argument: a, .. }) if a == argument),
                "{bad:?}"
            );
        }
    }
}
