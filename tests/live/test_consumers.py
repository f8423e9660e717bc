"""Websockets through the real ASGI application: who may connect, what each screen hears after a service has
committed, malformed messages, batching for the projector, and the complete state after a reconnect."""

import time
import uuid
from unittest import mock

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse

from allin.asgi import application
from allin.live import attendance, consumers, notes, realtime, services
from allin.live.models import LiveMeeting
from tests.conftest import client_for
from tests.live.helpers import bare

from . import helpers

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://testserver")


def _cookie_header(*pairs):
    return (b"cookie", "; ".join(f"{name}={value}" for name, value in pairs).encode())


async def _open(path, *headers, origin=ORIGIN):
    """A connected communicator that has had its hello, or fails the test."""
    communicator = WebsocketCommunicator(application, path, headers=[origin, *headers])
    connected, code = await communicator.connect()
    assert connected, code
    assert await communicator.receive_json_from() == {"ops": [{"op": "hello"}]}
    return communicator


async def _refused(path, *headers, origin=ORIGIN):
    communicator = WebsocketCommunicator(application, path, headers=[origin, *headers])
    connected, code = await communicator.connect()
    await communicator.disconnect()
    return not connected and (code == 4403 or origin != ORIGIN)  # 4403: our consumer said no


def _phone_path(live):
    return f"/ws/live/{live.code}/phones/"


def _projector_path(live, key=None):
    return f"/ws/live/{live.code}/projector/{key or live.projector_key}/"


def _console_path(live):
    return f"/ws/live/{live.code}/console/"


def _session_cookie(user):
    return ("sessionid", client_for(user).cookies["sessionid"].value)


@pytest.fixture
def phone(live, attendee):
    return _cookie_header(helpers.cookie(live, attendee))


@pytest.fixture
def member(viewer):
    return _cookie_header(_session_cookie(viewer))


@pytest.fixture
def wide_batch(monkeypatch):
    """A wider batching window, so a slow test machine still sends its pushes within one window."""
    assert consumers.BATCH_SECONDS[realtime.PROJECTOR] == 0.1
    monkeypatch.setitem(consumers.BATCH_SECONDS, realtime.PROJECTOR, 0.5)


async def _ops(communicator, timeout=2):
    return (await communicator.receive_json_from(timeout))["ops"]


# ---- who may connect -----------------------------------------------------------------------------------


async def test_a_phone_with_its_cookie_connects(live, phone):
    communicator = await _open(_phone_path(live), phone)
    await communicator.send_json_to({"type": "ping"})
    assert await communicator.receive_json_from() == {"type": "pong"}
    await communicator.disconnect()


async def test_a_phone_without_a_valid_cookie_is_refused(live, attendee):
    name, value = helpers.cookie(live, attendee)
    assert await _refused(_phone_path(live))
    assert await _refused(_phone_path(live), _cookie_header((name, value[:-2] + "xx")))
    assert await _refused(_phone_path(live), _cookie_header((name, str(attendee.key))))  # unsigned


def _cookie_made_days_ago(live, attendee, days):
    with mock.patch("django.core.signing.time.time", return_value=time.time() - days * 24 * 60 * 60):
        return helpers.cookie(live, attendee)


async def test_an_expired_cookie_is_refused(live, attendee):
    assert await _refused(_phone_path(live), _cookie_header(_cookie_made_days_ago(live, attendee, 3)))
    yesterday = await _open(_phone_path(live), _cookie_header(_cookie_made_days_ago(live, attendee, 1)))
    await yesterday.disconnect()


async def test_a_cookie_of_another_meeting_is_refused(live, other_live):
    stranger = await database_sync_to_async(helpers.join)(other_live)
    _name, value = await database_sync_to_async(helpers.cookie)(other_live, stranger)
    # Even under this meeting's cookie name, the signature was made for the other meeting.
    assert await _refused(_phone_path(live), _cookie_header((attendance.cookie_name(live), value)))


async def test_an_unknown_code_and_a_foreign_origin_are_refused(live, phone):
    assert await _refused("/ws/live/ABCDEF/phones/", phone)
    assert await _refused(_phone_path(live), phone, origin=(b"origin", b"https://evil.example"))


async def test_the_projector_needs_its_key(live):
    old_path = _projector_path(live)
    communicator = await _open(old_path)
    await communicator.disconnect()
    assert await _refused(_projector_path(live, key="x" * 32))
    await database_sync_to_async(services.projector_key_renew)(live=live)
    assert await _refused(old_path)
    communicator = await _open(_projector_path(live))  # the new key
    await communicator.disconnect()


async def test_renewing_the_projector_link_closes_a_connected_projector(live):
    old = await _open(_projector_path(live))
    await database_sync_to_async(services.projector_key_renew)(live=live)
    closed = await old.receive_output(timeout=2)
    assert closed["type"] == "websocket.close" and closed["code"] == 4403
    renewed = await _open(_projector_path(live))  # the new link works and is not sent away
    await database_sync_to_async(services.projector_key_renew)(live=live)
    assert (await renewed.receive_output(timeout=2))["type"] == "websocket.close"


async def test_members_watch_the_console_outsiders_do_not(live, member, outsider, facilitator):
    communicator = await _open(_console_path(live), member)
    await communicator.disconnect()
    cookies = [await database_sync_to_async(_session_cookie)(user) for user in (facilitator, outsider)]
    communicator = await _open(_console_path(live), _cookie_header(cookies[0]))
    await communicator.disconnect()
    assert await _refused(_console_path(live), _cookie_header(cookies[1]))
    assert await _refused(_console_path(live))
    assert await _refused(_console_path(live), _cookie_header(("sessionid", "vervalst")))


# ---- what each screen hears -------------------------------------------------------------------------


async def test_a_note_reaches_the_projector_and_the_console_as_text(board, attendee, member):
    projector = await _open(_projector_path(board.live))
    console = await _open(_console_path(board.live), member)
    note, _ = await database_sync_to_async(helpers.post)(
        board, attendee, text="<script>x()</script> & zo", category="tip"
    )

    [append] = await _ops(projector)
    assert append["op"] == "append" and append["id"] == f"pnote-{note.pk}"
    assert append["target"] == f"#bucket-{board.pk}-c1"  # the second category: tip
    assert "&lt;script&gt;x()&lt;/script&gt; &amp; zo" in append["html"] and "<script>" not in append["html"]
    assert "Sam" not in append["html"]  # no name unless chosen

    [console_append] = await _ops(console)
    assert console_append["op"] == "append" and console_append["target"] == f"#cnotes-{board.pk}"
    assert "&lt;script&gt;" in console_append["html"] and "<script>" not in console_append["html"]
    await projector.disconnect()
    await console.disconnect()


async def test_a_hidden_note_is_removed_from_the_projector_and_the_authors_phone(board, attendee, phone):
    other = await database_sync_to_async(helpers.join)(board.live, name="Kim")
    other_phone = await _open(_phone_path(board.live), _cookie_header(helpers.cookie(board.live, other)))
    author_phone = await _open(_phone_path(board.live), phone)
    note, _ = await database_sync_to_async(helpers.post)(board, attendee)
    projector = await _open(_projector_path(board.live))

    await database_sync_to_async(notes.note_set_hidden)(note=note, hidden=True)
    assert bare(await _ops(projector)) == [{"op": "remove", "target": f"#pnote-{note.pk}"}]
    assert bare(await _ops(author_phone)) == [{"op": "remove", "target": f"#mynote-{note.pk}"}]
    assert await other_phone.receive_nothing(timeout=0.3)
    for communicator in (projector, author_phone, other_phone):
        await communicator.disconnect()


async def test_moving_to_the_next_item_changes_every_phone(live, attendee, phone):
    phones = [await _open(_phone_path(live), phone)]
    for name in ("Kim", "Noor"):
        someone = await database_sync_to_async(helpers.join)(live, name=name)
        phones.append(await _open(_phone_path(live), _cookie_header(helpers.cookie(live, someone))))
    plans = (await database_sync_to_async(helpers.items)(live))[2]

    await database_sync_to_async(services.item_goto)(live=live, item=plans)
    version = (await database_sync_to_async(LiveMeeting.objects.get)(pk=live.pk)).version
    for communicator in phones:
        (stage,) = await _ops(communicator)
        assert stage["op"] == "stage" and stage["target"] == "#stage" and stage["v"] == version
        assert "Plannen" in stage["html"] and "Wat ga jij doen?" in stage["html"]
        # The pushed stage is the same for every phone: its "your notes" part is empty, for each phone to fetch.
        assert '<div id="my-notes" data-mine-url=' in stage["html"] and "mynote-" not in stage["html"]

    # A change on the same item (here: the join screen) keeps every phone's own notes.
    await database_sync_to_async(services.screen_set)(live=live, show_join=True)
    for communicator in phones:
        assert [op["op"] for op in await _ops(communicator)] == ["stage"]
        await communicator.disconnect()


@pytest.mark.parametrize(
    "message",
    ["geen json", "{", "x" * 5000, '{"type": "note", "text": "hoi"}', "[1, 2]", '"ping"', '{"type": "PING"}'],
)
async def test_malformed_messages_get_an_error_and_the_socket_stays_open(live, phone, message):
    communicator = await _open(_phone_path(live), phone)
    await communicator.send_to(text_data=message)
    answer = await communicator.receive_json_from()
    assert answer["type"] == "error" and "niet begrepen" in answer["error"]
    await communicator.send_to(bytes_data=b"\x00\x01")
    assert (await communicator.receive_json_from())["type"] == "error"
    await communicator.send_json_to({"type": "ping"})
    assert await communicator.receive_json_from() == {"type": "pong"}
    await communicator.disconnect()


async def test_the_projector_gets_many_pushes_as_one_frame(board, attendee, wide_batch):
    projector = await _open(_projector_path(board.live))

    def three_notes():
        return [helpers.post(board, attendee, text=f"Post-it {i}")[0].pk for i in range(3)]

    pks = await database_sync_to_async(three_notes)()
    ops = await _ops(projector)
    assert [op["id"] for op in ops] == [f"pnote-{pk}" for pk in pks]
    assert await projector.receive_nothing(timeout=0.3)
    await projector.disconnect()


async def test_a_refresh_in_a_batch_makes_earlier_ops_unnecessary(board, attendee, wide_batch):
    projector = await _open(_projector_path(board.live))

    def note_theme_note():
        helpers.post(board, attendee, text="eerst")
        notes.theme_create(activity=board, name="Geld")
        return helpers.post(board, attendee, text="daarna")[0].pk

    last = await database_sync_to_async(note_theme_note)()
    ops = await _ops(projector)
    assert [op["op"] for op in ops] == ["refresh", "append"] and ops[1]["id"] == f"pnote-{last}"
    await projector.disconnect()


async def test_phones_hear_neither_notes_nor_the_join_counter(board, attendee, phone, wide_batch):
    communicator = await _open(_phone_path(board.live), phone)
    projector = await _open(_projector_path(board.live))

    def note_and_join():
        helpers.post(board, attendee)
        helpers.join(board.live, name="Kim")

    await database_sync_to_async(note_and_join)()
    ops = await _ops(projector)
    assert [op["op"] for op in ops] == ["append", "text"] and bare(ops)[1] == {
        "op": "text",
        "target": "#joined-count",
        "text": "2",
    }
    assert await communicator.receive_nothing(timeout=0.3)
    await communicator.disconnect()
    await projector.disconnect()


# ---- nothing lost --------------------------------------------------------------------------------------


async def test_after_a_reconnect_the_projector_fetches_the_complete_state(board, attendee):
    projector = await _open(_projector_path(board.live))
    await projector.disconnect()

    def meanwhile():
        kim = helpers.join(board.live, name="Kim")
        shown = [
            helpers.post(board, who, text=f"Zichtbaar {i}")[0] for i, who in enumerate([attendee, kim] * 3)
        ]
        hidden = [helpers.post(board, kim, text=f"Verborgen {i}")[0] for i in range(2)]
        for note in hidden:
            notes.note_set_hidden(note=note, hidden=True)
        return shown, hidden

    shown, hidden = await database_sync_to_async(meanwhile)()
    projector = await _open(_projector_path(board.live))  # the page refetches its state on this hello
    live = await database_sync_to_async(LiveMeeting.objects.get)(pk=board.live_id)
    url = reverse("live_projector_stage", args=[live.code, live.projector_key])
    response = await database_sync_to_async(Client().get)(url)
    body = response.content.decode()
    assert response.status_code == 200 and response["X-Live-Version"] == str(live.version)
    for note in shown:
        assert f'id="pnote-{note.pk}"' in body and note.text in body
    for note in hidden:
        assert f"pnote-{note.pk}" not in body and note.text not in body
    assert await projector.receive_nothing(timeout=0.2)
    await projector.disconnect()


async def test_a_retried_post_over_http_makes_one_note_and_one_push(board, attendee):
    projector = await _open(_projector_path(board.live))
    client = helpers.phone_client(Client(), board.live, attendee)
    url = reverse("live_note_post", args=[board.live.code])
    data = {
        "activity": board.pk,
        "client_id": str(uuid.uuid4()),
        "text": "Twee keer getikt",
        "category": "top",
    }
    for _ in range(2):
        response = await database_sync_to_async(client.post)(url, data, headers={"X-Live": "1"})
        assert response.status_code == 200
    assert await database_sync_to_async(board.notes.count)() == 1
    assert len(await _ops(projector)) == 1
    assert await projector.receive_nothing(timeout=0.3)
    await projector.disconnect()
