from urllib.parse import urlsplit

import segno
from django import template
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from allin.live import codes
from allin.live.models import NOTE_MAX

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


@register.simple_tag
def live_texts():
    """What live.js says and counts, from the server: translated, and the note limit the service enforces.
    Placeholders: %(n)s characters typed, %(max)s the limit."""
    return json_script(
        {
            "noteMax": NOTE_MAX,
            "offline": _("Geen live verbinding. De pagina ververst elke paar seconden."),
            # The phone's outbox (live-outbox.js). Two plural forms are enough for the page's languages (nl, en).
            "waitingOne": ngettext("%(n)s wacht op verbinding", "%(n)s wachten op verbinding", 1),
            "waitingMany": ngettext("%(n)s wacht op verbinding", "%(n)s wachten op verbinding", 2),
            "queued": _("Nog niet verstuurd: er is geen verbinding. Het gaat vanzelf zodra die er weer is."),
            "foreign": _(
                "Er kwam een onbekend antwoord, waarschijnlijk van het netwerk. Het is bewaard en gaat vanzelf opnieuw."
            ),
            "refused": _("Niet verstuurd: %(message)s"),
            # Where nothing is kept to send again (a co-host's controls).
            "sendError": _(
                "Niet verstuurd: er is geen verbinding. Je tekst staat er nog; probeer het zo opnieuw."
            ),
            "foreignOnce": _(
                "Er kwam een onbekend antwoord, waarschijnlijk van het netwerk. Probeer het zo opnieuw."
            ),
            "allSent": _("Alles wat wachtte is verstuurd."),
            "sent": _("Verstuurd!"),
            "empty": _("Schrijf eerst iets op je post-it."),
            "counter": _("%(n)s van %(max)s tekens"),
            "tooLong": _(
                "Je post-it heeft %(n)s tekens; er passen er %(max)s op. Maak hem korter, dan kun je hem versturen."
            ),
            "overrun": _("te lang"),
            # The projector's count of a bucket's notes it has no room for (the same in both plural forms).
            "moreNotes": pgettext("notes the projector has no room for", "en nog %(n)s"),
        },
        "live-texts",
    )


@register.simple_tag
def note_max():
    return NOTE_MAX
