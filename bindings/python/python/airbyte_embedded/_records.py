"""Records that show their data: field ``repr``, ``to_dict()``, dataclass fields, pydantic.

uniffi declares each record (and each variant of an enum with data) as a ``@dataclass`` whose
``__init__`` it writes itself, so the dataclass has no fields: ``repr()`` printed
``SourceTemplateSummary()``, ``dataclasses.asdict()`` gave ``{}`` and FastAPI served ``{}``.
``install`` gives each such class the fields its ``__init__`` takes (``dataclasses.fields``,
``asdict`` and FastAPI's encoder then see them), a ``repr`` of its fields
(``SourceTemplateSummary(id='...', name='Postgres', ...)``), ``to_dict()`` and a pydantic
schema that serialises a record as its ``to_dict()`` (a FastAPI ``response_model`` of a record
type). A record whose ``str``/``repr`` is the Rust one, which redacts config values, keeps it.
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
from types import ModuleType
from typing import Any, Callable, Dict, List, Optional


def plain(value: Any) -> Any:
    """``value`` as plain Python data: a record as a dict of its fields; an enum variant with
    named data as that dict with its name under ``"type"``, one without data as its name
    (``WorkspaceStatus.ACTIVE()`` is ``"ACTIVE"``), one with unnamed data as that data
    (``WorkspaceStatus.UNKNOWN("paused")`` is ``"paused"``, the value as the service sent it);
    a list or tuple as a list, a dict with its values made plain, an enum member as its name
    (``"ERROR"``); anything else (``str``, ``int``, ``timedelta``, ...) as is."""
    fields = getattr(type(value), "_uniffi_record_fields", None)
    if fields is not None:
        variant = getattr(type(value), "_uniffi_variant_of", None)
        values = getattr(value, "_values", None)
        if variant is not None and isinstance(values, tuple):
            return plain(values[0]) if len(values) == 1 else [plain(item) for item in values]
        if variant is not None and not fields:
            return variant
        out: Dict[str, Any] = {name: plain(getattr(value, name, None)) for name in fields}
        if variant is not None:
            return {"type": variant, **out}
        return out
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def _to_dict(self: Any) -> Dict[str, Any]:
    """The record's fields as a dict, nested records as dicts and enums by name (``plain``):
    the data as the service returned it (masked secrets stay masked), ready for
    ``json.dumps`` when it holds no ``timedelta``/``datetime``. An enum variant's dict names
    it under ``"type"``, with its unnamed data (if any) under ``"values"``."""
    cls = type(self)
    variant = getattr(cls, "_uniffi_variant_of", None)
    if variant is None:
        result: Dict[str, Any] = plain(self)
        return result
    values = getattr(self, "_values", None)
    if isinstance(values, tuple):
        return {"type": variant, "values": [plain(item) for item in values]}
    fields = cls._uniffi_record_fields
    return {"type": variant, **{name: plain(getattr(self, name, None)) for name in fields}}


def _field_repr(self: Any) -> str:
    fields = type(self)._uniffi_record_fields
    inner = ", ".join(f"{name}={getattr(self, name, None)!r}" for name in fields)
    return f"{type(self).__qualname__}({inner})"


def _pydantic_schema(cls: type, source: Any, handler: Any) -> Any:
    """A pydantic core schema: an instance of the record, or the dict of its fields (FastAPI
    turns a returned dataclass into one with ``dataclasses.asdict`` before it validates the
    response), serialised as ``plain`` makes it (a record as its ``to_dict()``)."""
    from pydantic_core import core_schema

    def validate(value: Any) -> Any:
        if isinstance(value, (cls, dict)):
            return value
        raise TypeError(f"expected a {cls.__qualname__} or a dict of its fields")

    return core_schema.no_info_plain_validator_function(
        validate,
        serialization=core_schema.plain_serializer_function_ser_schema(plain),
    )


def _pydantic_json_schema(cls: type, schema: Any, handler: Any) -> Dict[str, Any]:
    """The OpenAPI (JSON Schema) of a record: an object with its fields."""
    fields = getattr(cls, "_uniffi_record_fields", ())
    return {"type": "object", "title": cls.__qualname__, "properties": {name: {} for name in fields}}


def _init_fields(cls: type) -> Optional[List[str]]:
    """The named parameters of the ``__init__`` the class's objects are made with (a record's
    fields, a variant's), in order; None for a variant with unnamed fields (``*values``)."""
    init = None
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is not None:
            break
    if init is None or init is object.__init__:
        return []
    try:
        parameters = list(inspect.signature(init).parameters.values())[1:]
    except (TypeError, ValueError):
        return None
    named = (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    if any(p.kind not in named for p in parameters):
        return None
    return [p.name for p in parameters]


def _give_fields(cls: type, rust_string_forms: bool, variant: bool = False) -> bool:
    fields = _init_fields(cls)
    if variant:
        # uniffi names a variant class `WorkspaceStatus.ACTIVE`.
        cls._uniffi_variant_of = cls.__name__.rsplit(".", 1)[-1]  # type: ignore[attr-defined]
    if fields is None:
        # A variant with unnamed fields (`UNKNOWN(*values)`): its data is `_values`, and its
        # generated string form shows them.
        cls._uniffi_record_fields = ()  # type: ignore[attr-defined]
        cls.to_dict = _to_dict  # type: ignore[attr-defined]
        return True
    cls._uniffi_record_fields = tuple(fields)  # type: ignore[attr-defined]
    # dataclasses reads the fields from the annotations; `init=False` keeps uniffi's __init__.
    cls.__annotations__ = {name: Any for name in fields}
    dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    if not rust_string_forms:
        cls.__repr__ = _field_repr  # type: ignore[assignment]
    cls.to_dict = _to_dict  # type: ignore[attr-defined]
    cls.__get_pydantic_core_schema__ = classmethod(_pydantic_schema)  # type: ignore[attr-defined]
    cls.__get_pydantic_json_schema__ = classmethod(_pydantic_json_schema)  # type: ignore[attr-defined]
    return True


def install(generated: ModuleType, has_rust_display: Callable[[type], bool]) -> int:
    """Gives every record and enum variant with named data of ``generated`` its fields,
    ``repr``, ``to_dict()`` and pydantic schema; ``has_rust_display(cls)`` says whether the
    class keeps its Rust ``str``/``repr`` (config values redacted). Returns how many classes
    it changed."""
    changed = 0
    for cls in list(vars(generated).values()):
        if not (isinstance(cls, type) and cls.__module__ == generated.__name__):
            continue
        if dataclasses.is_dataclass(cls) and not issubclass(cls, BaseException):
            changed += _give_fields(cls, has_rust_display(cls))
        elif not issubclass(cls, (enum.Enum, BaseException)):
            for variant in list(vars(cls).values()):
                if isinstance(variant, type) and dataclasses.is_dataclass(variant):
                    changed += _give_fields(variant, has_rust_display(cls), variant=True)
    return changed
