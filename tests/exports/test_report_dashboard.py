"""The process dashboard (actions per organisation and status, overdue, participation steps, follow-up calls)
and the Excel export of the actions."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from allin.actions.followup_models import FollowUpCall
from allin.actions.models import Action
from allin.exports import report_actions
from allin.exports.report_xlsx import action_rows
from allin.network.models import Partner
from tests import factories

TODAY = date(2026, 6, 15)


@pytest.fixture
def frozen_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


@pytest.fixture
def process(allin_process):
    return allin_process


@pytest.fixture
def partners(workspace):
    return {
        name: Partner.objects.create(workspace=workspace, name=name)
        for name in ("Jongerenloket", "Schuldhulp Gemeente")
    }


def _action(process, title, *, status="gepland", due=None, partner=None, reason="", **extra):
    return Action.objects.create(
        process=process,
        title=title,
        status=status,
        due_date=due,
        owner_partner=partner,
        status_reason=reason,
        **extra,
    )


def _url(process, name="process_dashboard"):
    return reverse(name, kwargs={"workspace": process.workspace.slug, "pk": process.pk})


@pytest.mark.parametrize(
    "status, due, overdue",
    [
        ("gepland", TODAY - timedelta(days=1), True),
        ("bezig", TODAY - timedelta(days=30), True),
        ("gepland", TODAY, False),  # due today is not late yet
        ("bezig", TODAY + timedelta(days=1), False),
        ("gepland", None, False),  # no date, never late
        ("gedaan", TODAY - timedelta(days=5), False),
        ("niet_doorgegaan", TODAY - timedelta(days=5), False),
    ],
)
def test_overdue_means_open_and_past_its_date(status, due, overdue):
    assert report_actions.is_overdue(status, due, TODAY) is overdue


def test_dashboard_counts_actions_per_organisation_and_status(as_viewer, process, partners, frozen_today):
    loket, schuldhulp = partners["Jongerenloket"], partners["Schuldhulp Gemeente"]
    _action(process, "A", partner=loket, status="gepland", due=TODAY - timedelta(days=3))
    _action(process, "B", partner=loket, status="bezig", due=TODAY + timedelta(days=3))
    _action(process, "C", partner=loket, status="gedaan", due=TODAY - timedelta(days=9))
    _action(process, "D", partner=schuldhulp, status="niet_doorgegaan", reason="Geen geld")
    _action(process, "E", status="bezig", due=TODAY - timedelta(days=1))
    table = report_actions.by_organisation(report_actions.process_actions(process))
    assert table["statuses"] == ["gepland", "bezig", "gedaan", "niet doorgegaan"]
    assert [(r["name"], r["cells"], r["total"], r["overdue"]) for r in table["rows"]] == [
        ("Jongerenloket", [1, 1, 1, 0], 3, 1),
        ("Schuldhulp Gemeente", [0, 0, 0, 1], 1, 0),
        ("Geen organisatie", [0, 1, 0, 0], 1, 1),
    ]
    assert table["totals"] == [1, 2, 1, 1] and table["total"] == 5 and table["overdue"] == 2

    response = as_viewer.get(_url(process))
    assert response.status_code == 200
    html = response.content.decode()
    overdue_part = html.split('id="te-laat-title"')[1].split("</section>")[0]
    assert ">A</strong>" in overdue_part and ">E</strong>" in overdue_part
    assert ">B</strong>" not in overdue_part and ">C</strong>" not in overdue_part
    assert "had klaar moeten zijn op 12 juni 2026" in overdue_part


def test_dashboard_shows_the_five_participation_steps(as_viewer, process):
    html = as_viewer.get(_url(process)).content.decode()
    for label in ("Geïnformeerd", "In gesprek", "Meegewogen", "Teruggekoppeld", "Reageren kan"):
        assert label in html
    assert len(report_actions.participation_steps(process)) == 5


def test_dashboard_shows_the_follow_up_calls(as_viewer, process, partners, frozen_today):
    meeting = process.meetings.first()
    FollowUpCall.objects.create(
        meeting=meeting, partner=partners["Jongerenloket"], due_on=TODAY - timedelta(days=2)
    )
    FollowUpCall.objects.create(
        meeting=meeting,
        partner=partners["Schuldhulp Gemeente"],
        due_on=TODAY - timedelta(days=9),
        called_at=timezone.now(),
        needs="Een contactpersoon op school",
    )
    state = report_actions.follow_up(process)
    assert [(c.organisation, c.state) for c in state["calls"]] == [
        ("Jongerenloket", "due"),
        ("Schuldhulp Gemeente", "done"),
    ]
    html = as_viewer.get(_url(process)).content.decode()
    assert "1 te bellen, 1 van 2 gesprekken afgerond." in html
    assert "Een contactpersoon op school" in html


def test_a_call_with_a_next_date_is_due_again_on_that_date(process, partners, frozen_today):
    FollowUpCall.objects.create(
        meeting=process.meetings.first(),
        partner=partners["Jongerenloket"],
        due_on=TODAY - timedelta(days=20),
        called_at=timezone.now(),
        next_call_on=TODAY + timedelta(days=10),
    )
    (call,) = report_actions.follow_up(process)["calls"]
    assert (call.state, call.due) == ("planned", TODAY + timedelta(days=10))


def test_dashboard_links_to_each_meeting_report(as_viewer, process):
    html = as_viewer.get(_url(process)).content.decode()
    for meeting in process.meetings.all():
        assert (
            reverse("meeting_report", kwargs={"workspace": process.workspace.slug, "pk": meeting.pk}) in html
        )


def test_the_process_page_links_to_the_dashboard(as_viewer, process):
    html = as_viewer.get(
        reverse("process_detail", kwargs={"workspace": process.workspace.slug, "pk": process.pk})
    )
    assert f'href="{_url(process)}"' in html.content.decode()


def test_excel_export_has_a_row_per_action(as_viewer, process, partners, frozen_today):
    _action(
        process,
        "Spreekuur op school",
        partner=partners["Jongerenloket"],
        owner_name="Petra",
        status="bezig",
        due=TODAY - timedelta(days=1),
        description="Elke dinsdag op het mbo",
    )
    _action(process, '=HYPERLINK("http://x")', status="niet_doorgegaan", reason="Geen budget")
    response = as_viewer.get(_url(process, "process_actions_xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="acties-all-in-testtraject')
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Acties"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == (
        "Titel",
        "Wat er gebeurt",
        "Organisatie",
        "Eigenaar",
        "Klaar op",
        "Status",
        "Reden",
        "Te laat",
    )
    assert len(rows) == 3
    first = rows[1]
    assert first[0] == "Spreekuur op school" and first[1] == "Elke dinsdag op het mbo"
    assert first[2] == "Jongerenloket" and first[3] == "Petra · Jongerenloket"
    assert first[4].date() == TODAY - timedelta(days=1)
    assert first[5] == "bezig" and first[7] == "ja"
    # A title that looks like a formula stays text.
    formula_cell = sheet.cell(row=3, column=1)
    assert formula_cell.value == '=HYPERLINK("http://x")' and formula_cell.data_type == "s"
    assert rows[2][5] == "niet doorgegaan" and rows[2][6] == "Geen budget" and rows[2][7] == "nee"
    counts = list(book["Per organisatie"].iter_rows(values_only=True))
    assert counts[1] == ("Jongerenloket", 0, 1, 0, 0, 1, 1)


def test_excel_rows_match_the_actions(process, partners):
    assert action_rows(process) == []
    _action(process, "Eén", partner=partners["Jongerenloket"])
    assert [row[0] for row in action_rows(process)] == ["Eén"]


def test_an_outsider_cannot_export_another_workspace(as_outsider, process):
    assert as_outsider.get(_url(process, "process_actions_xlsx")).status_code == 404


def test_a_process_without_actions_has_an_empty_dashboard(as_viewer, workspace):
    process = factories.empty_process(workspace)
    html = as_viewer.get(_url(process)).content.decode()
    assert "Dit traject heeft nog geen acties." in html
    assert "Geen acties over hun datum." in html
    assert "Er is nog geen nabellijst." in html
