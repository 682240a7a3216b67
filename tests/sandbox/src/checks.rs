//! Connection checks: the deterministic failure rule and the job's status over time.
//!
//! A check **fails** when the config (template defaults merged with the source config) contains
//! - a string value under a key named `host` (at any depth) that ends with `.invalid`, or
//! - any string value equal to `wrong-password` or `wrong-secret`.
//!
//! Otherwise it **succeeds**. A check is `pending` for the first half of the configured check
//! duration, `running` for the second half, then `failed` or `succeeded`.

use std::time::Duration;

use serde_json::{Value, json};
use uuid::Uuid;

/// Why a check of `config` fails, or `None` when it succeeds.
pub(crate) fn failure(config: &Value) -> Option<String> {
    fn walk(key: Option<&str>, value: &Value) -> Option<String> {
        match value {
            Value::String(s) if key == Some("host") && s.ends_with(".invalid") => Some(format!(
                "Could not resolve host `{s}`: name or service not known"
            )),
            Value::String(s) if s == "wrong-password" || s == "wrong-secret" => Some(
                "Authentication failed: the credentials were rejected by the source".to_owned(),
            ),
            Value::Object(map) => map.iter().find_map(|(k, v)| walk(Some(k), v)),
            Value::Array(items) => items.iter().find_map(|v| walk(None, v)),
            _ => None,
        }
    }
    walk(None, config)
}

/// Where a check job is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    Pending,
    Running,
    Done,
}

/// The phase of a job `elapsed` after it started, for a check lasting `duration`.
pub(crate) fn phase(elapsed: Duration, duration: Duration) -> Phase {
    if elapsed >= duration {
        Phase::Done
    } else if elapsed < duration / 2 {
        Phase::Pending
    } else {
        Phase::Running
    }
}

/// The `CheckStatus` body of job `id` in `phase`; `failure` is the outcome and `finished_ms` the
/// Unix milliseconds when the job ends.
pub(crate) fn status_json(
    id: Uuid,
    phase: Phase,
    failure: Option<&str>,
    finished_ms: u64,
) -> Value {
    match (phase, failure) {
        (Phase::Pending, _) => json!({"id": id, "status": "pending", "error_message": null,
            "failure_reason": null, "enhanced_error_message": null}),
        (Phase::Running, _) => json!({"id": id, "status": "running", "error_message": null,
            "failure_reason": null, "enhanced_error_message": null}),
        (Phase::Done, None) => json!({"id": id, "status": "succeeded", "error_message": null,
            "failure_reason": null, "enhanced_error_message": null}),
        (Phase::Done, Some(message)) => json!({
            "id": id,
            "status": "failed",
            "error_message": message,
            "failure_reason": {
                "timestamp": finished_ms,
                "failure_origin": "source",
                "failure_type": "config_error",
                "external_message": message,
                "internal_message": format!("io.airbyte.commons.exceptions.ConfigErrorException: {message}"),
                "retryable": false,
            },
            "enhanced_error_message": format!("{message}. Check the configuration and try again."),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_rule() {
        assert!(failure(&json!({"host": "db.example.com", "password": "hunter2"})).is_none());
        assert!(failure(&json!({"host": "db.invalid"})).is_some());
        assert!(failure(&json!({"tunnel": {"host": "jump.invalid"}})).is_some());
        assert!(
            failure(&json!({"hostname": "db.invalid"})).is_none(),
            "only keys named host"
        );
        assert!(failure(&json!({"credentials": {"client_secret": "wrong-secret"}})).is_some());
        assert!(failure(&json!({"list": ["wrong-password"]})).is_some());
        assert!(failure(&json!({"password": "wrong-password-2"})).is_none());
        assert!(failure(&json!({"host": 5})).is_none());
    }

    #[test]
    fn phases_follow_the_duration() {
        let d = Duration::from_millis(600);
        assert_eq!(phase(Duration::from_millis(0), d), Phase::Pending);
        assert_eq!(phase(Duration::from_millis(299), d), Phase::Pending);
        assert_eq!(phase(Duration::from_millis(300), d), Phase::Running);
        assert_eq!(phase(Duration::from_millis(600), d), Phase::Done);
        assert_eq!(phase(Duration::ZERO, Duration::ZERO), Phase::Done);
    }

    #[test]
    fn failed_status_has_a_failure_reason() {
        let body = status_json(Uuid::nil(), Phase::Done, Some("nope"), 42);
        assert_eq!(body["status"], "failed");
        assert_eq!(body["failure_reason"]["timestamp"], 42);
        assert_eq!(body["failure_reason"]["retryable"], false);
    }
}
