"""A case description on paper (A4), to hand out at a meeting, in the project's print layout, tagged PDF/UA."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

from allin.core import pdf_styles
from allin.workspaces import look_store


def case(case) -> bytes:
    from weasyprint import CSS, HTML  # late: loading Pango costs time only PDF requests should pay

    context = {
        "case": case,
        "paragraphs": [p for p in case.story.split("\n") if p.strip()],
        "question_lines": [p for p in case.questions.split("\n") if p.strip()],
    }
    html = render_to_string("stepzero/pdf/case.html", context)
    base = finders.find("exports/print.css")
    return HTML(string=html, base_url=base).write_pdf(
        stylesheets=[
            *pdf_styles.stylesheets(look_store.pdf_css(look_store.workspace_in(context))),
            CSS(filename=base),
        ],
        pdf_variant="pdf/ua-1",
    )


def response(content: bytes, filename: str) -> HttpResponse:
    out = HttpResponse(content, content_type="application/pdf")
    out["Content-Disposition"] = f'inline; filename="{slugify(filename) or "casus"}.pdf"'
    return out
