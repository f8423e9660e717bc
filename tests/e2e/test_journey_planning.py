"""Journey 1 (issue 8) in a real browser: a facilitator plans an ALL-IN process from the method, edits an agenda
item, moves it, shortens the agenda and downloads the runbook PDF. At desktop width and again at 360 px wide;
every page is checked with axe-core (WCAG 2.1 A and AA) and must not scroll sideways on a phone."""

import io
import re
import uuid
from datetime import date, timedelta

import pytest

from . import journey
from .axe import _artifact_dir, check_axe
from .journey import PHONE, expect

pytestmark = pytest.mark.e2e

DESKTOP = {"viewport": {"width": 1280, "height": 860}}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


def _agenda_titles(page):
    return [
        title.strip() for title in page.locator("table.agenda tbody tr td:nth-child(2)").all_inner_texts()
    ]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_facilitator_plans_edits_shortens_and_prints_runbook(new_context, e2e_server, seed, shot, width):
    from pypdf import PdfReader

    token = uuid.uuid4().hex[:5]
    context = new_context(**WIDTHS[width])
    page = context.new_page()

    def visit(label):
        """Every page of the journey: a screenshot, axe-core, and no sideways scrolling on a phone."""
        shot(page, label)
        check_axe(page, f"{width}-{label}")
        if width == "phone":
            assert journey.scroll_width(page) <= 360, f"{label}: the page scrolls sideways at 360 px"

    page.goto(e2e_server.url("/inloggen/"))
    visit("login")
    journey.login(page, e2e_server, seed)
    visit("after-login")

    # ---- from the method to a process --------------------------------------------------------------
    page.goto(e2e_server.url("/methoden/"))
    visit("methods")
    page.locator("main").get_by_role("link", name=re.compile(r"^ALL-IN", re.I)).first.click()
    expect(page.locator("h1")).to_contain_text(re.compile("ALL-IN", re.I))
    visit("method-all-in")
    page.get_by_role("link", name="Start een traject met deze methode").click()
    expect(page.locator("h1")).to_have_text("Nieuw traject")
    expect(page.locator("input[name=method][value=all-in]")).to_be_checked()
    visit("process-create")

    name = f"Jongeren en schulden {token}"
    start = date.today() + timedelta(days=14)
    form = page.locator("main form")
    form.locator("#id_name").fill(name)
    form.locator("#id_theme").fill("schulden bij jongeren")
    form.locator("#id_start_date").fill(start.isoformat())
    form.get_by_role("button", name="Traject aanmaken").click()
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator("main")).to_contain_text(
        "Het traject is aangemaakt met alle bijeenkomsten van de methode."
    )
    visit("process-detail")

    # ---- the session of phase B: its agenda ------------------------------------------------------------
    page.locator("ul.meeting-list").get_by_role("link", name=seed["meeting_name"], exact=True).click()
    expect(page.locator("h1")).to_have_text(seed["meeting_name"])
    titles = _agenda_titles(page)
    assert titles, "the session has no agenda"
    visit("meeting")

    # Edit the second item: a new title and a longer duration.
    old_title = seed["items"][1]
    row = page.locator("table.agenda tbody tr").nth(1)
    expect(row).to_contain_text(old_title)
    row.get_by_role("link", name=re.compile(r"^Bewerken")).click()
    expect(page.locator("h1")).to_have_text("Onderdeel bewerken")
    expect(page.locator("#id_title")).to_have_value(old_title)
    visit("item-edit")
    new_title = f"Kennismaken met de jongeren {token}"
    page.locator("#id_title").fill(new_title)
    page.locator("#id_duration").fill("25")
    page.locator("main form").get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("Het onderdeel is opgeslagen.")
    edited = page.locator("table.agenda tbody tr", has_text=new_title)
    expect(edited).to_contain_text("25 min")
    assert _agenda_titles(page)[1].startswith(new_title)
    visit("item-saved")

    # Move it one place down (the arrow buttons; htmx swaps the agenda, the page stays).
    journey.mark(page)
    below = _agenda_titles(page)[2]
    with page.expect_response(lambda r: r.request.method == "POST" and "/verplaatsen/" in r.url) as moved:
        edited.get_by_role("button", name=re.compile("omlaag")).click()
    assert moved.value.ok
    expect(page.locator("table.agenda tbody tr").nth(2)).to_contain_text(new_title)
    expect(page.locator("table.agenda tbody tr").nth(1)).to_contain_text(below.split("\n")[0])
    journey.assert_not_reloaded(page)
    visit("item-moved")

    # Shorten the whole agenda to 120 minutes: every item shrinks, the total fits.
    shorten = page.locator("form", has=page.get_by_role("heading", name="Inkorten"))
    shorten.locator("#id_target_minutes").fill("120")
    shorten.get_by_role("button", name="Inkorten").click()
    expect(page.locator("main")).to_contain_text("De agenda is ingekort naar 120 minuten.")
    expect(page.locator("#agenda-section")).to_contain_text(re.compile(r": 120 van de geplande \d+ minuten"))
    expect(page.locator("table.agenda tbody tr").nth(2)).to_contain_text(new_title)
    visit("shortened")

    # ---- the runbook PDF, with the edited item in it ---------------------------------------------------
    href = page.get_by_role("link", name="Draaiboek (PDF)").get_attribute("href")
    response = context.request.get(e2e_server.url(href))
    assert response.ok, f"runbook: HTTP {response.status}"
    assert response.headers["content-type"].startswith("application/pdf")
    body = response.body()
    assert body.startswith(b"%PDF-"), "the runbook is not a PDF"
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(body)).pages)
    assert new_title in text, "the runbook PDF does not show the edited item"
    assert seed["meeting_name"] in text
    (_artifact_dir() / f"{width}-runbook.pdf").write_bytes(body)  # beside the screenshots, to look at
