"""Python SDK for the Airbyte Embedded API.

Everything in the generated module (``airbyte_embedded._native``, built by uniffi from the Rust
SDK) is re-exported here: ``OperatorClient``, ``EndUserClient``, ``ClientConfig``, the records
(``SourceTemplate``, ``Workspace``, ...), the enums and the ``AirbyteError`` exception. This
module adds the Python idioms:

- ``WorkspacePages`` is iterable: ``for w in operator.workspaces().pages(): ...`` yields each
  ``Workspace``, fetching one page at a time; ``iter_workspaces(operator, filter)`` does the
  same. ``DestinationPages`` (from ``operator.destinations().pages(filter)``) and
  ``FilePages`` (from ``operator.files().pages(folder)``) are iterable the same way.
- ``operator.files().open(source_id, path)`` returns a ``FileReader``: a read-only binary
  file object (``io.RawIOBase``: ``read(n)``, ``readinto``, ``readall``, ``with`` blocks,
  ``shutil.copyfileobj``) over the file's content as it streams in, never held whole;
  iterating it yields chunks of bytes. The uniffi ``FileStream`` it wraps is its ``stream``.
- The SDK's log records go to the ``logging`` module by default (logger ``airbyte_embedded``
  and its children, e.g. ``airbyte_embedded.http``); see ``forward_to_logging``.
- Clients are context managers: ``with OperatorClient(...) as op:`` calls ``op.close()`` on
  leaving the block, after which every call on the client, on the handles made from it
  (``op.sources()``, ``op.workspaces().pages()``, ...) and on the end-user clients it made
  raises ``AirbyteError.ClientClosed``. Without ``close()``, a client lives as long as it or a
  handle made from it is referenced.
- A manual ``obj.__del__()`` on any SDK object frees it once: later calls on that object raise
  ``AirbyteError.ClientClosed`` (instead of reaching freed memory), and the garbage collector
  does not free it again. Prefer ``close()``.

Records print without config values: ``str()``/``repr()`` of a record holding a connector
config (``SourceCreate``, ``SourceTemplate``, ``ConnectionTemplateCreate``, ...) show the
config's keys with every value as ``[REDACTED]``, and a config whose text is not a JSON object
as ``[REDACTED: not JSON object text]``; the fields themselves are unchanged.

Connector configs and specs travel as JSON text: ``json.dumps`` them in, ``json.loads`` them
out. A config field is a ``JsonObject`` (the text of a JSON object; empty text is ``{}``), a spec
a ``JsonValue``; both are ``str``. Text that does not parse, or is not an object where one is
due, raises ``AirbyteError.InvalidArgument`` from every call that would validate or send it;
its ``argument`` names the field (``"source_config"``, ``"partial_default_config"``,
``"customization"``) and its ``detail`` says what is wrong (``"is not valid JSON text: ..."``,
``"must be a JSON object, got an array"``), never the text.

Durations are ``datetime.timedelta``. ``RetryPolicy``, ``Pacing`` and ``WaitOptions`` have no
field defaults: start from ``defaults()``, which returns the core's defaults of every options
record (``Defaults``), and change what differs::

    retry = ae.defaults().retry_policy
    retry.max_retries = 0
"""

from __future__ import annotations

import io as _io
import logging as _logging
import threading as _threading
import types as _types
from typing import Any, Iterator, Optional

from ._native import *  # noqa: F401,F403  (the generated module's __all__)
from ._native import airbyte_embedded as _generated
from ._native.airbyte_embedded import (
    AirbyteError,
    DestinationPages,
    EndUserClient,
    FilePages,
    Files,
    FileStream,
    JsonObject,
    JsonValue,
    LogLevel,
    Logger,
    LogRecord,
    OperatorClient,
    Workspace,
    WorkspaceFilter,
    WorkspacePages,
    set_logger,
)

__all__ = list(_generated.__all__) + [
    "FileReader",
    "JsonObject",
    "JsonValue",
    "LoggingForwarder",
    "forward_to_logging",
    "iter_workspaces",
]


def _iterate_pages(pages: Any) -> Iterator[Any]:
    """Yields every item of every page of a walk (``WorkspacePages``, ``DestinationPages``),
    fetching the next page when one runs out.

    Raises ``AirbyteError`` (for example ``AirbyteError.Pagination``) where ``next_page()``
    does; the iterator ends after that.
    """
    while True:
        page = pages.next_page()
        if page is None:
            return
        yield from page


WorkspacePages.__iter__ = _iterate_pages  # type: ignore[attr-defined]
DestinationPages.__iter__ = _iterate_pages  # type: ignore[attr-defined]
FilePages.__iter__ = _iterate_pages  # type: ignore[attr-defined]


class FileReader(_io.RawIOBase):
    """A file's content, read as it streams in: ``operator.files().open(source_id, path)``.

    A read-only binary file object: ``read(n)`` returns at most ``n`` bytes (``b""`` at the
    end), ``readinto``, ``readall`` (the rest, in memory: prefer chunks for a large file),
    ``with FileReader(...) as f:`` and ``shutil.copyfileobj(f, out)`` work as for any raw
    stream. Iterating it yields the content in chunks of ``chunk_size`` bytes (at most; 64 KiB
    by default) instead of lines. Only one chunk is in memory at a time.

    Each read must get data within the client's read timeout. A failure before the first byte
    is retried; after it, a read raises ``AirbyteError.Transport`` or ``AirbyteError.Timeout``,
    and so does every later read. ``close()`` lets go of the connection.
    """

    def __init__(self, stream: FileStream, chunk_size: int = 64 * 1024) -> None:
        super().__init__()
        self.stream = stream
        self.chunk_size = chunk_size

    def readable(self) -> bool:
        return True

    def read(self, size: Optional[int] = -1) -> bytes:
        """At most ``size`` bytes (all that is left when ``size`` is negative or None)."""
        self._checkClosed()
        if size is None or size < 0:
            return self.readall()
        return self.stream.read(size)

    def readinto(self, buffer: Any) -> int:
        self._checkClosed()
        view = memoryview(buffer).cast("B")
        data = self.stream.read(len(view))
        view[: len(data)] = data
        return len(data)

    def __iter__(self) -> Iterator[bytes]:  # type: ignore[override]
        self._checkClosed()
        while True:
            chunk = self.stream.read(self.chunk_size)
            if not chunk:
                return
            yield chunk

    @property
    def content_length(self) -> Optional[int]:
        """The file's length in bytes from the response's ``Content-Length``, if it had one."""
        return self.stream.content_length()

    @property
    def content_type(self) -> Optional[str]:
        """The response's ``Content-Type`` (``text/csv``), if it had one."""
        return self.stream.content_type()

    @property
    def bytes_read(self) -> int:
        """How many bytes have been read so far."""
        return self.stream.bytes_read()

    def close(self) -> None:
        if not self.closed:
            self.stream.close()
        super().close()


_generated_files_open = Files.open


def _files_open(self: Any, source_id: str, path: str, drive_id: Optional[str] = None) -> FileReader:
    return FileReader(_generated_files_open(self, source_id, path, drive_id))


_files_open.__doc__ = (_generated_files_open.__doc__ or "") + (
    "\n\nReturns a ``FileReader`` (a binary file object) over the uniffi ``FileStream``."
)
Files.open = _files_open  # type: ignore[method-assign]


def iter_workspaces(
    operator: OperatorClient, filter: Optional[WorkspaceFilter] = None
) -> Iterator[Workspace]:
    """Every workspace matching ``filter`` (default: all), one page at a time.

    ``GET /workspaces``, following ``next`` links on the configured host only.
    """
    return _iterate_pages(operator.workspaces().pages(filter))


# Every generated object holds a handle (`_handle`) to its Rust object: the generated `__del__`
# frees it and each call clones it (`_uniffi_clone_handle`). A manual `__del__()` used to leave
# the freed handle in place, so the next call used freed memory and the garbage collector freed
# it a second time. The wrappers below clear the handle when freeing it and refuse to clone a
# cleared one. One lock orders "read and clone" against "clear": a call either clones before
# the handle is cleared (its clone keeps the Rust object alive) or sees it cleared. Reentrant,
# since the garbage collector may run a `__del__` on a thread that holds it.
_HANDLE_LOCK = _threading.RLock()


def _freed(name: str) -> AirbyteError:
    return AirbyteError.ClientClosed(  # type: ignore[attr-defined]
        f"{name} was freed by __del__(): make a new one"
    )


def _guard_handles(cls: type) -> None:
    free = cls.__dict__.get("__del__")
    clone = cls.__dict__.get("_uniffi_clone_handle")
    if free is None or clone is None:
        return
    name = cls.__name__

    # Default arguments keep what the wrappers need alive during interpreter shutdown, when
    # module globals may already be gone.
    def __del__(
        self: Any, _free=free, _lock=_HANDLE_LOCK, _holder=_types.SimpleNamespace
    ) -> None:
        with _lock:
            handle = getattr(self, "_handle", None)
            if handle is None:
                return
            self._handle = None
        # The generated `__del__` frees whatever `_handle` its argument holds.
        _free(_holder(_handle=handle))

    def _uniffi_clone_handle(
        self: Any, _clone=clone, _lock=_HANDLE_LOCK, _name=name, _error=_freed
    ) -> Any:
        with _lock:
            if getattr(self, "_handle", None) is None:
                raise _error(_name)
            return _clone(self)

    __del__.__doc__ = free.__doc__
    cls.__del__ = __del__  # type: ignore[attr-defined]
    cls._uniffi_clone_handle = _uniffi_clone_handle  # type: ignore[attr-defined]


for _cls in list(vars(_generated).values()):
    if isinstance(_cls, type) and _cls.__module__ == _generated.__name__:
        _guard_handles(_cls)


# Records holding a connector config export the Rust `Display`/`Debug` (keys shown, values
# `[REDACTED]`) as `__str__`/`__repr__`. Those pass the record to Rust, which cannot receive it
# when a field has the wrong Python type (a dict given as `source_config`; JSON text that is not
# an object is received, and printed as unparsed); a string form must not raise, nor show the
# values it could not mask: every value is then hidden.
def _unmasked_fallback(self: Any, error: BaseException) -> str:
    fields = ", ".join(f"{name}=[REDACTED]" for name in vars(self))
    return f"{type(self).__name__}({fields}) (not printable as is: {type(error).__name__})"


def _guard_string_forms(cls: type) -> None:
    symbol = f"uniffi_airbyte_embedded_fn_method_{cls.__name__.lower()}_uniffi_trait_display"
    if not hasattr(_generated._UniffiLib, symbol):
        return
    for attr in ("__str__", "__repr__"):
        rust = cls.__dict__.get(attr)
        if rust is None:
            continue

        def form(self: Any, _rust=rust) -> str:
            try:
                return _rust(self)
            except Exception as error:  # a string form never raises
                return _unmasked_fallback(self, error)

        form.__doc__ = rust.__doc__
        setattr(cls, attr, form)


for _cls in list(vars(_generated).values()):
    if isinstance(_cls, type) and _cls.__module__ == _generated.__name__:
        _guard_string_forms(_cls)


def _client_enter(self: Any) -> Any:
    """Returns the client itself: ``with OperatorClient(...) as op:``."""
    return self


def _client_exit(self: Any, *exc: object) -> None:
    """Closes the client (``close()``) on leaving the ``with`` block, exception or not."""
    self.close()


def _add_context_manager(cls: type) -> None:
    generated_close = cls.close  # type: ignore[attr-defined]

    def close(self: Any) -> None:
        if getattr(self, "_handle", None) is None:
            return  # freed by a manual __del__(): nothing left to close
        generated_close(self)

    close.__doc__ = generated_close.__doc__
    cls.close = close  # type: ignore[attr-defined]
    cls.__enter__ = _client_enter  # type: ignore[attr-defined]
    cls.__exit__ = _client_exit  # type: ignore[attr-defined]


_add_context_manager(OperatorClient)
_add_context_manager(EndUserClient)


_PY_LEVELS = {
    LogLevel.ERROR: _logging.ERROR,
    LogLevel.WARN: _logging.WARNING,
    LogLevel.INFO: _logging.INFO,
    LogLevel.DEBUG: _logging.DEBUG,
    LogLevel.TRACE: 5,
}


class LoggingForwarder(Logger):
    """A ``Logger`` that hands each SDK record to the ``logging`` module.

    The Rust target becomes the logger name (``airbyte_embedded::http`` →
    ``airbyte_embedded.http``); TRACE maps to level 5. Records never carry secrets.
    """

    def log(self, record: LogRecord) -> None:
        try:
            name = record.target.replace("::", ".")
            _logging.getLogger(name).log(
                _PY_LEVELS.get(record.level, _logging.DEBUG), "%s", record.message
            )
        except Exception:  # a failing handler must never fail the SDK call
            pass


def forward_to_logging(max_level: LogLevel = LogLevel.DEBUG) -> None:
    """Sends the SDK's records up to ``max_level`` to the ``logging`` module.

    Done on import with ``LogLevel.DEBUG``; ``logging`` then filters by the levels of the
    ``airbyte_embedded`` loggers. Register your own ``Logger`` with ``set_logger`` instead, or
    stop forwarding with ``clear_logger()``.
    """
    set_logger(LoggingForwarder(), max_level)


forward_to_logging()
