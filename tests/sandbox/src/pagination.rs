//! Opaque cursors and absolute `next` links for `GET /workspaces`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

use crate::errors::{ApiError, ErrorItem};

/// A cursor naming the last item of a page: its creation sequence number and id.
pub(crate) fn encode_cursor(seq: u64, id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(format!("ws:{seq}:{id}"))
}

/// Reads a cursor made by [`encode_cursor`]; `None` for anything else.
pub(crate) fn decode_cursor(cursor: &str) -> Option<(u64, Uuid)> {
    let raw = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let text = String::from_utf8(raw).ok()?;
    let rest = text.strip_prefix("ws:")?;
    let (seq, id) = rest.split_once(':')?;
    Some((seq.parse().ok()?, Uuid::parse_str(id).ok()?))
}

/// The sequence number a page starts after: 0 without a cursor, the cursor's otherwise.
///
/// # Errors
/// 400 `Invalid cursor` for a cursor that is malformed or names an item after `last_seq`
/// (the newest sequence number handed out).
pub(crate) fn cursor_after(cursor: Option<&str>, last_seq: u64) -> Result<u64, ApiError> {
    match cursor {
        None => Ok(0),
        Some(cursor) => decode_cursor(cursor)
            .filter(|(seq, _)| *seq <= last_seq)
            .map(|(seq, _)| seq)
            .ok_or_else(|| {
                ApiError::bad_request(
                    "Invalid cursor",
                    ErrorItem::new("cursor", "unknown or malformed cursor", "invalid_cursor"),
                )
            }),
    }
}

/// `base_url + path + "?" + params` with the values form-encoded, skipping `None` values.
pub(crate) fn absolute_url(
    base_url: &str,
    path: &str,
    params: &[(&str, Option<String>)],
) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (key, value) in params {
        if let Some(value) = value {
            query.append_pair(key, value);
        }
    }
    let query = query.finish();
    if query.is_empty() {
        format!("{base_url}{path}")
    } else {
        format!("{base_url}{path}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        let id = Uuid::new_v4();
        let c = encode_cursor(17, id);
        assert!(
            c.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(decode_cursor(&c), Some((17, id)));
    }

    #[test]
    fn garbage_cursors_are_refused() {
        for bad in [
            "",
            "!!!",
            "d3M6eA",
            &URL_SAFE_NO_PAD.encode("ws:1:not-a-uuid"),
        ] {
            assert_eq!(decode_cursor(bad), None, "{bad}");
        }
    }

    #[test]
    fn next_links_keep_filters() {
        let url = absolute_url(
            "http://127.0.0.1:1/api/v1",
            "/workspaces",
            &[
                ("name_contains", Some("a b&c".to_owned())),
                ("status", None),
                ("limit", Some("20".to_owned())),
                ("cursor", Some("abc".to_owned())),
            ],
        );
        assert_eq!(
            url,
            "http://127.0.0.1:1/api/v1/workspaces?name_contains=a+b%26c&limit=20&cursor=abc"
        );
    }
}
