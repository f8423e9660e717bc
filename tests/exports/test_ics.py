"""Calendar invitations: the .ics of one meeting and of a whole process, read back as an agenda would."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from allin.processes import services
from allin.processes.models import Meeting
from tests import factories

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _meeting_url(meeting):
    return reverse("meeting_ics", kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})


def _process_url(process):
    return reverse("process_ics", kwargs={"workspace": process.workspace.slug, "pk": process.pk})


def _calendar(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == "text/calendar"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.ics"')
    return Calendar.from_ical(response.content)


def _events(calendar):
    return calendar.walk("VEVENT")


def _expected_start(meeting):
    return datetime.combine(meeting.date, meeting.start_time, tzinfo=AMSTERDAM)


@pytest.fixture
def session(allin_process):
    services.meeting_update(
        meeting=allin_process.meetings.get(method_key="b-sessie"),
        name="ALL-IN-sessie",
        date=date(2026, 3, 30),
        start_time=time(13, 0),
        planned_minutes=180,
        location="Wijkcentrum De Schakel, Oranjestraat 12, Voorbeeldstad",
    )
    return allin_process.meetings.get(method_key="b-sessie")


def test_one_meeting_gives_one_event_at_its_local_time(as_facilitator, session):
    calendar = _calendar(as_facilitator.get(_meeting_url(session)))
    (event,) = _events(calendar)
    start = event.decoded("dtstart")
    assert start == datetime(2026, 3, 30, 13, 0, tzinfo=AMSTERDAM)
    assert start.utcoffset() == timedelta(hours=2)  # summer time has begun on 29 March
    assert str(event["dtstart"].params["TZID"]) == "Europe/Amsterdam"
    assert event.decoded("dtend") - start == timedelta(minutes=180)
    assert "ALL-IN-sessie" in str(event["summary"])
    assert str(event["location"]) == "Wijkcentrum De Schakel, Oranjestraat 12, Voorbeeldstad"
    assert session.process.name in str(event["description"])


def test_the_calendar_defines_the_time_zone_it_uses(as_facilitator, session):
    calendar = _calendar(as_facilitator.get(_meeting_url(session)))
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert calendar.get_missing_tzids() == set()


def test_process_calendar_has_every_meeting(as_facilitator, allin_process):
    meetings = list(allin_process.meetings.all())
    assert len(meetings) >= 3
    calendar = _calendar(as_facilitator.get(_process_url(allin_process)))
    events = _events(calendar)
    assert len(events) == len(meetings)
    assert str(calendar["x-wr-calname"]) == allin_process.name
    by_summary = {str(e["summary"]): e for e in events}
    for meeting in meetings:
        (event,) = [e for s, e in by_summary.items() if meeting.name in s]
        start = event.decoded("dtstart")
        assert start == _expected_start(meeting)
        assert start.tzinfo is not None and start.utcoffset() == _expected_start(meeting).utcoffset()
        assert event.decoded("dtend") == start + timedelta(minutes=meeting.planned_minutes)
        if meeting.location:
            assert str(event["location"]) == meeting.location
        else:
            assert "location" not in event


def test_winter_and_summer_time_are_both_right(as_facilitator, workspace):
    process = factories.empty_process(workspace)
    factories.meeting(process, start=time(19, 30), planned=90, name="Winteravond")  # on 2 March
    summer = factories.meeting(process, start=time(9, 0), planned=60, name="Zomerochtend")
    summer.date = date(2026, 7, 1)
    summer.save()
    events = _events(_calendar(as_facilitator.get(_process_url(process))))
    starts = {str(e["summary"]).split(" – ")[0]: e.decoded("dtstart") for e in events}
    assert starts["Winteravond"].astimezone(ZoneInfo("UTC")).hour == 18  # CET, UTC+1
    assert starts["Zomerochtend"].astimezone(ZoneInfo("UTC")).hour == 7  # CEST, UTC+2


def test_uids_are_unique_and_stable_across_downloads(as_facilitator, allin_process):
    first = [str(e["uid"]) for e in _events(_calendar(as_facilitator.get(_process_url(allin_process))))]
    second = [str(e["uid"]) for e in _events(_calendar(as_facilitator.get(_process_url(allin_process))))]
    assert len(set(first)) == len(first) == allin_process.meetings.count()
    assert first == second
    meeting = allin_process.meetings.first()
    (single,) = _events(_calendar(as_facilitator.get(_meeting_url(meeting))))
    assert str(single["uid"]) in first  # the single invitation updates the same agenda entry


def test_a_changed_time_keeps_the_uid_so_agendas_update(as_facilitator, session):
    (before,) = _events(_calendar(as_facilitator.get(_meeting_url(session))))
    Meeting.objects.filter(pk=session.pk).update(updated_at=session.updated_at - timedelta(minutes=5))
    session.refresh_from_db()
    (before,) = _events(_calendar(as_facilitator.get(_meeting_url(session))))
    services.meeting_update(
        meeting=session,
        name=session.name,
        date=session.date,
        start_time=time(14, 15),
        planned_minutes=150,
        location=session.location,
    )
    (after,) = _events(_calendar(as_facilitator.get(_meeting_url(session))))
    assert str(after["uid"]) == str(before["uid"])
    assert int(after["sequence"]) > int(before["sequence"])
    assert after.decoded("last-modified") > before.decoded("last-modified")
    assert after.decoded("dtstart").time() == time(14, 15)
    assert after.decoded("dtend").time() == time(16, 45)


def test_online_meeting_uses_the_link_as_location(as_facilitator, session):
    services.meeting_update(
        meeting=session,
        name=session.name,
        date=session.date,
        start_time=session.start_time,
        planned_minutes=session.planned_minutes,
        location="",
        online_link="https://meet.example.org/allin-sessie",
    )
    (event,) = _events(_calendar(as_facilitator.get(_meeting_url(session))))
    assert str(event["location"]) == "https://meet.example.org/allin-sessie"
    assert str(event["url"]) == "https://meet.example.org/allin-sessie"


def test_outsider_gets_404(as_outsider, session):
    assert as_outsider.get(_meeting_url(session)).status_code == 404
    assert as_outsider.get(_process_url(session.process)).status_code == 404
