"""The feedback page: nothing public before publishing, all answers at once, later changes as "nieuw", reactions
rate-limited and moderated, replies by the organisation or the facilitator."""

import uuid

import pytest
from django.core.exceptions import ValidationError

from allin.actions import feedback, services
from allin.actions.feedback_models import Reaction
from allin.actions.models import ActionStatus

from . import factories


@pytest.fixture
def answered(process, session, brug, gemeente):
    one = services.action_from_source(process=process, note=session.notes[0], client_id=uuid.uuid4())
    services.action_update(
        action=one,
        title="Spreekuur schuldhulp op school",
        owner_partner=brug,
        answer="Vanaf maart zit er elke dinsdag iemand van schuldhulp op school.",
    )
    two = services.action_from_source(process=process, theme=session.theme, client_id=uuid.uuid4())
    services.action_update(
        action=two, title="WhatsApp-nummer", owner_partner=gemeente, answer="We zoeken nog."
    )
    services.action_progress(action=two, via="begeleider", status=ActionStatus.DROPPED, reason="Te duur")
    factories.action(process, title="Intern overleg zonder tip")
    return one, two


def _url(page):
    return f"/t/{page.key}/"


def test_nothing_is_public_before_publishing(client, process, answered):
    page = feedback.feedback_page_for(process)
    response = client.get(_url(page))
    assert response.status_code == 404
    body = response.content.decode()
    assert "Nog even geduld" in body and "Spreekuur" not in body
    assert client.get("/t/verkeerde-sleutel/").status_code == 404


def test_publish_all_at_once_grouped_by_organisation(client, process, answered):
    one, two = answered
    assert feedback.feedback_publish(process=process) == 2
    page = feedback.feedback_page_for(process)
    body = client.get(_url(page)).content.decode()
    assert "Jongerenwerk De Brug" in body and "Gemeente Voorbeeldstad, schuldhulp" in body
    assert "Vanaf maart zit er elke dinsdag" in body
    assert "Spreekuur op school" in body  # the youth's own tip
    assert "Te duur" in body and "niet doorgegaan" in body
    assert "Intern overleg" not in body  # no youth tip, no answer on the youth's page
    assert "nieuw" not in body.lower().split("<main")[1].replace("nieuwe", "")


def test_later_changes_stay_draft_until_published_again_then_show_as_new(client, process, answered):
    one, two = answered
    feedback.feedback_publish(process=process)
    services.action_progress(
        action=one, via="eigenaar", status=ActionStatus.DONE, answer="Het spreekuur draait!"
    )
    page = feedback.feedback_page_for(process)
    body = client.get(_url(page)).content.decode()
    assert "Het spreekuur draait!" not in body
    assert feedback.feedback_publish(process=process) == 1
    body = client.get(_url(page)).content.decode()
    assert "Het spreekuur draait!" in body
    assert body.count('class="new"') == 1


def test_publishing_nothing_is_refused(process):
    factories.action(process)
    with pytest.raises(ValidationError):
        feedback.feedback_publish(process=process)
    assert not feedback.feedback_page_for(process).is_published


def test_unpublish_and_new_key(client, process, answered):
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    old = page.key
    feedback.feedback_key_renew(process=process)
    assert client.get(f"/t/{old}/").status_code == 404
    page.refresh_from_db()
    assert client.get(_url(page)).status_code == 200
    feedback.feedback_unpublish(process=process)
    assert client.get(_url(page)).status_code == 404


def test_reaction_waits_for_moderation_then_shows_with_a_reply(client, process, answered):
    one, _two = answered
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    url = f"/t/{page.key}/reageer/{one.pk}/"
    key = str(uuid.uuid4())
    response = client.post(url, {"text": "Kan het ook op woensdag?", "client_id": key})
    assert response.status_code == 302
    client.post(url, {"text": "Kan het ook op woensdag?", "client_id": key})  # retried: one reaction
    reaction = Reaction.objects.get()
    assert "Kan het ook op woensdag?" not in client.get(_url(page)).content.decode()
    feedback.reaction_moderate(reaction=reaction, approve=True)
    feedback.reaction_reply(reaction=reaction, text="We vragen het na!", by="Jongerenwerk De Brug")
    body = client.get(_url(page)).content.decode()
    assert "Kan het ook op woensdag?" in body and "We vragen het na!" in body


def test_rejected_reactions_never_show(client, process, answered):
    one, _two = answered
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    reaction = feedback.reaction_create(
        page=page, action=one, text="Iets lelijks", client_id=uuid.uuid4(), address="192.0.2.9"
    )
    feedback.reaction_moderate(reaction=reaction, approve=False)
    assert "Iets lelijks" not in client.get(_url(page)).content.decode()


def test_reaction_bad_input(client, process, answered):
    one, _two = answered
    page = feedback.feedback_page_for(process)
    with pytest.raises(ValidationError):  # not published yet
        feedback.reaction_create(page=page, action=one, text="Hoi", client_id=uuid.uuid4(), address="a")
    feedback.feedback_publish(process=process)
    url = f"/t/{page.key}/reageer/{one.pk}/"
    too_long = client.post(url, {"text": "x" * 301, "client_id": str(uuid.uuid4())})
    assert too_long.status_code == 400
    assert "hoogstens 300 tekens lang" in too_long.content.decode()
    empty = client.post(url, {"text": " ", "client_id": str(uuid.uuid4())})
    assert empty.status_code == 400 and "Schrijf eerst je reactie" in empty.content.decode()
    assert not Reaction.objects.exists()
    feedback.feedback_settings(process=process, reactions_open=False)
    closed = client.post(url, {"text": "Hoi", "client_id": str(uuid.uuid4())})
    assert closed.status_code == 400 and "Reageren kan niet meer" in closed.content.decode()
    assert not Reaction.objects.exists()


def test_too_many_reactions_from_one_address(client, process, answered):
    one, _two = answered
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    url = f"/t/{page.key}/reageer/{one.pk}/"
    for n in range(feedback.REACTIONS_PER_HOUR):
        assert client.post(url, {"text": f"Reactie {n}", "client_id": str(uuid.uuid4())}).status_code == 302
    over = client.post(url, {"text": "Nog een", "client_id": str(uuid.uuid4())})
    assert over.status_code == 400
    assert "Probeer het over een uur nog eens" in over.content.decode()
    assert Reaction.objects.count() == feedback.REACTIONS_PER_HOUR
    other = client.post(
        url, {"text": "Van elders", "client_id": str(uuid.uuid4())}, REMOTE_ADDR="198.51.100.7"
    )
    assert other.status_code == 302


def test_viewer_cannot_publish_and_facilitator_can(as_viewer, as_facilitator, process, answered):
    url = f"/w/{process.workspace.slug}/trajecten/{process.pk}/terugkoppeling/publiceren/"
    assert as_viewer.post(url).status_code == 403
    assert not feedback.feedback_page_for(process).is_published
    # tips without an answer: publishing asks for a tick first (tests/actions/test_tip_answers.py)
    response = as_facilitator.post(url, {"confirm_unanswered": "1"}, follow=True)
    assert "Gepubliceerd" in response.content.decode()
    assert feedback.feedback_page_for(process).is_published


def test_facilitator_pages_render(as_facilitator, process, answered):
    feedback.feedback_publish(process=process)
    base = f"/w/{process.workspace.slug}/trajecten/{process.pk}/"
    admin = as_facilitator.get(base + "terugkoppeling/").content.decode()
    assert "<svg" in admin and "/t/" in admin and "Betekenisvolle participatie" in admin
    as_facilitator.post(base + "terugkoppeling/afspraken/", {"who": "De jongerenwerker", "how": "Instagram"})
    assert process.feedback_plan.how == "Instagram"
    qr = as_facilitator.get(base + "terugkoppeling/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    assert as_facilitator.get(base + "acties/").status_code == 200
    assert "Betekenisvolle participatie" in as_facilitator.get(base).content.decode()
