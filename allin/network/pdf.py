"""The printable network card of one partner: HTML to PDF with WeasyPrint, tagged as PDF/UA (like the runbook in
allin/exports, with the network's own template and stylesheet)."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from allin.core import pdf_styles
from allin.workspaces import look_store


def card_pdf(partner, request=None) -> bytes:
    from weasyprint import HTML  # imported late: loading Pango costs time only PDF requests should pay

    html = render_to_string(
        "network/card_pdf.html",
        {"partner": partner, "contacts": list(partner.contacts.all()), "printed": timezone.localdate()},
        request=request,
    )
    stylesheet = finders.find("network/card_print.css")
    return HTML(string=html, base_url=stylesheet).write_pdf(
        stylesheets=pdf_styles.stylesheets(look_store.pdf_css(partner.workspace)), pdf_variant="pdf/ua-1"
    )


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slugify(filename) or "netwerkkaart"}.pdf"'
    return response
