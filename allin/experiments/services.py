"""Writes for the working group, its urgent question and the experiment log. Keyword-only, one transaction each,
validated before anything is saved, so a refused request changes nothing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from allin.core import limits
from allin.core.text import checked_line as _line
from allin.core.text import checked_text
from allin.people.models import Participant
from allin.processes.models import Process

from .models import (
    EXPERIMENT_TEXT_MAX,
    EXPERIMENTS_PER_PROCESS_MAX,
    QUESTION_MAX,
    TASK_MAX,
    Experiment,
    ExperimentStatus,
    QuestionVersion,
    WorkingGroupMember,
)


def _text(value, *, label, required=False):
    return checked_text(value, max_len=EXPERIMENT_TEXT_MAX, label=label, required=required)


# Working group


@transaction.atomic
def member_add(*, participant: Participant, task: str = "") -> WorkingGroupMember:
    """Idempotent: adding someone who is already a member only updates the task."""
    if participant.is_erased:
        raise ValidationError(_("De gegevens van deze deelnemer zijn gewist; kies iemand anders."))
    task = _line(task, max_len=TASK_MAX, label=_("de taak"))
    member, _created = WorkingGroupMember.objects.update_or_create(
        participant=participant, defaults={"task": task}
    )
    return member


@transaction.atomic
def member_remove(*, member: WorkingGroupMember) -> None:
    member.delete()


# The urgent question


@transaction.atomic
def question_set(*, process: Process, text: str, why: str = "", user=None) -> QuestionVersion:
    """A new wording becomes the question; the earlier ones stay as its history. The same wording twice in a row
    (a double click, a retried POST) adds nothing."""
    text = _line(text, max_len=QUESTION_MAX, label=_("de vraag"), required=True)
    why = _line(why, max_len=limits.SHORT_TEXT_MAX, label=_("de toelichting"))
    Process.objects.select_for_update().filter(pk=process.pk).first()
    current = process.question_versions.order_by("-set_at", "-pk").first()
    if current is not None and current.text == text and current.why == why:
        return current
    return QuestionVersion.objects.create(process=process, text=text, why=why, set_by=user)


# Experiments


def _clean_experiment(
    *, question, hypothesis, step, who, starts_on, ends_on, status, result, learned, next_step
):
    if status not in ExperimentStatus.values:
        raise ValidationError(_("Kies een status uit de lijst."))
    for value in (starts_on, ends_on):
        if value is not None and not isinstance(value, date):
            raise ValidationError(_("Vul een geldige datum in."))
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError(_("De einddatum ligt voor de begindatum. Kies een latere einddatum."))
    fields = {
        "question": _line(question, max_len=QUESTION_MAX, label=_("wat jullie testen"), required=True),
        "hypothesis": _text(hypothesis, label=_("wat jullie verwachten")),
        "step": _text(step, label=_("de kleine stap"), required=True),
        "who": _line(who, max_len=limits.SHORT_TEXT_MAX, label=_("wie het doet")),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "status": status,
        "result": _text(result, label=_("het resultaat")),
        "learned": _text(learned, label=_("wat jullie leerden")),
        "next_step": _text(next_step, label=_("de volgende stap")),
    }
    if status in (ExperimentStatus.DONE, ExperimentStatus.STOPPED) and not (
        fields["result"] or fields["learned"]
    ):
        raise ValidationError(
            _(
                "Een experiment dat klaar of gestopt is, heeft een resultaat of een les. Vul minstens een van beide in."
            )
        )
    return fields


@transaction.atomic
def experiment_create(
    *,
    process: Process,
    question: str,
    step: str,
    hypothesis: str = "",
    who: str = "",
    starts_on=None,
    ends_on=None,
    status: str = ExperimentStatus.IDEA,
    result: str = "",
    learned: str = "",
    next_step: str = "",
    follows: Experiment | None = None,
    user=None,
) -> Experiment:
    fields = _clean_experiment(
        question=question,
        hypothesis=hypothesis,
        step=step,
        who=who,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        result=result,
        learned=learned,
        next_step=next_step,
    )
    if follows is not None and follows.process_id != process.pk:
        raise ValidationError(_("Een vervolg hoort bij een experiment van hetzelfde traject."))
    # Lock the process so two experiments added at once cannot take the same number.
    Process.objects.select_for_update().filter(pk=process.pk).first()
    if process.experiments.count() >= EXPERIMENTS_PER_PROCESS_MAX:
        raise ValidationError(
            _("Een traject heeft hoogstens %(max)d experimenten.") % {"max": EXPERIMENTS_PER_PROCESS_MAX}
        )
    number = (process.experiments.aggregate(n=Max("number"))["n"] or 0) + 1
    return Experiment.objects.create(
        process=process, number=number, follows=follows, created_by=user, **fields
    )


@transaction.atomic
def experiment_update(*, experiment: Experiment, **values) -> Experiment:
    """values: every field of _clean_experiment (a form never leaves one out)."""
    fields = _clean_experiment(**values)
    for key, value in fields.items():
        setattr(experiment, key, value)
    experiment.save()
    return experiment


@transaction.atomic
def experiment_delete(*, experiment: Experiment) -> None:
    """Its follow-ups stay, without the link back."""
    experiment.delete()
