from urllib.parse import urlsplit

import segno
from django import template
from django.utils.safestring import mark_safe

from allin.live import codes

register = template.Library()


@register.simple_tag
def qr_svg(url):
    """The QR code as inline SVG. Safe to mark: we generate every byte of it from a URL we built."""
    svg = segno.make(url, error="m").svg_inline(scale=10, border=2, omitsize=True)
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))


@register.filter
def join_url(live):
    return f"{live.base_url}/j/{live.code}"


@register.filter
def qr_join_url(live):
    """The QR code's link: with the meeting's join key, so who scans it skips the limit on mistyped codes."""
    return f"{live.base_url}/j/{live.code}/qr/{live.join_key}/"


@register.filter
def short_join_address(live):
    host = urlsplit(live.base_url).netloc or live.base_url
    return f"{host}/j/{live.code}"


@register.filter
def spaced_code(code):
    return codes.spaced(code)
