"""Groups per meeting (GroupPlan: Tafel 1, Tafel 2, ...) made by the optimiser in allin.grouping; who has met whom
follows from the plans of held meetings (selectors.encounters)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.people.models import Participant
from allin.processes.models import Meeting

SIZE_MAX = 12


class GroupPlan(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="group_plan")
    min_size = models.PositiveSmallIntegerField(
        _("kleinste groep"), default=3, validators=[MinValueValidator(1), MaxValueValidator(SIZE_MAX)]
    )
    max_size = models.PositiveSmallIntegerField(
        _("grootste groep"), default=5, validators=[MinValueValidator(2), MaxValueValidator(SIZE_MAX)]
    )
    repeats = models.PositiveIntegerField(default=0)
    # The soft goals the optimiser could not meet, and why: its "unmet" list (codes and figures; the groups page
    # says them in Dutch, selectors.plan_notes).
    notes = models.JSONField(default=list, blank=True)
    # The projector shows all groups during a getting-to-know item, or where the facilitator switched them on.
    # The choice holds for the agenda item it was made at (screen_item, an AgendaItem pk; 0 before the start),
    # so moving on to the next item hides the groups again, as the parking board does.
    on_screen = models.BooleanField(default=False)
    screen_item = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.meeting}"


class Group(models.Model):
    plan = models.ForeignKey(GroupPlan, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    leader = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tafelleider"),
    )
    # The group's own breakout room in an online or hybrid meeting; each phone shows its group's link.
    room_link = models.URLField(_("link naar de breakoutroom"), max_length=limits.URL_MAX, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="one_group_number_per_plan")]

    def __str__(self):
        return self.name


class GroupMember(models.Model):
    plan = models.ForeignKey(GroupPlan, on_delete=models.CASCADE, related_name="members")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="group_memberships")
    pinned = models.BooleanField(_("vastgezet"), default=False)

    class Meta:
        ordering = ["participant__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "participant"], name="one_group_per_plan")]

    def __str__(self):
        return f"{self.participant} @ {self.group}"
