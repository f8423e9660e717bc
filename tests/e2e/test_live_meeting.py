"""A live meeting in a real browser: a facilitator's console, a projector and three phones (issue 3).

Nothing is reloaded by hand: every change reaches the other screens by websocket push, or by polling where the
websocket is blocked."""

import re
import time
import uuid

import pytest

from . import journey
from .axe import check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e

OFFLINE = "Geen live verbinding"


def test_note_reaches_projector_and_next_item_reaches_every_phone(new_context, e2e_server, seed, shot):
    items, board = seed["items"], seed["board_index"]
    board_title, next_title = items[board], items[board + 1]

    laptop = new_context()
    console = laptop.new_page()
    console_ws = journey.watch_websockets(console)
    console.goto(e2e_server.url("/inloggen/"))
    check_axe(console, "login")
    journey.login(console, e2e_server, seed)
    code = journey.go_live(console, e2e_server, seed)
    journey.mark(console)
    shot(console, "console-live")
    check_axe(console, "console-live")

    projector_ws = []
    laptop.on("page", lambda page: journey.watch_websockets(page, projector_ws))  # before it opens its socket
    projector = journey.open_projector(console)
    journey.mark(projector)
    expect(projector.locator(".big-code")).to_have_text(f"{code[:3]} {code[3:]}")
    shot(projector, "projector-join-screen")
    check_axe(projector, "projector-join-screen")

    # Three phones, each its own browser (cookies), at 360 px. One types the code in lower case with a space.
    phones, phone_ws = [], []
    people = [
        ("Kiki", "jongere", code),
        ("", "professional", f"{code[:3].lower()} {code[3:].lower()}"),
        ("Ravi", "gemeente", code),
    ]
    for n, (name, role, typed) in enumerate(people, start=1):
        phone = new_context(**PHONE).new_page()
        phone_ws.append(journey.watch_websockets(phone))
        phone.goto(e2e_server.url("/"))
        assert journey.scroll_width(phone) <= 360, "the home page scrolls sideways at 360 px"
        if n == 1:
            check_axe(phone, "phone-home")
        journey.enter_code(phone, e2e_server, code, typed=typed)
        assert journey.scroll_width(phone) <= 360, "the join form scrolls sideways at 360 px"
        if n == 1:
            check_axe(phone, "phone-join-form")
        journey.fill_join_form(phone, name=name, role=role)
        expect(phone.locator("#stage h1")).to_have_text("Welkom!")
        assert journey.scroll_width(phone) <= 360, "the phone page scrolls sideways at 360 px"
        journey.mark(phone)
        shot(phone, f"phone{n}-joined")
        if n == 1:
            check_axe(phone, "phone-welcome")
        phones.append(phone)
    expect(projector.locator("#joined-count")).to_have_text("3")
    expect(console.locator("#joined-count")).to_have_text("3")
    shot(projector, "projector-three-joined")
    check_axe(projector, "projector-three-joined")

    # The facilitator begins, then jumps to the item with a notes board.
    journey.console_click(console, re.compile(r"^Beginnen"))
    expect(console.locator("#console-now")).to_have_text(items[0])
    for phone in phones:
        expect(phone.locator("#stage h1")).to_have_text(items[0])
    journey.console_click(console, journey.agenda_button(console, board_title))
    expect(console.locator("#console-now")).to_have_text(board_title)
    shot(console, "console-board")
    check_axe(console, "console-board")
    for n, phone in enumerate(phones, start=1):
        expect(phone.locator("#stage h1")).to_have_text(board_title)
        expect(phone.locator("#stage form.note-form textarea")).to_be_visible()
        assert journey.scroll_width(phone) <= 360, f"phone {n}: the notes board scrolls sideways at 360 px"
        shot(phone, f"phone{n}-board")
    check_axe(phones[0], "phone-board")
    expect(projector.locator("#stage .board")).to_be_attached()

    # A phone posts a note: projector and console get it without a reload; the name stays off the projector.
    first = f"Een vast aanspreekpunt op school {uuid.uuid4().hex[:6]}"
    journey.post_note(phones[0], first)
    shot(phones[0], "phone1-sent")
    expect(projector.get_by_text(first)).to_be_visible()
    expect(console.locator(".console-notes li", has_text=first)).to_be_visible()
    expect(projector.locator("#stage")).not_to_contain_text("Kiki")
    shot(projector, "projector-note")
    shot(console, "console-note")
    check_axe(phones[0], "phone-sent")
    check_axe(projector, "projector-note")
    check_axe(console, "console-note")

    # A phone that chooses to show its name gets it on the projector.
    second = f"Hulp via Instagram {uuid.uuid4().hex[:6]}"
    journey.post_note(phones[2], second, show_name=True)
    expect(projector.locator("article.note", has_text=second)).to_contain_text("Ravi")
    expect(console.locator(".console-notes li", has_text=second)).to_be_visible()

    # The facilitator hides the first note: gone from the projector and its author's phone, greyed in the
    # console.
    journey.console_click(console, journey.hide_button(console, first))
    expect(projector.get_by_text(first)).to_have_count(0)
    expect(projector.get_by_text(second)).to_be_visible()
    expect(phones[0].locator("#my-notes")).not_to_contain_text(first)
    expect(console.locator(".console-notes li.is-hidden", has_text=first)).to_be_visible()
    shot(projector, "projector-hidden")
    shot(console, "console-hidden")
    check_axe(console, "console-hidden")

    # Next item: every phone and the projector change.
    journey.console_click(console, re.compile(r"^Volgende"))
    for n, phone in enumerate(phones, start=1):
        expect(phone.locator("#stage h1")).to_have_text(next_title)
        shot(phone, f"phone{n}-next")
    expect(projector.locator("#stage h1")).to_have_text(next_title)
    shot(projector, "projector-next")
    shot(console, "console-next")
    check_axe(phones[0], "phone-next")
    check_axe(projector, "projector-next")
    check_axe(console, "console-next")

    # All of it came over websockets into pages that were never reloaded.
    for page in [console, projector, *phones]:
        journey.assert_not_reloaded(page)
        expect(page.locator("#connection")).to_have_text("")
    assert any(f"/ws/live/{code}/console/" in url for url in console_ws)
    for n, urls in enumerate(phone_ws, start=1):
        assert any(f"/ws/live/{code}/phones/" in url for url in urls), f"phone {n} opened no websocket"
    assert any(f"/ws/live/{code}/projector/" in url for url in projector_ws)


@pytest.mark.parametrize("blocked", ["no-websocket", "websocket-refused"])
def test_phone_without_websocket_follows_by_polling(new_context, e2e_server, seed, shot, blocked):
    items = seed["items"]
    laptop = new_context()
    console = laptop.new_page()
    journey.login(console, e2e_server, seed)
    code = journey.go_live(console, e2e_server, seed)
    journey.console_click(console, re.compile(r"^Beginnen"))
    expect(console.locator("#console-now")).to_have_text(items[0])

    phone_context = new_context(**PHONE)
    # An old phone without WebSocket, or a network that refuses the handshake.
    phone_context.add_init_script(
        journey.NO_WEBSOCKET if blocked == "no-websocket" else journey.REFUSED_WEBSOCKET
    )
    phone = phone_context.new_page()
    journey.join(phone, e2e_server, code)
    expect(phone.locator("#stage h1")).to_have_text(items[0])
    expect(phone.locator("#connection")).to_contain_text(OFFLINE)
    journey.mark(phone)
    shot(phone, "phone-polling")
    check_axe(phone, "phone-polling")

    journey.console_click(console, re.compile(r"^Volgende"))
    started = time.monotonic()
    expect(phone.locator("#stage h1")).to_have_text(items[1], timeout=6_000)
    waited = time.monotonic() - started
    shot(phone, "phone-next-by-polling")
    assert waited < 6, f"the phone took {waited:.1f} s to follow"

    # Everything else still works: the board reaches the phone, its note (plain HTTP) reaches the console.
    board_title = items[seed["board_index"]]
    journey.console_click(console, journey.agenda_button(console, board_title))
    expect(phone.locator("#stage h1")).to_have_text(board_title, timeout=6_000)
    text = f"Ook zonder websocket {uuid.uuid4().hex[:6]}"
    journey.post_note(phone, text)
    expect(console.locator(".console-notes li", has_text=text)).to_be_visible()
    shot(phone, "phone-note-sent")
    check_axe(phone, "phone-note-sent-by-http")
    journey.assert_not_reloaded(phone)
    expect(phone.locator("#connection")).to_contain_text(OFFLINE)


def test_a_projector_that_misses_pushes_catches_up_by_its_version(new_context, e2e_server, seed):
    """Pushes get lost (a layer under load drops them, a socket dies quietly). The projector notices a gap in
    the versions, or a reconnect, or a quiet spell, and fetches what it missed since its version: just the
    notes, not its whole stage."""
    items, board = seed["items"], seed["board_index"]
    laptop = new_context()
    console = laptop.new_page()
    journey.login(console, e2e_server, seed)
    code = journey.go_live(console, e2e_server, seed)
    journey.console_click(console, re.compile(r"^Beginnen"))
    journey.console_click(console, journey.agenda_button(console, items[board]))

    drop, sockets = set(), []

    def through(ws):  # the projector's socket, with a hand on what the server sends it
        server = ws.connect_to_server()
        sockets.append(ws)

        def from_server(message):
            if not any(text in message for text in drop):
                ws.send(message)

        server.on_message(from_server)
        ws.on_message(server.send)

    laptop.route_web_socket(re.compile(r"/ws/live/.*/projector/"), through)
    projector = journey.open_projector(console)
    journey.mark(projector)
    fetches = []
    projector.on("request", lambda r: fetches.append(r.url) if "/stand/" in r.url else None)
    phone = new_context(**PHONE).new_page()
    journey.join(phone, e2e_server, code)
    expect(phone.locator("#stage form.note-form textarea")).to_be_visible()
    token = uuid.uuid4().hex[:6]

    # A gap: the push of the first note is lost; the second one's version shows the gap.
    lost, next_one = f"Verloren push {token}", f"Daarna {token}"
    drop.add(lost)
    journey.post_note(phone, lost)
    fetches.clear()
    journey.post_note(phone, next_one)
    expect(projector.locator("#stage").get_by_text(next_one)).to_be_visible()
    expect(projector.locator("#stage").get_by_text(lost)).to_be_visible(timeout=3_000)  # before a quiet check
    assert any("since=" in url for url in fetches), fetches
    assert not [url for url in fetches if "since=" not in url], "the gap refetched the whole stage"

    # A reconnect: the socket dies while a note is posted; after reconnecting, a delta brings it.
    fetches.clear()
    while_away = f"Terwijl weg {token}"
    sockets[-1].close()
    journey.post_note(phone, while_away)
    expect(projector.locator("#stage").get_by_text(while_away)).to_be_visible()
    assert fetches and all("since=" in url for url in fetches), fetches

    # A quiet spell: the last push is lost and nothing follows; the quiet check finds it.
    last = f"Laatste {token}"
    drop.add(last)
    journey.post_note(phone, last)
    expect(projector.locator("#stage").get_by_text(last)).to_be_visible(timeout=9_000)
    journey.assert_not_reloaded(projector)


def test_a_long_note_is_told_before_sending_and_fits_its_card_on_the_projector(new_context, e2e_server, seed):
    """Issue 13 item 5: a phone that pastes more than the limit is told so before sending (nothing is cut off
    unseen, nothing is sent); a note of the full 280 characters is clamped on a 1280 x 720 projector and shows
    its whole text when it has the focus."""
    items, board = seed["items"], seed["board_index"]
    laptop = new_context(viewport={"width": 1280, "height": 720})
    console = laptop.new_page()
    journey.login(console, e2e_server, seed)
    code = journey.go_live(console, e2e_server, seed)
    journey.console_click(console, re.compile(r"^Beginnen"))
    journey.console_click(console, journey.agenda_button(console, items[board]))
    projector = journey.open_projector(console)
    phone = new_context(**PHONE).new_page()
    journey.join(phone, e2e_server, code)
    form = phone.locator("#stage form.note-form")
    radios = form.locator("input[name=category]")
    if radios.count():
        radios.first.check()

    posts = []
    phone.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    pasted = ("Een heel lang verhaal over de bus naar school " * 8).strip()  # 367 characters
    form.locator("textarea[name=text]").fill(pasted)
    assert form.locator("textarea[name=text]").input_value() == pasted, "the paste was cut off"
    expect(form.locator("[data-counter]")).to_have_text(
        f"Je post-it heeft {len(pasted)} tekens; er passen er 280 op. Maak hem korter, dan kun je hem versturen."
    )
    form.get_by_role("button", name="Versturen").click()
    expect(form.locator(".form-status")).to_contain_text("er passen er 280 op")
    assert posts == [], "a note over the limit was sent"

    full = ("Bereikbaar " * 26)[:279] + "!"  # exactly 280
    form.locator("textarea[name=text]").fill(full)
    expect(form.locator("[data-counter]")).to_have_text("280 van 280 tekens")
    form.get_by_role("button", name="Versturen").click()
    expect(form.locator(".form-status")).to_have_text("Verstuurd!")

    card = projector.locator("#stage article.note", has_text="Bereikbaar")
    expect(card).to_be_visible()
    text = card.locator(".note-text")
    clamped = text.evaluate("el => [el.clientHeight, el.scrollHeight]")
    line = text.evaluate(
        "el => parseFloat(getComputedStyle(el).lineHeight) || 1.2 * parseFloat(getComputedStyle(el).fontSize)"
    )
    assert clamped[0] <= 5.5 * line < clamped[1], f"not clamped to five lines: {clamped}, line {line}"
    box = card.bounding_box()
    assert box["y"] + box["height"] <= 720, f"the card runs off the 1280 x 720 projector: {box}"
    card.focus()
    opened = text.evaluate("el => [el.clientHeight, el.scrollHeight]")
    assert opened[0] >= opened[1] > clamped[0], f"focus does not show the whole text: {opened}"
