"""What one note and one "next" cost the server, in one process: no sockets, no uvicorn, no other clients, so
the CPU time it prints hardly moves when the machine is busy (wall times would). Not a test; see
bench/README.md. Prints ONE JSON line.

    .venv/bin/python bench/post_cost.py                      # 200 notes from 50 phones; next to 250 phones
    .venv/bin/python bench/post_cost.py --phones 250 1000    # next at 250 and at 1,000 phones
    .venv/bin/python bench/post_cost.py --profile out.txt    # cProfile of the posts, top 40 by own time

A note: what `POST /j/<code>/post-it/` with `X-Live: 1` costs through Django's middleware and view, the
service, the commit and the push after it (rendered for projector and consoles, handed to the in-memory
channel layer), and the answer with the phone's own notes. A "next": the facilitator's `item_goto` with the
push after it, plus every request the phones make because of it: the part of the stage only that phone
shows (`data-mine-url`), fetched as live.js fetches it (bench/_clients.py `mine_urls`)."""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import _data, _server  # noqa: E402
from bench._clients import ROLES, mine_key, mine_urls  # noqa: E402


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--notes", type=int, default=200, help="note posts measured (200)")
    p.add_argument("--posters", type=int, default=50, help="phones that post them, in turn (50)")
    p.add_argument("--phones", type=int, nargs="+", default=[250], help="room sizes for the next (250)")
    p.add_argument("--steps", type=int, default=4, help="next/previous presses per room size (4)")
    p.add_argument("--profile", metavar="FILE", help="cProfile the note posts; the top 40 go to FILE")
    return p.parse_args(argv)


def cpu() -> float:
    return time.process_time()


def main(argv=None) -> int:
    args = parse_args(argv)
    load_before = round(os.getloadavg()[0], 2)
    tmp = Path(tempfile.mkdtemp(prefix="allin-postcost-"))
    env = _server.app_env(database_url=f"sqlite:///{tmp / 'db.sqlite3'}", redis_url=None)
    _server.migrate(env)
    os.environ.update(env)
    meeting = _data.setup(base_url="http://127.0.0.1")

    from django.db import connection
    from django.test import Client

    from allin.core.tokens import make_token
    from allin.live import attendance
    from allin.live import services as live_services
    from allin.live.models import LiveMeeting

    live = LiveMeeting.objects.get(code=meeting.code)
    # One client (one handler, its middleware loaded once, as in a server) wearing each phone's cookie in turn.
    client = Client(HTTP_HOST="127.0.0.1")
    cookie = attendance.cookie_name(live)
    phones = []

    def join(n):
        attendee = live_services.attendee_join(live=live, name=f"Tel{n}", role=ROLES[n % len(ROLES)])
        phones.append(make_token(purpose=f"attendee-{live.code}", value=str(attendee.key)))

    def as_phone(n):
        client.cookies[cookie] = phones[n]
        return client

    for n in range(max(args.posters, *args.phones)):
        join(n)
    url = f"/j/{live.code}/post-it/"

    def post(i):
        data = {"activity": meeting.activity_pk, "client_id": str(uuid.uuid4()), "text": f"Post-it {i}"}
        if meeting.categories:
            data["category"] = meeting.categories[i % len(meeting.categories)]
        response = as_phone(i % args.posters).post(url, data, headers={"X-Live": "1"})
        if response.status_code != 200:
            raise RuntimeError(f"note post answered {response.status_code}: {response.content[:200]!r}")

    for i in range(20):  # warm up: templates compiled, connections open, caches filled
        post(i)
    queries = []  # (the request resets Django's own query log when it starts)

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        post(20)
    per_note = []
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    for i in range(args.notes):
        started = cpu()
        post(21 + i)
        per_note.append((cpu() - started) * 1000)
    if profiler is not None:
        import pstats

        profiler.disable()
        with open(args.profile, "w") as out:
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(40)

    items = list(live.meeting.items.all())
    here = items[meeting.position - 1]
    after = items[meeting.position]
    nexts = {}
    for size in sorted(set(args.phones)):
        # the phones that posted above know they did (live.js keeps that in localStorage)
        posted = {mine_key(live.code, meeting.activity_pk)}
        goto, fetches, fetched = [], [], 0
        for step in range(args.steps):
            target = after if step % 2 == 0 else here
            live.refresh_from_db()
            started = cpu()
            live_services.item_goto(live=live, item=target)
            goto.append((cpu() - started) * 1000)
            stage_html = _broadcast_stage(live)
            started = cpu()
            for n in range(size):
                for mine_url in mine_urls(stage_html, posted if n < args.posters else set()):
                    as_phone(n).get(mine_url, headers={"HX-Request": "true"})
                    fetched += 1
            fetches.append((cpu() - started) * 1000)
        nexts[str(size)] = {
            "goto_and_push_cpu_ms": round(statistics.median(goto), 1),
            "phone_fetches_cpu_ms": round(statistics.median(fetches), 1),
            "cpu_per_next_ms": round(statistics.median(g + f for g, f in zip(goto, fetches, strict=True)), 1),
            "phone_fetches_per_next": round(fetched / args.steps, 1),
        }
    print(
        json.dumps(
            {
                "notes": args.notes,
                "cpu_per_note_ms_median": round(statistics.median(per_note), 2),
                "cpu_per_note_ms_mean": round(statistics.fmean(per_note), 2),
                "queries_per_note": len(queries),
                "queries": [sql[:160] for sql in queries],
                "next": nexts,
                "loadavg_1m_before": load_before,
                "database": "sqlite",
                "channel_layer": "memory (no sockets)",
            }
        )
    )
    return 0


def _broadcast_stage(live) -> str:
    """The stage every phone is pushed (screens._stage renders it the same way)."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from allin.live import selectors

    with translation.override("nl"):
        return render_to_string("live/_phone_stage.html", {**selectors.stage(live), "broadcast": True})


if __name__ == "__main__":
    sys.exit(main())
