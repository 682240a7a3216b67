//! The files the sandbox serves through a source (`/sonar/files/...`, SERVICE-FACTS §8): the
//! same tree for every source, with contents derived from the source id, so two sources'
//! files differ and a test can recompute any file's bytes (see [`FileBytes`]).
//!
//! Every source has two drives, [`MAIN_DRIVE`] (the one the routes without `drives/{drive_id}`
//! read) and [`SHARED_DRIVE`]:
//!
//! | drive | path | kind | size |
//! |---|---|---|---|
//! | `main` | `README.md` | file | a few hundred bytes of text naming the source |
//! | `main` | `reports` | folder | |
//! | `main` | `reports/2025` | folder | |
//! | `main` | `reports/2025/q1 summary.csv` … `q4 summary.csv` | files | a few hundred bytes each |
//! | `main` | `exports` | folder | |
//! | `main` | [`LARGE_FILE_PATH`] | file | [`LARGE_FILE_LEN`] (50 MiB) of pseudo-random bytes, generated as they are sent |
//! | `shared` | `Team Notes` | folder | |
//! | `shared` | `Team Notes/meeting 01.txt` … `meeting 03.txt` | files | text |
//!
//! Paths are relative to the drive's root, `/`-separated, without a leading `/`; the root
//! itself is named `/` (the documents do not say how the service names it). Each entry's
//! `relative_path` is its whole path from the root, so it can be handed back to `get`.

use uuid::Uuid;

/// The drive the routes without `drives/{drive_id}` read.
pub const MAIN_DRIVE: &str = "main";
/// The second drive of every source.
pub const SHARED_DRIVE: &str = "shared";
/// The path of the large file on the main drive.
pub const LARGE_FILE_PATH: &str = "exports/large export.bin";
/// The large file's length in bytes (50 MiB).
pub const LARGE_FILE_LEN: u64 = 50 * 1024 * 1024;
/// The size of each piece the sandbox generates and sends of a file (64 KiB).
pub const CHUNK: usize = 64 * 1024;

/// When every entry was last modified (`modified`), per entry a day apart.
const MODIFIED_BASE_UNIX: u64 = 1_748_736_000; // 2025-06-01T00:00:00Z

/// A file or a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A file, with its content.
    File,
    /// A folder.
    Folder,
}

/// One entry of a drive.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The whole path from the drive's root (`reports/2025/q1 summary.csv`).
    pub path: &'static str,
    /// File or folder.
    pub kind: Kind,
    /// What the file holds (folders: [`Content::None`]).
    content: Content,
}

#[derive(Debug, Clone, Copy)]
enum Content {
    None,
    Readme,
    Quarter(u8),
    Meeting(u8),
    Large,
}

const MAIN: &[Entry] = &[
    entry("README.md", Kind::File, Content::Readme),
    entry("reports", Kind::Folder, Content::None),
    entry("reports/2025", Kind::Folder, Content::None),
    entry(
        "reports/2025/q1 summary.csv",
        Kind::File,
        Content::Quarter(1),
    ),
    entry(
        "reports/2025/q2 summary.csv",
        Kind::File,
        Content::Quarter(2),
    ),
    entry(
        "reports/2025/q3 summary.csv",
        Kind::File,
        Content::Quarter(3),
    ),
    entry(
        "reports/2025/q4 summary.csv",
        Kind::File,
        Content::Quarter(4),
    ),
    entry("exports", Kind::Folder, Content::None),
    entry(LARGE_FILE_PATH, Kind::File, Content::Large),
];

const SHARED: &[Entry] = &[
    entry("Team Notes", Kind::Folder, Content::None),
    entry("Team Notes/meeting 01.txt", Kind::File, Content::Meeting(1)),
    entry("Team Notes/meeting 02.txt", Kind::File, Content::Meeting(2)),
    entry("Team Notes/meeting 03.txt", Kind::File, Content::Meeting(3)),
];

const fn entry(path: &'static str, kind: Kind, content: Content) -> Entry {
    Entry {
        path,
        kind,
        content,
    }
}

/// The drives of every source: `(id, name)`.
pub fn drives() -> [(&'static str, &'static str); 2] {
    [(MAIN_DRIVE, "Main drive"), (SHARED_DRIVE, "Shared with me")]
}

/// The entries of drive `drive` (in listing order), or `None` for a drive no source has.
pub fn entries(drive: &str) -> Option<&'static [Entry]> {
    match drive {
        MAIN_DRIVE => Some(MAIN),
        SHARED_DRIVE => Some(SHARED),
        _ => None,
    }
}

/// `path` without leading and trailing `/`: `/` and `` name the root.
pub fn normalise(path: &str) -> &str {
    path.trim_matches('/')
}

/// The entry at `path` of `drive`.
pub fn find(drive: &str, path: &str) -> Option<Entry> {
    let path = normalise(path);
    entries(drive)?.iter().copied().find(|e| e.path == path)
}

/// Whether `path` names a folder of `drive` (the root always does).
pub fn is_folder(drive: &str, path: &str) -> bool {
    entries(drive).is_some()
        && (normalise(path).is_empty() || find(drive, path).is_some_and(|e| e.kind == Kind::Folder))
}

/// The entries directly inside folder `path` of `drive`, in listing order.
pub fn children(drive: &str, path: &str) -> Vec<Entry> {
    let folder = normalise(path);
    entries(drive)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|e| match e.path.rsplit_once('/') {
            Some((parent, _)) => parent == folder,
            None => folder.is_empty(),
        })
        .collect()
}

impl Entry {
    /// The file's length in bytes (`None` for a folder).
    pub fn len(&self, source: Uuid) -> Option<u64> {
        match self.content {
            Content::None => None,
            Content::Large => Some(LARGE_FILE_LEN),
            _ => Some(self.text(source).len() as u64),
        }
    }

    /// When the entry was last modified, Unix seconds.
    pub fn modified_unix(&self) -> u64 {
        let index = MAIN
            .iter()
            .chain(SHARED)
            .position(|e| e.path == self.path)
            .unwrap_or(0);
        MODIFIED_BASE_UNIX + 86_400 * index as u64
    }

    /// The media type the sandbox sends the file with.
    pub fn media_type(&self) -> &'static str {
        match self.content {
            Content::Readme => "text/markdown",
            Content::Quarter(_) => "text/csv",
            Content::Meeting(_) => "text/plain",
            Content::Large | Content::None => "application/octet-stream",
        }
    }

    /// The bytes of the file as seen through `source`, generated piece by piece (`None` for a
    /// folder).
    pub fn bytes(&self, source: Uuid) -> Option<FileBytes> {
        match self.content {
            Content::None => None,
            Content::Large => Some(FileBytes::generated(
                seed(source, self.path),
                LARGE_FILE_LEN,
            )),
            _ => Some(FileBytes::text(self.text(source))),
        }
    }

    fn text(&self, source: Uuid) -> String {
        let mut rng = Rng(seed(source, self.path));
        match self.content {
            Content::Readme => format!(
                "# Files of source {source}\n\nServed by the Airbyte Embedded sandbox. \
                 `reports/2025` holds one summary per quarter; `exports` holds a large \
                 export of {LARGE_FILE_LEN} bytes.\n"
            ),
            Content::Quarter(q) => {
                let mut csv = String::from("month,orders,revenue_cents\n");
                for m in 1..=3 {
                    let month = (q - 1) * 3 + m;
                    let orders = 100 + rng.next() % 900;
                    let revenue = orders * (1_000 + rng.next() % 9_000);
                    csv.push_str(&format!("2025-{month:02},{orders},{revenue}\n"));
                }
                csv
            }
            Content::Meeting(n) => format!(
                "Meeting {n:02}\nAttendees: {}\nAction items: {}\n",
                2 + rng.next() % 6,
                1 + rng.next() % 4
            ),
            Content::None | Content::Large => String::new(),
        }
    }
}

/// A seed from a source id and a path (FNV-1a over both).
fn seed(source: Uuid, path: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in source.as_bytes().iter().chain(path.as_bytes()) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h | 1
}

/// xorshift64*: the large file's bytes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// A file's bytes, produced [`CHUNK`] bytes at a time: the large file is never held whole.
pub struct FileBytes {
    source: Source,
    len: u64,
    sent: u64,
}

enum Source {
    Text(Vec<u8>),
    Generated(Rng),
}

impl FileBytes {
    fn text(text: String) -> FileBytes {
        FileBytes {
            len: text.len() as u64,
            source: Source::Text(text.into_bytes()),
            sent: 0,
        }
    }

    fn generated(seed: u64, len: u64) -> FileBytes {
        FileBytes {
            source: Source::Generated(Rng(seed)),
            len,
            sent: 0,
        }
    }

    /// The whole length in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many bytes are still to come.
    pub fn remaining(&self) -> u64 {
        self.len - self.sent
    }

    /// The next piece (at most [`CHUNK`] bytes), or `None` after the last.
    pub fn next_chunk(&mut self) -> Option<Vec<u8>> {
        let left = self.len - self.sent;
        if left == 0 {
            return None;
        }
        let n = usize::try_from(left.min(CHUNK as u64)).unwrap_or(CHUNK);
        let start = usize::try_from(self.sent).unwrap_or(usize::MAX);
        let chunk = match &mut self.source {
            Source::Text(bytes) => bytes[start..start + n].to_vec(),
            Source::Generated(rng) => {
                let mut chunk = Vec::with_capacity(n);
                while chunk.len() < n {
                    let word = rng.next().to_le_bytes();
                    let take = (n - chunk.len()).min(8);
                    chunk.extend_from_slice(&word[..take]);
                }
                chunk
            }
        };
        self.sent += n as u64;
        Some(chunk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_list_their_direct_children() {
        let names =
            |drive, path| -> Vec<&str> { children(drive, path).iter().map(|e| e.path).collect() };
        assert_eq!(names(MAIN_DRIVE, "/"), ["README.md", "reports", "exports"]);
        assert_eq!(names(MAIN_DRIVE, ""), names(MAIN_DRIVE, "/"));
        assert_eq!(names(MAIN_DRIVE, "reports/"), ["reports/2025"]);
        assert_eq!(names(MAIN_DRIVE, "reports/2025").len(), 4);
        assert_eq!(names(SHARED_DRIVE, "/"), ["Team Notes"]);
        assert!(is_folder(MAIN_DRIVE, "/") && is_folder(MAIN_DRIVE, "exports"));
        assert!(!is_folder(MAIN_DRIVE, "README.md") && !is_folder("other", "/"));
    }

    #[test]
    fn contents_depend_on_the_source_and_are_repeatable() {
        let read = |source: Uuid, path: &str| {
            let mut bytes = find(MAIN_DRIVE, path).unwrap().bytes(source).unwrap();
            let mut all = Vec::new();
            while let Some(chunk) = bytes.next_chunk() {
                assert!(chunk.len() <= CHUNK);
                all.extend(chunk);
            }
            all
        };
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let q1 = "reports/2025/q1 summary.csv";
        assert_eq!(read(a, q1), read(a, q1));
        assert_ne!(read(a, q1), read(b, q1));
        let large = find(MAIN_DRIVE, LARGE_FILE_PATH).unwrap();
        assert_eq!(large.len(a), Some(LARGE_FILE_LEN));
        let mut bytes = large.bytes(a).unwrap();
        let mut total = 0u64;
        while let Some(chunk) = bytes.next_chunk() {
            total += chunk.len() as u64;
        }
        assert_eq!(total, LARGE_FILE_LEN);
    }
}
