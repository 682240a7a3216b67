//! What the sandbox bounds: request bodies (413 past the limit, before reading them whole) and
//! the request log (a ring of recent requests, bodies cut to a prefix).

// An integration test: a failed unwrap is a failed test. (clippy.toml's allow-*-in-tests
// covers `#[test]` functions and `#[cfg(test)]` modules, not a test crate's helpers.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use airbyte_embedded_sandbox::{
    CLIENT_ID, CLIENT_SECRET, MAX_RECORDED_BODY, MAX_RECORDED_REQUESTS, MAX_REQUEST_BODY, Sandbox,
    SandboxConfig,
};
use serde_json::{Value, json};

const TOKEN_PATH: &str = "/api/v1/account/applications/token";

/// A response read off a raw socket.
struct RawReply {
    status: u16,
    /// Header lines, names lowercased.
    headers: Vec<(String, String)>,
    json: Value,
}

impl RawReply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Opens a connection to the sandbox, writes `head` (the request line and headers, each ending
/// in `\r\n`, without the blank line), lets `send_body` write what it will, and reads one
/// response (its head and `Content-Length` bytes of body). A server that waited for more body
/// than was sent would fail the read timeout.
fn raw_request(sb: &Sandbox, head: &str, send_body: impl FnOnce(&mut TcpStream)) -> RawReply {
    let mut stream = TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "{head}host: 127.0.0.1\r\n\r\n").unwrap();
    send_body(&mut stream);
    stream.flush().unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = stream
            .read(&mut buf)
            .expect("the sandbox answers without waiting for the rest of the body");
        assert!(n > 0, "the connection closed before a whole response");
        raw.extend_from_slice(&buf[..n]);
        if let Some(reply) = parse_response(&raw) {
            return reply;
        }
    }
}

/// The response in `raw`, once its head and whole body have arrived.
fn parse_response(raw: &[u8]) -> Option<RawReply> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .expect("a content-length");
    let body = raw.get(end + 4..end + 4 + length)?;
    Some(RawReply {
        status,
        headers,
        json: serde_json::from_slice(body).unwrap_or(Value::Null),
    })
}

/// Writes `data` as one chunk of a chunked body.
fn write_chunk(stream: &mut TcpStream, data: &[u8]) {
    write!(stream, "{:x}\r\n", data.len()).unwrap();
    stream.write_all(data).unwrap();
    stream.write_all(b"\r\n").unwrap();
}

fn too_large_detail(limit: usize) -> Value {
    json!({"detail": format!("Request body too large: the sandbox accepts at most {limit} bytes")})
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

#[test]
fn a_content_length_over_the_limit_gets_413_before_the_body_is_sent() {
    let sb = Sandbox::start(SandboxConfig::default()).unwrap();
    let declared = 5 * 1024 * 1024;
    // Only the head goes out: had the sandbox tried to read the body, it would wait forever.
    let reply = raw_request(
        &sb,
        &format!(
            "POST {TOKEN_PATH} HTTP/1.1\r\ncontent-type: application/json\r\n\
             content-length: {declared}\r\n"
        ),
        |_| {},
    );
    assert_eq!(reply.status, 413);
    assert_eq!(reply.json, too_large_detail(MAX_REQUEST_BODY));
    assert_eq!(reply.header("connection"), Some("close"));

    let recorded = sb.requests();
    assert_eq!(recorded.len(), 1);
    let refused = &recorded[0];
    assert_eq!(
        (refused.method.as_str(), refused.path.as_str()),
        ("POST", TOKEN_PATH)
    );
    assert!(refused.body.len() <= MAX_RECORDED_BODY);
    assert!(refused.body.is_empty(), "a refused body is not recorded");
    assert_eq!(refused.body_len, declared);
    assert!(refused.body_truncated());
    assert_eq!(
        sb.token_requests(),
        1,
        "a refused token request still counts"
    );

    // Just at the limit is accepted (and the 422 shows the handler read it).
    let at_limit = format!("{{\"pad\": \"{}\"}}", "x".repeat(MAX_REQUEST_BODY - 11));
    assert_eq!(at_limit.len(), MAX_REQUEST_BODY);
    let reply = agent()
        .post(format!("{}/account/applications/token", sb.base_url()))
        .content_type("application/json")
        .send(at_limit.as_str())
        .unwrap();
    assert_eq!(reply.status().as_u16(), 422);
    assert_eq!(sb.requests().last().unwrap().body_len, MAX_REQUEST_BODY);
}

#[test]
fn a_client_that_writes_its_whole_body_first_still_reads_the_413() {
    let sb = Sandbox::start(SandboxConfig::default()).unwrap();
    let body = vec![b'x'; 5 * 1024 * 1024];
    let agent = agent();
    for _ in 0..3 {
        let mut reply = agent
            .post(format!("{}/account/applications/token", sb.base_url()))
            .content_type("application/json")
            .send(&body[..])
            .expect("the 413 arrives, not a reset");
        assert_eq!(reply.status().as_u16(), 413);
        let json: Value = reply.body_mut().read_json().unwrap();
        assert_eq!(json, too_large_detail(MAX_REQUEST_BODY));
    }
    let recorded = sb.requests();
    assert_eq!(recorded.len(), 3);
    assert!(
        recorded
            .iter()
            .all(|r| r.body.is_empty() && r.body_len == body.len())
    );
}

#[test]
fn a_chunked_body_over_the_limit_gets_413() {
    let sb = Sandbox::start(SandboxConfig::default()).unwrap();
    let piece = vec![b'x'; 64 * 1024];
    let reply = raw_request(
        &sb,
        "POST /api/v1/workspaces HTTP/1.1\r\ncontent-type: application/json\r\n\
         transfer-encoding: chunked\r\n",
        |stream| {
            // Exactly the limit, which is still fine ...
            for _ in 0..MAX_REQUEST_BODY / piece.len() {
                write_chunk(stream, &piece);
            }
            // ... then one byte more, and the body never ends: the sandbox must refuse it
            // without waiting for the rest.
            stream.write_all(b"1\r\nx").unwrap();
        },
    );
    assert_eq!(reply.status, 413);
    assert_eq!(reply.json, too_large_detail(MAX_REQUEST_BODY));

    let recorded = sb.requests();
    assert_eq!(recorded.len(), 1);
    assert!(
        recorded[0].body.is_empty(),
        "a refused body is not recorded"
    );
    assert_eq!(recorded[0].body_len, MAX_REQUEST_BODY + 1);
}

#[test]
fn a_chunked_body_under_the_limit_is_read_whole() {
    let sb = Sandbox::start(SandboxConfig::default()).unwrap();
    let body = json!({"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}).to_string();
    let (first, second) = body.split_at(10);
    let reply = raw_request(
        &sb,
        &format!(
            "POST {TOKEN_PATH} HTTP/1.1\r\ncontent-type: application/json\r\n\
             transfer-encoding: chunked\r\n"
        ),
        |stream| {
            write_chunk(stream, first.as_bytes());
            write_chunk(stream, second.as_bytes());
            stream.write_all(b"0\r\n\r\n").unwrap();
        },
    );
    assert_eq!(reply.status, 200, "{}", reply.json);
    assert!(reply.json["access_token"].is_string());
    let recorded = sb.requests();
    assert_eq!(recorded[0].body, body.as_bytes());
    assert_eq!(recorded[0].body_len, body.len());
    assert!(!recorded[0].body_truncated());
}

#[test]
fn the_body_limit_is_configurable_and_covers_admin_routes() {
    let sb = Sandbox::start(SandboxConfig {
        max_request_body: 100,
        ..Default::default()
    })
    .unwrap();
    let post = |url: String, body: String| {
        let mut reply = agent()
            .post(url)
            .content_type("application/json")
            .send(body.as_str())
            .unwrap();
        let json: Value = reply.body_mut().read_json().unwrap_or(Value::Null);
        (reply.status().as_u16(), json)
    };
    let token_url = format!("{}/account/applications/token", sb.base_url());
    let (status, json) = post(token_url.clone(), format!("{:101}", "{}"));
    assert_eq!((status, json), (413, too_large_detail(100)));
    let (status, _) = post(token_url, format!("{:100}", "{}"));
    assert_eq!(status, 422, "100 bytes are within the limit");

    let faults_url = format!("http://127.0.0.1:{}/_sandbox/faults", sb.port());
    let (status, json) = post(faults_url, format!("{:101}", "{}"));
    assert_eq!((status, json), (413, too_large_detail(100)));
}

#[test]
fn the_log_keeps_only_the_most_recent_requests() {
    let sb = Sandbox::start(SandboxConfig::default()).unwrap();
    let agent = agent();
    let extra = 5;
    // Outside `/api/v1`: recorded (404) but not rate limited.
    for i in 0..MAX_RECORDED_REQUESTS + extra {
        let reply = agent
            .get(format!("http://127.0.0.1:{}/nowhere?i={i}", sb.port()))
            .call()
            .unwrap();
        assert_eq!(reply.status().as_u16(), 404);
    }
    let recorded = sb.requests();
    assert_eq!(recorded.len(), MAX_RECORDED_REQUESTS);
    let queries: Vec<String> = recorded.iter().map(|r| r.query.clone().unwrap()).collect();
    let expected: Vec<String> = (extra..MAX_RECORDED_REQUESTS + extra)
        .map(|i| format!("i={i}"))
        .collect();
    assert_eq!(
        queries, expected,
        "the oldest were dropped, the rest kept in order"
    );
    assert_eq!(
        sb.requests_received(),
        (MAX_RECORDED_REQUESTS + extra) as u64
    );

    let stats: Value = agent
        .get(format!("http://127.0.0.1:{}/_sandbox/stats", sb.port()))
        .call()
        .unwrap()
        .body_mut()
        .read_json()
        .unwrap();
    assert_eq!(stats["requests"], json!(MAX_RECORDED_REQUESTS + extra));
    assert_eq!(stats["requests_recorded"], json!(MAX_RECORDED_REQUESTS));
    let listed: Value = agent
        .get(format!("http://127.0.0.1:{}/_sandbox/requests", sb.port()))
        .call()
        .unwrap()
        .body_mut()
        .read_json()
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), MAX_RECORDED_REQUESTS);

    sb.clear_requests();
    assert!(sb.requests().is_empty());
    assert_eq!(sb.requests_received(), 0);
}

#[test]
fn a_long_body_is_recorded_truncated_with_its_full_length() {
    let sb = Sandbox::start(SandboxConfig::default()).unwrap();
    let body = json!({
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "pad": "y".repeat(100 * 1024),
    })
    .to_string();
    assert!(body.len() > MAX_RECORDED_BODY);
    let mut reply = agent()
        .post(format!("{}/account/applications/token", sb.base_url()))
        .content_type("application/json")
        .send(body.as_str())
        .unwrap();
    let json: Value = reply.body_mut().read_json().unwrap();
    assert_eq!(
        reply.status().as_u16(),
        200,
        "the handler sees the whole body: {json}"
    );

    let recorded = sb.requests();
    let mint = &recorded[0];
    assert_eq!(mint.body.len(), MAX_RECORDED_BODY);
    assert_eq!(mint.body, body.as_bytes()[..MAX_RECORDED_BODY]);
    assert_eq!(mint.body_len, body.len());
    assert!(mint.body_truncated());
    assert_eq!(mint.body_json(), None, "a cut body is not JSON");

    let listed: Value = agent()
        .get(format!("http://127.0.0.1:{}/_sandbox/requests", sb.port()))
        .call()
        .unwrap()
        .body_mut()
        .read_json()
        .unwrap();
    assert_eq!(listed[0]["body_len"], json!(body.len()));
    assert_eq!(listed[0]["body_truncated"], json!(true));
    assert_eq!(listed[0]["body"].as_str().unwrap().len(), MAX_RECORDED_BODY);
}
