"""The meeting report's page: attendance by role, the agenda as held with its clock times, every activity's
results, the parking board with who picks each item up, and the photos."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from allin.exports import report_services
from allin.exports.report import report_context
from allin.live.models import Activity
from allin.network.models import Partner
from allin.people.models import Attendance, Participant

from .test_report_world import held_meeting, jpeg


@pytest.fixture
def world(workspace):
    return held_meeting(workspace)


def _url(meeting, name="meeting_report"):
    return reverse(name, kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})


def _text(response) -> str:
    """The page's visible text, tags removed and white space folded."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_attendance_counts_every_role(world):
    attendance = report_context(world.meeting)["attendance"]
    counts = {row.role: row.count for row in attendance["roles"]}
    assert counts == {"jongere": 3, "professional": 2, "gemeente": 1, "anders": 0}
    assert attendance["total"] == 6


def test_the_page_shows_attendance_by_role(as_viewer, world):
    text = _text(as_viewer.get(_url(world.meeting)))
    assert "6 aanwezigen deden mee op de telefoon." in text
    assert "Jongere 3" in text and "Professional 2" in text and "Gemeente 1" in text and "Totaal 6" in text


def test_the_attendance_list_of_the_people_app_counts_per_role(as_viewer, world, workspace):
    loket = Partner.objects.create(workspace=workspace, name="Jongerenloket")
    for name, role, organisation in [
        ("Sam", "jongere", None),
        ("Noor", "jongere", None),
        ("Petra", "professional", loket),
        ("Wethouder", "beleidsmaker", None),
    ]:
        participant = Participant.objects.create(
            process=world.process, name=name, role=role, organisation=organisation
        )
        Attendance.objects.create(participant=participant, meeting=world.meeting)
    absent = Participant.objects.create(process=world.process, name="Kim", role="docent")
    assert absent.attendances.count() == 0
    attendance = report_context(world.meeting)["attendance"]
    assert [(r.role, r.count) for r in attendance["listed"]] == [
        ("jongere", 2),
        ("professional", 1),
        ("beleidsmaker", 1),
    ]
    assert attendance["listed_total"] == 4 and attendance["organisations"] == ["Jongerenloket"]
    text = _text(as_viewer.get(_url(world.meeting)))
    assert "Op de aanwezigheidslijst: 4 deelnemers." in text
    assert "Beleidsmaker 1" in text and "Organisaties aan tafel: Jongerenloket" in text
    assert "Docent" not in text


def test_the_agenda_as_held_has_clock_times_from_the_item_runs(as_viewer, world):
    held = report_context(world.meeting)["held"]
    assert [row.title for row in held["rows"]] == [
        "Welkom",
        "Post-its over geld",
        "Welkom",
        "Zoekwoorden",
        "Stemmen",
        "Check",
    ]
    assert [row.minutes for row in held["rows"]] == [13, 26, 3, 8, 15, 6]
    assert held["rows"][1].planned == 20
    assert [item.title for item in held["skipped"]] == ["Afsluiting"]
    text = _text(as_viewer.get(_url(world.meeting)))
    # Clock times in the workspace's time zone (Europe/Amsterdam), one row per time an item was on.
    assert "19:02–19:15 Welkom 13 min 10 min" in text
    assert "19:15–19:41 Post-its over geld 26 min 20 min" in text
    assert "19:41–19:44 Welkom 3 min" in text
    assert "20:07–20:13 Check 6 min 10 min" in text
    assert "Niet op het scherm geweest Afsluiting" in text


def test_an_item_run_keeps_its_title_after_the_item_is_renamed(world):
    item = world.items[1]
    item.title = "Nieuwe titel"
    item.save(update_fields=["title"])
    rows = report_context(world.meeting)["held"]["rows"]
    assert rows[1].title == "Post-its over geld"


def test_notes_are_shown_by_theme_without_hidden_ones(as_viewer, world):
    text = _text(as_viewer.get(_url(world.meeting)))
    assert "Thema: Geld en schulden (2)" in text
    assert "Thema: School (1)" in text
    assert "Zonder thema (1) Wachttijd bij schuldhulp is lang" in text
    assert "Niemand legt toeslagen uit" in text
    assert "Dit is verborgen" not in text
    # A name only where its author chose to show it.
    assert "Schulden stapelen snel op tip — Noor" in text
    assert "— Sam" not in text


def test_a_board_without_themes_groups_by_category(world):
    world.board.themes.all().delete()
    section = next(s for s in report_context(world.meeting)["sections"] if s.kind == "notes")
    assert [(g.title, len(g.notes)) for g in section.groups] == [("tip", 3), ("top", 1)]


def test_word_cloud_has_the_drawing_and_every_word(as_viewer, world):
    response = as_viewer.get(_url(world.meeting))
    html = response.content.decode()
    assert "<svg" in html and 'class="wc-svg"' in html
    text = _text(response)
    assert "Alle woorden (4 antwoorden)" in text
    assert "budgetcoach (2)" in text and "schuldhulp (1)" in text and "toeslagen (1)" in text


def test_vote_ranking_per_ballot(as_viewer, world):
    text = _text(as_viewer.get(_url(world.meeting)))
    assert "Beste (3 stemmers)" in text
    assert "1 Eén app met alle hulp 3" in text
    assert "2 Spreekuur op school 1" in text
    assert "Niemand koos dit" not in text


def test_consent_with_counts_and_reasons(as_viewer, world):
    text = _text(as_viewer.get(_url(world.meeting)))
    assert "Ja 2" in text and "Ja, met een zorg 1" in text and "Nee 1" in text
    assert "Redenen bij “Ja, met een zorg” Wie betaalt het spreekuur?" in text
    assert "Redenen bij “Nee” Eerst met de school overleggen" in text


def test_activities_without_results_are_left_out(world):
    Activity.objects.create(live=world.live, item=world.items[5], kind="consent", prompt="Leeg")
    headings = [s.heading for s in report_context(world.meeting)["sections"]]
    assert headings == ["Post-its over geld", "Zoekwoorden", "Stemmen", "Check"]


def test_parking_board_with_who_picks_each_item_up(as_facilitator, as_viewer, world):
    first, second = world.parking_notes
    response = as_facilitator.post(
        reverse(
            "report_parking_pickup",
            kwargs={
                "workspace": world.meeting.process.workspace.slug,
                "pk": world.meeting.pk,
                "note_pk": first.pk,
            },
        ),
        {"who": "  Karim   (Jongerenwerk) "},
    )
    assert response.status_code == 302 and response["Location"].endswith("verslag/#parkeerbord")
    assert first.pickup.who == "Karim (Jongerenwerk)"
    text = _text(as_viewer.get(_url(world.meeting)))
    assert "Vervoer naar het jongerenloket Karim (Jongerenwerk)" in text
    assert "Wifi in de bibliotheek nog niemand" in text


def test_a_pickup_is_cleared_with_an_empty_name_and_refused_when_too_long(world, facilitator):
    note = world.parking_notes[0]
    report_services.parking_pickup_set(note=note, who="Petra", user=facilitator)
    report_services.parking_pickup_set(note=note, who="   ", user=facilitator)
    note.refresh_from_db()
    assert not hasattr(note, "pickup")
    with pytest.raises(Exception, match="hoogstens 120 tekens"):
        report_services.parking_pickup_set(note=note, who="x" * 121)


def test_a_pickup_is_only_for_parking_board_notes(as_facilitator, world):
    board_note = world.board.notes.first()
    url = reverse(
        "report_parking_pickup",
        kwargs={
            "workspace": world.meeting.process.workspace.slug,
            "pk": world.meeting.pk,
            "note_pk": board_note.pk,
        },
    )
    assert as_facilitator.post(url, {"who": "Petra"}).status_code == 404


def test_viewers_see_pickups_but_no_forms(as_viewer, as_facilitator, world):
    viewer_html = as_viewer.get(_url(world.meeting)).content.decode()
    assert 'name="who"' not in viewer_html and 'type="file"' not in viewer_html
    facilitator_html = as_facilitator.get(_url(world.meeting)).content.decode()
    assert 'name="who"' in facilitator_html and 'type="file"' in facilitator_html


def test_photos_show_with_their_description(as_viewer, world, facilitator):
    photo = report_services.report_photo_upload(
        meeting=world.meeting, upload=jpeg(), alt_text="Flip-over met de thema's", uploaded_by=facilitator
    )
    html = as_viewer.get(_url(world.meeting)).content.decode()
    image_url = reverse(
        "report_photo_image",
        kwargs={
            "workspace": world.meeting.process.workspace.slug,
            "pk": world.meeting.pk,
            "photo_pk": photo.pk,
        },
    )
    assert f'src="{image_url}" alt="{escape(photo.alt_text)}"' in html


def test_user_text_is_escaped(as_viewer, world):
    world.board.notes.update(text="<script>alert(1)</script>")
    html = as_viewer.get(_url(world.meeting)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_meeting_that_was_not_live_still_has_a_report(as_viewer, workspace):
    from tests import factories

    meeting = factories.meeting(factories.empty_process(workspace))
    response = as_viewer.get(_url(meeting))
    assert response.status_code == 200
    text = _text(response)
    assert "Er is geen programma bijgehouden" in text
    assert "Er is geen aanwezigheid bijgehouden" in text
    assert "Er zijn geen resultaten van werkvormen." in text


def test_the_meeting_page_links_to_the_report(as_viewer, world):
    html = as_viewer.get(_url(world.meeting, "meeting_detail")).content.decode()
    assert f'href="{_url(world.meeting)}"' in html


def test_the_full_report_and_the_dashboard_keep_the_content_security_policy(as_facilitator, world):
    from tests.security.pages import policy_problems

    report_services.report_photo_upload(meeting=world.meeting, upload=jpeg(), alt_text="Flip-over")
    dashboard = reverse(
        "process_dashboard", kwargs={"workspace": world.process.workspace.slug, "pk": world.process.pk}
    )
    for url in (_url(world.meeting), dashboard):
        response = as_facilitator.get(url)
        assert response.status_code == 200
        assert policy_problems(response, url) == []
