"""A compiled `Spec`: the same answers as the free functions on every fixture case, and clean
failures for a spec that does not load and for a freed one."""

import json

import pytest

import airbyte_embedded as ae
from conftest import ROOT, SPECS, spec_text, spec_value

CASES = ROOT / "tests" / "fixtures" / "cases"
NAMES = sorted(p.stem for p in SPECS.glob("*.json"))


def outcome(call):
    """What a validation answered: the validated config's fields, or every error."""
    try:
        v = call()
    except ae.AirbyteError.InvalidConfig as e:
        return "invalid", [(p.path, p.keyword, p.message) for p in e.errors]
    return "valid", (v.merged, v.source_config, v.coercions, v.defaults_applied, v.skipped_masked_secrets)


def test_there_are_fixture_specs():
    assert len(NAMES) >= 7


@pytest.mark.parametrize("name", NAMES)
def test_a_compiled_spec_answers_as_the_free_functions_on_every_case(name):
    text = spec_value(name)
    spec = ae.Spec(text)
    assert spec.secret_paths() == ae.secret_paths(text)
    assert ae.Spec.from_text(spec_text(name)).secret_paths() == spec.secret_paths()
    cases = json.loads((CASES / f"{name}.json").read_text())
    assert cases
    for case in cases:
        defaults = case["partial_default_config"]
        config = case["source_config"]
        options = ae.ValidationOptions(**case["options"]) if "options" in case else None
        free = outcome(lambda: ae.validate_source_config(text, defaults, config, options))
        held = outcome(lambda: spec.validate_with(config, defaults, options))
        assert held == free, case["name"]
        assert free[0] == ("valid" if case["valid"] else "invalid"), case["name"]
        # `is_valid` has no defaults and the strict options: it answers `validate`'s question
        # on the config alone, and on the config with the case's defaults merged under it.
        for alone in (config, ae.merge_config(text, defaults, config)):
            expected = outcome(lambda: spec.validate(alone))[0] == "valid"
            assert spec.is_valid(alone) is expected, case["name"]
            assert spec.is_valid_text(json.dumps(alone)) is expected, case["name"]
        if not case["partial_default_config"] and options is None:
            assert outcome(lambda: spec.validate(config)) == free, case["name"]
            assert outcome(lambda: spec.validate_text(json.dumps(config))) == free, case["name"]
        assert spec.mask_secrets(config) == ae.mask_secrets(text, config)
        assert spec.form(defaults) == ae.form_model(text, defaults)
    assert spec.form() == ae.form_model(text, {})


def test_a_spec_that_does_not_load_fails_when_made():
    with pytest.raises(ae.AirbyteError.InvalidSpec) as e:
        ae.Spec({"connectionSpecification": {"$ref": "https://example.com/s.json"}})
    assert "remote" in e.value.detail
    with pytest.raises(ae.AirbyteError.InvalidSpec):
        ae.Spec({"type": "wat"})
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.Spec.from_text("not json")
    assert e.value.argument == "spec"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.Spec({"nan": float("nan")})
    assert e.value.argument == "spec"


def test_configs_that_are_not_objects_are_refused_naming_the_argument():
    spec = ae.Spec(spec_value("source-tiny"))
    for call, argument in [
        (lambda: spec.validate_text("[1]"), "source_config"),
        (lambda: spec.validate("[1]"), "source_config"),
        (lambda: spec.is_valid("[1]"), "source_config"),
        (lambda: spec.is_valid([1]), "source_config"),
        (lambda: spec.is_valid({"x": {1, 2}}), "source_config"),
        (lambda: spec.is_valid_text("{"), "source_config"),
        (lambda: spec.is_valid_text(""), "source_config"),
        (lambda: spec.validate_with("{}", "12"), "partial_default_config"),
        (lambda: spec.form("[]"), "partial_default_config"),
    ]:
        with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
            call()
        assert e.value.argument == argument
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        spec.mask_secrets({"x": {1, 2}})
    assert e.value.argument == "config"


def test_a_freed_spec_fails_cleanly():
    spec = ae.Spec(spec_value("source-tiny"))
    assert spec.validate({"count": 3}).source_config == {"count": 3}
    spec.__del__()
    for call in [
        lambda: spec.validate({"count": 3}),
        lambda: spec.is_valid({"count": 3}),
        lambda: spec.is_valid_text('{"count": 3}'),
        lambda: spec.secret_paths(),
        lambda: spec.mask_secrets({}),
        lambda: spec.form(),
    ]:
        with pytest.raises(ae.AirbyteError.ClientClosed) as e:
            call()
        assert "Spec was freed" in e.value.detail, e.value.detail
    spec.__del__()  # a second manual call: nothing to free


def test_is_valid_answers_in_one_call_into_the_library(monkeypatch):
    """The direct call answers for JSON object text; what it cannot answer goes to the
    generated method, which raises as it does."""
    from airbyte_embedded import _native

    spec = ae.Spec(spec_value("source-tiny"))
    assert spec.is_valid({"count": 3}) is True
    assert spec.is_valid({"count": "three"}) is False
    assert spec.is_valid_text('{"count": 3}') is True
    generated = _native.airbyte_embedded._UniffiLib.uniffi_airbyte_embedded_fn_method_spec_is_valid_text
    calls = []

    def counting(*args):
        calls.append(args)
        return generated(*args)

    monkeypatch.setattr(
        _native.airbyte_embedded._UniffiLib,
        "uniffi_airbyte_embedded_fn_method_spec_is_valid_text",
        counting,
    )
    assert spec.is_valid_text('{"count": 3}') is True
    assert spec.is_valid_text('{"count": -1}') is False
    assert calls == []
    with pytest.raises(ae.AirbyteError.InvalidArgument):
        spec.is_valid_text("[")
    assert len(calls) == 1
    # Text the direct call cannot take: a lone surrogate does not encode as UTF-8, and the
    # generated method raises what encoding it raises.
    with pytest.raises(UnicodeEncodeError):
        spec.is_valid_text('{"count": "\ud800"}')
    assert len(calls) == 1
    with pytest.raises(TypeError):
        spec.is_valid_text(b'{"count": 3}')


def test_is_valid_is_safe_against_a_concurrent_free():
    """Threads asking while another frees the spec get an answer or `ClientClosed`, never a
    crash."""
    import threading

    for _ in range(20):
        spec = ae.Spec(spec_value("source-tiny"))
        errors = []

        def ask():
            for _ in range(200):
                try:
                    assert spec.is_valid_text('{"count": 3}') is True
                except ae.AirbyteError.ClientClosed:
                    return
                except BaseException as e:  # noqa: BLE001 (reported below)
                    errors.append(e)
                    return

        threads = [threading.Thread(target=ask) for _ in range(3)]
        for t in threads:
            t.start()
        spec.__del__()
        for t in threads:
            t.join()
        assert errors == []


def test_the_builtin_and_the_ctypes_call_answer_alike():
    """On CPython the direct call is the library's builtin function; the `ctypes` call (for
    other interpreters) answers the same."""
    import platform

    from airbyte_embedded import _native, _spec

    lib = _native.airbyte_embedded._UniffiLib
    builtin = _spec._builtin(lib)
    if platform.python_implementation() == "CPython":
        assert type(builtin).__name__ == "builtin_function_or_method"
    via_ctypes = _spec._through_ctypes(lib.airbyte_embedded_spec_is_valid_text)
    spec = ae.Spec(spec_value("source-tiny"))
    assert spec.is_valid_text('{"count": 3}') is True
    handle = spec.__dict__["_airbyte_direct_handle"]
    answers = [
        ('{"count": 3}', True),
        ('{"count": -1}', False),
        ('{"count": "three"}', False),
        ("[", None),
        ("[1]", None),
        ('"text"', None),
    ]
    for text, expected in answers:
        for as_object in (False, True):
            assert via_ctypes(handle, text, as_object) is expected, text
            if builtin is not None:
                assert builtin(handle, text, as_object) is expected, text
    # Blank text: `{}` as `is_valid`'s argument, no answer (an error to raise) for
    # `is_valid_text`.
    empty = spec.is_valid_text("{}")
    for direct in [via_ctypes] + ([builtin] if builtin is not None else []):
        assert direct(handle, "  ", True) is empty
        assert direct(handle, "  ", False) is None
    assert via_ctypes(handle, '"\ud800"', False) is None
    if builtin is not None:
        assert "NoneType" not in repr(builtin)
        with pytest.raises(UnicodeEncodeError):
            builtin(handle, '"\ud800"', False)
        assert builtin(handle) is None
        with pytest.raises(TypeError):
            builtin("not a handle", "{}", False)
        with pytest.raises(TypeError):
            builtin(handle, b"{}", False)
        # A long config is validated without the GIL: the same answer.
        long = json.dumps({"count": 3, "pad": "x" * 10_000})
        long_invalid = json.dumps({"count": -1, "pad": "x" * 10_000})
        assert builtin(handle, long, False) is True
        assert builtin(handle, long_invalid, False) is False
        assert outcome(lambda: spec.validate_text(long))[0] == "valid"
        assert outcome(lambda: spec.validate_text(long_invalid))[0] == "invalid"


def test_is_valid_reads_its_argument_as_the_generated_method_does():
    """Blank text is `{}` and the library's stand-in for unparsed text is refused, as the
    generated `is_valid` reads its `JsonObject`; a spec never made raises `ClientClosed`."""
    from airbyte_embedded import _native

    generated = _native.airbyte_embedded.Spec.is_valid.__wrapped__
    open_spec = ae.Spec({"type": "object", "properties": {"n": {"type": "integer"}}})
    strict = ae.Spec(spec_value("source-tiny"))
    for spec in (open_spec, strict):
        for blank in ("", "   ", "\n"):
            assert spec.is_valid(blank) is generated(spec, blank), repr(blank)
    stand_in = {"\x00airbyte-embedded: unparsed JSON text": "x"}
    for call in (lambda: open_spec.is_valid(stand_in), lambda: generated(open_spec, stand_in)):
        with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
            call()
        assert e.value.argument == "source_config"
    never_made = ae.Spec.__new__(ae.Spec)
    for call in (lambda: never_made.is_valid({}), lambda: never_made.is_valid_text("{}")):
        with pytest.raises(ae.AirbyteError.ClientClosed):
            call()
