"""Browser tests: the real ASGI app (HTTP and websockets) under uvicorn, driven by Playwright and Debian's
chromium.

- The server is a subprocess on a free 127.0.0.1 port with its own SQLite file, migrated first.
  pytest-django's live_server cannot be used: it is WSGI and has no websockets. The test process never
  touches the server's database itself; `seed` writes each test's data through a subprocess
  (tests/e2e/seed.py) with the same settings.
- Server and browser live as long as this package's tests (package scope), so they are gone before the rest
  of the suite runs its own event loops.
- Without /usr/bin/chromium (or axe-core from npm, see axe.py) the e2e tests are skipped and the run ends with
  a loud line saying so; with CI=true a missing chromium or axe-core fails them instead.
- Screenshots of each step go to test-artifacts/e2e/<test>/ (ignored by git), and of every open page when a
  test fails; the server's log is copied to test-artifacts/e2e/server.log.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "e2e"
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")  # Debian's; E2E_CHROMIUM only to try another
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000  # any single wait in a browser test
SERVER_START_S = 30
# The server a production set-up uses (README), one worker; the app module adds static files (server_app.py).
UVICORN = ["-m", "uvicorn", "tests.e2e.server_app:application", "--host", "127.0.0.1", "--lifespan", "off"]
UVICORN += ["--no-access-log", "--log-level", "warning"]
_SELECTED = pytest.StashKey[int]()
_REPORTS = pytest.StashKey[dict]()


def _in_ci():
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _missing():
    """Why the browser tests cannot run here, or None."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"chromium not found at {CHROMIUM} — install Debian's chromium (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is missing — pip install -e '.[dev]'"
    from .axe import missing as axe_missing  # axe-core from npm: every visited page is checked with it

    return axe_missing()


# ---- collection and the loud summary ----------------------------------------------------------------------


@pytest.hookimpl(trylast=True)  # after -m / -k deselection, so only tests that would run are counted
def pytest_collection_modifyitems(config, items):
    e2e = [item for item in items if item.get_closest_marker("e2e")]
    config.stash[_SELECTED] = len(e2e)
    reason = _missing()
    if not e2e or reason is None or _in_ci():
        return  # in CI the `browser` fixture fails them instead
    for item in e2e:
        item.add_marker(pytest.mark.skip(reason=f"E2E NOT RUN: {reason}"))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    count = config.stash.get(_SELECTED, 0)
    reason = _missing()
    if not count or reason is None:
        return
    if _in_ci():
        line = f"E2E FAILED: {reason}; CI=true, so {count} browser tests fail"
    else:
        line = f"E2E NOT RUN: {reason}; {count} browser tests skipped"
    terminalreporter.write_sep("!", line, red=True, bold=True)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


# ---- the server -------------------------------------------------------------------------------------------


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, base_url, env):
        self.base_url = base_url
        self.env = env

    def url(self, path):
        return self.base_url + path

    def seed(self):
        """A fresh workspace, facilitator and ALL-IN process in the server's database (see seed.py)."""
        return self.run_seed("tests.e2e.seed", "E2E-SEED", timeout=60)

    def run_seed(self, module, marker, *, timeout=120):
        """Runs a seed module with the server's settings (so it writes the server's database) and returns the
        JSON it prints after `marker`."""
        done = subprocess.run(
            [sys.executable, "-m", module],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        for line in done.stdout.splitlines():
            if line.startswith(marker + " "):
                return json.loads(line.removeprefix(marker + " "))
        raise RuntimeError(f"seeding failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@pytest.fixture(scope="package")
def artifacts():
    # Never emptied as a whole: another run in the same checkout may be writing here. Each test clears its own
    # folder when it starts.
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="package")
def e2e_server(tmp_path_factory, artifacts):
    database = tmp_path_factory.mktemp("e2e-db") / "allin-e2e.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALLIN_")}
    env.update(
        DJANGO_SETTINGS_MODULE="allin.settings",
        PYTHONUNBUFFERED="1",
        ALLIN_DATABASE_URL=f"sqlite:///{database}",  # an absolute path: sqlite:////tmp/…
        ALLIN_DEBUG="0",
        ALLIN_SECRET_KEY=os.environ["ALLIN_SECRET_KEY"],  # tests/testenv.py
        ALLIN_ALLOWED_HOSTS="127.0.0.1,localhost",
        ALLIN_LOG_LEVEL="WARNING",
    )
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert migrate.returncode == 0, f"migrate failed:\n{migrate.stdout}\n{migrate.stderr}"

    log_path = database.parent / "server.log"  # copied to test-artifacts/e2e/server.log at the end
    log = open(log_path, "w")  # closed below
    process = base_url = None
    for _attempt in range(3):  # another process may take the free port before uvicorn binds it
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        process = subprocess.Popen(
            [sys.executable, *UVICORN, "--port", str(port)],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        if _wait_until_up(process, base_url):
            break
        _stop(process)
    else:
        log.close()
        shutil.copy(log_path, artifacts / "server.log")
        pytest.fail(f"the e2e server did not start; see {artifacts / 'server.log'}", pytrace=False)
    try:
        yield Server(base_url, env)
    finally:
        _stop(process)
        log.close()
        shutil.copy(log_path, artifacts / "server.log")


def _wait_until_up(process, base_url):
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def seed(e2e_server):
    return e2e_server.seed()


# ---- the browser ------------------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser():
    reason = _missing()
    if reason is not None:
        if _in_ci():
            pytest.fail(f"E2E FAILED: {reason} (CI=true)", pytrace=False)
        pytest.skip(f"E2E NOT RUN: {reason}")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_context(browser, request, artifacts):
    """Open browser contexts (each its own cookies: a laptop, a phone); closed after the test. When the test
    fails, every open page is screenshotted first."""
    contexts = []

    def make(**options):
        options.setdefault("locale", "nl-NL")
        options.setdefault("timezone_id", "Europe/Amsterdam")
        options.setdefault("viewport", {"width": 1280, "height": 860})
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    reports = request.node.stash.get(_REPORTS, {})
    failed = any(report.failed for report in reports.values())
    for n, context in enumerate(contexts):
        if failed:
            for m, page in enumerate(context.pages):
                try:
                    page.screenshot(
                        path=_test_dir(request) / f"failure-{n}-{m}.png", full_page=True, timeout=5000
                    )
                except Exception:  # a crashed page has nothing to show
                    pass
        context.close()


def _test_dir(request, fresh=False):
    folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    if fresh:
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shot(request, artifacts):
    """shot(page, "name") saves test-artifacts/e2e/<test>/<nn>-name.png: what the suite saw, step by step."""
    folder = _test_dir(request, fresh=True)
    counter = iter(range(1, 1000))

    def take(page, name):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{next(counter):02d}-{name}.png", full_page=True)

    return take
