"""The async clients: awaited calls, typed errors through await, calls in parallel on one
client, `async for` over workspaces, and a call cancelled mid-flight."""

import asyncio
import json
import time

import pytest

import airbyte_embedded as ae
from conftest import POSTGRES_DEFINITION_ID, unique

TEMPLATES = "/integrations/templates/sources"


def async_operator(sandbox, **settings):
    return ae.AsyncOperatorClient(sandbox.client_id, sandbox.client_secret, sandbox.config(**settings))


def run(coroutine):
    return asyncio.run(coroutine)


def test_awaited_calls_create_a_template_and_a_source(sandbox):
    async def story():
        async with async_operator(sandbox) as op:
            templates = op.source_templates()
            template = await templates.create(
                ae.SourceTemplateCreate(
                    actor_definition_id=POSTGRES_DEFINITION_ID,
                    partial_default_config=json.dumps({"port": 5432}),
                    name=unique("Postgres"),
                )
            )
            listed = await templates.list()
            assert template.id in [t.id for t in listed]

            user = op.end_user_client(unique("acme"))
            assert isinstance(user, ae.AsyncEndUserClient)
            workspace_id = await user.workspace_id()
            config = {"host": "db.acme.example", "database": "app", "username": "u", "password": "p"}
            source = await user.sources().create(
                ae.SourceCreate(
                    workspace_id=workspace_id,
                    source_template_id=template.id,
                    source_config=json.dumps(config),
                    name="Prod",
                )
            )
            assert (await user.sources().get(source.id)).name == "Prod"
            assert [s.id for s in await user.sources().list(workspace_id)] == [source.id]
            await user.sources().delete(source.id)
            await templates.delete(template.id)
        return op

    op = run(story())
    with pytest.raises(ae.AirbyteError.ClientClosed):
        op.source_templates()


def test_an_error_is_raised_as_its_typed_error_through_await(sandbox):
    async def story():
        op = async_operator(sandbox)
        with pytest.raises(ae.AirbyteError.NotFound) as e:
            await op.workspaces().get("00000000-0000-4000-8000-000000000000")
        assert e.value.status == 404
        with pytest.raises(ae.AirbyteError.InvalidArgument):
            await op.workspaces().list_page(ae.WorkspaceFilter(limit=0))

    run(story())


def test_calls_in_parallel_on_one_client_overlap_and_keep_the_event_loop_free(sandbox):
    async def story():
        op = async_operator(sandbox)
        await op.source_templates().list()  # the operator token, minted once
        sandbox.fault({"kind": "delay", "millis": 400}, path_prefix=TEMPLATES, method="GET", count=8)
        ticks = 0

        async def ticker():
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        tick = asyncio.ensure_future(ticker())
        started = time.monotonic()
        results = await asyncio.gather(*(op.source_templates().list() for _ in range(8)))
        elapsed = time.monotonic() - started
        tick.cancel()
        assert len(results) == 8 and all(isinstance(r, list) for r in results)
        # Eight 400 ms responses one after another would take 3.2 s.
        assert elapsed < 1.6, f"{elapsed:.2f} s"
        # The loop kept running while the calls waited (a blocked loop would not tick at all).
        assert ticks >= 15, f"{ticks} ticks in {elapsed:.2f} s"

    run(story())


def test_async_for_walks_every_workspace_page_by_page(fresh_sandbox):
    names = [f"tenant-{i:02}" for i in range(12)]
    sync = fresh_sandbox.operator()
    for name in names:
        sync.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=name))

    async def story():
        op = async_operator(fresh_sandbox)
        seen = [w.name async for w in op.workspaces().pages(ae.WorkspaceFilter(limit=5))]
        assert sorted(seen) == names
        pages = op.workspaces().pages(ae.WorkspaceFilter(limit=5))
        sizes = []
        while (page := await pages.next_page()) is not None:
            sizes.append(len(page))
        assert sizes == [5, 5, 2]
        assert len([w async for w in ae.aiter_workspaces(op, ae.WorkspaceFilter(name_contains="tenant-1"))]) == 2

    run(story())
    gets = [r for r in fresh_sandbox.requests() if r["method"] == "GET" and r["path"].endswith("/workspaces")]
    assert len(gets) == 3 + 3 + 1


def test_a_cancelled_call_returns_at_once_and_the_client_still_works(sandbox):
    async def story():
        op = async_operator(sandbox)
        await op.source_templates().list()
        sandbox.admin("DELETE", "requests")
        sandbox.fault({"kind": "delay", "millis": 3000}, path_prefix=TEMPLATES, method="GET")
        call = asyncio.ensure_future(op.source_templates().list())
        # Mid-flight: the request has reached the sandbox, which holds it for 3 s.
        deadline = time.monotonic() + 5
        while not [r for r in sandbox.requests() if r["path"].endswith(TEMPLATES)]:
            assert time.monotonic() < deadline, "the call never reached the sandbox"
            await asyncio.sleep(0.02)
        started = time.monotonic()
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
        assert time.monotonic() - started < 0.5
        assert call.cancelled()

        # The same client serves the next calls at once (the abandoned request still waits).
        started = time.monotonic()
        assert isinstance(await op.source_templates().list(), list)
        assert isinstance(await op.tags().list(), list)
        assert time.monotonic() - started < 1.5

    run(story())
