"""Live-meeting load benchmark (issue 3): a room of phones posting notes, a projector and a facilitator's
console against the app served by uvicorn, as in production. Prints ONE JSON line. Not a test; see
bench/README.md.

    .venv/bin/python bench/live_load.py                                   # 1000 phones, 3 notes each, 60 s
    .venv/bin/python bench/live_load.py --phones 50 --notes 2 --window 10  # a quick look
    .venv/bin/python bench/live_load.py --workers 2 --redis --baseline
    .venv/bin/python bench/live_load.py --phones 200 --drop 0.2          # a layer that loses pushes

A note counts as lost when the database lacks it or a screen (projector, console) never shows it; the worst
convergence is the longest time from the server's answer to the phone until the last screen showed it.
"""

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import _data, _echo, _server  # noqa: E402
from bench._clients import Phone, Room  # noqa: E402
from bench._http import http_clients  # noqa: E402
from bench._machine import (  # noqa: E402
    client_cpu_seconds,
    loop_lag,
    machine_busy_seconds,
    raise_fd_limit,
    run_async,
    start_profiler,
    wait_idle,
)
from bench._report import pct, report  # noqa: E402

now = time.monotonic


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    p.add_argument("--phones", type=int, default=1000, help="phones in the room (default 1000)")
    p.add_argument("--notes", type=int, default=3, help="notes per phone (default 3)")
    p.add_argument(
        "--window", type=float, default=60, help="seconds over which the notes are posted (default 60)"
    )
    p.add_argument(
        "--workers", type=int, default=1, help="uvicorn worker processes (default 1; >1 needs --redis)"
    )
    p.add_argument(
        "--redis", action="store_true", help="Redis channel layer and cache (redis://127.0.0.1:6379)"
    )
    p.add_argument(
        "--redis-db", type=int, default=15, help="Redis database number; EMPTIED at start and end (15)"
    )
    p.add_argument(
        "--database-url",
        help="PostgreSQL server to use, e.g. postgres://postgres@127.0.0.1:5432/postgres:\n"
        "a fresh database is created beside the one named and dropped afterwards\n"
        "(default: a fresh SQLite file in a temporary directory)",
    )
    p.add_argument(
        "--sqlite-dir",
        metavar="DIR",
        help="where the fresh SQLite file goes (default: a temporary\n"
        "directory under $TMPDIR; /dev/shm takes the disk's fsync out of the figures)",
    )
    p.add_argument("--port", type=int, default=0, help="port for uvicorn (default: a free one)")
    p.add_argument(
        "--ws",
        default="websockets-sansio",
        choices=["websockets-sansio", "websockets", "wsproto"],
        help="uvicorn websocket implementation (default websockets-sansio; wsproto needs installing)",
    )
    p.add_argument(
        "--steps", type=int, default=6, help="facilitator next/previous presses after the window (6)"
    )
    p.add_argument("--join-concurrency", type=int, default=20, help="phones joining at the same time (20)")
    p.add_argument(
        "--http-connections", type=int, default=50, help="connections per HTTP client pool (4 pools)"
    )
    p.add_argument(
        "--baseline", action="store_true", help="also run a bare websocket echo and report the ratio"
    )
    p.add_argument("--profile", metavar="DIR", help="py-spy each server process during the window into DIR")
    p.add_argument(
        "--wait-idle",
        type=float,
        default=0,
        metavar="S",
        help="first wait up to S seconds for the machine to be idle (a shared machine skews figures)",
    )
    p.add_argument(
        "--dump", metavar="CSV", help="write every note's timings (s from the window start) to CSV"
    )
    p.add_argument("--keep", action="store_true", help="keep the temporary directory (database, server log)")
    p.add_argument(
        "--drop",
        type=float,
        default=0,
        metavar="SHARE",
        help="discard this share (0-1) of the pushes in the server's channel layer; the screens must\n"
        "still show every note by catching up on their versions (default 0)",
    )
    args = p.parse_args(argv)
    if args.workers > 1 and not args.redis:
        p.error(
            "--workers > 1 needs --redis: the in-memory channel layer does not reach across processes, so a "
            "note posted to one worker would never reach a projector connected to another."
        )
    if args.phones < 1 or args.notes < 0 or args.window <= 0 or args.workers < 1:
        p.error("--phones and --workers must be at least 1, --notes at least 0, --window above 0")
    return args


async def run_room(args, base: str, meeting: _data.Meeting, profile, server_cpu) -> dict:
    http = http_clients(4, args.http_connections)
    room = Room(
        base=base,
        meeting=meeting,
        http=http,
        connections=args.http_connections,
        window=args.window,
        notes_per_phone=args.notes,
    )
    lag: list = []
    stop = asyncio.Event()
    lag_task = asyncio.ensure_future(loop_lag(lag, stop))
    out: dict = {}
    try:
        if not await room.console() or not await room.projector():
            return {"room": room, "lag": lag, "aborted": True}
        gate = asyncio.Semaphore(args.join_concurrency)

        async def join(n):
            phone = Phone(n)
            room.phones.append(phone)
            async with gate:
                await room.phone_join(phone)

        started = now()
        try:
            await asyncio.wait_for(
                asyncio.gather(*(join(n) for n in range(args.phones))), max(120, args.phones * 0.3)
            )
        except TimeoutError:
            room.error("join_phase_timeout")
        out["join_s"] = round(now() - started, 1)
        room.spawn(room.pinger())
        await asyncio.sleep(2)  # the hello-fetches of the last phones settle
        if profile:
            profile(args.window + 20)
        start = out["window_start"] = now() + 0.5
        lag.clear()
        cpu = server_cpu(), client_cpu_seconds(), machine_busy_seconds()
        try:
            await asyncio.wait_for(
                asyncio.gather(*(room.phone_notes(p, start) for p in room.phones if p.alive)),
                args.window + 90,
            )
        except TimeoutError:
            room.error("notes_phase_timeout")
        out["posting_s"] = round(now() - start, 1)
        await room.drain(15)
        out["server_cpu_s"] = round(server_cpu() - cpu[0], 1)
        out["client_cpu_s"] = round(client_cpu_seconds() - cpu[1], 1)
        # everything else the machine did meanwhile: Redis, PostgreSQL, and anything not ours
        out["other_cpu_s"] = round(
            machine_busy_seconds() - cpu[2] - out["server_cpu_s"] - out["client_cpu_s"], 1
        )
        out["cpu_window_s"] = round(now() - start, 1)
        out["lag_window"] = sorted(lag)
        next_ms, projector_ms, step_cpu_ms, step_fetches = [], [], [], []
        cpu_steps = server_cpu()
        for i in range(args.steps):
            await asyncio.sleep(1)
            forward = i % 2 == 0
            position = meeting.position + (1 if forward else 0)
            pressed, fetches_before = server_cpu(), room.mine_fetches
            phones, projector = await room.step(
                i, "next" if forward else "previous", f"Onderdeel {position} van {meeting.total}"
            )
            await room.mine_settled(30)
            step_cpu_ms.append(round((server_cpu() - pressed) * 1000))
            step_fetches.append(room.mine_fetches - fetches_before)
            if phones is not None:
                next_ms.append(phones)
            if projector is not None:
                projector_ms.append(projector)
        await room.mine_settled(30)  # the phones' requests for their own part count in the step
        out.update(
            next_ms=next_ms,
            projector_next_ms=projector_ms,
            server_cpu_per_step_ms=round((server_cpu() - cpu_steps) / max(1, args.steps) * 1000),
            phone_mine_fetches_per_step=round(room.mine_fetches / max(1, args.steps), 1),
            server_cpu_steps_ms=step_cpu_ms,
            phone_mine_fetches_steps=step_fetches,
        )
        await asyncio.sleep(0.5)
        out.update(room=room, lag=lag, aborted=False)
        return out
    finally:
        stop.set()
        await room.close_all()
        lag_task.cancel()
        for client in http:
            await client.aclose()


def _timeout(signum, frame):
    raise TimeoutError("the benchmark went over its time cap")


LOAD_BEFORE = None


def main(argv=None) -> int:
    global LOAD_BEFORE
    args = parse_args(argv)
    waited = wait_idle(args.wait_idle) if args.wait_idle else 0
    LOAD_BEFORE = round(os.getloadavg()[0], 2)
    began = now()
    raise_fd_limit(args.phones * 2 + 1024)
    cap = max(120, args.phones * 0.3) + args.window + 90 + 15 + args.steps * 32 + 300
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(int(cap * (2 if args.baseline else 1)))
    tmp = Path(tempfile.mkdtemp(prefix="allin-bench-"))
    pg_name = None
    if args.database_url:
        database_url, pg_name = _server.postgres_fresh(args.database_url)
    else:
        sqlite_dir = (
            Path(tempfile.mkdtemp(prefix="allin-bench-", dir=args.sqlite_dir)) if args.sqlite_dir else tmp
        )
        database_url = f"sqlite:///{sqlite_dir / 'bench.sqlite3'}"
    redis_url = f"redis://127.0.0.1:6379/{args.redis_db}" if args.redis else None
    env = _server.app_env(database_url=database_url, redis_url=redis_url)
    os.environ.update({k: v for k, v in env.items() if k.startswith(("ALLIN_", "DJANGO_"))})
    if not redis_url:
        os.environ.pop("ALLIN_REDIS_URL", None)
    port = args.port or _server.free_port()
    base = f"http://{_server.HOST}:{port}"
    result: dict = {}
    server = None
    profilers: list = []
    try:
        if redis_url:
            _server.flush_redis(redis_url)
        _server.migrate(env)
        meeting = _data.setup(base_url=base + "/")
        if args.drop:
            env["ALLIN_BENCH_DROP"] = str(args.drop)
        server = _server.Server(
            app="bench.drop_asgi:application" if args.drop else "allin.asgi:application",
            port=port,
            workers=args.workers,
            ws=args.ws,
            env=env,
            log_path=tmp / "server.log",
        )
        server.start()

        def profile(seconds):
            profilers.extend(start_profiler(server, Path(args.profile), seconds))

        out = run_async(run_room(args, base, meeting, profile if args.profile else None, server.cpu_seconds))
        server.mark_end()
        out["peak_worker_rss_mb"] = server.peak_worker_rss_mb()
        server.stop()
        result = report(args, meeting, out, server, LOAD_BEFORE)
        server = None
        if args.baseline:
            result.update(baseline(args, env, tmp, result))
    except Exception as exc:  # noqa: BLE001  (still one JSON line, and the server is stopped below)
        traceback.print_exc()
        result = {"phones": args.phones, "failed": f"{type(exc).__name__}: {exc}"}
        if server is not None:
            print(server.log_tail(), file=sys.stderr)
    finally:
        if server is not None:
            server.stop()
        for proc in profilers:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
        if pg_name:
            try:
                from django.db import connections

                connections.close_all()
                _server.postgres_drop(args.database_url, pg_name)
            except Exception as exc:  # noqa: BLE001
                print(f"could not drop the benchmark database {pg_name}: {exc}", file=sys.stderr)
        if redis_url:
            try:
                _server.flush_redis(redis_url)
            except Exception:  # noqa: BLE001  (a cleanup; the figures are what matter)
                pass
        signal.alarm(0)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
            if not args.database_url and args.sqlite_dir:
                shutil.rmtree(Path(database_url.removeprefix("sqlite:///")).parent, ignore_errors=True)
        else:
            print(f"kept {tmp}", file=sys.stderr)
    result["duration_s"] = round(now() - began, 1)
    if waited:
        result["waited_idle_s"] = waited
    print(json.dumps(result))
    return 0 if result.get("lost") == 0 and result.get("errors") == 0 else 1


def baseline(args, env, tmp: Path, result: dict) -> dict:
    """The same load on a bare ASGI echo served by the same uvicorn command line."""
    port = _server.free_port()
    echo = _server.Server(
        app="bench.echo_asgi:app",
        port=port,
        workers=args.workers,
        ws=args.ws,
        env=env,
        log_path=tmp / "echo.log",
    )
    try:
        echo.start(ready_path="/")
        figures = run_async(
            _echo.run(
                ws_url=f"ws://{_server.HOST}:{port}/echo",
                origin=f"http://{_server.HOST}:{port}",
                sockets=args.phones,
                per_socket=args.notes,
                window=args.window,
            )
        )
    finally:
        echo.stop()
    notes_per_s = result.get("notes_per_s")
    rate = figures["msgs_per_s"]
    return {
        "baseline_msgs_per_s": round(rate, 1),
        "baseline_p50_ms": pct(figures["latencies"], 50),
        "baseline_p95_ms": pct(figures["latencies"], 95),
        "baseline_errors": figures["errors"],
        "ratio": round(notes_per_s / rate, 3) if notes_per_s and rate else None,
    }


if __name__ == "__main__":
    sys.exit(main())
