"""The text of ``AirbyteError``: ``str(e)`` is the Rust ``Display`` of the error.

uniffi makes one exception class per variant of the Rust error (``AirbyteError.NotFound``,
``AirbyteError.RateLimited``, ...), all subclasses of ``AirbyteError``; their generated text is
their fields (``status=404, detail='...'``, a rate limit as ``RateLimit()``). ``install`` gives
every variant the text the Rust ``Display`` writes, which the library exports as
``error_text(error)``: ``not found (HTTP 404): no such workspace``, the service's message with
its field errors, the rate-limit numbers (``; retry after 7 s; 0 of 1000 requests left``).
``str(e)`` and ``args[0]`` (what tracebacks and loggers print) are that text; ``repr(e)`` is
``NotFound('not found (HTTP 404): ...')``; ``copy`` and ``pickle`` make an error again from its
fields. The classes stay the generated ones.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, Tuple


def install(base: type, error_text: Callable[[Any], str]) -> Dict[str, type]:
    """Gives every variant class of ``base`` (the generated ``AirbyteError``) the text of
    ``error_text`` (the exported Rust ``Display``) as ``str()`` and as ``args[0]``, and a
    ``repr`` naming the variant. Returns the variant classes by name, for the package's top
    level.

    A variant made in Python with fields of the wrong type (``NotFound("404", None)``) cannot
    cross to Rust: its text is then the generated one (its fields), never an exception."""

    def text(error: BaseException, fallback: str) -> str:
        try:
            return error_text(error)
        except Exception:  # a field of the wrong type: the Rust text cannot be made
            return fallback

    variants: Dict[str, type] = {}
    for name, cls in list(vars(base).items()):
        if not (isinstance(cls, type) and issubclass(cls, base) and cls is not base):
            continue
        variants[name] = cls
        generated_init: Callable[..., None] = cls.__init__
        fields = tuple(inspect.signature(generated_init).parameters)[1:]

        def __init__(
            self: BaseException,
            *args: Any,
            _init: Callable[..., None] = generated_init,
            **kwargs: Any,
        ) -> None:
            _init(self, *args, **kwargs)
            # The generated `__init__` set `args` to the fields' text: the fallback.
            self.args = (text(self, str(self.args[0]) if self.args else ""),)

        def __str__(self: BaseException) -> str:
            return str(self.args[0]) if self.args else ""

        def __repr__(self: BaseException) -> str:
            return f"{type(self).__name__}({str(self)!r})"

        def __reduce__(
            self: BaseException, _fields: Tuple[str, ...] = fields
        ) -> Tuple[Any, Tuple[Any, ...]]:
            # Made again from its fields (`copy`, `pickle`, a process pool's result), not from
            # `args`, which holds the text.
            return (type(self), tuple(getattr(self, field) for field in _fields))

        __init__.__doc__ = generated_init.__doc__
        setattr(cls, "__init__", __init__)
        setattr(cls, "__reduce__", __reduce__)
        setattr(cls, "__str__", __str__)
        setattr(cls, "__repr__", __repr__)
    return variants
