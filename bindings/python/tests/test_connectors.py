"""The 2026 connectors (sources under their new name, with inline checks and executes) and the
organisation's OAuth apps, operator side."""


import pytest

import airbyte_embedded as ae
from conftest import S3_DEFINITION_ID, STRIPE_DEFINITION_ID, unique


def stripe(secret):
    return {"account_id": "acct_py", "client_secret": secret, "start_date": "2025-01-01T00:00:00Z"}


def test_a_connectors_life(fresh_sandbox):
    operator = fresh_sandbox.operator()
    template = operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=STRIPE_DEFINITION_ID,
            partial_default_config={"lookback_window_days": 2},
        )
    )
    workspace = unique("acme")
    connectors = operator.connectors()
    request = ae.ConnectorCreate(
        workspace_name=workspace,
        connector_type="stripe",
        name="py connector",
        replication_config=stripe("py-secret-1"),
    )
    assert connectors.check_config(request).status == ae.CheckState.SUCCEEDED()
    assert "py-secret-1" not in str(request)
    connector = connectors.create(request)
    config = connector.replication_config
    assert config["client_secret"] == "**********"
    assert config["lookback_window_days"] == 2
    assert connector.source_template.id == template.id

    listed = connectors.list(ae.ConnectorFilter(workspace_name=workspace))
    assert [c.id for c in listed] == [connector.id]
    assert connector.id in [c.id for c in connectors.list()]

    updated = connectors.update(
        connector.id,
        ae.ConnectorUpdate(name="renamed", replication_config={"lookback_window_days": 5}),
    )
    assert updated.name == "renamed"
    assert connectors.check(connector.id).status == ae.CheckState.SUCCEEDED()
    failed = connectors.check(
        connector.id, ae.ConnectorUpdate(replication_config={"client_secret": "wrong-secret"})
    )
    assert failed.status == ae.CheckState.FAILED()
    assert failed.failure_reason.failure_type == "config_error"

    made = connectors.execute(
        connector.id,
        ae.ConnectorExecute(
            entity="customers",
            action=ae.ConnectorAction.CREATE(),
            params={"data": {"name": "Guido"}},
        ),
    )
    assert made.status == ae.ExecutionStatus.SUCCESS()
    record = made.result
    assert record["name"] == "Guido"
    assert made.execution_metadata.connector_instance_id == connector.id
    hits = connectors.execute(
        connector.id,
        ae.ConnectorExecute(
            entity="customers", action=ae.ConnectorAction.SEARCH(), params={"query": "guido"}
        ),
    )
    assert [r["id"] for r in hits.result] == [record["id"]]
    with pytest.raises(ae.AirbyteError.Validation):
        connectors.execute(
            connector.id, ae.ConnectorExecute(entity="customers", action=ae.ConnectorAction.UNKNOWN("explode"))
        )

    assert connectors.delete(connector.id).id == connector.id
    with pytest.raises(ae.AirbyteError.NotFound):
        connectors.get(connector.id)


def test_what_cannot_be_sent_is_refused(operator):
    connectors = operator.connectors()
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        connectors.create(ae.ConnectorCreate(workspace_name="acme", connector_type="stripe"))
    assert e.value.argument == "replication_config"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        connectors.create(
            ae.ConnectorCreate(workspace_name="acme", connector_type="stripe", credentials="{not json")
        )
    assert e.value.argument == "credentials"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.oauth_credentials().set(ae.OAuthCredentialsRequest(configuration={}))
    assert e.value.argument == "connector_type"


def test_the_organisations_oauth_app(operator):
    apps = operator.oauth_credentials()
    first = apps.set(
        ae.OAuthCredentialsRequest(
            connector_type="hubspot",
            configuration={"client_id": "py-app", "client_secret": "py-app-secret"},
        )
    )
    assert first.actor_type == ae.ActorType.SOURCE()
    assert first.scope_type == ae.OAuthScope.ORGANIZATION()
    s3 = apps.set(ae.OAuthCredentialsRequest(connector_definition_id=S3_DEFINITION_ID, configuration={}))
    assert s3.actor_type == ae.ActorType.DESTINATION()
    apps.delete("hubspot")
    apps.delete("hubspot")
    again = apps.set(ae.OAuthCredentialsRequest(connector_type="hubspot", configuration={}))
    assert again.id != first.id
