"""Phase C in a real browser (issue 6; journey 3 of issue 8): the facilitator publishes the feedback page; on a
phone (360 px) a young person opens the link from the QR code, reads what became of their tip and reacts; the
reaction waits for the facilitator's check and then shows on the page. All of it by keyboard alone, and every
page also fits 360 px.

Seeded by this module itself (run as `python -m tests.e2e.test_feedback_page` with the server's environment):
a held phase B session with youth notes and an action that answers one of them."""

import json
import os
import sys
import uuid

import pytest

from . import keyboard
from .axe import check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e

PASSWORD = "e2e-wachtwoord-voor-de-browser-2026"
ANSWER = "Vanaf maart zit er elke dinsdag iemand van schuldhulp op school."


def _seed(server):
    return server.run_seed("tests.e2e.test_feedback_page", "E2E-FEEDBACK", timeout=120)


def _login_by_keyboard(page, server, data):
    page.goto(server.url("/inloggen/"))
    check_axe(page, "login")
    keyboard.type_into(page, page.locator("#id_username"), data["email"])
    keyboard.type_into(page, page.locator("#id_password"), data["password"])
    with page.expect_navigation():
        page.keyboard.press("Enter")  # submits the login form from its password field
    assert "/inloggen/" not in page.url, "the login did not go through"


def test_youth_reads_feedback_on_a_phone_and_reacts(new_context, e2e_server, shot):
    """Journey 3, by keyboard alone (Tab, Enter, Space), every page also at 360 px."""
    data = _seed(e2e_server)
    laptop = new_context().new_page()
    _login_by_keyboard(laptop, e2e_server, data)
    admin = e2e_server.url(f"/w/{data['workspace']}/trajecten/{data['process']}/terugkoppeling/")
    laptop.goto(admin)
    public_url = laptop.locator(".qr-box a").get_attribute("href")
    assert f"/t/{data['key']}/" in public_url
    expect(laptop.locator(".qr-box svg")).to_be_visible()
    keyboard.fits(laptop)
    shot(laptop, "facilitator-before-publishing")
    check_axe(laptop, "feedback-admin")

    phone = new_context(**PHONE).new_page()
    phone.goto(e2e_server.url(f"/t/{data['key']}/"))
    expect(phone.get_by_role("heading", name="Nog even geduld")).to_be_visible()
    expect(phone.get_by_text(data["tip"])).to_have_count(0)
    keyboard.fits(phone)
    shot(phone, "phone-before-publishing")
    check_axe(phone, "phone-not-yet")

    # ---- the facilitator publishes (Enter on the button) --------------------------------------------------
    # Tips without an action and without an answer yet: publishing needs a tick that the page will say so.
    later = laptop.get_by_label("Toch publiceren", exact=False)
    if later.count():
        keyboard.press_on(laptop, later, "Space", navigates=False)
    keyboard.press_on(laptop, laptop.get_by_role("button", name="Alles publiceren"))
    expect(laptop.get_by_text("Gepubliceerd.", exact=False).first).to_be_visible()
    keyboard.fits(laptop)
    shot(laptop, "published")
    check_axe(laptop, "feedback-admin-published")

    # ---- the youth reads on a phone and reacts by keyboard -----------------------------------------------
    phone.reload()
    answer = phone.locator(f"#antwoord-{data['action']}")
    expect(answer.get_by_text(data["tip"])).to_be_visible()
    expect(answer.get_by_text(ANSWER)).to_be_visible()
    expect(answer.locator(".status")).to_have_text("bezig")
    keyboard.fits(phone)
    shot(phone, "phone-reads")
    check_axe(phone, "phone-feedback")

    reaction = f"Kan het ook op woensdag? {uuid.uuid4().hex[:4]}"
    keyboard.press_on(phone, answer.locator("summary", has_text="Reageer hierop"), "Enter", navigates=False)
    field = answer.get_by_label("Jouw reactie")
    expect(field).to_be_visible()
    # Sent empty: a clear Dutch message, the form stays open at this answer
    keyboard.press_on(phone, answer.get_by_role("button", name="Verstuur"), "Enter")
    expect(answer.locator(".error-summary")).to_contain_text("Schrijf eerst je reactie.")
    expect(field).to_be_visible()
    keyboard.fits(phone)
    shot(phone, "phone-empty-reaction")
    check_axe(phone, "phone-reaction-error")
    keyboard.type_into(phone, field, reaction)
    keyboard.fits(phone)
    shot(phone, "phone-typed")
    check_axe(phone, "phone-reaction-form")
    keyboard.press_on(phone, answer.get_by_role("button", name="Verstuur"), "Space")
    expect(phone.get_by_text("Dank je! Je reactie is verstuurd.")).to_be_visible()
    expect(phone.get_by_text(reaction)).to_have_count(0)  # waits for the facilitator
    keyboard.fits(phone)
    shot(phone, "phone-reacted")
    check_axe(phone, "phone-reacted")

    # ---- the facilitator moderates by keyboard ------------------------------------------------------------
    laptop.goto(admin)
    waiting = laptop.locator("#reacties li", has_text=reaction)
    expect(waiting).to_be_visible()
    keyboard.fits(laptop)
    shot(laptop, "reaction-waits")
    check_axe(laptop, "feedback-admin-reaction-waits")
    keyboard.press_on(laptop, waiting.get_by_role("button", name="Tonen", exact=True))
    expect(laptop.get_by_text("Er wachten geen reacties.")).to_be_visible()
    shot(laptop, "moderated")
    check_axe(laptop, "feedback-admin-moderated")

    phone.reload()
    expect(phone.locator(f"#antwoord-{data['action']} .reactions").get_by_text(reaction)).to_be_visible()
    keyboard.fits(phone)
    shot(phone, "phone-reaction-shows")
    check_axe(phone, "phone-reaction-shows")


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allin.settings")
    import secrets
    from datetime import date

    import django

    django.setup()
    from allin.actions import services
    from allin.processes import services as process_services
    from allin.workspaces.models import Membership, Role, User, Workspace
    from tests.actions import factories

    token = secrets.token_hex(4)
    workspace = Workspace.objects.create(name=f"Gemeente E2E {token}", slug=f"e2e-fb-{token}")
    user = User.objects.create_user(
        email=f"begeleider-fb-{token}@example.org", password=PASSWORD, full_name="Fatima Begeleider"
    )
    Membership.objects.create(workspace=workspace, user=user, role=Role.FACILITATOR)
    process = process_services.process_create(
        workspace=workspace,
        method_slug="all-in",
        name="ALL-IN E2E terugkoppeling",
        theme="schulden",
        start_date=date.today(),
        created_by=user,
    )
    session = factories.held_session(process)
    partner = factories.partner(workspace, "Jongerenwerk De Brug")
    note = session.notes[0]
    action = services.action_from_source(process=process, note=note, client_id=uuid.uuid4())
    action = services.action_update(
        action=action, title="Spreekuur schuldhulp op school", owner_partner=partner, answer=ANSWER
    )
    services.action_progress(action=action, via="eigenaar", status="bezig", text="Gestart")
    page = services_feedback_page(process)
    print(
        "E2E-FEEDBACK "
        + json.dumps(
            {
                "workspace": workspace.slug,
                "process": process.pk,
                "email": user.email,
                "password": PASSWORD,
                "key": page.key,
                "action": action.pk,
                "tip": note.text,
            }
        )
    )


def services_feedback_page(process):
    from allin.actions import feedback

    return feedback.feedback_page_for(process)


if __name__ == "__main__":
    sys.exit(main())
