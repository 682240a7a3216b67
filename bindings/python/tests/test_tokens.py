"""Scoped, widget and end-user tokens."""

import base64
import json

import pytest

import airbyte_embedded as ae
from conftest import unique


def test_scoped_tokens(operator, sandbox):
    name = unique("acme")
    minted = operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=name))
    assert minted.workspace_id() and minted.expires_at_unix() > 0
    assert "EMBEDDED_END_USER" in minted.roles()
    assert minted.expose().count(".") == 2
    assert "eyJ" not in repr(minted)
    cached = operator.scoped_token(name)
    assert operator.scoped_token(name).expose() == cached.expose()

    end_user = ae.EndUserClient(minted.expose(), sandbox.config())
    info = end_user.token_info()
    assert info.workspace_id == minted.workspace_id() == end_user.workspace_id()
    assert info.organization_id == sandbox.organization_id
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=" "))
    assert e.value.argument == "workspace_name"
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=name, region_id="eu"))
    assert e.value.argument == "region_id"


def test_widget_tokens(operator):
    tag = operator.tags().create(unique("crm")).name
    widget = operator.mint_widget_token(
        ae.WidgetTokenRequest(
            workspace_name=unique("acme"),
            allowed_origin="https://app.acme.example",
            selected_source_template_tags=[tag],
            selected_source_template_tags_mode=ae.TagsMode.ALL(),
        )
    )
    assert widget.widget_url().startswith("http")
    assert widget.scoped_token().workspace_id()
    again = ae.WidgetToken.decode(widget.expose_raw())
    assert again.widget_url() == widget.widget_url()
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.mint_widget_token(ae.WidgetTokenRequest(workspace_name="x", allowed_origin="https://a.example/"))
    assert e.value.argument == "allowed_origin"


def test_widget_token_decoding():
    payload = json.dumps({"token": "a.b.c", "widgetUrl": "https://w.example/?x=1"}).encode()
    for raw in [base64.b64encode(payload).decode(), base64.urlsafe_b64encode(payload).decode().rstrip("=")]:
        token = ae.WidgetToken.decode(raw)
        assert token.widget_url() == "https://w.example/?x=1"
        assert token.scoped_token().expose() == "a.b.c"
    for garbage in ["", "not base64 !!!", base64.b64encode(b'{"token": "x"}').decode()]:
        with pytest.raises(ae.AirbyteError.InvalidWidgetToken) as e:
            ae.WidgetToken.decode(garbage)
        assert e.value.detail


def test_allowed_origin_checks():
    ae.validate_allowed_origin("http://localhost:3000")
    ae.validate_allowed_origin("null")
    for bad in ["https://*.example.com", "app.example.com", "https://x:99999"]:
        with pytest.raises(ae.AirbyteError.InvalidArgument):
            ae.validate_allowed_origin(bad)


def test_a_fixed_scoped_token_is_not_refreshed(operator, sandbox):
    token = operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=unique("fixed")))
    end_user = ae.EndUserClient(token.expose(), sandbox.config())
    sandbox.fault({"kind": "expire_token"}, path_prefix="/embedded/source-templates")
    with pytest.raises(ae.AirbyteError.Unauthorized) as e:
        end_user.source_templates().list()
    assert e.value.status == 401


def test_customer_name_on_the_applications_routes(sandbox):
    # Early-2026 deployments want the name as `customer_name` on /account/applications/*.
    operator = sandbox.operator(token_routes=ae.TokenRoutes.APPLICATIONS)
    name = unique("acme-2026")
    minted = operator.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=name, send_as_customer_name=True))
    end_user = ae.EndUserClient(minted.expose(), sandbox.config(token_routes=ae.TokenRoutes.APPLICATIONS))
    info = end_user.token_info()
    assert info.workspace_id == minted.workspace_id()
    assert info.customer_name in (None, name)
    widget = operator.mint_widget_token(
        ae.WidgetTokenRequest(workspace_name=name, allowed_origin="null", send_as_customer_name=True)
    )
    assert widget.scoped_token().workspace_id() == minted.workspace_id()
    assert ae.ScopedTokenRequest(workspace_name=name).send_as_customer_name is False
