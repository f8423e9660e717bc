"""Throwaway Redis and PostgreSQL servers for a benchmark: each in its own folder under the run's temporary
directory, on a free port of 127.0.0.1, never the machine's own services. Both can be stopped and started again
(the fault suite restarts them mid-meeting) and are always torn down by `close()`, also after a failure."""

import os
import pwd
import signal
import subprocess
import time
from pathlib import Path

from ._server import HOST, free_port

PG_BIN = Path(os.environ.get("ALLIN_BENCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
# initdb refuses to run as root; as root the cluster belongs to this unprivileged account instead
PG_USER = os.environ.get("ALLIN_BENCH_PG_USER", "postgres")


def _wait(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception as exc:  # noqa: BLE001  (not up yet: try again)
            last = exc
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up within {timeout}s ({last})")


class Redis:
    """`redis-server` without persistence: a restart loses every key, as a Redis without a disk does."""

    def __init__(self, tmp: Path):
        self.port = free_port()
        self.dir = tmp / "redis"
        self.dir.mkdir()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def ping(self) -> bool:
        import redis

        client = redis.Redis(host=HOST, port=self.port, socket_timeout=1, socket_connect_timeout=1)
        try:
            return bool(client.ping())
        finally:
            client.close()

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                HOST,
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
                "--logfile",
                str(self.dir / "redis.log"),
                "--maxclients",
                "10000",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl+C in the terminal reaches the benchmark, which stops this
        )
        _wait(self.ping, 20, "redis-server")

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    close = stop


class Postgres:
    """A PostgreSQL 15 cluster of its own (trust authentication on 127.0.0.1 only), run by an unprivileged
    account when the benchmark runs as root."""

    def __init__(self, tmp: Path):
        self.port = free_port()
        self.dir = tmp / "pg"
        self.dir.mkdir()
        self.data = self.dir / "data"
        self.log = self.dir / "postgres.log"
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam(PG_USER)
            os.chown(self.dir, account.pw_uid, account.pw_gid)
            self.prefix = ["runuser", "-u", PG_USER, "--"]
        self.started = False

    @property
    def url(self) -> str:
        return f"postgres://postgres@{HOST}:{self.port}/postgres"

    def _run(self, *command, timeout: float = 120) -> None:
        with open(self.dir / "commands.log", "ab") as out:
            done = subprocess.run(
                [*self.prefix, *command],
                cwd=self.dir,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                start_new_session=True,  # the postmaster it leaves behind is not in the terminal's group
            )
        if done.returncode != 0:
            tail = (self.dir / "commands.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{Path(command[0]).name} failed ({done.returncode}):\n{tail}")

    def init(self) -> None:
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-instructions",
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses={HOST}"
        self._run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "90",
            "start",
        )
        self.started = True

    def stop(self, mode: str = "fast") -> None:
        """`fast` ends every session at once (their transactions roll back), as a restart by an operator does."""
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")
        self.started = False

    def close(self) -> None:
        if not self.data.exists():
            return
        try:
            self.stop("immediate")
        except Exception:  # noqa: BLE001  (already down, or pg_ctl stuck: kill the postmaster by its pid file)
            pid_file = self.data / "postmaster.pid"
            try:
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)
            except (OSError, ValueError, IndexError):
                pass
