"""Configuration: the Rust defaults, environment variables and checks."""

from datetime import timedelta

import pytest

import airbyte_embedded as ae


def test_defaults_target_production():
    config = ae.ClientConfig()
    assert config.base_url is None and config.allow_insecure_http is False
    client = ae.OperatorClient("id", "secret")
    assert client.base_url() == ae.default_base_url() == "https://api.airbyte.ai/api/v1"
    assert ae.region_us() == "645a183f-b12b-4c6e-8ad3-99e165603450"
    assert ae.region_eu() == "b9e48d61-f082-4a14-a8d0-799a907938cb"



def test_each_default_is_the_core_default():
    defaults = ae.defaults()
    assert ae.ClientConfig() == defaults.client_config
    assert ae.ValidationOptions() == defaults.validation_options
    assert ae.WriteOptions() == defaults.write_options
    assert ae.WriteOptions().validation == defaults.validation_options
    assert ae.TagFilter() == defaults.tag_filter
    assert ae.WorkspaceFilter() == defaults.workspace_filter
    # The records without field defaults take every value from `defaults()`: the core's.
    retry = defaults.retry_policy
    assert (retry.max_retries, retry.initial_backoff, retry.max_backoff, retry.max_elapsed, retry.jitter) == (
        3, timedelta(milliseconds=500), timedelta(seconds=10), timedelta(minutes=2), True
    )
    assert (defaults.pacing.below_remaining, defaults.pacing.max_delay) == (50, timedelta(seconds=5))
    wait = defaults.wait_options
    assert (wait.timeout, wait.initial_interval, wait.max_interval) == (
        timedelta(minutes=2), timedelta(milliseconds=250), timedelta(seconds=5)
    )
    assert ae.defaults() == defaults

def test_invalid_settings_name_the_argument():
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.OperatorClient("id", "secret", ae.ClientConfig(organization_id="acme"))
    assert e.value.argument == "organization_id"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.OperatorClient("id", "secret", ae.ClientConfig(read_timeout=timedelta(0)))
    assert e.value.argument == "read_timeout"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.OperatorClient("id", "secret", ae.ClientConfig(base_url="http://api.example.com/api/v1"))
    assert e.value.argument == "base_url"
    ae.OperatorClient(
        "id", "secret", ae.ClientConfig(base_url="http://api.example.com/api/v1", allow_insecure_http=True)
    )
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.OperatorClient("", "secret")
    assert e.value.argument == "client_id"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.EndUserClient("  ")
    assert e.value.argument == "token"


def test_environment_variables(monkeypatch, sandbox):
    for name in ["AIRBYTE_CLIENT_ID", "AIRBYTE_CLIENT_SECRET", "AIRBYTE_API_URL", "AIRBYTE_ORGANIZATION_ID"]:
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.OperatorClient.from_env()
    assert e.value.argument == "AIRBYTE_CLIENT_ID"
    assert ae.client_config_from_env().base_url == ae.default_base_url()

    monkeypatch.setenv("AIRBYTE_API_URL", sandbox.base_url)
    monkeypatch.setenv("AIRBYTE_ORGANIZATION_ID", sandbox.organization_id)
    monkeypatch.setenv("AIRBYTE_CLIENT_ID", sandbox.client_id)
    monkeypatch.setenv("AIRBYTE_CLIENT_SECRET", sandbox.client_secret)
    config = ae.client_config_from_env()
    assert config.base_url == sandbox.base_url
    assert config.organization_id == sandbox.organization_id
    operator = ae.OperatorClient.from_env()
    assert operator.base_url() == sandbox.base_url
    assert operator.tags().list() is not None
    sent = [r for r in sandbox.requests() if r["path"].endswith("/integrations/templates/tags")]
    headers = {k.lower(): v for k, v in sent[-1]["headers"]}
    assert headers["x-organization-id"] == sandbox.organization_id

    monkeypatch.setenv("AIRBYTE_ORGANIZATION_ID", "not-a-uuid")
    with pytest.raises(ae.AirbyteError.InvalidArgument):
        ae.client_config_from_env()


def test_user_agent_suffix_and_token_routes(sandbox):
    operator = sandbox.operator(user_agent_suffix="my-app/1.2", token_routes=ae.TokenRoutes.APPLICATIONS)
    operator.tags().list()
    token = operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name="ua-routes"))
    assert token.workspace_id()
    paths = [r["path"] for r in sandbox.requests()]
    assert any(p.endswith("/account/applications/scoped-token") for p in paths)
    agents = [dict((k.lower(), v) for k, v in r["headers"]).get("user-agent", "") for r in sandbox.requests()]
    assert any(a.startswith("airbyte-embedded-rust/") and a.endswith("my-app/1.2") for a in agents)
