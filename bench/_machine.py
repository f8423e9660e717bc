"""The machine the benchmark runs on: CPU accounting, waiting for quiet, file limits, py-spy, event loop."""

import asyncio
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

now = time.monotonic


def raise_fd_limit(need: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < need:
        resource.setrlimit(
            resource.RLIMIT_NOFILE, (min(need, hard) if hard != resource.RLIM_INFINITY else need, hard)
        )


def machine_busy_seconds() -> float:
    """CPU time the whole machine spent busy so far (all processes, all cores), from /proc/stat."""
    try:
        fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    except OSError:
        return 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def client_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def wait_idle(limit: float, busy_below: float = 0.25, calm_for: float = 10) -> float:
    """Wait (at most `limit` s) until the machine has been less than `busy_below` busy for `calm_for` s;
    returns the seconds waited."""
    began = now()
    calm_since = now()
    last, last_t = machine_busy_seconds(), now()
    while now() - began < limit:
        time.sleep(1)
        busy, t = machine_busy_seconds(), now()
        share = (busy - last) / ((t - last_t) * (os.cpu_count() or 1))
        last, last_t = busy, t
        if share >= busy_below:
            calm_since = t
        elif t - calm_since >= calm_for:
            break
    return round(now() - began, 1)


def start_profiler(server, directory: Path, seconds: float) -> list:
    beside = Path(sys.executable).parent / "py-spy"  # the venv's bin, where pip puts it
    py_spy = str(beside) if beside.exists() else (shutil.which("py-spy") or "py-spy")
    directory.mkdir(parents=True, exist_ok=True)
    procs = []
    for pid in server.pids():
        procs.append(
            subprocess.Popen(
                [
                    py_spy,
                    "record",
                    "--pid",
                    str(pid),
                    "--duration",
                    str(int(seconds)),
                    "--rate",
                    "200",
                    "--gil",
                    "--format",
                    "raw",
                    "--nonblocking",
                    "--output",
                    str(directory / f"server-{pid}.txt"),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    return procs


def run_async(coro):
    try:
        import uvloop

        factory = uvloop.new_event_loop
    except ImportError:
        factory = None
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(coro)


async def loop_lag(samples: list, stop: asyncio.Event, tick: float = 0.05) -> None:
    """How late the client's own loop wakes up: large values mean the client, not the server, is the
    bottleneck."""
    while not stop.is_set():
        start = now()
        await asyncio.sleep(tick)
        samples.append(max(0.0, now() - start - tick) * 1000)
