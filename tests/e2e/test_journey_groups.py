"""Journey 5 (issue 8): a series meeting with groups. The facilitator puts the first meeting of a child-poverty
series live; two people join on their phones (360 px) and the facilitator links each phone to the participant
it is; the facilitator makes the plan ("Maak indeling"); each phone shows its table ("Jij zit aan ..."); the
facilitator moves one person to another table with the keyboard (the "Verplaats ... naar" list and its button,
no mouse) and that phone shows the new table without a reload. axe-core checks every page; every page fits
360 px."""

import re

import pytest

from . import journey, keyboard
from .axe import check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def groups_seed(e2e_server):
    return e2e_server.run_seed("tests.e2e.seed_groups", "E2E-GROUPS", timeout=120)


def _table_of(groups_page, name):
    """The name of the table (group card) where `name` sits on the groups page."""
    card = groups_page.locator(".group-card").filter(
        has=groups_page.locator(".member-name", has_text=re.compile(rf"^{re.escape(name)}$"))
    )
    expect(card).to_have_count(1)
    return card.locator("h2").inner_text().strip()


def _my_table(phone):
    return phone.locator("#my-table .gr-mine h2")


def test_groups_plan_a_move_by_keyboard_and_phones_show_their_table(
    new_context, e2e_server, groups_seed, shot
):
    data = groups_seed
    base = f"/w/{data['workspace']}/bijeenkomsten/{data['meeting']}/"
    laptop = new_context().new_page()
    journey.login(laptop, e2e_server, data)

    # ---- the meeting goes live; two people join on their phones -----------------------------------------
    code = journey.go_live(laptop, e2e_server, data)
    keyboard.fits(laptop)
    check_axe(laptop, "console")
    phones = {}
    for n, name in enumerate(data["phones"]):
        phone = new_context(**PHONE).new_page()
        phone.goto(e2e_server.url("/"))
        if n == 0:
            keyboard.fits(phone)
            check_axe(phone, "home-code-box")
        journey.enter_code(phone, e2e_server, code)
        if n == 0:
            keyboard.fits(phone)
            check_axe(phone, "join-form")
        journey.fill_join_form(phone, name=name, role="professional")
        phones[name] = phone
    first, second = (phones[name] for name in data["phones"])
    expect(first.locator("#my-table")).to_have_count(0)  # no plan yet: no table
    keyboard.fits(first)
    shot(first, "phone-joined")
    check_axe(first, "phone-before-plan")

    # ---- the facilitator links each phone to its participant (the same name is suggested) ---------------
    laptop.goto(e2e_server.url(base + "live/deelnemers/"))
    check_axe(laptop, "link-phones")
    for name in data["phones"]:
        card = laptop.locator("ul.attendee-links > li", has=laptop.locator("h2", has_text=name))
        expect(card.get_by_label("Deelnemer").locator("option:checked")).to_contain_text(name)
        card.get_by_role("button", name="Koppelen").click()
        expect(laptop.get_by_text(f"Gekoppeld aan {name}, en aangevinkt als aanwezig.")).to_be_visible()
    expect(laptop.get_by_text("2 van 2 telefoons gekoppeld.")).to_be_visible()
    keyboard.fits(laptop)
    shot(laptop, "phones-linked")
    check_axe(laptop, "link-phones-done")

    # ---- the plan ---------------------------------------------------------------------------------------------
    laptop.goto(e2e_server.url(base + "groepen/"))
    expect(laptop.get_by_text("Er is nog geen indeling voor deze bijeenkomst.")).to_be_visible()
    keyboard.fits(laptop)
    check_axe(laptop, "groups-empty")
    laptop.get_by_role("button", name="Maak indeling").click()
    expect(laptop.get_by_text("De groepen zijn gemaakt.")).to_be_visible()
    expect(laptop.locator(".group-card").first).to_be_visible()
    assert laptop.locator(".group-members > li").count() == 9  # everyone present has a seat
    keyboard.fits(laptop)
    shot(laptop, "plan-made")
    check_axe(laptop, "groups-plan")

    # ---- each phone shows its table, pushed without a reload -------------------------------------------------
    for name, phone in phones.items():
        expect(_my_table(phone)).to_have_text(f"Jij zit aan {_table_of(laptop, name)}")
        keyboard.fits(phone)
    shot(first, "phone-table")
    check_axe(first, "phone-table")

    # ---- the facilitator moves the first person to another table, by keyboard alone ------------------------
    mover = data["phones"][0]
    journey.mark(first)
    old = _table_of(laptop, mover)
    new = next(t.strip() for t in laptop.locator(".group-card h2").all_inner_texts() if t.strip() != old)
    keyboard.choose_option(laptop, laptop.get_by_label(f"Verplaats {mover} naar"), new)
    form = laptop.locator("form.move-form", has=laptop.get_by_label(f"Verplaats {mover} naar"))
    with laptop.expect_navigation():
        laptop.keyboard.press("Tab")  # from the list to its "Verplaats" button
        assert keyboard.has_focus(laptop, form.get_by_role("button", name="Verplaats")), keyboard.focused(
            laptop
        )
        laptop.keyboard.press("Enter")
    expect(laptop.locator(".group-card").first).to_be_visible()
    assert _table_of(laptop, mover) == new
    keyboard.fits(laptop)
    shot(laptop, "moved")
    check_axe(laptop, "groups-after-move")

    expect(_my_table(first)).to_have_text(f"Jij zit aan {new}")
    journey.assert_not_reloaded(first)
    keyboard.fits(first)
    shot(first, "phone-new-table")
    check_axe(first, "phone-new-table")
    expect(_my_table(second)).to_have_text(f"Jij zit aan {_table_of(laptop, data['phones'][1])}")

    # ---- who met whom (linked from the groups page) ----------------------------------------------------------
    laptop.get_by_role("link", name="Wie heeft wie al ontmoet?").click()
    expect(laptop.get_by_role("heading", level=1)).to_be_visible()
    keyboard.fits(laptop)
    shot(laptop, "encounters")
    check_axe(laptop, "encounters")
