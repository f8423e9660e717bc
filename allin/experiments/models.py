"""The workbook's backbone (Werkboek 'Samen slim en slagvaardig vernieuwen'): a cross-domain working group, one
urgent and concrete question (every wording kept, so the group sees how it sharpened) and a log of small
experiments, each of which may lead to a follow-up experiment."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.people.models import Participant
from allin.processes.models import Process

QUESTION_MAX = 500
EXPERIMENT_TEXT_MAX = 2000
TASK_MAX = limits.NAME_MAX
EXPERIMENTS_PER_PROCESS_MAX = 200
WORKBOOK_METHOD = "werkboek"


class WorkingGroupMember(models.Model):
    """A participant of the process who is in the working group; organisation and domain are the participant's,
    so erasing the participant erases the member too."""

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="working_group_membership"
    )
    task = models.CharField(_("taak in de werkgroep"), max_length=TASK_MAX, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["participant__name", "pk"]

    def __str__(self):
        return str(self.participant)


class QuestionVersion(models.Model):
    """One wording of the group's urgent question. The newest is the question; the older ones are its history."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="question_versions")
    text = models.CharField(_("urgente vraag"), max_length=QUESTION_MAX)
    why = models.CharField(_("waarom deze vraag"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-set_at", "-pk"]

    def __str__(self):
        return self.text


class ExperimentStatus(models.TextChoices):
    IDEA = "idee", _("idee")
    RUNNING = "loopt", _("loopt")
    DONE = "klaar", _("klaar")
    STOPPED = "gestopt", _("gestopt")


class Experiment(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="experiments")
    number = models.PositiveIntegerField(default=0)  # E1, E2, … within the process
    question = models.CharField(_("wat testen we"), max_length=QUESTION_MAX)
    hypothesis = models.TextField(_("wat verwachten we"), max_length=EXPERIMENT_TEXT_MAX, blank=True)
    step = models.TextField(_("de kleine stap"), max_length=EXPERIMENT_TEXT_MAX)
    who = models.CharField(_("wie"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    starts_on = models.DateField(_("van"), null=True, blank=True)
    ends_on = models.DateField(_("tot"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ExperimentStatus.choices, default=ExperimentStatus.IDEA
    )
    result = models.TextField(_("resultaat"), max_length=EXPERIMENT_TEXT_MAX, blank=True)
    learned = models.TextField(_("wat we leerden"), max_length=EXPERIMENT_TEXT_MAX, blank=True)
    next_step = models.TextField(_("volgende stap"), max_length=EXPERIMENT_TEXT_MAX, blank=True)
    # The experiment this one grew out of ("leidde tot …" on that one).
    follows = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["process", "number"], name="one_experiment_number_per_process")
        ]

    def __str__(self):
        return f"E{self.number} {self.question}"

    @property
    def label(self):
        return f"E{self.number}"


class SourceKind(models.TextChoices):
    NOTE = "note", _("post-it")
    THEME = "theme", _("thema")
    PLAN = "plan", _("plan")


class ExperimentSource(models.Model):
    """What on a live board an experiment came from: a note, a theme or a plan. The label keeps the words as they
    were, so the experiment still says where it came from if the board item is later removed."""

    experiment = models.OneToOneField(Experiment, on_delete=models.CASCADE, related_name="source")
    kind = models.CharField(max_length=10, choices=SourceKind.choices)
    note = models.ForeignKey("live.Note", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    theme = models.ForeignKey(
        "live.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plan = models.ForeignKey("live.Plan", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    meeting_name = models.CharField(max_length=limits.NAME_MAX, blank=True)
    label = models.CharField(max_length=QUESTION_MAX)

    def __str__(self):
        return self.label
