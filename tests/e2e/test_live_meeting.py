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
