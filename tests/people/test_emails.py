"""The invitation and reminder e-mails: what they say, the .ics they carry, and that a double click or a second
facilitator does not send twice."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from allin.people import invitations, links
from allin.people.models import Invitation
from tests import factories

from . import factories as people_factories

LINK = re.compile(r"https://allin\.example\.nl/antwoord/([^/\s\"]+)/")


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    def run(call):
        with django_capture_on_commit_callbacks(execute=True):
            return call()

    return run


def _ics(message):
    (name, content, mimetype), *_rest = message.attachments
    assert name.endswith(".ics") and mimetype == "text/calendar"
    return Calendar.from_ical(content)


def test_an_invitation_has_text_html_ics_and_a_personal_link(capture, meeting, sam, facilitator):
    invitations.meeting_info_set(meeting=meeting, bring="Je telefoon, opgeladen", note="Er is eten.")
    result = capture(
        lambda: invitations.invitations_send(meeting=meeting, participants=[sam], sent_by=facilitator)
    )
    assert result.sent == [sam]
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert message.reply_to == [facilitator.email]
    assert message.subject == "Uitnodiging: Sessie op dinsdag 14 mei"
    text = message.body
    assert "Hoi Sam," in text
    assert "dinsdag 14 mei 2030, van 14:00 tot 16:00 uur" in text
    assert "Waar: De Plek" in text and "Neem mee: Je telefoon, opgeladen" in text and "Er is eten." in text
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Hoi Sam," in html and "<strong>Waar:</strong> De Plek" in html

    (event,) = _ics(message).walk("VEVENT")
    start = datetime(2030, 5, 14, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert event.decoded("dtstart") == start
    assert str(event["uid"]) == f"allin-meeting-{meeting.pk}@allin.example.nl"
    assert str(event["summary"]) == "Sessie – ALL-IN Rivierstad"

    token = LINK.search(text).group(1)
    assert LINK.search(html).group(1) == token
    assert links.invitation_from_token(token) == Invitation.objects.get(participant=sam, meeting=meeting)


def test_names_in_the_html_are_escaped(capture, process, meeting):
    p = people_factories.participant(process, name="<b>Jay</b>", email="jay@example.org")
    capture(lambda: invitations.invitations_send(meeting=meeting, participants=[p]))
    html = mail.outbox[0].alternatives[0][0]
    assert "<b>Jay</b>" not in html and "&lt;b&gt;Jay&lt;/b&gt;" in html


def test_the_series_is_one_email_with_every_coming_meeting(capture, process, sam):
    past = people_factories.future_meeting(process, day=date(2020, 1, 6), name="Voorbij")
    first = people_factories.future_meeting(process, day=date(2030, 3, 1), name="Voorbereiding")
    second = people_factories.future_meeting(process, day=date(2030, 4, 1), name="Sessie")
    result = capture(
        lambda: invitations.invitations_send_series(
            process=process, participants=[sam], today=date(2026, 1, 1)
        )
    )
    assert result.sent == [sam]
    (message,) = mail.outbox
    assert message.subject == "Uitnodiging: ALL-IN Rivierstad (2 bijeenkomsten)"
    uids = {str(e["uid"]) for e in _ics(message).walk("VEVENT")}
    assert uids == {f"allin-meeting-{m.pk}@allin.example.nl" for m in (first, second)}
    tokens = LINK.findall(message.body)
    assert [links.invitation_from_token(t).meeting for t in tokens] == [first, second]
    assert not Invitation.objects.filter(meeting=past).exists()
    assert all(i.series for i in Invitation.objects.all())


def test_a_series_without_coming_meetings_is_refused(process, sam):
    people_factories.future_meeting(process, day=date(2020, 1, 6))
    with pytest.raises(Exception, match="geen bijeenkomsten meer"):
        invitations.invitations_send_series(process=process, participants=[sam], today=date(2026, 1, 1))


def test_a_double_click_sends_once(capture, meeting, sam, noor):
    capture(lambda: invitations.invitations_send(meeting=meeting, participants=[sam]))
    again = capture(lambda: invitations.invitations_send(meeting=meeting, participants=[sam, noor]))
    assert again.recent == [sam] and again.sent == [noor]
    assert sorted(m.to[0] for m in mail.outbox) == ["noor@example.org", "sam@example.org"]
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        later = capture(lambda: invitations.invitations_send(meeting=meeting, participants=[sam]))
    assert later.sent == [sam] and len(mail.outbox) == 3
    assert Invitation.objects.count() == 2


def test_participants_without_email_are_reported_not_mailed(capture, process, meeting):
    no_mail = people_factories.participant(process, name="Lina")
    result = capture(lambda: invitations.invitations_send(meeting=meeting, participants=[no_mail]))
    assert result.without_email == [no_mail] and mail.outbox == []
    assert not Invitation.objects.exists()


def test_participants_of_another_process_are_refused(meeting, workspace):
    stranger = people_factories.participant(
        factories.empty_process(workspace, name="Ander"), email="x@example.org"
    )
    with pytest.raises(Exception, match="deelnemers van dit traject"):
        invitations.invitations_send(meeting=meeting, participants=[stranger])
    assert not Invitation.objects.exists()


def test_reminders_go_only_to_those_who_have_not_answered(capture, process, meeting, sam, noor):
    jay = people_factories.participant(process, name="Jay", email="jay@example.org")
    lina = people_factories.participant(process, name="Lina", email="lina@example.org")
    people_factories.participant(process, name="Milan", email="milan@example.org")  # never invited
    capture(lambda: invitations.invitations_send(meeting=meeting, participants=[sam, noor, jay, lina]))
    invitations.rsvp_answer(invitation=Invitation.objects.get(participant=noor), answer="ja")
    invitations.rsvp_answer(invitation=Invitation.objects.get(participant=jay), answer="nee")
    invitations.invitation_revoke(invitation=Invitation.objects.get(participant=lina))
    mail.outbox.clear()
    later = timezone.now() + timedelta(hours=1)
    with time_machine.travel(later):
        result = capture(lambda: invitations.invitations_remind(meeting=meeting))
    assert result.sent == [sam]
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert message.subject == "Herinnering: kom je naar Sessie?"
    assert "We hebben nog niet van je gehoord." in message.body
    assert _ics(message).walk("VEVENT")
    invitation = Invitation.objects.get(participant=sam)
    assert invitation.reminder_count == 1 and abs(invitation.reminded_at - later) < timedelta(seconds=5)
    with time_machine.travel(later + timedelta(minutes=2)):
        again = capture(lambda: invitations.invitations_remind(meeting=meeting))
    assert again.recent == [sam] and len(mail.outbox) == 1


def test_the_email_is_dutch_whatever_the_facilitators_language(capture, meeting, sam):
    from django.utils import translation

    with translation.override("en"):
        capture(lambda: invitations.invitations_send(meeting=meeting, participants=[sam]))
    assert "Hoi Sam," in mail.outbox[0].body and "dinsdag" in mail.outbox[0].body
