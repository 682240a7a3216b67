"""Global source templates, destination definitions and the destinations the service makes
from connection templates (operator side)."""


import pytest

import airbyte_embedded as ae
from conftest import S3_DEFINITION_ID, unique

UNKNOWN = "00000000-0000-4000-8000-00000000abcd"


def s3_config(bucket):
    return {
        "s3_bucket_name": bucket,
        "s3_bucket_path": "data",
        "s3_bucket_region": "eu-west-1",
        "access_key_id": "AKIAEXAMPLE01",
        "secret_access_key": "s3-secret-key-value",
        "format": {"format_type": "JSONL"},
    }


def test_global_templates_clone_into_the_organisation(operator):
    global_templates = operator.source_templates().list_global()
    names = [t.name for t in global_templates]
    assert "Postgres (Airbyte)" in names
    pg = next(t for t in global_templates if t.name == "Postgres (Airbyte)")
    own = {t.id for t in operator.source_templates().list()}
    assert pg.id not in own
    clone = operator.source_templates().clone_template(pg.id, unique("Postgres"))
    assert clone.id != pg.id
    assert clone.partial_default_config["port"] == 5432
    assert clone.id in {t.id for t in operator.source_templates().list()}
    flagged = operator.source_templates().list_with(use_global=True)
    assert [t.id for t in flagged] == [t.id for t in global_templates]
    operator.source_templates().delete(clone.id)


def test_destination_definitions(operator):
    assert S3_DEFINITION_ID in [d.id for d in operator.definitions().list_destinations()]
    some = operator.definitions().list_destinations([S3_DEFINITION_ID, UNKNOWN])
    assert [(d.id, d.name) for d in some] == [(S3_DEFINITION_ID, "S3")]
    full = operator.definitions().get_destination(S3_DEFINITION_ID)
    spec = full.definition.spec
    assert "secret_access_key" in spec["connectionSpecification"]["properties"]
    with pytest.raises(ae.AirbyteError.NotFound):
        operator.definitions().get_destination(UNKNOWN)
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.definitions().list_destinations([" "])
    assert e.value.argument == "ids"


def test_a_new_source_gets_one_destination_per_connection_template(fresh_sandbox):
    operator = fresh_sandbox.operator()
    for bucket in ("lake-a", "lake-b", "lake-c"):
        operator.connection_templates().create(
            ae.ConnectionTemplateCreate(
                destination_name=f"Lake {bucket}",
                destination_definition_id=S3_DEFINITION_ID,
                destination_config=s3_config(bucket),
            )
        )
    sample = next(t for t in operator.source_templates().list_global() if t.name == "Sample Data (Airbyte)")
    template = operator.source_templates().clone_template(sample.id, None)
    end_user = operator.end_user_client(unique("acme"))
    workspace_id = end_user.workspace_id()
    end_user.sources().create(
        ae.SourceCreate(workspace_id=workspace_id, source_template_id=template.id, source_config={})
    )

    destinations = operator.destinations()
    walk = list(destinations.pages(ae.DestinationFilter(workspace_id=workspace_id, limit=2)))
    assert sorted(d.name for d in walk) == ["Lake lake-a", "Lake lake-b", "Lake lake-c"]
    first = destinations.list_page(ae.DestinationFilter(workspace_id=workspace_id, limit=2))
    assert len(first.data) == 2 and first.next is not None
    one = destinations.get(walk[0].id)
    assert one.destination_definition_id == S3_DEFINITION_ID
    assert one.destination_config["secret_access_key"] == "**********"
    assert "eu-west-1" not in str(one)

    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        next(iter(destinations.pages(ae.DestinationFilter(workspace_id=""))))
    assert e.value.argument == "workspace_id"
    with pytest.raises(ae.AirbyteError.NotFound):
        destinations.get(UNKNOWN)
