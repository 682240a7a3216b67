#!/usr/bin/env python3
"""Python benchmarks: the airbyte-embedded wheel against httpx.Client and requests.Session.

Against the sandbox binary (a separate process on loopback, keep-alive on every side):

- workload: 1,000 calls (mint a scoped token, list source templates, get a source, read the
  next workspaces page; in turn) with ~1 KB and ~50 KB responses; calls/s, interleaved;
- import time and client construction time (first in a fresh interpreter, and warm);
- the RSS of a process holding a wheel client over 10,000 calls;
- validation: the wheel's validate_source_config (warm) and a held `Spec`'s `validate` against
  jsonschema's Draft7Validator and fastjsonschema on every fixture spec with its first valid
  case, the yes/no answers (`Spec.is_valid_text`/`is_valid`, jsonschema's `is_valid`), and the
  cost of an empty call into the wheel (`secret_mask()`).

Writes JSON (--json PATH, else stdout) for bench/report.py; progress on stderr. Needs the
release wheel, httpx, requests, jsonschema and fastjsonschema (bench/run installs them in
target/bench-venv).

    python bench/python_bench.py [--reps N] [--calls N] [--memory-calls N] [--validation-ms MS]
                                 [--sandbox PATH] [--json PATH] [--only PART]

`--only workload` (or `startup`, `split`, `memory`, `validation`) runs that part alone; the JSON then
holds only it, so bench/report.py needs a run without `--only`.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time
import urllib.request
from typing import Any, Callable, Dict, List, Optional

ROOT = pathlib.Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_SANDBOX = os.environ.get(
    "AIRBYTE_SANDBOX_BIN", str(ROOT / "target" / "release" / "airbyte-embedded-sandbox")
)
CLIENTS = ["wheel", "httpx", "requests"]
# The parts of a run, in order (`--only` picks one).
PARTS = ["startup", "workload", "split", "memory", "validation"]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Sandbox:
    """One `airbyte-embedded-sandbox --port 0` process (no practical rate limit)."""

    def __init__(self, binary: str, *extra: str) -> None:
        self.proc = subprocess.Popen(
            [binary, "--port", "0", "--rate-limit", "4294967295", *extra],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        assert self.proc.stdout is not None
        first = self.proc.stdout.readline().strip()
        if not first.startswith("listening on "):
            self.stop()
            raise RuntimeError(f"the sandbox said {first!r}")
        self.base_url = first.split()[-1]
        self.root = self.base_url.rsplit("/api/v1", 1)[0]
        creds = {}
        for _ in range(8):
            key, _, value = self.proc.stdout.readline().strip().partition(": ")
            creds[key] = value
        self.client_id = creds["client_id"]
        self.client_secret = creds["client_secret"]

    def stats(self) -> Dict[str, int]:
        with urllib.request.urlopen(f"{self.root}/_sandbox/stats", timeout=10) as r:
            return json.loads(r.read())

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


def rss_kib() -> Optional[int]:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


# --- seeding and the workload ------------------------------------------------------------

LARGE_NAME_PAD = "x" * 300  # 100 workspaces with such names make a page of about 50 KB


def seed(sb: Sandbox) -> Dict[str, Any]:
    """Templates (4 tagged `small`, 190 in all), a ~10 KB and a ~60 KB source, 20 workspaces
    for 1 KB pages (5 a page) and 300 with long names for 50 KB pages (100 a page)."""
    import airbyte_embedded as ae

    op = ae.OperatorClient(sb.client_id, sb.client_secret, ae.ClientConfig(base_url=sb.base_url))
    pg = op.definitions().list_sources("postgres")[0].source_definition_id
    op.tags().create("small")
    first = None
    for i in range(190):
        t = op.source_templates().create(
            ae.SourceTemplateCreate(
                actor_definition_id=pg,
                partial_default_config=json.dumps({"port": 5432}),
                name=f"Postgres template {i:03}",
            )
        )
        if i < 4:
            op.source_templates().add_tag(t.id, "small")
        first = first or t.id
    end_user = op.end_user_client("bench-corp")
    ws = end_user.workspace_id()
    no_check = ae.WriteOptions(validate=False)
    base = {"host": "db.example", "database": "app", "username": "u", "password": "p"}
    small = end_user.sources().create(
        ae.SourceCreate(workspace_id=ws, source_template_id=first, source_config=json.dumps(base)),
        no_check,
    )
    large_config = dict(base, schemas=[f"schema_{i:05}" for i in range(3300)])
    large = end_user.sources().create(
        ae.SourceCreate(workspace_id=ws, source_template_id=first, source_config=json.dumps(large_config)),
        no_check,
    )
    for i in range(20):
        op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=f"bench-s-{i:03}"))
    for i in range(300):
        op.mint_scoped_token(ae.ScopedTokenRequest(workspace_name=f"bench-l-{i:03}-{LARGE_NAME_PAD}"))
    return {"small_source": small.id, "large_source": large.id}


def workload(size: str, seeded: Dict[str, Any]) -> Dict[str, Any]:
    """What one size class reads."""
    if size == "1 KB":
        return {"tags": ["small"], "source": seeded["small_source"], "ws_prefix": "bench-s-", "ws_limit": 5}
    return {"tags": [], "source": seeded["large_source"], "ws_prefix": "bench-l-", "ws_limit": 100}


MINT_NAME = "bench-corp"


class WheelClient:
    """The SDK: typed results; the source's config is already a dict, so every client ends with
    the same Python objects."""

    def __init__(self, sb: Sandbox, w: Dict[str, Any]) -> None:
        import airbyte_embedded as ae

        self.op = ae.OperatorClient(sb.client_id, sb.client_secret, ae.ClientConfig(base_url=sb.base_url))
        self.templates = self.op.source_templates()
        self.sources = self.op.sources()
        self.workspaces = self.op.workspaces()
        self.mint_request = ae.ScopedTokenRequest(workspace_name=MINT_NAME)
        self.tag_filter = ae.TagFilter(tags=w["tags"], mode=ae.TagsMode.ALL()) if w["tags"] else None
        self.ws_filter = ae.WorkspaceFilter(name_contains=w["ws_prefix"], limit=w["ws_limit"])
        self.source_id = w["source"]
        self.pages = self.workspaces.pages(self.ws_filter)

    def call(self, i: int) -> Any:
        k = i % 4
        if k == 0:
            return self.op.mint_scoped_token(self.mint_request).expose()
        if k == 1:
            return self.templates.list(self.tag_filter)
        if k == 2:
            source = self.sources.get(self.source_id)
            return source, source.source_config
        page = self.pages.next_page()
        if page is None:
            self.pages = self.workspaces.pages(self.ws_filter)
            page = self.pages.next_page()
        return page


class HttpClient:
    """A hand-written client over an httpx.Client or a requests.Session: operator token fetched
    once, the SDK's headers, raise_for_status() and .json() on every call."""

    def __init__(self, kind: str, sb: Sandbox, w: Dict[str, Any]) -> None:
        base = sb.base_url
        if kind == "httpx":
            import httpx

            self.session: Any = httpx.Client()
        else:
            import requests

            self.session = requests.Session()
        r = self.session.post(
            f"{base}/account/applications/token",
            json={"client_id": sb.client_id, "client_secret": sb.client_secret},
        )
        r.raise_for_status()
        self.session.headers.update(
            {"Authorization": f"Bearer {r.json()['access_token']}", "Accept": "application/json"}
        )
        query = "?tags=small&tags_mode=all" if w["tags"] else ""
        self.mint_url = f"{base}/embedded/scoped-token"
        self.mint_body = {"workspace_name": MINT_NAME}
        self.templates_url = f"{base}/integrations/templates/sources{query}"
        self.source_url = f"{base}/integrations/sources/{w['source']}"
        self.first_page = f"{base}/workspaces?name_contains={w['ws_prefix']}&limit={w['ws_limit']}"
        self.next_page: Optional[str] = None
        self.bytes_seen: Dict[int, List[int]] = {0: [], 1: [], 2: [], 3: []}
        self.record_bytes = False

    def _json(self, r: Any, k: int) -> Any:
        r.raise_for_status()
        if self.record_bytes:
            self.bytes_seen[k].append(len(r.content))
        return r.json()

    def call(self, i: int) -> Any:
        k = i % 4
        s = self.session
        if k == 0:
            return self._json(s.post(self.mint_url, json=self.mint_body), k)["token"]
        if k == 1:
            return self._json(s.get(self.templates_url), k)
        if k == 2:
            return self._json(s.get(self.source_url), k)
        page = self._json(s.get(self.next_page or self.first_page), k)
        self.next_page = page["next"]
        return page["data"]


def make_client(kind: str, sb: Sandbox, w: Dict[str, Any]) -> Any:
    return WheelClient(sb, w) if kind == "wheel" else HttpClient(kind, sb, w)


def run_calls(client: Any, calls: int) -> float:
    call = client.call
    t = time.perf_counter()
    for i in range(calls):
        call(i)
    return calls / (time.perf_counter() - t)


def bench_workload(args: argparse.Namespace, sb: Sandbox, seeded: Dict[str, Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for size in ["1 KB", "50 KB"]:
        w = workload(size, seeded)
        clients = {kind: make_client(kind, sb, w) for kind in CLIENTS}
        for c in clients.values():  # warm up: connections, tokens, caches
            run_calls(c, max(args.calls // 10, 8))
        # Response sizes per operation (untimed).
        probe = clients["httpx"]
        probe.record_bytes = True
        run_calls(probe, 40)
        probe.record_bytes = False
        sizes = {name: statistics.median(probe.bytes_seen[k]) for k, name in
                 enumerate(["mint scoped token", "list templates", "get source", "workspaces page"])}
        rates: Dict[str, List[float]] = {kind: [] for kind in CLIENTS}
        requests_per_run: Dict[str, List[int]] = {kind: [] for kind in CLIENTS}
        for rep in range(args.reps):
            order = CLIENTS[rep % 3:] + CLIENTS[: rep % 3]
            for kind in order:
                before = sb.stats()["requests"]
                rates[kind].append(run_calls(clients[kind], args.calls))
                requests_per_run[kind].append(sb.stats()["requests"] - before)
        log(f"  {size}: " + ", ".join(f"{k} {statistics.median(v):.0f} calls/s" for k, v in rates.items()))
        out[size] = {"calls_per_s": rates, "http_requests_per_run": requests_per_run, "response_bytes": sizes}
    return out


# --- where a wheel call's time goes -----------------------------------------------------

OPERATIONS = ["mint scoped token", "list templates", "get source", "workspaces page"]
# The generated converter of each operation's result (the token's text is a plain string).
RESULT_CONVERTERS = {
    "list templates": "_UniffiFfiConverterSequenceTypeSourceTemplateSummary",
    "get source": "_UniffiFfiConverterTypeSource",
    "workspaces page": "_UniffiFfiConverterOptionalSequenceTypeWorkspace",
}


def process_cpu_s(pid: int) -> float:
    """CPU seconds all threads of process `pid` have run so far (Linux `schedstat`, in ns;
    0 elsewhere)."""
    total = 0
    try:
        for task in pathlib.Path(f"/proc/{pid}/task").iterdir():
            try:
                total += int((task / "schedstat").read_text().split()[0])
            except (OSError, IndexError, ValueError):
                pass  # a thread that ended meanwhile
    except OSError:
        return 0.0
    return total / 1e9


def lift_us(generated: Any, name: str, data: bytes, budget_s: float) -> Dict[str, float]:
    """µs to read one result from its bytes: with the generated converter (`read` on a stream
    over the bytes, the generated `lift` without its copy and free) and with the wheel's
    compiled reader (`_readers`), when there is one."""
    converter = getattr(generated, name)
    stream = generated._UniffiRustBufferStream
    out = {"generated": time_per_op(budget_s, lambda: converter.read(stream(data, len(data))))}
    readers = getattr(generated, "_uniffi_readers", None)
    reader = readers.reader(name) if readers is not None else None
    if reader is not None:
        assert reader(data, 0)[0] == converter.read(stream(data, len(data)))
        out["compiled"] = time_per_op(budget_s, lambda: reader(data, 0))
    return out


def bench_split(args: argparse.Namespace, sb: Sandbox, seeded: Dict[str, Any]) -> Dict[str, Any]:
    """Per operation and size: a wheel call's wall time and the part of it inside the library
    call (HTTP, JSON parsing in Rust, writing the result buffer; the rest is Python: arguments,
    handles, reading the result into records, and the benchmark's `json.loads` of the source
    config), the client thread's CPU time, the same for httpx, the sandbox's CPU time per
    request, and the time to read each result buffer into records (generated vs compiled)."""
    from airbyte_embedded._native import airbyte_embedded as generated

    n = max(args.calls // 8, 10)
    budget = args.validation_ms / 1000
    original = generated._uniffi_rust_call_with_error
    inside = [0.0]
    last: List[bytes] = []
    capture = [False]  # keep the result buffer of the last call of a series

    def timed(converter: Any, fn: Any, *a: Any) -> Any:
        t = time.perf_counter()
        try:
            result = original(converter, fn, *a)
        finally:
            inside[0] += time.perf_counter() - t
        if capture[0] and isinstance(result, generated._UniffiRustBuffer):
            last[:] = [result.data[: result.len] if result.len else b""]
        return result

    out: Dict[str, Any] = {}
    for size in ["1 KB", "50 KB"]:
        w = workload(size, seeded)
        wheel, httpx_client = WheelClient(sb, w), HttpClient("httpx", sb, w)
        for c in (wheel, httpx_client):
            run_calls(c, 40)
        rows: Dict[str, Any] = {}
        for k, op in enumerate(OPERATIONS):
            row: Dict[str, Any] = {}
            for kind, client in (("wheel", wheel), ("httpx", httpx_client)):
                server = process_cpu_s(sb.proc.pid)
                cpu, wall = time.thread_time(), time.perf_counter()
                inside[0] = 0.0
                if kind == "wheel":
                    generated._uniffi_rust_call_with_error = timed
                try:
                    for i in range(n):
                        capture[0] = i == n - 1
                        client.call(4 * i + k)
                finally:
                    generated._uniffi_rust_call_with_error = original
                row[kind] = {
                    "wall_us": (time.perf_counter() - wall) / n * 1e6,
                    "cpu_us": (time.thread_time() - cpu) / n * 1e6,
                    "server_cpu_us": (process_cpu_s(sb.proc.pid) - server) / n * 1e6,
                }
                if kind == "wheel":
                    row[kind]["library_us"] = inside[0] / n * 1e6
                    if op in RESULT_CONVERTERS and last and hasattr(generated, RESULT_CONVERTERS[op]):
                        row["lift_us"] = lift_us(generated, RESULT_CONVERTERS[op], last[0], budget)
            rows[op] = row
        log(f"  {size}: " + "; ".join(
            f"{op}: wheel {r['wheel']['wall_us']:.0f} µs ({r['wheel']['library_us']:.0f} in the library), "
            f"httpx {r['httpx']['wall_us']:.0f} µs" for op, r in rows.items()))
        out[size] = rows
    return out


# --- import and construction time --------------------------------------------------------

CONSTRUCT = {
    "wheel": (
        "airbyte_embedded",
        "m.OperatorClient('id', 'secret', m.ClientConfig(base_url='http://127.0.0.1:9/api/v1'))",
    ),
    "httpx": ("httpx", "m.Client()"),
    "requests": ("requests", "m.Session()"),
}
# The same constructions, for the warm timing in this process.
CONSTRUCT_WARM: Dict[str, Callable[[Any], Any]] = {
    "wheel": lambda m: m.OperatorClient("id", "secret", m.ClientConfig(base_url="http://127.0.0.1:9/api/v1")),
    "httpx": lambda m: m.Client(),
    "requests": lambda m: m.Session(),
}


def bench_startup(args: argparse.Namespace) -> Dict[str, Any]:
    """Import + first construction in a fresh interpreter (interpreter start-up excluded), and
    the median of many constructions in this process."""
    first: Dict[str, Dict[str, List[float]]] = {k: {"import_ms": [], "construct_ms": []} for k in CLIENTS}
    for rep in range(max(args.reps * 2, 1)):
        for kind in CLIENTS[rep % 3:] + CLIENTS[: rep % 3]:
            module, construct = CONSTRUCT[kind]
            code = (
                "import time, importlib\n"
                "t0 = time.perf_counter()\n"
                f"m = importlib.import_module({module!r})\n"
                "t1 = time.perf_counter()\n"
                f"c = {construct}\n"
                "t2 = time.perf_counter()\n"
                "print((t1 - t0) * 1e3, (t2 - t1) * 1e3)\n"
            )
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            imp, con = (float(x) for x in out.stdout.split())
            first[kind]["import_ms"].append(imp)
            first[kind]["construct_ms"].append(con)
    warm: Dict[str, List[float]] = {k: [] for k in CLIENTS}
    import importlib

    n, budget = (50, 0.05) if args.quick else (300, 0.3)
    for rep in range(max(args.reps, 1)):
        for kind in CLIENTS:
            m = importlib.import_module(CONSTRUCT[kind][0])
            construct = CONSTRUCT_WARM[kind]
            samples: List[float] = []
            start = time.perf_counter()
            # n constructions, or fewer (at least 5) when they take longer than the budget.
            while len(samples) < n and (len(samples) < 5 or time.perf_counter() - start < budget):
                t = time.perf_counter()
                c = construct(m)
                samples.append(time.perf_counter() - t)
                close = getattr(c, "close", None)
                if close is not None:
                    close()
                del c
            warm[kind].append(statistics.median(samples) * 1e6)
    for kind in CLIENTS:
        log(
            f"  {kind}: import {statistics.median(first[kind]['import_ms']):.1f} ms, "
            f"first construction {statistics.median(first[kind]['construct_ms']):.2f} ms, "
            f"warm {statistics.median(warm[kind]):.1f} µs"
        )
    return {k: {**first[k], "warm_construct_us": warm[k]} for k in CLIENTS}


# --- memory ------------------------------------------------------------------------------


def memory_child(base_url: str, client_id: str, client_secret: str, seeded_json: str, calls: int) -> None:
    """In a process of its own: RSS before the client, after 1,000 warm-up calls, and every
    tenth of `calls` after (the 1 KB workload)."""
    before = rss_kib()
    import airbyte_embedded  # noqa: F401

    after_import = rss_kib()

    class _Sb:
        pass

    sb: Any = _Sb()
    sb.base_url, sb.client_id, sb.client_secret = base_url, client_id, client_secret
    client = WheelClient(sb, workload("1 KB", json.loads(seeded_json)))
    for i in range(1000):
        client.call(i)
    samples = [rss_kib()]
    step = max(calls // 10, 1)
    for i in range(calls):
        client.call(i)
        if (i + 1) % step == 0:
            samples.append(rss_kib())
    print(json.dumps({
        "calls": calls, "warmup_calls": 1000, "sample_every": step,
        "rss_before_import_kib": before, "rss_after_import_kib": after_import, "rss_kib": samples,
    }))


def bench_memory(args: argparse.Namespace, sb: Sandbox, seeded: Dict[str, Any]) -> Dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", sb.base_url, sb.client_id, sb.client_secret,
         json.dumps(seeded), str(args.memory_calls)],
        capture_output=True, text=True, check=True,
    )
    result = json.loads(out.stdout)
    log(f"  {result}")
    return result


# --- validation --------------------------------------------------------------------------


def time_per_op(budget_s: float, f: Callable[[], Any]) -> float:
    """Mean µs per call of `f`, over about `budget_s` (after a tenth of it to calibrate)."""
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < budget_s / 10:
        f()
        n += 1
    n = max(n * 10, 10)
    start = time.perf_counter()
    for _ in range(n):
        f()
    return (time.perf_counter() - start) / n * 1e6


def bench_validation(args: argparse.Namespace) -> List[Dict[str, Any]]:
    import airbyte_embedded as ae

    budget = args.validation_ms / 1000
    # What any call into the wheel costs before doing work: `secret_mask()` takes no argument
    # and returns a 10-character string.
    floor = [time_per_op(budget, ae.secret_mask) for _ in range(args.reps)]
    log(f"  wheel call floor (secret_mask()): {statistics.median(floor):.2f} µs")
    # What the direct yes/no call costs with next to no validation: `{}` against a schema that
    # only asks for an object (the call into the library and the parse of two bytes).
    trivial = ae.Spec({"type": "object"})
    assert trivial.is_valid_text("{}")
    direct = [time_per_op(budget, lambda: trivial.is_valid_text("{}")) for _ in range(args.reps)]
    log(f"  direct call floor (is_valid_text('{{}}')): {statistics.median(direct):.2f} µs")
    rows = [{"spec": "(wheel call floor: `secret_mask()`)", "us": {"wheel": floor, "direct": direct}}]
    for spec_path in sorted((FIXTURES / "specs").glob("*.json")):
        name = spec_path.stem
        cases_path = FIXTURES / "cases" / f"{name}.json"
        if not cases_path.exists():
            continue
        for case in valid_cases(name, json.loads(cases_path.read_text())):
            rows.append(validate_one(args, spec_path, case))
    return rows


def valid_cases(name: str, cases: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The first valid case without options; for the Postgres spec also the valid case with the
    longest config (as rust-bench picks them)."""
    valid = [c for c in cases if c["valid"] and "options" not in c]
    picked = valid[:1]
    if name == "source-postgres" and valid:
        longest = max(valid, key=lambda c: len(json.dumps(c["source_config"], separators=(",", ":"))))
        if longest is not picked[0]:
            picked.append(longest)
    return picked


def validate_one(args: argparse.Namespace, spec_path: pathlib.Path, case: Dict[str, Any]) -> Dict[str, Any]:
    import airbyte_embedded as ae
    import fastjsonschema
    import jsonschema

    budget = args.validation_ms / 1000
    name = spec_path.stem
    spec_text = spec_path.read_text()
    spec = json.loads(spec_text)
    schema = spec.get("connectionSpecification") or spec.get("connection_specification") or spec
    defaults_text = json.dumps(case["partial_default_config"])
    config = case["source_config"]
    config_text = json.dumps(config)
    merged = {**case["partial_default_config"], **config}

    declared = schema.get("$schema", "")
    validator_cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    if validator_cls is not jsonschema.Draft7Validator and "draft-07" not in declared:
        note = f"jsonschema: {validator_cls.__name__} (the spec declares {declared})"
    else:
        validator_cls, note = jsonschema.Draft7Validator, ""
    validator = validator_cls(schema)

    def js() -> None:
        errors = list(validator.iter_errors(merged))
        assert not errors, errors

    try:
        fast = fastjsonschema.compile(schema)
        fast(merged)
        fast_note = ""
    except Exception as e:  # noqa: BLE001 (any failure: reported, not measured)
        fast, fast_note = None, f"fastjsonschema: {type(e).__name__}: {str(e)[:80]}"

    def wheel_text() -> None:
        ae.validate_source_config(spec, defaults_text, config_text)

    def wheel_dict() -> None:
        ae.validate_source_config(spec, defaults_text, json.dumps(config))

    # Compiled once, as an application keeps one per template; `validate_with` (which also takes
    # the template defaults) only when there are some.
    held = ae.Spec.from_text(spec_text)
    if case["partial_default_config"]:
        def held_validate(text: str) -> Any:
            return held.validate_with(text, defaults_text)
    else:
        held_validate = held.validate

    def held_text() -> None:
        held_validate(config_text)

    # The yes/no question each library answers fastest: the held spec's `is_valid_text` (one
    # direct call) and `is_valid` (a dict, written with json.dumps in the call), jsonschema's
    # `is_valid`, fastjsonschema's compiled function; all on the merged config.
    merged_text = json.dumps(merged)

    def held_is_valid_text() -> None:
        assert held.is_valid_text(merged_text)

    def held_is_valid_dict() -> None:
        assert held.is_valid(merged)

    def js_is_valid() -> None:
        assert validator.is_valid(merged)

    def held_dict() -> None:
        held_validate(json.dumps(config))

    js()
    wheel_text()
    held_text()
    held_is_valid_text()
    js_is_valid()
    variants: Dict[str, Callable[[], Any]] = {
        "wheel": wheel_text,
        "wheel_dumps": wheel_dict,
        "held": held_text,
        "held_dumps": held_dict,
        "jsonschema": js,
        "is_valid": held_is_valid_text,
        "is_valid_dumps": held_is_valid_dict,
        "jsonschema_is_valid": js_is_valid,
    }
    if fast is not None:
        variants["fastjsonschema"] = lambda: fast(merged)
    times: Dict[str, List[float]] = {k: [] for k in variants}
    keys = list(variants)
    for rep in range(args.reps):
        for k in keys[rep % len(keys):] + keys[: rep % len(keys)]:
            times[k].append(time_per_op(budget, variants[k]))
    log(f"  {name} ({case['name']}): " + ", ".join(f"{k} {statistics.median(v):.2f} µs" for k, v in times.items()))
    return {"spec": name, "bytes": len(spec_text), "case": case["name"], "us": times,
            "notes": [n for n in (note, fast_note) if n]}


def versions() -> Dict[str, str]:
    from importlib import metadata

    out = {"python": sys.version.split()[0]}
    for dist in ["airbyte-embedded", "httpx", "requests", "jsonschema", "fastjsonschema"]:
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "missing"
    return out


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--memory-child":
        memory_child(*sys.argv[2:6], int(sys.argv[6]))
        return
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--calls", type=int, default=1000)
    p.add_argument("--memory-calls", type=int, default=10_000)
    p.add_argument("--validation-ms", type=float, default=300)
    p.add_argument("--sandbox", default=DEFAULT_SANDBOX)
    p.add_argument("--json")
    p.add_argument("--quick", action="store_true", help="fewer constructions in the warm construction timing")
    p.add_argument("--only", choices=PARTS, help="run this part alone (default: all)")
    args = p.parse_args()
    args.calls = max(args.calls - args.calls % 4, 4)  # whole rounds of the four operations

    parts = [args.only] if args.only else PARTS
    result: Dict[str, Any] = {"reps": args.reps, "calls": args.calls, "versions": versions()}
    if "startup" in parts:
        log("== python: import and construction")
        result["startup"] = bench_startup(args)
    if "workload" in parts or "split" in parts or "memory" in parts:
        sb = Sandbox(args.sandbox)
        try:
            log("== python: seeding the sandbox")
            seeded = seed(sb)
            if "workload" in parts:
                log(f"== python: {args.calls}-call workload, wheel vs httpx vs requests")
                result["workload"] = bench_workload(args, sb, seeded)
            if "split" in parts:
                log("== python: where a wheel call's time goes, per operation")
                result["split"] = bench_split(args, sb, seeded)
            if "memory" in parts:
                log(f"== python: wheel client RSS over {args.memory_calls} calls")
                result["memory"] = bench_memory(args, sb, seeded)
        finally:
            sb.stop()
    if "validation" in parts:
        log("== python: validation")
        result["validation"] = bench_validation(args)
    text = json.dumps(result, indent=2)
    if args.json:
        pathlib.Path(args.json).write_text(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
