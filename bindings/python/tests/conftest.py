"""Fixtures: the sandbox binary started on a free loopback port, and clients pointed at it.

The binary is `target/debug/airbyte-embedded-sandbox` (override with AIRBYTE_SANDBOX_BIN);
`scripts/test-python` builds it first.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import urllib.request
import uuid
from typing import Any, Iterator, Optional

import pytest

import airbyte_embedded as ae

ROOT = pathlib.Path(__file__).resolve().parents[3]
SANDBOX_BIN = os.environ.get(
    "AIRBYTE_SANDBOX_BIN", str(ROOT / "target" / "debug" / "airbyte-embedded-sandbox")
)
SPECS = ROOT / "tests" / "fixtures" / "specs"
POSTGRES_DEFINITION_ID = "decd338e-5647-4c0b-adf4-da0e75f5a750"
STRIPE_DEFINITION_ID = "e094cb9a-26de-4645-8761-65c0c425d1de"
S3_DEFINITION_ID = "4816b78f-1489-44c1-9060-4b19d5fa9362"


class Sandbox:
    """One `airbyte-embedded-sandbox --port 0` process and its admin routes."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [SANDBOX_BIN, "--port", "0", *args],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        first = self.proc.stdout.readline().strip()
        assert first.startswith("listening on "), f"sandbox said {first!r}"
        self.base_url = first.split()[-1]
        self.root = self.base_url.rsplit("/api/v1", 1)[0]
        self.credentials = {}
        for _ in range(8):
            key, _, value = self.proc.stdout.readline().strip().partition(": ")
            self.credentials[key] = value
        self.client_id = self.credentials["client_id"]
        self.client_secret = self.credentials["client_secret"]
        self.organization_id = self.credentials["organization_id"]

    def admin(self, method: str, path: str, body: Optional[Any] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.root}/_sandbox/{path}",
            data=data,
            method=method,
            headers={"content-type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def fault(self, action: dict, path_prefix: Optional[str] = None, method: Optional[str] = None, count: int = 1) -> None:
        self.admin(
            "POST",
            "faults",
            {"method": method, "path_prefix": path_prefix, "count": count, "action": action},
        )

    def respond(self, status: int, body: str, path_prefix: Optional[str] = None, content_type: str = "application/json", headers: Optional[list] = None) -> None:
        self.fault(
            {
                "kind": "respond",
                "status": status,
                "body": body,
                "content_type": content_type,
                "headers": headers or [],
            },
            path_prefix=path_prefix,
        )

    def requests(self) -> list:
        return self.admin("GET", "requests")

    def stats(self) -> dict:
        return self.admin("GET", "stats")

    def config(self, **settings: Any) -> ae.ClientConfig:
        return ae.ClientConfig(base_url=self.base_url, **settings)

    def operator(self, **settings: Any) -> ae.OperatorClient:
        return ae.OperatorClient(self.client_id, self.client_secret, self.config(**settings))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """One sandbox shared by the session: tests use unique names."""
    s = Sandbox("--check-duration-ms", "200")
    yield s
    s.stop()


@pytest.fixture
def fresh_sandbox() -> Iterator[Sandbox]:
    """A sandbox of this test's own (counts start at zero)."""
    s = Sandbox("--check-duration-ms", "200")
    yield s
    s.stop()


@pytest.fixture(autouse=True)
def _clear_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "sandbox" in request.fixturenames:
        request.getfixturevalue("sandbox").admin("DELETE", "faults")


@pytest.fixture
def operator(sandbox: Sandbox) -> ae.OperatorClient:
    return sandbox.operator()


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def spec_text(name: str) -> str:
    return (SPECS / f"{name}.json").read_text()


def spec_value(name: str) -> Any:
    """A fixture spec as a Python value (what the SDK's spec arguments take)."""
    return json.loads(spec_text(name))


def replaced(record: Any, **changes: Any) -> Any:
    """A copy of `record` with `changes`: `replaced(ae.defaults().retry_policy, max_retries=0)`.

    The generated records set their fields in `__init__` (no class-level annotations), so
    `dataclasses.replace` sees no fields; their instance dictionary holds them all.
    """
    return type(record)(**{**vars(record), **changes})
