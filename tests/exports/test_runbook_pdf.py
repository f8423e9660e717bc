"""The printed runbook of one meeting: every item with its clock times, the dialogue agreements, the
checklists, and always the current state of the agenda."""

from datetime import time

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.dateformat import format as date_format

from allin.methods.loader import get_method
from allin.processes import selectors, services
from tests import factories

from .helpers import flat, pdf_reader, pdf_text


def _url(meeting):
    return reverse("runbook_pdf", kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})


@pytest.fixture
def session(allin_process):
    """The ALL-IN session of phase B: about three hours, eight or so items, two breaks."""
    return allin_process.meetings.get(method_key="b-sessie")


def _clock(t):
    return t.strftime("%H:%M")


def test_runbook_lists_every_item_with_its_clock_times(as_facilitator, session):
    response = as_facilitator.get(_url(session))
    reader = pdf_reader(response)
    text = pdf_text(reader)
    plan = selectors.agenda_plan(session)
    assert len(plan.rows) >= 6
    for row in plan.rows:
        assert flat(row.item.title) in text
        assert f"{_clock(row.slot.start)}–{_clock(row.slot.end)}" in text
    assert _clock(plan.rows[0].slot.start) == _clock(session.start_time) == "13:00"
    assert f"Totaal (gepland {session.planned_minutes} min)" in text
    assert 'inline; filename="draaiboek-all-in-sessie.pdf"' == response["Content-Disposition"]


def test_runbook_has_the_dialogue_agreements_and_the_item_details(as_facilitator, session):
    text = pdf_text(pdf_reader(as_facilitator.get(_url(session))))
    method = get_method("all-in")
    assert "Afspraken voor een goed gesprek" in text
    for agreement in method.dialogue_agreements:
        assert flat(agreement) in text
    item = next(i for i in session.items.all() if i.goals and i.materials and i.instructions)
    assert flat(item.goals[0]) in text
    assert flat(item.materials[0]) in text
    assert "Doelen" in text and "Werkwijze" in text and "Nodig:" in text


def test_header_shows_process_date_time_window_and_place(as_facilitator, session):
    services.meeting_update(
        meeting=session,
        name=session.name,
        date=session.date,
        start_time=time(9, 30),
        planned_minutes=200,
        location="Wijkcentrum De Schakel, Oranjestraat 12",
    )
    text = pdf_text(pdf_reader(as_facilitator.get(_url(session))))
    with translation.override("nl"):
        day = date_format(session.date, "l j F Y")
    assert day.startswith(("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"))
    assert f"Datum {day}" in text
    assert "Tijd 09:30–12:50 (200 minuten)" in text
    assert "Plaats Wijkcentrum De Schakel, Oranjestraat 12" in text
    assert f"Traject {session.process.name} · {session.process.theme}" in text
    assert "09:30–" in text and "13:00–" not in text  # the programme follows the new start time


def test_checklists_print_open_and_ticked_boxes(as_facilitator, facilitator, session):
    checklist = session.checklists.first()
    first, second = list(checklist.items.all())[:2]
    services.checklist_item_set_done(item=first, done=True, user=facilitator)
    text = pdf_text(pdf_reader(as_facilitator.get(_url(session))))
    assert flat(checklist.title) in text
    assert f"☑ {flat(first.text)}" in text
    assert f"☐ {flat(second.text)}" in text
    assert "gedaan: Fatima Begeleider" in text


def test_an_edited_item_title_shows_up_in_the_next_pdf(as_facilitator, session):
    item = session.items.filter(kind="item").first()
    old_title = item.title
    assert old_title in pdf_text(pdf_reader(as_facilitator.get(_url(session))))
    services.agenda_item_update(
        item=item,
        title="Binnenkomst met soep en broodjes",
        duration=item.duration + 5,
        kind="item",
        instructions=item.instructions,
        goals=item.goals,
        materials=item.materials,
    )
    text = pdf_text(pdf_reader(as_facilitator.get(_url(session))))
    assert "Binnenkomst met soep en broodjes" in text
    assert old_title not in text
    second = selectors.agenda_plan(session).rows[1]
    assert f"{_clock(second.slot.start)}–{_clock(second.slot.end)} {second.item.title}" in text


def test_breaks_are_marked_and_an_agenda_that_runs_over_is_flagged(as_facilitator, workspace):
    meeting = factories.meeting(
        factories.empty_process(workspace), durations=(30, 15, 45), breaks=(1,), start=time(19, 0), planned=60
    )
    text = pdf_text(pdf_reader(as_facilitator.get(_url(meeting))))
    assert "19:30–19:45 · Onderdeel 2 (15 min)" in text  # the break line between the items
    assert "Let op: het programma is 30 minuten te lang en loopt tot 20:30." in text
    assert "Tijd 19:00–20:00" in text  # the header keeps the planned window, like the invitation
    assert "Afspraken voor een goed gesprek" in text  # method "all-in" has them


def test_pdf_is_tagged_with_title_and_language(as_facilitator, session):
    reader = pdf_reader(as_facilitator.get(_url(session)))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata.title == f"Draaiboek: {session.name} ({session.process.name})"
    assert all(page.mediabox.width < page.mediabox.height for page in reader.pages)  # A4 portrait


def test_viewer_may_download_the_runbook(as_viewer, session):
    assert pdf_reader(as_viewer.get(_url(session))).pages


def test_outsider_gets_404(as_outsider, session):
    assert as_outsider.get(_url(session)).status_code == 404


def test_meeting_of_another_workspace_is_404_even_for_a_member(as_facilitator, outsider, session):
    elsewhere = factories.process(outsider.memberships.first().workspace, by=outsider)
    foreign = elsewhere.meetings.first()
    url = reverse("runbook_pdf", kwargs={"workspace": session.process.workspace.slug, "pk": foreign.pk})
    assert as_facilitator.get(url).status_code == 404


def test_anonymous_visitor_is_sent_to_login(client, session):
    response = client.get(_url(session))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_introduction_follows_a_shortened_agenda(as_facilitator, session):
    services.agenda_shorten(meeting=session, target_minutes=120)
    text = flat(pdf_text(pdf_reader(as_facilitator.get(_url(session)))))
    plan = selectors.agenda_plan(session)
    assert plan.total == 120
    assert "In het kort (120 minuten):" in text
    for row in plan.rows:
        assert f"{flat(row.item.title)} ({row.item.duration} min)" in text
    # The method's introduction names the parts, never their minutes, so nothing in it can go stale.
    assert "(60 min)" not in flat(session.description)
    assert "drie uur" not in session.description


def test_an_untouched_old_introduction_loses_its_minutes_and_an_edited_one_stays(allin_process):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("allin.processes.migrations.0004_introductions_without_minutes")
    (old, new) = migration.OLD_TO_NEW[("all-in", "b-sessie")]
    session = allin_process.meetings.get(method_key="b-sessie")
    edited = old + "\n\nOnze eigen aanvulling."
    session.description = edited
    session.save(update_fields=["description"])
    migration.forwards(apps, None)
    session.refresh_from_db()
    assert session.description == edited

    session.description = old
    session.save(update_fields=["description"])
    migration.forwards(apps, None)
    session.refresh_from_db()
    assert session.description == new
    assert "(15 min)" not in session.description
