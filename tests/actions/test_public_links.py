"""Links without an account: the owner's signed link (expiry, revocation, tampering) and the agreement card on a
phone (its key, renewal)."""

import uuid
from datetime import timedelta

import time_machine
from django.utils import timezone

from allin.actions import feedback, followup, links, services
from allin.actions.models import Action, ProgressUpdate

from . import factories


def _owner_url(action):
    return f"/actie/{links.owner_token(action)}/"


def test_owner_updates_status_through_the_link(client, process, brug):
    action = factories.action(process, owner_partner=brug, owner_name="Petra", owner_email="petra@brug.nl")
    url = _owner_url(action)
    page = client.get(url)
    assert page.status_code == 200 and action.title in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"
    data = {
        "status": "bezig",
        "text": "Eerste spreekuur gepland",
        "client_id": str(uuid.uuid4()),
        "answer": "",
    }
    assert client.post(url, data).status_code == 302
    client.post(url, data)  # retried: one entry
    action.refresh_from_db()
    assert action.status == "bezig"
    update = ProgressUpdate.objects.get()
    assert update.via == "eigenaar" and update.author_name == "Petra"


def test_owner_dropping_without_reason_is_refused(client, process):
    action = factories.action(process, owner_email="petra@brug.nl")
    response = client.post(
        _owner_url(action), {"status": "niet_doorgegaan", "client_id": str(uuid.uuid4()), "answer": ""}
    )
    assert response.status_code == 400
    assert "Schrijf op waarom deze actie niet doorgaat" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "gepland" and not ProgressUpdate.objects.exists()


def test_tampered_token_is_refused(client, process):
    action = factories.action(process, owner_email="petra@brug.nl")
    other = factories.action(process, title="Ander", owner_email="kim@brug.nl")
    token = links.owner_token(action)
    value, _sep, rest = token.partition(":")
    forged = f"{other.pk}.1:{rest}"
    for bad in (forged, token[:-2] + "xx", "zomaar-iets"):
        response = client.get(f"/actie/{bad}/")
        assert response.status_code == 404
        assert "Deze link werkt niet (meer)" in response.content.decode()
    assert client.post(f"/actie/{forged}/", {"status": "gedaan"}).status_code == 404
    other.refresh_from_db()
    assert other.status == "gepland"


def test_revoked_and_expired_links(client, process):
    action = factories.action(process, owner_email="petra@brug.nl")
    url = _owner_url(action)
    services.owner_link_revoke(action=action)
    assert client.get(url).status_code == 404
    action = services.owner_link_renew(action=action)
    fresh = _owner_url(action)
    assert client.get(url).status_code == 404
    assert client.get(fresh).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(seconds=links.OWNER_LINK_MAX_AGE + 60)):
        response = client.get(fresh)
        assert response.status_code == 404
        assert client.post(fresh, {"status": "gedaan", "client_id": str(uuid.uuid4())}).status_code == 404
    assert Action.objects.get(pk=action.pk).status == "gepland"


def test_owner_answers_a_reaction(client, process, session, brug):
    action = services.action_from_source(process=process, note=session.notes[0], client_id=uuid.uuid4())
    services.action_update(action=action, title=action.title, owner_partner=brug, owner_email="petra@brug.nl")
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    reaction = feedback.reaction_create(
        page=page, action=action, text="Ook in de vakantie?", client_id=uuid.uuid4(), address="192.0.2.1"
    )
    action.refresh_from_db()
    url = f"/actie/{links.owner_token(action)}/reactie/{reaction.pk}/"
    assert client.post(url, {"text": "Ja"}).status_code == 404  # not approved yet: nothing to answer
    feedback.reaction_moderate(reaction=reaction, approve=True)
    assert client.post(url, {"text": ""}).status_code == 302
    reaction.refresh_from_db()
    assert reaction.reply == ""
    client.post(url, {"text": "Ja, ook in de vakantie."})
    reaction.refresh_from_db()
    assert reaction.reply == "Ja, ook in de vakantie." and reaction.reply_by == "Jongerenwerk De Brug"
    assert "Ja, ook in de vakantie." in client.get(f"/t/{page.key}/").content.decode()


def test_agreement_card_on_a_phone(client, process, brug):
    card = followup.agreement_for(process=process, partner=brug)
    url = f"/afspraken/{card.key}/"
    assert "Afsprakenkaart van Jongerenwerk De Brug" in client.get(url).content.decode()
    key = str(uuid.uuid4())
    data = {
        "what": "Stageplekken delen",
        "who": "Petra",
        "when": "Voor de zomer",
        "how": "Lijst",
        "client_id": key,
    }
    assert client.post(url, data).status_code == 302
    client.post(url, data)
    assert card.rows.count() == 1
    assert client.post(url, {"what": "", "client_id": str(uuid.uuid4())}).status_code == 400
    too_long = client.post(url, {"what": "x" * 501, "client_id": str(uuid.uuid4())})
    assert too_long.status_code == 400 and card.rows.count() == 1
    row = card.rows.get()
    assert client.post(f"/afspraken/{card.key}/{row.pk}/weg/").status_code == 302
    assert card.rows.count() == 0
    followup.agreement_key_renew(agreement=card)
    assert client.get(url).status_code == 404
