"""The workbook method in the browser: a facilitator on a 360 px phone forms the working group, records the urgent
question and sharpens it, logs an experiment, closes it with what was learned, starts a follow-up and opens the
one-page PDF of the log. Every page is checked with axe and for sideways scrolling."""

import pytest

from . import journey, keyboard
from .axe import check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def seed(e2e_server):
    return e2e_server.run_seed("tests.e2e.seed_workbook", "E2E-WORKBOOK", timeout=60)


def test_working_group_question_and_a_chain_of_experiments_on_a_phone(new_context, e2e_server, seed, shot):
    page = new_context(**PHONE).new_page()
    journey.login(page, e2e_server, seed)
    base = f"/w/{seed['workspace']}/trajecten/{seed['process']}"
    page.goto(e2e_server.url(f"{base}/"))
    page.get_by_role("link", name="Werkgroep en vraag").first.click()
    expect(page.get_by_role("heading", name="Werkgroep en vraag", level=1)).to_be_visible()

    # ---- the working group: members with organisation and domain -------------------------------------
    page.get_by_label("Wie komt erbij?").select_option(label="Jeroen · RMC E2E · onderwijs")
    page.get_by_label("Taak in de werkgroep").fill("trekker")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator("table")).to_contain_text("RMC E2E")
    expect(page.locator("table")).to_contain_text("trekker")

    # ---- the urgent question, an empty try first, then sharpened once --------------------------------
    page.get_by_role("button", name="Vraag opslaan").click()
    expect(page.locator(".error-summary")).to_contain_text("Vul de vraag in.")
    page.get_by_label("Onze urgente, concrete vraag").fill("Hoe raakt geen jongere uit beeld?")
    page.get_by_role("button", name="Vraag opslaan").click()
    page.get_by_label("Onze urgente, concrete vraag").fill("Hoe bellen we elke uitvaller binnen een maand?")
    page.get_by_role("button", name="Vraag opslaan").click()
    expect(page.locator(".urgent-question")).to_have_text("Hoe bellen we elke uitvaller binnen een maand?")
    expect(page.get_by_text("1 eerdere versie")).to_be_visible()
    keyboard.fits(page)
    shot(page, "workgroup")
    check_axe(page, "workgroup")

    # ---- an experiment, logged and closed ------------------------------------------------------------
    page.get_by_role("link", name="Experimentenlogboek").first.click()
    page.get_by_role("link", name="Experiment toevoegen").click()
    expect(page.get_by_label("Wat testen we?")).to_have_value(
        "Hoe bellen we elke uitvaller binnen een maand?"
    )
    keyboard.fits(page)
    check_axe(page, "experiment-new")
    page.get_by_label("De kleine stap").fill("Een nulmeting met RMC en RBL")
    page.get_by_label("Wie doet het?").fill("Jeroen")
    page.get_by_label("Status").select_option(label="klaar")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".error-summary")).to_contain_text("resultaat of een les")
    keyboard.fits(page)
    check_axe(page, "experiment-new-error")
    page.get_by_label("Wat hebben we geleerd?").fill("Privacy eerst regelen")
    page.get_by_label("Volgende stap").fill("Gesprek met de privacy officer")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_role("heading", name="Hoe bellen we elke uitvaller binnen een maand?")).to_be_visible()
    keyboard.fits(page)
    check_axe(page, "experiment-detail")

    # ---- a follow-up: the chain is visible both ways --------------------------------------------------
    page.get_by_role("link", name="Vervolgexperiment starten").click()
    expect(page.get_by_label("De kleine stap")).to_have_value("Gesprek met de privacy officer")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator("ol.chain")).to_contain_text("E1")
    page.get_by_role("link", name="Experimentenlogboek").first.click()
    expect(
        page.locator("#e" + page.locator(".experiment-log > li").first.get_attribute("id")[1:])
    ).to_contain_text("Leidde tot E2")
    keyboard.fits(page)
    shot(page, "log")
    check_axe(page, "log")

    # ---- the one-page PDF ------------------------------------------------------------------------------
    response = page.request.get(e2e_server.url(f"{base}/experimenten/logboek.pdf"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
