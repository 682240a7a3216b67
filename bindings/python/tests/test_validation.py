"""Offline validation, secrets and the form model."""


import math

import pytest

import airbyte_embedded as ae
from conftest import spec_value

PG = spec_value("source-postgres")


def test_valid_config_reports_what_was_merged():
    result = ae.validate_source_config(
        PG, {"port": 5432}, {"host": "h", "database": "d", "username": "u", "password": "p"}
    )
    merged = result.merged
    assert merged["port"] == 5432 and merged["host"] == "h"
    assert result.source_config == {"host": "h", "database": "d", "username": "u", "password": "p"}
    assert result.coercions == []


def test_errors_have_paths_messages_and_keywords():
    with pytest.raises(ae.AirbyteError.InvalidConfig) as e:
        ae.validate_source_config(PG, {}, {"host": 5, "port": "x"})
    by_path = {p.path: p for p in e.value.errors}
    assert by_path["/host"].keyword == "type"
    assert by_path["/database"].keyword == "required"
    assert by_path["/port"].message
    assert "/database" in str(e.value) or "database" in str(e.value)


def test_coercion_is_opt_in_and_reported():
    options = ae.ValidationOptions(coerce_scalars=True)
    result = ae.validate_source_config(
        PG, {}, {"host": "h", "port": "5432", "database": "d", "username": "u"}, options
    )
    assert result.source_config["port"] == 5432
    assert [(c.path, c.from_value, c.to_value) for c in result.coercions] == [("/port", "5432", 5432)]


def test_text_that_is_not_an_object_is_refused_naming_the_argument():
    config = {"host": "h", "database": "d", "username": "u"}
    for partial, source_config, argument in [
        ("[1]", config, "partial_default_config"),
        ("{}", '{"password": "hunter2"', "source_config"),
        ("{}", "12", "source_config"),
    ]:
        with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
            ae.validate_source_config(PG, partial, source_config)
        assert e.value.argument == argument
        assert e.value.detail.startswith(("is not valid JSON text: ", "must be a JSON object, got ")), e.value.detail
        assert "hunter2" not in str(e.value)
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.validate_source_config({"type": math.inf}, {}, config)
    assert e.value.argument == "spec"
    assert e.value.detail.startswith("is not a JSON value: "), e.value.detail


def test_masked_secrets():
    config = {"host": "h", "password": "hunter2"}
    masked = ae.mask_secrets(PG, config)
    assert masked == {"host": "h", "password": ae.secret_mask()}
    assert "/password" in ae.secret_paths(PG)
    assert ae.masked_secret_paths(PG, masked) == ["/password"]
    redacted = ae.redact_config(PG, {"host": "h", "unknown": "leak"})
    assert redacted["unknown"] == ae.secret_mask()
    with pytest.raises(ae.AirbyteError.InvalidConfig) as e:
        ae.validate_source_config(PG, {}, {"host": "h", "database": "d", "username": "u", "password": ae.secret_mask()})
    assert [p.keyword for p in e.value.errors] == ["airbyte_secret"]
    ae.validate_source_config(
        PG,
        {},
        {"host": "h", "database": "d", "username": "u", "password": ae.secret_mask()},
        ae.ValidationOptions(skip_masked_secrets=True),
    )


def test_merge_user_spec_and_form():
    merged = ae.merge_config(PG, {"port": 1, "host": "a"}, {"host": "b"})
    assert merged == {"port": 1, "host": "b"}
    user_spec = ae.user_config_spec(PG, {"host": "a"})
    assert "host" not in user_spec["connectionSpecification"]["required"]
    form = ae.form_model(PG, {"port": 5432})
    fields = {f["key"]: f for f in form["fields"]}
    assert fields["password"]["secret"] is True and fields["port"]["fixed_by_template"] is True
    assert fields["host"]["kind"] == "string" and fields["host"]["path"] == "/host"


def test_bad_inputs():
    with pytest.raises(ae.AirbyteError.InvalidSpec):
        ae.secret_paths({"connectionSpecification": {"type": 12}})
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.mask_secrets({"bad": b"bytes"}, {})
    assert e.value.argument == "spec"
