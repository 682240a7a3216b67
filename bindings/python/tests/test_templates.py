"""Definitions, tags, source templates and connection templates (operator side), and the
templates an end user sees."""

import json

import pytest

import airbyte_embedded as ae
from conftest import POSTGRES_DEFINITION_ID, S3_DEFINITION_ID, STRIPE_DEFINITION_ID, unique


def test_definitions(operator):
    found = operator.definitions().list_sources("postgres")
    assert [d.source_definition_id for d in found] == [POSTGRES_DEFINITION_ID]
    assert found[0].support_level == ae.SupportLevel.CERTIFIED()
    assert len(operator.definitions().list_sources()) >= 3
    definition = operator.definitions().get_source(POSTGRES_DEFINITION_ID)
    assert definition.id == POSTGRES_DEFINITION_ID
    assert definition.definition.name == "Postgres"
    spec = definition.definition.spec
    assert "host" in spec["connectionSpecification"]["required"]
    assert "dockerRepository" in definition.definition.other
    with pytest.raises(ae.AirbyteError.NotFound) as e:
        operator.definitions().get_source("00000000-0000-0000-0000-000000000000")
    assert e.value.status == 404


def test_a_customization_survives_a_read_modify_write(operator):
    mappers = {"users": [{"type": "hashing", "mapper_configuration": {"target_field": "email", "method": "SHA256"}}]}
    created = operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=POSTGRES_DEFINITION_ID,
            partial_default_config={"port": 5432},
            name=unique("Postgres"),
            customization=ae.Customization(
                stream_selection_mode=ae.StreamSelectionMode.ALL(),
                other={"stream_mappers": mappers},
            ),
        )
    )
    read = operator.source_templates().get(created.id)
    # Mappers given as raw JSON come back typed.
    (hashing,) = read.customization.stream_mappers["users"]
    assert hashing.is_HASHING() and hashing.config.target_field == "email"
    # Read, change the name, write back: the mappers survive.
    updated = operator.source_templates().update(
        created.id,
        ae.SourceTemplateUpdate(
            partial_default_config=read.partial_default_config,
            name=read.name + " 2",
            customization=read.customization,
        ),
    )
    assert updated.customization.stream_mappers == read.customization.stream_mappers
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.source_templates().create(
            ae.SourceTemplateCreate(
                actor_definition_id=POSTGRES_DEFINITION_ID,
                partial_default_config={},
                customization=ae.Customization(other="[1]"),
            )
        )
    assert e.value.argument == "customization"
    assert e.value.detail == "must be a JSON object, got an array"
    # Beside a modelled field, the text still never leaves: `other` is flattened into the
    # same object as `stream_selection_mode`.
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.source_templates().create(
            ae.SourceTemplateCreate(
                actor_definition_id=POSTGRES_DEFINITION_ID,
                partial_default_config={},
                customization=ae.Customization(
                    stream_selection_mode=ae.StreamSelectionMode.ALL(),
                    other='{"pw": "hunter2"',
                ),
            )
        )
    assert e.value.argument == "customization"
    assert e.value.detail.startswith("is not valid JSON text") and "hunter2" not in e.value.detail
    operator.source_templates().delete(created.id)


def test_tags_lifecycle(operator):
    name = unique("crm")
    tag = operator.tags().create(name)
    assert tag.name == name and tag.id
    assert name in [t.name for t in operator.tags().list()]
    renamed = operator.tags().rename(name, name + "-x")
    assert renamed.name == name + "-x"
    deleted = operator.tags().delete(name + "-x")
    assert deleted.deleted_at
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.tags().create("x" * 256)
    assert e.value.argument == "name"
    with pytest.raises(ae.AirbyteError.NotFound):
        operator.tags().delete(unique("missing"))


def test_source_templates_lifecycle(operator):
    tag = operator.tags().create(unique("db")).name
    created = operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=POSTGRES_DEFINITION_ID,
            partial_default_config={"port": 5432},
            name=unique("Postgres"),
            customization=ae.Customization(stream_selection_mode=ae.StreamSelectionMode.ALL()),
        )
    )
    assert created.source_definition_id == POSTGRES_DEFINITION_ID
    assert created.partial_default_config == {"port": 5432}
    spec = created.user_config_spec
    assert "port" not in spec["connectionSpecification"].get("required", [])
    assert created.customization.stream_selection_mode == ae.StreamSelectionMode.ALL()

    tagged = operator.source_templates().add_tag(created.id, tag)
    assert tag in tagged.tags
    listed = operator.source_templates().list(ae.TagFilter(tags=[tag], mode=ae.TagsMode.ANY()))
    assert [t.id for t in listed] == [created.id]
    assert created.id in [t.id for t in operator.source_templates().list()]

    updated = operator.source_templates().update(
        created.id,
        ae.SourceTemplateUpdate(partial_default_config={"port": 6543}, name="Renamed"),
    )
    assert updated.name == "Renamed" and updated.partial_default_config == {"port": 6543}
    copy = operator.source_templates().clone_template(created.id, "Copy")
    assert copy.id != created.id and copy.name == "Copy"

    assert operator.source_templates().remove_tag(created.id, tag).deleted_at
    assert tag not in operator.source_templates().get(created.id).tags
    for t in (created, copy):
        assert operator.source_templates().delete(t.id).id == t.id
    with pytest.raises(ae.AirbyteError.NotFound):
        operator.source_templates().get(created.id)


def test_source_template_arguments_are_checked_before_sending(operator):
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.source_templates().create(
            ae.SourceTemplateCreate(actor_definition_id=POSTGRES_DEFINITION_ID, partial_default_config="[1]")
        )
    assert e.value.argument == "partial_default_config"
    assert e.value.detail == "must be a JSON object, got an array"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.source_templates().update("t", ae.SourceTemplateUpdate(partial_default_config='{"port": 5432'))
    assert e.value.argument == "partial_default_config"
    assert e.value.detail.startswith("is not valid JSON text: "), e.value.detail
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.source_templates().create(
            ae.SourceTemplateCreate(
                actor_definition_id=POSTGRES_DEFINITION_ID,
                customization=ae.Customization(
                    stream_selection_mode=ae.StreamSelectionMode.WHITELIST(), stream_whitelist=[]
                ),
            )
        )
    assert e.value.argument == "customization.stream_whitelist"
    with pytest.raises(ae.AirbyteError.InvalidArgument):
        operator.source_templates().get("")


def test_connection_templates_lifecycle(operator):
    tag = operator.tags().create(unique("crm")).name
    s3 = {
        "s3_bucket_name": "acme-exports",
        "s3_bucket_path": "airbyte",
        "s3_bucket_region": "us-east-1",
        "access_key_id": "AKIAEXAMPLE",
        "secret_access_key": "example-secret-access-key",
        "format": {"format_type": "JSONL"},
    }
    created = operator.connection_templates().create(
        ae.ConnectionTemplateCreate(
            destination_name="Acme S3",
            destination_definition_id=S3_DEFINITION_ID,
            destination_config=s3,
            cron_expression="0 0 12 * * ?",
            non_breaking_changes_preference=ae.NonBreakingChangesPreference.PROPAGATE_COLUMNS(),
        )
    )
    assert created.destination_name == "Acme S3"
    assert created.non_breaking_changes_preference == ae.NonBreakingChangesPreference.PROPAGATE_COLUMNS()
    assert created.data_hosting_type == ae.DataHostingType.USER_HOSTED()
    stored = created.destination_config
    assert stored["secret_access_key"] == ae.secret_mask()
    assert operator.connection_templates().add_tag(created.id, tag).tags == [tag]
    assert [t.id for t in operator.connection_templates().list(ae.TagFilter(tags=[tag]))] == [created.id]
    updated = operator.connection_templates().update(
        created.id, ae.ConnectionTemplateUpdate(cron_expression="0 30 6 * * ?", sync_on_create=False)
    )
    assert updated.cron_expression.startswith("0 30 6 * * ?") and updated.sync_on_create is False
    assert operator.connection_templates().get(created.id).id == created.id
    assert operator.connection_templates().remove_tag(created.id, tag).deleted_at

    hosted = operator.connection_templates().create(
        ae.ConnectionTemplateCreate(data_hosting_type=ae.DataHostingType.AIRBYTE_HOSTED())
    )
    assert hosted.data_hosting_type == ae.DataHostingType.AIRBYTE_HOSTED()

    cron = operator.connection_templates().describe_cron("0 0 12 * * ?")
    assert cron.is_valid and cron.description
    assert operator.connection_templates().describe_cron("0 12 * * *").is_valid is False
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.connection_templates().create(ae.ConnectionTemplateCreate(cron_expression="0 12 * * *"))
    assert e.value.argument == "cron_expression"
    for t in (created, hosted):
        operator.connection_templates().delete(t.id)


def test_end_user_sees_offered_templates(operator):
    template = operator.source_templates().create(
        ae.SourceTemplateCreate(actor_definition_id=STRIPE_DEFINITION_ID, name=unique("Stripe"))
    )
    end_user = operator.end_user_client(unique("ws"))
    offered = end_user.source_templates().list()
    assert template.id in [t.id for t in offered]
    detail = end_user.source_templates().get(template.id)
    assert "account_id" in detail.user_config_spec["connectionSpecification"]["required"]
    operator.source_templates().delete(template.id)


def test_a_connection_template_copy_needs_its_secrets_again(operator):
    config = {
        "s3_bucket_name": "lake",
        "s3_bucket_path": "data",
        "s3_bucket_region": "us-east-1",
        "access_key_id": "AKIA",
        "secret_access_key": "py-secret",
        "format": {"format_type": "JSONL"},
    }
    original = operator.connection_templates().create(
        ae.ConnectionTemplateCreate(
            destination_name=unique("Lake"), destination_definition_id=S3_DEFINITION_ID, destination_config=config
        )
    )
    with pytest.raises(ae.AirbyteError.InvalidConfig) as e:
        operator.connection_templates().clone_template(original.id, "copy")
    assert sorted(err.path for err in e.value.errors) == ["/access_key_id", "/secret_access_key"]
    secrets = {"access_key_id": "AKIA", "secret_access_key": "py-secret"}
    copy = operator.connection_templates().clone_template(original.id, "Lake copy", secrets)
    assert copy.id != original.id and copy.destination_name == "Lake copy"
    assert copy.destination_config == original.destination_config
    for t in (copy, original):
        operator.connection_templates().delete(t.id)


def test_typed_stream_customizations_and_mappers_round_trip(operator):
    mappers = [
        ae.StreamMapper.HASHING(config=ae.HashingConfig(target_field="email", method=ae.HashingMethod.SHA256()), other="{}"),
        ae.StreamMapper.FIELD_RENAMING(
            config=ae.FieldRenamingConfig(original_field_name="fname", new_field_name="first_name"), other="{}"
        ),
        ae.StreamMapper.UNKNOWN(mapper={"type": "tokenizing", "mapper_configuration": {"f": "x"}}),
    ]
    customization = ae.Customization(
        stream_customizations={"users": ae.StreamCustomization(primary_key_fields=[["id"]], cursor_field=["updated_at"])},
        stream_mappers={"users": mappers},
    )
    created = operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=POSTGRES_DEFINITION_ID,
            partial_default_config={},
            name=unique("Mapped"),
            customization=customization,
        )
    )
    back = operator.source_templates().get(created.id).customization
    assert back.stream_customizations["users"].primary_key_fields == [["id"]]
    read = back.stream_mappers["users"]
    assert read[0].is_HASHING() and read[0].config.method == ae.HashingMethod.SHA256()
    assert read[1].config.new_field_name == "first_name"
    assert read[2].is_UNKNOWN() and read[2].mapper["type"] == "tokenizing"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.source_templates().create(
            ae.SourceTemplateCreate(
                actor_definition_id=POSTGRES_DEFINITION_ID,
                partial_default_config={},
                customization=ae.Customization(
                    stream_mappers={
                        "users": [
                            ae.StreamMapper.FIELD_FILTERING(config=ae.FieldFilteringConfig(target_field=""), other="{}")
                        ]
                    }
                ),
            )
        )
    assert e.value.argument == "customization.stream_mappers.users"
    operator.source_templates().delete(created.id)


def test_a_template_spec_arrives_as_the_service_wrote_it(sandbox, operator):
    # The spec is passed through as the text the service sent: key order, unicode escapes,
    # numbers of every size and odd spacing come out as `json.loads` of that body reads them.
    spec_text = (
        '{ "documentationUrl": "https://docs.example/\\u00e9t\\u00e9",'
        '"connectionSpecification": {"type": "object", "required": ["zeta", "alpha"],'
        '  "properties": {"zeta": {"type": "integer", "maximum": 18446744073709551616},'
        '"alpha": {"type": "number", "default": 1.5e-7, "examples": [null, true, "x\\"]"]}}},'
        '"advanced_auth": {"auth_flow_type": "oauth2.0", "nested": [[[{"deep": []}]]]} }'
    )
    body = '{"id": "tpl-raw", "name": "Raw", "user_config_spec": %s, "partial_default_config": {}}' % spec_text
    sandbox.respond(200, body, path_prefix="/integrations/templates/sources/tpl-raw")
    template = operator.source_templates().get("tpl-raw")
    expected = json.loads(spec_text)
    assert template.user_config_spec == expected
    assert list(template.user_config_spec) == list(expected)
    assert list(template.user_config_spec["connectionSpecification"]["properties"]) == ["zeta", "alpha"]
    maximum = template.user_config_spec["connectionSpecification"]["properties"]["zeta"]["maximum"]
    assert maximum == 2**64 and type(maximum) is int


def test_a_spec_python_cannot_write_prints_as_unparsed():
    # Printing lifts the record into the library, where no error can be raised: a spec that is
    # not JSON shows as the unparsed stand-in, saying why; a JSON spec shows as its text.
    broken = ae.SourceTemplate(id="t1", user_config_spec={"type": {1, 2}}, partial_default_config={})
    assert "unparsed JSON text" in repr(broken) and "a set is not a JSON value" in repr(broken)
    fine = ae.SourceTemplate(id="t1", user_config_spec={"type": "object"}, partial_default_config={})
    assert 'user_config_spec: Some({"type":"object"})' in repr(fine)
