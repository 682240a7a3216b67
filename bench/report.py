#!/usr/bin/env python3
"""Turns the JSON of rust-bench and python_bench.py, plus the footprint of the built libraries,
into bench/RESULTS.md: a summary of the issue's targets (met / not met) and a table per
section with medians, ranges (min–max over the repetitions) and ratios.

Standard library only. `bench/run` calls it; it never fails a build over a number:

    python3 bench/report.py --rust R.json --python P.json --release-dir target/release \
        --wheel W.whl --work target/bench [--core-validation V.txt] [--mode full] --out bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import zipfile
from typing import Any, Dict, List, Optional, Sequence, Tuple

MB = 1024 * 1024


# --- numbers -----------------------------------------------------------------------------


def med(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def spread(values: Sequence[float], fmt: str = "{:.1f}", unit: str = "") -> str:
    """`median (min–max)`, or just the value for a single repetition."""
    if not values:
        return "n/a"
    m = fmt.format(med(values)) + unit
    if len(values) == 1:
        return m
    return f"{m} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def paired(a: Sequence[float], b: Sequence[float]) -> List[float]:
    """Ratios a[i] / b[i] of the same repetition."""
    return [x / y for x, y in zip(a, b) if y]


def verdict(ok: Optional[bool]) -> str:
    return "n/a" if ok is None else ("**met**" if ok else "**not met**")


# --- machine -----------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total() -> str:
    try:
        for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / MB:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def command_version(cmd: List[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def loadavg() -> str:
    try:
        return " ".join(pathlib.Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


# --- footprint ---------------------------------------------------------------------------


def footprint(release: pathlib.Path, wheel: Optional[pathlib.Path], work: pathlib.Path) -> Dict[str, Any]:
    """Sizes: each cdylib as built and stripped (a stripped copy), the static library, the
    wheel as built and with its library stripped (size only)."""
    out: Dict[str, Any] = {}
    dest = work / "footprint"
    dest.mkdir(parents=True, exist_ok=True)
    for name in ["libairbyte_embedded_ffi.so", "libairbyte_embedded.so"]:
        src = release / name
        if not src.exists():
            continue
        copy = dest / name
        shutil.copyfile(src, copy)
        subprocess.run(["strip", str(copy)], check=True)
        out[name] = {"built": src.stat().st_size, "stripped": copy.stat().st_size}
    static = release / "libairbyte_embedded_ffi.a"
    if static.exists():
        copy = dest / static.name
        shutil.copyfile(static, copy)
        subprocess.run(["strip", "--strip-debug", str(copy)], check=True)
        out[static.name] = {"built": static.stat().st_size, "debug_stripped": copy.stat().st_size}
    if wheel is not None and wheel.exists():
        stripped_wheel = dest / ("stripped-lib-" + wheel.name)
        with zipfile.ZipFile(wheel) as zin, zipfile.ZipFile(stripped_wheel, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item)
                if item.filename.endswith(".so"):
                    lib = dest / "wheel-lib.so"
                    lib.write_bytes(data)
                    subprocess.run(["strip", str(lib)], check=True)
                    data = lib.read_bytes()
                zout.writestr(item, data)
        out["wheel"] = {"name": wheel.name, "built": wheel.stat().st_size, "lib_stripped": stripped_wheel.stat().st_size}
    return out


# --- sections ----------------------------------------------------------------------------


class Report:
    def __init__(self) -> None:
        self.lines: List[str] = []
        self.targets: List[Tuple[str, str, str]] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def target(self, what: str, measured: str, ok: Optional[bool]) -> None:
        self.targets.append((what, measured, verdict(ok)))


def median_ci(values: Sequence[float], fmt: str, unit: str) -> str:
    """`median (95 % CI lo to hi)`: the distribution-free confidence interval of the median, from
    the order statistics n/2 ± 1.96·√n/2."""
    if not values:
        return "n/a"
    if len(values) < 10:
        return spread(values, fmt, unit)
    v = sorted(values)
    n = len(v)
    d = 1.96 * math.sqrt(n) / 2
    lo, hi = v[max(0, int(n / 2 - d))], v[min(n - 1, math.ceil(n / 2 + d))]
    return f"{fmt.format(med(v))}{unit} (95 % CI {fmt.format(lo)} to {fmt.format(hi)})"


def rust_overhead(r: Report, rust: Dict[str, Any]) -> None:
    overhead = rust["overhead"]
    rows = overhead["rows"] if isinstance(overhead, dict) else overhead
    layer = overhead.get("sdk_layer") if isinstance(overhead, dict) else None
    r.add(
        "## Rust: SDK call vs hand-written `ureq` + `serde_json::Value`",
        "",
        f"{rust['reps']} repetitions of {rust['calls']} calls per side, interleaved (the side that goes "
        "first alternates); keep-alive on both sides; the sandbox is a separate process. "
        "p50/p99 are per-call wall times; CPU is the client thread's CPU time per call "
        "(`/proc/thread-self/schedstat`). Ratios are SDK/raw within each repetition, then the median "
        "and range over repetitions. The *by name* row reaches the same server as `localhost` from "
        "the SDK, as a deployment reaches `api.airbyte.ai`, and by IP from the raw client: the SDK "
        "keeps each host's addresses for its DNS cache TTL (30 s), where ureq alone looks the name up "
        "on every request.",
        "",
        "| call | response | SDK p50 µs | raw p50 µs | SDK/raw p50 | SDK p99 µs | raw p99 µs | SDK CPU µs/call (mean) | raw CPU µs/call (mean) | SDK/raw CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    for row in rows:
        s, w = row["sdk"], row["raw"]
        r.add(
            f"| {row['name']} | {row['bytes'] / 1024:.1f} KB | {spread(s['p50_us'])} | {spread(w['p50_us'])} "
            f"| **{spread(paired(s['p50_us'], w['p50_us']), '{:.2f}', '×')}** | {spread(s['p99_us'])} "
            f"| {spread(w['p99_us'])} | {spread(s['cpu_us'])} | {spread(w['cpu_us'])} "
            f"| {spread(paired(s['cpu_us'], w['cpu_us']), '{:.2f}', '×')} |"
        )
    floor = rows[0]
    if layer:
        cpu_delta, wall_delta = layer["cpu_delta_us"], layer["wall_p50_delta_us"]
        how = (
            f"{layer['blocks']} pairs of blocks of {layer['calls_per_block']} floor calls (a 53-byte body, "
            "so decoding costs nothing), SDK and raw alternating block by block so that changes in the "
            "machine's load hit both alike; per block the median per-call CPU and wall time, per pair "
            "of blocks the difference, then the median of the differences and its 95 % confidence "
            "interval:"
        )
    else:
        cpu_delta = [a - b for a, b in zip(floor["sdk"]["cpu_us"], floor["raw"]["cpu_us"])]
        wall_delta = [a - b for a, b in zip(floor["sdk"]["p50_us"], floor["raw"]["p50_us"])]
        how = "the floor call, per repetition, then the median (range):"
    r.add(
        "",
        "**SDK-layer work per call** (token cache, URL, headers, retry bookkeeping, rate-limit "
        "headers, status and error mapping) is the SDK's extra client CPU over the raw client on "
        + how,
        "",
        f"- client CPU: SDK − raw = **{median_ci(cpu_delta, '{:+.1f}', ' µs')}** per call "
        "(the estimate: CPU time leaves out the server and the waiting, the noisiest parts);",
        f"- wall clock: SDK p50 − raw p50 = {median_ci(wall_delta, '{:+.1f}', ' µs')} per call "
        "(the same within the noise of a ~100 µs round trip).",
        "",
    )
    named = next((x for x in rows if "by name" in x["name"] and "raw by IP" in x["name"]), None)
    if named:
        ratios = paired(named["sdk"]["p50_us"], named["raw"]["p50_us"])
        r.target(
            "By-name calls ≤ 1.05× raw ureq by IP (SDK by `localhost` / raw by 127.0.0.1, p50)",
            spread(ratios, "{:.2f}", "×"),
            med(ratios) <= 1.05,
        )
    one_kb = next((x for x in rows if x["name"].startswith("list") and x["bytes"] < 4096), None)
    fifty = next((x for x in rows if x["name"].startswith("list") and x["bytes"] > 30000), None)
    if one_kb:
        ratios = paired(one_kb["sdk"]["p50_us"], one_kb["raw"]["p50_us"])
        r.target(
            "Rust SDK call p50 ≤ 1.10× ureq + `Value` at 1 KB (list templates)",
            spread(ratios, "{:.2f}", "×"),
            med(ratios) <= 1.10,
        )
    if fifty:
        ratios = paired(fifty["sdk"]["p50_us"], fifty["raw"]["p50_us"])
        cpu = paired(fifty["sdk"]["cpu_us"], fifty["raw"]["cpu_us"])
        r.target(
            "Rust SDK call faster than ureq + `Value` at 50 KB (list templates)",
            f"p50 {spread(ratios, '{:.2f}', '×')}; client CPU {spread(cpu, '{:.2f}', '×')}",
            med(ratios) < 1.0,
        )
    r.target(
        "SDK-layer work ≤ 5 µs per call",
        f"{median_ci(cpu_delta, '{:+.1f}', ' µs')} client CPU; wall p50 Δ {med(wall_delta):+.1f} µs",
        med(cpu_delta) <= 5.0 if cpu_delta else None,
    )


def rust_concurrency(r: Report, rust: Dict[str, Any]) -> None:
    conc = rust["concurrency"]
    runs = conc["runs"]
    r.add(
        "## Rust: one client shared by threads",
        "",
        f"Each thread makes {runs[0]['calls_per_thread']} `GET /workspaces/stats` calls; every run "
        "builds new clients, so each client's first call requests its token. Configurations are "
        "interleaved within each repetition (order rotated). Token requests are counted by the "
        "sandbox. With 2 cores for client and server together, more threads mostly hide latency. "
        "On this virtual machine the 1- and 2-thread rates swing widely between repetitions (a lone "
        "round trip waits for idle vCPUs to wake, which is faster when other work keeps them busy): "
        "compare rows by their ranges.",
        "",
        "| threads | calls/s | token requests per run (expected) |",
        "|---|---:|---:|",
    )
    by_label = {}
    for run in runs:
        by_label[(run["threads"], run["clients"])] = run
        tokens = sorted(set(run["token_requests"]))
        r.add(
            f"| {run['label']} | {spread(run['calls_per_s'], '{:.0f}')} "
            f"| {', '.join(map(str, tokens))} ({run['clients']}) |"
        )
    e = conc["expiry"]
    r.add(
        "",
        f"**Token expiry**: {e['threads']} threads sharing one client for {e['elapsed_s']:.1f} s against a "
        f"sandbox whose operator tokens live {e['token_ttl_s']} s (the SDK refreshes a quarter of the "
        f"lifetime early, every {e['refresh_every_s']:.0f} s): {e['calls']} calls, {e['errors']} errors, "
        f"**{e['token_requests']} token requests** (expected ⌊elapsed / {e['refresh_every_s']:.0f} s⌋ + 1 = "
        f"{e['expected_token_requests']}).",
        "",
    )
    shared, split = by_label.get((8, 1)), by_label.get((8, 2))
    blocks = conc.get("paired")
    if blocks:
        ratios, control = blocks["ratios"], blocks["control"]
        below = sum(1 for x in ratios if x < 1.0)
        r.add(
            f"**8 threads on one client vs 2 clients × 4 threads, paired**: per repetition, on clients "
            f"built for it, {blocks['blocks_per_side']} blocks of each side alternating (A B B A …, "
            f"{blocks['calls_per_thread_per_block']} calls per thread per block), the ratio of the two "
            f"rates over their blocks: {spread(ratios, '{:.2f}', '×')}, {below} of {len(ratios)} "
            f"repetitions below 1.0. Control, one shared client against another shared client in the "
            f"same way (what the machine's noise alone gives): {spread(control, '{:.2f}', '×')}.",
            "",
        )
        r.target(
            "8 threads on one client ≥ 1.0× 2 clients × 4 threads in every repetition (paired blocks)",
            f"{spread(ratios, '{:.2f}', '×')}, {below} of {len(ratios)} below 1.0; "
            f"control (same configuration both sides) {spread(control, '{:.2f}', '×')}",
            min(ratios) >= 1.0,
        )
    elif shared and split:
        ratios = paired(shared["calls_per_s"], split["calls_per_s"])
        r.target(
            "8 threads on one client ≥ 1.0× 2 clients × 4 threads in every repetition",
            spread(ratios, "{:.2f}", "×"),
            min(ratios) >= 1.0,
        )
    two = by_label.get((2, 2))
    if shared and two:
        r.add(
            f"8 threads on one shared client vs 2 threads on 2 independent clients: "
            f"{spread(paired(shared['calls_per_s'], two['calls_per_s']), '{:.2f}', '×')}.",
            "",
        )
    one_each = all(set(run["token_requests"]) == {run["clients"]} for run in runs)
    r.target(
        "Exactly one token request per expiry",
        f"{e['token_requests']} for {e['expected_token_requests']} token lifetimes under 8 threads; "
        f"{'one per client in every run' if one_each else 'extra requests in some runs (see table)'}",
        e["token_requests"] == e["expected_token_requests"] and e["errors"] == 0 and one_each,
    )


#: The service's lifetimes, minus the SDK's 60 s refresh margin: operator tokens live 15 min,
#: scoped tokens 20 min; the fleet's template cache keeps a list 60 s.
OPERATOR_REFRESH_S = 900 - 60
SCOPED_REFRESH_S = 1200 - 60
CACHE_TTL_S = 60


def rust_fleet(r: Report, rust: Dict[str, Any]) -> None:
    f = rust.get("fleet")
    if not f:
        return
    alone, shared = f["alone"], f["shared"]
    store = (
        "one `RedisTokenStore` (a `redis-server` started by the bench; each worker its own connection)"
        if f["store"] == "redis"
        else "one `MemoryTokenStore` shared by the workers (no `redis-server` was found)"
    )

    def per_hour(run: Dict[str, Any], key: str, sim_s: float, real_s: float) -> float:
        # Requests per simulated refresh period, times the real periods in an hour.
        return run[key] / (run["elapsed_s"] / sim_s) * (3600 / real_s)

    views_per_s = alone["page_views"] / alone["elapsed_s"]
    rows = [
        ("operator-token requests", "operator_token_requests", f["refresh_every_s"], OPERATOR_REFRESH_S),
        ("scoped-token requests", "scoped_token_requests", f["refresh_every_s"], SCOPED_REFRESH_S),
    ]
    r.add(
        "## Fleet: 20 workers behind one rate limit",
        "",
        f"{f['workers']} workers (one client each, standing for {f['workers']} backend processes) serve a "
        f"page view every {f['view_every_ms']} ms each for {alone['elapsed_s']:.0f} s, for {f['end_users']} end "
        "users in turn: each view gets the user's scoped token and lists source templates. Once with "
        "every worker on its own (its own memory store, no template cache), once sharing "
        f"{store} with the template cache on. The sandbox counts the requests. Time is compressed: "
        f"tokens live {f['token_ttl_s']} s (refreshed every {f['refresh_every_s']:.0f} s) and the cache keeps a "
        f"list {f['cache_ttl_s']:.0f} s; *per hour* scales the counts to the service's lifetimes (operator "
        f"tokens refreshed after {OPERATOR_REFRESH_S} s, scoped after {SCOPED_REFRESH_S} s) and a "
        f"{CACHE_TTL_S} s cache, at this run's {views_per_s:.0f} page views/s across the fleet. Short runs "
        "count each token's first mint, so the per-hour numbers run high.",
        "",
        "| requests | each worker alone: in the run | per hour | shared store + cache: in the run | per hour |",
        "|---|---:|---:|---:|---:|",
    )
    for label, key, sim, real in rows:
        r.add(
            f"| {label} | {alone[key]} | {per_hour(alone, key, sim, real):.0f} "
            f"| {shared[key]} | {per_hour(shared, key, sim, real):.1f} |"
        )
    lists_alone_h = alone["template_list_requests"] / alone["elapsed_s"] * 3600
    lists_shared_h = per_hour(shared, "template_list_requests", f["cache_ttl_s"], CACHE_TTL_S)
    r.add(
        f"| template-list requests | {alone['template_list_requests']} (one per page view) | {lists_alone_h:.0f} "
        f"| {shared['template_list_requests']} | {lists_shared_h:.0f} |",
        "",
    )
    lifetimes = math.floor(shared["elapsed_s"] / f["refresh_every_s"]) + 1
    ttls = math.floor(shared["elapsed_s"] / f["cache_ttl_s"]) + 1
    r.target(
        "Fleet of 20 on a shared store: one operator-token and one scoped-token request per token lifetime "
        "across the fleet, one template list per cache TTL",
        f"operator {shared['operator_token_requests']} for {lifetimes} lifetimes (alone: "
        f"{alone['operator_token_requests']}); scoped {shared['scoped_token_requests']} for "
        f"{f['end_users']} users × {lifetimes} (alone: {alone['scoped_token_requests']}); lists "
        f"{shared['template_list_requests']} for {ttls} TTLs (alone: {alone['template_list_requests']})",
        shared["operator_token_requests"] <= lifetimes
        and shared["scoped_token_requests"] <= f["end_users"] * lifetimes
        and shared["template_list_requests"] <= ttls,
    )


def memory_rows(label: str, m: Dict[str, Any], before_key: str) -> Tuple[str, float]:
    samples = [s for s in m["rss_kib"] if s is not None]
    if not samples:
        return f"| {label} | n/a | n/a | n/a | n/a |", float("nan")
    growth = (samples[-1] - samples[0]) / 1024
    band = (max(samples) - min(samples)) / 1024
    base = m.get(before_key)
    base_txt = f"{base / 1024:.1f} MiB" if base else "n/a"
    return (
        f"| {label} | {base_txt} | {samples[0] / 1024:.1f} MiB | {samples[-1] / 1024:.1f} MiB "
        f"| {growth:+.2f} MiB (band {band:.2f} MiB over {len(samples)} samples) |",
        max(abs(growth), band),
    )


def memory(r: Report, rust: Dict[str, Any], py: Optional[Dict[str, Any]]) -> None:
    m = rust["memory"]
    r.add(
        "## Client memory over many calls",
        "",
        f"Each in a process of its own holding one client (the sandbox runs in another process and is "
        f"not counted): RSS before the client exists, after {m['warmup_calls']} warm-up calls, and "
        f"every {m['sample_every']} calls over {m['calls']} more. Rust mixes stats, the 1 KB and 50 KB "
        "template lists and a source; Python runs the 1 KB workload below.",
        "",
        "| client | RSS before the client | after warm-up | after all calls | change (band) |",
        "|---|---:|---:|---:|---:|",
    )
    line, worst = memory_rows("Rust SDK", m, "rss_before_client_kib")
    r.add(line)
    py_worst = None
    if py and "memory" in py:
        line, py_worst = memory_rows("Python wheel (interpreter and import included)", py["memory"], "rss_after_import_kib")
        r.add(line)
    r.add("")
    if m.get("peak_rss_kib"):
        r.add(f"Rust peak RSS (VmHWM): {m['peak_rss_kib'] / 1024:.1f} MiB.", "")
    measured = f"Rust: {worst:.2f} MiB over {m['calls']} calls"
    if py_worst is not None:
        measured += f"; Python wheel: {py_worst:.2f} MiB"
    r.target(
        "Client RSS flat (±1 MB) across 10,000 calls",
        measured,
        None if worst != worst else (worst <= 1.0 and (py_worst is None or py_worst <= 1.0)),
    )


def python_workload(r: Report, py: Dict[str, Any]) -> None:
    w = py["workload"]
    r.add(
        "## Python: the wheel vs `httpx.Client` and `requests.Session`",
        "",
        f"One run = {py['calls']} calls in turn: mint a scoped token, list source templates, get a "
        "source, read the next workspaces page (following `next`). Clients are built and warmed once "
        f"per size; {py['reps']} repetitions, the three clients interleaved (order rotated). The "
        "hand-written clients fetch the operator token once, send the same headers, and call "
        "`raise_for_status()` and `.json()` on every response; the wheel returns typed records, and "
        "its source config (JSON text by design) is `json.loads`-ed so all three end with the same "
        "Python objects. Ratios are wheel/other within each repetition.",
        "",
        "| size | wheel calls/s | httpx calls/s | requests calls/s | wheel/httpx | wheel/requests | HTTP requests per run (wheel, httpx, requests) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    )
    for size, d in w.items():
        c = d["calls_per_s"]
        reqs = ", ".join(str(int(med(d["http_requests_per_run"][k]))) for k in ["wheel", "httpx", "requests"])
        r.add(
            f"| {size} | {spread(c['wheel'], '{:.0f}')} | {spread(c['httpx'], '{:.0f}')} | {spread(c['requests'], '{:.0f}')} "
            f"| **{spread(paired(c['wheel'], c['httpx']), '{:.2f}', '×')}** "
            f"| **{spread(paired(c['wheel'], c['requests']), '{:.2f}', '×')}** | {reqs} |"
        )
    r.add("", "Response sizes (median bytes, per operation):", "")
    r.add("| size | " + " | ".join(next(iter(w.values()))["response_bytes"]) + " |")
    r.add("|---|" + "---:|" * len(next(iter(w.values()))["response_bytes"]))
    for size, d in w.items():
        r.add(f"| {size} | " + " | ".join(f"{v / 1024:.1f} KB" for v in d["response_bytes"].values()) + " |")
    r.add("")
    targets = [("1 KB", "httpx", 2.5), ("50 KB", "httpx", 1.5), ("1 KB", "requests", 3.5)]
    for size, other, want in targets:
        if size in w:
            ratios = paired(w[size]["calls_per_s"]["wheel"], w[size]["calls_per_s"][other])
            r.target(
                f"Python wheel ≥ {want}× the calls/s of `{'httpx.Client' if other == 'httpx' else 'requests.Session'}` at {size}",
                spread(ratios, "{:.2f}", "×"),
                med(ratios) >= want,
            )


def python_split(r: Report, py: Dict[str, Any]) -> None:
    """Where a wheel call's time goes, per operation (`python_bench.py`'s `split` part)."""
    split = py.get("split")
    if not split:
        return
    r.add(
        "## Python: where a wheel call's time goes",
        "",
        "Each operation of the workload alone, one series of calls per client (wheel, then httpx). "
        "*In the library* is the time inside the call into `libairbyte_embedded` (the HTTP round "
        "trip, the server's time, parsing the JSON in Rust, writing the result buffer); *Python* is "
        "the rest of the wheel call (arguments, handles, reading the result into records, and the "
        "benchmark's `json.loads` of the source config). *Client CPU* is the calling thread's CPU "
        "time, *server CPU* the sandbox's (all its threads) per request: both clients wait for it. "
        "*Reading the result* is the time to turn one result buffer into records: with the "
        "generated converters (what the wheel did before its compiled readers) and with the "
        "wheel's compiled readers (`_readers`), on the same bytes. µs per call.",
        "",
        "| size | operation | wheel wall | in the library | Python | wheel client CPU | httpx wall | httpx client CPU "
        "| server CPU (wheel, httpx) | reading the result: generated → compiled |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    for size, rows in split.items():
        for op, row in rows.items():
            w, h = row["wheel"], row["httpx"]
            lift = row.get("lift_us")
            lifted = "—"
            if lift and "compiled" in lift:
                lifted = f"{lift['generated']:.0f} → {lift['compiled']:.0f} ({lift['generated'] / lift['compiled']:.1f}×)"
            elif lift:
                lifted = f"{lift['generated']:.0f}"
            r.add(
                f"| {size} | {op} | {w['wall_us']:.0f} | {w['library_us']:.0f} | {w['wall_us'] - w['library_us']:.0f} "
                f"| {w['cpu_us']:.0f} | {h['wall_us']:.0f} | {h['cpu_us']:.0f} "
                f"| {w['server_cpu_us']:.0f}, {h['server_cpu_us']:.0f} | {lifted} |"
            )
    r.add("")
    for size, rows in split.items():
        server = sum(row["httpx"]["server_cpu_us"] for row in rows.values())
        wheel = sum(row["wheel"]["cpu_us"] for row in rows.values())
        httpx = sum(row["httpx"]["cpu_us"] for row in rows.values())
        r.add(
            f"- {size}, one call of each operation: client CPU wheel {wheel:.0f} µs, httpx {httpx:.0f} µs; "
            f"the sandbox's CPU {server:.0f} µs, which every client waits for (with no client CPU at "
            f"all, a client could be at most {(httpx + server) / server:.2f}× httpx on these calls)."
        )
    r.add("")


def python_startup(r: Report, py: Dict[str, Any]) -> None:
    s = py["startup"]
    r.add(
        "## Python: import and client construction",
        "",
        "Import and first construction are timed inside a fresh interpreter (interpreter start-up "
        "excluded), once per repetition ×2, interleaved; warm construction is the median of many "
        "constructions in one process (`close()`d after). The wheel's client fetches no token at "
        "construction, nor do the others.",
        "",
        "| client | import ms | first construction ms | warm construction µs |",
        "|---|---:|---:|---:|",
    )
    names = {"wheel": "wheel `OperatorClient`", "httpx": "`httpx.Client()`", "requests": "`requests.Session()`"}
    for k, d in s.items():
        r.add(
            f"| {names.get(k, k)} | {spread(d['import_ms'])} | {spread(d['construct_ms'], '{:.2f}')} "
            f"| {spread(d['warm_construct_us'])} |"
        )
    r.add("")


def validation(r: Report, rust: Dict[str, Any], py: Optional[Dict[str, Any]]) -> None:
    def key(row: Dict[str, Any]) -> Tuple[str, str]:
        return row["spec"], row.get("case", "")

    rows = {key(row): row for row in rust["validation"]}
    prow = {key(row): row for row in (py or {}).get("validation", []) if "bytes" in row}
    floor = next((row["us"]["wheel"] for row in (py or {}).get("validation", []) if "bytes" not in row), None)
    direct_floor = next(
        (row["us"].get("direct") for row in (py or {}).get("validation", []) if "bytes" not in row), None
    )
    r.add(
        "## Validation: warm, per fixture spec",
        "",
        "Each spec in `tests/fixtures/specs/` with the first valid case (without options) of its "
        "`tests/fixtures/cases/` file, and for Postgres also the valid case with the longest config. "
        "Rust: `validate_source_config` with the spec cached (hashing the spec included), "
        "`Spec::validate` on a `Spec` the caller keeps (*held*: no hashing per call), and the first "
        "validation after `clear_spec_cache()` (which compiles). Python: the wheel's "
        "`validate_source_config` (which takes the spec as JSON text on every call, so its time "
        "includes parsing and hashing that text), and `Spec.validate` on a `Spec(spec_text)` made "
        "once (*held spec*: the config is the only text that crosses), each with the config already "
        "JSON text and with `json.dumps` of a dict in the timed call; `jsonschema.Draft7Validator(schema)` "
        "built once, then `iter_errors`; `fastjsonschema.compile(schema)` once, then called (both on the "
        "config dict). Mean µs per validation, median (range) over repetitions. Both wheel columns "
        "include uniffi's Python-side conversions"
        + (f"; an empty call into the wheel (`secret_mask()`: no argument, a 10-character string back) costs "
           f"{spread(floor, '{:.1f}')} µs, the floor of any call." if floor else "."),
        "",
        "| spec (case) | size | Rust warm µs | Rust held µs | Rust first µs | wheel µs | wheel + dumps µs "
        "| held spec µs | held spec + dumps µs | jsonschema µs | fastjsonschema µs | jsonschema / held spec "
        "| fastjsonschema / held spec |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    notes: List[str] = []
    for k, row in rows.items():
        p = prow.get(k, {}).get("us", {})
        js = p.get("jsonschema", [])
        held = p.get("held", [])
        fast = p.get("fastjsonschema", [])
        r.add(
            f"| {k[0]} ({k[1]}) | {row['bytes'] / 1024:.1f} KB | {spread(row['warm_us'], '{:.2f}')} "
            f"| {spread(row.get('held_us', []), '{:.2f}')} | {spread(row['first_us'], '{:.0f}')} "
            f"| {spread(p.get('wheel', []))} | {spread(p.get('wheel_dumps', []))} "
            f"| {spread(held)} | {spread(p.get('held_dumps', []))} | {spread(js)} | {spread(fast)} "
            f"| {med(js) / med(held):.2f}× | "
            + (f"{med(fast) / med(held):.2f}× |" if fast else "n/a |")
        )
        notes += [f"{k[0]}: {n}" for n in prow.get(k, {}).get("notes", [])]
    r.add("")
    for n in dict.fromkeys(notes):
        r.add(f"- {n}")
    if notes:
        r.add("")
    yes_no = [k for k in rows if prow.get(k, {}).get("us", {}).get("is_valid")]
    if yes_no:
        r.add(
            "**Yes/no answers** (is the config valid?), on the same specs and configs: the held "
            "spec's `is_valid_text` (the config as JSON text; one direct call into the library, "
            "`bindings/python/python/airbyte_embedded/_spec.py`) and `is_valid` (a dict, written "
            "with `json.dumps` in the call), jsonschema's `is_valid` and fastjsonschema's compiled "
            "function (which answers by returning or raising). Mean µs per answer, median (range)."
            + (
                f" The direct call's own cost, `is_valid_text(\"{{}}\")` on a spec that only asks for an "
                f"object, is {spread(direct_floor, '{:.2f}')} µs: no answer through it takes less."
                if direct_floor
                else ""
            ),
            "",
            "| spec (case) | Rust held µs | held `is_valid_text` µs | held `is_valid` (dict) µs "
            "| jsonschema `is_valid` µs | fastjsonschema µs | jsonschema / `is_valid_text` "
            "| fastjsonschema / `is_valid_text` |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        )
        for k in yes_no:
            p = prow[k]["us"]
            fast = p.get("fastjsonschema", [])
            r.add(
                f"| {k[0]} ({k[1]}) | {spread(rows[k].get('held_us', []), '{:.2f}')} "
                f"| {spread(p['is_valid'])} | {spread(p.get('is_valid_dumps', []))} "
                f"| {spread(p.get('jsonschema_is_valid', []))} | {spread(fast)} "
                f"| {med(p['jsonschema_is_valid']) / med(p['is_valid']):.2f}× | "
                + (f"{med(fast) / med(p['is_valid']):.2f}× |" if fast else "n/a |")
            )
        r.add("")
    first_max = max(med(row["first_us"]) for row in rows.values())
    held_rust = {k: med(row["held_us"]) for k, row in rows.items() if row.get("held_us")}
    if held_rust:
        worst = max(held_rust, key=held_rust.get)
        r.target(
            "Validation with a held spec: Rust ≤ 3 µs warm on every fixture",
            f"{sum(v <= 3 for v in held_rust.values())} of {len(held_rust)} fixture cases ≤ 3 µs; "
            f"max {held_rust[worst]:.2f} µs ({worst[0]}, {worst[1]}); through `validate_source_config` "
            f"(hashing the spec) max {max(med(row['warm_us']) for row in rows.values()):.2f} µs",
            held_rust[worst] <= 3.0,
        )
    r.target("First validation (compile) ≤ 1 ms", f"max over specs {first_max:.0f} µs", first_max <= 1000)
    measured = [k for k in rows if k in prow and prow[k]["us"].get("held")]
    if not measured:
        return
    held_py = [med(prow[k]["us"]["held"]) for k in measured]

    def show(items: List[Tuple[Tuple[str, str], float]], goal: float) -> str:
        low = min(items, key=lambda x: x[1])
        return (
            f"{sum(x[1] >= goal for x in items)} of {len(items)} fixture cases; "
            f"lowest {low[1]:.2f}× ({low[0][0]}), highest {max(x[1] for x in items):.2f}×"
        )

    def against(ours: str, js_key: str, question: str, js_label: str, ours_label: str, note: str) -> None:
        """The two targets (10× jsonschema, 1× fastjsonschema) for the timings `ours`, on every
        fixture case that has them."""
        keys = [k for k in measured if prow[k]["us"].get(ours)]

        def ratios(other: str) -> List[Tuple[Tuple[str, str], float]]:
            return [
                (k, med(prow[k]["us"][other]) / med(prow[k]["us"][ours]))
                for k in keys
                if prow[k]["us"].get(other)
            ]

        if not keys:
            return
        js, fast = ratios(js_key), ratios("fastjsonschema")
        r.target(
            f"Python held spec ≥ 10× python `jsonschema` on every fixture case: {question} "
            f"(`{ours_label}` / {js_label})",
            show(js, 10.0) + note,
            all(x[1] >= 10 for x in js),
        )
        if fast:
            r.target(
                f"Python held spec ≥ 1× `fastjsonschema` on every fixture case: {question} "
                f"(fastjsonschema µs / `{ours_label}` µs)",
                show(fast, 1.0) + note,
                all(x[1] >= 1.0 for x in fast),
            )

    floor_text = ""
    if floor:
        f = med(floor)
        floor_text = (
            f"; the held spec takes {min(held_py):.1f}–{max(held_py):.1f} µs, "
            f"{min(held_py) / f:.1f}–{max(held_py) / f:.1f}× the uniffi floor of {f:.1f} µs (an empty call)"
        )
    against("held", "jsonschema", "the validated config", "`iter_errors`", "Spec.validate", floor_text)
    direct = [med(prow[k]["us"]["is_valid"]) for k in measured if prow[k]["us"].get("is_valid")]
    if direct:
        direct_text = f"; `is_valid_text` takes {min(direct):.2f}–{max(direct):.2f} µs"
        against(
            "is_valid", "jsonschema_is_valid", "yes/no", "jsonschema `is_valid`", "Spec.is_valid_text", direct_text
        )


def footprint_section(r: Report, f: Dict[str, Any], profile: str) -> None:
    which = (
        "The `dist` profile the libraries ship in (fat LTO, one codegen unit, opt-level \"s\"; "
        "bench/SIZE.md, written by `bench/size`, measures each step and where the bytes go)."
        if profile == "dist"
        else f"The `{profile}` profile (a smoke run: the shipped libraries are built in `dist`)."
    )
    r.add(
        "## Footprint",
        "",
        f"{which} Stripped sizes are of copies (`strip`); the built files are untouched. "
        f"The wheel is built by `maturin build --profile {profile}` (maturin's `--strip` would "
        "remove the uniffi metadata that binding generation reads); its size with the library "
        "stripped afterwards is given for reference.",
        "",
        "| artefact | as built | stripped |",
        "|---|---:|---:|",
    )
    worst = None
    for name in ["libairbyte_embedded_ffi.so", "libairbyte_embedded.so"]:
        if name in f:
            d = f[name]
            what = "C ABI cdylib" if "ffi" in name else "uniffi cdylib: Python, Kotlin, Swift"
            r.add(f"| `{name}` ({what}) | {d['built'] / MB:.2f} MB | **{d['stripped'] / MB:.2f} MB** |")
            worst = max(worst or 0, d["stripped"])
    if "libairbyte_embedded_ffi.a" in f:
        d = f["libairbyte_embedded_ffi.a"]
        r.add(f"| `libairbyte_embedded_ffi.a` (static) | {d['built'] / MB:.2f} MB | {d['debug_stripped'] / MB:.2f} MB (`strip --strip-debug`) |")
    if "wheel" in f:
        d = f["wheel"]
        r.add(f"| `{d['name']}` | {d['built'] / MB:.2f} MB | {d['lib_stripped'] / MB:.2f} MB (library stripped) |")
    r.add("", "MB = 2^20 bytes.", "")
    if worst is not None:
        r.target("Stripped cdylib ≤ 6 MB", f"{worst / MB:.2f} MB (the larger of the two)", worst <= 6 * MB)
    if "wheel" in f:
        size = f["wheel"]["lib_stripped"]
        r.target("Python wheel ≤ 3 MB", f"{size / MB:.2f} MB (its library stripped)", size <= 3 * MB)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rust", required=True)
    p.add_argument("--python")
    p.add_argument("--release-dir", required=True)
    p.add_argument("--wheel")
    p.add_argument("--lib-profile", default="release")
    p.add_argument("--work", required=True)
    p.add_argument("--core-validation")
    p.add_argument("--mode", default="full")
    p.add_argument("--load-start", default="unknown")
    p.add_argument("--load-end", default="")
    p.add_argument("--elapsed", default="")
    p.add_argument("--out", required=True)
    a = p.parse_args()

    rust = json.loads(pathlib.Path(a.rust).read_text())
    py = json.loads(pathlib.Path(a.python).read_text()) if a.python and pathlib.Path(a.python).exists() else None
    fp = footprint(pathlib.Path(a.release_dir), pathlib.Path(a.wheel) if a.wheel else None, pathlib.Path(a.work))

    r = Report()
    rust_overhead(r, rust)
    rust_concurrency(r, rust)
    rust_fleet(r, rust)
    if py:
        python_workload(r, py)
        python_split(r, py)
        python_startup(r, py)
    validation(r, rust, py)
    footprint_section(r, fp, a.lib_profile)
    memory(r, rust, py)
    if a.core_validation and pathlib.Path(a.core_validation).exists():
        r.add(
            "## Appendix: `cargo bench -p airbyte-embedded --bench validation`",
            "",
            "```text",
            pathlib.Path(a.core_validation).read_text().rstrip(),
            "```",
            "",
        )

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    versions = (py or {}).get("versions", {})
    head = [
        "# Benchmark results",
        "",
        f"Written by `bench/run{' --quick' if a.mode == 'quick' else ''}` on {now}"
        + (f" in {a.elapsed}" if a.elapsed else "")
        + ". How to reproduce and what each number means: [README.md](README.md). Benchmarks never "
        "pass or fail anything; *met / not met* compares the medians with the targets of issues 7 and 14.",
        "",
    ]
    if a.mode == "quick":
        head += ["> **Quick mode** (1 repetition, few calls): a smoke run, not a measurement.", ""]
    head += [
        "> **Noise.** This machine (2 cores) is shared with other work: other builds and test suites may "
        f"run alongside, so numbers move by ±20 % or more from run to run (load average {a.load_start} at the start, "
        f"{a.load_end or loadavg()} at the end). Runs are interleaved and repeated; read the ranges, not only the medians.",
        "",
        "| machine | |",
        "|---|---|",
        f"| CPU | {cpu_model()} × {os.cpu_count()} (nproc) |",
        f"| memory | {mem_total()} |",
        f"| OS | {platform.system()} {platform.release()} |",
        f"| Rust | {command_version(['rustc', '-V'])} |",
        f"| Python | {versions.get('python', platform.python_version())}; "
        + ", ".join(f"{k} {v}" for k, v in versions.items() if k != "python")
        + " |",
        f"| repetitions | Rust {rust['reps']} × {rust['calls']} calls; Python {py['reps'] if py else '-'} × {py['calls'] if py else '-'} calls |",
        "",
        "## Targets",
        "",
        "| target (issues 7, 14) | measured: median (range) | |",
        "|---|---|---|",
    ]
    head += [f"| {w} | {m} | {v} |" for w, m, v in r.targets]
    head += [
        "",
        "The issue's reference numbers were measured against nginx (keep-alive floor ≈ 100 µs). "
        "Here the server is the sandbox, whose own time per request (routing, JSON, recording) is "
        "part of every round trip and shrinks every client-side ratio towards 1.",
        "",
    ]
    pathlib.Path(a.out).write_text("\n".join(head + r.lines).rstrip() + "\n")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
