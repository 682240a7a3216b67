//! Files through a source, against the sandbox: the sources that serve files, drives, folder
//! listings page by page, paths with slashes and spaces, and file contents read as a stream,
//! retried only before the first byte.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Read;

use airbyte_embedded::files::{FileEntryKind, FolderQuery};
use airbyte_embedded::integrations::SourceTemplateCreate;
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded::{Error, OperatorClient};
use airbyte_embedded_sandbox::catalog::SOURCE_TINY_DEFINITION_ID;
use common::*;
use serde_json::json;

/// A workspace named `name` with one Sample Data source: `(workspace_id, source_id)`.
fn source(op: &OperatorClient, name: &str) -> (String, String) {
    let template = op
        .source_templates()
        .create(&SourceTemplateCreate::new(
            SOURCE_TINY_DEFINITION_ID,
            object(json!({})),
        ))
        .unwrap();
    let workspace = op.end_user_client(name).unwrap().workspace_id().unwrap();
    let source = op
        .sources()
        .create(&SourceCreate::new(
            &workspace,
            &template.id,
            object(json!({"count": 5})),
        ))
        .unwrap();
    (workspace, source.id)
}

fn read_all(reader: &mut impl Read) -> Vec<u8> {
    let mut all = Vec::new();
    reader.read_to_end(&mut all).unwrap();
    all
}

#[test]
fn sources_drives_and_folders_walk_to_every_file() {
    let sb = sandbox();
    let op = operator(&sb);
    let (workspace, src) = source(&op, "files-walk");
    let files = op.files();

    let sources = files.sources(&workspace).unwrap();
    assert_eq!(sources.len(), 1);
    assert_eq!(
        (sources[0].id.as_str(), sources[0].source_type.as_str()),
        (src.as_str(), "faker")
    );
    let drives = files.drives(&src).unwrap();
    assert_eq!(
        drives.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["main", "shared"]
    );

    // A depth-first walk from the top, two entries a page: every file is found and read.
    let mut folders = vec!["/".to_owned()];
    let mut read = Vec::new();
    while let Some(folder) = folders.pop() {
        for entry in files.iter(&FolderQuery::new(&src, &folder).limit(2)) {
            let entry = entry.unwrap();
            match entry.kind {
                FileEntryKind::Folder => folders.push(entry.relative_path),
                _ if entry.relative_path.starts_with("exports/") => {}
                _ => {
                    let mut reader = files.open(&src, None, &entry.relative_path).unwrap();
                    let bytes = read_all(&mut reader);
                    assert_eq!(
                        Some(i64::try_from(bytes.len()).unwrap()),
                        entry.bytes,
                        "{}",
                        entry.relative_path
                    );
                    assert_eq!(
                        reader.content_length(),
                        entry.bytes.map(|b| b.unsigned_abs())
                    );
                    read.push(entry.relative_path);
                }
            }
        }
    }
    read.sort();
    assert_eq!(
        read,
        [
            "README.md",
            "reports/2025/q1 summary.csv",
            "reports/2025/q2 summary.csv",
            "reports/2025/q3 summary.csv",
            "reports/2025/q4 summary.csv",
        ]
    );
    // The nested path went out as one segment, its slashes and spaces encoded.
    let sent: Vec<String> = requests_to(&sb, "q1%20summary.csv")
        .into_iter()
        .map(|r| r.path)
        .collect();
    assert_eq!(
        sent,
        [format!(
            "/api/v1/sonar/files/{src}/get/reports%2F2025%2Fq1%20summary.csv"
        )]
    );
    let pages = requests_to(&sb, "/list/reports%2F2025");
    assert_eq!(pages.len(), 2, "four entries, two a page");
    assert!(
        pages[1]
            .query
            .as_deref()
            .unwrap()
            .contains("continuation_token=")
    );

    // One page at a time, on the other drive.
    let folder = FolderQuery::new(&src, "Team Notes")
        .on_drive("shared")
        .limit(2);
    let first = files.list_page(&folder, None).unwrap();
    assert_eq!(first.items.len(), 2);
    let second = files.list_page(&folder, first.next.as_deref()).unwrap();
    assert_eq!((second.items.len(), second.next), (1, None));
    let mut notes = files
        .open(&src, Some("shared"), &second.items[0].relative_path)
        .unwrap();
    assert_eq!(notes.content_type(), Some("text/plain"));
    assert!(
        String::from_utf8(read_all(&mut notes))
            .unwrap()
            .starts_with("Meeting 03")
    );
}

#[test]
fn what_cannot_be_sent_is_refused_and_what_is_missing_is_not_found() {
    let sb = sandbox();
    let op = operator(&sb);
    let (_, src) = source(&op, "files-errors");
    let files = op.files();
    let before = sb.requests().len();
    for (result, argument) in [
        (files.open(&src, None, "").map(drop), "path"),
        (files.open(&src, None, "..").map(drop), "path"),
        (files.open("", None, "README.md").map(drop), "source_id"),
        (
            files.open(&src, Some(" "), "README.md").map(drop),
            "drive_id",
        ),
        (
            files
                .list_page(&FolderQuery::new(&src, "/").limit(0), None)
                .map(drop),
            "limit",
        ),
        (files.sources("").map(drop), "workspace_id"),
    ] {
        assert!(
            matches!(&result, Err(Error::InvalidArgument { argument: a, .. }) if a == argument),
            "{result:?}"
        );
    }
    assert_eq!(sb.requests().len(), before, "nothing was sent");
    let walk_error = files.iter(&FolderQuery::new(&src, "")).next().unwrap();
    assert!(matches!(walk_error, Err(Error::InvalidArgument { .. })));

    for missing in [
        files.open(&src, None, "reports").map(drop),
        files.open(&src, None, "nope.txt").map(drop),
        files.open(&src, Some("nope"), "README.md").map(drop),
        files
            .list_page(&FolderQuery::new(&src, "README.md"), None)
            .map(drop),
        files
            .drives("00000000-0000-4000-8000-000000000009")
            .map(drop),
    ] {
        assert!(
            matches!(missing, Err(Error::NotFound { .. })),
            "{missing:?}"
        );
    }
    let bad_token = files.list_page(&FolderQuery::new(&src, "reports"), Some("garbage"));
    assert!(
        matches!(bad_token, Err(Error::Validation { status: 400, .. })),
        "{bad_token:?}"
    );
}

#[test]
fn a_repeated_continuation_token_ends_the_walk() {
    let sb = sandbox();
    let op = operator(&sb);
    let (_, src) = source(&op, "files-loop");
    let page = json!({"items": [{"bytes": 1, "relative_path": "a", "modified": null,
                                 "source_url": "u", "type": "file"}], "next": "same-token"});
    sb.inject_fault(respond(
        "/sonar/files",
        3,
        200,
        "application/json",
        &page.to_string(),
    ));
    let results: Vec<_> = op.files().iter(&FolderQuery::new(&src, "/")).collect();
    assert_eq!(results.len(), 3, "{results:?}");
    assert!(results[..2].iter().all(Result::is_ok));
    assert!(
        matches!(results[2], Err(Error::Pagination { .. })),
        "{results:?}"
    );
}

#[test]
fn a_failure_before_the_first_byte_is_retried_and_one_after_it_is_final() {
    let sb = sandbox();
    let op = operator(&sb);
    let (_, src) = source(&op, "files-cut");
    let files = op.files();
    let path = "reports/2025/q2 summary.csv";
    let whole = read_all(&mut files.open(&src, None, path).unwrap());

    // Dropped before the response, and dropped right after the head: both retried.
    for action in [
        FaultAction::ResetBeforeResponse,
        FaultAction::ResetDuringBody { after_bytes: 0 },
    ] {
        sb.clear_requests();
        sb.inject_fault(Fault::new(action.clone()).on("GET", "/sonar/files"));
        let mut reader = files.open(&src, None, path).unwrap();
        assert_eq!(read_all(&mut reader), whole, "{action:?}");
        assert_eq!(requests_to(&sb, "q2%20summary.csv").len(), 2, "{action:?}");
    }

    // Dropped after 4 KiB of the large file: the bytes arrive, then the error, once.
    sb.clear_requests();
    sb.inject_fault(
        Fault::new(FaultAction::ResetDuringBody { after_bytes: 4096 }).on("GET", "/sonar/files"),
    );
    let mut reader = files.open(&src, None, "exports/large export.bin").unwrap();
    let mut buf = vec![0u8; 1024];
    let mut got = 0;
    let error = loop {
        match reader.read_chunk(&mut buf) {
            Ok(0) => panic!("ended without an error"),
            Ok(n) => got += n,
            Err(e) => break e,
        }
    };
    assert_eq!(got, 4096);
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(
        reader.read_chunk(&mut buf).unwrap_err(),
        error,
        "the error stays"
    );
    let io = reader.read(&mut buf).unwrap_err();
    assert!(io.get_ref().unwrap().downcast_ref::<Error>().is_some());
    assert_eq!(
        requests_to(&sb, "large%20export.bin").len(),
        1,
        "not sent again"
    );
}
