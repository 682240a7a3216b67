"""The redaction audit from Python (issue 10).

Every text the SDK hands Python in the audit's cases is collected: each exception's `str()`,
`repr()`, formatted form and fields, every log record forwarded at TRACE (and all of them joined
in order, so a record split over lines is searched whole), and the string forms of records and
token objects. The last test searches them for every token the run saw (operator tokens from the
sandbox's request log, scoped and widget tokens minted, the JWT signature of each), anything
shaped like a JWT or the start of one, the client secret and every secret put in a config, and
prints `redaction: N texts searched, T tokens, S secrets`; it fails unless T and S are 0.

The cases, numbered as in the issue:
  1. the token routes answering 2xx with the body cut at every byte offset, and with bodies of
     the wrong shape;
  2. header values with control bytes: `user_agent_suffix`, a caller-given scoped token, a token
     the server sends;
  3. the log records of every case (this module forwards them at TRACE);
  4. the string forms of request records holding a secret;
  5. the error of a call on a closed client;
  6. 8 MiB arguments give bounded errors; a base URL's password never shows;
  7. 5 MB config bodies (the sandbox refuses them with 413) give bounded errors.

The module runs its own sandbox (its thousands of requests would use up the shared one's rate
limit). The tests run in file order and share one `Audit`; the last one searches.
"""

from __future__ import annotations

import base64
import json
import re
import traceback
from typing import Any, Callable, Iterator, List, Optional

import pytest

import airbyte_embedded as ae
from conftest import POSTGRES_DEFINITION_ID, S3_DEFINITION_ID, Sandbox, replaced, unique

NO_RETRY = replaced(ae.defaults().retry_policy, max_retries=0)
BOUND = 8 * 1024
BIG_ARG = 8 * 1024 * 1024
BIG_BODY = 5 * 1000 * 1000
MAX_TOKEN_BODY = 4096

OPERATOR_ROUTE = "/account/applications/token"
SCOPED_ROUTE = "/embedded/scoped-token"
WIDGET_ROUTE = "/embedded/widget-token"
ORIGIN = "https://app.example.com"
WORKSPACE = unique("redaction-audit")

PG_SECRET = "pg-pass-0a9c-secret"
S3_SECRET = "s3-key-6b2d-secret"
BIG_SECRET = "big-secret-4e1a-"
URL_SECRET = "pw-7f3e-secret"

# A JWT, three dot-separated base64url runs of 16+, or the start of a JWT or widget token (the
# base64 of `{"`) as a body cut short would show it.
TOKEN_SHAPES = [
    re.compile(r"eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}"),
    re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"),
    re.compile(r"eyJ[A-Za-z0-9+/_-]{8,}"),
]


class Audit:
    """What is searched (texts) and what for (tokens, secrets)."""

    def __init__(self) -> None:
        self.texts: List[str] = []
        self.tokens: set = set()
        self.secrets: set = set()
        self.records: List[str] = []
        self.messages: List[str] = []

    def text(self, value: Any) -> None:
        if value is not None:
            self.texts.append(value if isinstance(value, str) else repr(value))

    def token(self, value: Optional[str]) -> None:
        if value and len(value) >= 8:
            self.tokens.add(value)
            signature = value.rsplit(".", 1)[-1]
            if signature != value and len(signature) >= 16:
                self.tokens.add(signature)

    def error(self, e: BaseException) -> None:
        """Every text an exception gives: str, repr, its formatted form and each field."""
        self.text(str(e))
        self.text(repr(e))
        self.text("".join(traceback.format_exception_only(type(e), e)))
        for arg in e.args:
            self.text(str(arg))
        for name, value in vars(e).items():
            self.text(f"{name}={value!r}")
            if isinstance(value, list):
                for item in value:
                    self.text(repr(item))

    def harvest(self, sandbox: Sandbox) -> None:
        """Every bearer token in the sandbox's request log."""
        for request in sandbox.requests():
            for name, value in request["headers"]:
                if name == "authorization" and value.startswith("Bearer "):
                    self.token(value[len("Bearer "):])

    def leaks_in(self, text: str) -> List[str]:
        found = []
        for t in self.tokens:
            if t in text:
                found.append(f"token `{t[:6]}…`")
        for s in self.secrets:
            if s in text:
                found.append(f"secret `{s[:6]}…`")
        for shape in TOKEN_SHAPES:
            m = shape.search(text)
            if m:
                found.append(f"token shape `{m.group(0)[:6]}…` ({len(m.group(0))} chars)")
                break
        return found

    def masked(self, text: str) -> str:
        for needle in sorted(self.tokens | self.secrets, key=len, reverse=True):
            text = text.replace(needle, needle[:6] + "…")
        for shape in TOKEN_SHAPES:
            text = shape.sub(lambda m: m.group(0)[:6] + "…", text)
        return text[:300]


AUDIT = Audit()


class Collect(ae.Logger):
    def log(self, record: ae.LogRecord) -> None:
        AUDIT.records.append(f"{record.level} {record.target} {record.message}")
        AUDIT.messages.append(record.message)


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    """This module's sandbox, with the rate limit out of the way; the SDK's records at TRACE."""
    s = Sandbox("--check-duration-ms", "200", "--rate-limit", "1000000")
    AUDIT.secrets.update([s.client_secret, PG_SECRET, S3_SECRET, BIG_SECRET, URL_SECRET])
    ae.set_logger(Collect(), ae.LogLevel.TRACE)
    try:
        yield s
    finally:
        ae.forward_to_logging()
        s.stop()


@pytest.fixture(autouse=True)
def _faults_cleared(sb: Sandbox) -> Iterator[None]:
    yield
    sb.admin("DELETE", "faults")


def fails(call: Callable[[], Any], kind: Optional[type] = None) -> ae.AirbyteError:
    """Runs a call that must raise an `AirbyteError` (of `kind`), never a panic; collects it."""
    try:
        call()
    except ae.AirbyteError as e:
        AUDIT.error(e)
        if kind is not None:
            assert isinstance(e, kind), AUDIT.masked(repr(e))
        return e
    except BaseException as e:  # a panic (InternalError) or anything else: collected, then failed
        AUDIT.error(e)
        pytest.fail(f"not an AirbyteError: {AUDIT.masked(repr(e))}")
    pytest.fail("the call succeeded")


def bounded(e: BaseException) -> None:
    for text in [str(e), repr(e)] + [str(v) for v in vars(e).values()]:
        assert len(text) < BOUND, (len(text), AUDIT.masked(text))


def widget_request(**fields: Any) -> ae.WidgetTokenRequest:
    return ae.WidgetTokenRequest(**{"workspace_name": WORKSPACE, "allowed_origin": ORIGIN, **fields})


def keep_widget(widget: ae.WidgetToken) -> None:
    AUDIT.token(widget.expose_raw())
    AUDIT.token(widget.scoped_token().expose())
    AUDIT.text(str(widget))
    AUDIT.text(repr(widget))
    AUDIT.text(repr(widget.scoped_token()))


def test_ordinary_calls(sb):
    """Tokens minted the ordinary way, and the string forms of the token objects."""
    op = sb.operator(retry=NO_RETRY)
    scoped = op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=WORKSPACE))
    AUDIT.token(scoped.expose())
    AUDIT.text(str(scoped))
    AUDIT.text(repr(scoped))
    keep_widget(op.mint_widget_token(widget_request()))
    AUDIT.token(op.scoped_token(WORKSPACE).expose())
    AUDIT.text(repr(op.source_templates().list()))
    end_user = ae.EndUserClient(scoped.expose(), sb.config(retry=NO_RETRY))
    AUDIT.text(repr(end_user.source_templates().list()))
    AUDIT.text(repr(end_user.token_info()))
    AUDIT.harvest(sb)
    assert AUDIT.tokens


# ---- case 1: token routes answering 2xx with a body cut short or of the wrong shape ----


def call_route(op: ae.OperatorClient, route: str) -> None:
    if route == OPERATOR_ROUTE:
        op.workspaces().stats()
    elif route == SCOPED_ROUTE:
        AUDIT.token(op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=WORKSPACE)).expose())
    else:
        keep_widget(op.mint_widget_token(widget_request()))


@pytest.mark.parametrize("route", [OPERATOR_ROUTE, SCOPED_ROUTE, WIDGET_ROUTE])
def test_token_bodies_cut_at_every_offset(sb, route):
    op = sb.operator(retry=NO_RETRY)
    if route != OPERATOR_ROUTE:
        op.workspaces().stats()  # the operator token is cached: only `route` is cut
    others = []
    for cut in range(MAX_TOKEN_BODY + 1):
        sb.fault({"kind": "truncate_body", "bytes": cut}, path_prefix=route, method="POST")
        try:
            call_route(op, route)
            break
        except ae.AirbyteError as e:
            AUDIT.error(e)
            if not isinstance(e, ae.AirbyteError.Decode):
                others.append((cut, AUDIT.masked(repr(e))))
    else:
        pytest.fail(f"{route} never answered whole")
    AUDIT.harvest(sb)
    # The shortest answer (`{"token":"eyJ…"}`) is well over 100 bytes: a success earlier means
    # the fault did not fire.
    assert cut > 100, cut
    assert not others, others[:5]


def wrong_shapes(token: str) -> List[tuple]:
    t = json.dumps(token)
    return [
        ('{"access_token": 5}', "application/json"),
        (t, "application/json"),
        ('{"token": %s}' % t, "application/json"),
        ('{"access_token": %s}' % t, "application/json"),
        ('{"access_token": %s, "expires_in": "soon"}' % t, "application/json"),
        ("<html><body>your token: %s</body></html>" % token, "text/html"),
        ("not json at all %s" % token, "application/json"),
        ('{"token": 5, "echo": %s}' % t, "application/json"),
        ("[%s]" % t, "application/json"),
    ]


@pytest.mark.parametrize("route", [OPERATOR_ROUTE, SCOPED_ROUTE, WIDGET_ROUTE])
def test_token_bodies_of_the_wrong_shape(sb, route):
    """Each body holds a real token where an error could quote it; the SDK may accept a shape
    (then the call succeeds or fails further on): any error is collected."""
    token = sb.operator().mint_scoped_token(ae.ScopedTokenRequest(workspace_name=WORKSPACE)).expose()
    AUDIT.token(token)
    for body, content_type in wrong_shapes(token):
        op = sb.operator(retry=NO_RETRY)
        if route != OPERATOR_ROUTE:
            op.workspaces().stats()
        sb.respond(200, body, path_prefix=route, content_type=content_type)
        try:
            call_route(op, route)
        except ae.AirbyteError as e:
            AUDIT.error(e)
        sb.admin("DELETE", "faults")
    AUDIT.harvest(sb)


# ---- case 2: header values with control bytes ----

CONTROL_BYTES = list(range(0x00, 0x20)) + [0x7F]


@pytest.mark.parametrize("byte", CONTROL_BYTES, ids=lambda b: f"0x{b:02x}")
def test_control_bytes_in_header_values(sb, byte):
    c = chr(byte)
    e = fails(lambda: sb.operator(user_agent_suffix=f"my-app{c}1.0"), ae.AirbyteError.InvalidArgument)
    assert e.argument == "user_agent_suffix"
    e = fails(
        lambda: ae.EndUserClient("eyJhbGciOiJIUzI1NiJ9.e30.c2ln", sb.config(user_agent_suffix=f"my-app{c}1.0")),
        ae.AirbyteError.InvalidArgument,
    )
    assert e.argument == "user_agent_suffix"
    e = fails(
        lambda: ae.EndUserClient(f"eyJhbGciOiJIUzI1NiJ9.abc{c}def.c2lnbmF0dXJl", sb.config()),
        ae.AirbyteError.InvalidArgument,
    )
    assert e.argument == "token"


def test_tokens_the_server_sends_with_control_bytes(sb):
    op = sb.operator(retry=NO_RETRY)
    for body in ['{"access_token":"abc\\u000adef","expires_in":900}', '{"access_token":"abc\\u000ddef","expires_in":900}']:
        sb.respond(200, body, path_prefix=OPERATOR_ROUTE)
        fails(lambda: op.workspaces().stats(), ae.AirbyteError.Decode)
    op.workspaces().stats()
    for body in ['{"token":"a\\u0001b"}', '{"token":"a\\u0000b"}']:
        sb.respond(200, body, path_prefix=SCOPED_ROUTE)
        fails(lambda: op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=WORKSPACE)), ae.AirbyteError.Decode)
    # A widget token whose scoped token holds 0x01: the widget token itself is clean (the SDK
    # never sends the scoped token inside), and that scoped token is refused as a header.
    inner = json.dumps({"token": "a\u0001b", "widgetUrl": "https://app.airbyte.ai/embedded-widget"})
    sb.respond(200, json.dumps({"token": base64.b64encode(inner.encode()).decode()}), path_prefix=WIDGET_ROUTE)
    try:
        widget = op.mint_widget_token(widget_request())
    except ae.AirbyteError as e:
        AUDIT.error(e)
    else:
        assert widget.scoped_token().expose() == "a\u0001b"
        e = fails(lambda: ae.EndUserClient(widget.scoped_token().expose(), sb.config()), ae.AirbyteError.InvalidArgument)
        assert e.argument == "token"


# ---- case 4: string forms of request records holding a secret ----


def test_string_forms_of_records_holding_secrets():
    config = {"host": "db", "password": PG_SECRET, "tunnel": {"ssh_key": PG_SECRET}}
    records = [
        ae.SourceCreate(workspace_id="ws", source_template_id="tpl", source_config=config, name="n"),
        ae.SourceUpdate(name="n", source_config=config),
        ae.SourceTemplateCreate(actor_definition_id=POSTGRES_DEFINITION_ID, partial_default_config=config),
        ae.ConnectionTemplateCreate(destination_name="w", destination_definition_id=S3_DEFINITION_ID, destination_config=config),
        ae.SourceCreate(workspace_id="ws", source_template_id="tpl", source_config=json.dumps(PG_SECRET)),
        ae.SourceCreate(workspace_id="ws", source_template_id="tpl", source_config='{"password": "' + PG_SECRET),
        ae.SourceTemplateCreate(
            actor_definition_id=POSTGRES_DEFINITION_ID, customization=ae.Customization(other=json.dumps([PG_SECRET]))
        ),
    ]
    for record in records:
        for text in [str(record), repr(record), f"{record}", "%r" % (record,), str([record])]:
            AUDIT.text(text)


# ---- case 5: a call on a closed client ----


def test_use_after_close(sb):
    with sb.operator() as op:
        tags = op.tags()
        tags.list()
    fails(lambda: op.tags(), ae.AirbyteError.ClientClosed)
    fails(lambda: tags.list(), ae.AirbyteError.ClientClosed)
    fails(lambda: op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=WORKSPACE)), ae.AirbyteError.ClientClosed)
    token = sb.operator().mint_scoped_token(ae.ScopedTokenRequest(workspace_name=WORKSPACE))
    with ae.EndUserClient(token.expose(), sb.config()) as user:
        user.token_info()
    fails(lambda: user.token_info(), ae.AirbyteError.ClientClosed)


# ---- case 6: unbounded arguments ----


def test_huge_arguments_give_bounded_errors(sb):
    big = "x" * BIG_ARG
    op = sb.operator(retry=NO_RETRY)
    e = fails(lambda: op.mint_widget_token(widget_request(allowed_origin=big)), ae.AirbyteError.InvalidArgument)
    assert e.argument == "allowed_origin"
    bounded(e)
    bounded(fails(lambda: ae.validate_allowed_origin(big), ae.AirbyteError.InvalidArgument))
    for settings, argument in [
        ({"base_url": big}, "base_url"),
        ({"base_url": "https://api.example.com/api/v1?q=" + big}, "base_url"),
        ({"organization_id": big}, "organization_id"),
        ({"region_id": big}, "region_id"),
        ({"user_agent_suffix": big + "\n"}, "user_agent_suffix"),
    ]:
        e = fails(lambda: ae.OperatorClient(sb.client_id, sb.client_secret, ae.ClientConfig(**settings)), ae.AirbyteError.InvalidArgument)
        assert e.argument == argument
        bounded(e)
    # A workspace name the SDK sends: the sandbox refuses the body (or the SDK the name).
    bounded(fails(lambda: op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=big))))
    # JSON text that does not parse, or is not an object: the record prints without it, and
    # each call refuses it naming the field.
    template = op.source_templates().create(ae.SourceTemplateCreate(actor_definition_id=POSTGRES_DEFINITION_ID))
    for text in ['{"x": "' + big, json.dumps([big]), json.dumps(big)]:
        record = ae.SourceCreate(workspace_id="ws", source_template_id=template.id, source_config=text)
        for form in [str(record), repr(record)]:
            assert big not in form and "[REDACTED: not JSON object text]" in form, form[:300]
            assert len(form) < BOUND, len(form)
        e = fails(lambda: op.sources().create(record), ae.AirbyteError.InvalidArgument)
        assert e.argument == "source_config"
        bounded(e)
        e = fails(
            lambda: op.source_templates().create(
                ae.SourceTemplateCreate(actor_definition_id=POSTGRES_DEFINITION_ID, partial_default_config=text)
            ),
            ae.AirbyteError.InvalidArgument,
        )
        assert e.argument == "partial_default_config"
        bounded(e)
    op.source_templates().delete(template.id)
    # User info in a base URL is refused, and its password never shown.
    for url in [f"https://admin:{URL_SECRET}@api.example.com/api/v1", f"http://admin:{URL_SECRET}@127.0.0.1:1/api/v1"]:
        e = fails(lambda: ae.OperatorClient(sb.client_id, sb.client_secret, ae.ClientConfig(base_url=url)), ae.AirbyteError.InvalidArgument)
        assert e.argument == "base_url"
        e = fails(lambda: ae.EndUserClient("eyJhbGciOiJIUzI1NiJ9.e30.c2ln", ae.ClientConfig(base_url=url)), ae.AirbyteError.InvalidArgument)
        assert e.argument == "base_url"


# ---- case 7: big bodies, and configs holding secrets ----


def big_secret() -> str:
    return (BIG_SECRET * (BIG_BODY // len(BIG_SECRET) + 1))[:BIG_BODY]


def test_big_bodies_give_bounded_errors(sb):
    op = sb.operator(retry=NO_RETRY)
    secret = big_secret()
    try:
        template = op.source_templates().create(
            ae.SourceTemplateCreate(
                actor_definition_id=POSTGRES_DEFINITION_ID,
                partial_default_config={"host": "db", "password": secret},
                name="big",
            )
        )
    except ae.AirbyteError as e:
        AUDIT.error(e)
        bounded(e)
    else:  # a sandbox without a body limit
        AUDIT.text(repr(template))
        op.source_templates().delete(template.id)
    template = op.source_templates().create(
        ae.SourceTemplateCreate(actor_definition_id=POSTGRES_DEFINITION_ID, partial_default_config={"port": 5432})
    )
    workspace_id = op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=WORKSPACE)).workspace_id()
    config = {"host": "db", "database": "d", "username": "u", "password": secret}
    for options in [ae.WriteOptions(validate=False), None]:
        try:
            source = op.sources().create(
                ae.SourceCreate(workspace_id=workspace_id, source_template_id=template.id, source_config=config, name="big"),
                options,
            )
        except ae.AirbyteError as e:
            AUDIT.error(e)
            bounded(e)
        else:
            AUDIT.text(repr(source))
            op.sources().delete(source.id)

    # An ordinary secret: refused by validation, accepted (masked in every answer), refused
    # again on update, and echoed back by the service in a 422.
    bad = {"database": "d", "username": "u", "password": [PG_SECRET], "port": "not-a-port"}
    fails(
        lambda: op.sources().create(ae.SourceCreate(workspace_id=workspace_id, source_template_id=template.id, source_config=bad)),
        ae.AirbyteError.InvalidConfig,
    )
    good = ae.SourceCreate(
        workspace_id=workspace_id,
        source_template_id=template.id,
        source_config={"host": "db", "database": "d", "username": "u", "password": PG_SECRET},
        name="pg",
    )
    source = op.sources().create(good)
    AUDIT.text(repr(source))
    AUDIT.text(str(source))
    AUDIT.text(source.source_config)
    AUDIT.text(op.sources().get(source.id).source_config)
    fails(
        lambda: op.sources().update(
            source.id, ae.SourceUpdate(source_config={"host": "db", "password": {"v": PG_SECRET}, "port": 5432})
        ),
        ae.AirbyteError.InvalidConfig,
    )
    detail = [{"loc": ["body", "source_config", "password"], "msg": f"bad password {PG_SECRET}", "type": "value_error"}]
    sb.respond(422, json.dumps({"detail": detail}), path_prefix="/integrations/sources")
    fails(lambda: op.sources().create(good), ae.AirbyteError.Validation)
    op.sources().delete(source.id)
    op.source_templates().delete(template.id)

    # A connection template holding a secret: its answers are masked.
    created = op.connection_templates().create(
        ae.ConnectionTemplateCreate(
            destination_name=unique("warehouse"),
            destination_definition_id=S3_DEFINITION_ID,
            destination_config={
                "s3_bucket_name": "b",
                "s3_bucket_path": "p",
                "s3_bucket_region": "us-east-1",
                "access_key_id": "AKIAEXAMPLE",
                "secret_access_key": S3_SECRET,
                "format": {"format_type": "JSONL"},
            }
        ,
        )
    )
    AUDIT.text(repr(created))
    AUDIT.text(created.destination_config)
    op.connection_templates().delete(created.id)
    AUDIT.harvest(sb)


# ---- the search (runs last) ----


def test_search_finds_planted_leaks():
    """The search finds what it should, so that `0 tokens, 0 secrets` means something."""
    token = next(t for t in AUDIT.tokens if t.startswith("eyJ"))
    for plant in [f"error: {token}!", f"sig={token.rsplit('.', 1)[-1]};", f"ends early near `{token[:40]}`"]:
        assert any(found.startswith("token") for found in AUDIT.leaks_in(plant)), plant
    for plant in [
        "x eyJhbGciOiJIUzI1.eyJzdWIiOiIx.c2lnbmF0dXJl y",
        "AAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBB.CCCCCCCCCCCCCCCCCCCC",
        'body {"access_token":"eyJhbGciOiJIUz',
    ]:
        assert AUDIT.leaks_in(plant), plant
    for secret in AUDIT.secrets:
        assert AUDIT.leaks_in(f'{{"password": "{secret}"}}') == [f"secret `{secret[:6]}…`"]
    assert not AUDIT.leaks_in("invalid argument `base_url`: `https://api.example.com/api/v1?q=xxxx…` (8388641 characters in all)")


def test_no_token_or_secret_in_any_text(capsys):
    assert AUDIT.records, "no log record was forwarded"
    searched = AUDIT.texts + AUDIT.records + ["\n".join(AUDIT.messages)]
    tokens = secrets = 0
    leaks = []
    for i, text in enumerate(searched):
        for found in AUDIT.leaks_in(text):
            if found.startswith("secret"):
                secrets += 1
            else:
                tokens += 1
            leaks.append(f"{found} in text {i}: {AUDIT.masked(text)}")
    line = f"redaction: {len(searched)} texts searched, {tokens} tokens, {secrets} secrets"
    with capsys.disabled():
        print(f"\n{line} ({len(AUDIT.records)} log records, {len(AUDIT.tokens)} tokens and signatures)")
    assert not leaks, "\n".join([line] + leaks[:10])
