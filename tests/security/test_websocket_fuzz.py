"""Every websocket message type, fuzzed, through the real ASGI application.

Screens send one message type, {"type": "ping"}; everything else must get {"type": "error", ...} back, keep the
connection open and change nothing in the database. Random paths, codes, keys and cookies must be refused
without an exception. Each Hypothesis example sends a batch over one connection, so the module stays fast."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allin.asgi import application
from tests.conftest import client_for
from tests.live import helpers

from .snapshot import counts

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://testserver")
FUZZ = settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)
MESSAGE_TYPES = st.sampled_from(
    ["ping", "PING", "pong", "note", "vote", "refresh", "live.push", "live_revoke", ""]
)
TEXT_FRAMES = st.one_of(
    st.text(max_size=200),
    st.text(min_size=1020, max_size=1100),  # around MESSAGE_MAX
    JSON_VALUES.map(json.dumps),
    st.fixed_dictionaries({"type": MESSAGE_TYPES}, optional={"ops": JSON_VALUES, "v": JSON_VALUES}).map(
        json.dumps
    ),
)
FRAMES = st.one_of(
    TEXT_FRAMES.map(lambda t: ("text", t)), st.binary(max_size=200).map(lambda b: ("bytes", b))
)


@pytest.fixture
def phone_live(workspace):
    live = helpers.live_meeting(workspace)
    attendee = helpers.services.attendee_join(live=live, name="Sam", role="jongere")
    name, value = helpers.cookie(live, attendee)
    return live, (b"cookie", f"{name}={value}".encode())


def _expected(kind, payload):
    if kind == "text" and payload and len(payload) <= 1024:
        try:
            message = json.loads(payload)
        except ValueError:
            return "error"
        if isinstance(message, dict) and message.get("type") == "ping":
            return "pong"
    return "error"


async def _session(path, headers, frames):
    communicator = WebsocketCommunicator(application, path, headers=[ORIGIN, *headers])
    connected, code = await communicator.connect()
    assert connected, code
    assert await communicator.receive_json_from() == {"ops": [{"op": "hello"}]}
    for kind, payload in frames:
        # Raw frames, so that empty ones are sent too (send_to refuses them).
        await communicator.send_input({"type": "websocket.receive", kind: payload})
        answer = await communicator.receive_json_from(timeout=2)
        assert answer["type"] == _expected(kind, payload), (kind, payload, answer)
        if answer["type"] == "error":
            assert answer["error"]  # a Dutch sentence, never a traceback
    # Still open and still answering after the batch.
    await communicator.send_to(text_data=json.dumps({"type": "ping"}))
    assert await communicator.receive_json_from(timeout=2) == {"type": "pong"}
    await communicator.disconnect()


@pytest.mark.parametrize("audience", ["phones", "projector", "console"])
def test_messages_from_every_screen(phone_live, owner, audience):
    live, cookie = phone_live
    path, headers = {
        "phones": (f"/ws/live/{live.code}/phones/", [cookie]),
        "projector": (f"/ws/live/{live.code}/projector/{live.projector_key}/", []),
        "console": (
            f"/ws/live/{live.code}/console/",
            [(b"cookie", f"sessionid={client_for(owner).cookies['sessionid'].value}".encode())],
        ),
    }[audience]
    before = counts()

    @FUZZ
    @given(frames=st.lists(FRAMES, min_size=1, max_size=8))
    def run(frames):
        async_to_sync(_session)(path, headers, frames)

    run()
    assert counts() == before


async def _refused(path, headers):
    communicator = WebsocketCommunicator(application, path, headers=headers)
    try:
        connected, _code = await communicator.connect(timeout=2)
    except ValueError:  # no route matched: the router refuses before any consumer runs
        return True
    if connected:
        await communicator.disconnect()
    return not connected


def test_random_paths_codes_keys_and_cookies_are_refused(phone_live):
    live, _cookie = phone_live
    code = st.one_of(
        st.just(live.code), st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ23456789", min_size=6, max_size=6)
    )
    audience = st.sampled_from(["phones", "console", "projector", "admin", ""])
    key = st.one_of(st.text(alphabet="abcdefXYZ0123456789_-", min_size=10, max_size=40), st.just("x" * 64))
    cookie = st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), max_size=80)
    before = counts()

    @FUZZ
    @given(
        code=code,
        audience=audience,
        key=key,
        cookie=cookie,
        origin=st.sampled_from([ORIGIN[1], b"http://evil"]),
    )
    def run(code, audience, key, cookie, origin):
        path = f"/ws/live/{code}/{audience}/" + (f"{key}/" if audience == "projector" else "")
        headers = [(b"origin", origin), (b"cookie", f"allin_{live.code}={cookie}".encode())]
        assert async_to_sync(_refused)(path, headers), path

    run()
    assert counts() == before
