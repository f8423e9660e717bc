"""The baseline's clients: N sockets on the bare echo server, each sending K messages at random moments in the
window, as the phones send their notes. Returns the same kind of figures as the note run."""

import asyncio
import random
import time
import uuid

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, WebSocketException

now = time.monotonic


async def run(
    *, ws_url: str, origin: str, sockets: int, per_socket: int, window: float, connect_concurrency: int = 50
):
    sent: dict[str, float] = {}
    got: dict[str, float] = {}
    errors = 0
    gate = asyncio.Semaphore(connect_concurrency)
    closing = False

    async def open_one():
        nonlocal errors
        async with gate:
            try:
                return await connect(
                    ws_url,
                    origin=origin,
                    proxy=None,
                    open_timeout=20,
                    ping_interval=None,
                    close_timeout=5,
                    max_queue=None,
                )
            except (TimeoutError, OSError, WebSocketException):
                errors += 1
                return None

    async def reader(ws):
        nonlocal errors
        try:
            async for message in ws:
                got.setdefault(message, now())
        except ConnectionClosed:
            if not closing:
                errors += 1

    async def writer(ws, start):
        nonlocal errors
        for moment in sorted(random.uniform(0, window) for _ in range(per_socket)):
            delay = start + moment - now()
            if delay > 0:
                await asyncio.sleep(delay)
            message = '{"m":"' + uuid.uuid4().hex + '"}'
            sent[message] = now()
            try:
                await ws.send(message)
            except ConnectionClosed:
                errors += 1

    opened = [ws for ws in await asyncio.gather(*(open_one() for _ in range(sockets))) if ws is not None]
    readers = [asyncio.ensure_future(reader(ws)) for ws in opened]
    start = now() + 1
    await asyncio.wait_for(asyncio.gather(*(writer(ws, start) for ws in opened)), window + 120)
    deadline = now() + 15
    while len(got) < len(sent) and now() < deadline:
        await asyncio.sleep(0.05)
    closing = True
    for i in range(0, len(opened), 200):
        await asyncio.wait([asyncio.ensure_future(ws.close()) for ws in opened[i : i + 200]], timeout=10)
    for task in readers:
        task.cancel()
    await asyncio.wait(readers, timeout=5)

    latencies = sorted((got[m] - t) * 1000 for m, t in sent.items() if m in got)
    first = min(sent.values(), default=0.0)
    last = max(got.values(), default=first)
    busy = max(last - first, 1e-9)
    return {
        "sockets": len(opened),
        "sent": len(sent),
        "echoed": len(latencies),
        "errors": errors + (len(sent) - len(latencies)),
        "latencies": latencies,
        "msgs_per_s": len(latencies) / busy,
    }
