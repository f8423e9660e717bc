"""The report (verslag) of one meeting: who came, the agenda as held with its clock times, what every activity
produced, the parking board with who picks each item up, the actions and the flip-over photos. One context
for the web page and the PDF, so paper and screen always say the same."""

import base64

from allin.methods.loader import get_method

from . import report_actions, report_results, report_selectors


def report_context(meeting) -> dict:
    live = report_selectors.live_of(meeting)
    sections, parking = report_results.meeting_sections(live)
    photos = report_selectors.report_photos(meeting)
    return {
        "meeting": meeting,
        "process": meeting.process,
        "method": get_method(meeting.process.method_slug),
        "live": live,
        "attendance": report_selectors.attendance(meeting, live),
        "held": report_selectors.agenda_as_held(meeting, live),
        "sections": sections,
        "parking": parking,
        "actions": report_actions.meeting_actions(meeting),
        "photos": photos,
    }


def photo_data_uri(photo) -> str:
    """The photo inlined for the PDF, so WeasyPrint reads it from our storage and never fetches a URL."""
    try:
        with photo.image.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError):
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")


def pdf_context(meeting) -> dict:
    context = report_context(meeting)
    context["pdf_photos"] = [(p, uri) for p in context["photos"] if (uri := photo_data_uri(p))]
    return context
