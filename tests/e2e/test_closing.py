"""The closing of the ALL-IN session (phase B) in a real browser, with a console, a projector and three phones
(issue 4): ideas on a notes board, a dot vote on two ballots ("beste" and "meest haalbaar") over the ideas the
facilitator picks, results hidden until the reveal, then the top 3 of each ballot on the projector.

Nothing is reloaded: every change reaches the other screens by websocket push."""

import re
import shutil
import uuid

import pytest

from . import journey
from .axe import check_axe
from .conftest import ARTIFACTS
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e

VOTE_ITEM = "VI. Afsluiting: actielijst en terugkoppeling"
BEST, FEASIBLE = "Beste", "Meest haalbaar"
FULL = "Je hebt al je 3 stippen gebruikt. Neem er eerst een terug om iets anders te kiezen."
TWICE = "Je hebt al een stip op dit idee. Kies een ander idee."


@pytest.fixture
def shot(artifacts):
    """Like conftest's `shot`, into test-artifacts/e2e/closing/ (emptied first). Screenshots of a failure
    still go to the test's own folder (conftest's `new_context`)."""
    folder = ARTIFACTS / "closing"
    shutil.rmtree(folder, ignore_errors=True)
    counter = iter(range(1, 1000))

    def take(page, name):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{next(counter):02d}-{name}.png", full_page=True)

    return take


def _left(n):
    return f"nog {n} {'stip' if n == 1 else 'stippen'} van de 3 over"


def test_closing_vote_with_two_ballots_reveals_top_three(new_context, e2e_server, seed, shot):
    items, board = seed["items"], seed["board_index"]
    board_title = items[board]
    assert VOTE_ITEM in items, f"the phase B meeting has no item {VOTE_ITEM!r}: {items}"
    token = uuid.uuid4().hex[:5]
    # Five ideas from the tables; the facilitator puts the first four on the list.
    ideas = [
        f"Spreekuur op school {token}",
        f"Hulp vindbaar op Instagram {token}",
        f"Eén vast aanspreekpunt {token}",
        f"Formulieren in gewone taal {token}",
        f"Gratis lunch in de kantine {token}",
    ]
    school, instagram, contact, forms, lunch = ideas
    picked = ideas[:4]

    laptop = new_context()
    console = laptop.new_page()
    journey.login(console, e2e_server, seed)
    code = journey.go_live(console, e2e_server, seed)
    journey.mark(console)
    projector = journey.open_projector(console)
    journey.mark(projector)

    phones = []
    for name in ["Kiki", "", "Ravi"]:
        phone = new_context(**PHONE).new_page()
        journey.join(phone, e2e_server, code, name=name)
        journey.mark(phone)
        phones.append(phone)
    expect(console.locator("#joined-count")).to_have_text("3")

    # ---- notes: each phone posts its table's ideas ----------------------------------------------------
    journey.console_click(console, journey.agenda_button(console, board_title))
    expect(console.locator("#console-now")).to_have_text(board_title)
    for phone in phones:
        expect(phone.locator("#stage form.note-form textarea")).to_be_visible()
    authors = [phones[0], phones[1], phones[2], phones[0], phones[1]]
    for phone, idea in zip(authors, ideas, strict=True):
        journey.post_note(phone, idea)
    for idea in ideas:
        expect(projector.locator("#stage").get_by_text(idea)).to_be_visible()
        expect(console.locator(".console-notes li", has_text=idea)).to_be_visible()
    shot(phones[0], "phone1-notes")
    shot(projector, "projector-notes")
    check_axe(phones[0], "phone-notes")
    check_axe(projector, "projector-notes")
    check_axe(console, "console-notes")

    # ---- the closing vote: the facilitator picks four of the five notes --------------------------------
    journey.console_click(console, journey.agenda_button(console, VOTE_ITEM))
    expect(console.locator("#console-now")).to_have_text(VOTE_ITEM)
    for phone in phones:
        expect(phone.locator("#stage h1")).to_have_text(VOTE_ITEM)
        expect(phone.locator("#stage .vote-phone")).to_contain_text("De begeleider zet de ideeën zo klaar")
    expect(projector.locator("#stage")).to_contain_text("De ideeën komen zo op het scherm.")
    check_axe(phones[0], "phone-vote-waiting")
    check_axe(projector, "projector-vote-waiting")
    adder = console.locator("form.vote-add")
    for idea in picked:
        adder.locator("label.vote-pick", has_text=idea).locator("input[type=checkbox]").check()
    shot(console, "console-pick-ideas")
    check_axe(console, "console-pick-ideas")
    journey.console_click(console, adder.get_by_role("button", name="Op de lijst zetten"))
    options = console.locator("ul.vote-console-options > li.vote-console-option > p")
    expect(options).to_have_count(4)
    for option, idea in zip(options.all(), picked, strict=True):
        expect(option).to_contain_text(idea)
    expect(adder.locator("label.vote-pick", has_text=lunch)).to_be_visible()  # not picked: still a source
    shot(console, "console-options")
    check_axe(console, "console-options")

    # Each phone sees both ballots with the four ideas and three dots on each.
    for n, phone in enumerate(phones, start=1):
        for name in (BEST, FEASIBLE):
            buttons = journey.ballot(phone, name).locator("button.vote-option")
            expect(buttons).to_have_count(4)
            for button, idea in zip(buttons.all(), picked, strict=True):
                expect(button).to_contain_text(idea)
            expect(journey.dots_left(phone, name)).to_contain_text(_left(3))
        expect(phone.locator("#stage")).not_to_contain_text(lunch)
        assert journey.scroll_width(phone) <= 360, f"phone {n}: the vote scrolls sideways at 360 px"
        shot(phone, f"phone{n}-ballots")
    check_axe(phones[0], "phone-ballots")
    check_axe(projector, "projector-read-along")

    # Before anyone votes the projector shows the ideas to read along, and nobody has voted.
    expect(projector.locator(".vote-read-along li")).to_have_text(picked)
    expect(projector.locator(".vote-turnout-n")).to_have_text(["0", "0"])

    # ---- dots: arranged so each ballot has a clear 1, 2, 3 -------------------------------------------
    # Beste: school 3, instagram 2, contact 1, forms 0. Meest haalbaar: forms 3, contact 2, instagram 1.
    plan = [
        (phones[0], BEST, [school, instagram, contact]),
        (phones[1], BEST, [school, instagram]),
        (phones[2], BEST, [school]),
        (phones[0], FEASIBLE, [forms, contact, instagram]),
        (phones[1], FEASIBLE, [forms, contact]),
        (phones[2], FEASIBLE, [forms]),
    ]
    for phone, name, choices in plan:
        for used, idea in enumerate(choices, start=1):
            answer = journey.give_dot(phone, name, idea)
            assert answer.ok, f"a dot on {idea!r} ({name}) was refused: {answer.status} {answer.text()}"
            left = journey.dots_left(phone, name)
            expect(left).to_contain_text(_left(3 - used))
            expect(left.locator(".vote-mark.is-used")).to_have_count(used)
            expect(phone.locator("#mine .vote-my-dots").first).to_be_visible()
    kiki = phones[0]
    shot(kiki, "phone1-all-dots-used")
    check_axe(kiki, "phone-all-dots-used")

    # A fourth dot on a ballot is refused, in Dutch, and nothing changes.
    answer = journey.give_dot(kiki, BEST, forms)
    assert answer.status == 400
    expect(journey.ballot(kiki, BEST).locator(".form-status")).to_have_text(FULL)
    expect(journey.dots_left(kiki, BEST)).to_contain_text(_left(0))
    expect(journey.dots_left(kiki, BEST).locator(".vote-mark.is-used")).to_have_count(3)
    assert journey.scroll_width(kiki) <= 360, "phone 1: the refused dot scrolls sideways at 360 px"
    shot(kiki, "phone1-fourth-dot-refused")
    check_axe(kiki, "phone-fourth-dot-refused")
    # A second dot on the same idea too (one dot per idea).
    second = phones[1]
    answer = journey.give_dot(second, FEASIBLE, forms)
    assert answer.status == 400
    expect(journey.ballot(second, FEASIBLE).locator(".form-status")).to_have_text(TWICE)
    expect(journey.dots_left(second, FEASIBLE)).to_contain_text(_left(1))
    shot(second, "phone2-same-idea-refused")

    # A dot taken back comes back, and can be given again.
    ravi = phones[2]
    answer = journey.give_dot(ravi, BEST, contact)
    assert answer.ok
    expect(journey.dots_left(ravi, BEST)).to_contain_text(_left(1))
    back = ravi.locator("#mine .vote-my-dots li", has_text=contact).get_by_role(
        "button", name=re.compile("^Terugnemen")
    )
    with ravi.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith("/stip-terug/")
    ) as taken:
        back.click()
    assert taken.value.ok
    expect(journey.dots_left(ravi, BEST)).to_contain_text(_left(2))
    expect(ravi.locator("#mine .vote-my-dots li", has_text=contact)).to_have_count(0)

    # ---- before the reveal: only how many voted ------------------------------------------------------
    turnout = projector.locator(".vote-turnout-box")
    expect(turnout).to_have_count(2)
    expect(turnout.nth(0)).to_contain_text(re.compile(r"Beste\s*3\s*mensen hebben gestemd"))
    expect(turnout.nth(1)).to_contain_text(re.compile(r"Meest haalbaar\s*3\s*mensen hebben gestemd"))
    for ranking in [".vote-results", ".vote-column", ".vote-top", ".vote-rest", ".vote-n", ".vote-bar"]:
        expect(projector.locator(ranking)).to_have_count(0)
    expect(projector.locator("#stage")).not_to_contain_text("De 3 beste ideeën")
    expect(projector.locator("#stage")).not_to_contain_text("stippen")
    # The ideas are listed in the order they were added, not by dots.
    expect(projector.locator(".vote-read-along li")).to_have_text(picked)
    shot(projector, "projector-before-reveal")
    check_axe(projector, "projector-before-reveal")
    # The facilitator's console already sees the standings ("alleen voor jou").
    standings = console.locator(".vote-console-column")
    expect(standings.nth(0).locator("li.is-top")).to_have_count(3)
    expect(standings.nth(0).locator("li").first).to_contain_text(school)
    expect(standings.nth(1).locator("li").first).to_contain_text(forms)
    shot(console, "console-standings")
    check_axe(console, "console-standings")

    # ---- the reveal ---------------------------------------------------------------------------------
    journey.console_click(console, "Antwoorden tonen op het scherm")
    expect(console.get_by_role("button", name="Antwoorden verbergen op het scherm")).to_be_visible()
    columns = projector.locator(".vote-results .vote-column")
    expect(columns).to_have_count(2)
    expect(columns.locator("h2")).to_have_text(["De 3 beste ideeën", "De 3 meest haalbare ideeën"])
    expected = [
        ([school, instagram, contact], ["3 stippen", "2 stippen", "1 stip"]),
        ([forms, contact, instagram], ["3 stippen", "2 stippen", "1 stip"]),
    ]
    for column, (labels, counts) in zip(columns.all(), expected, strict=True):
        top = column.locator("ol.vote-top > li.vote-row")
        expect(top.locator(".vote-label")).to_have_text(labels)
        expect(top.locator(".vote-n")).to_have_text(counts)
        expect(top.locator(".vote-rank")).to_have_text(["1", "2", "3"])
        expect(column.locator(".vote-voters")).to_have_text("3 mensen hebben gestemd")
        expect(column.locator(".vote-rest")).to_have_count(0)  # the fourth idea got no dots on either list
    expect(projector.locator(".vote-turnout")).to_have_count(0)
    shot(projector, "projector-top-three")
    shot(console, "console-revealed")
    check_axe(projector, "projector-top-three")
    check_axe(console, "console-revealed")
    for n, phone in enumerate(phones, start=1):
        expect(phone.locator("#stage")).to_contain_text("De uitslag staat op het grote scherm.")
        assert journey.scroll_width(phone) <= 360, f"phone {n}: the revealed vote scrolls sideways at 360 px"
        shot(phone, f"phone{n}-revealed")
    check_axe(phones[0], "phone-revealed")

    # All of it reached pages that were never reloaded, over live websockets.
    for page in [console, projector, *phones]:
        journey.assert_not_reloaded(page)
        expect(page.locator("#connection")).to_have_text("")
