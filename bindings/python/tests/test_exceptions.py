"""The exception hierarchy as Python expects it: one class per variant, at the top level and
under `AirbyteError`, each caught by its own class, with the Rust `Display` text in `str(e)`."""

import copy
import json
import pickle
import socket
from datetime import timedelta

import pytest

import airbyte_embedded as ae
from conftest import replaced, spec_value

NO_RETRY = replaced(ae.defaults().retry_policy, max_retries=0)
VARIANTS = sorted(
    name for name, cls in vars(ae.AirbyteError).items()
    if isinstance(cls, type) and issubclass(cls, ae.AirbyteError)
)


def test_the_variants_are_the_rust_ones():
    assert len(VARIANTS) == 18 and "NotFound" in VARIANTS and "ClientClosed" in VARIANTS
    for helper in ("error_text", "error_status"):
        assert helper not in ae.__all__ and not hasattr(ae, helper)


@pytest.mark.parametrize("name", VARIANTS)
def test_every_variant_is_a_top_level_subclass_of_airbyte_error(name):
    cls = getattr(ae, name)
    assert cls is getattr(ae.AirbyteError, name)
    assert issubclass(cls, ae.AirbyteError) and issubclass(cls, Exception)
    assert name in ae.__all__


def test_not_found_is_caught_by_its_own_class_with_the_rust_text(sandbox):
    operator = sandbox.operator(retry=NO_RETRY)
    with pytest.raises(ae.NotFound) as e:
        operator.workspaces().get("no-such-workspace")
    assert str(e.value) == f"not found (HTTP 404): {e.value.detail}"
    assert e.value.args == (str(e.value),)
    assert repr(e.value) == f"NotFound({str(e.value)!r})"


def test_rate_limited_text_names_the_numbers(sandbox):
    operator = sandbox.operator(retry=NO_RETRY)
    sandbox.respond(
        429,
        json.dumps({"message": "Too many requests", "errors": []}),
        path_prefix="/workspaces",
        headers=[["retry-after", "7"], ["x-ratelimit-limit", "1000"], ["x-ratelimit-remaining", "0"]],
    )
    with pytest.raises(ae.RateLimited) as e:
        operator.workspaces().stats()
    assert e.value.rate_limit.retry_after >= timedelta(seconds=7)
    wait = int(e.value.rate_limit.retry_after.total_seconds())
    assert str(e.value) == (
        f"rate limited (HTTP 429): Too many requests; retry after {wait} s; 0 of 1000 requests left"
    )
    assert "RateLimit()" not in str(e.value)


def test_validation_text_lists_the_field_errors(sandbox):
    operator = sandbox.operator(retry=NO_RETRY)
    body = {"message": "Invalid request", "errors": [{"field": "name", "message": "too long", "error_code": "max_length"}]}
    sandbox.respond(400, json.dumps(body), path_prefix="/integrations/templates/tags")
    with pytest.raises(ae.Validation) as e:
        operator.tags().list()
    # The service's message, then each field error it does not name; also the variant's data.
    assert str(e.value) == "request rejected (HTTP 400): Invalid request; name: too long"
    assert [(f.field, f.message, f.code) for f in e.value.field_errors] == [("name", "too long", "max_length")]
    assert "FieldError(" not in str(e.value)


def test_validation_without_a_message_names_its_field_errors(sandbox):
    operator = sandbox.operator(retry=NO_RETRY)
    body = {"detail": [{"loc": ["body", "name"], "msg": "field required", "type": "missing"}]}
    sandbox.respond(422, json.dumps(body), path_prefix="/integrations/templates/tags")
    with pytest.raises(ae.Validation) as e:
        operator.tags().list()
    assert str(e.value).startswith("request rejected (HTTP 422): ")
    assert "field required" in str(e.value) and "name" in str(e.value)


def test_invalid_config_text_names_the_problem():
    spec = ae.Spec(spec_value("source-tiny"))
    with pytest.raises(ae.InvalidConfig) as e:
        spec.validate({"count": 0})
    assert [p.path for p in e.value.errors] == ["/count"]
    assert str(e.value) == 'invalid source config: "count" must be at least 1, got the number 0 (at /count)'


def test_invalid_argument_and_client_closed_texts(sandbox):
    with pytest.raises(ae.InvalidArgument) as e:
        ae.OperatorClient("id", "secret", ae.ClientConfig(organization_id="acme"))
    assert str(e.value) == f"invalid argument `{e.value.argument}`: {e.value.detail}"
    operator = sandbox.operator()
    operator.close()
    with pytest.raises(ae.ClientClosed) as closed:
        operator.tags().list()
    assert str(closed.value) == f"client closed: {closed.value.detail}"


def test_outcome_unknown_text(sandbox):
    error = ae.OutcomeUnknown("POST", "/embedded/sources", "connection reset", "list sources by name", None)
    assert str(error) == (
        "POST /embedded/sources: the outcome is unknown (connection reset); list sources by name"
    )


def test_a_variant_made_in_python_has_the_same_text():
    error = ae.RateLimited(429, "slow down", ae.RateLimit(limit=None, remaining=3, reset_unix_seconds=1760003600, retry_after=None))
    assert str(error) == "rate limited (HTTP 429): slow down; 3 requests left until 1760003600 (Unix seconds)"
    with pytest.raises(ae.AirbyteError) as e:
        raise error
    assert e.value is error


def test_unauthorized(sandbox):
    client = ae.OperatorClient(sandbox.client_id, "wrong-secret", sandbox.config(retry=NO_RETRY))
    with pytest.raises(ae.Unauthorized) as e:
        client.tags().list()
    assert str(e.value) == "unauthorized (HTTP 401): Invalid client credentials"
    assert "wrong-secret" not in repr(e.value)


@pytest.mark.parametrize(
    "status, cls, text",
    [
        (403, ae.Forbidden, "forbidden (HTTP 403): nope"),
        (500, ae.Server, "server error (HTTP 500): nope"),
        (418, ae.UnexpectedStatus, "unexpected response (HTTP 418): nope"),
    ],
)
def test_statuses_each_caught_by_their_class(sandbox, status, cls, text):
    operator = sandbox.operator(retry=NO_RETRY)
    sandbox.respond(status, json.dumps({"message": "nope", "errors": []}), path_prefix="/integrations/templates/tags")
    with pytest.raises(cls) as e:
        operator.tags().list()
    assert str(e.value) == text
    assert e.value.status == status


def test_decode(sandbox):
    operator = sandbox.operator(retry=NO_RETRY)
    sandbox.respond(200, "{not json", path_prefix="/integrations/templates/tags")
    with pytest.raises(ae.Decode) as e:
        operator.tags().list()
    assert str(e.value) == (
        "could not decode the response (HTTP 200): key must be a string at line 1 column 2 (body: {not json)"
    )


def test_transport_and_timeout(sandbox):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    closed = ae.OperatorClient("id", "secret", ae.ClientConfig(base_url=f"http://127.0.0.1:{port}/api/v1", retry=NO_RETRY))
    with pytest.raises(ae.Transport) as e:
        closed.tags().list()
    assert str(e.value) == f"transport error: {e.value.detail}" and e.value.detail

    slow = sandbox.operator(
        request_timeout=timedelta(milliseconds=300), read_timeout=timedelta(milliseconds=300), retry=NO_RETRY
    )
    slow.tags().list()
    sandbox.fault({"kind": "delay", "millis": 1500}, path_prefix="/workspaces/stats")
    with pytest.raises(ae.Timeout) as timeout:
        slow.workspaces().stats()
    assert str(timeout.value) == f"timed out: {timeout.value.detail}" and timeout.value.detail


def test_invalid_spec_and_widget_token():
    with pytest.raises(ae.InvalidSpec) as spec:
        ae.Spec("a string")
    assert str(spec.value) == (
        "invalid connector spec: a connector spec must be a JSON object (a ConnectorSpecification, "
        "a manifest spec or a bare JSON Schema), got a string"
    )
    with pytest.raises(ae.InvalidWidgetToken) as token:
        ae.WidgetToken.decode("not base64 !!!")
    assert str(token.value) == "invalid widget token: not base64 (standard or URL-safe alphabet)"


class FailingProvider(ae.ScopedTokenProvider):
    """A host backend that cannot sign the user in."""

    def fetch_scoped_token(self) -> str:
        raise RuntimeError("signed out")


def test_token_provider(sandbox):
    user = ae.EndUserClient.with_token_provider(FailingProvider(), sandbox.config())
    with pytest.raises(ae.TokenProvider) as e:
        user.token_info()
    assert str(e.value) == f"scoped-token provider failed: {e.value.detail}"
    assert "signed out" in str(e.value)


def test_a_variant_with_wrongly_typed_fields_still_has_a_text():
    error = ae.NotFound("404", None)  # cannot cross to Rust: the fields are its text
    assert str(error) == "status='404', detail=None"
    assert repr(error) == "NotFound(\"status='404', detail=None\")"


def test_errors_survive_copy_and_pickle():
    error = ae.RateLimited(429, "slow down", ae.RateLimit(limit=10, remaining=0, reset_unix_seconds=None, retry_after=timedelta(seconds=3)))
    for again in (copy.copy(error), pickle.loads(pickle.dumps(error))):
        assert type(again) is ae.RateLimited
        assert str(again) == str(error) == "rate limited (HTTP 429): slow down; retry after 3 s; 0 of 10 requests left"
        assert (again.status, again.detail, again.rate_limit) == (429, "slow down", error.rate_limit)
