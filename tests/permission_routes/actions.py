"""The permission walk's table for the actions URLs (see tests/permission_routes/__init__.py).

Public routes carry a secret in their path (the feedback page's key, an owner's signed token, an agreement
card's key): whoever holds the right one gets the page; wrong, expired and revoked secrets are tested in
tests/actions/test_public_links.py."""

import uuid

from allin.actions import feedback, followup, links, services
from allin.network.models import Partner
from tests.permission_table import (
    ALLOWED,
    EDIT_POST,
    POST_ONLY_GET,
    READ,
    Route,
    _meeting,
    _process,
    everyone,
)


def _action(w):
    return {**_process(w), "action_pk": w.action.pk}


def _agreement(w):
    return {**_process(w), "agreement_pk": w.agreement.pk}


def _post(kwargs, data=None):
    return Route(kwargs, POST_ONLY_GET, EDIT_POST, data)


ROUTES = {
    # workspace: actions and the ideas they come from
    "action_list": Route(_process, READ, EDIT_POST, lambda w: {"title": "Nieuwe actie"}),
    "action_detail": Route(_action, READ),
    "action_edit": _post(_action, lambda w: {"title": "Andere titel"}),
    "action_progress": _post(_action, lambda w: {"text": "Loopt goed", "client_id": str(uuid.uuid4())}),
    "action_link": _post(_action, lambda w: {"do": "revoke"}),
    "action_delete": _post(_action),
    "action_source_unlink": _post(_action, lambda w: {"source": w.action_source.pk}),
    "ideas_to_actions": Route(_process, READ),
    "action_from_source": _post(
        _process, lambda w: {"source": f"note-{w.note.pk}", "client_id": str(uuid.uuid4())}
    ),
    # workspace: the feedback page
    "feedback_admin": Route(_process, READ),
    "feedback_plan_save": _post(_process, lambda w: {"who": "De jongerenwerker"}),
    "feedback_settings": _post(_process, lambda w: {"intro": "Hoi!", "reactions_open": "on"}),
    "feedback_publish": _post(_process),
    "feedback_tip_answer": _post(
        _process, lambda w: {"ref": f"note-{w.note.pk}", "status": "geregeld", "text": "Is er al."}
    ),
    "feedback_progress_show": _post(lambda w: {**_process(w), "update_pk": w.owner_update.pk}),
    "reaction_moderate": _post(
        lambda w: {**_process(w), "reaction_pk": w.reaction.pk}, lambda w: {"do": "approve"}
    ),
    "feedback_qr": Route(_process, READ),
    "feedback_poster_pdf": Route(_process, READ),
    "feedback_memo_pdf": Route(_process, READ),
    # workspace: agreement cards
    "agreement_list": Route(_process, READ, EDIT_POST, lambda w: {"partner": w.partner.pk}),
    "agreements_pdf": Route(_process, READ),
    "agreement_detail": Route(_agreement, READ, EDIT_POST, lambda w: {"what": "Stage-plekken delen"}),
    "agreement_change": _post(_agreement, lambda w: {"do": "renew"}),
    "agreement_pdf": Route(_agreement, READ),
    "agreement_line_action": _post(_process, lambda w: {"line": f"row-{w.agreement_row.pk}"}),
    "agreement_plan_partner": _post(_process, lambda w: {"plan": "geen", "partner": w.partner.pk}),
    # meeting: calls and the follow-up session
    "call_list": Route(_meeting, READ, EDIT_POST),
    "call_record": _post(
        lambda w: {**_meeting(w), "call_pk": w.call.pk}, lambda w: {f"call{w.call.pk}-did": "Gebeld"}
    ),
    "follow_up_plan": _post(_meeting, lambda w: {"date": "2026-09-01", "start_time": "13:00"}),
    # public, with the right secret
    "feedback_public": Route(lambda w: {"key": w.feedback_key}, everyone(200)),
    "feedback_react": Route(
        lambda w: {"key": w.feedback_key, "action_pk": w.action.pk}, everyone(405), everyone(ALLOWED)
    ),
    "action_owner": Route(lambda w: {"token": w.owner_token}, everyone(200), everyone(ALLOWED)),
    "action_owner_reply": Route(
        lambda w: {"token": w.owner_token, "reaction_pk": w.reaction.pk},
        everyone(405),
        everyone(302),
        lambda w: {"text": "Dank je, we gaan ermee aan de slag."},
    ),
    "agreement_phone": Route(
        lambda w: {"key": w.agreement_key}, everyone(200), everyone(ALLOWED), lambda w: {"what": "Bellen"}
    ),
    "agreement_phone_delete": Route(
        lambda w: {"key": w.agreement_key, "row_pk": w.agreement_row.pk}, everyone(405), everyone(302)
    ),
}


def extend_world(world):
    partner = Partner.objects.create(workspace=world.workspace, name="Jongerenwerk De Brug")
    action = services.action_create(
        process=world.process,
        title="Spreekuur op school",
        owner_partner=partner,
        owner_email="petra@example.org",
    )
    source = services.source_link(action=action, note=world.note)
    feedback.feedback_publish(process=world.process)
    page = feedback.feedback_page_for(world.process)
    reaction = feedback.reaction_create(
        page=page, action=action, text="Goed idee!", client_id=uuid.uuid4(), address="192.0.2.1"
    )
    feedback.reaction_moderate(reaction=reaction, approve=True)
    agreement = followup.agreement_for(process=world.process, partner=partner)
    world.partner = partner
    world.action = action
    world.action_source = source
    world.feedback_key = page.key
    world.owner_token = links.owner_token(action)
    world.reaction = reaction
    world.owner_update = services.action_progress(action=action, via="eigenaar", text="Het loopt.")
    world.agreement = agreement
    world.agreement_key = agreement.key
    world.agreement_row = followup.agreement_row_add(agreement=agreement, what="Stageplekken delen")
    world.call = followup.call_add(meeting=world.meeting, partner=partner)
