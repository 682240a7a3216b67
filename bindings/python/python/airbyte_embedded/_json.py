"""JSON values as Python values, for the generated module's ``JsonObject``, ``JsonValue`` and
``ConnectorSpec`` (a connector spec crosses as a ``JsonValue`` does).

Connector configs, specs and form models cross the library as JSON text; the generated
converters (configured in ``bindings/uniffi/uniffi.toml``) call these functions:

- out of the library, ``loads``: a ``JsonObject`` is a ``dict`` (keys in the service's order),
  a ``JsonValue`` whatever ``json.loads`` gives (``dict``, ``list``, ``str``, ``int`` of any
  size, ``float``, ``bool``, ``None``);
- into it, ``dumps_object`` / ``dumps_value``: any ``Mapping`` (not only ``dict``), lists and
  tuples (any other ``Sequence`` that is not text too), ``str``, numbers, ``bool``, ``None``.
  Where an object is due (``JsonObject``), a ``str`` is JSON object text already written,
  passed as is (a config read from a file, sent without a ``json.loads``/``json.dumps`` round
  trip); where any value is (``JsonValue``), a ``str`` is a JSON string. Anything else (a ``set``, ``float("nan")``, a ``bytes``, a key that is not
  text) is written as a refusal the library answers with ``AirbyteError.InvalidArgument``
  naming the argument or field (``source_config``), whose ``detail`` says why (the type's name,
  never the value). No function here raises.
"""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Mapping, Sequence
from typing import Any, Tuple

# The record fields that default to an empty object (`{}`) when not given: a connector's
# flattened extra members (`other`) and a template's `partial_default_config`. uniffi renders a
# custom type's default from the type it crosses as (text: `""`), which Kotlin and Swift cannot
# take for an object, so these fields have no default in the generated code; Python keeps one.
_EMPTY_OBJECT_DEFAULTS = {
    "Customization": ("other",),
    "StreamCustomization": ("other",),
    "HashingConfig": ("other",),
    "FieldRenamingConfig": ("other",),
    "FieldFilteringConfig": ("other",),
    "RowFilterCondition": ("other",),
    "RowFilteringConfig": ("other",),
    "EncryptionConfig": ("other",),
    "SonarStream": ("other",),
    "SonarCatalog": ("other",),
    "SourceTemplate": ("partial_default_config",),
    "SourceTemplateCreate": ("partial_default_config",),
}

# The prefix the core reads as "the foreign side could not write this value as JSON"
# (core/src/unparsed.rs, NOT_JSON); no JSON text starts with a NUL.
_NOT_JSON = "\x00airbyte-embedded: not JSON: "

_ENCODER = json.JSONEncoder(
    ensure_ascii=False,
    allow_nan=False,
    separators=(",", ":"),
    default=lambda value: _plain(value),
)


def _plain(value: Any) -> Any:
    """A JSON-ready stand-in for what ``json`` does not write itself: a ``Mapping`` as a
    ``dict``, any other non-text ``Sequence`` as a ``list``."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray)):
        return list(value)
    raise TypeError(f"a {type(value).__name__} is not a JSON value")


def loads(text: str) -> Any:
    """The value the library's JSON text spells (it is always valid JSON)."""
    return json.loads(text)


def dumps_value(value: Any) -> str:
    """JSON text of ``value`` (any JSON value; a ``str`` is a JSON string)."""
    try:
        return _ENCODER.encode(value)
    except (TypeError, ValueError, RecursionError) as error:
        return _NOT_JSON + _reason(error)


def dumps_object(value: Any) -> str:
    """JSON text of ``value``, which must be a ``Mapping``; a ``str`` is JSON object text,
    passed as is. Any other JSON value is written as is, for the library to refuse as not an
    object."""
    if isinstance(value, str):
        return value
    return dumps_value(value)


def _reason(error: BaseException) -> str:
    """Why a value could not be written, without the value itself."""
    if isinstance(error, RecursionError):
        return "it nests too deeply or refers to itself"
    message = str(error)
    if message.startswith("Out of range float values"):
        return "NaN and infinite floats are not JSON numbers"
    if message.startswith("Circular reference"):
        return "it refers to itself"
    if message.startswith("keys must be"):
        # "keys must be str, int, float, bool or None, not tuple"
        return "object keys must be text, " + message.rsplit(",", 1)[-1].strip()
    if message.startswith("a ") and message.endswith(" is not a JSON value"):
        return message
    return type(error).__name__


def install(generated: Any) -> None:
    """Lets the generated converters skip their separate type check (lowering never fails: a
    value that is not JSON is refused by the library, naming the field, so checking it first
    would only write every config twice), and gives the fields of ``_EMPTY_OBJECT_DEFAULTS``
    their ``{}`` default."""
    for name in (
        "_UniffiFfiConverterTypeJsonObject",
        "_UniffiFfiConverterTypeJsonValue",
        "_UniffiFfiConverterTypeConnectorSpec",
    ):
        converter = getattr(generated, name, None)
        if converter is not None and hasattr(converter, "check_lower"):
            converter.check_lower = staticmethod(_no_check)
    for name, fields in _EMPTY_OBJECT_DEFAULTS.items():
        cls = getattr(generated, name, None)
        if isinstance(cls, type):
            _default_to_empty_objects(cls, fields)


def _default_to_empty_objects(cls: type, fields: Tuple[str, ...]) -> None:
    """Wraps ``cls.__init__`` so each of ``fields`` not given is a new empty ``dict``."""
    init = cls.__dict__.get("__init__")
    if init is None or getattr(init, "_airbyte_empty_objects", False):
        return
    signature = inspect.signature(init)
    missing = tuple(
        f for f in fields
        if f in signature.parameters and signature.parameters[f].default is inspect.Parameter.empty
    )
    if not missing:
        return

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        for field in missing:
            if field not in kwargs:
                kwargs[field] = {}
        init(self, *args, **kwargs)

    parameters = [
        p.replace(default={}) if p.name in missing else p for p in signature.parameters.values()
    ]
    # Keyword-only parameters may have defaults in any order, so the signature stays valid.
    __init__.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    __init__._airbyte_empty_objects = True  # type: ignore[attr-defined]
    cls.__init__ = __init__  # type: ignore[misc]


def _no_check(value: Any) -> None:
    return None
