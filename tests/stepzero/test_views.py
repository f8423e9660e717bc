"""Step 0 pages for every method: overview, what exists, managers with the kick-off, project team, fixed
participants, the case library with its PDF and a meeting's case, and the debrief in the meeting's report."""

import pytest
from django.urls import reverse

from allin.stepzero import services
from allin.stepzero.models import KICKOFF_TITLE, Case, InventoryItem, Manager
from tests import factories
from tests.exports.helpers import pdf_reader, pdf_text

from .conftest import inventory_values

pytestmark = pytest.mark.django_db


def _p(name, process, **extra):
    return reverse(name, kwargs={"workspace": process.workspace.slug, "pk": process.pk, **extra})


def _m(name, meeting):
    return reverse(name, kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})


@pytest.mark.parametrize("method", ["all-in", "werk-aan-netwerk", "kinderarmoede", "werkboek"])
def test_every_method_offers_step_zero(as_facilitator, workspace, method):
    process = factories.process(workspace, method_slug=method)
    page = as_facilitator.get(
        reverse("process_detail", kwargs={"workspace": workspace.slug, "pk": process.pk})
    )
    assert _p("stepzero", process) in page.content.decode()
    for name in ("stepzero", "stepzero_inventory", "stepzero_managers", "stepzero_team", "stepzero_fixed"):
        assert as_facilitator.get(_p(name, process)).status_code == 200, name


def test_inventory_add_edit_delete_with_dutch_errors(as_facilitator, process):
    response = as_facilitator.post(_p("stepzero_inventory", process), inventory_values(name=""))
    assert response.status_code == 400 and "Vul de naam in." in response.content.decode()
    assert not InventoryItem.objects.exists()
    as_facilitator.post(_p("stepzero_inventory", process), inventory_values())
    item = InventoryItem.objects.get()
    page = as_facilitator.get(_p("stepzero_inventory", process)).content.decode()
    assert "Armoedeoverleg" in page and "Jan, 06-12345678" in page
    as_facilitator.post(
        _p("stepzero_inventory_edit", process, item_pk=item.pk), inventory_values(name="Armoedetafel")
    )
    item.refresh_from_db()
    assert item.name == "Armoedetafel"
    as_facilitator.post(_p("stepzero_inventory_delete", process, item_pk=item.pk))
    assert not InventoryItem.objects.exists()


def test_viewer_reads_but_cannot_add(as_viewer, process):
    services.inventory_add(process=process, **inventory_values())
    page = as_viewer.get(_p("stepzero_inventory", process)).content.decode()
    assert "Armoedeoverleg" in page and 'name="align"' not in page
    assert as_viewer.post(_p("stepzero_inventory", process), inventory_values()).status_code == 403


def test_managers_page_shows_the_next_reminder_and_puts_the_kickoff_on_the_agenda(as_facilitator, workspace):
    process = factories.process(workspace, method_slug="all-in")
    data = {"name": "Marieke", "inform_how": "email", "inform_when": "einde", "kickoff": "uitgenodigd"}
    response = as_facilitator.post(_p("stepzero_managers", process), data)
    assert response.status_code == 302
    manager = Manager.objects.get()
    page = as_facilitator.get(_p("stepzero_managers", process)).content.decode()
    last = process.meetings.order_by("date").last()
    assert "aan het einde" in page and "uitgenodigd" in page
    assert "staat nog op geen enkele agenda" in page
    first = process.meetings.order_by("date").first()
    as_facilitator.post(_p("stepzero_kickoff", process), {"meeting": first.pk})
    assert first.items.order_by("order", "pk").first().title == KICKOFF_TITLE
    assert as_facilitator.post(_p("stepzero_kickoff", process), {"meeting": 999999}).status_code == 400
    response = as_facilitator.post(
        _p("stepzero_manager_edit", process, manager_pk=manager.pk), {**data, "email": "geen"}
    )
    assert response.status_code == 400 and "geen e-mailadres" in response.content.decode()
    assert last.date  # the moment is the day after the last meeting (tests/stepzero/test_services.py)


def test_fixed_participant_marked_on_the_participant_list(as_facilitator, process, schuldhulp, karim, petra):
    response = as_facilitator.post(
        _p("stepzero_fixed", process), {"organisation": schuldhulp.pk, "participant": karim.pk}
    )
    assert response.status_code == 302
    page = as_facilitator.get(
        reverse("participant_list", kwargs={"workspace": process.workspace.slug, "pk": process.pk})
    )
    row = page.content.decode().split(f'id="p-{karim.pk}"')[1].split("</tr>")[0]
    assert "vaste deelnemer" in row
    other = page.content.decode().split(f'id="p-{petra.pk}"')[1].split("</tr>")[0]
    assert "vaste deelnemer" not in other
    # someone of another organisation is refused with a message
    stranger = factories.workspace()
    response = as_facilitator.post(
        _p("stepzero_fixed", process), {"organisation": schuldhulp.pk, "participant": 999}
    )
    assert response.status_code == 400
    assert stranger


def test_team_add_and_debrief_appears_in_the_report(as_facilitator, process, karim):
    as_facilitator.post(_p("stepzero_team", process), {"participant": karim.pk, "role": "verslag"})
    assert "verslag" in as_facilitator.get(_p("stepzero_team", process)).content.decode()
    meeting = process.meetings.order_by("date").first()
    response = as_facilitator.post(
        _m("meeting_debrief", meeting), {"went_well": "", "next_time": "", "who_does_what": ""}
    )
    assert response.status_code == 400 and "minstens één vraag" in response.content.decode()
    as_facilitator.post(
        _m("meeting_debrief", meeting),
        {
            "went_well": "De casus werkte goed",
            "next_time": "Meer tijd voor kennismaken",
            "who_does_what": "Karim belt",
        },
    )
    report = as_facilitator.get(_m("meeting_report", meeting)).content.decode()
    assert "Nabespreking van het projectteam" in report and "Meer tijd voor kennismaken" in report
    text = pdf_text(pdf_reader(as_facilitator.get(_m("meeting_report_pdf", meeting))))
    assert "Nabespreking van het projectteam" in text and "Karim belt" in text


def test_case_library_pick_and_print(as_facilitator, process, workspace):
    response = as_facilitator.post(
        reverse("case_list", kwargs={"workspace": workspace.slug}), {"title": "", "story": ""}
    )
    assert response.status_code == 400 and "Beschrijf de casus." in response.content.decode()
    as_facilitator.post(
        reverse("case_list", kwargs={"workspace": workspace.slug}),
        {
            "title": "Gezin met drie kinderen",
            "story": "Moeder heeft schulden.\nDe oudste spijbelt.",
            "domains": "schulden, school",
        },
    )
    case = Case.objects.get()
    meeting = process.meetings.order_by("date").first()
    as_facilitator.post(_m("meeting_case", meeting), {"case": case.pk})
    page = as_facilitator.get(_m("meeting_case", meeting)).content.decode()
    assert "Moeder heeft schulden." in page
    text = pdf_text(
        pdf_reader(
            as_facilitator.get(reverse("case_pdf", kwargs={"workspace": workspace.slug, "case_pk": case.pk}))
        )
    )
    assert "Gezin met drie kinderen" in text and "De oudste spijbelt." in text
    # a case of another workspace cannot be picked or opened
    other = services.case_add(
        workspace=factories.workspace(), title="Elders", story="x", domains="", questions=""
    )
    assert as_facilitator.post(_m("meeting_case", meeting), {"case": other.pk}).status_code == 400
    assert (
        as_facilitator.get(
            reverse("case_detail", kwargs={"workspace": workspace.slug, "case_pk": other.pk})
        ).status_code
        == 404
    )


def test_overview_warns_about_missed_meetings(as_facilitator, process, schuldhulp, karim, petra):
    from allin.people import services as people

    services.fixed_set(process=process, organisation=schuldhulp, participant=karim)
    past = process.meetings.order_by("date").first()
    past.date = past.date.replace(year=2020)
    past.save()
    people.attendance_set(participant=petra, meeting=past, present=True)
    page = as_facilitator.get(_p("stepzero", process)).content.decode()
    assert "1 organisatie miste een bijeenkomst zonder haar vaste deelnemer." in page
    fixed = as_facilitator.get(_p("stepzero_fixed", process)).content.decode()
    assert "Niet aanwezig bij:" in fixed and past.name in fixed
