"""Panics become exceptions, the logger hook, threads, and the package's typing."""

import importlib.resources
import logging
import threading

import pytest

import airbyte_embedded as ae
from conftest import unique


def test_the_panic_hook_is_off_unless_armed(monkeypatch):
    monkeypatch.delenv("AIRBYTE_EMBEDDED_TEST_HOOKS", raising=False)
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        ae.test_only_panic("boom")
    assert e.value.argument == "AIRBYTE_EMBEDDED_TEST_HOOKS"


def test_a_panic_is_an_exception_not_a_crash(monkeypatch):
    monkeypatch.setenv("AIRBYTE_EMBEDDED_TEST_HOOKS", "1")
    with pytest.raises(ae.InternalError) as e:
        ae.test_only_panic("boom")
    assert "boom" in str(e.value)
    # The library is still usable afterwards.
    assert ae.secret_mask() == "**********"


def test_custom_logger_receives_sdk_records(operator):
    got = []

    class Collect(ae.Logger):
        def log(self, record):
            got.append(record)

    ae.set_logger(Collect(), ae.LogLevel.DEBUG)
    try:
        operator.tags().list()
    finally:
        ae.forward_to_logging()
    assert got, "no records forwarded"
    assert all(r.target.startswith("airbyte_embedded") for r in got)
    assert any("integrations/templates/tags" in r.message and r.level == ae.LogLevel.DEBUG for r in got)
    assert not any("secret" in r.message.lower() and "client_secret" in r.message for r in got)


def test_a_failing_logger_does_not_fail_the_call(operator):
    class Broken(ae.Logger):
        def log(self, record):
            raise RuntimeError("logger broke")

    ae.set_logger(Broken(), ae.LogLevel.TRACE)
    try:
        assert operator.tags().list() is not None
    finally:
        ae.forward_to_logging()


def test_records_reach_the_logging_module_by_default(sandbox, caplog):
    operator = sandbox.operator()
    with caplog.at_level(logging.DEBUG, logger="airbyte_embedded"):
        operator.workspaces().stats()
    names = {r.name for r in caplog.records}
    assert any(n.startswith("airbyte_embedded") for n in names), names
    assert any("workspaces/stats" in r.getMessage() for r in caplog.records)
    assert sandbox.client_secret not in caplog.text


def test_forwarding_follows_the_logging_levels(sandbox, monkeypatch):
    # Each record the library hands over is one call into Python: count them.
    levels = []
    monkeypatch.setattr(ae.LoggingForwarder, "log", lambda self, record: levels.append(record.level))
    sdk = logging.getLogger("airbyte_embedded")
    http = logging.getLogger("airbyte_embedded.http")
    before = sdk.level, http.level
    operator = sandbox.operator()
    try:
        sdk.setLevel(logging.WARNING)
        operator.workspaces().stats()
        assert levels == [], "records crossed that logging drops"

        http.setLevel(logging.DEBUG)  # a child asks for more: its records cross
        operator.workspaces().stats()
        assert ae.LogLevel.DEBUG in levels
        http.setLevel(logging.NOTSET)

        levels.clear()
        logging.disable(logging.CRITICAL)
        sdk.setLevel(logging.DEBUG)
        operator.workspaces().stats()
        assert ae.LogLevel.DEBUG not in levels, "logging.disable() is a level too"
        logging.disable(logging.NOTSET)
        operator.workspaces().stats()
        assert ae.LogLevel.DEBUG in levels

        # A logger of one's own stops the following: its level is what set_logger says.
        got = []

        class Collect(ae.Logger):
            def log(self, record):
                got.append(record.level)

        ae.set_logger(Collect(), ae.LogLevel.DEBUG)
        sdk.setLevel(logging.ERROR)
        operator.workspaces().stats()
        assert ae.LogLevel.DEBUG in got, "set_logger's level was overridden"
        # The generated module's own set_logger stops it too.
        ae.forward_to_logging()
        got.clear()
        ae._native.airbyte_embedded.set_logger(Collect(), ae.LogLevel.DEBUG)
        sdk.setLevel(logging.WARNING)
        operator.workspaces().stats()
        assert ae.LogLevel.DEBUG in got, "the generated set_logger's level was overridden"
    finally:
        logging.disable(logging.NOTSET)
        sdk.setLevel(before[0])
        http.setLevel(before[1])
        ae.forward_to_logging()


def test_dict_config_after_import_keeps_the_sdk_records(sandbox, monkeypatch):
    # `import airbyte_embedded` at the top, `dictConfig` in main(): the package must not have
    # made a logger of its own for dictConfig's disable_existing_loggers to disable.
    import logging.config
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import logging, logging.config, sys
        import airbyte_embedded as ae
        assert "airbyte_embedded" not in logging.Logger.manager.loggerDict, "a logger on import"
        records = []
        class Keep(logging.Handler):
            def emit(self, record):
                records.append(record)
        logging.config.dictConfig({"version": 1, "root": {"level": "DEBUG", "handlers": []}})
        logging.getLogger().addHandler(Keep())
        base_url, client_id, client_secret = sys.argv[1:4]
        op = ae.OperatorClient(client_id, client_secret, ae.ClientConfig(base_url=base_url))
        op.workspaces().stats()
        assert any(r.name.startswith("airbyte_embedded") and r.levelno == logging.DEBUG
                   and "workspaces/stats" in r.getMessage() for r in records), records
        print("ok")
    """)
    done = subprocess.run(
        [sys.executable, "-c", script, sandbox.base_url, sandbox.client_id, sandbox.client_secret],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_one_client_serves_many_threads(operator, sandbox):
    names = [unique("t") for _ in range(8)]
    for n in names:
        operator.tags().create(n)
    errors = []

    def work(name):
        try:
            assert name in [t.name for t in operator.tags().list()]
            operator.tags().delete(name)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_package_is_typed_and_documented():
    assert importlib.resources.files("airbyte_embedded").joinpath("py.typed").is_file()
    assert "scoped token" in ae.OperatorClient.mint_scoped_token.__doc__
    assert ae.AirbyteError.NotFound.__doc__
