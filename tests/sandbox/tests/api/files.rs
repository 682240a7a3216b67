//! Files through a source, the API proxy and source search (`/sonar/...` and
//! `/integrations/sources/{id}/search/{stream}`).

use std::io::Read;

use airbyte_embedded_sandbox::catalog::SOURCE_TINY_DEFINITION_ID;
use airbyte_embedded_sandbox::files::{self, LARGE_FILE_LEN, LARGE_FILE_PATH, MAIN_DRIVE};
use airbyte_embedded_sandbox::{Fault, FaultAction};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::support::*;

/// An operator token and a source (with `count` users) in a new workspace.
fn source(c: &Client, count: u64) -> (String, String, String) {
    let op = c.operator_token();
    let _ = c.scoped_token(&op, "files-ws");
    let ws = c
        .call("GET", "/workspaces?name_contains=files-ws", Some(&op), None)
        .json["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let template = c.call(
        "POST",
        "/integrations/templates/sources",
        Some(&op),
        Some(
            json!({"actor_definition_id": SOURCE_TINY_DEFINITION_ID, "partial_default_config": {}}),
        ),
    );
    let source = c.call(
        "POST",
        "/integrations/sources",
        Some(&op),
        Some(
            json!({"workspace_id": ws, "source_template_id": template.json["id"],
                     "source_config": {"count": count}}),
        ),
    );
    assert_eq!(source.status, 200, "{}", source.text);
    (op, ws, source.json["id"].as_str().unwrap().to_owned())
}

/// FNV-1a over `bytes`, continuing from `h`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[test]
fn folders_page_and_files_come_back_whole() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let (op, ws, src) = source(&c, 5);
    let listed = c.call(
        "GET",
        &format!("/sonar/files/sources?workspace_id={ws}"),
        Some(&op),
        None,
    );
    assert_eq!(
        listed.json["sources"],
        json!([{"id": src, "workspace_id": ws, "source_type": "faker"}])
    );

    let mut items = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let query = token
            .as_ref()
            .map_or_else(String::new, |t| format!("&continuation_token={t}"));
        let page = c.call(
            "GET",
            &format!("/sonar/files/{src}/list/reports%2F2025?limit=3{query}"),
            Some(&op),
            None,
        );
        assert_eq!(page.status, 200, "{}", page.text);
        items.extend(page.json["items"].as_array().unwrap().clone());
        match page.json["next"].as_str() {
            Some(t) => token = Some(t.to_owned()),
            None => break,
        }
    }
    assert_eq!(items.len(), 4);
    for item in &items {
        let path = item["relative_path"].as_str().unwrap();
        assert!(path.starts_with("reports/2025/q"), "{path}");
        let encoded = path.replace('/', "%2F").replace(' ', "%20");
        let file = c.call(
            "GET",
            &format!("/sonar/files/{src}/get/{encoded}"),
            Some(&op),
            None,
        );
        assert_eq!(file.status, 200);
        assert_eq!(file.header("content-type"), Some("text/csv"));
        assert_eq!(Some(file.text.len() as u64), item["bytes"].as_u64());
        assert!(file.text.starts_with("month,orders,revenue_cents\n"));
    }
    // A bare slash is not part of a segment: no route.
    let bare = c.call(
        "GET",
        &format!("/sonar/files/{src}/get/reports/2025/x"),
        Some(&op),
        None,
    );
    assert_eq!(bare.json, json!({"detail": "Not Found"}));
    let shared = c.call(
        "GET",
        &format!("/sonar/files/{src}/drives/shared/list/%2F"),
        Some(&op),
        None,
    );
    assert_eq!(shared.json["items"][0]["type"], "folder");
    assert_eq!(shared.json["items"][0]["bytes"], Value::Null);
}

#[test]
fn the_large_file_streams_exactly_and_a_cut_is_seen() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let (op, _, src) = source(&c, 5);
    let url = format!(
        "{}/sonar/files/{src}/get/exports%2Flarge%20export.bin",
        c.base
    );
    let mut response = c
        .agent
        .get(&url)
        .header("authorization", format!("Bearer {op}"))
        .call()
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-length")
            .unwrap()
            .to_str()
            .unwrap(),
        LARGE_FILE_LEN.to_string()
    );
    let mut reader = response.body_mut().with_config().limit(u64::MAX).reader();
    let mut buf = vec![0u8; 8192];
    let (mut n, mut h) = (0u64, 0xcbf2_9ce4_8422_2325u64);
    loop {
        let got = reader.read(&mut buf).unwrap();
        if got == 0 {
            break;
        }
        n += got as u64;
        h = fnv(h, &buf[..got]);
    }
    let mut expected = files::find(MAIN_DRIVE, LARGE_FILE_PATH)
        .unwrap()
        .bytes(Uuid::parse_str(&src).unwrap())
        .unwrap();
    let mut want = 0xcbf2_9ce4_8422_2325u64;
    while let Some(chunk) = expected.next_chunk() {
        want = fnv(want, &chunk);
    }
    assert_eq!((n, h), (LARGE_FILE_LEN, want));

    sb.inject_fault(
        Fault::new(FaultAction::ResetDuringBody {
            after_bytes: 100_000,
        })
        .on("GET", "/sonar/files"),
    );
    let mut response = c
        .agent
        .get(&url)
        .header("authorization", format!("Bearer {op}"))
        .call()
        .unwrap();
    let mut reader = response.body_mut().with_config().limit(u64::MAX).reader();
    let mut got = 0usize;
    let err = loop {
        match reader.read(&mut buf) {
            Ok(0) => panic!("the body ended without the cut"),
            Ok(k) => got += k,
            Err(e) => break e,
        }
    };
    assert_eq!(got, 100_000, "{err}");
}

#[test]
fn the_proxy_answers_as_an_upstream_and_search_filters_records() {
    let sb = sandbox();
    let c = Client::new(&sb);
    let (op, _, src) = source(&c, 7);
    let proxy = format!("/sonar/apis/{src}/request");
    let echo = c.call(
        "POST",
        &proxy,
        Some(&op),
        Some(
            json!({"url": "https://api.example.com/v1/x", "method": "POST",
                     "headers": {"X-Api-Key": "hunter2-value"}, "body": "abc"}),
        ),
    );
    assert_eq!(echo.json["response_status_code"], 200);
    let upstream: Value =
        serde_json::from_str(echo.json["response_body"].as_str().unwrap()).unwrap();
    assert_eq!(upstream["header_names"], json!(["x-api-key"]));
    assert_eq!(upstream["body_bytes"], 3);
    assert!(!echo.text.contains("hunter2-value"));
    let failed = c.call(
        "POST",
        &proxy,
        Some(&op),
        Some(json!({"url": "https://api.example.com/status/404", "method": "GET"})),
    );
    assert_eq!(
        (failed.status, failed.json["response_status_code"].clone()),
        (200, json!(404))
    );

    let search = |stream: &str, condition: Value| {
        c.call(
            "POST",
            &format!("/integrations/sources/{src}/search/{stream}"),
            Some(&op),
            Some(json!({"query": {"where": condition}})),
        )
    };
    let all = search("users", json!({"gte": {"id": 1}}));
    assert_eq!(all.json["total"], 7, "the Sample Data source's count");
    let two = search(
        "users",
        json!({"or": [{"eq": {"id": 2}}, {"eq": {"id": 5}}]}),
    );
    let ids: Vec<Value> = two.json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["data"]["id"].clone())
        .collect();
    assert_eq!(ids, [json!(2), json!(5)]);
    assert_eq!(
        search("purchases", json!({"eq": {"user_id": 1}})).json["total"],
        2
    );
    let bad = search("users", json!({"and": {"eq": {"id": 1}}}));
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.json["detail"][0]["loc"],
        json!(["body", "query", "where", "and"])
    );
}
