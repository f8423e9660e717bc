"""Starting and stopping the server under test: uvicorn in its own process group, as production runs it."""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
_VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(_VENV_PYTHON) if _VENV_PYTHON.exists() else sys.executable
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def app_env(*, database_url: str, redis_url: str | None) -> dict:
    """The environment for the server and for the benchmark's own Django: same database and channel layer."""
    env = dict(os.environ)
    env.setdefault(
        "ALLIN_SECRET_KEY", "bench-" + secrets.token_urlsafe(40)
    )  # DEBUG off needs a key of its own
    env.update(
        DJANGO_SETTINGS_MODULE="allin.settings",
        ALLIN_DATABASE_URL=database_url,
        ALLIN_DEBUG="0",
        ALLIN_ALLOWED_HOSTS="127.0.0.1,localhost",
        ALLIN_LOG_LEVEL="WARNING",
        # Every simulated phone comes from 127.0.0.1: lift the per-address limits of allin/live/room.py.
        ALLIN_LIVE_JOINS_PER_ADDRESS_PER_MINUTE="1000000",
        ALLIN_LIVE_NOTES_PER_ADDRESS_PER_MINUTE="1000000",
        PYTHONUNBUFFERED="1",
    )
    if redis_url:
        env["ALLIN_REDIS_URL"] = redis_url
    else:
        env.pop("ALLIN_REDIS_URL", None)
    return env


def migrate(env: dict) -> None:
    done = subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py migrate failed:\n{done.stdout}\n{done.stderr}")


def postgres_fresh(url: str) -> tuple[str, str]:
    """A new empty database beside the one `url` names (which is left alone): (its URL, its name)."""
    import secrets
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = f"allin_bench_{secrets.token_hex(4)}"
    with psycopg.connect(
        urlunsplit(parts._replace(scheme="postgresql", path="/postgres")), autocommit=True
    ) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), name


def postgres_drop(url: str, name: str) -> None:
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(
        urlunsplit(parts._replace(scheme="postgresql", path="/postgres")), autocommit=True
    ) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def flush_redis(url: str) -> None:
    import redis

    client = redis.Redis.from_url(url, socket_timeout=5)
    try:
        client.flushdb()
    finally:
        client.close()


class Server:
    """uvicorn serving `app` with `workers` processes on 127.0.0.1:`port`. Always stop() it (try/finally)."""

    def __init__(self, *, app: str, port: int, workers: int, ws: str, env: dict, log_path: Path):
        self.app, self.port, self.workers, self.ws, self.env, self.log_path = (
            app,
            port,
            workers,
            ws,
            env,
            log_path,
        )
        self.proc: subprocess.Popen | None = None
        self._log = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def command(self) -> list[str]:
        return [
            PYTHON,
            "-m",
            "uvicorn",
            self.app,
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
            "--ws",
            self.ws,
            "--lifespan",
            "off",
            "--no-access-log",
            "--log-level",
            "warning",
            "--backlog",
            "4096",
            "--timeout-graceful-shutdown",
            "5",
        ]

    def start(self, ready_path: str = "/healthz", timeout: float = 60) -> None:
        self._log = open(self.log_path, "ab")  # noqa: SIM115  (closed in stop())
        self.proc = subprocess.Popen(
            self.command(),
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        last_error = None
        with httpx.Client(timeout=5) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"uvicorn exited with {self.proc.returncode}:\n{self.log_tail()}")
                try:
                    if client.get(self.base + ready_path).status_code == 200:
                        return
                except httpx.HTTPError as exc:
                    last_error = exc
                time.sleep(0.2)
        raise RuntimeError(
            f"uvicorn did not answer {ready_path} within {timeout}s ({last_error}):\n{self.log_tail()}"
        )

    def pids(self) -> list[int]:
        """The uvicorn process and its worker processes (for py-spy)."""
        if self.proc is None:
            return []
        found = [self.proc.pid]
        try:
            children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
            found += [int(c) for c in children]
        except OSError:
            pass
        return found

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server's processes."""
        total = 0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        return total / os.sysconf("SC_CLK_TCK")

    def peak_worker_rss_mb(self) -> float | None:
        """The largest peak resident memory (VmHWM) of one worker: uvicorn's own process with one worker,
        each worker process (not the supervisor) with more."""
        pids = self.pids()
        workers = pids[1:] or pids
        peaks = []
        for pid in workers:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return round(max(peaks), 1) if peaks else None

    def mark_end(self) -> None:
        """The measurement is over: what the server logs while it is being stopped is not held against it."""
        try:
            self._measured_bytes = self.log_path.stat().st_size
        except OSError:
            self._measured_bytes = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)  # our own process group (start_new_session)
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
            except ProcessLookupError:
                pass
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def log_errors(self) -> dict:
        """What went wrong on the server, from its log (it runs at WARNING, so anything logged is a problem):
        {"events": errors logged, "kinds": {final exception line: count}}."""
        try:
            data = self.log_path.read_bytes()
        except OSError:
            return {"events": 0, "kinds": {}}
        limit = getattr(self, "_measured_bytes", None)
        lines = data[:limit].decode(errors="replace").splitlines()
        # uvicorn's "ERROR: Exception in ASGI application" and the like; Django's "Internal Server Error"
        # lines are left out: each is a 500 that a client already counted
        events = sum(1 for line in lines if line.startswith("ERROR"))
        kinds: dict = {}
        for i, line in enumerate(lines):
            # a traceback's last line: "module.Error: message" at the margin, then a blank line or the end
            if _EXCEPTION_LINE.match(line) and (i + 1 == len(lines) or not lines[i + 1].startswith(" ")):
                following = next((x for x in lines[i + 1 : i + 4] if x.strip()), "")
                if following.startswith(("The above exception", "During handling")):
                    continue  # a cause: the exception it led to is counted
                key = line[:120]
                kinds[key] = kinds.get(key, 0) + 1
        return {"events": events, "kinds": kinds}


_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Timeout)\w*(:|$)")
