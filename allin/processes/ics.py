"""Calendar invitations (.ics) for meetings, so every participant gets the same times in their own agenda. Here,
with the meetings, because the invitation e-mails (people) attach them and the export pages (exports) serve them."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event

from allin.core.site import configured_host

SEQUENCE_EPOCH = 1_767_225_600  # 2026-01-01: keeps SEQUENCE a small, ever-growing number


def _event(meeting):
    tz = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(meeting.date, meeting.start_time, tzinfo=tz)
    event = Event()
    # The UID names the meeting on this installation only (the configured host, never the request's, so an
    # invitation sent from another address updates the same event), so renaming anything never duplicates events in
    # people's calendars; SEQUENCE and LAST-MODIFIED make clients take a changed time as an update.
    event.add("uid", f"allin-meeting-{meeting.pk}@{configured_host()}")
    event.add("dtstamp", timezone.now())
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", int(meeting.updated_at.timestamp()) - SEQUENCE_EPOCH)
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
    meetings = list(meetings)
    for meeting in meetings:
        calendar.add_component(_event(meeting))
    if meetings:
        # Every TZID needs its VTIMEZONE (RFC 5545 3.6.5), or some agendas shift or float the times. The rules
        # cover a year either side of the meetings, which keeps the file short.
        dates = [meeting.date for meeting in meetings]
        calendar.add_missing_timezones(
            first_date=min(dates) - timedelta(days=366), last_date=max(dates) + timedelta(days=366)
        )
    return calendar.to_ical()


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "agenda"}.ics"'
    return response
