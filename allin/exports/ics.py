"""Calendar invitations (.ics) for meetings, so every participant gets the same times in their own agenda."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event


def _event(meeting):
    tz = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(meeting.date, meeting.start_time, tzinfo=tz)
    event = Event()
    event.add("uid", f"allin-meeting-{meeting.pk}@{slugify(meeting.process.workspace.slug)}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=meeting.planned_minutes))
    event.add("summary", f"{meeting.name} – {meeting.process.name}")
    location = meeting.location or meeting.online_link
    if location:
        event.add("location", location)
    description = [meeting.process.name]
    if meeting.process.theme:
        description.append(meeting.process.theme)
    if meeting.online_link:
        description.append(meeting.online_link)
    event.add("description", "\n".join(description))
    if meeting.online_link:
        event.add("url", meeting.online_link)
    return event


def calendar_for(meetings, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//ALL-IN//allin//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("method", "PUBLISH")
    for meeting in meetings:
        calendar.add_component(_event(meeting))
    return calendar.to_ical()


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "agenda"}.ics"'
    return response
