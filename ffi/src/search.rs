//! Source search (operator): `POST /integrations/sources/{id}/search/{stream_name}`.

use std::ffi::c_char;

use airbyte_embedded::integrations::SearchRequest;
use serde_json::{Map, Value};

use crate::json::json_arg;
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::str_arg;

/// Searches stream `stream_name` of source `source_id`'s synced records.
/// `POST /integrations/sources/{id}/search/{stream_name}` with `{"query": {"where":
/// condition}}`. Replay-safe (a search changes nothing): retried as a GET is.
///
/// `condition_json` is one condition, a single-key object: `{"eq": {"field": value}}` (also
/// `neq`, `gt`, `gte`, `lt`, `lte`), `{"in": {"field": [values]}}`, `{"like": {"field":
/// "%pattern%"}}`, `{"fuzzy": {"field": "text"}}`, `{"semantic": {"field": "text"}}`, `{"not":
/// condition}`, `{"and": [conditions]}`, `{"or": [conditions]}`. The shapes of these are
/// checked before sending; another operator is passed on for the service to judge. On success
/// `*out_json` receives `{"hits": [{"id": string|null, "score": number|null, "data": {...}}],
/// "total": n, "took_ms": n|null}`, owned by the caller: free it with `airbyte_string_free`.
///
/// Errors: `AIRBYTE_STATUS_INVALID_JSON` (`condition_json` not a JSON object),
/// `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty `source_id` or `stream_name`, or a condition of
/// the wrong shape: the last error's `argument` is `condition` and its message says where;
/// nothing sent), `AIRBYTE_STATUS_NOT_FOUND` (no such source or stream),
/// `AIRBYTE_STATUS_VALIDATION` (a condition the service refuses), auth and transport errors.
///
/// # Safety
/// `client` is NULL or a live handle; `source_id`, `stream_name` and `condition_json` are NULL
/// or NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_sources_search(
    client: *const airbyte_operator_client,
    source_id: *const c_char,
    stream_name: *const c_char,
    condition_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, source_id, stream_name, condition) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(source_id, "source_id")?,
                str_arg(stream_name, "stream_name")?,
                json_arg::<Map<String, Value>>(condition_json, "condition_json")?,
            )
        };
        let request = SearchRequest::new(condition);
        out.json(
            &client
                .source_search()
                .search(source_id, stream_name, &request)?,
        )
    })
}
