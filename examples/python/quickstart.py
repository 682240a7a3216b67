"""The whole Airbyte Embedded story in Python, step by step (the Rust quickstart's story).

The operator signs in, looks up source and destination connectors, creates a connection
template and tags, creates a source template and clones one of Airbyte's global ones, mints a
widget token and a scoped token for the workspace `acme-corp`; the end user lists templates and
creates a source; the operator lists the destinations the service made for it; the end user
checks, updates and lists sources; the operator walks the workspace pages, reads stats and
deactivates the workspace, then removes what the run created.

Written with the async client (`AsyncOperatorClient`): every network call is awaited and never
blocks the event loop, independent lookups run together with `asyncio.gather`, and the
workspace walk is an `async for`. The blocking `OperatorClient` has the same methods, called
without `await`.

With AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET set it runs against the real service (or
AIRBYTE_API_URL); otherwise it starts the local sandbox binary
(target/debug/airbyte-embedded-sandbox, or AIRBYTE_SANDBOX_BIN).

Run: python examples/python/quickstart.py   (with the airbyte-embedded wheel installed)
"""

from __future__ import annotations

import asyncio
import os
import pathlib
import subprocess
import sys
import time
from typing import Any, Optional, Tuple

import airbyte_embedded as ae

ROOT = pathlib.Path(__file__).resolve().parents[2]


def step(title: str) -> None:
    print(f"\n== {title}")


def required(spec: Any) -> Any:
    """The `required` list of a connector spec (a dict), None if it has none."""
    return (spec or {}).get("connectionSpecification", {}).get("required")


def connect() -> Tuple[ae.AsyncOperatorClient, Optional["subprocess.Popen[str]"]]:
    """The operator client, and the sandbox process it talks to (None for the real service)."""
    if os.environ.get("AIRBYTE_CLIENT_ID") and os.environ.get("AIRBYTE_CLIENT_SECRET"):
        operator = ae.AsyncOperatorClient.from_env()
        print(f"Using {operator.base_url()} (credentials from the environment)")
        return operator, None
    binary = os.environ.get("AIRBYTE_SANDBOX_BIN", str(ROOT / "target" / "debug" / "airbyte-embedded-sandbox"))
    sandbox = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
    assert sandbox.stdout is not None
    lines = [sandbox.stdout.readline().strip() for _ in range(3)]
    base_url = lines[0].split()[-1]
    client_id = lines[1].split(": ", 1)[1]
    client_secret = lines[2].split(": ", 1)[1]
    print(f"Using the local sandbox at {base_url}")
    return ae.AsyncOperatorClient(client_id, client_secret, ae.ClientConfig(base_url=base_url)), sandbox


async def run(operator: ae.AsyncOperatorClient) -> None:
    suffix = int(time.time()) % 100_000

    step("1. The operator signs in and looks up connectors")
    # Independent lookups, awaited together.
    postgres_found, stripe_found, destinations = await asyncio.gather(
        operator.definitions().list_sources("postgres"),
        operator.definitions().list_sources("stripe"),
        operator.definitions().list_destinations(),
    )
    postgres, stripe = postgres_found[0], stripe_found[0]
    for d in (postgres, stripe):
        print(f"connector {d.name:<10} {d.source_definition_id}")
    s3 = next(d for d in destinations if d.name == "S3")
    s3_spec = (await operator.definitions().get_destination(s3.id)).definition.spec
    print(f"destination S3 {s3.id}: a connection template needs {required(s3_spec)}")

    step("2. A connection template (S3) and two tags")
    crm, databases = await asyncio.gather(
        operator.tags().create(f"crm-{suffix}"), operator.tags().create(f"databases-{suffix}")
    )
    print(f"tags: {crm.name}, {databases.name}")
    s3_config = {
        "s3_bucket_name": "acme-exports",
        "s3_bucket_path": "airbyte",
        "s3_bucket_region": "us-east-1",
        "access_key_id": "AKIAEXAMPLE",
        "secret_access_key": "example-secret-access-key",
        "format": {"format_type": "JSONL"},
    }
    connection = await operator.connection_templates().create(
        ae.ConnectionTemplateCreate(
            destination_name="Acme S3",
            destination_definition_id=s3.id,
            destination_config=s3_config,
            cron_expression="0 0 12 * * ?",
        )
    )
    connection = await operator.connection_templates().add_tag(connection.id, crm.name)
    cron = await operator.connection_templates().describe_cron("0 0 12 * * ?")
    print(
        f"connection template {connection.id} → {connection.destination_name!r}, "
        f"schedule {connection.cron_expression!r} ({cron.description}), tags {connection.tags}"
    )
    print(f"destination config as stored: {connection.destination_config}")

    step("3. A source template, and a clone of Airbyte's global Stripe template")
    pg_template = await operator.source_templates().create(
        ae.SourceTemplateCreate(
            actor_definition_id=postgres.source_definition_id,
            partial_default_config={"port": 5432},
            name=f"Postgres ({suffix})",
        )
    )
    pg_template = await operator.source_templates().add_tag(pg_template.id, databases.name)
    # Airbyte maintains global templates; cloning one offers a connector with its defaults.
    global_templates = await operator.source_templates().list_global()
    print(f"{len(global_templates)} global source template(s)")
    stripe_global = next((t for t in global_templates if "Stripe" in (t.name or "")), None)
    if stripe_global is not None:
        stripe_template = await operator.source_templates().clone_template(stripe_global.id, f"Stripe ({suffix})")
    else:
        stripe_template = await operator.source_templates().create(
            ae.SourceTemplateCreate(
                actor_definition_id=stripe.source_definition_id,
                partial_default_config={"lookback_window_days": 7},
                name=f"Stripe ({suffix})",
            )
        )
    stripe_template = await operator.source_templates().add_tag(stripe_template.id, crm.name)
    for t in (pg_template, stripe_template):
        print(f"source template {t.id} {t.name!r} tags {t.tags}")

    step("4. Tokens for the end user `acme-corp`")
    widget = await operator.mint_widget_token(
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
    scoped = await operator.scoped_token("acme-corp")
    print(f"scoped token for workspace {scoped.workspace_id()} (text not shown)")

    step("5. The end user lists templates and creates a source")
    end_user = operator.end_user_client("acme-corp")
    workspace_id = await end_user.workspace_id()
    print(f"end user's workspace: {workspace_id}")
    for offered in await end_user.source_templates().list():
        print(f"offered: {offered.id} {offered.name!r} tags {offered.tags}")
    spec = (await end_user.source_templates().get(pg_template.id)).user_config_spec
    print(f"the end user must fill: {required(spec)}")
    source = await end_user.sources().create(
        ae.SourceCreate(
            workspace_id=workspace_id,
            source_template_id=pg_template.id,
            source_config={
                "host": "db.acme.example",
                "database": "app",
                "username": "airbyte",
                "password": "correct-horse-battery-staple",
            },
            name="Acme production DB",
        )
    )
    # Configs are dicts both ways: the stored config comes back with its secrets masked.
    print(f"source {source.id} created; config as stored: {source.source_config}")

    step("6. The operator lists the destinations the service made for the new source")
    async for summary in operator.destinations().pages(ae.DestinationFilter(workspace_id=workspace_id)):
        dest = await operator.destinations().get(summary.id)
        print(
            f"destination {dest.id} {dest.name!r} ({dest.destination_type}); "
            f"config as stored: {dest.destination_config}"
        )

    step("7. The end user checks the source")
    job = await end_user.sources().check(source.id)
    status = await end_user.sources().wait_for_check(job.id)
    print(f"check {job.id}: {status.status.wire_value()}")
    if status.status != ae.CheckState.SUCCEEDED():
        raise RuntimeError(f"check ended {status.status.wire_value()}: {status.error_message}")

    step("8. The end user updates and lists sources")
    renamed = await end_user.sources().update(source.id, ae.SourceUpdate(name="Acme production DB (replica)"))
    print(f"renamed to {renamed.name!r}")
    for s in await end_user.sources().list(workspace_id):
        print(f"source {s.id} {s.name!r}")

    step("9. The operator reviews workspaces and deactivates acme-corp")
    acme = None
    count = 0
    async for workspace in operator.workspaces().pages(ae.WorkspaceFilter(limit=50)):
        count += 1
        if workspace.name == "acme-corp":
            acme = workspace
    print(f"{count} workspace(s) in the organisation")
    stats = await operator.workspaces().stats()
    print(f"stats: {stats.active_count} active, {stats.inactive_count} inactive, {stats.total_count} in all")
    if acme is None:
        raise RuntimeError("workspace acme-corp not listed")
    deactivated = await operator.workspaces().deactivate(acme.id)
    state = deactivated.status.wire_value() if deactivated.status is not None else "unknown"
    print(f"workspace {deactivated.id} is now {state}")

    step("10. Clean up what this run created")
    await end_user.sources().delete(source.id)
    await asyncio.gather(
        operator.source_templates().delete(pg_template.id),
        operator.source_templates().delete(stripe_template.id),
        operator.connection_templates().delete(connection.id),
    )
    await asyncio.gather(operator.tags().delete(crm.name), operator.tags().delete(databases.name))
    rl = operator.last_rate_limit()
    if rl is not None:
        print(f"rate limit: {rl.remaining} of {rl.limit} requests left this window")
    print("\nDone.")


async def main() -> int:
    operator, sandbox = connect()
    try:
        async with operator:
            await run(operator)
        return 0
    except ae.AirbyteError as e:
        print(f"\nquickstart failed: {e!r}", file=sys.stderr)
        return 1
    finally:
        if sandbox is not None:
            sandbox.terminate()
            sandbox.wait()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
