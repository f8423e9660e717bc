"""HTML templates to PDF with WeasyPrint, tagged as PDF/UA so screen readers can follow the structure."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

from allin.core import pdf_styles
from allin.workspaces import look_store


def render_pdf(template: str, context: dict, request=None) -> bytes:
    from weasyprint import HTML  # imported late: loading Pango costs time that only PDF requests should pay

    html = render_to_string(template, context, request=request)
    stylesheet = finders.find("exports/print.css")
    workspace = look_store.workspace_in({**context, "request": request})
    return HTML(string=html, base_url=stylesheet).write_pdf(
        stylesheets=pdf_styles.stylesheets(look_store.pdf_css(workspace)), pdf_variant="pdf/ua-1"
    )


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slugify(filename) or "document"}.pdf"'
    return response
