"""A fleet's parts: token stores (the host's own, the SDK's memory and Redis stores), the
template cache, bulk operations and workspace sync."""

from __future__ import annotations

import datetime
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from typing import Dict, Iterator, Optional, Tuple

import pytest

import airbyte_embedded as ae
from conftest import POSTGRES_DEFINITION_ID, Sandbox, unique


class DictStore(ae.TokenStore):
    """A host's own store: a dict with expiry times, behind one lock."""

    def __init__(self) -> None:
        self.entries: Dict[str, Tuple[str, float]] = {}
        self.lock = threading.Lock()
        self.calls = 0

    def _live(self, key: str) -> Optional[str]:
        entry = self.entries.get(key)
        if entry is None or entry[1] <= time.monotonic():
            self.entries.pop(key, None)
            return None
        return entry[0]

    def get(self, key: str) -> Optional[str]:
        with self.lock:
            self.calls += 1
            return self._live(key)

    def put(self, key: str, value: str, ttl: datetime.timedelta) -> None:
        with self.lock:
            self.calls += 1
            self.entries[key] = (value, time.monotonic() + ttl.total_seconds())

    def remove_if(self, key: str, value: str) -> bool:
        with self.lock:
            self.calls += 1
            if self._live(key) == value:
                del self.entries[key]
                return True
            return False

    def try_lock(self, key: str, owner: str, ttl: datetime.timedelta) -> bool:
        with self.lock:
            self.calls += 1
            if self._live(key) is not None:
                return False
            self.entries[key] = (owner, time.monotonic() + ttl.total_seconds())
            return True

    def unlock(self, key: str, owner: str) -> None:
        self.remove_if(key, owner)


class BrokenStore(ae.TokenStore):
    """A store that is down: every method raises (one kind the SDK declares, one it does not)."""

    def get(self, key: str) -> Optional[str]:
        raise ae.TokenStoreError.Unavailable("connection refused")

    def put(self, key: str, value: str, ttl: datetime.timedelta) -> None:
        raise RuntimeError("the cache fell over")

    def remove_if(self, key: str, value: str) -> bool:
        raise RuntimeError("the cache fell over")

    def try_lock(self, key: str, owner: str, ttl: datetime.timedelta) -> bool:
        raise ae.TokenStoreError.Unavailable("connection refused")

    def unlock(self, key: str, owner: str) -> None:
        raise RuntimeError("the cache fell over")


def operator_on(sandbox: Sandbox, store: ae.TokenStore, **settings: object) -> ae.OperatorClient:
    return ae.OperatorClient(
        sandbox.client_id, sandbox.client_secret, sandbox.config(**settings), token_store=store
    )


def test_clients_sharing_a_host_store_mint_one_operator_token(fresh_sandbox):
    store = DictStore()
    first, second = operator_on(fresh_sandbox, store), operator_on(fresh_sandbox, store)
    first.workspaces().stats()
    second.workspaces().stats()
    assert fresh_sandbox.stats()["token_requests"] == 1
    assert store.calls > 0
    keys = list(store.entries)
    assert any(k.startswith("airbyte-embedded:v1:operator:") for k in keys), keys
    for value, _ in store.entries.values():
        # Sealed by the SDK: no JWT (a header and a payload, base64 of `{"...`, joined by a dot;
        # the ciphertext alone holds `eyJ` now and then by chance) and no client secret.
        assert value.startswith("v1.") and not re.search(r"eyJ[\w-]*\.eyJ", value)
        assert fresh_sandbox.client_secret not in value


def test_a_failing_host_store_never_fails_a_call(fresh_sandbox):
    operator = operator_on(fresh_sandbox, BrokenStore())
    for _ in range(3):
        operator.workspaces().stats()
    assert operator.scoped_token(unique("acme")).expose().count(".") == 2
    assert fresh_sandbox.stats()["token_requests"] == 1, "cached in the process instead"


def test_the_sdk_memory_store_is_shared_by_the_clients_given_it(fresh_sandbox):
    store = ae.memory_token_store()
    name = unique("acme")
    first, second = operator_on(fresh_sandbox, store), operator_on(fresh_sandbox, store)
    assert first.scoped_token(name).expose() == second.scoped_token(name).expose()
    assert fresh_sandbox.stats()["token_requests"] == 1
    scoped = [r for r in fresh_sandbox.requests() if r["path"].endswith("/embedded/scoped-token")]
    assert len(scoped) == 1


def test_the_template_cache_is_shared_through_the_store_and_writes_invalidate_it(fresh_sandbox):
    store = DictStore()
    ttl = datetime.timedelta(minutes=5)
    first = operator_on(fresh_sandbox, store, template_cache_ttl=ttl)
    second = operator_on(fresh_sandbox, store, template_cache_ttl=ttl)

    def lists() -> int:
        return sum(
            1
            for r in fresh_sandbox.requests()
            if r["method"] == "GET" and r["path"].endswith("/integrations/templates/sources")
        )

    listed = first.source_templates().list()
    assert [t.id for t in second.source_templates().list()] == [t.id for t in listed]
    assert lists() == 1
    # A write through the SDK makes the next read miss, in every client on the store.
    created = first.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=POSTGRES_DEFINITION_ID,
            partial_default_config={"port": 5432},
            name=unique("Postgres"),
        )
    )
    assert created.id in [t.id for t in second.source_templates().list()]
    assert lists() == 2
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        fresh_sandbox.operator(template_cache_ttl=datetime.timedelta(0)).tags().list()
    assert e.value.argument == "template_cache_ttl"


def test_redis_store_urls_are_checked_without_quoting_them():
    for url in ["not a url", "http://host"]:
        with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
            ae.redis_token_store(url)
        assert e.value.argument == "redis_url"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.redis_token_store("rediss://:pw-9f2c@127.0.0.1:1", root_certificates_pem="not pem")
    assert e.value.argument == "root_certificates_pem"
    assert "pw-9f2c" not in str(e.value)


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A redis-server on a free loopback port (skipped when redis-server is not installed)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (scripts/test-redis installs it)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as work:
        proc = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", work],
            stdout=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    assert time.monotonic() < deadline, "redis-server did not start"
                    time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def test_clients_on_one_redis_store_mint_one_operator_token(fresh_sandbox, redis_url):
    clients = [
        operator_on(fresh_sandbox, ae.redis_token_store(redis_url, timeout=datetime.timedelta(seconds=1)))
        for _ in range(3)
    ]
    for client in clients:
        client.workspaces().stats()
    assert fresh_sandbox.stats()["token_requests"] == 1


def test_bulk_mint_then_deactivate_each_item_with_its_own_outcome(operator):
    names = [unique("bulk") for _ in range(6)]
    minted = operator.bulk().mint_scoped_tokens(names)
    assert [o.item for o in minted.outcomes] == names
    assert all(o.error is None and o.token is not None for o in minted.outcomes)
    ids = [o.token.workspace_id() for o in minted.outcomes]
    assert len(set(ids)) == 6

    missing = "00000000-0000-4000-8000-00000000dead"
    options = ae.defaults().bulk_options
    options.concurrency = 2
    report = operator.bulk().deactivate_workspaces(ids[:3] + [missing], options)
    assert [o.item for o in report.outcomes] == ids[:3] + [missing]
    for o in report.outcomes[:3]:
        assert o.error is None and o.workspace.status == ae.WorkspaceStatus.INACTIVE()
    last = report.outcomes[3]
    assert last.workspace is None and isinstance(last.error, ae.AirbyteError.NotFound)

    again = operator.bulk().mint_scoped_tokens(names[:2])
    assert [o.token.workspace_id() for o in again.outcomes] == ids[:2], "no duplicate workspace"


def test_bulk_options_out_of_range_send_nothing(operator):
    for field, value in [("concurrency", 0), ("concurrency", -1), ("concurrency", 17),
                         ("rate_limited_attempts", 0), ("rate_limited_attempts", -1)]:
        options = ae.defaults().bulk_options
        setattr(options, field, value)
        with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
            operator.bulk().mint_scoped_tokens([unique("bulk")], options)
        assert e.value.argument == field, (field, value)


def test_workspace_sync_plans_by_default_and_applies_when_asked(fresh_sandbox):
    operator = fresh_sandbox.operator()
    kept, churned, new = unique("kept"), unique("churned"), unique("new")
    operator.bulk().mint_scoped_tokens([kept, churned])

    dry = operator.bulk().sync_workspaces([kept, new])
    assert dry.report is None
    assert dry.plan.create == [new]
    assert [w.name for w in dry.plan.deactivate] == [churned]
    assert dry.plan.reactivate == [] and dry.plan.unchanged == 1
    names = {w.name for w in operator.workspaces().pages()}
    assert new not in names, "a dry run writes nothing"

    applied = operator.bulk().sync_workspaces([kept, new], apply=True)
    assert applied.report is not None
    assert [o.item for o in applied.report.created.outcomes] == [new]
    assert all(o.error is None for o in applied.report.deactivated.outcomes)
    by_name = {w.name: w.status for w in operator.workspaces().pages()}
    assert by_name[churned] == ae.WorkspaceStatus.INACTIVE()
    assert by_name[new] == ae.WorkspaceStatus.ACTIVE()

    back = operator.bulk().sync_workspaces([kept, new, churned], apply=True)
    assert [w.name for w in back.plan.reactivate] == [churned]
    assert {w.name: w.status for w in operator.workspaces().pages()}[churned] == ae.WorkspaceStatus.ACTIVE()
