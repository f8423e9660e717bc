"""The meeting report as a PDF, for meetings of every size.

WeasyPrint lays out about 500 notes a second on this machine (bench/report_bench.py), so a report with
2,000 notes takes seconds: too long for a browser to wait on a request, and a web worker would be busy all that
time. A report with more than BIG_REPORT_NOTES notes is therefore built by a background task
(allin/exports/tasks.py, run by `manage.py db_worker`) into a ReportPdf row; the page says where it is and offers
the download when it is ready. Smaller reports are made while the browser waits, as before.

A stored PDF is only handed out while the meeting still reads the same: its fingerprint is the SHA-256 of the
HTML it was made from, and the HTML of the meeting as it is now must match. The HTML takes a fraction of the PDF's
time (queries and a template), so checking is cheap and a PDF is never stale."""

import hashlib
import logging
from datetime import timedelta

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from allin.live.models import Note
from allin.workspaces import look_store

from .models import ReportPdf
from .pdf import render_pdf_from_html
from .report import pdf_context

logger = logging.getLogger("allin.exports")

BIG_REPORT_NOTES = 400
TEMPLATE = "exports/report/meeting_pdf.html"
# A build that has neither finished nor failed after this long has lost its worker: it may be asked again.
STALE_AFTER = timedelta(minutes=10)
# What WeasyPrint manages per second on a shared 2-core machine, for the page's "about a minute" (see bench/).
NOTES_PER_SECOND = 400
Status = ReportPdf.Status


def note_count(meeting) -> int:
    return Note.objects.filter(activity__live__meeting=meeting, hidden=False).count()


def is_big(meeting) -> bool:
    return note_count(meeting) > BIG_REPORT_NOTES


def report_html(meeting) -> str:
    return render_to_string(TEMPLATE, pdf_context(meeting))


def look_css(meeting) -> str:
    """The workspace's own look, as every other PDF of the workspace carries it."""
    return look_store.pdf_css(meeting.process.workspace)


def render(meeting, html: str) -> tuple[bytes, int]:
    return render_pdf_from_html(html, look_css=look_css(meeting))


def fingerprint(html: str, look: str = "") -> str:
    # The look is part of what the PDF reads like: a new house style makes a stored PDF stale as a new note does.
    return hashlib.sha256((html + "\0" + look).encode("utf-8")).hexdigest()


def pdf_of(meeting) -> ReportPdf | None:
    return ReportPdf.objects.filter(meeting=meeting).first()


def is_stale(pdf: ReportPdf, now=None) -> bool:
    if not pdf.is_building or pdf.requested_at is None:
        return False
    return (now or timezone.now()) - pdf.requested_at > STALE_AFTER


def estimate_seconds(pdf: ReportPdf) -> int:
    return max(5, round(pdf.notes / NOTES_PER_SECOND / 5) * 5)


def ready_content(meeting, html: str) -> bytes | None:
    """The stored PDF when it was made from exactly this HTML."""
    pdf = (
        ReportPdf.objects.filter(
            meeting=meeting, status=Status.READY, fingerprint=fingerprint(html, look_css(meeting))
        )
        .only("content")
        .first()
    )
    return bytes(pdf.content) if pdf is not None else None


@transaction.atomic
def report_pdf_request(*, meeting, html: str, again: bool = False) -> ReportPdf:
    """Ask for the PDF of the meeting as this HTML shows it. Idempotent: while a build is queued or running, or a
    PDF of this HTML is ready, nothing new is queued; a build that failed for this same HTML is only tried again
    when asked (`again`), so a page that polls never loops on a broken build."""
    from .tasks import build_report_pdf

    wanted = fingerprint(html, look_css(meeting))
    pdf, _created = ReportPdf.objects.select_for_update().get_or_create(meeting=meeting)
    if pdf.is_building and not _created and not is_stale(pdf):
        return pdf
    if pdf.fingerprint == wanted and not _created:
        if pdf.status == Status.READY or (pdf.status == Status.FAILED and not again):
            return pdf
    pdf.status = Status.QUEUED
    pdf.fingerprint = wanted
    pdf.notes = note_count(meeting)
    pdf.requested_at = timezone.now()
    pdf.started_at = pdf.finished_at = None
    pdf.save(update_fields=["status", "fingerprint", "notes", "requested_at", "started_at", "finished_at"])
    # The task reads the HTML again in the language of the request, so its fingerprint matches this one.
    meeting_id, language = meeting.pk, translation.get_language() or "nl"
    transaction.on_commit(lambda: build_report_pdf.enqueue(meeting_id=meeting_id, language=language))
    return pdf


def report_pdf_build(*, meeting) -> ReportPdf:
    """Lay out the PDF of the meeting as it reads now (the background task). The HTML is read again here, so a
    note added while the task waited is in it; its fingerprint is stored with the file."""
    ReportPdf.objects.filter(meeting=meeting).update(status=Status.BUILDING, started_at=timezone.now())
    try:
        html = report_html(meeting)
        look = look_css(meeting)
        content, pages = render_pdf_from_html(html, look_css=look)
    except Exception:
        logger.exception("report PDF of meeting %s failed", meeting.pk)
        ReportPdf.objects.filter(meeting=meeting).update(status=Status.FAILED, finished_at=timezone.now())
        raise
    with transaction.atomic():
        pdf, _created = ReportPdf.objects.select_for_update().get_or_create(meeting=meeting)
        pdf.status = Status.READY
        pdf.fingerprint = fingerprint(html, look)
        pdf.content = content
        pdf.pages = pages
        pdf.finished_at = timezone.now()
        pdf.save()
    return pdf
