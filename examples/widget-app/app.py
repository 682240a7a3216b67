"""An operator's web app that embeds Airbyte's widget: the pattern the service's docs suggest first.

The customer signs in (a stub: any name), the app's backend mints a widget token for the
customer's workspace with the SDK (the operator's credentials never leave the server), the
page hands the token to the widget in an iframe, and the customer picks a connector and enters
its credentials there. Afterwards the app lists the customer's sources through the SDK, secrets
masked as the service returns them.

Routes:
  GET  /login, POST /login   the sign-in stub (the customer's name becomes the workspace name)
  POST /logout
  GET  /connect              the page that embeds the widget
  POST /api/widget-token     {"token": <widget token>} for the signed-in customer
  GET  /sources              the customer's sources, read with the operator's credentials

Configuration: AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (and AIRBYTE_API_URL for the
sandbox), as every SDK language reads them. Run it with ./run beside this file, which starts
the sandbox too; or by hand:

  python app.py --port 5055 [--setup]

`--setup` makes what the widget offers, once: a `widget-app` tag, and Postgres and Stripe
source templates carrying it (a third template without the tag shows that the token's tags
choose what the widget lists). Prints `listening on http://127.0.0.1:PORT` when it serves.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
from functools import wraps

from flask import Flask, abort, jsonify, redirect, render_template, request, session, url_for
from werkzeug.serving import make_server

import airbyte_embedded as ae

#: The tag whose templates the widget offers.
TAG = "widget-app"


def create_app(operator: ae.OperatorClient, origin: str) -> Flask:
    """The Flask app, serving on `origin` (the exact origin the browser sees, such as
    `http://127.0.0.1:5055`), which every widget token it mints allows."""
    app = Flask(__name__)
    app.secret_key = secrets.token_hex(32)
    # The session cookie is the sign-in; Lax keeps other sites' forms from sending it.
    app.config.update(SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_HTTPONLY=True)

    def signed_in(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if "customer" not in session:
                if request.path.startswith("/api/"):
                    abort(401)
                return redirect(url_for("login"))
            return view(*args, **kwargs)

        return wrapper

    @app.get("/")
    def index():
        return redirect(url_for("connect" if "customer" in session else "login"))

    @app.route("/login", methods=["GET", "POST"])
    def login():
        if request.method == "POST":
            # A stub: a real app checks a password or its single sign-on here. The name is the
            # customer's workspace name at Airbyte.
            customer = request.form.get("customer", "").strip()
            if not customer:
                return render_template("login.html", error="Enter your company's name."), 400
            session["customer"] = customer
            return redirect(url_for("connect"))
        return render_template("login.html", error=None)

    @app.post("/logout")
    def logout():
        session.clear()
        return redirect(url_for("login"))

    @app.get("/connect")
    @signed_in
    def connect():
        return render_template("connect.html", customer=session["customer"])

    @app.post("/api/widget-token")
    @signed_in
    def widget_token():
        # A JSON body only: a form on another site cannot send one without the browser asking
        # this app first (a CORS preflight it does not answer).
        if not request.is_json:
            abort(415)
        widget = operator.mint_widget_token(
            ae.WidgetTokenRequest(
                workspace_name=session["customer"],
                allowed_origin=origin,
                selected_source_template_tags=[TAG],
            )
        )
        return jsonify(token=widget.expose_raw())

    @app.get("/sources")
    @signed_in
    def sources():
        customer = session["customer"]
        workspace_id = workspace_of(operator, customer)
        rows = []
        if workspace_id is not None:
            for summary in operator.sources().list(workspace_id):
                source = operator.sources().get(summary.id)
                template = summary.summarized_source_template
                rows.append(
                    {
                        "id": source.id,
                        "name": source.name,
                        "template": template.name if template else None,
                        "created_at": source.created_at,
                        # As the service returns it: secrets come back masked.
                        "config": json.dumps(source.source_config, indent=2, sort_keys=True),
                    }
                )
        return render_template("sources.html", customer=customer, sources=rows)

    @app.errorhandler(ae.AirbyteError)
    def airbyte_error(error: ae.AirbyteError):
        # The SDK's errors never carry secrets; the page says what failed.
        return render_template("error.html", error=error), 502

    return app


def workspace_of(operator: ae.OperatorClient, name: str) -> str | None:
    """The id of the workspace named exactly `name`, or None before its first widget token."""
    for workspace in operator.workspaces().pages(ae.WorkspaceFilter(name_contains=name)):
        if workspace.name == name:
            return workspace.id
    return None


def set_up_templates(operator: ae.OperatorClient) -> None:
    """Creates, when missing, the `widget-app` tag and the templates the widget offers."""
    if TAG not in {t.name for t in operator.tags().list()}:
        operator.tags().create(TAG)
    existing = {t.name for t in operator.source_templates().list(None)}
    wanted = [
        ("postgres", "Postgres", {"port": 5432}, True),
        ("stripe", "Stripe", {}, True),
        ("sample data", "Sample Data (not offered: no widget-app tag)", {}, False),
    ]
    for connector, name, defaults, tagged in wanted:
        if name in existing:
            continue
        definition = operator.definitions().list_sources(connector)[0]
        template = operator.source_templates().create(
            ae.SourceTemplateCreate(
                actor_definition_id=definition.source_definition_id,
                partial_default_config=defaults,
                name=name,
            )
        )
        if tagged:
            operator.source_templates().add_tag(template.id, TAG)
        print(f"created source template {name!r}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5055, help="0 picks a free port")
    parser.add_argument("--setup", action="store_true", help="create the tag and templates the widget offers")
    args = parser.parse_args()

    operator = ae.OperatorClient.from_env()
    if args.setup:
        set_up_templates(operator)
    # Bind first, so that port 0 gives the origin the widget tokens must allow.
    server = make_server(args.host, args.port, None, threaded=True)
    origin = f"http://{args.host}:{server.server_port}"
    server.app = create_app(operator, origin)
    print(f"listening on {origin} (API: {operator.base_url()})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        operator.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
