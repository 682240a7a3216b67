//! Files through a source (operator, SERVICE-FACTS §8): `/sonar/files/sources`, a source's
//! drives, folder listings (`continuation_token` + `limit` → `{items, next}`) and file
//! contents, streamed as they are generated (see [`crate::files`] for the tree).
//!
//! `{path}` is one path segment, as the documents declare it (an OpenAPI path parameter holds
//! no unescaped `/`): a nested path arrives with its slashes as `%2F`. A path sent with bare
//! slashes matches no route (404 `Not Found`).

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::auth::{Caller, Operator};
use crate::body::path_uuid;
use crate::clock;
use crate::errors::{ApiError, ApiResult, ErrorItem};
use crate::files::{self, Entry, FileBytes, Kind, MAIN_DRIVE};
use crate::query::QueryParams;
use crate::state::AppState;
use crate::store::{Store, source_definition};

const BASE: &str = "/sonar/files";
/// The page size when `limit` is absent (the documents' default).
const DEFAULT_LIMIT: usize = 100;

/// The file routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(&format!("{BASE}/sources"), get(sources))
        .route(&format!("{BASE}/{{source_id}}/drives"), get(drives))
        .route(
            &format!("{BASE}/{{source_id}}/list/{{path}}"),
            get(list_main),
        )
        .route(
            &format!("{BASE}/{{source_id}}/drives/{{drive_id}}/list/{{path}}"),
            get(list_drive),
        )
        .route(&format!("{BASE}/{{source_id}}/get/{{path}}"), get(get_main))
        .route(
            &format!("{BASE}/{{source_id}}/drives/{{drive_id}}/get/{{path}}"),
            get(get_drive),
        )
}

/// `GET /sonar/files/sources?workspace_id=` → `{sources: [{id, workspace_id, source_type}]}`:
/// every source of the workspace (each serves files in the sandbox), `source_type` the
/// connector's name (`faker`, `postgres`, ...).
async fn sources(
    State(app): State<AppState>,
    Operator(caller): Operator,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let workspace = QueryParams::parse(raw.as_deref()).workspace_id()?;
    let state = app.lock();
    let store = &state.store;
    store.workspace_for(&caller, workspace)?;
    let sources: Vec<Value> = store
        .sources
        .iter()
        .filter(|s| s.organization_id == caller.organization_id && s.workspace_id == workspace)
        .map(|s| {
            json!({
                "id": s.id,
                "workspace_id": s.workspace_id,
                "source_type": source_type(store, s.id),
            })
        })
        .collect();
    Ok(Json(json!({ "sources": sources })))
}

/// The connector name of source `id` (`airbyte/source-faker` → `faker`).
fn source_type(store: &Store, id: Uuid) -> String {
    let Some(source) = store.sources.iter().find(|s| s.id == id) else {
        return "unknown".to_owned();
    };
    let repository = source_definition(store.template_of(source)).docker_repository;
    repository
        .strip_prefix("airbyte/source-")
        .unwrap_or(repository)
        .to_owned()
}

/// The source `raw` names, visible to `caller`; 404 otherwise.
fn source(app: &AppState, caller: &Caller, raw: &str) -> Result<Uuid, ApiError> {
    let id = path_uuid(raw, "Source")?;
    let state = app.lock();
    let index = state.store.source_index(caller, id)?;
    Ok(state.store.sources[index].id)
}

/// The URL of `drive` of `source` (also the base of each entry's `source_url`).
fn drive_url(source: Uuid, drive: &str) -> String {
    format!("https://files.sandbox.airbyte.test/{source}/{drive}")
}

/// `GET /sonar/files/{source_id}/drives` → `{drives: [{id, name, url}]}`.
async fn drives(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path(source_id): Path<String>,
) -> ApiResult {
    let source = source(&app, &caller, &source_id)?;
    let drives: Vec<Value> = files::drives()
        .iter()
        .map(|(id, name)| json!({"id": id, "name": name, "url": drive_url(source, id)}))
        .collect();
    Ok(Json(json!({ "drives": drives })))
}

/// `GET /sonar/files/{source_id}/list/{path}`: the main drive.
async fn list_main(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path((source_id, path)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let source = source(&app, &caller, &source_id)?;
    list(source, MAIN_DRIVE, &path, raw.as_deref())
}

/// `GET /sonar/files/{source_id}/drives/{drive_id}/list/{path}`.
async fn list_drive(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path((source_id, drive, path)): Path<(String, String, String)>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let source = source(&app, &caller, &source_id)?;
    list(source, &drive, &path, raw.as_deref())
}

/// One page of the entries directly inside folder `path` of `drive`:
/// `{items: [{bytes, relative_path, modified, source_url, type}], next}`, `next` the opaque
/// continuation token of the following page or `null` on the last.
///
/// 404 for a drive, or a folder, that does not exist (a file is no folder); 422 for a `limit`
/// below 1 or not an integer; 400 for a continuation token the sandbox did not make.
fn list(source: Uuid, drive: &str, path: &str, raw: Option<&str>) -> ApiResult {
    let query = QueryParams::parse(raw);
    let limit = parse_limit(query.get("limit"))?;
    let offset = match query.get("continuation_token") {
        None => 0,
        Some(token) => decode_token(token).ok_or_else(|| {
            ApiError::bad_request(
                "Invalid continuation token",
                ErrorItem::new(
                    "continuation_token",
                    "unknown or malformed continuation token",
                    "invalid_continuation_token",
                ),
            )
        })?,
    };
    if files::entries(drive).is_none() {
        return Err(ApiError::not_found("Drive"));
    }
    if !files::is_folder(drive, path) {
        return Err(ApiError::not_found("Folder"));
    }
    let children = files::children(drive, path);
    let items: Vec<Value> = children
        .iter()
        .skip(offset)
        .take(limit)
        .map(|e| item_json(source, drive, e))
        .collect();
    let end = offset + items.len();
    let next = (end < children.len()).then(|| encode_token(end));
    Ok(Json(json!({"items": items, "next": next})))
}

/// One `FilesSourceListItem`.
fn item_json(source: Uuid, drive: &str, e: &Entry) -> Value {
    json!({
        "bytes": e.len(source),
        "relative_path": e.path,
        "modified": clock::iso8601(e.modified_unix()),
        "source_url": format!("{}/{}", drive_url(source, drive), url_path(e.path)),
        "type": match e.kind { Kind::File => "file", Kind::Folder => "folder" },
    })
}

/// `path` with each segment percent-encoded (spaces as `%20`), slashes kept.
fn url_path(path: &str) -> String {
    path.split('/')
        .map(|s| {
            s.bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn parse_limit(raw: Option<&str>) -> Result<usize, ApiError> {
    let Some(raw) = raw else {
        return Ok(DEFAULT_LIMIT);
    };
    let n: i64 = raw.parse().map_err(|_| {
        ApiError::invalid(
            &["query", "limit"],
            "value is not a valid integer",
            "type_error.integer",
        )
    })?;
    if n < 1 {
        return Err(ApiError::invalid(
            &["query", "limit"],
            "ensure this value is greater than or equal to 1",
            "value_error.number.not_ge",
        ));
    }
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

fn encode_token(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("files:{offset}"))
}

fn decode_token(token: &str) -> Option<usize> {
    let raw = URL_SAFE_NO_PAD.decode(token).ok()?;
    String::from_utf8(raw)
        .ok()?
        .strip_prefix("files:")?
        .parse()
        .ok()
}

/// `GET /sonar/files/{source_id}/get/{path}`: a file of the main drive.
async fn get_main(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path((source_id, path)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let source = source(&app, &caller, &source_id)?;
    content(source, MAIN_DRIVE, &path)
}

/// `GET /sonar/files/{source_id}/drives/{drive_id}/get/{path}`.
async fn get_drive(
    State(app): State<AppState>,
    Operator(caller): Operator,
    Path((source_id, drive, path)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    let source = source(&app, &caller, &source_id)?;
    content(source, &drive, &path)
}

/// The file at `path` of `drive`, streamed [`files::CHUNK`] bytes at a time with its
/// `Content-Length` and media type; 404 for a drive or file that does not exist (a folder is
/// no file).
fn content(source: Uuid, drive: &str, path: &str) -> Result<Response, ApiError> {
    if files::entries(drive).is_none() {
        return Err(ApiError::not_found("Drive"));
    }
    let entry = files::find(drive, path)
        .filter(|e| e.kind == Kind::File)
        .ok_or_else(|| ApiError::not_found("File"))?;
    let bytes = entry
        .bytes(source)
        .ok_or_else(|| ApiError::not_found("File"))?;
    let len = bytes.len();
    let mut response = Body::new(Streamed(bytes)).into_response();
    *response.status_mut() = StatusCode::OK;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(entry.media_type()));
    headers.insert(CONTENT_LENGTH, HeaderValue::from(len));
    Ok(response)
}

/// A file's bytes as a response body, each frame generated when hyper asks for it.
struct Streamed(FileBytes);

impl axum::body::HttpBody for Streamed {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        let chunk = self.get_mut().0.next_chunk();
        Poll::Ready(chunk.map(|c| Ok(http_body::Frame::data(Bytes::from(c)))))
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.0.remaining())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_garbage_is_refused() {
        assert_eq!(decode_token(&encode_token(17)), Some(17));
        for bad in ["", "!!", "ZmlsZXM6", &URL_SAFE_NO_PAD.encode("ws:1")] {
            assert_eq!(decode_token(bad), None, "{bad}");
        }
    }

    #[test]
    fn source_urls_encode_each_segment() {
        assert_eq!(
            url_path("reports/2025/q1 summary.csv"),
            "reports/2025/q1%20summary.csv"
        );
    }
}
