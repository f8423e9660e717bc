"""The meeting report as a PDF: tagged (PDF/UA), and its text holds the notes, themes, clock times, results,
parking pick-ups, actions and the photos' descriptions."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from allin.actions.models import Action, ActionSource
from allin.exports import report_services
from allin.network.models import Partner

from .helpers import pdf_reader, pdf_text
from .test_report_world import held_meeting, jpeg


@pytest.fixture
def world(workspace):
    return held_meeting(workspace)


def _url(meeting):
    return reverse(
        "meeting_report_pdf", kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk}
    )


def _action(world, title, *, note=None, theme=None, option=None, **fields):
    action = Action.objects.create(process=world.process, title=title, **fields)
    source = note or theme or option
    kind = "note" if note else "theme" if theme else "option"
    ActionSource.objects.create(
        action=action, kind=kind, note=note, theme=theme, option=option, label=str(source)
    )
    return action


def test_pdf_has_notes_themes_and_results(as_viewer, world):
    response = as_viewer.get(_url(world.meeting))
    assert response["Content-Disposition"] == 'inline; filename="verslag-sessie-met-jongeren.pdf"'
    reader = pdf_reader(response)
    text = pdf_text(reader)
    assert "VERSLAG" in text and "Sessie met jongeren" in text
    for expected in (
        "Thema: Geld en schulden (2)",
        "Niemand legt toeslagen uit",
        "Schulden stapelen snel op",
        "Thema: School (1)",
        "Mentor is een goed eerste aanspreekpunt",
        "budgetcoach (2)",
        "Eén app met alle hulp",
        "Wie betaalt het spreekuur?",
        "Eerst met de school overleggen",
        "19:15–19:41",
        "Post-its over geld",
        "Jongere 3",
        "Totaal 6",
    ):
        assert expected in text, expected
    assert "Dit is verborgen" not in text


def test_pdf_is_tagged_for_screen_readers(as_viewer, world):
    reader = pdf_reader(as_viewer.get(_url(world.meeting)))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]


def test_pdf_has_the_parking_board_with_pickups(as_viewer, world):
    report_services.parking_pickup_set(note=world.parking_notes[0], who="Karim van het jongerenwerk")
    text = pdf_text(pdf_reader(as_viewer.get(_url(world.meeting))))
    assert "Vervoer naar het jongerenloket Karim van het jongerenwerk" in text
    assert "Wifi in de bibliotheek nog niemand" in text


def test_pdf_lists_the_actions_of_this_meeting(as_viewer, world, workspace):
    partner = Partner.objects.create(workspace=workspace, name="Jongerenloket")
    theme = world.board.themes.get(name="Geld en schulden")
    _action(
        world,
        "Voorlichting over toeslagen op school",
        theme=theme,
        owner_partner=partner,
        owner_name="Petra",
        due_date=date(2026, 5, 1),
        status="bezig",
    )
    _action(
        world, "Spreekuur op school starten", option=world.vote.vote_options.get(label="Spreekuur op school")
    )
    Action.objects.create(process=world.process, title="Actie zonder link naar deze bijeenkomst")
    text = pdf_text(pdf_reader(as_viewer.get(_url(world.meeting))))
    assert "Voorlichting over toeslagen op school" in text
    assert "Petra · Jongerenloket" in text and "1 mei 2026" in text and "bezig" in text
    assert "Antwoord op Geld en schulden" in text
    assert "Spreekuur op school starten" in text
    assert "Actie zonder link naar deze bijeenkomst" not in text


def test_an_overdue_action_says_so(as_viewer, world):
    note = world.board.notes.first()
    _action(world, "Te late actie", note=note, due_date=timezone.localdate() - timedelta(days=1))
    text = pdf_text(pdf_reader(as_viewer.get(_url(world.meeting))))
    assert "Te late actie gepland te laat" in text


def test_pdf_shows_the_photos_with_their_description(as_viewer, world):
    report_services.report_photo_upload(
        meeting=world.meeting, upload=jpeg(), alt_text="Flip-over met de drie thema's"
    )
    reader = pdf_reader(as_viewer.get(_url(world.meeting)))
    assert "Flip-over met de drie thema's" in pdf_text(reader)
    # WeasyPrint shares one resource dictionary between pages, so each page lists the same one image.
    assert len({image.data for page in reader.pages for image in page.images}) == 1


def test_a_missing_photo_file_does_not_break_the_pdf(as_viewer, world):
    photo = report_services.report_photo_upload(meeting=world.meeting, upload=jpeg(), alt_text="Weg")
    photo.image.storage.delete(photo.image.name)
    assert pdf_reader(as_viewer.get(_url(world.meeting)))
