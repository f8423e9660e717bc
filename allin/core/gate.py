"""The request gate of one ASGI worker: at most `limit` requests inside Django at a time, and a request only takes
a place once its whole body has arrived.

Each sync view runs in a thread of its own; with no bound, a room posting at once makes dozens of threads queue
on the database lock (SQLite's is not fair) and some give up. Waiting here, in the event loop, is fair and costs
nothing. Django reads the body inside the application, so if the gate let a request in before its body came, a
few clients sending one byte a second would hold every place and freeze the worker (healthz included). So the
body is read first, against the clock (the whole body within `body_seconds`, else 408 and the connection is
closed) and against its size (a declared or streamed body over `body_max_bytes` gets 413 at once), into memory
for small bodies and a temporary file for big ones; Django then gets it replayed at full speed.

Pure ASGI, no Django: allin/asgi.py builds it from the settings."""

import asyncio
import logging
import tempfile

logger = logging.getLogger("allin.request")

CHUNK = 64 * 1024
IN_MEMORY = 256 * 1024  # bigger bodies (photos) are spooled to a temporary file while they arrive

# Answered outside Django, so not through the translation machinery: Dutch first, English after it, as short
# plain text (a phone's script shows it as it shows any answer that is not ours).
TOO_SLOW = "De verbinding is te traag: het verzoek kwam niet op tijd binnen. Probeer het opnieuw.\n" + (
    "The connection is too slow: the request did not arrive in time. Please try again.\n"
)
TOO_BIG = "Dit is te veel om in één keer te versturen.\nThis is too much to send at once.\n"


class _Refused(Exception):
    def __init__(self, status, text):
        self.status, self.text = status, text


class _Gone(Exception):
    """The client went away while sending."""


def _declared_length(scope):
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _read_body(receive, *, max_bytes):
    body = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY)
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            body.close()
            raise _Gone
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_bytes:
            body.close()
            raise _Refused(413, TOO_BIG)
        body.write(chunk)
        if not message.get("more_body", False):
            body.seek(0)
            return body, size


def _replay(body, size, receive):
    """A receive() that hands the buffered body on in chunks (at least one message, even for an empty body),
    then waits on the client, so Django still hears of a disconnect."""
    sent, started = 0, False

    async def replay():
        nonlocal sent, started
        if not started or sent < size:
            started = True
            chunk = body.read(CHUNK)
            sent += len(chunk)
            return {"type": "http.request", "body": chunk, "more_body": sent < size}
        return await receive()

    return replay


async def _refuse(send, status, text):
    payload = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),  # the server drops the connection after this answer
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


def bounded(app, *, limit, body_max_bytes, body_seconds):
    gate = asyncio.Semaphore(limit)

    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        declared = _declared_length(scope)
        try:
            if declared is not None and declared > body_max_bytes:
                raise _Refused(413, TOO_BIG)
            async with asyncio.timeout(body_seconds):
                body, size = await _read_body(receive, max_bytes=body_max_bytes)
        except TimeoutError:
            logger.warning("request body too slow", extra={"event": "slow_body", "status": 408})
            await _refuse(send, 408, TOO_SLOW)
            return
        except _Refused as refused:
            await _refuse(send, refused.status, refused.text)
            return
        except _Gone:
            return
        try:
            async with gate:
                await app(scope, _replay(body, size, receive), send)
        finally:
            body.close()

    return wrapped
