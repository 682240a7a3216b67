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
- Every network call can be awaited: ``AsyncOperatorClient`` and ``AsyncEndUserClient`` take
  the same arguments as ``OperatorClient`` and ``EndUserClient`` and reach async twins of every
  area (``AsyncSourceTemplates``, ``AsyncWorkspaces``, ``AsyncSources``, ...), with the same
  method names, each network call a coroutine::

      async with ae.AsyncOperatorClient(client_id, client_secret) as op:
          templates = await op.source_templates().list()
          async for workspace in op.workspaces().pages():
              ...

  The call runs on the library's bounded thread pool and never blocks the event loop; many
  may be awaited at once (``asyncio.gather``) on one client. Cancelling the task that awaits a
  call raises ``asyncio.CancelledError`` at once; the request already sent finishes on its
  pool thread within the client's timeouts, and its result is dropped. ``AsyncWorkspacePages``,
  ``AsyncDestinationPages`` and ``AsyncFilePages`` are async iterables of their items
  (``aiter_workspaces(operator, filter)`` too); ``AsyncFiles.open`` returns an
  ``AsyncFileStream`` (``await stream.read(n)``, ``await stream.close()``).
- The SDK's log records go to the ``logging`` module by default (logger ``airbyte_embedded``
  and its children, e.g. ``airbyte_embedded.http``), only those ``logging`` would keep: the
  level the library sends follows the loggers' levels; see ``forward_to_logging``.
- Clients are context managers: ``with OperatorClient(...) as op:`` calls ``op.close()`` on
  leaving the block, after which every call on the client, on the handles made from it
  (``op.sources()``, ``op.workspaces().pages()``, ...) and on the end-user clients it made
  raises ``AirbyteError.ClientClosed``. Without ``close()``, a client lives as long as it or a
  handle made from it is referenced.
- A manual ``obj.__del__()`` on any SDK object frees it once: later calls on that object raise
  ``AirbyteError.ClientClosed`` (instead of reaching freed memory), and the garbage collector
  does not free it again. Prefer ``close()``.

Calls move their arguments and results through the library's buffers in fewer steps than
the generated code does (``_buffers``: one allocation per argument, one copy per result); the
bytes that cross are the same. Results are read into records, enums, lists and dicts by
functions compiled from the generated converters on their first use (``_readers``: one call
per record instead of several per field); the objects are the same. ``Spec.is_valid`` and
``Spec.is_valid_text`` are one call into the library with no buffer at all (``_spec``), for
a yes/no answer per keystroke or request in about a microsecond or less.

Every kind of ``AirbyteError`` is a class at the top level too (``except NotFound``,
``RateLimited``, ``InvalidConfig``, ...), a subclass of ``AirbyteError``; ``str(e)`` and
``e.args[0]`` are the Rust SDK's text of the error (``rate limited (HTTP 429): Too many
requests; retry after 7 s``), see ``_errors``.

Records show their data (see ``_records``): ``repr()`` lists their fields, ``dataclasses.fields``
knows them, ``to_dict()`` returns them as plain data (enums by name, secrets as the service
masked them), and pydantic/FastAPI serialise a record as that dict.

Records print without config values: ``str()``/``repr()`` of a record holding a connector
config (``SourceCreate``, ``SourceTemplate``, ``ConnectionTemplateCreate``, ...) show the
config's keys with every value as ``[REDACTED]``, and a config whose text is not a JSON object
as ``[REDACTED: not JSON object text]``; the fields themselves are unchanged.

Connector configs, specs, ``partial_default_config``, destination configs and form models are
Python values: a ``JsonObject`` field or result is a ``dict``, a ``JsonValue`` any JSON value
(``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``, ``None``; integers up to 64 bits
stay exact, larger ones become floats in the library). Arguments and fields take any
``Mapping`` (nested ``Mapping``s and ``Sequence``s too); where an object is due, a ``str`` is
the JSON object text already written (passed as is, with no ``json.loads``/``json.dumps`` round
trip), and ``Spec.from_text`` / ``Spec.validate_text`` take a spec and a config as text. A value that is not JSON (a ``set``, ``float("nan")``, ``bytes``), text that
does not parse, or anything but an object where one is due raises
``AirbyteError.InvalidArgument`` from every call that would validate or send it; its
``argument`` names the field (``"source_config"``, ``"partial_default_config"``,
``"customization"``) and its ``detail`` says what is wrong (``"is not a JSON value: a set is
not a JSON value"``, ``"is not valid JSON text: ..."``, ``"must be a JSON object, got an
array"``), never the value.

Durations are ``datetime.timedelta``. ``RetryPolicy``, ``Pacing`` and ``WaitOptions`` have no
field defaults: start from ``defaults()``, which returns the core's defaults of every options
record (``Defaults``), and change what differs::

    retry = ae.defaults().retry_policy
    retry.max_retries = 0
"""

from __future__ import annotations

import io as _io
import sys as _sys
import threading as _threading
import types as _types
from typing import Any, AsyncIterator, Callable, Iterator, Optional

from ._native import *  # noqa: F401,F403  (the generated module's __all__)
from ._native import airbyte_embedded as _generated
from . import _buffers, _errors, _json, _logs, _readers, _records, _spec
from ._logs import LoggingForwarder, forward_to_logging
from ._native.airbyte_embedded import (
    AirbyteError,
    AsyncDestinationPages,
    AsyncEndUserClient,
    AsyncFilePages,
    AsyncOperatorClient,
    AsyncWorkspacePages,
    DestinationPages,
    EndUserClient,
    FilePages,
    Files,
    FileStream,
    JsonObject,
    JsonValue,
    OperatorClient,
    Workspace,
    WorkspaceFilter,
    WorkspacePages,
)

# Arguments and results cross in fewer steps (see `_buffers`); the bytes are the same.
_buffers.install(_generated)
# Results are read into the same records by compiled readers (see `_readers`).
_readers.install(_generated)
# JSON arguments are written once, not once to check and once to send (see `_json`).
_json.install(_generated)
# `str(e)` is the Rust `Display` (see `_errors`).
_errors.install(AirbyteError, _generated.error_text)
# `error_text(e)` is what `str(e)` returns, and `error_status(e)` what each kind's `status`
# field holds (for Kotlin's sake): not names of the package.
del error_text, error_status

# Every variant of `AirbyteError` at the top level too (`except airbyte_embedded.NotFound`), by
# name so that type checkers see them; tests/test_exceptions.py checks that none is missing.
Unauthorized = AirbyteError.Unauthorized
Forbidden = AirbyteError.Forbidden
NotFound = AirbyteError.NotFound
Validation = AirbyteError.Validation
RateLimited = AirbyteError.RateLimited
Server = AirbyteError.Server
UnexpectedStatus = AirbyteError.UnexpectedStatus
Transport = AirbyteError.Transport
Timeout = AirbyteError.Timeout
Decode = AirbyteError.Decode
InvalidArgument = AirbyteError.InvalidArgument
InvalidSpec = AirbyteError.InvalidSpec
InvalidConfig = AirbyteError.InvalidConfig
InvalidWidgetToken = AirbyteError.InvalidWidgetToken
Pagination = AirbyteError.Pagination
OutcomeUnknown = AirbyteError.OutcomeUnknown
TokenProvider = AirbyteError.TokenProvider
ClientClosed = AirbyteError.ClientClosed


def _has_rust_display(cls: type) -> bool:
    """Whether ``cls`` prints through the Rust ``Display`` (a record holding a config)."""
    symbol = f"uniffi_airbyte_embedded_fn_method_{cls.__name__.lower()}_uniffi_trait_display"
    return hasattr(getattr(_generated, "_UniffiLib"), symbol)


# Records show their fields (`repr`, `to_dict()`, dataclass fields; see `_records`).
_records.install(_generated, _has_rust_display)

# In forms type checkers read: the package's own names, then the generated module's.
__all__ = [
    "ClientClosed",
    "Decode",
    "FileReader",
    "Forbidden",
    "InvalidArgument",
    "InvalidConfig",
    "InvalidSpec",
    "InvalidWidgetToken",
    "JsonObject",
    "JsonValue",
    "LoggingForwarder",
    "NotFound",
    "OutcomeUnknown",
    "Pagination",
    "RateLimited",
    "Server",
    "Timeout",
    "TokenProvider",
    "Transport",
    "Unauthorized",
    "UnexpectedStatus",
    "Validation",
    "aiter_workspaces",
    "forward_to_logging",
    "iter_workspaces",
]
__all__ += _generated.__all__
__all__.remove("error_text")
__all__.remove("error_status")


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


for _pages in (WorkspacePages, DestinationPages, FilePages):
    setattr(_pages, "__iter__", _iterate_pages)


async def _aiterate_pages(pages: Any) -> AsyncIterator[Any]:
    """Yields every item of every page of an async walk (``AsyncWorkspacePages``, ...),
    awaiting the next page when one runs out: ``async for w in op.workspaces().pages()``.

    Raises ``AirbyteError`` where ``next_page()`` does; the iteration ends after that.
    """
    while True:
        page = await pages.next_page()
        if page is None:
            return
        for item in page:
            yield item


for _async_pages in (AsyncWorkspacePages, AsyncDestinationPages, AsyncFilePages):
    setattr(_async_pages, "__aiter__", _aiterate_pages)


# `FileStream.read()`'s `max_bytes` is a signed 32-bit count (the library returns at most 1 MiB
# a read, whatever it is asked): a larger request is asked as the largest it can carry.
_MAX_READ = 2**31 - 1


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
        return self.stream.read(min(size, _MAX_READ))

    def readinto(self, buffer: Any) -> int:
        self._checkClosed()
        view = memoryview(buffer).cast("B")
        data = self.stream.read(min(len(view), _MAX_READ))
        view[: len(data)] = data
        return len(data)

    def __iter__(self) -> Iterator[bytes]:
        self._checkClosed()
        while True:
            chunk = self.stream.read(min(self.chunk_size, _MAX_READ))
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


# The generated `open`, which returns the uniffi `FileStream` (the stub declares the wrapper).
_generated_files_open: Callable[..., FileStream] = getattr(Files, "open")


def _files_open(self: Any, source_id: str, path: str, drive_id: Optional[str] = None) -> FileReader:
    return FileReader(_generated_files_open(self, source_id, path, drive_id))


_files_open.__doc__ = (_generated_files_open.__doc__ or "") + (
    "\n\nReturns a ``FileReader`` (a binary file object) over the uniffi ``FileStream``."
)
setattr(Files, "open", _files_open)


def iter_workspaces(
    operator: OperatorClient, filter: Optional[WorkspaceFilter] = None
) -> Iterator[Workspace]:
    """Every workspace matching ``filter`` (default: all), one page at a time.

    ``GET /workspaces``, following ``next`` links on the configured host only.
    """
    return _iterate_pages(operator.workspaces().pages(filter))


def aiter_workspaces(
    operator: AsyncOperatorClient, filter: Optional[WorkspaceFilter] = None
) -> AsyncIterator[Workspace]:
    """Every workspace matching ``filter`` (default: all), one awaited page at a time:
    ``async for w in aiter_workspaces(op): ...``.

    ``GET /workspaces``, following ``next`` links on the configured host only.
    """
    return _aiterate_pages(operator.workspaces().pages(filter))


# Every generated object holds a handle (`_handle`) to its Rust object: the generated `__del__`
# frees it and each call clones it (`_uniffi_clone_handle`). A manual `__del__()` used to leave
# the freed handle in place, so the next call used freed memory and the garbage collector freed
# it a second time. The wrappers below clear the handle when freeing it and refuse to clone a
# cleared one. One lock orders "read and clone" against "clear": a call either clones before
# the handle is cleared (its clone keeps the Rust object alive) or sees it cleared. Reentrant,
# since the garbage collector may run a `__del__` on a thread that holds it.
_HANDLE_LOCK = _threading.RLock()


def _freed(name: str) -> AirbyteError:
    return AirbyteError.ClientClosed(
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
        self: Any,
        _free: Any = free,
        _lock: Any = _HANDLE_LOCK,
        _holder: Any = _types.SimpleNamespace,
    ) -> None:
        with _lock:
            handle = getattr(self, "_handle", None)
            if handle is None:
                return
            self._handle = None
        # The generated `__del__` frees whatever `_handle` its argument holds.
        _free(_holder(_handle=handle))

    def _uniffi_clone_handle(
        self: Any,
        _clone: Any = clone,
        _lock: Any = _HANDLE_LOCK,
        _name: str = name,
        _error: Callable[[str], AirbyteError] = _freed,
    ) -> Any:
        with _lock:
            if getattr(self, "_handle", None) is None:
                raise _error(_name)
            return _clone(self)

    __del__.__doc__ = free.__doc__
    setattr(cls, "__del__", __del__)
    setattr(cls, "_uniffi_clone_handle", _uniffi_clone_handle)


for _cls in list(vars(_generated).values()):
    if isinstance(_cls, type) and _cls.__module__ == _generated.__name__:
        _guard_handles(_cls)

# `Spec.is_valid`/`is_valid_text` in one call into the library, under the same lock (see `_spec`).
_spec.install(_generated, _HANDLE_LOCK)


# Records holding a connector config export the Rust `Display`/`Debug` (keys shown, values
# `[REDACTED]`) as `__str__`/`__repr__`. Those pass the record to Rust, which cannot receive it
# when a field has the wrong Python type (a number given as `name`; a config that is not JSON
# is received, and printed as unparsed); a string form must not raise, nor show the values it
# could not mask: every value is then hidden.
def _unmasked_fallback(self: Any, error: BaseException) -> str:
    fields = ", ".join(f"{name}=[REDACTED]" for name in vars(self))
    return f"{type(self).__name__}({fields}) (not printable as is: {type(error).__name__})"


def _guard_string_forms(cls: type) -> None:
    if not _has_rust_display(cls):
        return
    for attr in ("__str__", "__repr__"):
        rust = cls.__dict__.get(attr)
        if rust is None:
            continue

        def form(self: Any, _rust: Any = rust) -> str:
            try:
                return str(_rust(self))
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
    generated_close = getattr(cls, "close")

    def close(self: Any) -> None:
        if getattr(self, "_handle", None) is None:
            return  # freed by a manual __del__(): nothing left to close
        generated_close(self)

    close.__doc__ = generated_close.__doc__
    setattr(cls, "close", close)
    setattr(cls, "__enter__", _client_enter)
    setattr(cls, "__exit__", _client_exit)


async def _client_aenter(self: Any) -> Any:
    """Returns the client itself: ``async with AsyncOperatorClient(...) as op:``."""
    return self


async def _client_aexit(self: Any, *exc: object) -> None:
    """Closes the client (``close()``) on leaving the ``async with`` block, exception or not."""
    self.close()


_add_context_manager(OperatorClient)
_add_context_manager(EndUserClient)
for _async_client in (AsyncOperatorClient, AsyncEndUserClient):
    _add_context_manager(_async_client)
    setattr(_async_client, "__aenter__", _client_aenter)
    setattr(_async_client, "__aexit__", _client_aexit)


# The SDK's records go to `logging`, at the level `logging` would keep (see `_logs`); the
# package's and the generated module's `set_logger`/`clear_logger` stop that following.
_logs.install(_generated, _sys.modules["airbyte_embedded._native"], _sys.modules[__name__])
