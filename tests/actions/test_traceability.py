"""One click from a tip to an action, and back: an action shows the tips it answers, a tip the actions it led to."""

import uuid

import pytest
from django.core.exceptions import ValidationError

from allin.actions import selectors, services
from allin.actions.models import Action, ActionSource
from tests import factories as base

from . import factories


def test_note_becomes_an_action_once_per_click(process, session):
    note = session.notes[2]
    click = uuid.uuid4()
    action = services.action_from_source(process=process, note=note, client_id=click)
    again = services.action_from_source(process=process, note=note, client_id=click)
    assert action.pk == again.pk
    assert action.title == note.text
    assert [s.label for s in action.sources.all()] == [note.text]
    assert list(selectors.actions_for_note(note)) == [action]


def test_theme_links_its_notes_both_ways(process, session):
    action = services.action_from_source(process=process, theme=session.theme, client_id=uuid.uuid4())
    tips = selectors.tips_of(action)
    assert tips[0].label == "Hulp dichtbij"
    assert tips[0].notes == ["Spreekuur op school", "Hulp via WhatsApp"]
    for note in session.notes[:2]:
        assert list(selectors.actions_for_note(note)) == [action]
    assert list(selectors.actions_for_note(session.notes[2])) == []
    assert list(selectors.actions_for_theme(session.theme)) == [action]


def test_voted_idea_made_of_a_note_traces_back_to_that_note(process, session):
    option = next(o for o in session.options if o.note_id)
    action = services.action_from_source(process=process, option=option, client_id=uuid.uuid4())
    assert action.sources.get().kind == "option"
    assert list(selectors.actions_for_note(session.notes[2])) == [action]
    assert list(selectors.actions_for_option(option)) == [action]


def test_an_action_answers_several_tips_and_a_tip_leads_to_several_actions(process, session):
    one = services.action_from_source(process=process, note=session.notes[0], client_id=uuid.uuid4())
    services.source_link(action=one, note=session.notes[2])
    services.source_link(action=one, note=session.notes[2])  # again: nothing changes
    two = factories.action(process, title="Ook iets")
    services.source_link(action=two, note=session.notes[0])
    assert one.sources.count() == 2
    assert list(selectors.actions_for_note(session.notes[0])) == [one, two]
    tips = [t.label for t in selectors.tips_of(one)]
    assert tips == ["Spreekuur op school", "Uitleg over toeslagen in de klas"]


def test_ideas_page_selector_shows_what_each_tip_led_to(process, session):
    action = services.action_from_source(process=process, note=session.notes[2], client_id=uuid.uuid4())
    [block] = selectors.ideas(process)
    board = block["boards"][0]
    loose = {n.text: n.led_to for n in board["notes"]}
    assert loose["Uitleg over toeslagen in de klas"] == [action]
    assert [t.name for t in board["themes"]] == ["Hulp dichtbij"]
    rows = block["votes"][0]["rows"]
    assert rows and rows[0]["option"].led_to in ([action], [])
    labels = {r["option"].label: r["option"].led_to for r in rows}
    if "Uitleg over toeslagen in de klas" in labels:
        assert labels["Uitleg over toeslagen in de klas"] == [action]


def test_a_tip_of_another_process_is_refused(process, session, workspace):
    other = base.process(workspace, name="Ander")
    with pytest.raises(ValidationError):
        services.action_from_source(process=other, note=session.notes[0], client_id=uuid.uuid4())
    with pytest.raises(ValidationError):
        services.source_by_ref(other, f"note-{session.notes[0].pk}")
    with pytest.raises(ValidationError):
        services.source_by_ref(process, "user-1")
    assert not Action.objects.exists()


def test_source_keeps_its_label_when_the_note_goes(process, session):
    action = services.action_from_source(process=process, note=session.notes[2], client_id=uuid.uuid4())
    session.notes[2].delete()
    source = ActionSource.objects.get(action=action)
    assert source.note is None and source.label == "Uitleg over toeslagen in de klas"


def test_one_click_from_the_ideas_page(as_facilitator, as_viewer, process, session):
    url = f"/w/{process.workspace.slug}/trajecten/{process.pk}/ideeen-naar-acties/"
    page = as_facilitator.get(url)
    assert page.status_code == 200
    assert "Spreekuur op school" in page.content.decode() and "Maak actie" in page.content.decode()
    data = {"source": f"theme-{session.theme.pk}", "client_id": str(uuid.uuid4())}
    assert as_viewer.post(url + "maak/", data).status_code == 403
    response = as_facilitator.post(url + "maak/", data)
    assert response.status_code == 302
    as_facilitator.post(url + "maak/", data)
    action = Action.objects.get()
    assert response["Location"].endswith(f"/acties/{action.pk}/")
    page = as_facilitator.get(url).content.decode()
    assert "Leidde tot" in page and action.title in page
    detail = as_facilitator.get(response["Location"]).content.decode()
    assert "Hulp via WhatsApp" in detail
    # Link a second tip to the same action.
    as_facilitator.post(url + "maak/", {"source": f"note-{session.notes[2].pk}", "action": action.pk})
    assert action.sources.count() == 2
    bad = as_facilitator.post(url + "maak/", {"source": "note-999999"}, follow=True)
    assert "hoort niet bij dit traject" in bad.content.decode()


def test_ideas_page_traces_a_voted_idea_back_to_its_note_and_a_theme_to_its_notes(process, session):
    option = next(o for o in session.options if o.note_id)
    by_option = services.action_from_source(process=process, option=option, client_id=uuid.uuid4())
    by_theme = services.action_from_source(process=process, theme=session.theme, client_id=uuid.uuid4())
    [block] = selectors.ideas(process)
    board = block["boards"][0]
    assert {n.text: n.led_to for n in board["notes"]}["Uitleg over toeslagen in de klas"] == [by_option]
    [theme] = board["themes"]
    assert all(n.led_to == [by_theme] for n in theme.visible_notes)
