"""A partner opens their personal link on a phone (360 px wide), fills in the network card on its two pages
without an account, and the facilitator then sees the card, filled in by the partner, with the consent given."""

import pytest

from . import journey, keyboard
from .axe import check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def network_seed(e2e_server):
    return e2e_server.run_seed("tests.e2e.network_seed", "E2E-SEED", timeout=60)


def _fits_the_screen(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width}px wide on a 360px phone"


def test_partner_fills_the_card_on_a_phone_and_the_facilitator_sees_it(
    new_context, e2e_server, network_seed, shot
):
    seed = network_seed
    phone = new_context(**PHONE).new_page()

    # ---- page 1: the organisation and a contact person --------------------------------------------------
    phone.goto(e2e_server.url(seed["link"]))
    expect(phone.get_by_text("Stap 1 van 2")).to_be_visible()
    expect(phone.get_by_label("Naam van de organisatie")).to_have_value(seed["partner_name"])
    _fits_the_screen(phone)
    phone.get_by_label("Wat doet de organisatie?").fill("Mbo-opleidingen voor 9.000 studenten.")
    contact = phone.locator("fieldset.contact-row").first
    contact.get_by_label("Naam").fill("Fatma Yilmaz")
    contact.get_by_label("Functie").fill("loopbaanadviseur")
    contact.get_by_label("E-mailadres").fill("geen-adres")
    shot(phone, "phone-page-1")
    check_axe(phone, "card-page-1")
    phone.get_by_role("button", name="Volgende: ideeën en wensen").click()
    # A bad e-mail address: a Dutch message, and what was typed is still there
    expect(phone.locator(".error-summary")).to_contain_text("is geen e-mailadres")
    expect(phone.get_by_label("Wat doet de organisatie?")).to_have_value(
        "Mbo-opleidingen voor 9.000 studenten."
    )
    _fits_the_screen(phone)
    check_axe(phone, "card-page-1-error")
    phone.locator("fieldset.contact-row").first.get_by_label("E-mailadres").fill("fatma@roc.example")
    phone.get_by_role("button", name="Volgende: ideeën en wensen").click()

    # ---- page 2: ideas, wishes, concerns, opportunities and consent -------------------------------------
    expect(phone.get_by_text("Stap 2 van 2")).to_be_visible()
    expect(phone.get_by_text("Het thema is: nazorg in het mbo.")).to_be_visible()
    _fits_the_screen(phone)
    phone.get_by_label("Ideeën").fill("Oud-studenten een jaar lang kunnen blijven bellen.")
    phone.get_by_label("Wensen").fill("Meer leerwerkplekken in de regio.")
    phone.get_by_label("Zorgen").fill("Studenten met schulden stoppen vaker.")
    phone.get_by_label("Kansen").fill("Schuldhulp in de school.")
    phone.get_by_label("met de hele werkruimte").check()
    phone.get_by_label("Wie geeft deze toestemming?").fill("Fatma Yilmaz, loopbaanadviseur")
    shot(phone, "phone-page-2")
    check_axe(phone, "card-page-2")
    phone.get_by_role("button", name="Kaart versturen").click()
    expect(phone.get_by_role("heading", name="Bedankt!")).to_be_visible()
    shot(phone, "phone-done")
    _fits_the_screen(phone)
    check_axe(phone, "card-done")

    # ---- the facilitator sees the card ------------------------------------------------------------------
    laptop = new_context().new_page()
    journey.login(laptop, e2e_server, seed)
    laptop.goto(e2e_server.url(f"/w/{seed['workspace']}/netwerk/"))
    card_link = laptop.locator(".partner-list").get_by_role("link", name=seed["partner_name"])
    expect(card_link).to_be_visible()
    expect(laptop.locator(".partner-list li", has_text=seed["partner_name"])).to_contain_text(
        "ingevuld door partner"
    )
    keyboard.fits(laptop)
    check_axe(laptop, "network-list")
    card_link.click()
    main = laptop.locator("main")
    expect(main).to_contain_text("Oud-studenten een jaar lang kunnen blijven bellen.")
    expect(main).to_contain_text("Fatma Yilmaz")
    expect(main).to_contain_text("fatma@roc.example")
    expect(main).to_contain_text("Toestemming van Fatma Yilmaz, loopbaanadviseur")
    expect(main).to_contain_text("Ingevuld door de partner op")
    shot(laptop, "facilitator-card")
    keyboard.fits(laptop)
    check_axe(laptop, "network-card")
