"""Pictures of the social map, drawn on the server: the mirror chart (youth's average ratings beside the
organisation's own, per criterion, as horizontal bars) and the sizes of the search-word cloud. Every picture has
a title and a description for screen readers; the page puts the same numbers in a table beside it."""

import math

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import RATING_MAX

WIDTH = 640
LABEL_W = 170
BAR_MAX = 380
BAR_H = 22
ROW_H = 68
TOP = 56
# Dark blue (youth) and dark orange with stripes (own): both at least 4.5:1 on white, told apart without colour.
YOUTH_COLOUR = "#0b4f8a"
OWN_COLOUR = "#9a4a00"
FONTS = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"
CLOUD_SIZES = 5


def number(value) -> str:
    return number_format(value, decimal_pos=1) if value is not None else _("geen cijfer")


def _bar(x, y, value, fill, stroke):
    if value is None:
        return f'<text x="{x + 4}" y="{y + BAR_H - 6}" font-size="14" fill="#4a4a4a">{escape(_("geen cijfer"))}</text>'
    width = BAR_MAX * value / RATING_MAX
    return (
        f'<rect x="{x}" y="{y}" width="{width:.1f}" height="{BAR_H}" fill="{fill}" stroke="{stroke}"/>'
        f'<text x="{x + width + 6:.1f}" y="{y + BAR_H - 6}" font-size="15" font-weight="700" fill="#14142b">'
        f"{escape(number(value))}</text>"
    )


def describe(mirror) -> str:
    parts = []
    for label, youth, own in mirror.rows:
        parts.append(
            _("%(label)s: jongeren %(youth)s, de organisatie zelf %(own)s")
            % {"label": label, "youth": number(youth), "own": number(own)}
        )
    groups = ngettext("%(n)d groepje jongeren", "%(n)d groepjes jongeren", mirror.youth_count) % {
        "n": mirror.youth_count
    }
    own = ngettext("%(n)d eigen beoordeling", "%(n)d eigen beoordelingen", mirror.own_count) % {
        "n": mirror.own_count
    }
    return (
        _("Cijfers van 1 tot 5 (%(groups)s, %(own)s). ") % {"groups": groups, "own": own}
        + "; ".join(parts)
        + "."
    )


def mirror_svg(mirror) -> str:
    """The mirror of one organisation as an SVG with role img, a title and a description."""
    pk = mirror.organisation.pk
    title = _(
        "Spiegel van %(name)s: hoe jongeren de organisatie beoordelen en hoe de organisatie zichzelf beoordeelt"
    ) % {"name": mirror.organisation.name}
    rows = mirror.rows
    height = TOP + ROW_H * len(rows) + 34
    x0 = LABEL_W
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" class="sm-mirror-svg" '
        f'aria-labelledby="mirror-{pk}-title mirror-{pk}-desc" font-family="{FONTS}">',
        f'<title id="mirror-{pk}-title">{escape(title)}</title>',
        f'<desc id="mirror-{pk}-desc">{escape(describe(mirror))}</desc>',
        f'<defs><pattern id="mirror-{pk}-stripes" width="8" height="8" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/>'
        f'<rect width="4" height="8" fill="{OWN_COLOUR}"/></pattern></defs>',
        f'<rect x="0" y="8" width="18" height="18" fill="{YOUTH_COLOUR}"/>',
        f'<text x="26" y="23" font-size="15" fill="#14142b">{escape(_("Jongeren"))}</text>',
        f'<rect x="150" y="8" width="18" height="18" fill="url(#mirror-{pk}-stripes)" stroke="{OWN_COLOUR}"/>',
        f'<text x="176" y="23" font-size="15" fill="#14142b">{escape(_("De organisatie zelf"))}</text>',
    ]
    bottom = TOP + ROW_H * len(rows) - 10
    for step in range(RATING_MAX + 1):
        x = x0 + BAR_MAX * step / RATING_MAX
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{bottom}" stroke="#c8c8c8" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{bottom + 20}" font-size="13" text-anchor="middle" fill="#4a4a4a">{step}</text>'
        )
    for index, (label, youth, own) in enumerate(rows):
        y = TOP + ROW_H * index
        parts.append(
            f'<text x="0" y="{y + BAR_H + 6}" font-size="16" font-weight="700" fill="#14142b">{escape(label)}</text>'
        )
        parts.append(_bar(x0, y, youth, YOUTH_COLOUR, YOUTH_COLOUR))
        parts.append(_bar(x0, y + BAR_H + 4, own, f"url(#mirror-{pk}-stripes)", OWN_COLOUR))
    parts.append("</svg>")
    return mark_safe("".join(parts))


def cloud_sizes(words) -> list[tuple[str, int, int]]:
    """(word, count, size 1..5) in alphabetical order: the most used words largest."""
    if not words:
        return []
    high = max(n for _w, n in words)
    low = min(n for _w, n in words)
    sized = []
    for word, n in words:
        size = (
            CLOUD_SIZES if high == low else 1 + round((CLOUD_SIZES - 1) * math.sqrt((n - low) / (high - low)))
        )
        sized.append((word, n, size))
    return sorted(sized, key=lambda entry: entry[0])
