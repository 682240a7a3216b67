"""Stream catalogs of source templates and source definitions (operator side)."""


import pytest

import airbyte_embedded as ae
from conftest import POSTGRES_DEFINITION_ID, unique


@pytest.fixture
def template(operator):
    created = operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=POSTGRES_DEFINITION_ID, partial_default_config={}, name=unique("Postgres")
        )
    )
    yield created
    operator.source_templates().delete(created.id)


def test_a_template_catalog_is_queried_patched_and_its_streams_edited(operator, template):
    catalogs = operator.template_catalogs()
    read = catalogs.get(template.id)
    assert [s.name for s in read.sonar_catalog.streams] == ["customers", "orders", "users"]
    assert catalogs.query(template.id, "streams[?suggested].name") == ["customers"]
    with pytest.raises(ae.AirbyteError.Validation):
        catalogs.query(template.id, "streams[?")

    patched = catalogs.patch(
        template.id,
        [ae.PatchOp(op="add", path="/selected_streams", value=["orders"])],
    )
    assert patched.selected_streams == ["orders"]
    assert [s.name for s in catalogs.get(template.id, True).sonar_catalog.streams] == ["orders"]

    added = catalogs.add_stream(template.id, ae.SonarStream(name="events", other={"x_custom": 1}))
    assert added.other == {"x_custom": 1}
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        catalogs.add_stream(template.id, ae.SonarStream())
    assert e.value.argument == "stream.name"
    changed = catalogs.patch_stream(
        template.id, "events", [ae.PatchOp(op="add", path="/description", value="Clicks")]
    )
    assert changed.description == "Clicks"
    assert catalogs.delete_stream(template.id, "events").stream_name == "events"

    catalog_id = catalogs.replace(template.id, ae.SonarCatalog(streams=[ae.SonarStream(name="only")]))
    assert catalog_id == read.id
    assert [s.name for s in catalogs.get(template.id).sonar_catalog.streams] == ["only"]
    catalogs.replace(template.id)
    catalogs.delete(template.id)
    with pytest.raises(ae.AirbyteError.NotFound):
        catalogs.get(template.id)


def test_a_definition_catalog_is_read_blessed_and_queried(operator):
    catalogs = operator.definition_catalogs()
    read = catalogs.get(POSTGRES_DEFINITION_ID)
    assert read.name == "Postgres" and read.catalog_type == ae.CatalogType.STRUCTURED()
    catalogs.patch(POSTGRES_DEFINITION_ID, blessed=True)
    assert catalogs.get(POSTGRES_DEFINITION_ID).blessed
    assert catalogs.query(POSTGRES_DEFINITION_ID, "length(streams)") >= 3
    name = unique("py_stream")
    catalogs.add_stream(POSTGRES_DEFINITION_ID, ae.SonarStream(name=name))
    changed = catalogs.patch_stream(
        POSTGRES_DEFINITION_ID, name, [ae.PatchOp(op="replace", path="/suggested", value=True)]
    )
    assert changed.suggested
