"""The phone's outbox in a real browser (issue 17, item 4): notes written without a connection wait on the
phone, say how many wait, and go by themselves when the connection returns, each stored once; an answer that
is not ours (a proxy's HTML 502) is shown as a Dutch message, never as markup, and the note is sent again."""

import json
import subprocess
import sys
import uuid

import pytest

from . import journey
from .axe import check_axe
from .conftest import REPO
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e

QUEUED = "Nog niet verstuurd: er is geen verbinding."
FOREIGN = "Er kwam een onbekend antwoord, waarschijnlijk van het netwerk."
PROXY_502 = (
    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
)


def _outbox(server, *args):
    done = subprocess.run(
        [sys.executable, "-m", "tests.e2e.seed_outbox", *args],
        cwd=REPO,
        env=server.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    for line in done.stdout.splitlines():
        if line.startswith("E2E-OUTBOX "):
            return json.loads(line.removeprefix("E2E-OUTBOX "))
    raise RuntimeError(f"seed_outbox failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


def _stored(server, code):
    return _outbox(server, "notes", code)["notes"]


def _joined_phone(new_context, server, kind="notes"):
    meeting = _outbox(server, *([kind] if kind != "notes" else []))
    context = new_context(**PHONE)
    phone = context.new_page()
    phone.goto(server.url(f"/j/{meeting['code']}/"))
    journey.fill_join_form(phone, name="Sam")
    expect(phone.locator("#stage h1")).to_have_text(meeting["board"])
    return meeting["code"], context, phone


def _write(phone, text, *, double=False):
    form = phone.locator("#stage form.note-form")
    form.locator("textarea[name=text]").fill(text)
    button = form.get_by_role("button", name="Versturen")
    button.dblclick() if double else button.click()


def test_notes_written_offline_wait_on_the_phone_and_go_once_each_when_it_is_back_online(
    new_context, e2e_server, shot
):
    code, context, phone = _joined_phone(new_context, e2e_server)
    expect(phone.locator("#stage form.note-form textarea")).to_be_visible()
    waiting = phone.locator("#outbox [data-outbox-count]")
    first, second = (
        f"{what} {uuid.uuid4().hex[:6]}" for what in ("Een vast aanspreekpunt", "Hulp via de app")
    )

    context.set_offline(True)
    _write(phone, first)
    expect(phone.locator("#stage form.note-form .form-status")).to_contain_text(QUEUED)
    expect(waiting).to_have_text("1 wacht op verbinding")
    # The form is free for the next note; a double tap on it sends that note once (one client id).
    expect(phone.locator("#stage form.note-form textarea")).to_have_value("")
    _write(phone, second, double=True)
    expect(waiting).to_have_text("2 wachten op verbinding")
    shot(phone, "two-waiting")
    check_axe(phone, "phone-two-waiting")
    kept = phone.evaluate("JSON.parse(localStorage.getItem('allin-outbox-' + location.pathname))")
    assert [dict(item["pairs"])["text"] for item in kept] == [first, second]
    assert len({item["id"] for item in kept}) == 2
    assert _stored(e2e_server, code) == []

    context.set_offline(False)
    mine = phone.locator("#my-notes")
    expect(mine).to_contain_text(first)
    expect(mine).to_contain_text(second)
    expect(waiting).to_have_text("")
    expect(phone.locator("#outbox [data-outbox-note]")).to_have_text("Alles wat wachtte is verstuurd.")
    shot(phone, "sent-when-back")
    assert _stored(e2e_server, code) == [first, second]
    assert phone.evaluate("localStorage.getItem('allin-outbox-' + location.pathname)") is None
    phone.reload()  # nothing is left to send again
    expect(phone.locator("#my-notes li")).to_have_count(2)
    assert _stored(e2e_server, code) == [first, second]


def test_a_proxys_html_502_is_a_dutch_message_and_the_note_is_sent_again_and_stored_once(
    new_context, e2e_server, shot
):
    code, _context, phone = _joined_phone(new_context, e2e_server)
    text = f"Spreekuur in de bieb {uuid.uuid4().hex[:6]}"
    answered = []

    def proxy_that_fails_once(route):
        # The note reaches the server (and is stored), but the phone gets the proxy's page instead of our answer.
        if not answered:
            answered.append(route.fetch().status)
            route.fulfill(status=502, content_type="text/html", body=PROXY_502)
        else:
            route.continue_()

    phone.route("**/post-it/", proxy_that_fails_once)
    _write(phone, text)
    status = phone.locator("#stage form.note-form .form-status")
    expect(status).to_contain_text(FOREIGN)
    expect(phone.locator("#outbox [data-outbox-count]")).to_have_text("1 wacht op verbinding")
    shot(phone, "proxy-502")
    assert answered == [200]
    assert "<" not in status.inner_text() and "Bad Gateway" not in phone.locator("body").inner_text()
    assert _stored(e2e_server, code) == [text]

    # Sent again by itself (the back-off timer): the server finds the note by its client id.
    expect(phone.locator("#my-notes")).to_contain_text(text)
    expect(phone.locator("#outbox [data-outbox-count]")).to_have_text("")
    expect(phone.locator("#my-notes li")).to_have_count(1)
    assert "Bad Gateway" not in phone.locator("body").inner_text()
    assert _stored(e2e_server, code) == [text]


def test_dots_tapped_offline_wait_and_count_once_each_and_the_same_tap_twice_is_one_dot(
    new_context, e2e_server, shot
):
    code, context, phone = _joined_phone(new_context, e2e_server, kind="vote")
    waiting = phone.locator("#outbox [data-outbox-count]")
    options = phone.locator("#stage form.vote-ballot button.vote-option")
    expect(options).to_have_count(3)

    context.set_offline(True)
    options.filter(has_text="Eén loket").click()
    expect(waiting).to_have_text("1 wacht op verbinding")
    expect(phone.locator("#stage form.vote-ballot .form-status")).to_contain_text(QUEUED)
    options.filter(has_text="Eén loket").click()  # the same tap again, before any answer: the same dot
    expect(phone.locator("#stage form.vote-ballot .form-status")).to_contain_text(QUEUED)
    options.filter(has_text="App met alle hulp").click()  # another idea: a dot of its own
    expect(waiting).to_have_text("2 wachten op verbinding")
    shot(phone, "two-dots-waiting")
    assert _outbox(e2e_server, "dots", code)["dots"] == []

    context.set_offline(False)
    expect(waiting).to_have_text("")
    expect(phone.locator("#mine .vote-left")).to_contain_text("nog 1 stip van de 3 over")
    expect(phone.locator("#mine .vote-my-dots li")).to_have_count(2)
    assert _outbox(e2e_server, "dots", code)["dots"] == ["App met alle hulp", "Eén loket"]
    # The ballot's key was answered, so the next tap is a new dot, not the old one found again.
    options.filter(has_text="Spreekuur in de bieb").click()
    expect(phone.locator("#mine .vote-left")).to_contain_text("nog 0 stippen van de 3 over")
    assert _outbox(e2e_server, "dots", code)["dots"] == [
        "App met alle hulp",
        "Eén loket",
        "Spreekuur in de bieb",
    ]
