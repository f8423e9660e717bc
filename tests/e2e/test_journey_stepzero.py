"""Step 0 of the child-poverty series in the browser on a 360 px phone: what already exists, a manager with the
moment they want news, a fixed participant who missed the first meeting, the project team's debrief that then
appears in the meeting's report, and a case picked from the case library. axe and sideways scrolling on each page."""

import pytest

from . import journey, keyboard
from .axe import check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def seed(e2e_server):
    return e2e_server.run_seed("tests.e2e.seed_stepzero", "E2E-STEPZERO", timeout=60)


def _check(page, label):
    keyboard.fits(page)
    check_axe(page, label)


def test_step_zero_on_a_phone(new_context, e2e_server, seed, shot):
    page = new_context(**PHONE).new_page()
    journey.login(page, e2e_server, seed)
    base = f"/w/{seed['workspace']}/trajecten/{seed['process']}"
    page.goto(e2e_server.url(f"{base}/"))
    page.get_by_role("link", name="Stap 0: voorbereiding").first.click()
    _check(page, "overview")

    # ---- what already exists -------------------------------------------------------------------------
    page.get_by_role("link", name="Wat is er al?").first.click()
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".error-summary")).to_contain_text("Vul de naam in.")
    _check(page, "inventory-error")
    page.get_by_label("Naam", exact=True).fill("Armoedeoverleg")
    page.get_by_label("Wie trekt het?").fill("Gemeente")
    page.get_by_label("ja", exact=True).check()
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".inventory-list")).to_contain_text("Armoedeoverleg")
    _check(page, "inventory")

    # ---- a manager -------------------------------------------------------------------------------------
    page.get_by_role("link", name="Leidinggevenden").first.click()
    page.get_by_label("Naam", exact=True).fill("Annemiek Vos")
    page.get_by_label("Hoe wil die op de hoogte blijven?").select_option(label="telefonisch")
    page.get_by_label("Wanneer?").select_option(label="na elke bijeenkomst")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator("table")).to_contain_text("Annemiek Vos")
    expect(page.get_by_text("Het startmoment met leidinggevenden staat op de agenda van:")).to_be_visible()
    _check(page, "managers")

    # ---- the fixed participant, who missed the held meeting -------------------------------------------
    page.get_by_role("link", name="Vaste deelnemers").first.click()
    page.get_by_label("Vaste deelnemer").select_option(label="Karim")
    page.get_by_role("button", name="Vaste deelnemer van Schuldhulp E2E opslaan").click()
    expect(page.get_by_text("Niet aanwezig bij:")).to_be_visible()
    _check(page, "fixed")

    # ---- the debrief, in the report --------------------------------------------------------------------
    page.goto(e2e_server.url(f"/w/{seed['workspace']}/bijeenkomsten/{seed['meeting']}/nabespreking/"))
    page.get_by_label("Wat ging goed?").fill("De kennismaking werkte goed")
    page.get_by_role("button", name="Nabespreking opslaan").click()
    expect(page.locator(".message-success")).to_contain_text("staat in het verslag")
    _check(page, "debrief")
    page.goto(e2e_server.url(f"/w/{seed['workspace']}/bijeenkomsten/{seed['meeting']}/verslag/"))
    expect(page.get_by_role("heading", name="Nabespreking van het projectteam")).to_be_visible()
    expect(page.get_by_text("De kennismaking werkte goed")).to_be_visible()

    # ---- a case, picked for the meeting ----------------------------------------------------------------
    page.goto(e2e_server.url(f"/w/{seed['workspace']}/casussen/"))
    page.get_by_label("Titel").fill("Gezin met drie kinderen")
    page.get_by_label("De casus", exact=True).fill("Moeder heeft schulden; de oudste spijbelt.")
    page.get_by_role("button", name="Toevoegen").click()
    _check(page, "cases")
    page.goto(e2e_server.url(f"/w/{seed['workspace']}/bijeenkomsten/{seed['meeting']}/casus/"))
    page.get_by_label("Casus voor deze bijeenkomst").select_option(label="Gezin met drie kinderen")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Moeder heeft schulden; de oudste spijbelt.")).to_be_visible()
    shot(page, "meeting-case")
    _check(page, "meeting-case")
