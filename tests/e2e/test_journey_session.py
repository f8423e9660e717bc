"""Journey 2 (issue 8) in a real browser: the ALL-IN session of phase B with a console, a projector and five
phones at 360 px. Join by code, notes, a theme, a dot vote, the reveal, then actions from the top ideas.

The facilitator works by keyboard alone (Tab, Enter, Space, typing): no mouse click on the console or the
actions page. Every page is checked with axe-core (WCAG 2.1 A and AA)."""

import re
import uuid

import pytest

from . import journey
from .axe import check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e

VOTE_ITEM = "VI. Afsluiting: actielijst en terugkoppeling"
BEST, FEASIBLE = "Beste", "Meest haalbaar"
TAB_LIMIT = 400


def focus_by_tab(page, target):
    """Press Tab until `target` (a locator of one element) has the keyboard focus, like a keyboard user."""
    target.wait_for()
    for _ in range(TAB_LIMIT):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} never got the focus with Tab")


def key_on(page, target, key="Enter"):
    focus_by_tab(page, target)
    page.keyboard.press(key)


def console_key(console, target, key="Enter"):
    """Reach a console control by Tab and press it; wait for the server's answer (htmx POST)."""
    if isinstance(target, str | re.Pattern):
        target = console.get_by_role("button", name=target)
    with console.expect_response(lambda r: r.request.method == "POST" and "/live/" in r.url) as answer:
        key_on(console, target, key)
    assert answer.value.ok, f"{target}: HTTP {answer.value.status}"


def test_session_with_console_projector_and_five_phones_by_keyboard(new_context, e2e_server, seed, shot):
    items, board = seed["items"], seed["board_index"]
    board_title = items[board]
    assert VOTE_ITEM in items, f"the phase B meeting has no item {VOTE_ITEM!r}: {items}"
    token = uuid.uuid4().hex[:5]

    # ---- the console, by keyboard -------------------------------------------------------------------
    laptop = new_context()
    console = laptop.new_page()
    console.goto(e2e_server.url("/inloggen/"))
    focus_by_tab(console, console.locator("#id_username"))
    console.keyboard.type(seed["email"])
    console.keyboard.press("Tab")
    console.keyboard.type(seed["password"])
    console.keyboard.press("Enter")
    console.wait_for_url(lambda url: "/inloggen/" not in url)
    console.goto(e2e_server.url(f"/w/{seed['workspace']}/bijeenkomsten/{seed['meeting']}/live/"))
    check_axe(console, "console-start")
    key_on(console, console.get_by_role("button", name="Live zetten"))
    expect(console.locator("#live[data-role=console]")).to_be_visible()
    href = console.locator(".console-bar a[href*='/j/']").first.get_attribute("href")
    code = re.search(r"/j/([A-Z0-9]{6})", href).group(1)
    journey.mark(console)
    shot(console, "console-live")
    check_axe(console, "console-live")

    with laptop.expect_page() as opened:
        key_on(console, console.get_by_role("link", name="Open het projectorscherm"))
    projector = opened.value
    projector.wait_for_load_state()
    expect(projector.locator(".big-code")).to_have_text(f"{code[:3]} {code[3:]}")
    journey.mark(projector)
    shot(projector, "projector-join")
    check_axe(projector, "projector-join")

    # ---- five phones join by code at 360 px ------------------------------------------------------------
    people = [
        ("Kiki", "jongere"),
        ("", "jongere"),
        ("Ravi", "gemeente"),
        ("Sem", "professional"),
        ("", "jongere"),
    ]
    phones = []
    for n, (name, role) in enumerate(people, start=1):
        phone = new_context(**PHONE).new_page()
        phone.goto(e2e_server.url("/"))
        if n == 1:
            check_axe(phone, "phone-home")
        journey.enter_code(phone, e2e_server, code)
        if n == 1:
            check_axe(phone, "phone-join-form")
        journey.fill_join_form(phone, name=name, role=role)
        expect(phone.locator("#stage h1")).to_have_text("Welkom!")
        assert journey.scroll_width(phone) <= 360, f"phone {n}: the phone page scrolls sideways at 360 px"
        journey.mark(phone)
        phones.append(phone)
    check_axe(phones[0], "phone-welcome")
    expect(console.locator("#joined-count")).to_have_text("5")
    expect(projector.locator("#joined-count")).to_have_text("5")
    shot(projector, "projector-five-joined")

    # ---- by keyboard: begin, then "Volgende" until the notes board ---------------------------------------
    console_key(console, re.compile(r"^Beginnen"))
    expect(console.locator("#console-now")).to_have_text(items[0])
    for position in range(1, board + 1):
        console_key(console, re.compile(r"^Volgende"))
        expect(console.locator("#console-now")).to_have_text(items[position])
    for phone in phones:
        expect(phone.locator("#stage h1")).to_have_text(board_title)
        expect(phone.locator("#stage form.note-form textarea")).to_be_visible()
    shot(console, "console-board")
    check_axe(console, "console-board")
    check_axe(phones[0], "phone-board")

    # ---- notes from the five phones ----------------------------------------------------------------------
    school = f"Spreekuur op school {token}"
    instagram = f"Hulp vindbaar op Instagram {token}"
    contact = f"Eén vast aanspreekpunt {token}"
    forms = f"Formulieren in gewone taal {token}"
    lunch = f"Gratis lunch in de kantine {token}"
    ideas = [school, instagram, contact, forms, lunch]
    for phone, idea in zip(phones, ideas, strict=True):
        journey.post_note(phone, idea)
        assert journey.scroll_width(phone) <= 360, "a phone scrolls sideways after sending a note"
    for idea in ideas:
        expect(projector.locator("#stage").get_by_text(idea)).to_be_visible()
        expect(console.locator(".console-notes li", has_text=idea)).to_be_visible()
    shot(phones[0], "phone-note-sent")
    check_axe(phones[0], "phone-note-sent")
    shot(projector, "projector-notes")
    check_axe(projector, "projector-notes")

    # ---- a theme, by keyboard: make it, put two notes in it, show the screen per theme --------------------
    theme = f"Hulp dichtbij {token}"
    new_theme = console.locator("input[name=name][placeholder='Nieuw thema']")
    focus_by_tab(console, new_theme)
    console.keyboard.type(theme)
    with console.expect_response(lambda r: r.request.method == "POST" and "/live/" in r.url) as answer:
        console.keyboard.press("Enter")
    assert answer.value.ok
    expect(console.locator(".theme-list input[name=name]")).to_have_value(theme)
    for idea in (school, contact):
        note = console.locator(".console-notes > li", has_text=idea)
        chosen = note.locator("select[name=theme] option:checked")
        # Pushes re-render the console meanwhile (the new theme, the other note's move): the choice and the
        # focus survive them, so one go is enough, as it must be for a person.
        focus_by_tab(console, note.locator("select[name=theme]"))
        console.keyboard.type(theme[:6])  # type-ahead picks the option by its first letters
        expect(chosen).to_have_text(theme)
        console_key(console, note.get_by_role("button", name="Verplaatsen"))
        expect(chosen).to_have_text(theme)
    console_key(console, "Scherm: per thema")
    themed = projector.locator("#stage .bucket", has=projector.locator("h2", has_text=theme))
    expect(themed).to_contain_text(school)
    expect(themed).to_contain_text(contact)
    expect(themed).not_to_contain_text(lunch)
    shot(console, "console-theme")
    check_axe(console, "console-theme")
    shot(projector, "projector-theme")
    check_axe(projector, "projector-theme")

    # ---- close the board by keyboard: phones stop sending; open it again ----------------------------------
    console_key(console, "Insturen sluiten")
    expect(console.get_by_role("button", name="Insturen openen")).to_be_visible()
    for phone in phones:
        expect(phone.locator("#stage")).to_contain_text("Insturen is nu gesloten.")
        expect(phone.locator("#stage form.note-form")).to_have_count(0)
    shot(phones[0], "phone-board-closed")
    check_axe(phones[0], "phone-board-closed")
    check_axe(console, "console-board-closed")
    console_key(console, "Insturen openen")
    expect(console.get_by_role("button", name="Insturen sluiten")).to_be_visible()
    for phone in phones:
        expect(phone.locator("#stage form.note-form textarea")).to_be_visible()

    # ---- the closing vote: to the item, pick four ideas, by keyboard ----------------------------------------
    console_key(console, journey.agenda_button(console, VOTE_ITEM))
    expect(console.locator("#console-now")).to_have_text(VOTE_ITEM)
    adder = console.locator("form.vote-add")
    picked = [school, instagram, contact, forms]
    for idea in picked:
        box = adder.locator("label.vote-pick", has_text=idea).locator("input[type=checkbox]")
        key_on(console, box, "Space")
        expect(box).to_be_checked()
    check_axe(console, "console-pick-ideas")
    console_key(console, adder.get_by_role("button", name="Op de lijst zetten"))
    expect(console.locator("ul.vote-console-options > li.vote-console-option")).to_have_count(4)
    shot(console, "console-vote")
    check_axe(console, "console-vote")

    # Five phones vote. Beste: school 5, instagram 4, contact 3. Meest haalbaar: forms 5, contact 4, school 2.
    for n, phone in enumerate(phones, start=1):
        for name in (BEST, FEASIBLE):
            expect(journey.ballot(phone, name).locator("button.vote-option")).to_have_count(4)
        assert journey.scroll_width(phone) <= 360, f"phone {n}: the vote scrolls sideways at 360 px"
    check_axe(phones[0], "phone-ballots")
    check_axe(projector, "projector-read-along")
    plan = {
        BEST: [[school, instagram, contact]] * 3 + [[school, instagram], [school]],
        FEASIBLE: [[forms, contact, school]] * 2 + [[forms, contact]] * 2 + [[forms]],
    }
    for name, choices_per_phone in plan.items():
        for phone, choices in zip(phones, choices_per_phone, strict=True):
            for idea in choices:
                answer = journey.give_dot(phone, name, idea)
                assert answer.ok, f"a dot on {idea!r} ({name}) was refused: {answer.status} {answer.text()}"
    shot(phones[0], "phone-dots-used")
    check_axe(phones[0], "phone-dots-used")
    turnout = projector.locator(".vote-turnout-box")
    expect(turnout.nth(0)).to_contain_text(re.compile(r"Beste\s*5\s*mensen hebben gestemd"))
    expect(turnout.nth(1)).to_contain_text(re.compile(r"Meest haalbaar\s*5\s*mensen hebben gestemd"))
    expect(projector.locator(".vote-results")).to_have_count(0)
    shot(projector, "projector-before-reveal")
    check_axe(projector, "projector-before-reveal")

    # ---- the reveal, by keyboard --------------------------------------------------------------------------
    console_key(console, "Antwoorden tonen op het scherm")
    expect(console.get_by_role("button", name="Antwoorden verbergen op het scherm")).to_be_visible()
    columns = projector.locator(".vote-results .vote-column")
    expect(columns).to_have_count(2)
    expect(columns.nth(0).locator("ol.vote-top .vote-label")).to_have_text([school, instagram, contact])
    expect(columns.nth(1).locator("ol.vote-top .vote-label")).to_have_text([forms, contact, school])
    shot(projector, "projector-top-three")
    check_axe(projector, "projector-top-three")
    check_axe(console, "console-revealed")
    for phone in phones:
        expect(phone.locator("#stage")).to_contain_text("De uitslag staat op het grote scherm.")
    check_axe(phones[0], "phone-revealed")
    for page in [console, projector, *phones]:
        journey.assert_not_reloaded(page)

    # ---- actions from the top ideas, by keyboard --------------------------------------------------------
    console.goto(e2e_server.url(f"/w/{seed['workspace']}/bijeenkomsten/{seed['meeting']}/"))
    key_on(console, console.locator("nav.breadcrumbs a").nth(1))  # the process
    console.wait_for_url(re.compile(r"/trajecten/\d+/$"))
    key_on(console, console.get_by_role("link", name="Van ideeën naar acties"))
    expect(console.locator("h1")).to_have_text("Van ideeën naar acties")
    ideas_url = console.url
    shot(console, "ideas")
    check_axe(console, "ideas-to-actions")
    for idea, ballot_name in ((school, BEST), (forms, FEASIBLE)):  # the winner of each ballot
        top = console.locator("ol.idea-list > li.idea").filter(has_text=idea).filter(has_text=ballot_name)
        expect(top.locator(".rank")).to_have_text("1.")
        key_on(console, top.get_by_role("button", name=re.compile(r"^Maak actie")))
        expect(console.locator("main")).to_contain_text(
            "De actie is gemaakt. Kies nu een eigenaar en een datum."
        )
        expect(console.locator("h1")).to_contain_text(idea)
        shot(console, f"action-{'best' if idea == school else 'feasible'}")
        check_axe(console, f"action-{'best' if idea == school else 'feasible'}")
        console.goto(ideas_url)
    shot(console, "ideas-with-actions")
    check_axe(console, "ideas-with-actions")


def test_a_push_never_takes_the_console_control_from_the_keyboard(new_context, e2e_server, seed):
    """The console re-renders when the server pushes (a colleague renames a theme) and when an answer is
    swapped in. A keyboard user's focus and unsent choice stay on the same control, and a form pressed the
    instant it arrived still posts with htmx: never a whole-page POST, never a reload."""
    items, board = seed["items"], seed["board_index"]
    laptop = new_context()
    console = laptop.new_page()
    journey.login(console, e2e_server, seed)
    journey.go_live(console, e2e_server, seed)
    journey.console_click(console, re.compile(r"^Beginnen"))
    journey.console_click(console, journey.agenda_button(console, items[board]))
    expect(console.locator("#console-now")).to_have_text(items[board])
    flip_over = console.locator("form.facilitator-note", has_text="van de flip-over")
    flip_over.locator("input[name=text]").fill("Een vaste plek in de wijk")
    journey.console_click(console, flip_over.get_by_role("button", name="Toevoegen"))
    console.locator("input[name=name][placeholder='Nieuw thema']").fill("Plekken")
    journey.console_click(console, "Thema maken")
    journey.mark(console)

    note = console.locator(".console-notes > li", has_text="Een vaste plek in de wijk")
    move = note.get_by_role("button", name="Verplaatsen")
    focus_by_tab(console, note.locator("select[name=theme]"))
    console.keyboard.type("Plek")
    focus_by_tab(console, move)

    # A colleague's console renames the theme: this console gets a push and re-renders its stage.
    colleague = laptop.new_page()
    colleague.goto(console.url)
    colleague.locator(".theme-list input[name=name]").fill("Plekken in de wijk")
    journey.console_click(colleague, "Hernoemen")
    expect(console.locator(".theme-list input[name=name]")).to_have_value("Plekken in de wijk")
    assert move.evaluate("el => el === document.activeElement"), "the push took the focus off Verplaatsen"
    expect(note.locator("select[name=theme] option:checked")).to_have_text("Plekken in de wijk")
    with console.expect_response(lambda r: r.request.method == "POST" and "/live/" in r.url) as answer:
        console.keyboard.press("Enter")
    assert answer.value.ok, f"Verplaatsen after a push: HTTP {answer.value.status}"
    expect(note.locator("select[name=theme] option:checked")).to_have_text("Plekken in de wijk")
    assert move.evaluate("el => el === document.activeElement"), "the answer took the focus off Verplaatsen"

    # Pressed the moment an answer is swapped in (before htmx would have settled it): still an htmx POST.
    hide = note.get_by_role("button", name=re.compile(r"^Verbergen"))
    press_on_arrival = """() => document.addEventListener("htmx:afterSwap", () => {
        const notes = [...document.querySelectorAll(".console-notes > li")];
        const note = notes.find(li => li.textContent.includes("vaste plek"));
        note.querySelector("form button").click();
    }, { once: true })"""
    statuses = []
    console.on("response", lambda r: statuses.append(r.status) if r.request.method == "POST" else None)
    console.evaluate(press_on_arrival)
    shown_again = "hidden=0"  # the second POST: "Weer tonen", pressed the instant the first answer arrived
    with console.expect_response(lambda r: shown_again in (r.request.post_data or "")) as answer:
        hide.click()
    assert answer.value.status == 200, f"pressed on arrival: HTTP {answer.value.status} (a whole-page POST)"
    expect(note.get_by_role("button", name=re.compile(r"^Verbergen"))).to_be_visible()
    assert statuses == [200, 200], f"the POSTs were answered {statuses}"
    journey.assert_not_reloaded(console)
