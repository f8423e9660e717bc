"""Writes for actions: made by hand or with one click from a youth tip, assigned to an owner, moved through their
statuses with a timeline. Keyword-only, one transaction each, validated before anything is saved."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.audit.services import audit_record
from allin.core import limits
from allin.live.models import Note, Theme, VoteOption
from allin.socialmap.models import Finding, Undercover

from . import cleaning
from .models import (
    REASON_MAX,
    UPDATE_MAX,
    Action,
    ActionSource,
    ActionStatus,
    FeedbackPlan,
    OwnerLink,
    ProgressUpdate,
    SourceKind,
)
from .selectors import social_map_tip_label

ACTIONS_PER_PROCESS_MAX = 300
SOURCES_PER_ACTION_MAX = 30


def _uuid(value):
    if value in (None, ""):
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise ValidationError(_("Deze aanvraag is niet compleet. Laad de pagina opnieuw.")) from None


def _owner(process, *, owner_partner, owner_name, owner_email):
    if owner_partner is not None and owner_partner.workspace_id != process.workspace_id:
        raise ValidationError(_("Deze organisatie hoort niet bij deze werkruimte."))
    name = cleaning.line(owner_name, max_len=limits.NAME_MAX, label=_("de naam van de eigenaar"))
    email = cleaning.line(owner_email, max_len=limits.EMAIL_MAX, label=_("het e-mailadres")).lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(_("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.")) from None
    return owner_partner, name, email


def _check_due(due_date):
    if due_date is not None and not isinstance(due_date, date):
        raise ValidationError(_("Vul een geldige datum in."))
    return due_date


def _process_of(source):
    return source.activity.live.meeting.process


SOURCE_FIELDS = ("note", "theme", "option", "finding", "undercover")


def _source_fields(*, note=None, theme=None, option=None, finding=None, undercover=None):
    if sum(x is not None for x in (note, theme, option, finding, undercover)) != 1:
        raise ValidationError(_("Kies precies één post-it, thema of idee."))
    if finding is not None or undercover is not None:
        source, kind = (
            (finding, SourceKind.FINDING) if finding is not None else (undercover, SourceKind.UNDERCOVER)
        )
        return {"kind": kind, kind: source, "label": social_map_tip_label(source)}, source.group.process
    if note is not None:
        return {"kind": SourceKind.NOTE, "note": note, "label": note.text}, _process_of(note)
    if theme is not None:
        return {"kind": SourceKind.THEME, "theme": theme, "label": theme.name}, _process_of(theme)
    return {"kind": SourceKind.OPTION, "option": option, "label": option.label}, _process_of(option)


def _notify_assigned(action):
    """E-mail the owner their personal link once the transaction has committed (a background task)."""
    from .tasks import send_owner_link

    action_id = action.pk
    transaction.on_commit(lambda: send_owner_link.enqueue(action_id=action_id))


def _assign_if_new_owner(action, old_email):
    if action.owner_email and action.owner_email != old_email:
        if old_email:
            action.link_version += 1  # the previous owner's link stops working
        action.link_revoked = False
        action.assigned_at = timezone.now()
        return True
    return False


@transaction.atomic
def action_create(
    *,
    process,
    title: str,
    description: str = "",
    owner_partner=None,
    owner_name: str = "",
    owner_email: str = "",
    due_date: date | None = None,
    client_id=None,
) -> Action:
    client_id = _uuid(client_id)
    if client_id is not None:
        existing = Action.objects.filter(process=process, client_id=client_id).first()
        if existing is not None:
            return existing
    if process.actions.count() >= ACTIONS_PER_PROCESS_MAX:
        raise ValidationError(
            _("Een traject heeft hoogstens %(max)d acties.") % {"max": ACTIONS_PER_PROCESS_MAX}
        )
    partner, name, email = _owner(
        process, owner_partner=owner_partner, owner_name=owner_name, owner_email=owner_email
    )
    action = Action(
        process=process,
        client_id=client_id,
        title=cleaning.line(title, max_len=limits.TITLE_MAX, label=_("de titel"), required=True),
        description=cleaning.block(description, max_len=limits.TEXT_MAX, label=_("wat er gebeurt")),
        owner_partner=partner,
        owner_name=name,
        owner_email=email,
        due_date=_check_due(due_date),
    )
    assigned = _assign_if_new_owner(action, "")
    try:
        with transaction.atomic():
            action.save()
    except IntegrityError:
        # The same click arrived twice at once: the other request made the action.
        existing = Action.objects.filter(process=process, client_id=client_id).first()
        if existing is None:
            raise
        return existing
    if assigned:
        _notify_assigned(action)
    audit_record(workspace=process.workspace_id, action="action.create", target=action)
    return action


@transaction.atomic
def action_from_source(
    *, process, note=None, theme=None, option=None, finding=None, undercover=None, client_id=None
) -> Action:
    """One click: a new action titled after the tip, theme or voted idea, linked to it."""
    source = {"note": note, "theme": theme, "option": option, "finding": finding, "undercover": undercover}
    fields, source_process = _source_fields(**source)
    if source_process.pk != process.pk:
        raise ValidationError(_("Deze post-it hoort niet bij dit traject."))
    title = fields["label"][: limits.TITLE_MAX]
    action = action_create(process=process, title=title, client_id=client_id)
    source_link(action=action, **source)
    return action


@transaction.atomic
def source_link(
    *, action: Action, note=None, theme=None, option=None, finding=None, undercover=None
) -> ActionSource:
    """Link one more tip to an action (idempotent: linking it again changes nothing)."""
    fields, source_process = _source_fields(
        note=note, theme=theme, option=option, finding=finding, undercover=undercover
    )
    if source_process.pk != action.process_id:
        raise ValidationError(_("Deze post-it hoort niet bij dit traject."))
    key = {k: v for k, v in fields.items() if k in SOURCE_FIELDS}
    existing = ActionSource.objects.filter(action=action, **key).first()
    if existing is not None:
        return existing
    if action.sources.count() >= SOURCES_PER_ACTION_MAX:
        raise ValidationError(
            _("Een actie hangt aan hoogstens %(max)d tips.") % {"max": SOURCES_PER_ACTION_MAX}
        )
    try:
        with transaction.atomic():
            return ActionSource.objects.create(action=action, **fields)
    except IntegrityError:
        return ActionSource.objects.get(action=action, **key)


@transaction.atomic
def source_unlink(*, source: ActionSource) -> None:
    source.delete()


def source_by_ref(process, ref: str):
    """A tip named in a form as note-12, theme-3, option-7, finding-4 or undercover-2, checked to belong to the
    process (a social-map tip only while it has text)."""
    kind, _sep, pk = (ref or "").partition("-")
    model = {
        "note": Note,
        "theme": Theme,
        "option": VoteOption,
        "finding": Finding,
        "undercover": Undercover,
    }.get(kind)
    if model is None or not pk.isdigit():
        raise ValidationError(_("Kies een post-it, thema of idee uit de lijst."))
    if model in (Finding, Undercover):
        found = model.objects.filter(pk=int(pk), group__process=process).exclude(tips="")
        obj = found.select_related("group__process", "organisation").first()
    else:
        obj = model.objects.filter(pk=int(pk), activity__live__meeting__process=process).first()
    if obj is None:
        raise ValidationError(_("Deze post-it hoort niet bij dit traject."))
    return {kind: obj}


@transaction.atomic
def action_update(
    *,
    action: Action,
    title: str,
    description: str = "",
    owner_partner=None,
    owner_name: str = "",
    owner_email: str = "",
    due_date: date | None = None,
    answer: str | None = None,
) -> Action:
    action = Action.objects.select_for_update().get(pk=action.pk)
    old_email = action.owner_email
    partner, name, email = _owner(
        action.process, owner_partner=owner_partner, owner_name=owner_name, owner_email=owner_email
    )
    action.title = cleaning.line(title, max_len=limits.TITLE_MAX, label=_("de titel"), required=True)
    action.description = cleaning.block(description, max_len=limits.TEXT_MAX, label=_("wat er gebeurt"))
    action.owner_partner, action.owner_name, action.owner_email = partner, name, email
    action.due_date = _check_due(due_date)
    if answer is not None:
        action.answer = _answer(answer)
    assigned = _assign_if_new_owner(action, old_email)
    action.save()
    if assigned:
        _notify_assigned(action)
    audit_record(
        workspace=action.process.workspace_id,
        action="action.update",
        target=action,
        summary=_("nieuwe eigenaar") if assigned else "",
    )
    return action


def _answer(value):
    from .models import ANSWER_MAX

    return cleaning.block(value, max_len=ANSWER_MAX, label=_("de uitleg voor jongeren"))


@transaction.atomic
def action_progress(
    *,
    action: Action,
    via: str,
    author_name: str = "",
    status: str = "",
    reason: str = "",
    text: str = "",
    answer: str | None = None,
    client_id=None,
) -> ProgressUpdate:
    """A step on the timeline: optionally a new status (niet doorgegaan needs a reason), a progress note and a
    new explanation for youth. A retried POST with the same client_id returns the first entry."""
    client_id = _uuid(client_id) or uuid.uuid4()
    action = Action.objects.select_for_update().get(pk=action.pk)
    existing = ProgressUpdate.objects.filter(action=action, client_id=client_id).first()
    if existing is not None:
        return existing
    if via not in ProgressUpdate.Via.values:
        raise ValidationError(_("Onbekende afzender."))
    text = cleaning.block(text, max_len=UPDATE_MAX, label=_("de voortgang"))
    reason = cleaning.block(reason, max_len=REASON_MAX, label=_("de reden"))
    new_status = ""
    if status and status != action.status:
        if status not in ActionStatus.values:
            raise ValidationError(_("Kies een status uit de lijst."))
        if status == ActionStatus.DROPPED and not reason:
            raise ValidationError(
                _("Schrijf op waarom deze actie niet doorgaat. Jongeren hebben recht op die uitleg.")
            )
        new_status = status
    if answer is not None:
        action.answer = _answer(answer)
    if not (new_status or text or (answer is not None and answer.strip())):
        raise ValidationError(_("Kies een nieuwe status of schrijf op hoe het gaat."))
    audit_record(
        workspace=action.process.workspace_id,
        actor_label=_("eigenaar via link") if via == ProgressUpdate.Via.OWNER else "",
        action="action.status" if new_status else "action.progress",
        target=action,
        summary=f"status: {action.get_status_display()} → {ActionStatus(new_status).label}"
        if new_status
        else "",
    )
    if new_status:
        action.status = new_status
        action.status_reason = reason if new_status == ActionStatus.DROPPED else ""
    action.save()
    return ProgressUpdate.objects.create(
        action=action,
        client_id=client_id,
        via=via,
        author_name=cleaning.line(author_name, max_len=limits.NAME_MAX, label=_("de naam")),
        status=new_status,
        text=text or (reason if new_status == ActionStatus.DROPPED else ""),
    )


@transaction.atomic
def action_delete(*, action: Action) -> None:
    audit_record(workspace=action.process.workspace_id, action="action.delete", target=action)
    action.delete()


@transaction.atomic
def owner_link_revoke(*, action: Action) -> Action:
    Action.objects.filter(pk=action.pk).update(link_revoked=True)
    OwnerLink.objects.filter(action_id=action.pk).delete()  # their secrets go with them
    audit_record(workspace=action.process.workspace_id, action="action.link_revoke", target=action)
    action.refresh_from_db()
    return action


@transaction.atomic
def owner_link_renew(*, action: Action) -> Action:
    """A new link for the owner (the old one stops working), sent to them by e-mail."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    if not action.owner_email:
        raise ValidationError(_("Deze actie heeft nog geen eigenaar met een e-mailadres."))
    action.link_version += 1
    action.link_revoked = False
    action.save(update_fields=["link_version", "link_revoked", "updated_at"])
    OwnerLink.objects.filter(action=action).delete()
    audit_record(workspace=action.process.workspace_id, action="action.link_renew", target=action)
    _notify_assigned(action)
    return action


@transaction.atomic
def feedback_plan_save(*, process, who="", what="", where="", when="", how="") -> FeedbackPlan:
    values = {}
    for field, value, label in (
        ("who", who, _("wie")),
        ("what", what, _("wat")),
        ("where", where, _("waar")),
        ("when", when, _("wanneer")),
        ("how", how, _("hoe")),
    ):
        values[field] = cleaning.block(value, max_len=limits.SHORT_TEXT_MAX, label=label)
    plan, _created = FeedbackPlan.objects.update_or_create(process=process, defaults=values)
    return plan
