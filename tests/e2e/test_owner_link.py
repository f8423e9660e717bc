"""Journey 4 (issue 8), second half: the owner of an action opens their personal link on a phone (360 px, no
account), reads the youth's tip and a reaction, updates the action (a refused update first: "niet doorgegaan"
needs a reason), answers the reaction, and the facilitator sees the update on the action's timeline. A forged
link gets the Dutch "link does not work" page. axe-core checks every page."""

import pytest

from . import journey, keyboard
from .axe import check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e

PROGRESS = "De eerste school doet mee vanaf maart."
ANSWER = "Vanaf maart zit er elke dinsdag iemand van schuldhulp op het Noorderlicht College."
REPLY = "Ja, we vragen ook het mbo."


@pytest.fixture
def owner_seed(e2e_server):
    return e2e_server.run_seed("tests.e2e.seed_owner", "E2E-OWNER", timeout=120)


def test_owner_updates_the_action_through_the_link_on_a_phone(new_context, e2e_server, owner_seed, shot):
    data = owner_seed
    phone = new_context(**PHONE).new_page()

    # ---- the owner opens the link from the e-mail ----------------------------------------------------------
    phone.goto(e2e_server.url(data["link"]))
    expect(phone.get_by_role("heading", level=1)).to_have_text(data["title"])
    expect(phone.locator(".your-tip")).to_contain_text(data["tip"])
    expect(phone.locator(".reaction-list")).to_contain_text(data["reaction"])
    expect(phone.get_by_label("Je naam")).to_have_value(data["owner"])
    keyboard.fits(phone)
    shot(phone, "owner-opens-link")
    check_axe(phone, "owner-page")

    # ---- "niet doorgegaan" without a reason is refused, in Dutch, and nothing is saved ----------------------
    phone.get_by_label("Status").select_option(label="niet doorgegaan")
    phone.get_by_role("button", name="Opslaan", exact=True).click()
    expect(phone.locator("main")).to_contain_text("Schrijf op waarom deze actie niet doorgaat.")
    expect(phone.locator(".timeline")).to_have_count(0)  # no update on the timeline yet
    keyboard.fits(phone)
    shot(phone, "owner-refused")
    check_axe(phone, "owner-page-error")

    # ---- a real update: busy, how it goes, and a new explanation for youth ----------------------------------
    phone.get_by_label("Status").select_option(label="bezig")
    phone.get_by_label("Hoe gaat het?").fill(PROGRESS)
    phone.get_by_label("Uitleg voor jongeren").fill(ANSWER)
    phone.get_by_role("button", name="Opslaan", exact=True).click()
    expect(phone.get_by_text("Dank je wel! Je update is opgeslagen.")).to_be_visible()
    timeline = phone.locator(".timeline")
    expect(timeline).to_contain_text(PROGRESS)
    expect(timeline).to_contain_text(data["owner"])
    expect(phone.locator(".facts")).to_contain_text("bezig")
    keyboard.fits(phone)
    shot(phone, "owner-saved")
    check_axe(phone, "owner-page-saved")

    # ---- the owner answers the youth's reaction ---------------------------------------------------------------
    reaction = phone.locator(".reaction-list li", has_text=data["reaction"])
    reaction.get_by_label("Jouw antwoord").fill(REPLY)
    reaction.get_by_role("button", name="Antwoord opslaan").click()
    expect(phone.get_by_text("Je antwoord staat nu onder de reactie.")).to_be_visible()
    expect(phone.locator(".reaction-list .reply")).to_contain_text(REPLY)
    keyboard.fits(phone)
    shot(phone, "owner-replied")
    check_axe(phone, "owner-page-replied")

    # ---- a forged link --------------------------------------------------------------------------------------
    forged = phone.goto(e2e_server.url(data["link"].rstrip("/") + "x/"))
    assert forged.status == 404
    expect(phone.get_by_role("heading", name="Deze link werkt niet (meer)")).to_be_visible()
    keyboard.fits(phone)
    check_axe(phone, "owner-link-gone")

    # ---- the facilitator sees the owner's update on the action ----------------------------------------------
    laptop = new_context().new_page()
    journey.login(laptop, e2e_server, data)
    laptop.goto(
        e2e_server.url(f"/w/{data['workspace']}/trajecten/{data['process']}/acties/{data['action']}/")
    )
    main = laptop.locator("main")
    expect(main).to_contain_text(PROGRESS)
    expect(main).to_contain_text(data["owner"])
    expect(main).to_contain_text(ANSWER)
    keyboard.fits(laptop)
    shot(laptop, "facilitator-sees-update")
    check_axe(laptop, "action-detail")
