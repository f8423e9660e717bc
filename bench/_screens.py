"""A big screen (projector or console) as live.js runs it: it applies pushed operations in version order, and
after a gap in the versions, a reconnect ("hello") or 5 quiet seconds it asks the server for what changed
since its version (`?since=`): nothing (204), the notes it missed (JSON), or its whole stage (HTML). Every
note marker the screen shows is reported with the moment it showed, so the benchmark can count a note
"lost" when a screen never shows it and measure how long a screen took to converge."""

import asyncio
import json
import time

from websockets.exceptions import ConnectionClosed

from ._data import MARKER

now = time.monotonic
QUIET_S = 5.0


class Screen:
    def __init__(self, room, name: str, url: str, jar: dict, on_marker):
        self.room, self.name, self.url, self.jar, self.on_marker = room, name, url, jar, on_marker
        self.v = 0
        self.checked = now()
        self.fetching = False
        self.again = None  # "stage" or "delta" asked for while a fetch ran
        self.queued: list = []
        self.stats = {"stage_fetches": 0, "delta_fetches": 0, "gaps": 0, "quiet_checks": 0, "stale_ops": 0}

    # ---- what arrives -----------------------------------------------------------------------------------
    def show(self, html: str, at: float) -> None:
        for marker in MARKER.findall(html):
            self.on_marker(marker, at)

    def apply(self, op: dict, at: float, versioned=True) -> None:
        if op.get("op") == "hello":
            self.catch_up()
            return
        if self.fetching:
            self.queued.append(op)
            return
        v = op.get("v") if versioned else None
        if v:
            if v <= self.v:
                self.stats["stale_ops"] += 1
                return
            if v > self.v + 1:
                self.stats["gaps"] += 1
                self.queued.append(op)
                self.catch_up()
                return
            self.v = v
        self.checked = at
        kind = op.get("op")
        if kind in ("append", "stage"):
            self.show(op.get("html", ""), at)
        elif kind == "refresh":
            self.fetch_stage()
        self.room.screen_op(self.name, op, at)

    async def read(self, ws) -> None:
        try:
            async for message in ws:
                at = now()
                try:
                    ops = json.loads(message).get("ops", [])
                except ValueError:
                    self.room.error(f"{self.name}_bad_frame")
                    continue
                for op in ops:
                    self.apply(op, at)
        except ConnectionClosed:
            if not self.room.closing:
                self.room.error(f"{self.name}_ws_closed")

    async def quiet(self) -> None:
        while not self.room.closing:
            await asyncio.sleep(1)
            if not self.fetching and now() - self.checked > QUIET_S:
                self.stats["quiet_checks"] += 1
                self.catch_up()

    # ---- asking the server ------------------------------------------------------------------------------
    def fetch_stage(self) -> None:
        self._fetch("stage")

    def catch_up(self) -> None:
        self._fetch("delta" if self.v else "stage")

    def _fetch(self, what: str) -> None:
        if self.fetching:
            self.again = "stage" if "stage" in (what, self.again) else "delta"
            return
        self.fetching = True
        self.room.spawn(self._run(what))

    async def _run(self, what: str) -> None:
        try:
            while what:
                self.checked = now()
                url = self.url if what == "stage" else f"{self.url}?since={self.v}"
                self.stats[f"{what}_fetches"] += 1
                response = await self.room.request(
                    0,
                    "GET",
                    url,
                    self.jar,
                    kind=f"{self.name}_{what}",
                    expect=(200, 204),
                    headers={"HX-Request": "true"},
                )
                at = now()
                if response is not None:
                    version = int(response.headers.get("X-Live-Version") or 0)
                    if response.status_code == 200 and response.headers.get("Content-Type", "").startswith(
                        "application/json"
                    ):
                        data = response.json()
                        for op in data.get("ops", []):
                            if op.get("op") == "append":
                                self.show(op.get("html", ""), at)
                        version = data.get("v", version)
                    elif response.status_code == 200:
                        self.show(response.text, at)
                        self.room.screen_body(self.name, response.text, at)
                    self.v = max(self.v, version)
                what, self.again = self.again, None
        finally:
            self.fetching = False
            pending, self.queued = self.queued, []
            for op in pending:
                self.apply(op, now())
