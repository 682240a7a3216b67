"""Records show their data: a `repr` of their fields, `to_dict()`, dataclass fields, and JSON
through FastAPI and pydantic; records holding a config keep printing it redacted."""

import dataclasses
from datetime import timedelta
from typing import List

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import airbyte_embedded as ae
from conftest import unique

SECRET = "hunter2-s3cr3t-value"


def a_workspace(operator):
    name = unique("records")
    operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=name))
    [workspace] = [w for w in operator.workspaces().pages() if w.name == name]
    return workspace


def test_repr_shows_the_fields(operator):
    workspace = a_workspace(operator)
    assert repr(workspace) == (
        f"Workspace(id={workspace.id!r}, name={workspace.name!r}, "
        f"organization_id={workspace.organization_id!r}, status=WorkspaceStatus.ACTIVE(), "
        f"cache_enabled={workspace.cache_enabled!r}, tombstone={workspace.tombstone!r}, "
        f"created_at={workspace.created_at!r}, updated_at={workspace.updated_at!r})"
    )
    summary = ae.SourceTemplateSummary(id="tpl-1", name="Postgres", tags=["crm"])
    assert repr(summary) == (
        "SourceTemplateSummary(id='tpl-1', name='Postgres', icon=None, organization_id=None, "
        "actor_definition_id=None, tags=['crm'], customization=None, mode=None, created_at=None, "
        "updated_at=None)"
    )


def test_to_dict_and_dataclass_fields(operator):
    workspace = a_workspace(operator)
    assert workspace.to_dict() == {
        "id": workspace.id,
        "name": workspace.name,
        "organization_id": workspace.organization_id,
        "status": "ACTIVE",
        "cache_enabled": workspace.cache_enabled,
        "tombstone": workspace.tombstone,
        "created_at": workspace.created_at,
        "updated_at": workspace.updated_at,
    }
    assert [f.name for f in dataclasses.fields(workspace)][:4] == ["id", "name", "organization_id", "status"]
    assert dataclasses.asdict(workspace)["id"] == workspace.id
    # Records still compare by value.
    assert workspace == ae.Workspace(**{f.name: getattr(workspace, f.name) for f in dataclasses.fields(workspace)})


def test_enum_variants_as_data():
    assert ae.WorkspaceStatus.ACTIVE().to_dict() == {"type": "ACTIVE"}
    assert ae.WorkspaceStatus.UNKNOWN("paused").to_dict() == {"type": "UNKNOWN", "values": ["paused"]}
    workspace = ae.Workspace(id="ws-1", status=ae.WorkspaceStatus.UNKNOWN("paused"))
    assert workspace.to_dict()["status"] == "paused"
    defaults = ae.defaults().retry_policy.to_dict()
    assert isinstance(defaults["max_retries"], int)
    assert all(isinstance(v, timedelta) for k, v in defaults.items() if k.endswith("_delay"))


def test_a_record_with_a_config_keeps_redacting_and_to_dict_is_the_data():
    config = {"host": "db.example.com", "password": SECRET}
    template = ae.SourceTemplate(
        id="tpl-1", name="Postgres", icon=None, source_definition_id="def-1", user_config_spec=None,
        partial_default_config=config, customization=None, tags=["crm"], created_at=None, updated_at=None,
    )
    for text in (repr(template), str(template), repr([template])):
        assert SECRET not in text and "db.example.com" not in text, text
        assert '"password"' in text and "[REDACTED]" in text and "tpl-1" in text, text
    data = template.to_dict()
    assert data["partial_default_config"] == config
    assert data["tags"] == ["crm"] and data["id"] == "tpl-1"


def test_fastapi_serves_records_as_json(operator):
    workspace = a_workspace(operator)
    app = FastAPI()

    @app.get("/workspace")
    def one() -> ae.Workspace:
        return workspace

    @app.get("/workspaces", response_model=List[ae.Workspace])
    def many() -> List[ae.Workspace]:
        return [workspace, workspace]

    @app.get("/summary")
    def summary() -> ae.SourceTemplateSummary:
        return ae.SourceTemplateSummary(id="tpl-1", name="Postgres", tags=["crm"])

    client = TestClient(app)
    response = client.get("/workspace")
    assert response.status_code == 200, response.text
    assert response.json() == workspace.to_dict()
    assert response.json()["status"] == "ACTIVE"
    assert client.get("/workspaces").json() == [workspace.to_dict()] * 2
    assert client.get("/summary").json() == {
        "id": "tpl-1", "name": "Postgres", "icon": None, "organization_id": None, "actor_definition_id": None,
        "tags": ["crm"], "customization": None, "mode": None, "created_at": None, "updated_at": None,
    }
    schema = client.get("/openapi.json")
    assert schema.status_code == 200, schema.text
    assert "Workspace" in schema.text


@pytest.mark.parametrize("name", ["Workspace", "SourceTemplate", "RetryPolicy", "FieldError"])
def test_every_record_has_to_dict(name):
    cls = getattr(ae, name)
    assert callable(cls.to_dict)
    assert [f.name for f in dataclasses.fields(cls)]
