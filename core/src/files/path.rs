//! The URL paths of the file routes: the source, the optional drive, and the file or folder
//! path as one percent-encoded segment.

use crate::common::require_id;
use crate::http::url::segment;
use crate::{Error, Result};

/// `sonar/files/{source_id}[/drives/{drive_id}]/{action}/{path}` with every part
/// percent-encoded as one segment (a `/` inside `path` becomes `%2F`, a space `%20`).
///
/// # Errors
/// [`Error::InvalidArgument`] naming `source_id` or `drive_id` (empty), or `path` (empty, or
/// exactly `.` or `..`, which URL handling on the way may resolve instead of sending).
pub(crate) fn url(
    source_id: &str,
    drive_id: Option<&str>,
    action: &str,
    path: &str,
) -> Result<String> {
    let source = segment(require_id("source_id", source_id)?);
    let path = encode(path)?;
    Ok(match drive_id {
        Some(drive) => format!(
            "sonar/files/{source}/drives/{}/{action}/{path}",
            segment(require_id("drive_id", drive)?)
        ),
        None => format!("sonar/files/{source}/{action}/{path}"),
    })
}

/// `path` as one path segment.
///
/// # Errors
/// As [`url`], for `path`.
pub(crate) fn encode(path: &str) -> Result<String> {
    match path {
        "" => Err(Error::invalid_argument(
            "path",
            "must not be empty: name a folder or a file",
        )),
        "." | ".." => Err(Error::invalid_argument(
            "path",
            "`.` and `..` name no file or folder",
        )),
        _ => Ok(segment(path)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slashes_spaces_and_reserved_characters_stay_inside_the_segment() {
        #[rustfmt::skip]
        let cases = [
            ("README.md", "README.md"),
            ("reports/2025/q1 summary.csv", "reports%2F2025%2Fq1%20summary.csv"),
            ("/", "%2F"),
            ("a?b#c%d", "a%3Fb%23c%25d"),
            ("café/ü", "caf%C3%A9%2F%C3%BC"),
            ("a/../b", "a%2F..%2Fb"),
        ];
        for (raw, encoded) in cases {
            assert_eq!(encode(raw).unwrap(), encoded, "{raw}");
        }
        for bad in ["", ".", ".."] {
            assert!(
                matches!(encode(bad), Err(Error::InvalidArgument { argument, .. }) if argument == "path"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn urls_name_the_drive_when_given() {
        assert_eq!(
            url("s 1", None, "get", "a/b").unwrap(),
            "sonar/files/s%201/get/a%2Fb"
        );
        assert_eq!(
            url("s", Some("shared"), "get", "a").unwrap(),
            "sonar/files/s/drives/shared/get/a"
        );
    }
}
