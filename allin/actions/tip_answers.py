"""Every tip gets an answer (ALL-IN phase C): a tip, theme or voted idea that did not become an action gets one
of three answers with an explanation in plain words. Which tips still have no answer, publishing those answers,
and the owners' progress texts that the public page shows without the facilitator republishing."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.core import limits

from . import cleaning, selectors, services
from .feedback_models import TIP_TEXT_MAX, FeedbackPage, ProgressMode, TipAnswer, TipStatus
from .models import ProgressUpdate, SourceKind


@dataclass
class OpenTip:
    ref: str
    label: str
    kind: str
    meeting: object
    answer: TipAnswer | None
    where: str = ""  # where the tip came from, when it is not a meeting (a youth group on the social map)


def _answers(process) -> dict[str, TipAnswer]:
    out = {}
    for answer in TipAnswer.objects.filter(process=process):
        source_id = (
            answer.note_id or answer.theme_id or answer.option_id or answer.finding_id or answer.undercover_id
        )
        ref = f"{answer.kind}-{source_id}"
        out[ref] = answer
    return out


def tips(process) -> list[OpenTip]:
    """Every tip of the process's meetings that has not become an action, with its answer if it has one. A note in
    a theme is answered by its theme; a voted idea made of a note or theme by that note or theme."""
    answers = _answers(process)
    out = []
    for meeting in selectors.ideas(process):
        for board in meeting["boards"]:
            for theme in board["themes"]:  # a theme's notes are answered with their theme
                if not theme.led_to:
                    out.append(
                        OpenTip(
                            theme.ref,
                            theme.name,
                            SourceKind.THEME,
                            meeting["meeting"],
                            answers.get(theme.ref),
                        )
                    )
            for note in board["notes"]:
                if not note.led_to:
                    out.append(
                        OpenTip(
                            note.ref, note.text, SourceKind.NOTE, meeting["meeting"], answers.get(note.ref)
                        )
                    )
        for vote in meeting["votes"]:
            for row in vote["rows"]:
                option = row["option"]
                if option.led_to or option.note_id or option.theme_id:
                    continue  # answered by its action, or by the note or theme it was made of
                out.append(
                    OpenTip(
                        option.ref,
                        option.label,
                        SourceKind.OPTION,
                        meeting["meeting"],
                        answers.get(option.ref),
                    )
                )
    for tip in selectors.social_map_tips(process):
        if not tip.led_to:
            where = _("Sociale kaart, groepje %(group)s") % {"group": tip.group.name}
            out.append(OpenTip(tip.ref, tip.label, tip.kind, tip.group.meeting, answers.get(tip.ref), where))
    return out


def unanswered(process) -> list[OpenTip]:
    return [tip for tip in tips(process) if tip.answer is None]


@transaction.atomic
def tip_answer_save(*, process, ref: str, status: str, text: str, link: str = "") -> TipAnswer:
    """Give a tip its answer, or change it (published at the next publication)."""
    ((kind, source),) = services.source_by_ref(process, ref).items()
    if status not in TipStatus.values:
        raise ValidationError(_("Kies wat er met deze tip gebeurt."))
    text = cleaning.block(text, max_len=TIP_TEXT_MAX, label=_("de uitleg voor jongeren"), required=True)
    link = (link or "").strip()
    if link:
        if len(link) > limits.URL_MAX:
            raise ValidationError(_("De link is te lang."))
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            raise ValidationError(_("Dit is geen geldige link. Begin met https://")) from None
    if status == TipStatus.ALONG and not link and len(text) < 10:
        raise ValidationError(_("Vertel waar jullie de tip in meenemen, of geef een link."))
    if kind in (SourceKind.FINDING, SourceKind.UNDERCOVER):
        label = selectors.social_map_tip_label(source)
    else:
        label = str(
            getattr(source, "text", None) or getattr(source, "name", None) or getattr(source, "label", "")
        )[:280]
    answer, _created = TipAnswer.objects.update_or_create(
        process=process,
        kind=kind,
        **{kind: source},
        defaults={
            "label": label,
            "status": status,
            "text": text,
            "link": link if status == TipStatus.ALONG else "",
        },
    )
    return answer


def publish(*, process, now) -> tuple[int, int]:
    """Called inside feedback_publish: copy every tip answer to its public fields. Returns (answers, unanswered)."""
    answers = list(TipAnswer.objects.select_for_update().filter(process=process))
    for answer in answers:
        answer.public_status, answer.public_text, answer.public_link = answer.status, answer.text, answer.link
        answer.public_at = now
    TipAnswer.objects.bulk_update(answers, ["public_status", "public_text", "public_link", "public_at"])
    return len(answers), len(unanswered(process))


def published(page: FeedbackPage) -> list[dict]:
    """The published tip answers, grouped by answer, in the order of TipStatus."""
    rows = list(TipAnswer.objects.filter(process=page.process, public_at__isnull=False).order_by("pk"))
    return [
        {"status": value, "label": label, "answers": [r for r in rows if r.public_status == value]}
        for value, label in TipStatus.choices
        if any(r.public_status == value for r in rows)
    ]


# Owners' progress on the public page


def shown_progress(page: FeedbackPage, actions) -> dict[int, ProgressUpdate]:
    """The newest progress text of each action's owner that the page may show: any in "direct" mode, only the ones
    the facilitator showed in "review" mode."""
    updates = ProgressUpdate.objects.filter(action__in=actions, via=ProgressUpdate.Via.OWNER).exclude(text="")
    if page.progress_mode == ProgressMode.REVIEW:
        updates = updates.filter(shown_at__isnull=False)
    out = {}
    for update in updates.order_by("-created_at", "-pk"):
        out.setdefault(update.action_id, update)
    return out


def progress_waiting(process):
    return (
        ProgressUpdate.objects.filter(
            action__process=process, via=ProgressUpdate.Via.OWNER, shown_at__isnull=True
        )
        .exclude(text="")
        .select_related("action")
        .order_by("created_at", "pk")
    )


@transaction.atomic
def progress_show(*, update: ProgressUpdate) -> ProgressUpdate:
    update.shown_at = update.shown_at or timezone.now()
    update.save(update_fields=["shown_at"])
    return update
