"""Writes for the feedback page (terugkoppeling): prepare, publish all answers at once, and the youth's
reactions (verweer) with their moderation and replies."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.audit.services import audit_record
from allin.core import limits, ratelimit

from . import cleaning, tip_answers
from .feedback_models import (
    REACTION_MAX,
    REPLY_MAX,
    FeedbackPage,
    ProgressMode,
    Reaction,
    ReactionStatus,
    new_key,
)
from .models import Action

# One address may send this many reactions per hour (a class on school wifi shares one address).
REACTIONS_PER_HOUR = 10
REACTION_WINDOW_SECONDS = 3600


def feedback_page_for(process) -> FeedbackPage:
    page, _created = FeedbackPage.objects.get_or_create(process=process)
    return page


@transaction.atomic
def feedback_settings(
    *, process, intro: str = "", reactions_open: bool = True, contact: str = "", progress_mode: str = ""
) -> FeedbackPage:
    page = feedback_page_for(process)
    page.intro = cleaning.block(intro, max_len=limits.TEXT_MAX, label=_("het woord vooraf"))
    page.reactions_open = bool(reactions_open)
    page.contact = cleaning.line(contact, max_len=limits.SHORT_TEXT_MAX, label=_("het contact"))
    if progress_mode:
        if progress_mode not in ProgressMode.values:
            raise ValidationError(_("Kies wanneer de voortgang van eigenaren op de pagina komt."))
        page.progress_mode = progress_mode
    page.save(update_fields=["intro", "reactions_open", "contact", "progress_mode"])
    return page


def _answered(process):
    return Action.objects.filter(process=process, sources__isnull=False).distinct()


@transaction.atomic
def feedback_publish(*, process) -> int:
    """Publish every answer (status, reason and explanation of each action linked to a youth tip) at once.
    Until this runs nothing is public; after it, answers that changed since show as new. Returns how many
    answers changed."""
    feedback_page_for(process)
    page = FeedbackPage.objects.select_for_update().get(process=process)
    ids = list(_answered(process).values_list("pk", flat=True))
    actions = list(Action.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    now = timezone.now()
    answered, open_tips = tip_answers.publish(process=process, now=now)
    if not actions and not answered:
        raise ValidationError(
            _(
                "Er is nog niets te publiceren: koppel eerst acties aan tips of ideeën van jongeren, "
                "of geef tips een antwoord."
            )
        )
    changed = []
    for action in actions:
        public = (action.status, action.answer, action.status_reason)
        if action.public_at is None or public != (
            action.public_status,
            action.public_answer,
            action.public_reason,
        ):
            action.public_status, action.public_answer, action.public_reason = public
            action.public_at = now
            changed.append(action)
    Action.objects.bulk_update(changed, ["public_status", "public_answer", "public_reason", "public_at"])
    page.published_at = now
    page.first_published_at = page.first_published_at or now
    page.unanswered_at_publish = open_tips
    page.save(update_fields=["published_at", "first_published_at", "unanswered_at_publish"])
    audit_record(
        workspace=process.workspace_id,
        action="feedback.publish",
        target=page,
        summary=_("%(changed)d van %(total)d antwoorden nieuw of veranderd")
        % {"changed": len(changed), "total": len(actions) + answered},
    )
    return len(changed)


@transaction.atomic
def feedback_unpublish(*, process) -> FeedbackPage:
    """Take the page offline (the link then says so); publishing again brings it back."""
    page = feedback_page_for(process)
    page.published_at = None
    page.save(update_fields=["published_at"])
    audit_record(workspace=process.workspace_id, action="feedback.unpublish", target=page)
    return page


@transaction.atomic
def feedback_key_renew(*, process) -> FeedbackPage:
    """A new secret link (and QR code); the old one stops working."""
    page = feedback_page_for(process)
    page.key = new_key()
    page.save(update_fields=["key"])
    return page


def _client_id(value):
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (TypeError, ValueError):
        raise ValidationError(_("Deze aanvraag is niet compleet. Laad de pagina opnieuw.")) from None


@transaction.atomic
def reaction_create(*, page: FeedbackPage, action: Action, text: str, client_id, address: str) -> Reaction:
    """A youth's anonymous reaction to one published answer. It waits for a facilitator before it shows."""
    client_id = _client_id(client_id)
    existing = Reaction.objects.filter(action=action, client_id=client_id).first()
    if existing is not None:
        return existing
    page = FeedbackPage.objects.get(pk=page.pk)
    action = Action.objects.get(pk=action.pk)
    if not page.is_published or action.process_id != page.process_id or action.public_at is None:
        raise ValidationError(_("Op dit antwoord kun je (nog) niet reageren."))
    if not page.reactions_open:
        raise ValidationError(_("Reageren kan niet meer. Dank je wel voor het lezen!"))
    text = cleaning.line(text, max_len=REACTION_MAX, label=_("je reactie"), required=True)
    if ratelimit.hit(f"reaction:{address}", REACTION_WINDOW_SECONDS) > REACTIONS_PER_HOUR:
        raise ValidationError(_("Je hebt al veel reacties gestuurd. Probeer het over een uur nog eens."))
    try:
        with transaction.atomic():
            return Reaction.objects.create(action=action, client_id=client_id, text=text)
    except IntegrityError:
        return Reaction.objects.get(action=action, client_id=client_id)


@transaction.atomic
def reaction_moderate(*, reaction: Reaction, approve: bool) -> Reaction:
    reaction.status = ReactionStatus.APPROVED if approve else ReactionStatus.REJECTED
    reaction.moderated_at = timezone.now()
    reaction.save(update_fields=["status", "moderated_at"])
    audit_record(
        workspace=reaction.action.process.workspace_id,
        action="feedback.moderate",
        target=reaction,
        summary=_("goedgekeurd") if approve else _("afgewezen"),
    )
    return reaction


@transaction.atomic
def reaction_reply(*, reaction: Reaction, text: str, by: str) -> Reaction:
    """The organisation (through its owner link) or the facilitator answers a reaction; shown under it."""
    reaction = Reaction.objects.select_for_update().get(pk=reaction.pk)
    reaction.reply = cleaning.block(text, max_len=REPLY_MAX, label=_("het antwoord"), required=True)
    reaction.reply_by = cleaning.line(by, max_len=limits.NAME_MAX, label=_("de naam"))
    reaction.replied_at = timezone.now()
    reaction.save(update_fields=["reply", "reply_by", "replied_at"])
    audit_record(
        workspace=reaction.action.process.workspace_id,
        actor_label=_("eigenaar via link"),
        action="feedback.reply",
        target=reaction,
    )
    return reaction
