"""Fault suite (issue 17 item 6): a live meeting on two uvicorn workers with a throwaway Redis and PostgreSQL,
and during it, one after another: a worker killed with SIGKILL, Redis restarted, PostgreSQL restarted, and 16
slow senders holding requests open. Prints a short summary and ONE JSON line. Not a test; see bench/README.md.

    .venv/bin/python bench/faults.py                 # 300 phones, 4 notes each over 150 s (6-7 minutes)
    .venv/bin/python bench/faults.py --short         # 30 phones, 3 notes over 60 s: does it work at all?
    .venv/bin/python bench/faults.py --phones 100 --notes 2 --window 90 --seed 7

Phones post through an outbox, as live-outbox.js does: a note keeps its client id until the server's own
answer (X-Live-Answer) says it is stored; no answer, a 5xx, a 429 or an answer that is not ours sends it again
with back-off (1 s doubling to --backoff-max, with jitter), and at once when the phone's websocket comes back or
a new note is written. Sockets reopen as live.js does (2, 4, 8 ... s). The projector screens follow the versions
as live.js does (bench/_screens.py).

Counted honestly: "stored" and duplicates come from PostgreSQL at the end, "shown" from what each projector
itself shows (its last whole stage plus everything appended since), never from the phones' answers.
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import _data, _server  # noqa: E402
from bench._clients import Phone, Room  # noqa: E402
from bench._data import MARKER  # noqa: E402
from bench._http import cookie_header, http_clients  # noqa: E402
from bench._machine import client_cpu_seconds, machine_busy_seconds, raise_fd_limit, run_async  # noqa: E402
from bench._report import pct  # noqa: E402
from bench._screens import Screen  # noqa: E402
from bench._services import Postgres, Redis  # noqa: E402

now = time.monotonic
FAULTS = ("kill_worker", "restart_redis", "restart_postgres", "slow_senders")
FULL = {"phones": 300, "notes": 4, "window": 150.0, "slow_seconds": 40.0}
SHORT = {"phones": 30, "notes": 3, "window": 60.0, "slow_seconds": 12.0}
SCREEN_POLL_S = 2.0  # live.js SCREEN_POLL_MS
TARGETS = {"lost": 0, "duplicates": 0, "converge_s": 5.0, "healthz_p95_ms": 200}


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    p.add_argument("--phones", type=int, help="phones in the room (300)")
    p.add_argument("--notes", type=int, help="notes per phone (4)")
    p.add_argument(
        "--window",
        type=float,
        help="seconds over which the notes are written (150); the four faults start at 1/5, 2/5,\n"
        "3/5 and 4/5 of it, each after the previous one ended",
    )
    p.add_argument("--seed", type=int, default=17, help="random seed for the moments notes are written (17)")
    p.add_argument(
        "--screens", type=int, default=2, help="projector screens (2; the worker of the first is killed)"
    )
    p.add_argument("--slow", type=int, default=16, help="slow senders (16)")
    p.add_argument(
        "--slow-seconds",
        type=float,
        help="how long the slow senders keep sending one byte a second at most (40; the app's\n"
        "ALLIN_BODY_SECONDS, 30 by default, should drop them first)",
    )
    p.add_argument("--down", type=float, default=2, help="seconds Redis and PostgreSQL stay down (2)")
    p.add_argument(
        "--post-timeout",
        type=float,
        default=300,
        help="seconds a phone waits for the answer to a post before it counts as none (300: the\n"
        "outbox's fetch sets no limit of its own; a browser gives up after about 5 minutes)",
    )
    p.add_argument(
        "--backoff-max",
        type=float,
        default=30,
        help="longest wait between resends of a note (30 s, as live-outbox.js)",
    )
    p.add_argument("--join-concurrency", type=int, default=20, help="phones joining at the same time (20)")
    p.add_argument(
        "--short",
        action="store_true",
        help="a check that it works: 30 phones, 3 notes over 60 s, slow senders for 12 s",
    )
    p.add_argument("--keep", action="store_true", help="keep the temporary directory (logs of every server)")
    args = p.parse_args(argv)
    # --short changes the defaults only: what is given on the command line stays
    defaults = SHORT if args.short else FULL
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.phones < 1 or args.notes < 1 or args.window < 20 or args.screens < 1:
        p.error("--phones, --notes and --screens must be at least 1, --window at least 20")
    return args


# ---- the server under test ------------------------------------------------------------------------------------
class Workers(_server.Server):
    """The production command (README.md, docs/operations.md): one port, uvicorn's supervisor with two worker
    processes sharing its socket. A killed worker is replaced by the supervisor; meanwhile the kernel hands every
    new connection to the worker that is left."""

    def command(self) -> list[str]:
        return [
            _server.PYTHON,
            "-m",
            "uvicorn",
            self.app,
            "--host",
            _server.HOST,
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
            "--ws-max-size",
            "4096",
            "--ws-ping-interval",
            "20",
            "--ws-ping-timeout",
            "20",
            "--timeout-keep-alive",
            "5",
            "--timeout-graceful-shutdown",
            "20",
            "--no-access-log",
            "--log-level",
            "warning",
            "--backlog",
            "4096",
        ]

    def worker_pids(self) -> list[int]:
        return [pid for pid in self.pids()[1:] if "multiprocessing" in _cmdline(pid)]

    def worker_of(self, client_port: int) -> int | None:
        """The worker process holding the server side of the connection from 127.0.0.1:`client_port`."""
        inode = None
        want_local, want_remote = f"{self.port:04X}", f"{client_port:04X}"
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()
            if (
                fields[1].endswith(":" + want_local)
                and fields[2].endswith(":" + want_remote)
                and fields[9] != "0"  # a closed connection waiting out TIME_WAIT belongs to no process
            ):
                inode = fields[9]
                break
        if inode is None:
            return None
        target = f"socket:[{inode}]"
        for pid in self.worker_pids():
            try:
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                        return pid
            except OSError:
                continue
        return None


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


# ---- the room ---------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class Written:
    """A note a person wrote on a phone: it stays in the phone's outbox until the server says it is stored."""

    marker: str
    client_id: str
    text: str
    category: str
    phone: int
    written: float
    stored_at: float = 0.0  # our answer (200 with the note in it)
    attempts: int = 0
    answers: list = field(default_factory=list)
    refused: int = 0  # a 4xx other than 429: the phone gives up, as the outbox does for a refusal


class FaultRoom(Room):
    """bench/_clients.Room with what a bad network needs: phones and projectors that reconnect, an outbox per
    phone, and screens whose current view is kept."""

    def __init__(self, *, backoff_max: float, post_timeout: float, **kwargs):
        super().__init__(**kwargs)
        self.backoff_max, self.post_timeout = backoff_max, post_timeout
        self.written: dict[str, Written] = {}
        self.outboxes: dict[int, list] = {}
        self.wake: dict[int, asyncio.Event] = {}
        self.views: dict[str, set] = {}
        self.first_seen: dict[str, dict] = {}
        self.reconnects = {"phones": 0, "screens": 0}
        self.projector_sockets: dict[str, object] = {}

    @staticmethod
    def reconnect_delay(failures: int) -> float:
        """live.js: a phone's dropped socket is opened again after 2, 4, 8 ... s, at most 30 s (failures >= 1)."""
        return min(30.0, 2.0 ** min(failures, 5))

    @staticmethod
    def screen_reconnect_delay(failures: int) -> float:
        """live.js: a projector's or console's socket after 1, 2, 4 s, then every 5 s (failures >= 1)."""
        return min(5.0, 2.0 ** (min(failures, 5) - 1))

    async def _poll_while_closed(self, screen, closed: asyncio.Event) -> None:
        """live.js polls a big screen's stage every 2 s while its socket is down."""
        while not closed.is_set() and not self.closing:
            await asyncio.sleep(SCREEN_POLL_S)
            if not closed.is_set():
                screen.catch_up()

    # ---- screens: what each projector shows now ------------------------------------------------------------
    def _shown(self, name):
        def on_marker(marker, at):
            self.views[name].add(marker)
            self.first_seen[name].setdefault(marker, at)

        return on_marker

    def screen_op(self, name, op, at):
        if op.get("op") == "stage":  # a whole stage replaces what the screen showed
            self.views[name] = set(MARKER.findall(op.get("html", "")))

    def screen_body(self, name, body, at):
        # a whole stage fetched (deltas come as JSON and are only added): it replaces what the screen showed
        self.views[name] = set(MARKER.findall(body))

    async def run_projector(self, k: int) -> None:
        """One projector for the whole meeting: it reconnects when its socket drops, as live.js does, and catches
        up on "hello"."""
        m, name = self.meeting, f"projector{k}"
        self.views[name], self.first_seen[name] = set(), {}
        screen = self.screens[name] = Screen(
            self, name, f"/p/{m.code}/{m.projector_key}/stand/", {}, self._shown(name)
        )
        self.spawn(screen.quiet())
        failures, first = 0, True
        polling = None
        while not self.closing:
            ws = await self.open_socket(f"/ws/live/{m.code}/projector/{m.projector_key}/", {}, kind=name)
            if ws is None:
                failures += 1
                if polling is None and not first:
                    polling = asyncio.Event()
                    self.spawn(self._poll_while_closed(screen, polling))
                await asyncio.sleep(self.screen_reconnect_delay(failures))
                continue
            if polling is not None:
                polling.set()
                polling = None
            failures = 0
            self.projector_sockets[name] = ws
            if first:
                screen.fetch_stage()
                first = False
            await screen.read(ws)  # returns when the socket closes; its "hello" on the next one catches up
            if not self.closing:
                self.reconnects["screens"] += 1
                polling = asyncio.Event()
                self.spawn(self._poll_while_closed(screen, polling))
                await asyncio.sleep(self.screen_reconnect_delay(1))

    # ---- phones ----------------------------------------------------------------------------------------------
    async def _phone_reader(self, phone: Phone):
        """Read the phone's socket; when it drops, reconnect with back-off and flush the outbox on "hello"."""
        code = self.meeting.code
        failures = 0
        while not self.closing:
            if phone.ws is not None:
                phone.alive = True
                try:
                    async for message in phone.ws:
                        if '"hello"' in message or '"refresh"' in message:
                            self.fetch_stage(f"phone:{phone.n}", phone.n, f"/j/{code}/stand/", phone.cookies)
                            if '"hello"' in message:
                                self.wake_phone(phone.n)
                except Exception:  # noqa: BLE001  (any way the socket ends: reconnect below)
                    pass
                phone.alive = False
                if self.closing:
                    return
                self.reconnects["phones"] += 1
            failures += 1
            await asyncio.sleep(self.reconnect_delay(failures))
            phone.ws = await self.open_socket(f"/ws/live/{code}/phones/", phone.cookies, kind="phone")
            if phone.ws is not None:
                failures = 0

    async def pinger(self, every: float = 25) -> None:
        """live.js pings every 25 s; spread over that time, skipping phones whose socket is away just now."""
        while not self.closing:
            alive = [p for p in self.phones if p.alive]
            for phone in alive:
                if self.closing:
                    return
                ws = phone.ws
                if ws is not None and phone.alive:
                    try:
                        await ws.send('{"type":"ping"}')
                    except Exception:  # noqa: BLE001  (the reader reconnects it)
                        pass
                await asyncio.sleep(every / max(1, len(alive)))
            if not alive:
                await asyncio.sleep(1)

    def wake_phone(self, n: int) -> None:
        event = self.wake.get(n)
        if event is not None:
            event.set()

    async def phone_writes(self, phone: Phone, start: float, window: float, notes: int, rng: random.Random):
        m = self.meeting
        for moment in sorted(rng.uniform(0, window) for _ in range(notes)):
            delay = start + moment - now()
            if delay > 0:
                await asyncio.sleep(delay)
            marker = "bm" + uuid.UUID(int=rng.getrandbits(128)).hex[:16]
            note = Written(
                marker=marker,
                client_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                text=f"Post-it {marker} van telefoon {phone.n}",
                category=rng.choice(m.categories) if m.categories else "",
                phone=phone.n,
                written=now(),
            )
            self.written[marker] = note
            self.outboxes[phone.n].append(note)
            self.wake_phone(phone.n)

    async def phone_outbox(self, phone: Phone) -> None:
        """live-outbox.js: the oldest note first, one at a time. Only our answer (X-Live-Answer: 1) settles it:
        2xx stored, 429 or 5xx wait, another 4xx refused. No answer, or one that is not ours, waits too. A wait
        is 1, 2, 4 ... s up to --backoff-max (each between half and all of that), at least what Retry-After
        asks; a new note or the socket coming back starts again at once."""
        import httpx

        m = self.meeting
        box, wake = self.outboxes[phone.n], self.wake[phone.n]
        failures = 0
        while not self.closing:
            if not box:
                failures = 0
                wake.clear()
                await wake.wait()
                continue
            note = box[0]
            note.attempts += 1
            headers = {
                "Cookie": cookie_header(phone.cookies),
                "Origin": self.origin,
                "X-Live": "1",
                "X-CSRFToken": phone.cookies.get("csrftoken", ""),
            }
            data = {"activity": str(m.activity_pk), "client_id": note.client_id, "text": note.text}
            if note.category:
                data["category"] = note.category
            retry_after = 0.0
            try:
                async with self.gates[phone.n % len(self.gates)]:
                    response = await self.client(phone.n).post(
                        self.base + f"/j/{m.code}/post-it/",
                        headers=headers,
                        data=data,
                        timeout=self.post_timeout,
                    )
                status = response.status_code
                ours = response.headers.get("X-Live-Answer") == "1"
                if ours and (status == 429 or status >= 500):
                    try:
                        retry_after = float(response.headers.get("Retry-After") or 0)
                    except ValueError:
                        retry_after = 0.0
                if not ours:
                    status = f"{status}_not_ours"
            except httpx.HTTPError as exc:
                status, ours = type(exc).__name__, False
            note.answers.append((now(), status))
            if ours and 200 <= status < 300:
                note.stored_at = now()
                if note.marker not in response.text:
                    self.error("note_answer_without_the_note")
                box.pop(0)
                failures = 0
                continue
            if ours and status < 500 and status != 429:
                note.refused += 1
                self.error(f"note_refused_{status}")
                box.pop(0)
                failures = 0
                continue
            failures += 1
            base = min(self.backoff_max, 2.0 ** (failures - 1))
            wait = max(base / 2 + random.random() * base / 2, min(retry_after, 5 * self.backoff_max))
            wake.clear()
            try:  # cut short by a new note or the socket coming back, which also start the back-off again
                await asyncio.wait_for(wake.wait(), wait)
                failures = 0
            except TimeoutError:
                pass


# ---- the faults -------------------------------------------------------------------------------------------------
async def kill_worker(ctx) -> dict:
    server, room = ctx["server"], ctx["room"]
    ws = room.projector_sockets.get("projector0")
    victim = None
    if ws is not None:
        port = ws.local_address[1]
        victim = await asyncio.to_thread(server.worker_of, port)
    before = server.worker_pids()
    found = victim is not None
    victim = victim or before[0]
    began = now()
    os.kill(victim, signal.SIGKILL)
    # the supervisor notices and starts a new worker; it serves once Django is loaded
    replaced = None
    while now() - began < 120:
        pids = server.worker_pids()
        fresh = [p for p in pids if p not in before]
        if fresh and len(pids) >= len(before):
            replaced = fresh[0]
            break
        await asyncio.sleep(0.1)
    respawned = now()
    ready = await _served_by(server, replaced, ctx["probe_url"], deadline=began + 60) if replaced else None
    end = ready or respawned
    return {
        "began": began,
        "ended": end,
        "killed_pid": victim,
        "killed_the_projectors_worker": found,
        "respawn_s": round(respawned - began, 2),
        "new_worker_serving_s": round(ready - began, 2) if ready else None,
    }


async def _served_by(server, pid, url, *, deadline) -> float | None:
    """When the new worker first answers: new connections until one lands on it (the kernel picks the worker).
    The connection is kept alive so its server side is still open when we look for its owner."""
    import httpx

    while now() < deadline:
        try:
            async with httpx.AsyncClient(timeout=5, trust_env=False) as client:
                async with client.stream("GET", url) as response:
                    await response.aread()
                    stream = response.extensions.get("network_stream")
                    sock = stream.get_extra_info("socket") if stream is not None else None
                    port = sock.getsockname()[1] if sock is not None else None
                    if port is not None and await asyncio.to_thread(server.worker_of, port) == pid:
                        return now()
        except httpx.HTTPError:
            pass
        await asyncio.sleep(0.2)
    return None


async def restart_redis(ctx) -> dict:
    redis, down = ctx["redis"], ctx["down"]
    began = now()
    await asyncio.to_thread(redis.stop)
    await asyncio.sleep(down)
    await asyncio.to_thread(redis.start)
    return {"began": began, "ended": now()}


async def restart_postgres(ctx) -> dict:
    pg, down = ctx["pg"], ctx["down"]
    began = now()
    await asyncio.to_thread(pg.stop, "fast")
    stopped = now()
    await asyncio.sleep(down)
    await asyncio.to_thread(pg.start)
    return {"began": began, "ended": now(), "stop_s": round(stopped - began, 2)}


async def slow_senders(ctx) -> dict:
    """POST with Content-Length 100000, then one byte a second, from `count` anonymous connections."""
    base_port, code, count, limit = ctx["port"], ctx["room"].meeting.code, ctx["slow"], ctx["slow_seconds"]
    outcomes: list = []

    async def one(i):
        began = now()
        try:
            reader, writer = await asyncio.open_connection(_server.HOST, base_port)
        except OSError as exc:
            outcomes.append({"status": f"connect_{type(exc).__name__}", "s": 0})
            return
        head = (
            f"POST /j/{code}/post-it/ HTTP/1.1\r\nHost: {_server.HOST}:{base_port}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
        )
        writer.write(head.encode())
        answer = asyncio.ensure_future(reader.read(200))
        status = "still_open"
        try:
            while now() - began < limit:
                done, _ = await asyncio.wait({answer}, timeout=1)
                if done:
                    data = answer.result()
                    status = data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/") else "closed"
                    break
                writer.write(b"a")
                await writer.drain()
        except (OSError, ConnectionError):
            status = "reset"
        finally:
            answer.cancel()
            writer.close()
        outcomes.append({"status": status, "s": round(now() - began, 1)})

    began = now()
    await asyncio.gather(*(one(i) for i in range(count)))
    statuses: dict = {}
    for o in outcomes:
        statuses[o["status"]] = statuses.get(o["status"], 0) + 1
    answered = [o["s"] for o in outcomes if o["status"] not in ("still_open",)]
    return {
        "began": began,
        "ended": now(),
        "senders": count,
        "outcomes": statuses,
        "dropped_after_s": max(answered) if answered else None,
    }


async def poller(url: str, samples: list, stop: asyncio.Event, every: float = 0.2) -> None:
    """A monitor asking `url` on a new connection each time (so either worker may answer), 5 times a second."""
    import httpx

    limits = httpx.Limits(max_keepalive_connections=0)
    async with httpx.AsyncClient(timeout=10, trust_env=False, limits=limits) as client:
        while not stop.is_set():
            began = now()
            try:
                status = (await client.get(url)).status_code
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            samples.append((began, (now() - began) * 1000, status))
            await asyncio.sleep(max(0.0, every - (now() - began)))


# ---- the run ----------------------------------------------------------------------------------------------------
async def run_meeting(args, base, meeting, server, redis, pg) -> dict:
    rng = random.Random(args.seed)
    random.seed(args.seed + 1)
    connections = 50
    room = FaultRoom(
        backoff_max=args.backoff_max,
        post_timeout=args.post_timeout,
        base=base,
        meeting=meeting,
        http=http_clients(4, connections),
        connections=connections,
        window=args.window,
        notes_per_phone=args.notes,
    )
    out: dict = {"room": room, "faults": {}}
    # /healthz as a load balancer asks it, and the join page a newcomer opens (through the same gate, but
    # without /healthz's own checks of the database, the channel layer and the task worker)
    probes: dict = {"healthz": [], "join_page": []}
    stop = asyncio.Event()
    urls = {"healthz": base + "/healthz", "join_page": base + f"/j/{meeting.code}/"}
    pollers = [asyncio.ensure_future(poller(urls[name], probes[name], stop)) for name in probes]
    try:
        await asyncio.sleep(4)  # the idle server, before any socket is open: the baseline
        out["idle_end"] = now()
        for k in range(args.screens):
            room.spawn(room.run_projector(k))
        gate = asyncio.Semaphore(args.join_concurrency)

        async def join(n):
            phone = Phone(n)
            room.phones.append(phone)
            room.outboxes[n], room.wake[n] = [], asyncio.Event()
            async with gate:
                await room.phone_join(phone)

        began = now()
        await asyncio.wait_for(asyncio.gather(*(join(n) for n in range(args.phones))), max(120, args.phones))
        out["join_s"] = round(now() - began, 1)
        out["phones_joined"] = sum(1 for p in room.phones if p.alive)
        room.spawn(room.pinger())
        for phone in room.phones:
            room.spawn(room.phone_outbox(phone))
        await asyncio.sleep(2)
        start = out["window_start"] = now()
        writers = asyncio.gather(
            *(room.phone_writes(p, start, args.window, args.notes, rng) for p in room.phones)
        )
        ctx = {
            "probe_url": urls["join_page"],
            "server": server,
            "room": room,
            "redis": redis,
            "pg": pg,
            "down": args.down,
            "port": server.port,
            "slow": args.slow,
            "slow_seconds": args.slow_seconds,
        }
        steps = {"kill_worker": kill_worker, "restart_redis": restart_redis}
        steps |= {"restart_postgres": restart_postgres, "slow_senders": slow_senders}
        for i, name in enumerate(FAULTS):
            await asyncio.sleep(max(0.0, start + args.window * (i + 1) / (len(FAULTS) + 1) - now()))
            try:
                out["faults"][name] = await steps[name](ctx)
                out["faults"][name]["at_s"] = round(out["faults"][name]["began"] - start, 1)
            except Exception as exc:  # noqa: BLE001  (the meeting goes on; the fault is reported as failed)
                traceback.print_exc()
                out["faults"][name] = {"failed": f"{type(exc).__name__}: {exc}"}
        await writers
        out["writing_s"] = round(now() - start, 1)
        # drain: every outbox empty, then every screen shows every stored note (both bounded)
        deadline = now() + 120
        while now() < deadline and any(room.outboxes.values()):
            await asyncio.sleep(0.2)
        stored = [m for m, n in room.written.items() if n.stored_at]
        deadline = now() + 30
        while now() < deadline and not all(set(stored) <= view for view in room.views.values()):
            await asyncio.sleep(0.2)
        out["drain_s"] = round(now() - start - out["writing_s"], 1)
        out["views"] = {name: set(view) for name, view in room.views.items()}
        return out
    finally:
        stop.set()
        room.closing = True
        await room.close_all()
        for ws in room.projector_sockets.values():
            await ws.close()
        await asyncio.wait(pollers, timeout=15)
        for client in room.http:
            await client.aclose()
        out["probes"] = probes


def db_counts(activity_pk: int) -> dict:
    """What PostgreSQL holds for the board: rows, and how often each client id and each marker occur."""
    from django.db import connections

    from allin.live.models import Note

    connections.close_all()  # the benchmark's own connection did not live through the restart
    rows = list(Note.objects.filter(activity_id=activity_pk).values_list("client_id", "text"))
    by_client: dict = {}
    by_marker: dict = {}
    for client_id, text in rows:
        by_client[str(client_id)] = by_client.get(str(client_id), 0) + 1
        for marker in MARKER.findall(text):
            by_marker[marker] = by_marker.get(marker, 0) + 1
    connections.close_all()
    return {"rows": len(rows), "by_client": by_client, "by_marker": by_marker}


def summarise(args, out, db, server, load) -> dict:
    room = out["room"]
    written = room.written
    stored = db["by_marker"]
    shown = {name: view & set(written) for name, view in out["views"].items()}
    lost_db = sorted(m for m in written if m not in stored)
    acked_not_stored = sorted(m for m, n in written.items() if n.stored_at and m not in stored)
    lost_screens = {
        name: sorted(m for m in stored if m in written and m not in view) for name, view in shown.items()
    }
    faults = {}
    for name, fault in out["faults"].items():
        record = {k: v for k, v in fault.items() if k not in ("began", "ended")}
        if "ended" in fault:
            record["lasted_s"] = round(fault["ended"] - fault["began"], 2)
            record["converge_s"] = converge(room, fault["ended"], stored)
            if name == "kill_worker":  # the kill is a moment; the survivor takes over at once
                record["converge_after_kill_s"] = converge(room, fault["began"], stored)
            record["notes_written_during"] = sum(
                1 for n in written.values() if fault["began"] <= n.written <= fault["ended"]
            )
        faults[name] = record

    def latencies(samples, began, ended):
        rows = [s for s in samples if began <= s[0] <= ended]
        every = sorted(ms for _, ms, _ in rows)  # a timeout or a refused connection counts with its time
        failed = {}
        for _, _, status in rows:
            if status != 200:
                failed[str(status)] = failed.get(str(status), 0) + 1
        return {
            "n": len(rows),
            "p50_ms": pct(every, 50),
            "p95_ms": pct(every, 95),
            "max_ms": pct(every, 100),
            "not_200": failed,
        }

    slow = out["faults"].get("slow_senders", {})
    first_fault = min((f["began"] for f in out["faults"].values() if "began" in f), default=now())
    attempts = sorted(n.attempts for n in written.values())
    answers: dict = {}
    for n in written.values():
        for _, a in n.answers:
            answers[str(a)] = answers.get(str(a), 0) + 1
    duplicates_client = sum(c - 1 for c in db["by_client"].values() if c > 1)
    duplicates_text = sum(c - 1 for c in stored.values() if c > 1)
    converge_worst = max((f.get("converge_s") or 0) for f in faults.values()) if faults else None
    never = [name for name, f in faults.items() if "converge_s" in f and f["converge_s"] is None]
    result = {
        "phones": args.phones,
        "phones_joined": out.get("phones_joined"),
        "notes_per_phone": args.notes,
        "notes_sent": len(written),
        "notes_stored": db["rows"],
        "notes_shown": {name: len(view) for name, view in shown.items()},
        "lost": len(set(lost_db) | {m for ms in lost_screens.values() for m in ms}),
        "lost_db": len(lost_db),
        "acked_not_stored": len(acked_not_stored),
        "lost_screens": {name: len(ms) for name, ms in lost_screens.items()},
        "refused": sum(1 for n in written.values() if n.refused),
        "duplicates": duplicates_client + duplicates_text,
        "duplicates_client_id": duplicates_client,
        "duplicates_text": duplicates_text,
        "faults": faults,
        "worst_converge_s": None if never else converge_worst,
        **{
            name: {
                "idle": latencies(samples, 0, out.get("idle_end", 0)),
                "before_faults": latencies(samples, out.get("window_start", 0), first_fault),
                "slow_senders": latencies(samples, slow["began"], slow["ended"]) if "began" in slow else None,
                "whole_meeting": latencies(samples, out.get("idle_end", 0), now()),
            }
            for name, samples in out.get("probes", {}).items()
        },
        "post_answers": answers,
        "attempts_p50_max": [pct(attempts, 50), pct(attempts, 100)],
        "reconnects": room.reconnects,
        "client_events": dict(room.errors),
        "screens": {name: screen.stats for name, screen in room.screens.items()},
        "server_exceptions": server.log_errors()["kinds"],
        "join_s": out.get("join_s"),
        "writing_s": out.get("writing_s"),
        "drain_s": out.get("drain_s"),
        "seed": args.seed,
        "server": "uvicorn --workers 2 (production flags), PostgreSQL 15 and Redis of its own",
        **load,
    }
    result["timeline"] = timeline(out, written)
    result["targets_met"] = bool(
        result["lost"] == 0
        and result["duplicates"] == 0
        and result["worst_converge_s"] is not None
        and result["worst_converge_s"] <= TARGETS["converge_s"]
        and result["healthz"]["slow_senders"]
        and (result["healthz"]["slow_senders"]["p95_ms"] or 1e9) <= TARGETS["healthz_p95_ms"]
    )
    return result


def timeline(out, written, step: float = 10) -> list:
    """Per `step` seconds of the meeting: [start s, notes written, posts answered 200, posts without an answer,
    posts answered 5xx, /healthz p95 ms, join page p95 ms]: where a backlog began and where it cleared."""
    start = out.get("window_start")
    if start is None:
        return []
    rows: dict = {}

    def row(t):
        return rows.setdefault(int((t - start) // step), [0, 0, 0, 0, [], []])

    for n in written.values():
        row(n.written)[0] += 1
        for at, status in n.answers:
            r = row(at)
            if status == 200:
                r[1] += 1
            elif isinstance(status, str):
                r[2] += 1
            elif status >= 500:
                r[3] += 1
    for column, name in ((4, "healthz"), (5, "join_page")):
        for began, ms, _ in out.get("probes", {}).get(name, []):
            if began >= start:
                row(began)[column].append(ms)
    return [[k * step, *r[:4], pct(sorted(r[4]), 95), pct(sorted(r[5]), 95)] for k, r in sorted(rows.items())]


def converge(room, ended: float, stored: dict) -> float | None:
    """How long after a fault ended until every screen showed every note written before that moment (and
    stored): 0 when they all already did. None when some screen never showed one of them."""
    due = [m for m, n in room.written.items() if n.written <= ended and m in stored]
    worst = ended
    for name, seen in room.first_seen.items():
        for m in due:
            if m not in seen or m not in room.views.get(name, set()):
                return None
            worst = max(worst, seen[m])
    return round(worst - ended, 2)


def print_summary(r: dict) -> None:
    say = lambda *a: print(*a, file=sys.stderr)  # noqa: E731
    say(
        f"phones {r['phones_joined']}/{r['phones']}  notes sent {r['notes_sent']}  stored (PostgreSQL) "
        f"{r['notes_stored']}  shown {r['notes_shown']}"
    )
    say(
        f"lost {r['lost']} (db {r['lost_db']}, acked but not stored {r['acked_not_stored']}, screens "
        f"{r['lost_screens']})  duplicates {r['duplicates']} (client id {r['duplicates_client_id']}, text "
        f"{r['duplicates_text']})  refused {r['refused']}"
    )
    for name, f in r["faults"].items():
        say(
            f"  {name:17} at {f.get('at_s')} s, lasted {f.get('lasted_s')} s, notes written meanwhile "
            f"{f.get('notes_written_during')}, screens converged {f.get('converge_s')} s after it ended"
            + (f"  {f['failed']}" if "failed" in f else "")
        )
    for probe in ("healthz", "join_page"):
        for phase, h in (r.get(probe) or {}).items():
            h = h or {}
            say(
                f"  {probe + ' ' + phase:24} n={h.get('n')} p50 {h.get('p50_ms')} ms  p95 {h.get('p95_ms')} ms  "
                f"max {h.get('max_ms')} ms  not 200: {h.get('not_200')}"
            )
    say(
        f"load 1m before {r['loadavg_1m_before']} after {r['loadavg_1m_after']}; other CPU during the run "
        f"{r['other_cpu_s']} s of {r['measured_s']} s (2 cores = {2 * r['measured_s']:.0f})"
    )
    say(f"targets met: {r['targets_met']}  (0 lost, 0 duplicates, converged <= 5 s, /healthz p95 <= 200 ms)")


def _stop(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv=None) -> int:
    args = parse_args(argv)
    began = now()
    load_before = round(os.getloadavg()[0], 2)
    raise_fd_limit(args.phones * 3 + 1024)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGALRM, _stop)
    signal.alarm(int(args.window + args.phones + 900))  # whatever hangs, everything is still torn down
    tmp = Path(tempfile.mkdtemp(prefix="allin-faults-"))
    tmp.chmod(0o755)  # PostgreSQL's own account must reach its folder inside
    redis = pg = server = None
    result: dict = {"phones": args.phones}
    status = 1
    try:
        redis = Redis(tmp)
        redis.start()
        pg = Postgres(tmp)
        pg.init()
        pg.start()
        env = _server.app_env(database_url=pg.url, redis_url=redis.url)
        os.environ.update({k: v for k, v in env.items() if k.startswith(("ALLIN_", "DJANGO_"))})
        _server.migrate(env)
        port = _server.free_port()
        base = f"http://{_server.HOST}:{port}"
        meeting = _data.setup(base_url=base + "/")
        from django.db import connections

        connections.close_all()
        server = Workers(
            app="allin.asgi:application",
            port=port,
            workers=2,
            ws="auto",
            env=env,
            log_path=tmp / "server.log",
        )
        server.start()
        busy_before, measured, client_before = machine_busy_seconds(), now(), client_cpu_seconds()
        cpu_before = server.cpu_seconds()
        out = run_async(run_meeting(args, base, meeting, server, redis, pg))
        server.mark_end()
        measured = now() - measured
        server_cpu = server.cpu_seconds() - cpu_before  # the killed worker's time is missing: a lower bound
        load = {
            "loadavg_1m_before": load_before,
            "loadavg_1m_after": round(os.getloadavg()[0], 2),
            "server_cpu_s": round(server_cpu, 1),
            "client_cpu_s": round(client_cpu_seconds() - client_before, 1),
            "other_cpu_s": round(
                machine_busy_seconds() - busy_before - server_cpu - (client_cpu_seconds() - client_before), 1
            ),
            "measured_s": round(measured, 1),
            "cpus": os.cpu_count(),
        }
        result = summarise(args, out, db_counts(meeting.activity_pk), server, load)
        print_summary(result)
        status = 0 if result["targets_met"] else 1
    except BaseException as exc:  # noqa: BLE001  (Ctrl+C included: the servers are stopped below all the same)
        traceback.print_exc()
        result["failed"] = f"{type(exc).__name__}: {exc}"
        if server is not None:
            print(server.log_tail(), file=sys.stderr)
        status = 130 if isinstance(exc, KeyboardInterrupt) else 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl+C must not leave servers behind
        for step in (server and server.stop, pg and pg.close, redis and redis.close):
            if step:
                try:
                    step()
                except Exception:  # noqa: BLE001
                    traceback.print_exc()
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    result["duration_s"] = round(now() - began, 1)
    print(json.dumps(result, default=str))
    return status


if __name__ == "__main__":
    sys.exit(main())
