"""An end-user client whose scoped tokens come from the host's provider (a stand-in for the
app's own backend): fetched on first use, renewed after expiry and after a refusal, one fetch
at a time, and a provider's failure raised as a typed error."""

from __future__ import annotations

import threading
import time
from typing import List, Optional

import pytest

import airbyte_embedded as ae
from conftest import Sandbox, unique


class Backend(ae.ScopedTokenProvider):
    """Mints through an operator client, as the host's backend would; `script` answers the
    first fetches instead (a token text, or an exception to raise)."""

    def __init__(self, operator: ae.OperatorClient, workspace: str, script: Optional[List[object]] = None, delay: float = 0.0) -> None:
        self.operator = operator
        self.workspace = workspace
        self.script = list(script or [])
        self.delay = delay
        self.fetches = 0
        self.lock = threading.Lock()

    def fetch_scoped_token(self) -> str:
        with self.lock:
            self.fetches += 1
            step = self.script.pop(0) if self.script else None
        time.sleep(self.delay)
        if isinstance(step, BaseException):
            raise step
        if isinstance(step, str):
            return step
        return self.operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=self.workspace)).expose()


def test_first_call_fetches_and_later_calls_reuse(sandbox: Sandbox) -> None:
    backend = Backend(sandbox.operator(), unique("provided"))
    user = ae.EndUserClient.with_token_provider(backend, sandbox.config())
    assert backend.fetches == 0
    for _ in range(3):
        user.source_templates().list()
    assert backend.fetches == 1


def test_expired_token_is_fetched_again() -> None:
    short = Sandbox("--scoped-token-ttl", "2")
    try:
        backend = Backend(short.operator(), unique("provided"))
        user = ae.EndUserClient.with_token_provider(backend, short.config())
        user.token_info()
        time.sleep(2.1)
        user.token_info()
        assert backend.fetches == 2
    finally:
        short.stop()


def test_refused_token_is_renewed_and_the_call_sent_once_more(sandbox: Sandbox) -> None:
    backend = Backend(sandbox.operator(), unique("provided"), script=["not-a-scoped-token"])
    user = ae.EndUserClient.with_token_provider(backend, sandbox.config())
    user.source_templates().list()
    assert backend.fetches == 2


def test_threads_needing_a_token_at_once_make_one_fetch(sandbox: Sandbox) -> None:
    backend = Backend(sandbox.operator(), unique("provided"), delay=0.2)
    user = ae.EndUserClient.with_token_provider(backend, sandbox.config())
    barrier = threading.Barrier(6)
    errors: List[BaseException] = []

    def call() -> None:
        barrier.wait()
        try:
            user.source_templates().list()
        except BaseException as e:  # noqa: BLE001 - collected for the assertion below
            errors.append(e)

    threads = [threading.Thread(target=call) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert backend.fetches == 1


def test_provider_errors_are_typed_and_the_next_call_asks_again(sandbox: Sandbox) -> None:
    backend = Backend(
        sandbox.operator(),
        unique("provided"),
        script=[
            ae.AirbyteError.Transport(detail="backend unreachable"),
            RuntimeError("signed out"),
            "",
        ],
    )
    user = ae.EndUserClient.with_token_provider(backend, sandbox.config())
    with pytest.raises(ae.AirbyteError.Transport) as raised:
        user.token_info()
    assert raised.value.detail == "backend unreachable"
    with pytest.raises(ae.AirbyteError.TokenProvider) as other:
        user.token_info()
    assert "signed out" in other.value.detail
    with pytest.raises(ae.AirbyteError.TokenProvider) as empty:
        user.token_info()
    assert "empty token" in empty.value.detail
    user.token_info()
    assert backend.fetches == 4
