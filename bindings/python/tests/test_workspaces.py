"""Workspaces: pagination (iterator over next_page), stats, get, update, delete."""

import pytest

import airbyte_embedded as ae
from conftest import unique


def test_45_workspaces_over_3_pages(fresh_sandbox):
    operator = fresh_sandbox.operator()
    names = [f"tenant-{i:02}" for i in range(45)]
    for name in names:
        operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=name))

    pages = operator.workspaces().pages(ae.WorkspaceFilter(limit=20))
    sizes = []
    while (page := pages.next_page()) is not None:
        sizes.append(len(page))
    assert sizes == [20, 20, 5]
    assert pages.next_page() is None

    seen = [w.name for w in operator.workspaces().pages()]
    assert sorted(seen) == names
    assert len(list(ae.iter_workspaces(operator, ae.WorkspaceFilter(limit=7)))) == 45
    assert [w.name for w in operator.workspaces().pages(ae.WorkspaceFilter(name_contains="tenant-4"))] == [
        f"tenant-4{i}" for i in range(5)
    ]
    first = operator.workspaces().list_page(ae.WorkspaceFilter(limit=20))
    assert len(first.data) == 20 and first.next and "cursor=" in first.next
    cursor = first.next.split("cursor=")[1].split("&")[0]
    second = operator.workspaces().list_page(ae.WorkspaceFilter(limit=20), cursor)
    assert {w.id for w in second.data}.isdisjoint({w.id for w in first.data})

    stats = operator.workspaces().stats()
    assert (stats.active_count, stats.inactive_count, stats.total_count) == (45, 0, 45)


def test_foreign_next_links_stop_the_walk(fresh_sandbox):
    operator = fresh_sandbox.operator()
    fresh_sandbox.respond(
        200,
        '{"data": [{"id": "w1", "name": "one"}], "next": "https://evil.example/api/v1/workspaces?cursor=x"}',
        path_prefix="/workspaces",
    )
    walk = iter(operator.workspaces().pages())
    assert next(walk).name == "one"
    with pytest.raises(ae.Pagination) as e:
        next(walk)
    assert "evil.example" in e.value.detail
    # Caught by its own top-level class, with the Rust text.
    assert str(e.value).startswith("pagination stopped: `next` link is not on the host and port of http://127.0.0.1:")
    assert str(e.value).endswith("/api/v1: https://evil.example/api/v1/workspaces?cursor=x")


def test_workspace_crud(operator):
    token = operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=unique("crud")))
    workspace = operator.workspaces().get(token.workspace_id())
    assert workspace.status == ae.WorkspaceStatus.ACTIVE()
    renamed = operator.workspaces().update(workspace.id, ae.WorkspaceUpdate(name=workspace.name + "-2"))
    assert renamed.name == workspace.name + "-2"
    assert operator.workspaces().deactivate(workspace.id).status == ae.WorkspaceStatus.INACTIVE()
    inactive = list(operator.workspaces().pages(ae.WorkspaceFilter(status=ae.WorkspaceStatus.INACTIVE())))
    assert workspace.id in [w.id for w in inactive]
    assert operator.workspaces().delete(workspace.id).id == workspace.id
    with pytest.raises(ae.AirbyteError.NotFound):
        operator.workspaces().get(workspace.id)
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.workspaces().list_page(ae.WorkspaceFilter(limit=0))
    assert e.value.argument == "limit"


def test_unknown_enum_values_keep_their_string(fresh_sandbox):
    operator = fresh_sandbox.operator()
    fresh_sandbox.respond(200, '{"id": "w1", "status": "suspended"}', path_prefix="/workspaces/w1")
    status = operator.workspaces().get("w1").status
    assert status == ae.WorkspaceStatus.UNKNOWN("suspended")
    assert status.wire_value() == "suspended"
    assert ae.NonBreakingChangesPreference.PROPAGATE_COLUMNS().wire_value() == "propagate_columns"
