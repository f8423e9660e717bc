"""Nothing missing: every push carries the meeting's version, projector and consoles hear of every version,
and a screen that is behind asks for what changed since its version (`?since=`): nothing (204), the notes it
missed (JSON operations), or its whole stage."""

import pytest
from django.test import Client
from django.urls import reverse

from allin.live import events, notes, screens, services
from allin.live.realtime import CONSOLE, PHONES, PROJECTOR, attendee_group, group

from . import helpers


def _version(live):
    live.refresh_from_db()
    return live.version


def _projector(live, since=None):
    url = reverse("live_projector_stage", args=[live.code, live.projector_key])
    return Client().get(url, {"since": since} if since is not None else {})


@pytest.fixture
def sent(monkeypatch):
    calls = []
    monkeypatch.setattr(screens.realtime, "send", lambda sends, version=0: calls.append(dict(sends)))
    return calls


def test_every_change_gets_the_next_version_and_every_op_carries_it(
    board, attendee, sent, django_capture_on_commit_callbacks
):
    before = _version(board.live)
    with django_capture_on_commit_callbacks(execute=True):
        note, _ = helpers.post(board, attendee)
        notes.theme_create(activity=board, name="Vindbaarheid")
    assert _version(board.live) == before + 2
    note.refresh_from_db()
    assert note.version == before + 1
    added, themed = sent
    assert {op["v"] for ops in added.values() for op in ops} == {before + 1}
    assert {op["v"] for ops in themed.values() for op in ops} == {before + 2}


def test_projector_and_consoles_hear_of_a_change_they_do_not_show(
    board, attendee, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = events.attendee_changed(board.live_id, attendee.pk)
    [sends] = sent
    live_id = board.live_id
    assert sends[attendee_group(live_id, attendee.pk)] == [{"op": "refresh", "v": version}]
    assert sends[group(live_id, PROJECTOR)] == [{"op": "v", "v": version}]
    assert sends[group(live_id, CONSOLE)] == [{"op": "v", "v": version}]
    assert group(live_id, PHONES) not in sends


def test_a_projector_that_missed_a_note_gets_just_that_note(board, attendee):
    since = _version(board.live)
    note, _ = helpers.post(board, attendee, text="Een loket in de wijk")
    response = _projector(board.live, since)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    data = response.json()
    [op] = data["ops"]
    assert data["v"] == since + 1 == int(response["X-Live-Version"])
    assert op["op"] == "append" and op["id"] == f"pnote-{note.pk}" and "Een loket in de wijk" in op["html"]
    assert op["target"].startswith(f"#bucket-{board.pk}-")


def test_a_screen_that_missed_nothing_gets_204(board, attendee):
    helpers.post(board, attendee)
    response = _projector(board.live, _version(board.live))
    assert response.status_code == 204 and response["X-Live-Version"] == str(board.live.version)


def test_a_screen_behind_a_stage_change_gets_its_whole_stage(board, attendee):
    since = _version(board.live)
    helpers.post(board, attendee, text="Eerst dit")
    services.item_step(live=board.live, offset=1)
    response = _projector(board.live, since)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert int(response["X-Live-Version"]) == since + 2


def test_the_console_gets_its_own_delta(board, attendee, as_facilitator):
    since = _version(board.live)
    note, _ = helpers.post(board, attendee, text="Meer avondopening")
    meeting = board.live.meeting
    url = reverse("live_console_stage", args=[meeting.process.workspace.slug, meeting.pk])
    [op] = as_facilitator.get(url, {"since": since}).json()["ops"]
    assert op["id"] == f"cnote-{note.pk}" and op["target"] == f"#cnotes-{board.pk}"
    assert "Verbergen" in op["html"]


def test_a_phone_refetches_only_when_its_stage_changed(board, attendee):
    phone = helpers.phone_client(Client(), board.live, attendee)
    url = reverse("live_phone_stage", args=[board.live.code])
    since = _version(board.live)
    helpers.post(board, helpers.join(board.live, name="Kim"))  # a note: phones do not show the board
    assert phone.get(url, {"since": since}).status_code == 204
    services.item_step(live=board.live, offset=1)
    changed = phone.get(url, {"since": since})
    assert changed.status_code == 200 and 'data-part="stage"' in changed.content.decode()


@pytest.mark.parametrize("since", ["", "abc", "-1", "9" * 30])
def test_a_bad_since_gets_the_whole_stage(board, since):
    response = _projector(board.live, since)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
