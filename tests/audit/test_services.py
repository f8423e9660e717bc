"""The audit log records who changed actions, feedback answers, consent and permissions, in the same transaction
as the change, without personal free text."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from allin.actions import feedback
from allin.actions import services as action_services
from allin.actions.feedback_models import Reaction
from allin.audit.models import AuditEntry
from allin.audit.services import audit_record
from allin.network import services as network_services
from allin.network.catalogue import ConsentSource, Share
from allin.people import services as people_services
from allin.workspaces import services as workspace_services
from allin.workspaces.models import Membership, Role
from tests import factories
from tests.actions import factories as action_factories


@pytest.fixture
def process(workspace, facilitator):
    return factories.process(workspace, by=facilitator)


def _entries(action):
    return list(AuditEntry.objects.filter(action=action))


def test_an_action_is_logged_without_its_text(process):
    action = action_services.action_create(
        process=process, title="Geheime titel over Sam", owner_name="Petra"
    )
    [entry] = _entries("action.create")
    assert (entry.workspace_id, entry.object_type, entry.object_id) == (
        process.workspace_id,
        "action",
        str(action.pk),
    )
    assert "Sam" not in entry.summary and "Petra" not in entry.summary
    action_services.action_update(action=action, title="Nieuw", owner_email="petra@brug.nl")
    [update] = _entries("action.update")
    assert update.summary == "nieuwe eigenaar"


def test_a_status_change_names_old_and_new_status_and_the_link_holder(process):
    action = action_factories.action(process)
    action_services.action_progress(action=action, via="eigenaar", status="bezig", text="We zijn begonnen")
    [entry] = _entries("action.status")
    assert entry.summary == "status: gepland → bezig"
    assert entry.actor is None and entry.actor_label == "eigenaar via link"
    assert "begonnen" not in entry.summary
    action_services.action_progress(action=action, via="begeleider", text="Nog een stap")
    [progress] = _entries("action.progress")
    assert progress.summary == "" and progress.actor_label == ""


def test_owner_link_and_deletion_are_logged(process):
    action = action_factories.action(process, owner_email="petra@brug.nl")
    action_services.owner_link_renew(action=action)
    action_services.owner_link_revoke(action=action)
    pk = action.pk
    action_services.action_delete(action=action)
    assert [e.action for e in AuditEntry.objects.order_by("pk")] == [
        "action.create",
        "action.link_renew",
        "action.link_revoke",
        "action.delete",
    ]
    assert AuditEntry.objects.get(action="action.delete").object_id == str(pk)


def test_publishing_answers_and_moderating_reactions_are_logged(process):
    held = action_factories.held_session(process)
    action = action_services.action_from_source(process=process, note=held.notes[0])
    feedback.feedback_publish(process=process)
    [published] = _entries("feedback.publish")
    assert published.summary == "1 van 1 antwoorden nieuw of veranderd"
    reaction = Reaction.objects.create(action=action, client_id=uuid.uuid4(), text="Ik ben Sam en boos")
    feedback.reaction_moderate(reaction=reaction, approve=False)
    feedback.reaction_reply(reaction=reaction, text="Dank je, Sam", by="Petra")
    assert _entries("feedback.moderate")[0].summary == "afgewezen"
    reply = _entries("feedback.reply")[0]
    assert reply.actor_label == "eigenaar via link" and reply.summary == ""
    feedback.feedback_unpublish(process=process)
    assert len(_entries("feedback.unpublish")) == 1


def test_consent_changes_name_who_and_what(workspace, facilitator):
    partner = action_factories.partner(workspace)
    membership = Membership.objects.get(user=facilitator)
    network_services.consent_change(
        partner=partner, membership=membership, share_with=Share.WORKSPACE, given_by="Petra de Vries"
    )
    network_services.consent_record(
        partner=partner, share_with=Share.NOBODY, given_by="Petra", source=ConsentSource.PARTNER
    )
    by_facilitator, by_partner = AuditEntry.objects.filter(action="consent.change").order_by("pk")
    assert by_facilitator.actor == facilitator and by_facilitator.actor_label == ""
    assert by_facilitator.summary == "delen: met niemand (alleen begeleiders) → met de hele werkruimte"
    assert by_partner.actor is None and by_partner.actor_label == "partner via link"
    assert "Petra" not in by_facilitator.summary + by_partner.summary


def test_membership_changes_are_logged(workspace, owner, facilitator):
    invitation = workspace_services.invitation_create(
        workspace=workspace, email="nieuw@example.org", role=Role.VIEWER, invited_by=owner
    )
    workspace_services.invitation_revoke(invitation=invitation)
    membership = Membership.objects.get(user=facilitator)
    workspace_services.membership_set_role(membership=membership, role=Role.VIEWER)
    workspace_services.membership_remove(membership=membership)
    entries = {e.action: e for e in AuditEntry.objects.all()}
    assert entries["member.invite"].actor == owner
    assert entries["member.invite"].summary == "nieuw@example.org als meekijker"
    assert entries["member.role"].summary == f"{facilitator.email}: begeleider → meekijker"
    assert set(entries) == {"member.invite", "member.invite_revoke", "member.role", "member.remove"}


def test_a_refused_change_leaves_no_entry(workspace, owner):
    only_owner = Membership.objects.get(user=owner)
    with pytest.raises(ValidationError):
        workspace_services.membership_set_role(membership=only_owner, role=Role.VIEWER)
    assert not AuditEntry.objects.exists()


def test_the_entry_rolls_back_with_the_change(workspace, process):
    with pytest.raises(RuntimeError), transaction.atomic():
        action_factories.action(process)
        raise RuntimeError
    assert not AuditEntry.objects.exists()


def test_erasing_a_participant_on_request_is_logged_without_the_name(process, owner):
    participant = people_services.participant_create(process=process, name="Sam Jansen", role="jongere")
    people_services.participant_erase(participant=participant)
    [entry] = _entries("participant.erase")
    assert entry.summary == "Deelnemer 1" and entry.actor_label == "bewaartermijn verstreken"


def test_audit_record_keeps_text_short_and_on_one_line(workspace, owner):
    entry = audit_record(
        workspace=workspace,
        actor=owner,
        actor_label="x",
        action="member.role",
        target=owner,
        summary="a\nb " + "c" * 500,
    )
    assert entry.summary.startswith("a b ") and len(entry.summary) == 200
    assert entry.actor_label == ""  # a known user needs no label
