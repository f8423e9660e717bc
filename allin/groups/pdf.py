"""The printable list of a meeting's groups: one A4 page to hang on the wall or hand to table leaders. HTML to PDF
with WeasyPrint, tagged as PDF/UA (like the runbook in allin/exports)."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from allin.core import pdf_styles
from allin.workspaces import look_store


def _columns(count):
    """More columns (and a smaller letter) for more people, so that the list stays on one page."""
    if count > 60:
        return 4
    return 3 if count > 30 else 2


def groups_pdf(meeting, plan, request=None) -> bytes:
    from weasyprint import HTML  # imported late: loading Pango costs time only PDF requests should pay

    groups = list(plan.groups.all())
    people = sum(len(g.members.all()) for g in groups)
    html = render_to_string(
        "groups/print.html",
        {
            "meeting": meeting,
            "process": meeting.process,
            "plan": plan,
            "groups": groups,
            "people": people,
            "columns": _columns(people),
            "printed": timezone.localdate(),
        },
        request=request,
    )
    stylesheet = finders.find("groups/print.css")
    return HTML(string=html, base_url=stylesheet).write_pdf(
        stylesheets=pdf_styles.stylesheets(look_store.pdf_css(meeting.process.workspace)),
        pdf_variant="pdf/ua-1",
    )


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slugify(filename) or "groepen"}.pdf"'
    return response
