"""Experiments from a live board: a note, a theme or a plan becomes an experiment in one click, traced both ways."""

import uuid

import pytest
from django.urls import reverse

from allin.experiments import board
from allin.experiments.models import Experiment
from allin.live import notes
from allin.live import services as live_services
from allin.live.kinds import plans
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(process, facilitator):
    meeting = process.meetings.get(method_key="startbijeenkomst")
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    board_item = meeting.items.get(title="Waarderende interviews in duo's")
    live_services.item_goto(live=live, item=board_item)
    notes_board = live_services.activity_start(live=live, item=board_item)
    attendee = live_services.attendee_join(live=live, name="Anna", role="professional")
    note, _ = notes.note_create(
        activity=notes_board,
        attendee=attendee,
        text="Samen op huisbezoek ging goed",
        category=notes_board.categories[0],
        client_id=uuid.uuid4(),
    )
    theme = notes.theme_create(activity=notes_board, name="Elkaar kennen")
    themed, _ = notes.note_create(
        activity=notes_board,
        attendee=attendee,
        text="Korte lijnen",
        category=notes_board.categories[1],
        client_id=uuid.uuid4(),
    )
    notes.note_move(note=themed, theme=theme)
    plan_item = meeting.items.get(title="Eerste kleine experiment")
    live_services.item_goto(live=live, item=plan_item)
    plans_board = live_services.activity_start(live=live, item=plan_item)
    plan, _ = plans.plan_create(
        activity=plans_board,
        title="Nulmeting dubbele registraties",
        what="RMC en RBL leggen hun lijsten naast elkaar",
        who="Jeroen en Daan",
        client_id=uuid.uuid4(),
        author=facilitator,
    )
    return {"note": note, "theme": theme, "plan": plan, "meeting": meeting}


def test_a_plan_becomes_an_experiment_once_with_its_words(process, session):
    experiment, created = board.experiment_from_board(process=process, ref=f"plan-{session['plan'].pk}")
    again, created_again = board.experiment_from_board(process=process, ref=f"plan-{session['plan'].pk}")
    assert created and not created_again and again == experiment
    assert (experiment.question, experiment.step, experiment.who, experiment.status) == (
        "Nulmeting dubbele registraties",
        "RMC en RBL leggen hun lijsten naast elkaar",
        "Jeroen en Daan",
        "idee",
    )
    assert experiment.source.meeting_name == session["meeting"].name


def test_notes_and_themes_become_experiments_and_the_board_shows_where_they_went(process, session):
    from_note, _ = board.experiment_from_board(process=process, ref=f"note-{session['note'].pk}")
    from_theme, _ = board.experiment_from_board(process=process, ref=f"theme-{session['theme'].pk}")
    assert from_note.question == "Samen op huisbezoek ging goed"
    assert from_theme.question == "Elkaar kennen"
    items = board.board_items(process)
    boards = items[0]["boards"]
    led = {n.text: [e.label for e in n.led_to] for b in boards for n in b["notes"]}
    assert led["Samen op huisbezoek ging goed"] == [from_note.label]
    plan_rows = [p for b in boards for p in b["plans"]]
    assert plan_rows and plan_rows[0].led_to == []


def test_a_board_item_of_another_process_is_refused(process, session, workspace):
    other = factories.process(workspace, method_slug="werkboek", name="Ander")
    with pytest.raises(Exception, match="bestaat niet meer"):
        board.experiment_from_board(process=other, ref=f"note-{session['note'].pk}")
    with pytest.raises(Exception, match="bestaat niet meer"):
        board.experiment_from_board(process=process, ref="note-abc")
    assert not Experiment.objects.filter(process=other).exists()


def test_one_click_on_the_log_page_and_the_source_on_the_experiment(
    as_facilitator, as_viewer, process, session
):
    url = reverse("experiment_list", kwargs={"workspace": process.workspace.slug, "pk": process.pk})
    page = as_facilitator.get(url).content.decode()
    assert "Van het bord naar een experiment" in page and "Nulmeting dubbele registraties" in page
    post = reverse("experiment_from_board", kwargs={"workspace": process.workspace.slug, "pk": process.pk})
    assert as_viewer.post(post, {"ref": f"plan-{session['plan'].pk}"}).status_code == 403
    response = as_facilitator.post(post, {"ref": f"plan-{session['plan'].pk}"})
    experiment = Experiment.objects.get()
    detail = as_facilitator.get(response.url).content.decode()
    assert "Van het bord: plan “Nulmeting dubbele registraties”" in detail
    page = as_facilitator.get(url).content.decode()
    assert f'→ <a href="{response.url}">{experiment.label}</a>' in page
    response = as_facilitator.post(post, {"ref": "plan-999999"}, follow=True)
    assert "bestaat niet meer" in response.content.decode()


def test_the_duo_interviews_four_questions_are_on_the_phones_and_answers_collect_per_question(
    process, session
):
    """Appreciative Inquiry: the board of the duo interviews has the four questions as its categories."""
    item = session["meeting"].items.get(title="Waarderende interviews in duo's")
    assert item.activity["categories"] == [
        "Wanneer hielp je samen met anderen een jongere echt verder?",
        "Wat maakte dat het lukte?",
        "Wat waardeer je het meest aan je eigen werk?",
        "Wat zou je veranderen voor deze jongeren?",
    ]
    # the live board the phones post to asks the same four questions (live refuses a note without one)
    assert session["note"].activity.categories == item.activity["categories"]
    assert session["note"].category == item.activity["categories"][0]
