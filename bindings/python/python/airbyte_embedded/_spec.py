"""``Spec.is_valid`` and ``Spec.is_valid_text`` in one call into the library.

A generated method call clones the object's handle, copies its argument into a buffer the
library allocates, passes a status struct and checks it: several calls through ``ctypes``,
some microseconds, while validating a small config against a held spec takes a fraction of
one. ``install`` replaces the two methods with one call that takes a handle of the spec and the
config's JSON text and answers valid, invalid, or nothing (``bindings/uniffi/src/direct``):

- on CPython, a builtin function (``is_valid_text(handle, text, as_object)``, a C function of
  the library that CPython calls directly, tens of nanoseconds), made with
  ``PyCFunction_NewEx`` from the method definition the library hands out once it has the
  addresses of the few C API functions it uses (the library links nothing of Python's). It
  holds the GIL for a short config and releases it while it validates a long one
  (``RELEASE_GIL_ABOVE`` in ``direct/builtin.rs``: 4 KiB);
- elsewhere (or if that fails), ``airbyte_embedded_spec_is_valid_text`` through ``ctypes``
  (about a microsecond a call).

The answer is the generated method's: ``is_valid`` writes the config with the same
``dumps_object`` and the library reads that text as the generated method's argument is read
(blank text is ``{}``); ``is_valid_text`` reads its text as the generated ``is_valid_text``
does. Whatever the direct call does not answer (text that is not a JSON object, a value that
is not JSON, a ``str`` that cannot be encoded, a spec freed by ``__del__()`` or never made, a
panic) goes to the generated method, which raises what it raises (the builtin raises
``UnicodeEncodeError`` itself, as the generated method would). Like the generated module's
functions, the direct call trusts the handle it is given; only these methods give it one.

The handle the direct call passes is a clone of the spec's own, made on the first call and
released when the ``Spec`` object is garbage collected (``weakref.finalize``; not at
interpreter exit, when the object may still be in use), never while a call can hold the
object. A manual ``__del__()`` releases the object's own handle at any time, from any thread;
the clone keeps the compiled spec alive until the object is gone, so a call racing
``__del__()`` reads live memory (and answers, or raises ``ClientClosed``), with no lock taken
per call.
"""

from __future__ import annotations

import ctypes
import functools
import types
import weakref
from typing import Any, Callable, Optional

from . import _json


def install(generated: Any, lock: Any) -> None:
    """Gives ``generated.Spec`` the direct ``is_valid``/``is_valid_text``; changes nothing when
    the library lacks the entry point or the class lacks a method it needs. ``lock`` orders
    the first call's clone against ``__del__()``."""
    cls = getattr(generated, "Spec", None)
    lib = getattr(generated, "_UniffiLib", None)
    direct = getattr(lib, "airbyte_embedded_spec_is_valid_text", None)
    if cls is None or direct is None:
        return
    slow_object = cls.__dict__.get("is_valid")
    slow_text = cls.__dict__.get("is_valid_text")
    clone = cls.__dict__.get("_uniffi_clone_handle")
    free = cls.__dict__.get("__del__")
    if None in (slow_object, slow_text, clone, free):
        return
    answer = _builtin(lib) or _through_ctypes(direct)
    held = _held_handle(lock, clone, free)
    dumps = _json.dumps_object

    @functools.wraps(slow_text)
    def is_valid_text(self: Any, source_config: Any) -> bool:
        if type(source_config) is str and getattr(self, "_handle", None) is not None:
            handle = self.__dict__.get("_airbyte_direct_handle") or held(self)
            if handle is not None:
                known = answer(handle, source_config, False)
                if known is not None:
                    return known
        return bool(slow_text(self, source_config))

    @functools.wraps(slow_object)
    def is_valid(self: Any, source_config: Any) -> bool:
        # The text the generated method would send, answered as it reads its argument.
        if getattr(self, "_handle", None) is not None:
            handle = self.__dict__.get("_airbyte_direct_handle") or held(self)
            if handle is not None:
                known = answer(handle, dumps(source_config), True)
                if known is not None:
                    return known
        return bool(slow_object(self, source_config))

    cls.is_valid = is_valid
    cls.is_valid_text = is_valid_text


Answer = Callable[[int, str, bool], Optional[bool]]


def _builtin(lib: Any) -> Optional[Answer]:
    """The library's builtin ``is_valid_text(handle, text, as_object)`` on CPython, else
    ``None``."""
    define = getattr(lib, "airbyte_embedded_python_is_valid_text_def", None)
    api = getattr(ctypes, "pythonapi", None)
    if define is None or api is None:
        return None

    def address(function: Any) -> Optional[int]:
        return ctypes.cast(function, ctypes.c_void_p).value

    class PythonApi(ctypes.Structure):
        # `PythonApi` in bindings/uniffi/src/direct/builtin.rs, field for field.
        _fields_ = [
            (name, ctypes.c_void_p)
            for name in (
                "long_as_u64",
                "utf8_and_size",
                "err_occurred",
                "incref",
                "save_thread",
                "restore_thread",
                "true",
                "false",
                "none",
            )
        ]

    try:
        table = PythonApi(
            address(api.PyLong_AsUnsignedLongLong),
            address(api.PyUnicode_AsUTF8AndSize),
            address(api.PyErr_Occurred),
            address(api.Py_IncRef),
            address(api.PyEval_SaveThread),
            address(api.PyEval_RestoreThread),
            id(True),
            id(False),
            id(None),
        )
        define.argtypes = (ctypes.POINTER(PythonApi),)
        define.restype = ctypes.c_void_p
        method = define(ctypes.byref(table))
        if not method:
            return None
        new_function = api.PyCFunction_NewEx
        # No `self` and no module (NULL, NULL): a plain builtin function.
        new_function.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
        new_function.restype = ctypes.py_object
        builtin: Answer = new_function(method, None, None)
    except (AttributeError, TypeError, ValueError, OSError):
        return None
    return builtin


def _through_ctypes(direct: Any) -> Answer:
    """``airbyte_embedded_spec_is_valid_text`` called through ``ctypes``."""
    direct.argtypes = (ctypes.c_uint64, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint8)
    direct.restype = ctypes.c_int8

    def answer(handle: int, text: str, as_object: bool) -> Optional[bool]:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            return None
        code = direct(handle, data, len(data), 1 if as_object else 0)
        if code == 1:
            return True
        if code == 0:
            return False
        return None

    return answer


def _held_handle(lock: Any, clone: Any, free: Any) -> Callable[[Any], Optional[int]]:
    """The clone of ``spec``'s handle the direct call passes, made on the first call (``None``
    for a spec already freed by ``__del__()``)."""

    def held(spec: Any) -> Optional[int]:
        with lock:
            handle = spec.__dict__.get("_airbyte_direct_handle")
            if handle is not None:
                return int(handle)
            if getattr(spec, "_handle", None) is None:
                return None
            handle = clone(spec)
            # The generated `__del__` frees whatever `_handle` its argument holds.
            # Not at exit, when the object may still be in use: the process releases it.
            release = weakref.finalize(spec, free, types.SimpleNamespace(_handle=handle))
            release.atexit = False
            spec.__dict__["_airbyte_direct_handle"] = handle
            return int(handle)

    return held
