"""The whole Airbyte Embedded story in Python, step by step (the Rust quickstart's story).

The operator signs in, looks up source and destination connectors, creates a connection
template and tags, creates a source template and clones one of Airbyte's global ones, mints a
widget token and a scoped token for the workspace `acme-corp`; the end user lists templates and
creates a source; the operator lists the destinations the service made for it; the end user
checks, updates and lists sources; the operator walks the workspace pages, reads stats and
deactivates the workspace, then removes what the run created.

With AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET set it runs against the real service (or
AIRBYTE_API_URL); otherwise it starts the local sandbox binary
(target/debug/airbyte-embedded-sandbox, or AIRBYTE_SANDBOX_BIN).

Run: python examples/python/quickstart.py   (with the airbyte-embedded wheel installed)
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import time

import airbyte_embedded as ae

ROOT = pathlib.Path(__file__).resolve().parents[2]


def step(title: str) -> None:
    print(f"\n== {title}")


def connect():
    """The operator client, and the sandbox process it talks to (None for the real service)."""
    if os.environ.get("AIRBYTE_CLIENT_ID") and os.environ.get("AIRBYTE_CLIENT_SECRET"):
        operator = ae.OperatorClient.from_env()
        print(f"Using {operator.base_url()} (credentials from the environment)")
        return operator, None
    binary = os.environ.get("AIRBYTE_SANDBOX_BIN", str(ROOT / "target" / "debug" / "airbyte-embedded-sandbox"))
    sandbox = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
    lines = [sandbox.stdout.readline().strip() for _ in range(3)]
    base_url = lines[0].split()[-1]
    client_id = lines[1].split(": ", 1)[1]
    client_secret = lines[2].split(": ", 1)[1]
    print(f"Using the local sandbox at {base_url}")
    return ae.OperatorClient(client_id, client_secret, ae.ClientConfig(base_url=base_url)), sandbox


def run(operator: ae.OperatorClient) -> None:
    suffix = int(time.time()) % 100_000

    step("1. The operator signs in and looks up connectors")
    postgres = operator.definitions().list_sources("postgres")[0]
    stripe = operator.definitions().list_sources("stripe")[0]
    for d in (postgres, stripe):
        print(f"connector {d.name:<10} {d.source_definition_id}")
    s3 = next(d for d in operator.definitions().list_destinations() if d.name == "S3")
    s3_spec = json.loads(operator.definitions().get_destination(s3.id).definition.spec)
    print(f"destination S3 {s3.id}: a connection template needs {s3_spec['connectionSpecification'].get('required')}")

    step("2. A connection template (S3) and two tags")
    crm = operator.tags().create(f"crm-{suffix}")
    databases = operator.tags().create(f"databases-{suffix}")
    print(f"tags: {crm.name}, {databases.name}")
    s3_config = {
        "s3_bucket_name": "acme-exports",
        "s3_bucket_path": "airbyte",
        "s3_bucket_region": "us-east-1",
        "access_key_id": "AKIAEXAMPLE",
        "secret_access_key": "example-secret-access-key",
        "format": {"format_type": "JSONL"},
    }
    connection = operator.connection_templates().create(
        ae.ConnectionTemplateCreate(
            destination_name="Acme S3",
            destination_definition_id=s3.id,
            destination_config=json.dumps(s3_config),
            cron_expression="0 0 12 * * ?",
        )
    )
    connection = operator.connection_templates().add_tag(connection.id, crm.name)
    cron = operator.connection_templates().describe_cron("0 0 12 * * ?")
    print(
        f"connection template {connection.id} → {connection.destination_name!r}, "
        f"schedule {connection.cron_expression!r} ({cron.description}), tags {connection.tags}"
    )
    print(f"destination config as stored: {connection.destination_config}")

    step("3. A source template, and a clone of Airbyte's global Stripe template")
    pg_template = operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=postgres.source_definition_id,
            partial_default_config=json.dumps({"port": 5432}),
            name=f"Postgres ({suffix})",
        )
    )
    pg_template = operator.source_templates().add_tag(pg_template.id, databases.name)
    # Airbyte maintains global templates; cloning one offers a connector with its defaults.
    global_templates = operator.source_templates().list_global()
    print(f"{len(global_templates)} global source template(s)")
    stripe_global = next((t for t in global_templates if "Stripe" in (t.name or "")), None)
    if stripe_global is not None:
        stripe_template = operator.source_templates().clone_template(stripe_global.id, f"Stripe ({suffix})")
    else:
        stripe_template = operator.source_templates().create(
            ae.SourceTemplateCreate(
                actor_definition_id=stripe.source_definition_id,
                partial_default_config=json.dumps({"lookback_window_days": 7}),
                name=f"Stripe ({suffix})",
            )
        )
    stripe_template = operator.source_templates().add_tag(stripe_template.id, crm.name)
    for t in (pg_template, stripe_template):
        print(f"source template {t.id} {t.name!r} tags {t.tags}")

    step("4. Tokens for the end user `acme-corp`")
    widget = operator.mint_widget_token(
        ae.WidgetTokenRequest(
            workspace_name="acme-corp",
            allowed_origin="https://app.acme.example",
            selected_source_template_tags=[databases.name, crm.name],
            selected_source_template_tags_mode=ae.TagsMode.ANY(),
        )
    )
    inner = widget.scoped_token()
    print(f"widget token decoded: widget URL {widget.widget_url()}")
    print(
        f"  carries a scoped token for workspace {inner.workspace_id()}, "
        f"expiring at {inner.expires_at_unix()} (Unix seconds)"
    )
    scoped = operator.scoped_token("acme-corp")
    print(f"scoped token for workspace {scoped.workspace_id()} (text not shown)")

    step("5. The end user lists templates and creates a source")
    end_user = operator.end_user_client("acme-corp")
    workspace_id = end_user.workspace_id()
    print(f"end user's workspace: {workspace_id}")
    for t in end_user.source_templates().list():
        print(f"offered: {t.id} {t.name!r} tags {t.tags}")
    spec = json.loads(end_user.source_templates().get(pg_template.id).user_config_spec)
    print(f"the end user must fill: {spec['connectionSpecification'].get('required')}")
    source = end_user.sources().create(
        ae.SourceCreate(
            workspace_id=workspace_id,
            source_template_id=pg_template.id,
            source_config=json.dumps(
                {
                    "host": "db.acme.example",
                    "database": "app",
                    "username": "airbyte",
                    "password": "correct-horse-battery-staple",
                }
            ),
            name="Acme production DB",
        )
    )
    print(f"source {source.id} created; config as stored: {source.source_config}")

    step("6. The operator lists the destinations the service made for the new source")
    for summary in operator.destinations().pages(ae.DestinationFilter(workspace_id=workspace_id)):
        d = operator.destinations().get(summary.id)
        print(f"destination {d.id} {d.name!r} ({d.destination_type}); config as stored: {d.destination_config}")

    step("7. The end user checks the source")
    job = end_user.sources().check(source.id)
    status = end_user.sources().wait_for_check(job.id)
    print(f"check {job.id}: {status.status.wire_value()}")
    if status.status != ae.CheckState.SUCCEEDED():
        raise RuntimeError(f"check ended {status.status.wire_value()}: {status.error_message}")

    step("8. The end user updates and lists sources")
    renamed = end_user.sources().update(source.id, ae.SourceUpdate(name="Acme production DB (replica)"))
    print(f"renamed to {renamed.name!r}")
    for s in end_user.sources().list(workspace_id):
        print(f"source {s.id} {s.name!r}")

    step("9. The operator reviews workspaces and deactivates acme-corp")
    acme = None
    count = 0
    for workspace in operator.workspaces().pages(ae.WorkspaceFilter(limit=50)):
        count += 1
        if workspace.name == "acme-corp":
            acme = workspace
    print(f"{count} workspace(s) in the organisation")
    stats = operator.workspaces().stats()
    print(f"stats: {stats.active_count} active, {stats.inactive_count} inactive, {stats.total_count} in all")
    if acme is None:
        raise RuntimeError("workspace acme-corp not listed")
    deactivated = operator.workspaces().deactivate(acme.id)
    print(f"workspace {deactivated.id} is now {deactivated.status.wire_value()}")

    step("10. Clean up what this run created")
    end_user.sources().delete(source.id)
    operator.source_templates().delete(pg_template.id)
    operator.source_templates().delete(stripe_template.id)
    operator.connection_templates().delete(connection.id)
    operator.tags().delete(crm.name)
    operator.tags().delete(databases.name)
    rl = operator.last_rate_limit()
    if rl is not None:
        print(f"rate limit: {rl.remaining} of {rl.limit} requests left this window")
    print("\nDone.")


def main() -> int:
    operator, sandbox = connect()
    try:
        run(operator)
        return 0
    except ae.AirbyteError as e:
        print(f"\nquickstart failed: {e!r}", file=sys.stderr)
        return 1
    finally:
        if sandbox is not None:
            sandbox.terminate()
            sandbox.wait()


if __name__ == "__main__":
    sys.exit(main())
