"""HTML templates to PDF with WeasyPrint, tagged as PDF/UA so screen readers can follow the structure."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

from allin.core import pdf_styles
from allin.workspaces import look_store

PDF_VARIANT = "pdf/ua-1"


def render_pdf(template: str, context: dict, request=None) -> bytes:
    html = render_to_string(template, context, request=request)
    workspace = look_store.workspace_in({**context, "request": request})
    return render_pdf_from_html(html, look_css=look_store.pdf_css(workspace))[0]


def render_pdf_from_html(html: str, look_css: str = "") -> tuple[bytes, int]:
    """(the PDF, its number of pages); `look_css` is the workspace's look (workspaces/look_store.pdf_css)."""
    from weasyprint import HTML  # imported late: loading Pango costs time that only PDF requests should pay

    stylesheet = finders.find("exports/print.css")
    document = HTML(string=html, base_url=stylesheet).render(
        stylesheets=pdf_styles.stylesheets(look_css), pdf_variant=PDF_VARIANT
    )
    return document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages)


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slugify(filename) or "document"}.pdf"'
    return response
