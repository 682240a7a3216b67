"""Python SDK for the Airbyte Embedded API.

Everything in the generated module (``airbyte_embedded._native``, built by uniffi from the Rust
SDK) is re-exported here: ``OperatorClient``, ``EndUserClient``, ``ClientConfig``, the records
(``SourceTemplate``, ``Workspace``, ...), the enums and the ``AirbyteError`` exception. This
module adds the Python idioms:

- ``WorkspacePages`` is iterable: ``for w in operator.workspaces().pages(): ...`` yields each
  ``Workspace``, fetching one page at a time; ``iter_workspaces(operator, filter)`` does the
  same.
- The SDK's log records go to the ``logging`` module by default (logger ``airbyte_embedded``
  and its children, e.g. ``airbyte_embedded.http``); see ``forward_to_logging``.

Connector configs and specs travel as JSON text: ``json.dumps`` them in, ``json.loads`` them
out.
"""

from __future__ import annotations

import logging as _logging
from typing import Iterator, Optional

from ._native import *  # noqa: F401,F403  (the generated module's __all__)
from ._native import airbyte_embedded as _generated
from ._native.airbyte_embedded import (
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
    "LoggingForwarder",
    "forward_to_logging",
    "iter_workspaces",
]


def _iterate_pages(pages: WorkspacePages) -> Iterator[Workspace]:
    """Yields every workspace of every page, fetching the next page when one runs out.

    Raises ``AirbyteError`` (for example ``AirbyteError.Pagination``) where ``next_page()``
    does; the iterator ends after that.
    """
    while True:
        page = pages.next_page()
        if page is None:
            return
        yield from page


WorkspacePages.__iter__ = _iterate_pages  # type: ignore[attr-defined]


def iter_workspaces(
    operator: OperatorClient, filter: Optional[WorkspaceFilter] = None
) -> Iterator[Workspace]:
    """Every workspace matching ``filter`` (default: all), one page at a time.

    ``GET /workspaces``, following ``next`` links on the configured host only.
    """
    return _iterate_pages(operator.workspaces().pages(filter))


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
