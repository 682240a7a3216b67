"""Token lifecycle: expiry, revocation and 401 replay (sandbox with --token-ttl 2)."""

import time

import pytest

import airbyte_embedded as ae
from conftest import Sandbox


@pytest.fixture(scope="module")
def short_ttl():
    s = Sandbox("--token-ttl", "2", "--scoped-token-ttl", "2")
    yield s
    s.stop()


def test_expired_operator_token_is_replaced(short_ttl):
    operator = short_ttl.operator()
    operator.tags().list()
    minted = short_ttl.stats()["token_requests"]
    time.sleep(2.5)
    operator.tags().list()
    assert short_ttl.stats()["token_requests"] == minted + 1


def test_revoked_token_is_refreshed_and_the_call_replayed_once(short_ttl):
    operator = short_ttl.operator()
    operator.tags().list()
    before = short_ttl.stats()["token_requests"]
    short_ttl.admin("POST", "revoke-operator-tokens")
    operator.tags().list()
    assert short_ttl.stats()["token_requests"] == before + 1


def test_a_second_401_is_final(short_ttl):
    operator = short_ttl.operator()
    operator.tags().list()
    short_ttl.fault({"kind": "expire_token"}, path_prefix="/integrations/templates/tags", count=2)
    with pytest.raises(ae.AirbyteError.Unauthorized):
        operator.tags().list()
    short_ttl.admin("DELETE", "faults")


def test_end_user_token_is_reminted(short_ttl):
    operator = short_ttl.operator()
    end_user = operator.end_user_client("refresh-me")
    first = end_user.workspace_id()
    end_user.source_templates().list()
    time.sleep(2.5)
    end_user.source_templates().list()
    assert end_user.token_info().workspace_id == first
