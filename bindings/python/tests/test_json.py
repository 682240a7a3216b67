"""Configs, specs and form models as Python values: dicts and lists out, any Mapping (or JSON
text as str) in, and a value that is not JSON refused naming the field."""

import json
import math
from collections.abc import Mapping
from types import MappingProxyType

import pytest

import airbyte_embedded as ae
from conftest import POSTGRES_DEFINITION_ID, spec_value, unique

# A spec with no constraints: any object passes, so values cross unchanged.
OPEN = {"connectionSpecification": {"type": "object"}}

NESTED = {
    "host": "db.example.com",
    "port": 5432,
    "big": 2**63 + 1,
    "u64": 2**64 - 1,
    "negative": -(2**62),
    "ratio": 0.1,
    "tiny": 5e-324,
    "none": None,
    "on": True,
    "unicode": "Zürich ✓ 東京 \U0001f680 \"quoted\" \\ \n\t",
    "empty": {},
    "list": [1, 2.5, "x", None, False, [], {"deep": [{"deeper": ["a"]}]}],
}


class Frozen(Mapping):
    """A read-only Mapping that is not a dict."""

    def __init__(self, items):
        self._items = dict(items)

    def __getitem__(self, key):
        return self._items[key]

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)


def test_nested_values_cross_both_ways_unchanged():
    validated = ae.Spec(OPEN).validate(NESTED)
    assert isinstance(validated.source_config, dict)
    assert validated.source_config == NESTED
    assert list(validated.source_config) == list(NESTED)  # key order kept
    assert validated.source_config["u64"] == 2**64 - 1 and isinstance(validated.source_config["u64"], int)
    assert isinstance(validated.source_config["ratio"], float)
    # Any JSON value, not only objects, crosses as a value.
    for value in [NESTED, [1, "two", None], "text", 12, 1.5, True, None]:
        assert ae.mask_secrets(OPEN, value) == value


def test_results_are_python_values():
    form = ae.Spec(spec_value("source-postgres")).form({"port": 5432})
    assert isinstance(form, dict) and isinstance(form["fields"], list)
    merged = ae.merge_config(OPEN, {"a": 1, "b": [1]}, {"b": [2], "c": {"d": None}})
    assert merged == {"a": 1, "b": [2], "c": {"d": None}}


def test_a_mapping_that_is_not_a_dict_is_accepted_at_any_depth():
    config = Frozen({"host": "h", "nested": MappingProxyType({"k": Frozen({"x": 1})}), "seq": (1, 2)})
    validated = ae.Spec(OPEN).validate(config)
    assert validated.source_config == {"host": "h", "nested": {"k": {"x": 1}}, "seq": [1, 2]}
    record = ae.SourceUpdate(source_config=config)
    assert "host" in str(record) and "h" not in str(record).replace("host", "")


def test_text_is_taken_as_is():
    text = '{"b": 1, "a": 18446744073709551615, "c": 1.0}'
    validated = ae.Spec.from_text(json.dumps(OPEN)).validate_text(text)
    assert validated.source_config == {"b": 1, "a": 18446744073709551615, "c": 1.0}
    assert list(validated.source_config) == ["b", "a", "c"]
    # A str anywhere a JSON value goes is JSON text already written.
    assert ae.Spec(OPEN).validate(text).source_config == validated.source_config


@pytest.mark.parametrize(
    "bad, why",
    [
        ({"tags": {"a", "b"}}, "a set is not a JSON value"),
        ({"ratio": math.nan}, "NaN and infinite floats are not JSON numbers"),
        ({"blob": b"\x00secret"}, "a bytes is not a JSON value"),
        ({("a", "b"): 1}, "object keys must be text"),
    ],
)
def test_a_value_that_is_not_json_is_refused_naming_the_field(bad, why):
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.Spec(OPEN).validate(bad)
    assert e.value.argument == "source_config"
    assert e.value.detail.startswith("is not a JSON value: " + why), e.value.detail
    assert "secret" not in str(e.value)
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.validate_source_config(OPEN, bad, {})
    assert e.value.argument == "partial_default_config"


def test_a_value_that_is_not_an_object_is_refused_where_one_is_due():
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.Spec(OPEN).validate([1, 2])
    assert (e.value.argument, e.value.detail) == ("source_config", "must be a JSON object, got an array")


def test_native_configs_round_trip_through_the_service(operator):
    template = operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=POSTGRES_DEFINITION_ID,
            partial_default_config=Frozen({"port": 5432}),
            name=unique("Postgres"),
        )
    )
    try:
        assert template.partial_default_config == {"port": 5432}
        end_user = operator.end_user_client(unique("json"))
        config = {
            "host": "db.example.com",
            "database": "Zürich-東京",
            "username": "u",
            "password": "p",
            "jdbc_url_params": "a=1",
            "schemas": ["public", "ünïcode"],
        }
        source = end_user.sources().create(
            ae.SourceCreate(workspace_id=end_user.workspace_id(), source_template_id=template.id, source_config=config)
        )
        stored = end_user.sources().get(source.id).source_config
        assert isinstance(stored, dict)
        assert stored["schemas"] == ["public", "ünïcode"] and stored["database"] == "Zürich-東京"
        assert stored["port"] == 5432 and stored["password"] == ae.secret_mask()
        with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
            end_user.sources().update(source.id, ae.SourceUpdate(source_config={"schemas": {"public"}}))
        assert e.value.argument == "source_config"
    finally:
        operator.source_templates().delete(template.id)


def test_object_fields_that_default_to_empty_still_do():
    assert ae.Customization().other == {}
    assert ae.SourceTemplateCreate(actor_definition_id="d").partial_default_config == {}
    a, b = ae.SonarStream(name="a"), ae.SonarStream(name="b")
    a.other["x"] = 1
    assert b.other == {}  # each record gets its own dict
