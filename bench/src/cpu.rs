//! The calling thread's CPU time, from the scheduler's own accounting (Linux only).

/// CPU time this thread has run (user + system), from the scheduler's own accounting
/// (nanosecond resolution; Linux only).
pub(crate) fn thread_cpu_ns() -> Option<u64> {
    parse_schedstat(&std::fs::read_to_string("/proc/thread-self/schedstat").ok()?)
}

fn parse_schedstat(text: &str) -> Option<u64> {
    text.split_whitespace().next()?.parse().ok()
}

/// [`thread_cpu_ns`] cheap enough to read around every call: the file stays open and each read
/// is one `pread`. Must be used on the thread that opened it.
pub(crate) struct ThreadCpuClock {
    file: std::fs::File,
    buf: [u8; 128],
}

impl ThreadCpuClock {
    pub(crate) fn open() -> Option<ThreadCpuClock> {
        let file = std::fs::File::open("/proc/thread-self/schedstat").ok()?;
        let mut clock = ThreadCpuClock {
            file,
            buf: [0; 128],
        };
        clock.now_ns().map(|_| clock)
    }

    pub(crate) fn now_ns(&mut self) -> Option<u64> {
        use std::os::unix::fs::FileExt;
        let n = self.file.read_at(&mut self.buf, 0).ok()?;
        parse_schedstat(std::str::from_utf8(&self.buf[..n]).ok()?)
    }
}
