"""The stylesheets every PDF starts from: our design tokens (core/tokens.css), so that the print CSS of each app,
which names no colour of its own, gets the same colours and font as the screen; then any extra CSS, such as a
workspace's own look (allin/workspaces/look.py)."""

from django.contrib.staticfiles import finders


def stylesheets(*extra_css: str) -> list:
    from weasyprint import CSS  # late: loading Pango costs time only PDF requests should pay

    sheets = [CSS(filename=finders.find("core/tokens.css"))]
    sheets += [CSS(string=css) for css in extra_css if css]
    return sheets
