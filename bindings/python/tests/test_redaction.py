"""The string forms (`str()`, `repr()`) of records that hold connector configs: every key shown,
every value hidden (a request record does not know its connector spec, so it cannot tell a
secret from a host name)."""

import json

import pytest

import airbyte_embedded as ae
from conftest import spec_value

SECRET = "hunter2-s3cr3t-value"
# Keys at every depth: top level, a nested object (a `oneOf` branch), objects inside an array.
CONFIG = {
    "host": "db.example.com",
    "password": SECRET,
    "tunnel_method": {"tunnel_method": "SSH_KEY_AUTH", "ssh_key": SECRET, "tunnel_port": 22},
    "streams": [{"name": "users", "api_token": SECRET}, SECRET],
}
KEYS = ["host", "password", "tunnel_method", "ssh_key", "tunnel_port", "streams", "name", "api_token"]
VALUES = [SECRET, "db.example.com", "SSH_KEY_AUTH", "users", "22"]


def forms(record):
    """Every way Python turns a record into text."""
    return {
        "str": str(record),
        "repr": repr(record),
        "format": f"{record}",
        "percent": "%s / %r" % (record, record),
        "in a list": str([record]),
    }


def assert_masked(record, *shown):
    """Each string form names the record, every config key and `shown`, and no config value."""
    name = type(record).__name__
    for how, text in forms(record).items():
        assert name in text, (how, text)
        for value in VALUES:
            assert value not in text, (how, text)
        for key in KEYS:
            assert f'"{key}"' in text, (how, key, text)
        for value in shown:
            assert value in text, (how, value, text)
        assert "[REDACTED]" in text, (how, text)


def test_source_create_and_update():
    create = ae.SourceCreate(
        workspace_id="ws-visible", source_template_id="tpl-visible", source_config=CONFIG, name="my source"
    )
    assert_masked(create, "ws-visible", "tpl-visible", "my source")
    assert_masked(ae.SourceUpdate(name="renamed", source_config=CONFIG), "renamed")
    # No config: nothing to hide, and the string form still works.
    assert "renamed" in str(ae.SourceUpdate(name="renamed")) and "None" in repr(ae.SourceUpdate(name="renamed"))


def test_template_requests():
    assert_masked(
        ae.SourceTemplateCreate(actor_definition_id="def-visible", partial_default_config=CONFIG, name="pg"),
        "def-visible",
        "pg",
    )
    assert_masked(ae.SourceTemplateUpdate(partial_default_config=CONFIG, propagate=True), "true")
    assert_masked(
        ae.ConnectionTemplateCreate(
            destination_name="warehouse", destination_definition_id="dest-def", destination_config=CONFIG,
            cron_expression="0 0 12 * * ?",
        ),
        "warehouse",
        "dest-def",
        "0 0 12 * * ?",
    )
    assert_masked(ae.ConnectionTemplateUpdate(destination_config=CONFIG, sync_on_create=False), "false")


def test_response_records_and_validated_configs():
    template = ae.SourceTemplate(
        id="tpl-1", name="Postgres", icon=None, source_definition_id="def-1", user_config_spec=None,
        partial_default_config=CONFIG, customization=None, tags=["crm"], created_at=None, updated_at=None,
    )
    assert_masked(template, "tpl-1", "Postgres", "crm")
    source = ae.Source(
        id="src-1", name="mine", source_template=template, source_config=CONFIG, created_at=None, updated_at=None
    )
    assert_masked(source, "src-1", "mine", "tpl-1")
    connection = ae.ConnectionTemplate(
        id="ct-1", organization_id=None, destination_name="warehouse", destination_definition_id=None,
        destination_config=CONFIG, icon=None, cron_expression=None, non_breaking_changes_preference=None,
        sync_on_create=None, data_hosting_type=None, tags=[], created_at=None, updated_at=None,
    )
    assert_masked(connection, "ct-1", "warehouse")

    validated = ae.validate_source_config(
        spec_value("source-postgres"),
        {"port": 5432},
        {"host": "db.example.com", "database": "app", "username": "u", "password": SECRET},
    )
    for text in forms(validated).values():
        assert SECRET not in text and "db.example.com" not in text, text
        assert '"password"' in text and '"port"' in text and "[REDACTED]" in text, text
    # The fields themselves are untouched: only the string forms hide the values.
    assert validated.source_config["password"] == SECRET


@pytest.mark.parametrize("text", ["not json {", SECRET, json.dumps(SECRET), "[1, 2"])
def test_text_that_is_not_an_object_is_hidden_whole(text):
    # Text that is not a JSON object prints as unparsed, none of it shown; the other fields
    # print as usual.
    record = ae.SourceCreate(workspace_id="ws-visible", source_template_id="tpl", source_config=text)
    for how, out in forms(record).items():
        assert SECRET not in out and "not json" not in out and "[1, 2" not in out, (how, out)
        assert "SourceCreate" in out and "source_config: [REDACTED: not JSON object text]" in out, (how, out)
        assert "ws-visible" in out, (how, out)
    assert record.source_config == text
    template = ae.SourceTemplateCreate(
        actor_definition_id="d", partial_default_config=text, customization=ae.Customization(other=text)
    )
    for how, out in forms(template).items():
        assert SECRET not in out and "not json" not in out and "[1, 2" not in out, (how, out)
        assert "partial_default_config: [REDACTED: not JSON object text]" in out, (how, out)
        assert "other: [REDACTED: not JSON object text]" in out, (how, out)


def test_records_still_compare_and_keep_their_values():
    a = ae.SourceCreate(workspace_id="ws", source_template_id="tpl", source_config=CONFIG)
    b = ae.SourceCreate(workspace_id="ws", source_template_id="tpl", source_config=CONFIG)
    assert a == b
    assert a != ae.SourceCreate(workspace_id="ws", source_template_id="tpl", source_config={})
    assert a.source_config["password"] == SECRET


def test_a_record_with_a_wrongly_typed_field_still_prints_without_values():
    # A number instead of a name: Rust cannot receive the record, so nothing of it is shown.
    record = ae.SourceCreate(workspace_id="ws", source_template_id="tpl", source_config={"password": SECRET}, name=12)
    for how, text in forms(record).items():
        assert SECRET not in text, (how, text)
        assert "SourceCreate(" in text and "source_config=[REDACTED]" in text, (how, text)
    # Records without a config keep the generated string form.
    assert str(ae.TagFilter(tags=["crm"])) == "TagFilter(tags=['crm'], mode=None)"
