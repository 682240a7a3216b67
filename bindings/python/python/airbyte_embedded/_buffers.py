"""Cheaper buffer plumbing for the generated module's calls (same bytes, fewer steps).

uniffi's generated Python moves every non-primitive argument and result through a
``RustBuffer``. As generated, writing one grows it through the library (an allocation of 16
bytes, then one more call per write that does not fit) inside two context managers, and
reading one slices the foreign pointer once per field. Each call into the library costs
about as much as a whole call's own work for a small config, so here:

- an argument is written into a Python ``bytearray`` and copied into a buffer the library
  allocates once, at its final size (one call instead of two or more);
- a string argument is encoded and copied the same way, without a builder, and an absent
  optional argument (``None``: one zero byte) without writing anything;
- a result buffer is copied into ``bytes`` once, and every field is read from that copy;
- the status every call fills is made zeroed (``CALL_SUCCESS`` with an empty error buffer,
  what the generated ``default()`` spells out field by field, at twice the cost of a call
  such as ``secret_mask()``), and is only handed to the generated status check when the call
  set a code.

The wire format, the ownership rules (the library frees what it allocated; an argument buffer
is handed over to the call) and the errors stay the generated module's. ``install`` patches
only the names it knows and leaves the module as generated when one is missing.
"""

from __future__ import annotations

import ctypes
import struct
from types import ModuleType
from typing import Any

_PACK = {
    "write_i8": struct.Struct(">b").pack,
    "write_u8": struct.Struct(">B").pack,
    "write_i16": struct.Struct(">h").pack,
    "write_u16": struct.Struct(">H").pack,
    "write_i32": struct.Struct(">i").pack,
    "write_u32": struct.Struct(">I").pack,
    "write_i64": struct.Struct(">q").pack,
    "write_u64": struct.Struct(">Q").pack,
    "write_float": struct.Struct(">f").pack,
    "write_double": struct.Struct(">d").pack,
    "write_c_size_t": struct.Struct("@N").pack,
}


def _writer(pack: Any) -> Any:
    def write(self: "_Builder", value: Any) -> None:
        self.data += pack(value)

    return write


class _Builder:
    """The generated builder's interface over a ``bytearray``; nothing is allocated in the
    library until ``finalize``."""

    __slots__ = ("data", "_to_rust")

    def __init__(self, to_rust: Any) -> None:
        self.data = bytearray()
        self._to_rust = to_rust

    def write(self, value: bytes) -> None:
        self.data += value

    def finalize(self) -> Any:
        return self._to_rust(self.data)

    def discard(self) -> None:
        self.data = bytearray()


for _name, _pack in _PACK.items():
    setattr(_Builder, _name, _writer(_pack))


def install(generated: ModuleType) -> bool:
    """Patches ``generated`` (the uniffi module); returns whether it did."""
    rust_buffer = getattr(generated, "_UniffiRustBuffer", None)
    converter = getattr(generated, "_UniffiConverterRustBuffer", None)
    string = getattr(generated, "_UniffiFfiConverterString", None)
    stream = getattr(generated, "_UniffiRustBufferStream", None)
    if rust_buffer is None or converter is None or string is None or stream is None:
        return False
    if not all(hasattr(stream, n) for n in ("from_rust_buffer", "read", "_unpack_from")):
        return False
    alloc = rust_buffer.alloc
    memmove = ctypes.memmove

    def to_rust(data: Any) -> Any:
        """A library-owned buffer holding ``data`` (bytes-like)."""
        size = len(data)
        buf = alloc(size)
        if size:
            if isinstance(data, bytearray):
                data = bytes(data)
            memmove(buf.data, data, size)
        buf.len = size
        return buf

    optionals = frozenset(
        c for name, c in vars(generated).items()
        if name.startswith("_UniffiFfiConverterOptional") and isinstance(c, type)
    )
    absent = b"\x00"

    def lower_buffer(cls: Any, value: Any) -> Any:
        if value is None and cls in optionals:
            return to_rust(absent)
        builder = _Builder(to_rust)
        cls.write(value, builder)
        return builder.finalize()

    def lower_string(value: str) -> Any:
        return to_rust(value.encode("utf-8"))

    def from_rust_buffer(cls: Any, buf: Any) -> Any:
        size = buf.len
        # One slice of the foreign pointer copies it all (a slice is cheaper than a call).
        return cls(buf.data[:size] if size else b"", size)

    converter.lower = classmethod(lower_buffer)
    string.lower = staticmethod(lower_string)
    stream.from_rust_buffer = classmethod(from_rust_buffer)
    _install_calls(generated)
    return True


def _install_calls(generated: ModuleType) -> None:
    """The generated ``_uniffi_rust_call_with_error`` (which ``_uniffi_rust_call`` and every
    generated function look up by name at each call) with a zeroed status."""
    status_type = getattr(generated, "_UniffiRustCallStatus", None)
    check = getattr(generated, "_uniffi_check_call_status", None)
    if status_type is None or check is None or not hasattr(generated, "_uniffi_rust_call_with_error"):
        return
    byref = ctypes.byref

    def rust_call_with_error(error_ffi_converter: Any, fn: Any, *args: Any) -> Any:
        status = status_type()
        result = fn(*args, byref(status))
        if status.code:
            check(error_ffi_converter, status)
        return result

    setattr(generated, "_uniffi_rust_call_with_error", rust_call_with_error)
