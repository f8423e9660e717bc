"""Big boards (issue 13 item 4): the facilitator's console, the projector and the meeting report PDF of a
meeting with 2,000 notes on one board, against the same pages of a meeting with a small board measured in the
same run (the baseline). In one process through Django's test client on a fresh SQLite database, so it measures
the app's own work (queries, templates, WeasyPrint), not a network. Prints ONE JSON line. Not a test; see
bench/README.md.

    .venv/bin/python bench/report_bench.py                     # 2,000 notes, baseline 20, 5 rounds
    .venv/bin/python bench/report_bench.py --notes 500 --rounds 3
    .venv/bin/python bench/report_bench.py --profile /tmp/prof  # pyinstrument of one PDF and one console
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import _server  # noqa: E402
from bench._machine import client_cpu_seconds, machine_busy_seconds, wait_idle  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--notes", type=int, default=2000, help="notes on the big board (default 2000)")
    p.add_argument(
        "--baseline-notes", type=int, default=20, help="notes on the baseline's board (default 20)"
    )
    p.add_argument(
        "--rounds", type=int, default=5, help="times each page is fetched; medians are reported (5)"
    )
    p.add_argument(
        "--profile", metavar="DIR", help="write pyinstrument profiles of one PDF and one console here"
    )
    p.add_argument(
        "--check", action="store_true", help="also read the PDF back (pypdf) and count the notes in it"
    )
    p.add_argument(
        "--wait-idle", type=float, default=0, metavar="S", help="wait up to S s for a quiet machine"
    )
    p.add_argument("--keep", action="store_true", help="keep the temporary directory with the database")
    return p.parse_args(argv)


def _urls(big) -> dict:
    meeting = f"/w/{big.workspace_slug}/bijeenkomsten/{big.meeting_pk}"
    return {
        "console": f"{meeting}/live/",
        "console_stage": f"{meeting}/live/stand/",
        "projector": f"/p/{big.code}/{big.projector_key}/",
        "projector_stage": f"/p/{big.code}/{big.projector_key}/stand/",
        "pdf": f"{meeting}/verslag.pdf",
    }


def _fetch(client, url, status=200) -> tuple[float, float, bytes]:
    """(wall ms, CPU ms of this process, body) of one GET."""
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    if response.status_code != status:
        raise RuntimeError(f"GET {url}: {response.status_code}")
    body = b"".join(response) if response.streaming else response.content
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, body


def _timed(rounds, call) -> tuple[float, float, object]:
    """Medians of wall and CPU ms over `rounds` calls after one warm-up call (templates compiled, fonts
    loaded, as in a running server), and the last result."""
    call()
    walls, cpus, result = [], [], None
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        result = call()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return round(statistics.median(walls), 1), round(statistics.median(cpus), 1), result


def measure_pages(client, big, rounds: int) -> dict:
    out = {}
    for name, url in _urls(big).items():
        if name == "pdf":
            continue
        wall, cpu, (_w, _c, body) = _timed(rounds, lambda url=url: _fetch(client, url))
        out.update({f"{name}_ms": wall, f"{name}_cpu_ms": cpu, f"{name}_bytes": len(body)})
    return out


def measure_pdf(client, big, rounds: int, check: bool) -> dict:
    """Small meetings: the PDF answers the GET. Big ones: the GET asks for a build and is sent to the page
    that follows it (`pdf_request_ms`); the build is what the background task does (`pdf_build_ms`); the GET
    of a ready PDF checks that the meeting still reads the same and hands out the stored file (`pdf_ms`)."""
    from allin.exports import report_pdf
    from allin.exports.models import ReportPdf
    from allin.processes.models import Meeting

    meeting = Meeting.objects.get(pk=big.meeting_pk)
    url = _urls(big)["pdf"]
    out = {"pdf_in_background": report_pdf.is_big(meeting)}
    if out["pdf_in_background"]:
        ReportPdf.objects.filter(meeting=meeting).delete()
        wall, cpu, _body = _fetch(client, url, status=302)
        out.update(pdf_request_ms=round(wall, 1), pdf_request_cpu_ms=round(cpu, 1))
        wall, cpu, built = _timed(rounds, lambda: report_pdf.report_pdf_build(meeting=meeting))
        out.update(pdf_build_ms=wall, pdf_build_cpu_ms=cpu)
    wall, cpu, (_w, _c, body) = _timed(rounds, lambda: _fetch(client, url))
    out.update(pdf_ms=wall, pdf_cpu_ms=cpu, pdf_bytes=len(body))
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    out["pdf_pages"] = len(reader.pages)
    if check:
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        out["pdf_notes_found"] = sum(1 for t in big.texts if " ".join(t.split()) in text)
        out["pdf_notes_expected"] = len(big.texts)
    return out


def profile(client, big, directory: Path) -> None:
    """pyinstrument of one PDF build (what the background task does) and one console page."""
    from pyinstrument import Profiler

    from allin.exports import report_pdf
    from allin.processes.models import Meeting

    directory.mkdir(parents=True, exist_ok=True)
    meeting = Meeting.objects.get(pk=big.meeting_pk)
    console = _urls(big)["console"]
    for name, call in (
        ("pdf_build", lambda: report_pdf.report_pdf_build(meeting=meeting)),
        ("console", lambda: _fetch(client, console)),
    ):
        call()
        profiler = Profiler(interval=0.001)
        profiler.start()
        call()
        profiler.stop()
        (directory / f"{name}.txt").write_text(profiler.output_text(unicode=True, show_all=True))
        (directory / f"{name}.html").write_text(profiler.output_html())


def main(argv=None) -> int:
    args = parse_args(argv)
    waited = wait_idle(args.wait_idle) if args.wait_idle else 0
    tmp = Path(tempfile.mkdtemp(prefix="report-bench-"))
    env = _server.app_env(database_url=f"sqlite:///{tmp / 'bench.sqlite3'}", redis_url=None)
    env.update(ALLIN_ALLOWED_HOSTS="testserver", ALLIN_MEDIA_ROOT=str(tmp / "media"))
    try:
        _server.migrate(env)
        os.environ.update(env)
        import django

        django.setup()
        import logging

        from django.test import Client

        logging.getLogger("allin.request").setLevel(
            logging.WARNING
        )  # one line per request would drown the figures

        from allin.workspaces.models import User
        from bench import _bigboard

        load_before = os.getloadavg()[0]
        began, busy0, own0 = time.monotonic(), machine_busy_seconds(), client_cpu_seconds()
        results = {}
        for label, notes in (("baseline", args.baseline_notes), ("big", args.notes)):
            t = time.monotonic()
            big = _bigboard.build(notes=notes)
            built = time.monotonic() - t
            client = Client()
            client.force_login(User.objects.get(pk=big.user_pk))
            figures = {
                **measure_pages(client, big, args.rounds),
                **measure_pdf(client, big, args.rounds, args.check),
            }
            results[label] = {"notes": notes, "build_s": round(built, 1), **figures}
            if label == "big" and args.profile:
                profile(client, big, Path(args.profile))
        elapsed = time.monotonic() - began
        own = client_cpu_seconds() - own0
        line = {
            **{f"{k}": v for k, v in results["big"].items()},
            "baseline": results["baseline"],
            "loadavg_1m_before": round(load_before, 2),
            "loadavg_1m_after": round(os.getloadavg()[0], 2),
            "other_cpu_s": round(max(0.0, machine_busy_seconds() - busy0 - own), 1),
            "own_cpu_s": round(own, 1),
            "measured_s": round(elapsed, 1),
            "waited_idle_s": waited,
            "cpus": os.cpu_count(),
        }
        print(json.dumps(line))
        return 0
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
