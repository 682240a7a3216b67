"""The cheaper buffer plumbing (`airbyte_embedded._buffers`): installed, and the same values
cross both ways (empty, non-ASCII, large, nested)."""


import airbyte_embedded as ae
from airbyte_embedded import _buffers
from conftest import spec_value

TINY = spec_value("source-tiny")


def test_it_is_installed_on_the_generated_module():
    generated = ae._generated
    assert generated._UniffiFfiConverterString.lower.__qualname__ == "install.<locals>.lower_string"
    assert generated._UniffiConverterRustBuffer.lower.__func__.__qualname__ == "install.<locals>.lower_buffer"
    call = generated._uniffi_rust_call_with_error
    assert call.__qualname__ == "_install_calls.<locals>.rust_call_with_error"
    # Installing again changes nothing that matters.
    assert _buffers.install(generated)


def test_strings_cross_unchanged_both_ways():
    for text in ["", "a", "ü€😀", "x" * 17, "é" * 100_000, '"quoted" \\ \n\t\u0000']:
        config = {"seed": text}
        assert ae.mask_secrets(TINY, config) == {"seed": text}


def test_records_options_and_sequences_cross_unchanged():
    spec = ae.Spec(TINY)
    options = ae.ValidationOptions(coerce_scalars=True, inject_defaults=False)
    v = spec.validate_with({"count": "7", "note": "ü"}, {"extra": [1, {"a": None}]}, options)
    assert v.merged == {"extra": [1, {"a": None}], "count": 7, "note": "ü"}
    assert v.source_config == {"count": 7, "note": "ü"}
    assert [(c.path, c.from_value, c.to_value) for c in v.coercions] == [("/count", "7", 7)]
    assert v.defaults_applied == [] and v.skipped_masked_secrets == []
    injected = spec.validate({})
    assert injected.defaults_applied == ["/count"]
    assert isinstance(spec.secret_paths(), list)
    # An absent optional argument crosses as such.
    config = {"count": 3}
    assert ae.validate_source_config(TINY, {}, config) == ae.validate_source_config(
        TINY, {}, config, ae.ValidationOptions()
    )
    assert spec.validate_with(config, {}) == spec.validate(config)
    assert spec.form() == spec.form({})


def test_errors_cross_unchanged():
    spec = ae.Spec(TINY)
    try:
        spec.validate({"count": 0})
    except ae.AirbyteError.InvalidConfig as e:
        assert [(p.path, p.keyword) for p in e.errors] == [("/count", "minimum")]
    else:
        raise AssertionError("expected InvalidConfig")


def test_a_call_that_fails_after_one_that_succeeded_reports_its_own_status():
    # Each call gets a status of its own: a success leaves nothing behind for the next call,
    # and a failure's error buffer is the failing call's.
    spec = ae.Spec(TINY)
    assert spec.validate({"count": 3}).source_config == {"count": 3}
    for bad in ({"count": 0}, {"count": -1}):
        try:
            spec.validate(bad)
        except ae.AirbyteError.InvalidConfig as e:
            assert [p.path for p in e.errors] == ["/count"]
        else:
            raise AssertionError("expected InvalidConfig")
        assert spec.validate({"count": 2}).source_config == {"count": 2}
    # A constructor's error (a call that returns a handle) is raised as well.
    try:
        ae.Spec.from_text("not json {")
    except ae.AirbyteError.InvalidArgument as e:
        assert "spec" in str(e)
    else:
        raise AssertionError("expected InvalidArgument")
