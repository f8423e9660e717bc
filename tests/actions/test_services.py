"""Actions: made by hand and from tips, idempotent, validated, assigned with an e-mail, moved through statuses."""

import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from allin.actions import services
from allin.actions.models import Action, ActionStatus, ProgressUpdate
from tests import factories as base

from . import factories


def test_create_with_owner_mails_the_personal_link(process, brug, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        action = services.action_create(
            process=process,
            title="  Spreekuur op school  ",
            owner_partner=brug,
            owner_name="Petra",
            owner_email="Petra@Brug.nl",
        )
    assert action.title == "Spreekuur op school"
    assert action.owner_email == "petra@brug.nl"
    assert action.status == ActionStatus.PLANNED
    assert action.assigned_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["petra@brug.nl"]
    assert "/actie/" in mail.outbox[0].body


def test_create_is_idempotent_per_client_id(process):
    key = uuid.uuid4()
    first = services.action_create(process=process, title="Eén", client_id=key)
    again = services.action_create(process=process, title="Eén", client_id=str(key))
    assert first.pk == again.pk
    assert Action.objects.count() == 1


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"title": "  "}, "Vul de titel in."),
        ({"title": "x" * 201}, "De titel mag hoogstens 200 tekens lang zijn."),
        ({"title": "Ok", "owner_email": "geen-adres"}, "geldig e-mailadres"),
        ({"title": "Ok", "client_id": "niet-een-uuid"}, "Laad de pagina opnieuw"),
    ],
)
def test_create_refuses_bad_input(process, fields, message):
    with pytest.raises(ValidationError) as error:
        services.action_create(process=process, **fields)
    assert message in " ".join(error.value.messages)
    assert not Action.objects.exists()


def test_owner_from_another_workspace_is_refused(process, outsider):
    from allin.workspaces.models import Membership

    foreign = factories.partner(Membership.objects.get(user=outsider).workspace, "Elders")
    with pytest.raises(ValidationError):
        services.action_create(process=process, title="X", owner_partner=foreign)


def test_status_dropped_needs_a_reason_and_nothing_is_half_saved(process):
    action = factories.action(process)
    with pytest.raises(ValidationError) as error:
        services.action_progress(action=action, via="begeleider", status=ActionStatus.DROPPED, text="Helaas")
    assert "waarom" in error.value.messages[0]
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED
    assert not ProgressUpdate.objects.exists()

    update = services.action_progress(
        action=action, via="eigenaar", status=ActionStatus.DROPPED, reason="Geen budget dit jaar"
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.DROPPED and action.status_reason == "Geen budget dit jaar"
    assert update.status == ActionStatus.DROPPED and update.text == "Geen budget dit jaar"


def test_progress_timeline_is_idempotent_and_needs_something(process):
    action = factories.action(process)
    key = uuid.uuid4()
    one = services.action_progress(
        action=action, via="eigenaar", status="bezig", text="Gestart", client_id=key
    )
    two = services.action_progress(
        action=action, via="eigenaar", status="gedaan", text="Klaar", client_id=key
    )
    assert one.pk == two.pk
    action.refresh_from_db()
    assert action.status == "bezig"
    with pytest.raises(ValidationError):
        services.action_progress(action=action, via="eigenaar")
    with pytest.raises(ValidationError):
        services.action_progress(action=action, via="eigenaar", status="kapot")
    services.action_progress(action=action, via="begeleider", text="Loopt goed")
    assert [u.text for u in action.updates.all()] == ["Loopt goed", "Gestart"]


def test_new_owner_gets_a_new_link_and_the_old_stops(process, brug, django_capture_on_commit_callbacks):
    from allin.actions import links

    action = factories.action(process, owner_email="een@brug.nl", owner_partner=brug)
    old = links.owner_token(action)
    with django_capture_on_commit_callbacks(execute=True):
        services.action_update(
            action=action, title=action.title, owner_partner=brug, owner_email="twee@brug.nl"
        )
    assert links.owner_action(old) is None
    action.refresh_from_db()
    assert links.owner_action(links.owner_token(action)).pk == action.pk
    assert mail.outbox[-1].to == ["twee@brug.nl"]


def test_revoke_and_renew_owner_link(process, django_capture_on_commit_callbacks):
    from allin.actions import links

    action = factories.action(process, owner_email="een@brug.nl")
    token = links.owner_token(action)
    services.owner_link_revoke(action=action)
    assert links.owner_action(token) is None
    with django_capture_on_commit_callbacks(execute=True):
        services.owner_link_renew(action=action)
    action.refresh_from_db()
    assert links.owner_action(token) is None
    assert links.owner_action(links.owner_token(action)) is not None
    assert len(mail.outbox) == 1
    nobody = factories.action(process, title="Zonder eigenaar")
    with pytest.raises(ValidationError):
        services.owner_link_renew(action=nobody)


def test_feedback_plan_is_one_per_process(process):
    services.feedback_plan_save(process=process, who="Jongerenwerker", how="Kort")
    plan = services.feedback_plan_save(process=process, who="De wethouder", what="Alles", where="School")
    assert plan.who == "De wethouder" and plan.how == ""
    assert process.feedback_plan.pk == plan.pk
    with pytest.raises(ValidationError):
        services.feedback_plan_save(process=process, who="x" * 301)


def test_delete(process):
    action = factories.action(process)
    services.action_delete(action=action)
    assert not Action.objects.exists()


def test_action_limit(process, monkeypatch):
    monkeypatch.setattr(services, "ACTIONS_PER_PROCESS_MAX", 1)
    factories.action(process)
    with pytest.raises(ValidationError):
        factories.action(process, title="Twee")
    other = base.process(process.workspace, name="Ander traject")
    factories.action(other)
