"""Fixtures of the browser test: the sandbox binary, the example app against it, a page server on
another origin, and headless Chromium (Debian's chromium and chromium-driver) driven by Selenium.

The sandbox binary is AIRBYTE_SANDBOX_BIN (scripts/test-widget sets it to the one cargo built),
else target/debug/airbyte-embedded-sandbox. A failing test leaves a screenshot of each of its
steps, and of where it failed, in target/widget-screenshots/<test>/.
"""

from __future__ import annotations

import http.cookiejar
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
import uuid
from typing import Iterator, Optional

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

HERE = pathlib.Path(__file__).resolve().parent
APP_DIR = HERE.parent
ROOT = APP_DIR.parents[1]
SANDBOX_BIN = os.environ.get(
    "AIRBYTE_SANDBOX_BIN", str(ROOT / "target" / "debug" / "airbyte-embedded-sandbox")
)
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
SCREENSHOTS = ROOT / "target" / "widget-screenshots"
#: Upper bound of every wait for the page to reach a state, in seconds (a bound, not a timing).
WAIT_SECS = 20


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Sandbox:
    """One `airbyte-embedded-sandbox --port 0` process and the admin routes the test reads."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [SANDBOX_BIN, "--port", "0", "--check-duration-ms", "200"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        first = self.proc.stdout.readline().strip()
        assert first.startswith("listening on "), f"sandbox said {first!r}"
        self.base_url = first.split()[-1]
        self.root = self.base_url.rsplit("/api/v1", 1)[0]
        creds = dict(self.proc.stdout.readline().strip().split(": ", 1) for _ in range(8))
        self.client_id = creds["client_id"]
        self.client_secret = creds["client_secret"]

    @property
    def widget_origin(self) -> str:
        """Where the sandbox serves its widget page: its port on localhost (the API is on
        127.0.0.1, another origin, as the real widget and API are)."""
        return self.root.replace("://127.0.0.1:", "://localhost:")

    def requests(self) -> list:
        with urllib.request.urlopen(f"{self.root}/_sandbox/requests", timeout=10) as r:
            return json.loads(r.read())

    def clear_requests(self) -> None:
        request = urllib.request.Request(f"{self.root}/_sandbox/requests", method="DELETE")
        urllib.request.urlopen(request, timeout=10).close()


class App:
    """The example app (`app.py --port 0 --setup`) against the sandbox."""

    def __init__(self, sandbox: Sandbox) -> None:
        env = dict(
            os.environ,
            AIRBYTE_API_URL=sandbox.base_url,
            AIRBYTE_CLIENT_ID=sandbox.client_id,
            AIRBYTE_CLIENT_SECRET=sandbox.client_secret,
            PYTHONUNBUFFERED="1",
        )
        env.pop("AIRBYTE_ORGANIZATION_ID", None)
        self.proc = subprocess.Popen(
            [sys.executable, str(APP_DIR / "app.py"), "--port", "0", "--setup"],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.proc.stdout is not None
        line = ""
        for line in self.proc.stdout:
            if line.startswith("listening on "):
                break
        assert line.startswith("listening on "), f"the app did not start (last line {line!r})"
        self.url = line.split()[2]
        # The app's remaining output goes on being read so that its pipe never fills.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def widget_token(self, customer: str) -> str:
        """Signs `customer` in without a browser and asks the app for a widget token."""
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        form = f"customer={urllib.request.quote(customer)}".encode()
        opener.open(urllib.request.Request(f"{self.url}/login", data=form), timeout=10).close()
        request = urllib.request.Request(
            f"{self.url}/api/widget-token",
            data=b"{}",
            headers={"content-type": "application/json"},
        )
        with opener.open(request, timeout=10) as r:
            return json.loads(r.read())["token"]


class ForeignSite:
    """A page server on another origin than the app: another port of 127.0.0.1. It serves
    tests/foreign.html and the app's static/embed.js."""

    FILES = {"/foreign.html": HERE / "foreign.html", "/embed.js": APP_DIR / "static" / "embed.js"}

    def __init__(self) -> None:
        files = self.FILES

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                path = files.get(self.path.split("?", 1)[0])
                if path is None:
                    self.send_error(404)
                    return
                body = path.read_bytes()
                self.send_response(200)
                kind = "text/html" if path.suffix == ".html" else "text/javascript"
                self.send_header("content-type", f"{kind}; charset=utf-8")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    s = Sandbox()
    yield s
    stop(s.proc)


@pytest.fixture(scope="session")
def app(sandbox: Sandbox) -> Iterator[App]:
    a = App(sandbox)
    yield a
    stop(a.proc)


@pytest.fixture(scope="session")
def foreign() -> Iterator[ForeignSite]:
    site = ForeignSite()
    yield site
    site.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="widget-test-chromium-")
    options = Options()
    options.binary_location = CHROMIUM
    for flag in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,1000",
        f"--user-data-dir={profile}",
    ]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


class Steps:
    """Screenshots of a test's steps, kept in memory and written only when the test fails."""

    def __init__(self, driver: webdriver.Chrome) -> None:
        self.driver = driver
        self.shots: list[tuple[str, bytes]] = []

    def shot(self, label: str) -> None:
        self.shots.append((label, self.driver.get_screenshot_as_png()))

    def write(self, test_name: str) -> pathlib.Path:
        folder = SCREENSHOTS / test_name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        try:
            self.shot("at-failure")
        except Exception:  # the browser itself may be what failed
            pass
        for n, (label, png) in enumerate(self.shots, 1):
            (folder / f"{n:02d}-{label}.png").write_bytes(png)
        return folder


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.stash[FAILED] = report.failed


FAILED = pytest.StashKey[bool]()


@pytest.fixture
def steps(request: pytest.FixtureRequest, browser: webdriver.Chrome) -> Iterator[Steps]:
    s = Steps(browser)
    yield s
    browser.switch_to.default_content()
    if request.node.stash.get(FAILED, False):
        folder = s.write(request.node.name)
        print(f"\nscreenshots of {request.node.name}: {folder}", file=sys.stderr)


def wait(driver: webdriver.Chrome) -> WebDriverWait:
    return WebDriverWait(driver, WAIT_SECS)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def widget_state(driver: webdriver.Chrome) -> Optional[str]:
    """The widget's <body data-state> (the driver must be in the widget's frame)."""
    return driver.find_element("tag name", "body").get_attribute("data-state")
