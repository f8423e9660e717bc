"""The printed pieces of the loop, in the toolkit's print layout (exports/print.css plus actions/print.css),
tagged PDF/UA: agreement cards, the A3 feedback poster with its QR code and the memo for the youth organisation."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from allin.core import pdf_styles
from allin.workspaces import look_store

from . import feedback, links, qr, selectors
from .models import FeedbackPlan


def render(template: str, context: dict) -> bytes:
    from weasyprint import CSS, HTML  # late: loading Pango costs time only PDF requests should pay

    html = render_to_string(template, context)
    base = finders.find("exports/print.css")
    own = finders.find("actions/print.css")
    return HTML(string=html, base_url=own).write_pdf(
        stylesheets=[*_look_sheets(context), CSS(filename=base), CSS(filename=own)], pdf_variant="pdf/ua-1"
    )


def _look_sheets(context):
    return pdf_styles.stylesheets(look_store.pdf_css(look_store.workspace_in(context)))


def response(content: bytes, filename: str) -> HttpResponse:
    out = HttpResponse(content, content_type="application/pdf")
    out["Content-Disposition"] = f'inline; filename="{slugify(filename) or "document"}.pdf"'
    return out


def agreements(process, cards) -> bytes:
    """The cards of `agreements.cards`: per organisation its session rows and the rows typed on the card."""
    return render("actions/pdf/agreements.html", {"process": process, "cards": cards})


def _feedback_context(process):
    page = feedback.feedback_page_for(process)
    url = links.feedback_url(page)
    return {
        "process": process,
        "page": page,
        "url": url,
        "qr_svg": qr.svg(url, scale=10),
        "groups": selectors.published_answers(page) if page.is_published else [],
        "plan": FeedbackPlan.objects.filter(process=process).first(),
        "today": timezone.localdate(),
    }


def poster(process) -> bytes:
    return render("actions/pdf/poster.html", _feedback_context(process))


def memo(process) -> bytes:
    return render("actions/pdf/memo.html", _feedback_context(process))
