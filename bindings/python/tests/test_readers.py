"""The compiled result readers (`airbyte_embedded._readers`): installed, they lift the same
objects as the generated converters (nested records, optionals, maps, enums with data,
errors, large lists, fields the generated code reads itself), report a malformed buffer as
the generated code does, and leave the generated path in place when they cannot compile."""

import ctypes
import inspect
import linecache
import types

import pytest

import airbyte_embedded as ae
from airbyte_embedded import _buffers, _readers
from conftest import POSTGRES_DEFINITION_ID, unique

G = ae._generated
GENERATED_LIFT = G._UniffiConverterRustBuffer.__dict__["lift"].__func__


def encode(converter, value):
    """The bytes the generated `write` makes for `value`."""
    builder = _buffers._Builder(bytes)
    converter.write(value, builder)
    return bytes(builder.data)


def same(a, b, path="value"):
    """`a` and `b` are the same objects: same types, same attributes in the same order."""
    assert type(a) is type(b), f"{path}: {type(a)} != {type(b)}"
    if a is b:  # None, an enum member
        return
    if isinstance(a, (list, tuple)):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{path}[{i}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), path
        for k in a:
            same(a[k], b[k], f"{path}[{k!r}]")
    elif hasattr(a, "__dict__"):
        assert list(vars(a)) == list(vars(b)), path
        for k in vars(a):
            same(vars(a)[k], vars(b)[k], f"{path}.{k}")
    if isinstance(a, BaseException):
        assert a.args == b.args, path
    elif not isinstance(a, (list, dict)):
        assert a == b, path


def lifts_alike(name, value):
    """Lifts `value` (lowered by the generated code) with the installed `lift` and with the
    generated one; checks they give the same objects; returns the installed one's."""
    converter = getattr(G, name)
    fast = converter.lift(converter.lower(value))
    generated = GENERATED_LIFT(converter, converter.lower(value))
    same(fast, generated)
    # The compiled reader replaced the deferred `lift` on the first call.
    assert getattr(converter.lift, "uniffi_fast_lift", False), name
    return fast


def customization(i):
    mappers = [
        ae.StreamMapper.HASHING(
            ae.HashingConfig(target_field=f"email{i}", method=ae.HashingMethod.SHA256(), field_name_suffix=None),
            {"id": "m1"},
        ),
        ae.StreamMapper.FIELD_RENAMING(
            ae.FieldRenamingConfig(original_field_name="a", new_field_name="ü€😀"), {}
        ),
    ]
    return ae.Customization(
        stream_selection_mode=ae.StreamSelectionMode.UNKNOWN(f"mode-{i}") if i % 2 else None,
        stream_whitelist=["users", "orders"] if i % 3 else None,
        stream_customizations={
            "users": ae.StreamCustomization(primary_key_fields=[["id"], ["a", "b"]], cursor_field=None, other={}),
            "orders": ae.StreamCustomization(primary_key_fields=None, cursor_field=["updated_at"], other={"x": [1], "big": 2**70, "f": 1.5, "n": None}),
        },
        stream_mappers={"users": mappers, "empty": []},
        other={"extra": True, "nested": {"ü": ["a", {"b": False}]}},
    )


def template(i):
    return ae.SourceTemplateSummary(
        id=f"t-{i:05}",
        name=None if i % 5 == 0 else f"Template {i} " + "é" * (i % 7),
        icon="",
        organization_id="org",
        actor_definition_id=None,
        tags=[f"tag{j}" for j in range(i % 4)],
        customization=customization(i) if i % 2 else None,
        mode=[None, ae.SourceConfigTemplateMode.DIRECT(), ae.SourceConfigTemplateMode.UNKNOWN("later")][i % 3],
        created_at="2026-01-01T00:00:00Z",
        updated_at=None,
    )


def test_it_is_installed_on_the_generated_module():
    converter = G._UniffiFfiConverterSequenceTypeSourceTemplateSummary
    assert getattr(converter.lift, "uniffi_deferred", False) or getattr(converter.lift, "uniffi_fast_lift", False)
    # Converters of objects, durations and the like are read by the generated code.
    readers = G._uniffi_readers
    assert readers.kind("_UniffiFfiConverterTypeOperatorClient") == ("generated",)
    assert readers.kind("_UniffiFfiConverterDuration") == ("generated",)
    assert readers.kind("_UniffiFfiConverterString") == ("string",)
    # The JSON custom types: their text read inline, then the generated code's conversion.
    assert readers.kind("_UniffiFfiConverterTypeJsonObject")[:2] == ("custom", "_UniffiFfiConverterString")


def test_every_record_enum_and_collection_the_tests_use_is_compiled():
    readers = G._uniffi_readers
    for name in [
        "_UniffiFfiConverterSequenceTypeSourceTemplateSummary",
        "_UniffiFfiConverterTypeSource",
        "_UniffiFfiConverterOptionalSequenceTypeWorkspace",
        "_UniffiFfiConverterTypeAirbyteError",
        "_UniffiFfiConverterTypeLogRecord",
    ]:
        for converter in readers._reachable(name):
            # Durations (an error's `retry_after`) are read by the generated converter.
            if converter != "_UniffiFfiConverterDuration":
                assert readers.kind(converter)[0] != "generated", converter
    assert readers.kind("_UniffiFfiConverterMapStringTypeStreamCustomization")[0] == "map"
    assert readers.kind("_UniffiFfiConverterMapStringSequenceTypeStreamMapper")[0] == "map"
    assert readers.kind("_UniffiFfiConverterTypeLogLevel")[0] == "enum"


def test_flat_enums_lift_the_same_member():
    for level in [ae.LogLevel.ERROR, ae.LogLevel.TRACE]:
        record = ae.LogRecord(level=level, target="airbyte_embedded::http", message="GET /x: 200")
        assert lifts_alike("_UniffiFfiConverterTypeLogRecord", record).level is level


def test_nested_records_maps_and_enums_with_data_lift_the_same():
    lifts_alike("_UniffiFfiConverterTypeCustomization", customization(1))
    lifts_alike("_UniffiFfiConverterTypeCustomization", customization(2))
    source = ae.Source(
        id="s1",
        name="ü",
        source_template=ae.SourceTemplate(
            id="t1", user_config_spec={"type": "object"}, partial_default_config={"port": 5432},
            customization=customization(3), tags=["a"], mode=ae.SourceConfigTemplateMode.MULTI(),
        ),
        source_config={"host": "db"},
        created_at="2026-01-01T00:00:00Z",
        updated_at=None,
    )
    lifted = lifts_alike("_UniffiFfiConverterTypeSource", source)
    assert lifted == source
    assert lifted.source_template.customization.stream_mappers["users"][0].is_HASHING()


def test_optionals_lift_the_same():
    for value in [None, [], [ae.Workspace(id="w", status=ae.WorkspaceStatus.INACTIVE(), cache_enabled=False)]]:
        assert lifts_alike("_UniffiFfiConverterOptionalSequenceTypeWorkspace", value) == value
    for value in [None, "", "x" * 70_000]:
        assert lifts_alike("_UniffiFfiConverterOptionalString", value) == value


def test_large_lists_lift_the_same():
    templates = [template(i) for i in range(2_000)]
    assert lifts_alike("_UniffiFfiConverterSequenceTypeSourceTemplateSummary", templates) == templates
    page = [
        ae.Workspace(id=f"w{i}", name="n" * 300, status=[None, ae.WorkspaceStatus.ACTIVE(), ae.WorkspaceStatus.UNKNOWN("gone")][i % 3],
                     cache_enabled=bool(i % 2) if i % 3 else None, tombstone=False)
        for i in range(1_000)
    ]
    assert lifts_alike("_UniffiFfiConverterOptionalSequenceTypeWorkspace", page) == page


def test_fields_the_generated_code_reads_lift_the_same():
    # `Defaults` nests records whose durations (`timedelta`) the generated converter reads.
    defaults = ae.defaults()
    assert lifts_alike("_UniffiFfiConverterTypeDefaults", defaults) == defaults


def test_errors_lift_the_same():
    error = ae.AirbyteError.Forbidden(403, "no", [ae.FieldError(field="a", message="ü", code=None)])
    lifted = lifts_alike("_UniffiFfiConverterTypeAirbyteError", error)
    assert isinstance(lifted, ae.AirbyteError.Forbidden)
    assert lifted.field_errors[0].message == "ü" and str(lifted) == str(error)


def test_records_from_the_service_lift_the_same(sandbox, operator):
    tag = unique("readers")
    operator.tags().create(tag)
    made = operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=POSTGRES_DEFINITION_ID, partial_default_config={"port": 5432}, name="Readers"
        )
    )
    operator.source_templates().add_tag(made.id, tag)
    fetched = operator.source_templates().get(made.id)
    assert fetched.id == made.id and fetched.tags == [tag]
    listed = operator.source_templates().list(ae.TagFilter(tags=[tag], mode=ae.TagsMode.ALL()))
    assert [t.id for t in listed] == [made.id]
    same(listed, GENERATED_LIFT(
        G._UniffiFfiConverterSequenceTypeSourceTemplateSummary,
        G._UniffiFfiConverterSequenceTypeSourceTemplateSummary.lower(listed),
    ))


def test_malformed_buffers_raise_as_the_generated_code_does():
    converter = G._UniffiFfiConverterTypeCustomization
    data = encode(converter, customization(1))
    reader = G._uniffi_readers.reader("_UniffiFfiConverterTypeCustomization")
    lift = _readers.fast_lift(reader, G.InternalError)
    with pytest.raises(G.InternalError):
        lift(_buffers_of(data[:-3]))
    with pytest.raises(RuntimeError, match="junk data"):
        lift(_buffers_of(data + b"\x00"))
    bad_flag = bytearray(encode(G._UniffiFfiConverterOptionalString, "x"))
    bad_flag[0] = 2
    optional = _readers.fast_lift(G._uniffi_readers.reader("_UniffiFfiConverterOptionalString"), G.InternalError)
    with pytest.raises(G.InternalError):
        optional(_buffers_of(bytes(bad_flag)))


def _buffers_of(data):
    """A library-owned buffer holding `data`."""
    buf = G._UniffiRustBuffer.alloc(len(data))
    ctypes.memmove(buf.data, data, len(data))
    buf.len = len(data)
    return buf


def test_a_converter_without_a_reader_goes_back_to_the_generated_lift(monkeypatch):
    name = "_UniffiFfiConverterOptionalTypeOAuthScope"
    converter = getattr(G, name)
    saved = converter.__dict__.get("lift")

    class NoReader(_readers.Readers):
        def reader(self, name):
            raise RuntimeError("cannot compile")

    try:
        converter.lift = staticmethod(_readers.deferred_lift(NoReader(G), converter, name))
        assert converter.lift(converter.lower(None)) is None
        assert "lift" not in converter.__dict__  # the generated `lift` again
    finally:
        if saved is not None:
            converter.lift = saved


def test_unknown_shapes_are_left_to_the_generated_code():
    class Odd:
        @staticmethod
        def read(buf):
            value = buf.read_i32()
            return value * 2

    assert _readers._classify(Odd, G) == ("generated",)


def test_install_patches_nothing_without_what_it_reads():
    assert not _readers.install(types.ModuleType("empty"))
    no_file = types.ModuleType("no_file")
    for name in ("_UniffiConverterRustBuffer", "InternalError", "_UniffiRustBufferStream"):
        setattr(no_file, name, getattr(G, name))
    assert not _readers.install(no_file)


def test_without_the_source_the_generated_lift_is_used(monkeypatch):
    def no_source(obj):
        raise OSError("no source")

    monkeypatch.setattr(inspect, "getsource", no_source)
    monkeypatch.setattr(linecache, "getlines", lambda *args, **kwargs: [])
    readers = _readers.Readers(G)
    name = "_UniffiFfiConverterOptionalTypeActorType"
    assert readers.reader(name) is None
    converter = getattr(G, name)
    saved = converter.__dict__.get("lift")
    try:
        converter.lift = staticmethod(_readers.deferred_lift(readers, converter, name))
        assert converter.lift(converter.lower(None)) is None
        assert "lift" not in converter.__dict__
    finally:
        if saved is not None:
            converter.lift = saved
