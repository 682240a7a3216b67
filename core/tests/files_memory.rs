//! Reading a 50 MiB file keeps the process's memory flat: the file is streamed, by the sandbox
//! (generated as it is sent) and by the SDK's reader (read as the caller reads), never held
//! whole. Its own test binary, with one test, so no other test's allocations move the
//! numbers.
//!
//! The measure is the peak resident set (`VmHWM` of `/proc/self/status`, Linux), reset just
//! before the read (`5` written to `/proc/self/clear_refs`; when the kernel refuses, the peak
//! since start is used, which can only make the bound harder to meet): its rise over the
//! resident set before the read (`VmRSS`) must stay under 20 MiB, less than half the file.
//! The bytes are counted and checksummed against the sandbox's own generator.

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Read;

use airbyte_embedded::integrations::SourceTemplateCreate;
use airbyte_embedded::sources::SourceCreate;
use airbyte_embedded_sandbox::catalog::SOURCE_TINY_DEFINITION_ID;
use airbyte_embedded_sandbox::files::{self, LARGE_FILE_LEN, LARGE_FILE_PATH, MAIN_DRIVE};
use common::*;
use serde_json::json;

/// The largest rise of the peak resident set the read may cause (20 MiB).
const BOUND: u64 = 20 * 1024 * 1024;

/// A field of `/proc/self/status` in bytes (`VmHWM:   123456 kB`).
#[cfg(target_os = "linux")]
fn status_bytes(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with(field))
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"));
    let kb: u64 = line
        .trim_start_matches(field)
        .trim_start_matches(':')
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .unwrap();
    kb * 1024
}

/// FNV-1a over `bytes`, continuing from `h`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

#[cfg(target_os = "linux")]
#[test]
fn reading_a_50_mib_file_keeps_memory_flat() {
    let sb = sandbox();
    let op = operator(&sb);
    let template = op
        .source_templates()
        .create(&SourceTemplateCreate::new(
            SOURCE_TINY_DEFINITION_ID,
            object(json!({})),
        ))
        .unwrap();
    let workspace = op
        .end_user_client("memory")
        .unwrap()
        .workspace_id()
        .unwrap();
    let source = op
        .sources()
        .create(&SourceCreate::new(
            &workspace,
            &template.id,
            object(json!({"count": 5})),
        ))
        .unwrap();
    let files = op.files();
    // Warm up: the connection pool, the token, the first file read.
    let mut small = Vec::new();
    files
        .open(&source.id, None, "README.md")
        .unwrap()
        .read_to_end(&mut small)
        .unwrap();

    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let rss_before = status_bytes("VmRSS");
    let mut reader = files.open(&source.id, None, LARGE_FILE_PATH).unwrap();
    assert_eq!(reader.content_length(), Some(LARGE_FILE_LEN));
    let mut buf = vec![0u8; 8 * 1024];
    let (mut count, mut sum) = (0u64, FNV_START);
    loop {
        let n = reader.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        count += n as u64;
        sum = fnv(sum, &buf[..n]);
    }
    let peak = status_bytes("VmHWM");
    let rise = peak.saturating_sub(rss_before);

    let mut expected = files::find(MAIN_DRIVE, LARGE_FILE_PATH)
        .unwrap()
        .bytes(source.id.parse().unwrap())
        .unwrap();
    let mut want = FNV_START;
    while let Some(chunk) = expected.next_chunk() {
        want = fnv(want, &chunk);
    }
    println!(
        "read {count} bytes; resident before {} KiB, peak during {} KiB (rise {} KiB, peak reset: {reset})",
        rss_before / 1024,
        peak / 1024,
        rise / 1024
    );
    assert_eq!(count, LARGE_FILE_LEN);
    assert_eq!(sum, want, "the bytes are the sandbox's");
    assert!(
        rise < BOUND,
        "reading the file raised the peak resident set by {} KiB (bound {} KiB)",
        rise / 1024,
        BOUND / 1024
    );
}
