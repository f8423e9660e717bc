"""The experiment log on one A4 page for the working group's managers, in the project's print layout
(exports/print.css plus experiments/print.css), tagged PDF/UA."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from allin.core import pdf_styles
from allin.workspaces import look_store

from . import selectors

# Tighter and tighter until the log fits one page: (compact type and shorter texts, how many experiments shown).
# The last step shows the newest experiments and says how many older ones are in the log on screen.
FITS = ((False, None), (True, None), (True, 12), (True, 7))


def log(process) -> bytes:
    from weasyprint import CSS, HTML  # late: loading Pango costs time only PDF requests should pay

    rows = selectors.experiments(process)
    context = {
        "process": process,
        "question": selectors.current_question(process),
        "members": selectors.members(process),
        "counts": selectors.status_counts(rows),
        "today": timezone.localdate(),
    }
    base = finders.find("exports/print.css")
    own = finders.find("experiments/print.css")
    look = pdf_styles.stylesheets(look_store.pdf_css(process.workspace))
    stylesheets = [*look, CSS(filename=base), CSS(filename=own)]
    for compact, limit in FITS:
        shown = rows if limit is None else rows[-limit:]
        html = render_to_string(
            "experiments/pdf/log.html",
            {
                **context,
                "experiments": shown,
                "compact": compact,
                "cut_q": 90 if compact else 140,
                "cut_t": 110 if compact else 180,
                "left_out": len(rows) - len(shown),
            },
        )
        document = HTML(string=html, base_url=own).render(stylesheets=stylesheets, pdf_variant="pdf/ua-1")
        if len(document.pages) == 1:
            break
    return document.write_pdf(pdf_variant="pdf/ua-1")


def response(content: bytes, filename: str) -> HttpResponse:
    out = HttpResponse(content, content_type="application/pdf")
    out["Content-Disposition"] = f'inline; filename="{slugify(filename) or "document"}.pdf"'
    return out
