"""Error mapping: both error-body shapes, HTML from a proxy, rate limits, transport errors."""

import json
import socket
from datetime import timedelta

import pytest

import airbyte_embedded as ae
from conftest import replaced

NO_RETRY = replaced(ae.defaults().retry_policy, max_retries=0)


@pytest.fixture
def operator(sandbox):
    """An operator client that does not retry, so each injected fault is seen as is."""
    return sandbox.operator(retry=NO_RETRY)


def test_detail_shape_404(operator):
    with pytest.raises(ae.AirbyteError.NotFound) as e:
        operator.workspaces().get("no-such-workspace")
    assert e.value.status == 404 and e.value.detail
    text = str(e.value)
    assert "404" in text and e.value.detail in text
    assert isinstance(e.value, ae.AirbyteError)


def test_message_and_errors_shape_400(operator, sandbox):
    body = {"message": "Invalid request", "errors": [{"field": "name", "message": "too long", "error_code": "max_length"}]}
    sandbox.respond(400, json.dumps(body), path_prefix="/integrations/templates/tags")
    with pytest.raises(ae.AirbyteError.Validation) as e:
        operator.tags().list()
    assert (e.value.status, e.value.detail) == (400, "Invalid request")
    assert e.value.field_errors == [ae.FieldError(field="name", message="too long", code="max_length")]
    assert "400" in str(e.value) and "Invalid request" in str(e.value)


def test_detail_list_shape_422(operator, sandbox):
    body = {"detail": [{"loc": ["body", "allowed_origin"], "msg": "field required", "type": "value_error.missing"}]}
    sandbox.respond(422, json.dumps(body), path_prefix="/integrations/templates/tags")
    with pytest.raises(ae.AirbyteError.Validation) as e:
        operator.tags().list()
    assert e.value.status == 422
    assert e.value.field_errors[0].field == "body.allowed_origin"
    assert e.value.field_errors[0].code == "value_error.missing"


def test_forbidden_with_field_errors(operator, sandbox):
    sandbox.respond(403, json.dumps({"message": "nope", "errors": []}), path_prefix="/integrations/templates/tags")
    with pytest.raises(ae.AirbyteError.Forbidden) as e:
        operator.tags().list()
    assert (e.value.status, e.value.detail) == (403, "nope")


def test_html_502_from_a_proxy(operator, sandbox):
    html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    sandbox.respond(502, html, path_prefix="/workspaces", content_type="text/html")
    with pytest.raises(ae.AirbyteError.Server) as e:
        operator.workspaces().stats()
    assert e.value.status == 502
    assert "Bad Gateway" in e.value.detail
    assert "502" in str(e.value)


def test_rate_limited_carries_retry_after(operator, sandbox):
    sandbox.respond(
        429,
        json.dumps({"message": "Too many requests", "errors": []}),
        path_prefix="/workspaces",
        headers=[["retry-after", "7"], ["x-ratelimit-limit", "1000"], ["x-ratelimit-remaining", "0"]],
    )
    with pytest.raises(ae.AirbyteError.RateLimited) as e:
        operator.workspaces().stats()
    assert e.value.status == 429
    assert e.value.rate_limit.retry_after >= timedelta(seconds=7)
    assert e.value.rate_limit.remaining == 0 and e.value.rate_limit.limit == 1000


def test_last_rate_limit(operator):
    operator.tags().list()
    rl = operator.last_rate_limit()
    assert rl is not None and rl.limit and rl.remaining is not None and rl.reset_unix_seconds


def test_wrong_credentials_are_unauthorized(sandbox):
    client = ae.OperatorClient(sandbox.client_id, "wrong-secret", sandbox.config())
    with pytest.raises(ae.AirbyteError.Unauthorized) as e:
        client.tags().list()
    assert e.value.status == 401
    assert "wrong-secret" not in str(e.value)


def test_transport_error_and_timeout(sandbox):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = ae.OperatorClient("id", "secret", ae.ClientConfig(base_url=f"http://127.0.0.1:{port}/api/v1", retry=NO_RETRY))
    with pytest.raises((ae.AirbyteError.Transport, ae.AirbyteError.Timeout)) as e:
        client.tags().list()
    assert e.value.detail

    slow = sandbox.operator(
        request_timeout=timedelta(milliseconds=300), read_timeout=timedelta(milliseconds=300), retry=NO_RETRY
    )
    slow.tags().list()
    sandbox.fault({"kind": "delay", "millis": 1500}, path_prefix="/workspaces/stats")
    with pytest.raises(ae.AirbyteError.Timeout):
        slow.workspaces().stats()


def test_truncated_body_is_a_decode_error(operator, sandbox):
    sandbox.fault({"kind": "truncate_body", "bytes": 5}, path_prefix="/workspaces/stats")
    with pytest.raises((ae.AirbyteError.Decode, ae.AirbyteError.Transport)):
        operator.workspaces().stats()


def test_retries_hide_a_passing_502_and_creates_are_not_repeated(sandbox):
    quick = replaced(
        ae.defaults().retry_policy, initial_backoff=timedelta(milliseconds=10), max_backoff=timedelta(milliseconds=50)
    )
    operator = sandbox.operator(retry=quick)
    sandbox.respond(502, "<html>502</html>", path_prefix="/workspaces/stats", content_type="text/html")
    assert operator.workspaces().stats().total_count >= 0
    sandbox.respond(503, "{}", path_prefix="/integrations/templates/tags")
    with pytest.raises(ae.AirbyteError.OutcomeUnknown) as e:
        operator.tags().create("outcome-unknown")
    assert (e.value.method, e.value.path, e.value.status) == ("POST", "/integrations/templates/tags", 503)
    assert e.value.cause == "HTTP 503 from the server"
    assert e.value.advice == "list tags by name before retrying"
    assert e.value.cause in str(e.value) and e.value.advice in str(e.value)


def test_invalid_retry_policy_is_refused():
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.OperatorClient("id", "secret", ae.ClientConfig(retry=replaced(ae.defaults().retry_policy, max_elapsed=timedelta(0))))
    assert e.value.argument == "retry_policy"
