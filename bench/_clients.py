"""The simulated room, on one asyncio loop: phones (HTTP join, a websocket, HTTP note posts), the projector
(a websocket that sees each note arrive) and the facilitator's console (logged in, steps through the agenda).

Every client does what live.js does in a browser: phones fetch their stage on "hello" or "refresh", apply
"stage" ops and then fetch the parts of a pushed stage only they show (`mine_urls`, live.js `loadMine`);
projector and console (bench/_screens.py) follow the versions and catch up after a gap, a reconnect or a
quiet spell. Nothing here prints; the figures go into `Room`."""

import asyncio
import json
import random
import re
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

import httpx
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, WebSocketException

from ._data import Meeting
from ._http import cookie_header, set_cookies
from ._screens import Screen

_MINE = re.compile(r'<div\b([^>]*\bdata-mine-url="([^"]+)"[^>]*)>(.*?)</div>', re.S)
_MINE_KEY = re.compile(r'\bdata-mine-key="([^"]+)"')


def mine_key(code: str, activity_pk: int) -> str:
    """What live.js remembers in localStorage once the phone posted on a board (the stage's data-mine-key)."""
    return f"allin-posted-{code}-{activity_pk}"


def mine_urls(html: str, known: set) -> list[str]:
    """The requests a phone makes for its own part of a stage, as live.js `loadMine` decides: a part pushed
    to every phone (data-mine-shared) is asked for only when the phone remembers its key (it posted there);
    any other part only when it came empty."""
    urls = []
    for attrs, url, content in _MINE.findall(html):
        if "data-mine-shared" in attrs:
            key = _MINE_KEY.search(attrs)
            if key is None or key.group(1) in known:
                urls.append(url.replace("&amp;", "&"))
        elif not content.strip():
            urls.append(url.replace("&amp;", "&"))
    return urls


now = time.monotonic
ROLES = ["jongere", "professional", "gemeente", "anders"]
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(slots=True)
class Note:
    sent: float
    answered: float = 0.0
    status: int = 0
    seen: float = 0.0  # on the projector
    console_seen: float = 0.0


@dataclass(slots=True)
class Phone:
    n: int
    cookies: dict = field(default_factory=dict)
    ws: object = None
    alive: bool = False
    stage_step: int = -1
    known: set = field(default_factory=set)  # what live.js would keep in localStorage (mine_key)


class Room:
    def __init__(
        self,
        *,
        base: str,
        meeting: Meeting,
        http: list,
        connections: int,
        window: float,
        notes_per_phone: int,
    ):
        self.base, self.meeting, self.http = base, meeting, http
        # httpcore's pool gets slow (O(waiting x connections) per request) when requests queue inside it; they
        # queue here instead, one gate per client as wide as its pool
        self.gates = [asyncio.Semaphore(connections) for _ in http]
        self.ws_base = base.replace("http://", "ws://")
        self.origin = base
        self.window, self.notes_per_phone = window, notes_per_phone
        self.errors: Counter = Counter()
        self.notes: dict[str, Note] = {}
        self.closing = False
        self.phones: list[Phone] = []
        self.console_cookies: dict = {}
        self.console_appends = 0
        self.projector_refetches = 0
        self.projector_ws = self.console_ws = None
        self.screens: dict[str, Screen] = {}
        self._fetching: dict = {}
        self.tasks: set = set()
        self.mine_fetches = 0  # the phones' requests for their own part of a pushed stage
        self.mine_pending = 0
        # the facilitator's steps: which step phones are waiting for, and when each phone got it
        self.step_index = -1
        self.step_expected_text = ""
        self.step_count = 0
        self.step_need = 0
        self.step_last = 0.0
        self.step_done = asyncio.Event()
        self.projector_step_at = 0.0
        self.projector_step = asyncio.Event()

    # ---- helpers -------------------------------------------------------------------------------------------
    def error(self, kind: str) -> None:
        self.errors[kind] += 1

    def spawn(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def client(self, n: int) -> httpx.AsyncClient:
        return self.http[n % len(self.http)]

    async def request(self, n, method, url, jar, *, kind, expect=(200,), **kwargs):
        headers = {"Cookie": cookie_header(jar), **kwargs.pop("headers", {})}
        if method == "POST":
            headers.setdefault("Origin", self.origin)
        try:
            async with self.gates[n % len(self.gates)]:
                response = await self.client(n).request(method, self.base + url, headers=headers, **kwargs)
        except httpx.TimeoutException:
            self.error(f"{kind}_timeout")
            return None
        except httpx.HTTPError as exc:
            self.error(f"{kind}_{type(exc).__name__}")
            return None
        set_cookies(jar, response)
        if response.status_code not in expect:
            self.error(f"{kind}_http_{response.status_code}")
            return None
        return response

    async def open_socket(self, path, jar, *, kind):
        try:
            return await connect(
                self.ws_base + path,
                origin=self.origin,
                additional_headers={"Cookie": cookie_header(jar)},
                proxy=None,
                open_timeout=20,
                ping_interval=None,
                close_timeout=5,
                max_size=2**24,
                max_queue=None,
            )
        except (TimeoutError, OSError, WebSocketException) as exc:
            self.error(f"{kind}_ws_connect_{type(exc).__name__}")
            return None

    async def first_hello(self, ws, kind) -> bool:
        try:
            message = await asyncio.wait_for(ws.recv(), 20)
        except (TimeoutError, ConnectionClosed):
            self.error(f"{kind}_ws_no_hello")
            return False
        if '"hello"' not in message:
            self.error(f"{kind}_ws_no_hello")
            return False
        return True

    def fetch_stage(self, who, n, url, jar, on_body=None) -> None:
        """What live.js does on "hello"/"refresh": fetch the stage, one fetch at a time, again if asked
        meanwhile."""
        if who in self._fetching:
            self._fetching[who] = True
            return
        self._fetching[who] = False

        async def run():
            try:
                while True:
                    response = await self.request(
                        n, "GET", url, jar, kind=f"{who.split(':')[0]}_stage", headers={"HX-Request": "true"}
                    )
                    if response is not None and on_body is not None:
                        on_body(response.text, now())
                    if not self._fetching.get(who):
                        break
                    self._fetching[who] = False
            finally:
                self._fetching.pop(who, None)

        self.spawn(run())

    # ---- the projector -------------------------------------------------------------------------------
    def saw(self, marker: str, at: float) -> None:
        note = self.notes.get(marker)
        if note is not None and not note.seen:
            note.seen = at

    def console_saw(self, marker: str, at: float) -> None:
        note = self.notes.get(marker)
        if note is not None and not note.console_seen:
            note.console_seen = at

    async def drain(self, timeout: float) -> None:
        """Wait (bounded) until projector and console show every note the server accepted."""
        deadline = now() + timeout
        while now() < deadline:
            if all(n.seen and n.console_seen for n in self.notes.values() if n.status == 200):
                return
            await asyncio.sleep(0.1)

    def screen_op(self, name: str, op: dict, at: float) -> None:
        """An operation a big screen applied (the step timing and the console's appends are counted here)."""
        kind = op.get("op")
        if name == "projector" and kind == "stage":
            # a whole new stage (the facilitator moved on): not how a posted note should arrive
            if self.step_index >= 0 and not self.projector_step_at:
                self.projector_step_at = at
                self.projector_step.set()
        elif name == "console" and kind == "append":
            self.console_appends += 1

    def screen_body(self, name: str, body: str, at: float) -> None:
        if name == "projector":
            self.projector_refetches += 1

    def _screen(self, name, ws, url, jar, on_marker) -> None:
        screen = self.screens[name] = Screen(self, name, url, jar, on_marker)
        screen.fetch_stage()
        self.spawn(screen.read(ws))
        self.spawn(screen.quiet())

    async def projector(self) -> bool:
        m = self.meeting
        self.projector_ws = ws = await self.open_socket(
            f"/ws/live/{m.code}/projector/{m.projector_key}/", {}, kind="projector"
        )
        if ws is None or not await self.first_hello(ws, "projector"):
            return False
        self._screen("projector", ws, f"/p/{m.code}/{m.projector_key}/stand/", {}, self.saw)
        return True

    # ---- the console ---------------------------------------------------------------------------------
    async def console(self) -> bool:
        m, jar = self.meeting, self.console_cookies
        page = await self.request(0, "GET", "/inloggen/", jar, kind="login")
        token = CSRF_INPUT.search(page.content) if page is not None else None
        if token is None:
            self.error("login_no_form")
            return False
        done = await self.request(
            0,
            "POST",
            "/inloggen/",
            jar,
            kind="login",
            expect=(302,),
            data={
                "username": m.email,
                "password": m.password,
                "csrfmiddlewaretoken": token.group(1).decode(),
            },
        )
        if done is None or "sessionid" not in jar:
            self.error("login_failed")
            return False
        self.console_ws = ws = await self.open_socket(f"/ws/live/{m.code}/console/", jar, kind="console")
        if ws is None or not await self.first_hello(ws, "console"):
            return False
        self._screen("console", ws, self.console_url("stand/"), jar, self.console_saw)
        return True

    def console_url(self, tail: str) -> str:
        return f"/w/{self.meeting.workspace_slug}/bijeenkomsten/{self.meeting.meeting_pk}/live/{tail}"

    async def step(self, index: int, direction: str, expected_text: str, timeout: float = 30) -> tuple:
        """The facilitator presses next/previous; returns (ms until the last phone has the new stage, ms until
        the projector has it), None where it never came."""
        self.step_expected_text = expected_text
        self.step_count, self.step_last, self.projector_step_at = 0, 0.0, 0.0
        self.step_need = sum(1 for p in self.phones if p.alive)
        self.step_done, self.projector_step = asyncio.Event(), asyncio.Event()
        start = now()
        self.step_index = index
        response = await self.request(
            0,
            "POST",
            self.console_url("stap/"),
            self.console_cookies,
            kind="step",
            data={"direction": direction},
            headers={"HX-Request": "true", "X-CSRFToken": self.console_cookies.get("csrftoken", "")},
        )
        if response is None:
            return None, None
        phones = projector = None
        try:
            await asyncio.wait_for(self.step_done.wait(), timeout)
            phones = (self.step_last - start) * 1000
        except TimeoutError:
            self.error("step_phones_missed")
        try:
            await asyncio.wait_for(self.projector_step.wait(), max(1.0, start + timeout - now()))
            projector = (self.projector_step_at - start) * 1000
        except TimeoutError:
            self.error("step_projector_missed")
        return phones, projector

    # ---- phones --------------------------------------------------------------------------------------
    async def phone_join(self, phone: Phone) -> bool:
        code, jar = self.meeting.code, phone.cookies
        url = f"/j/{code}/"
        if await self.request(phone.n, "GET", url, jar, kind="join") is None:
            return False
        joined = await self.request(
            phone.n,
            "POST",
            url,
            jar,
            kind="join",
            expect=(302,),
            data={
                "name": f"Tel{phone.n}",
                "role": ROLES[phone.n % 4],
                "csrfmiddlewaretoken": jar.get("csrftoken", ""),
            },
        )
        if joined is None:
            return False
        if f"allin_{code}" not in jar:
            self.error("join_no_cookie")
            return False
        page = await self.request(phone.n, "GET", url, jar, kind="phone_page")
        if page is None:
            return False
        if b'data-role="phone"' not in page.content:
            self.error("phone_page_wrong")
            return False
        phone.ws = await self.open_socket(f"/ws/live/{code}/phones/", jar, kind="phone")
        if phone.ws is None or not await self.first_hello(phone.ws, "phone"):
            return False
        phone.alive = True
        self.fetch_stage(f"phone:{phone.n}", phone.n, f"/j/{code}/stand/", jar)
        self.spawn(self._phone_reader(phone))
        return True

    async def _phone_reader(self, phone: Phone):
        try:
            async for message in phone.ws:
                if '"stage"' in message:
                    self._phone_stage(phone, message)
                    self._phone_mine(phone, message)
                elif '"refresh"' in message or '"hello"' in message:
                    self.fetch_stage(
                        f"phone:{phone.n}", phone.n, f"/j/{self.meeting.code}/stand/", phone.cookies
                    )
        except ConnectionClosed:
            if not self.closing:
                self.error("phone_ws_closed")
        finally:
            phone.alive = False

    def _phone_stage(self, phone: Phone, message: str) -> None:
        if self.step_index < 0 or phone.stage_step >= self.step_index:
            return
        at = now()
        phone.stage_step = self.step_index
        if self.step_expected_text not in message:
            self.error("phone_stage_wrong_item")
        self.step_last = max(self.step_last, at)
        self.step_count += 1
        if self.step_count >= self.step_need:
            self.step_done.set()

    def _phone_mine(self, phone: Phone, message: str) -> None:
        """live.js `loadMine` after a pushed stage: the phone asks for what only it shows."""
        try:
            ops = json.loads(message).get("ops", [])
        except ValueError:
            return
        for op in ops:
            if op.get("op") != "stage":
                continue
            for url in mine_urls(op.get("html", ""), phone.known):
                self.mine_fetches += 1
                self.mine_pending += 1
                self.spawn(self._fetch_mine(phone, url))

    async def _fetch_mine(self, phone: Phone, url: str) -> None:
        try:
            await self.request(
                phone.n, "GET", url, phone.cookies, kind="phone_mine", headers={"HX-Request": "true"}
            )
        finally:
            self.mine_pending -= 1

    async def mine_settled(self, timeout: float) -> None:
        """Until the phones have their own parts of the last stage (or `timeout` seconds)."""
        deadline = now() + timeout
        while self.mine_pending and now() < deadline:
            await asyncio.sleep(0.05)

    async def phone_notes(self, phone: Phone, start: float) -> None:
        """Post this phone's notes at random moments in the window, one after another like a real phone."""
        m = self.meeting
        moments = sorted(random.uniform(0, self.window) for _ in range(self.notes_per_phone))
        for moment in moments:
            delay = start + moment - now()
            if delay > 0:
                await asyncio.sleep(delay)
            marker = "bm" + uuid.uuid4().hex[:16]
            data = {
                "activity": str(m.activity_pk),
                "client_id": str(uuid.uuid4()),
                "text": f"Post-it {marker} van telefoon {phone.n}",
                "category": random.choice(m.categories) if m.categories else "",
            }
            note = self.notes[marker] = Note(sent=now())
            response = await self.request(
                phone.n,
                "POST",
                f"/j/{m.code}/post-it/",
                phone.cookies,
                kind="note",
                data=data,
                headers={"X-Live": "1", "X-CSRFToken": phone.cookies.get("csrftoken", "")},
            )
            note.answered = now()
            note.status = response.status_code if response is not None else -1
            if note.status == 200:
                phone.known.add(mine_key(m.code, m.activity_pk))

    async def pinger(self, every: float = 25) -> None:
        """live.js pings every 25 s; spread the room's pings evenly over that time."""
        while not self.closing:
            alive = [p for p in self.phones if p.alive]
            pause = every / max(1, len(alive))
            for phone in alive:
                if self.closing:
                    return
                try:
                    await phone.ws.send('{"type":"ping"}')
                except ConnectionClosed:
                    pass
                await asyncio.sleep(pause)
            if not alive:
                await asyncio.sleep(every)

    async def close_all(self) -> None:
        self.closing = True
        sockets = [p.ws for p in self.phones if p.ws is not None] + [self.projector_ws, self.console_ws]
        sockets = [s for s in sockets if s is not None]
        for i in range(0, len(sockets), 200):
            await asyncio.wait([asyncio.ensure_future(s.close()) for s in sockets[i : i + 200]], timeout=10)
        for task in list(self.tasks):
            task.cancel()
        if self.tasks:
            await asyncio.wait(list(self.tasks), timeout=5)
