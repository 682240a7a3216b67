//! Keeping secrets out of text: the one redactor every body snippet, service message and
//! quoted argument passes through before it is kept in an [`crate::Error`] or a log record,
//! and the `Debug` helper for request bodies that may hold secrets.
//!
//! [`scrub`] removes, from any text:
//! - JWT-shaped strings (`.`-separated base64url runs holding an `eyJ…` part, with or
//!   without the others, or three consecutive parts of 8 or more mixed-case characters
//!   each), whole or cut short;
//! - the values of secret-named keys (`access_token`, `refresh_token`, `id_token`, `token`,
//!   `client_secret`, `password`, `secret`, `api_key`, `private_key`, `authorization`, …),
//!   as JSON (`"token": "…"`, even when the text ends inside the value) or as `key=value`;
//! - the word after `Bearer`;
//! - every string the caller names as known (for example the values of the request's
//!   connector config, which may hold `airbyte_secret` fields).
//!
//! [`quote`] shows an argument in an error: at most [`QUOTE_LIMIT`] characters, control
//! characters escaped, the user-info part of any URL removed, then [`scrub`]bed.
//!
//! ```
//! use airbyte_embedded::redact;
//!
//! let body = r#"{"access_token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlc2lnbmF0dXJl"#;
//! let shown = redact::scrub(body);
//! assert!(!shown.contains("eyJ"));
//! assert_eq!(redact::quote("https://user:pw@api.example.com/x"), "`https://api.example.com/x`");
//! ```

use serde_json::{Map, Value};

/// What replaces each removed secret.
pub const REDACTED: &str = "[REDACTED]";

/// The most characters of an argument [`quote`] shows.
pub const QUOTE_LIMIT: usize = 200;

/// The longest text kept in one error field, in bytes; longer text is cut on a character
/// boundary and ends with `… (N bytes in all)`.
pub const TEXT_LIMIT: usize = 4096;

/// Key names (compared case-insensitively, `-` read as `_`) whose values are secrets wherever
/// they appear.
const SECRET_KEYS: &[&str] = &[
    "access_token",
    "refresh_token",
    "id_token",
    "token",
    "client_secret",
    "secret",
    "password",
    "passwd",
    "api_key",
    "apikey",
    "api_token",
    "private_key",
    "secret_key",
    "secret_access_key",
    "authorization",
    "credentials",
    "server_side_oauth_secret_id",
];

/// Keys whose object values are connector configs: every string inside is treated as a
/// possible `airbyte_secret` value by [`known_secrets`]. Also the API proxy's `headers` and
/// `body` (`POST /sonar/apis/{source_id}/request`), which carry the upstream's secrets.
const CONFIG_KEYS: &[&str] = &[
    "source_config",
    "configuration",
    "config",
    "partial_default_config",
    "user_config",
    "destination_config",
    "replication_config",
    "environment",
    "headers",
    "body",
];

/// A known secret shorter than this is not searched for (it would redact ordinary words).
const MIN_KNOWN_LEN: usize = 4;

/// The shortest part of a `.`-separated base64url run counted as JWT-shaped.
const JWT_PART_MIN: usize = 8;

/// `text` with every JWT-shaped string, secret-keyed value and `Bearer` credential replaced
/// by [`REDACTED`].
pub fn scrub(text: &str) -> String {
    scrub_known(text, &[])
}

/// [`scrub`], also replacing each string of `known` (of 4 or more bytes) wherever it occurs.
pub fn scrub_known(text: &str, known: &[&str]) -> String {
    let mut out = text.to_owned();
    let mut known: Vec<&str> = known
        .iter()
        .copied()
        .filter(|k| k.len() >= MIN_KNOWN_LEN)
        .collect();
    // Longest first, so a secret that contains another is removed whole.
    known.sort_by_key(|k| std::cmp::Reverse(k.len()));
    for k in known {
        if out.contains(k) {
            out = out.replace(k, REDACTED);
        }
    }
    let out = redact_keyed_values(&out);
    let out = redact_bearer(&out);
    redact_jwt_shaped(&out)
}

/// An argument as an error shows it: in backticks, at most [`QUOTE_LIMIT`] characters (then
/// `…` and the full length), control characters escaped, without the user-info part of any
/// URL, and [`scrub`]bed.
pub fn quote(value: &str) -> String {
    let without_userinfo = strip_userinfo(value);
    let mut shown: String = without_userinfo
        .chars()
        .take(QUOTE_LIMIT)
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect();
    let count = without_userinfo.chars().count();
    if count > QUOTE_LIMIT {
        shown.push_str(&format!("… ({count} characters in all)"));
    }
    format!("`{}`", scrub(&shown))
}

/// At most [`TEXT_LIMIT`] bytes of `text`, cut on a character boundary.
pub fn bound(text: &str) -> String {
    if text.len() <= TEXT_LIMIT {
        return text.to_owned();
    }
    let mut end = TEXT_LIMIT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &text[..end], text.len())
}

/// [`scrub`] of [`bound`], bounded again (scrubbing can lengthen a text): what every error
/// text from outside the SDK goes through.
pub fn clean(text: &str) -> String {
    clean_known(text, &[])
}

/// [`clean`], also removing each string of `known` as [`scrub_known`] does.
pub fn clean_known(text: &str, known: &[&str]) -> String {
    bound(&scrub_known(&bound(text), known))
}

/// The strings of a JSON request body that must never be echoed back in an error: the values
/// of secret-named keys anywhere, and every string inside a connector config (which may hold
/// `airbyte_secret` fields the SDK cannot tell apart without the spec). Empty for a body that
/// is not JSON.
pub(crate) fn known_secrets(body: &[u8]) -> Vec<String> {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    collect_secrets(&value, false, &mut out, 0);
    out
}

fn collect_secrets(value: &Value, all: bool, out: &mut Vec<String>, depth: usize) {
    if depth > 64 {
        return;
    }
    match value {
        Value::String(s) if all => out.push(s.clone()),
        Value::Array(items) => {
            for item in items {
                collect_secrets(item, all, out, depth + 1);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let key = normalise_key(k);
                let secret = all
                    || SECRET_KEYS.contains(&key.as_str())
                    || CONFIG_KEYS.contains(&key.as_str());
                collect_secrets(v, secret, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn normalise_key(k: &str) -> String {
    k.to_ascii_lowercase().replace('-', "_")
}

/// Replaces `"key": "value` (to the closing quote or the end of the text) and `key=value`
/// (to `&`, whitespace, `,`, `;` or the end) for every secret-named key.
fn redact_keyed_values(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let Some((key_end, quoted)) = key_at(bytes, i) else {
            i += 1;
            continue;
        };
        let key = &text[i..key_end];
        let key = key.trim_matches(|c| c == '"' || c == '\'' || c == '\\');
        if !SECRET_KEYS.contains(&normalise_key(key).as_str()) {
            i = key_end;
            continue;
        }
        let Some((value_start, value_end)) = value_after(bytes, key_end, quoted) else {
            i = key_end;
            continue;
        };
        if value_end > value_start {
            out.push_str(&text[copied..value_start]);
            out.push_str(REDACTED);
            copied = value_end;
        }
        i = value_end.max(key_end);
    }
    out.push_str(&text[copied..]);
    out
}

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// A key starting at `i`: `"name"` (quoted) or a bare word at a word start. Returns where it
/// ends and whether it was quoted.
fn key_at(bytes: &[u8], i: usize) -> Option<(usize, bool)> {
    if bytes[i] == b'"' || bytes[i] == b'\'' {
        let q = bytes[i];
        let mut j = i + 1;
        while j < bytes.len() && is_key_byte(bytes[j]) {
            j += 1;
        }
        if j == i + 1 {
            return None;
        }
        // `"key"`, or `\"key\"` inside JSON that was itself quoted as a string.
        return match (bytes.get(j), bytes.get(j + 1)) {
            (Some(&c), _) if c == q => Some((j + 1, true)),
            (Some(b'\\'), Some(&c)) if c == q => Some((j + 2, true)),
            _ => None,
        };
    }
    if !is_key_byte(bytes[i]) || (i > 0 && is_key_byte(bytes[i - 1])) {
        return None;
    }
    let mut j = i;
    while j < bytes.len() && is_key_byte(bytes[j]) {
        j += 1;
    }
    Some((j, false))
}

/// The span of the value after a key ending at `at`: after `:` or `=` (and spaces), either a
/// quoted string (to its unescaped closing quote or the end of the text) or a bare word.
fn value_after(bytes: &[u8], at: usize, quoted_key: bool) -> Option<(usize, usize)> {
    let mut j = at;
    while j < bytes.len() && bytes[j] == b' ' {
        j += 1;
    }
    let sep = *bytes.get(j)?;
    if sep != b':' && sep != b'=' {
        return None;
    }
    // `"key": value` and `key=value`; a bare `key:` is prose ("invalid token: expired").
    if (sep == b'=') == quoted_key {
        return None;
    }
    j += 1;
    while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\\') {
        j += 1;
    }
    match bytes.get(j) {
        Some(&q @ (b'"' | b'\'')) => {
            // A value opened by `\"` (JSON quoted inside a string) is closed by `\"`.
            let escaped = bytes[j - 1] == b'\\';
            let start = j + 1;
            let mut k = start;
            while k < bytes.len() {
                if bytes[k] == b'\\' {
                    if escaped && bytes.get(k + 1) == Some(&q) {
                        break;
                    }
                    k += 2;
                    continue;
                }
                if bytes[k] == q {
                    break;
                }
                k += 1;
            }
            Some((start, k.min(bytes.len())))
        }
        Some(_) => {
            let start = j;
            let mut k = start;
            while k < bytes.len()
                && !matches!(bytes[k], b'&' | b',' | b';' | b'}' | b']' | b'"' | b'\'')
                && !bytes[k].is_ascii_whitespace()
            {
                k += 1;
            }
            // `"expires_in": 300` is no secret, but `"token": 123` would not be either:
            // only text values are replaced.
            let word = &bytes[start..k];
            let numeric =
                word.iter().all(u8::is_ascii_digit) || matches!(word, b"null" | b"true" | b"false");
            if numeric || bytes.get(start) == Some(&b'{') || bytes.get(start) == Some(&b'[') {
                None
            } else {
                Some((start, k))
            }
        }
        None => None,
    }
}

/// Replaces the credential after each `Bearer ` (case-insensitive).
fn redact_bearer(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    if !lower.contains("bearer") {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut search = 0;
    while let Some(found) = lower[search..].find("bearer") {
        let word = search + found + "bearer".len();
        let mut start = word;
        while start < bytes.len() && bytes[start] == b' ' {
            start += 1;
        }
        let mut end = start;
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() && bytes[end] != b'"' {
            end += 1;
        }
        if start > word && end > start && &text[start..end] != REDACTED {
            out.push_str(&text[copied..start]);
            out.push_str(REDACTED);
            copied = end;
        }
        search = end.max(word);
    }
    out.push_str(&text[copied..]);
    out
}

fn is_b64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Replaces every run of `.`-separated base64url parts (standard base64's `+/=` count too,
/// so a widget token's base64 is caught whole) in which a part starts with `eyJ` (a base64
/// JSON object: a JWT header, or a widget token) and is at least 10 characters long, or any
/// three consecutive parts look random ([`random_part`]): the whole run goes.
fn redact_jwt_shaped(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !is_b64url(bytes[i]) || (i > 0 && is_b64url(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let mut parts: Vec<&str> = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < bytes.len() && (is_b64url(bytes[j]) || matches!(bytes[j], b'+' | b'/')) {
                j += 1;
            }
            while j < bytes.len() && bytes[j] == b'=' {
                j += 1;
            }
            parts.push(&text[start..j]);
            if j + 1 < bytes.len() && bytes[j] == b'.' && is_b64url(bytes[j + 1]) {
                j += 1;
            } else {
                break;
            }
        }
        let json_object = parts.iter().any(|p| {
            p.split(['/', '+'])
                .any(|piece| piece.starts_with("eyJ") && piece.len() >= 10)
        });
        // `/` and `+` end a part for this test: `path/<header>.<payload>.<signature>`.
        let random = parts.windows(3).any(|w| {
            let first = w[0].rsplit(['/', '+']).next().unwrap_or(w[0]);
            let last = w[2].split(['/', '+']).next().unwrap_or(w[2]);
            random_part(first) && random_part(w[1]) && random_part(last.trim_end_matches('='))
        });
        if json_object || random {
            out.push_str(&text[copied..i]);
            out.push_str(REDACTED);
            copied = j;
        }
        i = j;
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether `part` looks like base64url of random bytes: at least [`JWT_PART_MIN`]
/// characters of the URL-safe alphabet mixing upper and lower case (so
/// `source_config.ssl_mode.ca_certificate` and host names do not).
fn random_part(part: &str) -> bool {
    part.len() >= JWT_PART_MIN
        && part.bytes().all(is_b64url)
        && part.bytes().any(|b| b.is_ascii_uppercase())
        && part.bytes().any(|b| b.is_ascii_lowercase())
}

/// `text` with the `user:password@` part of every `scheme://` URL removed.
fn strip_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let authority_start = at + 3;
        out.push_str(&rest[..authority_start]);
        let after = &rest[authority_start..];
        let authority_end = after.find(['/', '?', '#', ' ']).unwrap_or(after.len());
        let authority = &after[..authority_end];
        match authority.rfind('@') {
            Some(userinfo_end) => out.push_str(&authority[userinfo_end + 1..]),
            None => out.push_str(authority),
        }
        rest = &after[authority_end..];
    }
    out.push_str(rest);
    out
}

/// `Debug` of a config with its keys and none of its values, at every depth
/// (`{"host": [REDACTED], "tunnel": {"ssh_key": [REDACTED]}, "hosts": [[REDACTED]]}`): configs
/// are printed without knowing which fields the connector spec marks `airbyte_secret`.
pub struct KeysOnly<'a>(pub &'a Map<String, Value>);

impl std::fmt::Debug for KeysOnly<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if crate::unparsed::is_unparsed(self.0) {
            return f.write_str("[REDACTED: not JSON object text]");
        }
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, ValueKeysOnly(v))))
            .finish()
    }
}

/// `Debug` of any JSON value as [`KeysOnly`] prints a config: objects with their keys,
/// arrays with their items, every scalar as [`REDACTED`].
pub struct ValueKeysOnly<'a>(pub &'a Value);

impl std::fmt::Debug for ValueKeysOnly<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Value::Object(map) => KeysOnly(map).fmt(f),
            Value::Array(items) => f
                .debug_list()
                .entries(items.iter().map(ValueKeysOnly))
                .finish(),
            _ => f.write_str(REDACTED),
        }
    }
}

/// Implements `Debug` for a model that holds configs, each field printed as is (`shown`),
/// as [`KeysOnly`] (`config`: a `Map`), as optional keys only (`config_opt`), as
/// [`ValueKeysOnly`] (`value`: any JSON value) or as `[REDACTED]` (`secret_opt`), and
/// `Display` as the same text. Every field must be listed: the model is
/// destructured, so a field added later fails to compile until it is listed here too.
macro_rules! keys_only_debug {
    ($ty:ident { $($field:ident: $how:ident),+ $(,)? }) => {
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let $ty { $($field),+ } = self;
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($field), &$crate::redact::print::$how($field)))+
                    .finish()
            }
        }
        $crate::redact::display_via_debug!($ty);
    };
}
pub(crate) use keys_only_debug;

/// Implements `Display` as the type's (keys-only) `Debug` text: the foreign languages' string
/// forms (Python `str()`, Kotlin `toString()`, Swift `description`) print it.
macro_rules! display_via_debug {
    ($($ty:ident),+ $(,)?) => {
        $(
            impl ::std::fmt::Display for $ty {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    ::std::fmt::Debug::fmt(self, f)
                }
            }
        )+
    };
}
pub(crate) use display_via_debug;

/// How [`keys_only_debug!`] prints each kind of field.
pub(crate) mod print {
    use serde_json::{Map, Value};

    use super::KeysOnly;

    /// A field printed as is.
    pub(crate) fn shown<T: std::fmt::Debug>(value: &T) -> &T {
        value
    }

    /// A config, keys only.
    pub(crate) fn config(value: &Map<String, Value>) -> KeysOnly<'_> {
        KeysOnly(value)
    }

    /// An optional config, keys only.
    pub(crate) fn config_opt(value: &Option<Map<String, Value>>) -> Option<KeysOnly<'_>> {
        value.as_ref().map(KeysOnly)
    }

    /// Any JSON value, keys only (see [`super::ValueKeysOnly`]).
    pub(crate) fn value(value: &Value) -> super::ValueKeysOnly<'_> {
        super::ValueKeysOnly(value)
    }

    /// An optional secret, `[REDACTED]` when present.
    pub(crate) fn secret_opt(value: &Option<String>) -> Option<&'static str> {
        value.as_ref().map(|_| super::REDACTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcGVyYXRvciIsImV4cCI6MTc2MDAwMDAwMH0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    #[test]
    fn jwts_are_removed_whole_and_cut_short() {
        for cut in 3..JWT.len() {
            let text = format!("not JSON: {}", &JWT[..cut]);
            let shown = scrub(&text);
            if cut >= 10 {
                assert!(!shown.contains("eyJ"), "{cut}: {shown}");
            }
            assert!(!shown.contains(&JWT[..cut.max(20).min(JWT.len())]), "{cut}");
        }
        assert_eq!(scrub(&format!("x {JWT} y")), "x [REDACTED] y");
    }

    #[test]
    fn a_token_inside_a_longer_run_is_found() {
        // Found by the `token_response` fuzz target: three random parts followed by a short
        // one, and a JWT header glued to other text.
        let text = "bad token eyKhbGciOiJIUzI0NiIsInR5W1gIUzI1NCI6IkpXVCJ9.iIsInR5cCI6IkpXVCJ9.fieeyJztWIiOiJvcGV.Y_wW!x";
        assert_eq!(scrub(text), "bad token [REDACTED]!x");
        assert_eq!(scrub("a.b/eyJhbGciOiJIUz.x"), "[REDACTED]");
        assert_eq!(scrub("path/eyJhbGciOiJIUz"), "[REDACTED]");
        assert_eq!(
            scrub("x/abcdefghiJ.klmnopqrsT.uvwxyzABCD/y z"),
            "[REDACTED] z"
        );
    }

    #[test]
    fn three_long_base64url_parts_are_jwt_shaped_but_hosts_are_not() {
        assert_eq!(
            scrub("tok abcdefghiJ.klmnopqrsT.uvwxyzABCD end"),
            "tok [REDACTED] end"
        );
        for kept in [
            "https://api.airbyte.ai/api/v1/embedded/sources",
            "airbyte_embedded.http.mod",
            "version 1.2.3",
            "see connection_templates.rs",
            "body.source_config.ssl_mode.ca_certificate",
        ] {
            assert_eq!(scrub(kept), kept);
        }
    }

    #[test]
    fn secret_keyed_values_are_removed_in_json_and_forms() {
        let cases = [
            (
                r#"{"access_token": "opaque-123", "expires_in": 900}"#,
                r#"{"access_token": "[REDACTED]", "expires_in": 900}"#,
            ),
            (r#"{"token":"abcd"#, r#"{"token":"[REDACTED]"#),
            (
                r#"{"client_id":"id","client_secret":"s3cr3t!"}"#,
                r#"{"client_id":"id","client_secret":"[REDACTED]"}"#,
            ),
            (
                "grant=x&client_secret=hunter22&z=1",
                "grant=x&client_secret=[REDACTED]&z=1",
            ),
            (
                r#"input: {\"password\": \"pw-value\"}"#,
                r#"input: {\"password\": \"[REDACTED]\"}"#,
            ),
            (r#"{"Token": "X-Y-Z"}"#, r#"{"Token": "[REDACTED]"}"#),
            (r#"{"token": null}"#, r#"{"token": null}"#),
            ("the token was rejected", "the token was rejected"),
        ];
        for (text, shown) in cases {
            assert_eq!(scrub(text), shown, "{text}");
        }
    }

    #[test]
    fn bearer_credentials_and_known_strings_are_removed() {
        assert_eq!(
            scrub("Authorization: Bearer opaque.token"),
            "Authorization: Bearer [REDACTED]"
        );
        assert_eq!(
            scrub("got bearer  abc123 here"),
            "got bearer  [REDACTED] here"
        );
        assert_eq!(
            scrub_known("echo: my-db-password and pw", &["my-db-password", "pw"]),
            "echo: [REDACTED] and pw"
        );
    }

    #[test]
    fn quote_bounds_escapes_and_drops_user_info() {
        assert_eq!(
            quote("https://admin:hunter2@api.example.com:8443/api/v1"),
            "`https://api.example.com:8443/api/v1`"
        );
        assert_eq!(quote("a\nb\u{0}"), "`a\\nb\\u{0}`");
        let long = "x".repeat(8 * 1024 * 1024);
        let q = quote(&long);
        assert!(q.len() < QUOTE_LIMIT + 64, "{}", q.len());
        assert!(q.ends_with("(8388608 characters in all)`"), "{q}");
    }

    #[test]
    fn keys_only_shows_every_key_and_no_value() {
        let config = serde_json::json!({"host": "db", "tunnel": {"ssh_key": "k"}, "hosts": [{"t": "x"}, "y"]});
        let shown = format!("{:?}", KeysOnly(config.as_object().unwrap()));
        assert_eq!(
            shown,
            r#"{"host": [REDACTED], "tunnel": {"ssh_key": [REDACTED]}, "hosts": [{"t": [REDACTED]}, [REDACTED]]}"#
        );
    }

    #[test]
    fn bound_cuts_on_a_character_boundary() {
        let text = "é".repeat(TEXT_LIMIT);
        let b = bound(&text);
        assert!(b.len() < TEXT_LIMIT + 40);
        assert!(b.ends_with(&format!("({} bytes in all)", text.len())));
        assert_eq!(bound("short"), "short");
    }

    #[test]
    fn known_secrets_come_from_secret_keys_and_configs() {
        let body = br#"{"name": "pg", "client_secret": "cs-1", "source_config": {"host": "db", "creds": {"pw": "p4ss"}, "ports": ["5432"]}}"#;
        let mut found = known_secrets(body);
        found.sort();
        assert_eq!(found, ["5432", "cs-1", "db", "p4ss"]);
        assert!(known_secrets(b"not json").is_empty());
    }

    #[test]
    fn models_holding_configs_print_keys_only() {
        use crate::integrations::{ConnectionTemplate, ConnectionTemplateCreate, SourceTemplate};
        use crate::sources::{Source, SourceCreate};
        let config = serde_json::json!({"host": "db", "password": "hunter2",
            "tunnel": {"ssh_key": "hunter2", "port": 22}, "hosts": [{"token": "hunter2"}, "hunter2"]});
        let object = config.as_object().cloned().unwrap();
        let source: Source =
            serde_json::from_value(serde_json::json!({"id": "s1", "source_config": config}))
                .unwrap();
        let template: SourceTemplate = serde_json::from_value(
            serde_json::json!({"id": "t1", "partial_default_config": config}),
        )
        .unwrap();
        let connection: ConnectionTemplate =
            serde_json::from_value(serde_json::json!({"id": "c1", "destination_config": config}))
                .unwrap();
        let create = SourceCreate::new("ws-1", "tpl-1", object.clone());
        let connection_create = ConnectionTemplateCreate {
            destination_config: Some(object),
            ..Default::default()
        };
        let texts = [
            format!("{source:?}"),
            format!("{source}"),
            format!("{template:#?}"),
            format!("{template}"),
            format!("{connection:?}"),
            format!("{connection}"),
            format!("{create}"),
            format!("{connection_create}"),
        ];
        for text in &texts {
            assert!(
                !text.contains("hunter2") && !text.contains("\"db\""),
                "{text}"
            );
            assert!(text.contains("\"ssh_key\": [REDACTED]"), "{text}");
        }
        assert!(
            texts[0].starts_with("Source { id: \"s1\", name: None"),
            "{}",
            texts[0]
        );
        assert_eq!(texts[0], texts[1], "Display is Debug");
    }
}
