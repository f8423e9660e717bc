"""Turning what the clients saw and what the database holds into the benchmark's one JSON line."""

import os
import tempfile
from datetime import date

from . import _data


def pct(values: list, q: float):
    """Nearest-rank percentile of sorted values, rounded to a millisecond; None when there are none."""
    if not values:
        return None
    rank = max(0, min(len(values) - 1, int(round(q / 100 * len(values) + 0.5)) - 1))
    return round(values[rank], 1)


def report(args, meeting, out: dict, server, load_before) -> dict:
    room = out["room"]
    rows, stored = _data.stored_markers(meeting.activity_pk)
    notes = room.notes
    accepted = {m for m, n in notes.items() if n.status == 200}
    lost_db = sorted(m for m in accepted if m not in stored)
    lost_projector = sorted(m for m in accepted if m in stored and not notes[m].seen)
    lost_console = sorted(m for m in accepted if m in stored and not notes[m].console_seen)
    # Converged: the moment the last screen showed the note, from the server's answer to the phone.
    converge_ms = sorted(
        (max(n.seen, n.console_seen) - n.answered) * 1000
        for m, n in notes.items()
        if m in accepted and n.seen and n.console_seen
    )
    note_ms = sorted((n.seen - n.sent) * 1000 for m, n in notes.items() if m in accepted and n.seen)
    post_ms = sorted((n.answered - n.sent) * 1000 for n in notes.values() if n.status == 200)
    sends = [n.sent for n in notes.values()]
    arrivals = [n.seen for m, n in notes.items() if m in accepted and n.seen]
    busy = (max(arrivals) - min(sends)) if arrivals and sends else 0
    lag = out.get("lag_window") or sorted(out.get("lag") or [])
    if args.dump:
        dump(args.dump, notes, out.get("window_start", 0), stored)
    errors = dict(room.errors)
    if out.get("aborted"):
        errors["aborted_before_window"] = 1
    server_log = server.log_errors()
    if server_log["events"]:
        errors["server_logged_errors"] = server_log["events"]
    return {
        "phones": args.phones,
        "phones_joined": sum(1 for p in room.phones if p.ws is not None),
        "notes_per_phone": args.notes,
        "notes_sent": len(notes),
        "notes_accepted": len(accepted),
        "notes_stored": rows,
        # A note is lost when the database lacks it or a screen never showed it.
        "lost": len(set(lost_db) | set(lost_projector) | set(lost_console)),
        "lost_db": len(lost_db),
        "lost_projector": len(lost_projector),
        "lost_console": len(lost_console),
        "p95_convergence_ms": pct(converge_ms, 95),
        "worst_convergence_ms": pct(converge_ms, 100),
        "screens": {name: screen.stats for name, screen in room.screens.items()},
        "duplicates": sum(c - 1 for c in stored.values() if c > 1),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "server_exceptions": server_log["kinds"],
        "p50_note_ms": pct(note_ms, 50),
        "p95_note_ms": pct(note_ms, 95),
        "p99_note_ms": pct(note_ms, 99),
        "max_note_ms": pct(note_ms, 100),
        "p50_post_ms": pct(post_ms, 50),
        "p95_post_ms": pct(post_ms, 95),
        "p95_next_ms": pct(sorted(out.get("next_ms", [])), 95),
        "next_ms": [round(x) for x in out.get("next_ms", [])],
        "projector_next_ms": [round(x) for x in out.get("projector_next_ms", [])],
        "server_cpu_per_step_ms": out.get("server_cpu_per_step_ms"),
        "phone_mine_fetches_per_step": out.get("phone_mine_fetches_per_step"),
        "server_cpu_steps_ms": out.get("server_cpu_steps_ms"),
        "phone_mine_fetches_steps": out.get("phone_mine_fetches_steps"),
        "server_cpu_per_note_ms": round(out["server_cpu_s"] * 1000 / len(accepted), 1)
        if accepted and out.get("server_cpu_s") is not None
        else None,
        "peak_worker_rss_mb": out.get("peak_worker_rss_mb"),
        "console_appends": room.console_appends,
        "projector_refetches": room.projector_refetches,
        "notes_per_s": round(len(accepted) / busy, 1) if busy else None,
        "server_workers": args.workers,
        "pushes_dropped_share": args.drop,
        "server": f"uvicorn --ws {args.ws}",
        "channel_layer": "redis" if args.redis else "memory",
        "database": "postgresql"
        if args.database_url
        else f"sqlite in {args.sqlite_dir or tempfile.gettempdir()}",
        "window_s": args.window,
        "join_s": out.get("join_s"),
        "posting_s": out.get("posting_s"),
        "server_cpu_s": out.get("server_cpu_s"),
        "client_cpu_s": out.get("client_cpu_s"),
        "other_cpu_s": out.get("other_cpu_s"),
        "cpu_measured_s": out.get("cpu_window_s"),
        "loadavg_1m_before": load_before,
        "client_lag_p99_ms": pct(lag, 99),
        "client_lag_max_ms": pct(lag, 100),
        "date": date.today().isoformat(),
        "cpus": os.cpu_count(),
    }


def dump(path, notes, start, stored) -> None:
    def rel(t):
        return f"{t - start:.3f}" if t else ""

    with open(path, "w") as f:
        f.write("marker,sent,answered,status,seen,stored\n")
        for marker, n in sorted(notes.items(), key=lambda kv: kv[1].sent):
            f.write(
                f"{marker},{rel(n.sent)},{rel(n.answered)},{n.status},{rel(n.seen)},{stored.get(marker, 0)}\n"
            )
