"""Code as a user writes it, for the type checkers only (scripts/test-python runs mypy --strict
and pyright on it; pytest does not collect it): each `assert_type` fails the check when the
package's types (its stub, `py.typed`) say otherwise."""

from typing import Any, AsyncIterator, Dict, Iterator, List, Optional, assert_type

import airbyte_embedded as ae


def workspace_names(operator: ae.OperatorClient) -> List[str]:
    """Iterating pages yields records; each error kind is caught by its own class."""
    try:
        pages = operator.workspaces().pages()
        assert_type(iter(pages), Iterator[ae.Workspace])
        return [w.name or w.id for w in pages]
    except ae.NotFound as e:
        assert_type(e.status, int)
        assert_type(e.detail, str)
        return [str(e)]
    except ae.RateLimited as e:
        assert_type(e.rate_limit, ae.RateLimit)
        raise
    except ae.AirbyteError.Validation as e:
        assert_type(e.field_errors, List[ae.FieldError])
        raise


def optional_arguments(operator: ae.OperatorClient) -> None:
    """Optional arguments default to None and take None."""
    operator.workspaces().pages(None)
    operator.definitions().list_sources(None)
    for _ in ae.iter_workspaces(operator, None):
        pass


def records(summary: ae.SourceTemplateSummary) -> Dict[str, Any]:
    """Records have typed fields and `to_dict()`."""
    assert_type(summary.id, str)
    assert_type(summary.icon, Optional[str])
    return summary.to_dict()


async def async_walk(operator: ae.AsyncOperatorClient) -> List[str]:
    """Async twins are async context managers and async iterables."""
    async with operator as op:
        pages = op.workspaces().pages()
        assert_type(pages.__aiter__(), AsyncIterator[ae.Workspace])
        return [w.id async for w in pages]


def files(operator: ae.OperatorClient) -> bytes:
    """`Files.open` returns the package's file object."""
    with operator as op:
        reader = op.files().open("source-id", "data.csv")
        assert_type(reader, ae.FileReader)
        return reader.read(10)
