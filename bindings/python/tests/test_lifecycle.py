"""Client lifetime: `close()`, `with` blocks, and a manual `__del__()` that must not corrupt
memory."""

import subprocess
import sys
import textwrap

import pytest

import airbyte_embedded as ae
from conftest import unique


def assert_closed(call, name="OperatorClient"):
    with pytest.raises(ae.AirbyteError.ClientClosed) as e:
        call()
    assert name in e.value.detail, e.value.detail
    assert "closed" in str(e.value), str(e.value)
    return e.value


def test_with_block_closes_the_client_and_every_handle_made_from_it(sandbox):
    with sandbox.operator() as op:
        assert isinstance(op, ae.OperatorClient)
        sources = op.sources()
        templates = op.source_templates()
        tags = op.tags()
        pages = op.workspaces().pages()
        user = op.end_user_client(unique("closed"))
        user_sources = user.sources()
        assert isinstance(tags.list(), list)
        workspace_id = user.workspace_id()
    # The client itself: every call, the accessors and the local getters included.
    assert_closed(lambda: op.tags())
    assert_closed(lambda: op.base_url())
    assert_closed(lambda: op.last_rate_limit())
    assert_closed(lambda: op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=unique("closed"))))
    assert_closed(lambda: op.end_user_client(unique("closed")))
    # Handles made before the close share it.
    assert_closed(lambda: sources.list(workspace_id))
    assert_closed(lambda: templates.list())
    assert_closed(lambda: tags.list())
    assert_closed(lambda: next(iter(pages)))
    # An end-user client the operator made mints through it: closed with it.
    assert_closed(lambda: user.workspace_id(), "OperatorClient")
    assert_closed(lambda: user_sources.list(workspace_id), "OperatorClient")
    # Closing again is harmless.
    op.close()
    op.close()


def test_with_block_closes_on_an_exception_too(sandbox):
    with pytest.raises(RuntimeError):
        with sandbox.operator() as op:
            raise RuntimeError("boom")
    assert_closed(lambda: op.tags().list())


def test_end_user_client_closes_on_its_own(sandbox):
    op = sandbox.operator()
    with op.end_user_client(unique("own")) as user:
        workspace_id = user.workspace_id()
        sources = user.sources()
    assert_closed(lambda: sources.list(workspace_id), "EndUserClient")
    assert_closed(lambda: user.token_info(), "EndUserClient")
    # The operator is still open.
    assert isinstance(op.tags().list(), list)
    op.close()


def test_scoped_token_end_user_client_closes(sandbox):
    op = sandbox.operator()
    token = op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=unique("scoped")))
    user = ae.EndUserClient(token.expose(), sandbox.config())
    assert user.token_info().workspace_id
    user.close()
    assert_closed(lambda: user.token_info(), "EndUserClient")
    # The token object does not belong to the client: still readable.
    assert token.workspace_id()


# A manual `__del__()` used to free the Rust object while the Python object kept its handle: the
# next call used freed memory and the garbage collector freed it a second time (the process
# aborted). Run in a child process, so that a regression fails this test instead of killing
# pytest.
MANUAL_DEL = textwrap.dedent(
    """
    import gc
    import airbyte_embedded as ae

    def closed(call):
        try:
            call()
        except ae.AirbyteError.ClientClosed as e:
            return e.detail
        raise AssertionError("no ClientClosed")

    for round in range(50):
        op = ae.OperatorClient("id", "secret")
        sources = op.sources()
        op.__del__()
        print(closed(lambda: op.base_url()))
        print(closed(lambda: op.sources()))
        op.__del__()          # a second manual call: nothing to free
        op.close()            # closing a freed client: nothing to do
        with op:              # nor on leaving a block
            pass
        # A handle made before the free keeps its own reference: still usable, then freed too.
        assert sources is not None
        sources.__del__()
        print(closed(lambda: sources.list("ws")))
        del op, sources
        gc.collect()

        user = ae.EndUserClient("not-a-jwt")
        user.__del__()
        print(closed(lambda: user.base_url()))
        token = ae.ScopedToken("not-a-jwt")
        token.__del__()
        print(closed(lambda: token.expose()))
        del user, token
        gc.collect()
    print("survived")
    """
)


def test_manual_del_then_call_raises_client_closed_and_gc_survives():
    run = subprocess.run(
        [sys.executable, "-c", MANUAL_DEL], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, f"exit {run.returncode}\nstdout: {run.stdout[-2000:]}\nstderr: {run.stderr[-2000:]}"
    lines = run.stdout.splitlines()
    assert lines[-1] == "survived"
    assert "OperatorClient" in lines[0] and "freed" in lines[0], lines[0]
    assert "Sources" in lines[2], lines[2]
    assert "ScopedToken" in lines[4], lines[4]
