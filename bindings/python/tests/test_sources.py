"""Sources and checks, end user and operator side, with client-side validation."""

import json
from datetime import timedelta

import pytest

import airbyte_embedded as ae
from conftest import POSTGRES_DEFINITION_ID, STRIPE_DEFINITION_ID, unique

FAST = ae.WaitOptions(
    timeout=timedelta(seconds=10), initial_interval=timedelta(milliseconds=50), max_interval=timedelta(milliseconds=200)
)


@pytest.fixture
def postgres(operator):
    template = operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=POSTGRES_DEFINITION_ID,
            partial_default_config={"port": 5432},
            name=unique("Postgres"),
        )
    )
    yield template
    operator.source_templates().delete(template.id)


def pg_config(**overrides):
    config = {"host": "db.acme.example", "database": "app", "username": "airbyte", "password": "hunter2-secret"}
    config.update(overrides)
    return config


def test_end_user_source_lifecycle_and_checks(operator, postgres):
    end_user = operator.end_user_client(unique("acme"))
    workspace_id = end_user.workspace_id()
    source = end_user.sources().create(
        ae.SourceCreate(workspace_id=workspace_id, source_template_id=postgres.id, source_config=pg_config(), name="Prod")
    )
    stored = source.source_config
    assert stored["password"] == ae.secret_mask() and stored["port"] == 5432
    assert source.source_template.id == postgres.id
    assert end_user.sources().get(source.id).name == "Prod"
    assert [s.id for s in end_user.sources().list(workspace_id)] == [source.id]
    assert end_user.sources().list(workspace_id)[0].summarized_source_template.id == postgres.id

    job = end_user.sources().check(source.id)
    status = end_user.sources().wait_for_check(job.id, FAST)
    assert status.status == ae.CheckState.SUCCEEDED()

    renamed = end_user.sources().update(source.id, ae.SourceUpdate(name="Replica"))
    assert renamed.name == "Replica"
    bad = end_user.sources().check(source.id, ae.SourceUpdate(source_config=pg_config(password="wrong-password")))
    failed = end_user.sources().wait_for_check(bad.id, FAST)
    assert failed.status == ae.CheckState.FAILED()
    assert failed.failure_reason.failure_type == "config_error" and failed.error_message

    first = end_user.sources().check_status(job.id)
    assert first.status == ae.CheckState.SUCCEEDED()
    assert end_user.sources().delete(source.id).id == source.id
    with pytest.raises(ae.AirbyteError.NotFound):
        end_user.sources().get(source.id)


def test_check_config_before_creating(operator, postgres):
    end_user = operator.end_user_client(unique("acme"))
    job = end_user.sources().check_config(
        ae.SourceCreate(
            workspace_id=end_user.workspace_id(),
            source_template_id=postgres.id,
            source_config=pg_config(host="db.example.invalid"),
        )
    )
    status = end_user.sources().wait_for_check(job.id, FAST)
    assert status.status == ae.CheckState.FAILED()
    with pytest.raises(ae.AirbyteError.Timeout):
        end_user.sources().wait_for_check(
            end_user.sources().check_config(
                ae.SourceCreate(workspace_id=end_user.workspace_id(), source_template_id=postgres.id, source_config=pg_config())
            ).id,
            ae.WaitOptions(
                timeout=timedelta(milliseconds=1),
                initial_interval=timedelta(milliseconds=1),
                max_interval=timedelta(milliseconds=1),
            ),
        )


def test_operator_sources(operator, postgres):
    end_user = operator.end_user_client(unique("acme"))
    workspace_id = end_user.workspace_id()
    source = operator.sources().create(
        ae.SourceCreate(workspace_id=workspace_id, source_template_id=postgres.id, source_config=pg_config())
    )
    assert [s.id for s in operator.sources().list(workspace_id)] == [source.id]
    assert [s.id for s in end_user.sources().list(workspace_id)] == [source.id]
    assert operator.sources().get(source.id).id == source.id
    renamed = operator.sources().update(source.id, ae.SourceUpdate(name="By the operator"))
    assert renamed.name == "By the operator"
    job = operator.sources().check(source.id)
    assert operator.sources().wait_for_check(job.id, FAST).status.is_succeeded()
    other = operator.end_user_client(unique("other"))
    with pytest.raises(ae.AirbyteError.Forbidden) as e:
        other.sources().list(workspace_id)
    assert e.value.status == 403
    operator.sources().delete(source.id)


def test_validation_errors_carry_paths_and_nothing_is_sent(operator, postgres, sandbox):
    end_user = operator.end_user_client(unique("acme"))
    workspace_id = end_user.workspace_id()
    before = len(sandbox.requests())
    with pytest.raises(ae.AirbyteError.InvalidConfig) as e:
        end_user.sources().create(
            ae.SourceCreate(
                workspace_id=workspace_id,
                source_template_id=postgres.id,
                source_config={"host": "db", "port": "5432", "password": ae.secret_mask()},
            )
        )
    problems = {(p.path, p.keyword) for p in e.value.errors}
    assert ("/database", "required") in problems
    assert ("/username", "required") in problems
    assert ("/port", "type") in problems
    assert ("/password", "airbyte_secret") in problems
    assert "invalid source config" not in e.value.detail or e.value.detail
    assert all(p.message for p in e.value.errors)
    sent = [r for r in sandbox.requests()[before:] if r["method"] == "POST" and r["path"].endswith("/embedded/sources")]
    assert sent == []

    coerced = end_user.sources().create(
        ae.SourceCreate(workspace_id=workspace_id, source_template_id=postgres.id, source_config=pg_config(port="6543")),
        ae.WriteOptions(validation=ae.ValidationOptions(coerce_scalars=True)),
    )
    assert coerced.source_config["port"] == 6543


def test_unvalidated_writes_reach_the_service(operator, postgres):
    end_user = operator.end_user_client(unique("acme"))
    with pytest.raises(ae.AirbyteError.Validation) as e:
        end_user.sources().create(
            ae.SourceCreate(
                workspace_id=end_user.workspace_id(),
                source_template_id=postgres.id,
                source_config={"host": "db"},
            ),
            ae.WriteOptions(validate=False),
        )
    assert e.value.status in (400, 422)


def test_configs_go_out_byte_for_byte(operator, sandbox):
    template = operator.source_templates().create(
        ae.SourceTemplateCreate(actor_definition_id=STRIPE_DEFINITION_ID, name=unique("Stripe"))
    )
    end_user = operator.end_user_client(unique("acme"))
    config = '{"account_id": "acct_1", "client_secret": "sk_test", "start_date": "2024-01-01T00:00:00Z", "lookback_window_days": 7}'
    end_user.sources().create(
        ae.SourceCreate(workspace_id=end_user.workspace_id(), source_template_id=template.id, source_config=config)
    )
    sent = [r for r in sandbox.requests() if r["method"] == "POST" and r["path"].endswith("/embedded/sources")]
    body = json.loads(sent[-1]["body"])
    assert list(body["source_config"]) == ["account_id", "client_secret", "start_date", "lookback_window_days"]
    assert '"start_date":"2024-01-01T00:00:00Z"' in sent[-1]["body"].replace(" ", "")


def test_json_arguments_must_be_objects(operator, postgres, sandbox):
    end_user = operator.end_user_client(unique("acme"))
    sent_before = len(sandbox.requests())
    for bad, detail in [("[]", "must be a JSON object, got an array"), ("{not json", "is not valid JSON text: ")]:
        record = ae.SourceCreate(workspace_id="w", source_template_id=postgres.id, source_config=bad)
        for options in [None, ae.WriteOptions(validate=False)]:
            with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
                end_user.sources().create(record, options)
            assert e.value.argument == "source_config"
            assert e.value.detail.startswith(detail), e.value.detail
        with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
            end_user.sources().update("s", ae.SourceUpdate(source_config=bad), ae.WriteOptions(validate=False))
        assert e.value.argument == "source_config"
        assert e.value.detail.startswith(detail), e.value.detail
    writes = [r for r in sandbox.requests()[sent_before:] if r["method"] in ("POST", "PATCH", "PUT")]
    assert not [r for r in writes if "/sources" in r["path"]], writes
    # Empty text is the empty object: validated against the template's spec, it lacks the
    # required fields.
    with pytest.raises(ae.AirbyteError.InvalidConfig) as e:
        end_user.sources().create(ae.SourceCreate(workspace_id="w", source_template_id=postgres.id, source_config=""))
    assert ("/host", "required") in {(p.path, p.keyword) for p in e.value.errors}
