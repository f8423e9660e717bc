"""The request gate (allin/core/gate.py): a body is read whole, against the clock and its size, before the request
takes one of the worker's places in Django, so slow senders cannot stall a worker (issue 17 item 1)."""

import asyncio
import json

import pytest
from django.conf import settings

from allin.core import gate


def http_scope(method="POST", path="/j/ABCDEF/post-it/", headers=()):
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


class Client:
    """One connection: what it sends (a list of body chunks, with a pause between them) and what it got back."""

    def __init__(self, chunks=(), pause=0.0, disconnect_after=False):
        self.chunks, self.pause, self.disconnect_after = list(chunks), pause, disconnect_after
        self.sent = []
        self.hang_up = asyncio.Event()

    async def receive(self):
        if self.chunks:
            chunk = self.chunks.pop(0)
            if self.pause:
                await asyncio.sleep(self.pause)
            return {"type": "http.request", "body": chunk, "more_body": bool(self.chunks)}
        await self.hang_up.wait()
        return {"type": "http.disconnect"}

    async def send(self, message):
        self.sent.append(message)

    @property
    def status(self):
        return next(m["status"] for m in self.sent if m["type"] == "http.response.start")

    @property
    def headers(self):
        return dict(next(m["headers"] for m in self.sent if m["type"] == "http.response.start"))

    @property
    def body(self):
        return b"".join(m.get("body", b"") for m in self.sent if m["type"] == "http.response.body")


def recording_app():
    """An inner app that reads its body as Django does and answers with what it got."""
    calls = []

    async def app(scope, receive, send):
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        calls.append(body)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    return app, calls


async def test_a_slow_sender_gets_408_and_is_dropped_without_reaching_the_app():
    app, calls = recording_app()
    wrapped = gate.bounded(app, limit=8, body_max_bytes=100_000, body_seconds=0.3)
    slow = Client(chunks=[b"x"] * 1000, pause=0.05, disconnect_after=True)  # 1 kB at 20 bytes a second
    await asyncio.wait_for(
        wrapped(http_scope(headers=[(b"content-length", b"1000")]), slow.receive, slow.send), 5
    )
    assert slow.status == 408
    assert slow.headers[b"connection"] == b"close"
    assert "te traag" in slow.body.decode()
    assert calls == []


async def test_a_body_is_handed_on_whole_after_it_arrived():
    app, calls = recording_app()
    wrapped = gate.bounded(app, limit=8, body_max_bytes=1_000_000, body_seconds=5)
    chunks = [bytes([n]) * 100_000 for n in range(5)]  # over the in-memory size: spooled to a file
    client = Client(chunks=chunks)
    await wrapped(http_scope(), client.receive, client.send)
    assert client.status == 200
    assert calls == [b"".join(chunks)]


async def test_an_empty_body_still_reaches_the_app():
    app, calls = recording_app()
    wrapped = gate.bounded(app, limit=8, body_max_bytes=1000, body_seconds=5)
    client = Client(chunks=[b""])
    await wrapped(http_scope(method="GET", path="/healthz"), client.receive, client.send)
    assert client.status == 200 and calls == [b""]


async def test_a_declared_body_over_the_limit_is_refused_before_it_is_read():
    app, calls = recording_app()
    wrapped = gate.bounded(app, limit=8, body_max_bytes=1000, body_seconds=5)
    client = Client(chunks=[])  # sends nothing: the answer must not wait for it
    scope = http_scope(headers=[(b"content-length", b"1001")])
    await asyncio.wait_for(wrapped(scope, client.receive, client.send), 2)
    assert client.status == 413 and calls == []


async def test_a_streamed_body_over_the_limit_is_refused_while_reading():
    app, calls = recording_app()
    wrapped = gate.bounded(app, limit=8, body_max_bytes=1000, body_seconds=5)
    client = Client(chunks=[b"x" * 600, b"x" * 600, b"x" * 10_000_000])  # no Content-Length (chunked)
    await wrapped(http_scope(), client.receive, client.send)
    assert client.status == 413 and calls == []
    assert len(client.chunks) == 1  # it stopped reading as soon as the limit was passed


async def test_a_client_that_leaves_while_sending_costs_nothing():
    app, calls = recording_app()
    wrapped = gate.bounded(app, limit=8, body_max_bytes=1000, body_seconds=5)
    client = Client(chunks=[b"x"])
    client.chunks = []  # no body at all, straight to the disconnect
    client.hang_up.set()
    await wrapped(http_scope(), client.receive, client.send)
    assert client.sent == [] and calls == []


async def test_slow_senders_hold_no_place_in_the_gate():
    app, calls = recording_app()
    wrapped = gate.bounded(app, limit=2, body_max_bytes=100_000, body_seconds=60)
    slow = [Client(chunks=[b"x"] * 100_000, pause=1) for _ in range(8)]
    holding = [asyncio.ensure_future(wrapped(http_scope(), c.receive, c.send)) for c in slow]
    try:
        await asyncio.sleep(0.1)
        quick = Client(chunks=[b"hello"])
        await asyncio.wait_for(wrapped(http_scope(), quick.receive, quick.send), 2)
        assert quick.status == 200 and calls == [b"hello"]
    finally:
        for task in holding:
            task.cancel()
        await asyncio.gather(*holding, return_exceptions=True)


def test_the_body_limit_lets_the_biggest_upload_through():
    from allin.live.photo_cards import PHOTO_MAX_BYTES

    assert settings.ALLIN_BODY_MAX_BYTES >= PHOTO_MAX_BYTES + 64 * 1024  # what the upload views allow


@pytest.mark.django_db(transaction=True)
async def test_healthz_answers_through_the_real_application_while_slow_senders_fill_the_gate():
    """The attack from issue 17: more slow senders than the worker has places (8), each declaring a body of
    100,000 bytes and sending a byte a second. /healthz must still answer."""
    from allin.asgi import application

    senders = settings.ALLIN_REQUESTS_PER_WORKER + 4
    slow = [Client(chunks=[b"x"] * 100_000, pause=1) for _ in range(senders)]
    scope = http_scope(headers=[(b"content-length", b"100000"), (b"content-type", b"text/plain")])
    holding = [asyncio.ensure_future(application(dict(scope), c.receive, c.send)) for c in slow]
    try:
        await asyncio.sleep(0.2)
        probe = Client(chunks=[b""])
        await asyncio.wait_for(application(http_scope("GET", "/healthz"), probe.receive, probe.send), 10)
        assert probe.status == 200
        assert json.loads(probe.body)["database"] == "ok"
        assert all(c.sent == [] for c in slow)  # still sending, none of them inside Django
    finally:
        for task in holding:
            task.cancel()
        await asyncio.gather(*holding, return_exceptions=True)
