//! The API proxy (operator): `POST /sonar/apis/{source_id}/request`.

use std::ffi::c_char;

use airbyte_embedded::proxy::ProxyRequest;

use crate::json::json_arg;
use crate::operator::{airbyte_operator_client, operator};
use crate::out::Out;
use crate::panic::call;
use crate::status::airbyte_status;
use crate::strings::str_arg;

/// Sends a request to the end user's API with source `source_id`'s stored credentials.
/// `POST /sonar/apis/{source_id}/request`.
///
/// `request_json` is `{"url", "method": "GET"|"POST"|"PUT"|"DELETE", "headers"?: {name:
/// value}, "body"?: string|null}`. The headers (and body) are never logged nor quoted in an
/// error message. On success `*out_json` receives `{"response_status_code": n,
/// "response_body": string|null}`, owned by the caller: free it with `airbyte_string_free`;
/// an upstream error (a 404 or 500 of the upstream API) is a success here, with that
/// `response_status_code`.
///
/// Retries: a proxied `GET` (or `HEAD`) is sent again after a failure a retry can fix; a
/// proxied `POST`, `PUT` or `DELETE` is not, and ends with `AIRBYTE_STATUS_OUTCOME_UNKNOWN`
/// when it may have reached the upstream (check there before sending it again).
///
/// Errors: `AIRBYTE_STATUS_INVALID_ARGUMENT` (an empty `source_id`, `url` or `method`; nothing
/// sent), `AIRBYTE_STATUS_NOT_FOUND` (no such source), `AIRBYTE_STATUS_VALIDATION` (a request
/// the service refuses), `AIRBYTE_STATUS_OUTCOME_UNKNOWN`, auth and transport errors.
///
/// # Safety
/// `client` is NULL or a live handle; `source_id` and `request_json` are NULL or
/// NUL-terminated strings; `out_json` is NULL or points to a writable `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn airbyte_operator_proxy_request(
    client: *const airbyte_operator_client,
    source_id: *const c_char,
    request_json: *const c_char,
    out_json: *mut *mut c_char,
) -> airbyte_status {
    call(|| {
        // SAFETY: the caller upholds this function's `# Safety` contract.
        let (out, client, source_id, request) = unsafe {
            (
                Out::new(out_json, "out_json")?,
                operator(client)?,
                str_arg(source_id, "source_id")?,
                json_arg::<ProxyRequest>(request_json, "request_json")?,
            )
        };
        out.json(&client.proxy().request(source_id, &request)?)
    })
}
