"""Moderation (allin/live/moderation.py): notes that wait until the facilitator lets them through, and
everything from one phone hidden in one click; both in the audit log."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from allin.audit.models import AuditEntry
from allin.live import moderation, notes
from allin.live.models import Note
from tests.conftest import client_for

from . import helpers


def _console_post(user, live, name, data=None):
    url = reverse(name, args=[live.meeting.process.workspace.slug, live.meeting.pk])
    return client_for(user).post(url, data or {}, HTTP_HX_REQUEST="true")


def _projector(live):
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


def _phone_post(phone, live, board, text):
    data = {"activity": board.pk, "client_id": str(uuid.uuid4()), "text": text, "category": "top"}
    return phone.post(reverse("live_note_post", args=[live.code]), data, HTTP_X_LIVE="1")


@pytest.fixture
def phone(live, attendee):
    return helpers.phone_client(Client(), live, attendee)


# ---- moderation mode -----------------------------------------------------------------------------------------


def test_in_moderation_mode_a_note_reaches_the_projector_only_when_let_through(
    live, board, phone, facilitator
):
    assert _console_post(facilitator, live, "live_moderation", {"on": "1"}).status_code == 200
    live.refresh_from_db()
    assert live.moderated

    mine = _phone_post(phone, live, board, "Meer jongerenwerk in de wijk")
    assert mine.status_code == 200
    assert "wacht op de begeleider" in mine.content.decode()  # the phone sees its own note, waiting
    note = Note.objects.get(activity=board)
    assert note.held and note.hidden
    assert "Meer jongerenwerk in de wijk" not in _projector(live)

    console = client_for(facilitator).get(
        reverse("live_console", args=[live.meeting.process.workspace.slug, live.meeting.pk])
    )
    assert "wacht op jou" in console.content.decode() and "Doorlaten" in console.content.decode()

    _console_post(facilitator, live, "live_note_hide", {"note": note.pk, "hidden": "0"})
    note.refresh_from_db()
    assert not note.held and not note.hidden
    assert "Meer jongerenwerk in de wijk" in _projector(live)


def test_a_held_note_is_not_pushed_to_the_projector(live, board, attendee, monkeypatch):
    from allin.live import screens
    from allin.live.realtime import CONSOLE, PROJECTOR, group

    sent = []
    monkeypatch.setattr(screens.realtime, "send", lambda sends, version=0: sent.extend(sends))
    moderation.moderation_set(live=live, on=True)
    live.refresh_from_db()
    board.live = live
    note, _ = helpers.post(board, attendee, text="Eerst kijken")
    screens.deliver(screens.events.LiveEvent(live.pk, screens.events.NOTE_ADDED, note_id=note.pk))
    assert [name for name, _ops in sent] == [group(live.pk, CONSOLE)]
    assert group(live.pk, PROJECTOR) not in [name for name, _ops in sent]


def test_the_facilitators_own_notes_are_never_held(live, board, facilitator):
    moderation.moderation_set(live=live, on=True)
    live.refresh_from_db()
    board.live = live
    note, _ = notes.note_create(
        activity=board, author=facilitator, text="Flip-over", client_id=uuid.uuid4(), category="top"
    )
    assert not note.held and not note.hidden


def test_switching_moderation_is_in_the_audit_log(live, facilitator):
    _console_post(facilitator, live, "live_moderation", {"on": "1"})
    _console_post(facilitator, live, "live_moderation", {"on": "0"})
    entries = list(AuditEntry.objects.filter(action="live.moderation").order_by("pk"))
    assert [e.summary.endswith(": aan") for e in entries] == [True, False]
    assert {e.actor_id for e in entries} == {facilitator.pk}
    log = client_for(facilitator).get(reverse("audit_log", args=[live.meeting.process.workspace.slug]))
    if log.status_code == 200:  # owners only; the facilitator's entries are checked above
        assert "moderatie van post-its" in log.content.decode()


def test_a_viewer_cannot_switch_moderation(live, viewer):
    assert _console_post(viewer, live, "live_moderation", {"on": "1"}).status_code == 403
    live.refresh_from_db()
    assert not live.moderated


# ---- everything from one phone -------------------------------------------------------------------------------


def test_one_click_hides_everything_from_a_phone_and_holds_its_next_notes(
    live, board, attendee, facilitator, owner
):
    other = helpers.join(live, name="Noor")
    for text in ("rommel een", "rommel twee", "rommel drie"):
        helpers.post(board, attendee, text=text)
    helpers.post(board, other, text="Een echt idee")

    response = _console_post(facilitator, live, "live_phone_hide", {"attendee": attendee.pk})
    assert response.status_code == 200
    projector = _projector(live)
    assert "rommel" not in projector
    assert "Een echt idee" in projector
    attendee.refresh_from_db()
    assert attendee.muted

    phone = helpers.phone_client(Client(), live, attendee)
    _phone_post(phone, live, board, "rommel vier")
    assert Note.objects.get(text="rommel vier").held
    assert "rommel vier" not in _projector(live)

    entry = AuditEntry.objects.get(action="live.hide_phone")
    assert entry.actor_id == facilitator.pk
    assert entry.object_type == "attendee" and entry.object_id == str(attendee.pk)
    assert "3 post-its verborgen" in entry.summary and "rommel" not in entry.summary
    log = client_for(owner).get(reverse("audit_log", args=[live.meeting.process.workspace.slug]))
    assert "alles van een telefoon verborgen" in log.content.decode()


def test_a_hidden_phone_can_be_let_in_again(live, board, attendee, facilitator):
    moderation.attendee_hide_all(live=live, attendee=attendee, by=facilitator)
    assert _console_post(facilitator, live, "live_phone_unmute", {"attendee": attendee.pk}).status_code == 200
    attendee.refresh_from_db()
    assert not attendee.muted
    note, _ = helpers.post(board, attendee, text="Weer welkom")
    assert not note.held
    assert AuditEntry.objects.filter(action="live.unmute_phone").count() == 1


def test_a_phone_of_another_meeting_cannot_be_named(live, other_live, facilitator):
    stranger = helpers.join(other_live)
    assert _console_post(facilitator, live, "live_phone_hide", {"attendee": stranger.pk}).status_code == 404
    stranger.refresh_from_db()
    assert not stranger.muted


def test_a_kinds_notes_are_not_held(live, board, attendee):
    moderation.moderation_set(live=live, on=True)
    live.refresh_from_db()
    board.live = live
    note, _ = notes.note_create(
        activity=board, attendee=attendee, text="Reactie", client_id=uuid.uuid4(), rules=lambda: {}
    )
    assert not note.held and not note.hidden
