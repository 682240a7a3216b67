"""The SDK's log records in the ``logging`` module.

``LoggingForwarder`` hands each record the library sends to the logger named after its Rust
target (``airbyte_embedded::http`` → ``airbyte_embedded.http``). Each record sent is one call
from the library into Python, so by default the library sends only what ``logging`` would keep:
``forward_to_logging()`` (done on import) asks it for the most verbose level at which some
``airbyte_embedded`` logger is enabled, and asks again whenever ``logging``'s levels change.
Every level change (``Logger.setLevel``, ``basicConfig``, ``dictConfig``, ``fileConfig``,
``logging.disable``) clears the logging manager's level cache, and that is where this module
listens (``Manager._clear_cache``, present in every CPython 3.7+). Without that hook the level
is ``DEBUG`` and ``logging`` filters, as with ``forward_to_logging(LogLevel.DEBUG)``.

No logger is created here: a logger ``logging`` has not met yet is judged by the level it would
inherit, so a later ``dictConfig(disable_existing_loggers=True)`` finds nothing of the SDK's to
disable. ``set_logger`` and ``clear_logger`` (the package's and the generated module's: both are
replaced) stop the following. Every change of what the library is asked, and the call that
asks it, happens under ``logging``'s own module lock, the one its configuration functions
already hold when they change levels, so two threads configuring at once end with the level of
the last configuration.
"""

from __future__ import annotations

import logging as _logging
import threading as _threading
from types import ModuleType
from typing import Any, Callable, Optional

from ._native import airbyte_embedded as _generated
from ._native.airbyte_embedded import Logger, LogLevel, LogRecord

PY_LEVELS = {
    LogLevel.ERROR: _logging.ERROR,
    LogLevel.WARN: _logging.WARNING,
    LogLevel.INFO: _logging.INFO,
    LogLevel.DEBUG: _logging.DEBUG,
    LogLevel.TRACE: 5,
}

# Most verbose first: the first level some `airbyte_embedded` logger is enabled for is the one
# the library is asked to send.
_BY_VERBOSITY = (LogLevel.TRACE, LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN)

# logging's module lock (an RLock in CPython 3.9-3.13), else one of ours.
_LOCK: Any = getattr(_logging, "_lock", None) or _threading.RLock()


class LoggingForwarder(Logger):
    """A ``Logger`` that hands each SDK record to the ``logging`` module.

    The Rust target becomes the logger name (``airbyte_embedded::http`` →
    ``airbyte_embedded.http``); TRACE maps to level 5. Records never carry secrets.
    """

    def log(self, record: LogRecord) -> None:
        """Logs ``record.message`` on the logger named after ``record.target`` at its level;
        a handler that raises is ignored."""
        try:
            name = record.target.replace("::", ".")
            _logging.getLogger(name).log(
                PY_LEVELS.get(record.level, _logging.DEBUG), "%s", record.message
            )
        except Exception:  # a failing handler must never fail the SDK call
            pass


def enabled_level() -> LogLevel:
    """The most verbose level any ``airbyte_embedded`` logger (or child) is enabled for, as
    ``logging`` is configured now; ``ERROR`` when none is enabled below it. Creates no logger."""
    manager = _logging.Logger.manager
    existing = {
        name: logger
        for name, logger in list(manager.loggerDict.items())
        if (name == "airbyte_embedded" or name.startswith("airbyte_embedded."))
        and isinstance(logger, _logging.Logger)
    }
    loggers = list(existing.values())
    if "airbyte_embedded" not in existing:
        # The logger the first record creates inherits the root's level.
        loggers.append(_logging.getLogger())
    for level in _BY_VERBOSITY:
        if any(logger.isEnabledFor(PY_LEVELS[level]) for logger in loggers):
            return level
    return LogLevel.ERROR


class _State:
    """The forwarder whose level follows ``logging`` (``None``: nothing follows), and the
    level last asked of the library for it."""

    forwarder: Optional[LoggingForwarder] = None
    level: Optional[LogLevel] = None


# The generated functions, whatever `install` binds the public names to later.
_native_set_logger: Callable[[Logger, LogLevel], None] = _generated.set_logger
_native_clear_logger: Callable[[], None] = _generated.clear_logger


def _sync() -> None:
    with _LOCK:
        forwarder = _State.forwarder
        if forwarder is None:
            return
        level = enabled_level()
        if level != _State.level:
            _native_set_logger(forwarder, level)
            _State.level = level


def _hook_level_changes() -> bool:
    """Makes every clearing of the logging manager's level cache sync the level the library
    sends. ``False`` when this Python's ``logging`` has no such cache."""
    clear_cache = getattr(_logging.Manager, "_clear_cache", None)
    if clear_cache is None:
        return False
    if getattr(clear_cache, "_airbyte_embedded", False):
        return True

    def _clear_cache(self: Any) -> None:
        clear_cache(self)
        try:
            _sync()
        except Exception:  # configuring logging must never fail because of the SDK
            pass

    setattr(_clear_cache, "_airbyte_embedded", True)
    setattr(_logging.Manager, "_clear_cache", _clear_cache)
    return True


def forward_to_logging(max_level: Optional[LogLevel] = None) -> None:
    """Sends the SDK's records to the ``logging`` module (loggers ``airbyte_embedded``,
    ``airbyte_embedded.http``, ...), up to ``max_level``.

    With no ``max_level`` (as on import), the level follows ``logging``'s configuration: the
    library sends only what some ``airbyte_embedded`` logger is enabled for (``WARN`` and
    worse under ``logging``'s defaults), and a later ``setLevel``, ``basicConfig``,
    ``dictConfig`` or ``logging.disable`` changes it, so a record ``logging`` would drop costs
    no call into Python. With ``max_level``, records up to it are sent and ``logging`` filters
    them. Register your own ``Logger`` with ``set_logger`` instead, or stop forwarding with
    ``clear_logger()``.
    """
    with _LOCK:
        forwarder = LoggingForwarder()
        if max_level is None and _hook_level_changes():
            _State.forwarder, _State.level = forwarder, None
            _sync()
            return
        _State.forwarder = _State.level = None
        _native_set_logger(forwarder, LogLevel.DEBUG if max_level is None else max_level)


def set_logger(logger: Logger, max_level: LogLevel) -> None:
    """The generated ``set_logger`` (its documentation replaces this one), which also stops
    the forwarder's level from following ``logging``."""
    with _LOCK:
        _State.forwarder = _State.level = None
        _native_set_logger(logger, max_level)


def clear_logger() -> None:
    """The generated ``clear_logger`` (its documentation replaces this one), which also stops
    the following."""
    with _LOCK:
        _State.forwarder = _State.level = None
        _native_clear_logger()


def install(*modules: ModuleType) -> None:
    """Binds ``set_logger`` and ``clear_logger`` of each module (the generated module, its
    package, this package) to this module's, which stop the following, then forwards to
    ``logging``."""
    set_logger.__doc__ = _native_set_logger.__doc__
    clear_logger.__doc__ = _native_clear_logger.__doc__
    for module in modules:
        setattr(module, "set_logger", set_logger)
        setattr(module, "clear_logger", clear_logger)
    forward_to_logging()
