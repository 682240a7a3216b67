//! The redaction audit's search: texts collected from errors, `Debug` output and log records,
//! searched for tokens (every token the run saw, their signatures, anything JWT-shaped) and
//! secrets (client secrets, `airbyte_secret` values, passwords). Log records are searched
//! one by one and also reassembled: consecutive wire-dump records (16 bytes of hex a line)
//! are decoded back into the bytes they show, so a token split over lines is found whole.
#![allow(dead_code)]

/// Texts to search and what to search them for.
#[derive(Default)]
pub struct Audit {
    /// Every text collected, with where it came from.
    pub texts: Vec<(String, String)>,
    /// Exact tokens the run saw.
    pub tokens: Vec<String>,
    /// Exact secrets the run used.
    pub secrets: Vec<String>,
}

/// One log record as captured: level, target, message.
#[derive(Clone, Debug)]
pub struct LogLine {
    pub level: log::Level,
    pub target: String,
    pub message: String,
}

impl Audit {
    /// Adds `text`, found at `place`.
    pub fn text(&mut self, place: &str, text: impl Into<String>) {
        self.texts.push((place.to_owned(), text.into()));
    }

    /// Adds an error's `Display` and `Debug` text.
    pub fn error(&mut self, place: &str, e: &impl std::fmt::Debug) {
        self.text(place, format!("{e:?}"));
    }

    /// Adds every log record, and the wire dumps among them reassembled.
    pub fn logs(&mut self, place: &str, lines: &[LogLine]) {
        for l in lines {
            self.text(place, format!("{} {} {}", l.level, l.target, l.message));
        }
        for (i, dump) in reassemble(lines).into_iter().enumerate() {
            self.text(&format!("{place} (wire dump {i}, reassembled)"), dump);
        }
        // And everything joined, in case a secret spans records of another shape.
        let joined: String = lines.iter().map(|l| l.message.as_str()).collect();
        self.text(&format!("{place} (all records joined)"), joined);
    }

    /// Every leak found: `(place, kind, first 6 characters of what leaked)`.
    pub fn leaks(&self) -> Vec<(String, &'static str, String)> {
        let mut tokens: Vec<String> = Vec::new();
        for t in &self.tokens {
            tokens.push(t.clone());
            if let Some(sig) = t.rsplit('.').next().filter(|s| s.len() >= 16 && *s != t) {
                tokens.push(sig.to_owned());
            }
        }
        let mut out = Vec::new();
        for (place, text) in &self.texts {
            for t in &tokens {
                if text.contains(t.as_str()) {
                    out.push((place.clone(), "token", short(t)));
                }
            }
            if let Some(shape) = jwt_shaped(text) {
                out.push((place.clone(), "token", short(&shape)));
            }
            for s in &self.secrets {
                if text.contains(s.as_str()) {
                    out.push((place.clone(), "secret", short(s)));
                }
            }
        }
        out
    }

    /// Prints `redaction: N texts searched, T tokens, S secrets` and fails on any leak.
    pub fn report(&self) {
        let leaks = self.leaks();
        let tokens = leaks.iter().filter(|l| l.1 == "token").count();
        let secrets = leaks.len() - tokens;
        println!(
            "redaction: {} texts searched, {tokens} tokens, {secrets} secrets",
            self.texts.len()
        );
        assert!(
            leaks.is_empty(),
            "{} leaks:\n{}",
            leaks.len(),
            leaks
                .iter()
                .take(20)
                .map(|(p, k, s)| format!("{k} `{s}…` in {p}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

fn short(s: &str) -> String {
    s.chars().take(6).collect()
}

fn b64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The first JWT-shaped string in `text`: `eyJ` and two more `.`-separated base64url parts
/// of 6+ characters, or three parts of 16+ characters each.
pub fn jwt_shaped(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !b64url(chars[i]) || (i > 0 && b64url(chars[i - 1])) {
            i += 1;
            continue;
        }
        let mut parts = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && b64url(chars[j]) {
                j += 1;
            }
            parts.push(chars[start..j].iter().collect::<String>());
            if j + 1 < chars.len() && chars[j] == '.' && b64url(chars[j + 1]) {
                j += 1;
            } else {
                break;
            }
        }
        for w in parts.windows(3) {
            let jwt = w[0].starts_with("eyJ") && w.iter().all(|p| p.len() >= 6);
            let long = w.iter().all(|p| p.len() >= 16);
            if jwt || long {
                return Some(w.join("."));
            }
        }
        i = j.max(i + 1);
    }
    None
}

/// The bytes of each run of consecutive wire-dump records (`ureq_proto` at `TRACE`: 16 bytes
/// as hex in 8 groups of 4, `--` for padding, then the bytes as text), decoded as text.
pub fn reassemble(lines: &[LogLine]) -> Vec<String> {
    let mut dumps = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    for l in lines {
        match dump_bytes(l) {
            Some(bytes) => current.extend(bytes),
            None if !current.is_empty() => {
                dumps.push(String::from_utf8_lossy(&current).into_owned());
                current.clear();
            }
            None => {}
        }
    }
    if !current.is_empty() {
        dumps.push(String::from_utf8_lossy(&current).into_owned());
    }
    dumps
}

fn dump_bytes(l: &LogLine) -> Option<Vec<u8>> {
    if l.level != log::Level::Trace || !l.target.starts_with("ureq_proto") {
        return None;
    }
    let groups: Vec<&str> = l.message.split(' ').take(8).collect();
    if groups.len() < 8 || groups.iter().any(|g| g.len() != 4) {
        return None;
    }
    let mut out = Vec::new();
    for g in groups {
        for pair in [&g[..2], &g[2..]] {
            if pair == "--" {
                continue;
            }
            out.push(u8::from_str_radix(pair, 16).ok()?);
        }
    }
    Some(out)
}
