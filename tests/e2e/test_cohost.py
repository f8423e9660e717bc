"""A co-host (ALL-INstructeur) in a real browser (issue 12, part 3): the facilitator invites a young person by a
link; on a 360 px phone, by keyboard only, the co-host runs three agenda items and starts the timer, and is
refused every page that is not theirs; the facilitator revokes, and the co-host's phone drops its controls
without a reload."""

import re

import pytest

from . import journey, keyboard
from .axe import check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e


def _press(page, target):
    """Tab to a co-host button and press Enter; wait for the server's answer (htmx swaps the controls)."""
    keyboard.tab_to(page, target)
    with page.expect_response(lambda r: r.request.method == "POST" and "/meehelpen/" in r.url) as answer:
        page.keyboard.press("Enter")
    assert answer.value.ok, f"{target}: HTTP {answer.value.status}"


def test_a_cohost_phone_runs_three_items_and_nothing_else(new_context, e2e_server, seed, shot):
    items = seed["items"]
    laptop = new_context()
    console = laptop.new_page()
    journey.login(console, e2e_server, seed)
    code = journey.go_live(console, e2e_server, seed)
    console_url = console.url

    # The facilitator opens the co-host page from the console and makes an invitation: a link and a QR code.
    console.get_by_role("link", name="ALL-INstructeurs").click()
    console.wait_for_url(re.compile(r"/live/meehelpers/$"))
    manage_url = console.url
    check_axe(console, "cohost-manage")
    console.get_by_role("button", name="Maak een uitnodiging").click()
    link_box = console.locator("#cohost-link")
    expect(link_box).to_be_visible()
    expect(console.locator(".cohost-qr svg")).to_be_visible()
    link = link_box.input_value()
    shot(console, "cohost-invitation")
    check_axe(console, "cohost-invitation")

    # Someone in the room joins as an ordinary phone: the co-host's steps reach it.
    phone = new_context(**PHONE).new_page()
    journey.join(phone, e2e_server, code, name="Kiki")
    expect(phone.locator("#stage h1")).to_have_text("Welkom!")

    # The young person opens the link on their phone and accepts, by keyboard only.
    cohost = new_context(**PHONE).new_page()
    cohost.goto(link)
    expect(cohost.get_by_role("heading", level=1)).to_have_text("Help jij mee als ALL-INstructeur?")
    keyboard.fits(cohost)
    check_axe(cohost, "cohost-invitation-phone")
    keyboard.type_into(cohost, cohost.locator("input[name=name]"), "Noor")
    keyboard.press_on(cohost, cohost.get_by_role("button", name="Ik doe mee"))
    expect(cohost.locator("#live .who")).to_have_text("Noor (ALL-INstructeur)")
    journey.mark(cohost)
    keyboard.fits(cohost)
    shot(cohost, "cohost-controls")
    check_axe(cohost, "cohost-controls")

    # Three items, each reaching the ordinary phone and the facilitator's console by push.
    for n, (button, title) in enumerate(zip(["Beginnen", "Volgende", "Volgende"], items[:3], strict=True)):
        _press(cohost, cohost.get_by_role("button", name=button, exact=True))
        expect(cohost.locator("#stage h1")).to_have_text(title)
        expect(phone.locator("#stage h1")).to_have_text(title)
        keyboard.fits(cohost)
        shot(cohost, f"cohost-item{n + 1}")
    console.goto(console_url)
    expect(console.locator("#console-now")).to_have_text(items[2])

    # The timer, from the co-host's phone, shows on the ordinary phone too.
    keyboard.type_into(cohost, cohost.locator("#cohost-minutes"), "3")
    _press(cohost, cohost.get_by_role("button", name="Timer starten"))
    expect(cohost.locator("#stage [data-timer-ends]")).to_be_visible()
    expect(phone.locator("#stage [data-timer-ends]")).to_be_visible()
    check_axe(cohost, "cohost-timer")
    journey.assert_not_reloaded(cohost)

    # Nothing else: the console, the participants, the co-host page and the workspace send them to the login
    # page; another meeting's controls are refused in Dutch.
    other = cohost.context.new_page()
    workspace = f"/w/{seed['workspace']}/"
    for url in (console_url, manage_url, e2e_server.url(workspace)):
        other.goto(url)
        expect(other).to_have_url(re.compile(r"/inloggen/"))
    other.goto(console_url.replace("/live/", "/live/deelnemers/"))
    expect(other).to_have_url(re.compile(r"/inloggen/"))
    response = other.goto(e2e_server.url("/j/ZZZZZZ/meehelpen/"))
    assert response.status == 403
    expect(other.get_by_role("heading", level=1)).to_have_text("Je bent nu geen ALL-INstructeur")
    check_axe(other, "cohost-refused")
    other.close()

    # The facilitator revokes: the co-host's phone drops its controls at once, without a reload.
    console.goto(manage_url)
    console.get_by_role("button", name=re.compile(r"^Intrekken")).click()
    expect(console.locator("#cohost-manage")).to_contain_text("ingetrokken om")
    expect(cohost.locator("#stage")).to_contain_text("Je bent nu geen ALL-INstructeur")
    expect(cohost.get_by_role("button", name="Volgende")).to_have_count(0)
    journey.assert_not_reloaded(cohost)
    shot(cohost, "cohost-revoked")
    check_axe(cohost, "cohost-revoked")
    cohost.reload()
    expect(cohost.get_by_role("heading", level=1)).to_have_text("Je bent nu geen ALL-INstructeur")
