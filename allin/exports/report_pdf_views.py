"""The meeting report as a PDF: made while the browser waits for an ordinary meeting, in the background for a big
one (allin/exports/report_pdf.py), with a page that follows the build and offers the download when it is ready."""

from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from allin.processes import selectors as process_selectors
from allin.workspaces.access import workspace_view

from . import report_pdf
from .pdf import pdf_response

POLL_SECONDS = 2


class ReportPdfAgainForm(forms.Form):
    """Try a failed or lost build again (a POST without fields: the meeting is in the URL)."""


def _meeting(request, pk):
    return process_selectors.meeting_get(request.workspace, pk)


def _status_url(meeting):
    return reverse(
        "meeting_report_pdf_status", kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk}
    )


def _filename(meeting):
    return f"verslag {meeting.name}"


@require_GET
@workspace_view()
def meeting_report_pdf(request, pk):
    meeting = _meeting(request, pk)
    html = report_pdf.report_html(meeting)
    if not report_pdf.is_big(meeting):
        return pdf_response(report_pdf.render(meeting, html)[0], _filename(meeting))
    content = report_pdf.ready_content(meeting, html)
    if content is not None:
        return pdf_response(content, _filename(meeting))
    # Asking is idempotent (one row per meeting), so a reload or a second person does not build twice.
    report_pdf.report_pdf_request(meeting=meeting, html=html)
    return redirect(_status_url(meeting))


@require_GET
@workspace_view()
def meeting_report_pdf_status(request, pk):
    meeting = _meeting(request, pk)
    pdf = report_pdf.pdf_of(meeting)
    context = {
        "meeting": meeting,
        "process": meeting.process,
        "pdf": pdf,
        "stale": pdf is not None and report_pdf.is_stale(pdf),
        "estimate": report_pdf.estimate_seconds(pdf) if pdf else 0,
        "poll_seconds": POLL_SECONDS,
        "again_form": ReportPdfAgainForm(),
    }
    template = "exports/report/_pdf_status.html" if request.htmx else "exports/report/pdf_status.html"
    return render(request, template, context)


@workspace_view(edit=True)
@require_POST
def meeting_report_pdf_again(request, pk):
    meeting = _meeting(request, pk)
    if ReportPdfAgainForm(request.POST).is_valid():
        report_pdf.report_pdf_request(meeting=meeting, html=report_pdf.report_html(meeting), again=True)
    return redirect(_status_url(meeting))
