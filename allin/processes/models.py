from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.methods.loader import get_method
from allin.methods.tools import NEUTRAL_LABELS
from allin.workspaces.models import Workspace


class Process(models.Model):
    """A traject: one run of a method in one workspace. The method's phases and meetings are copied in at
    creation, so later edits to the method library never change a running process."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="processes")
    method_slug = models.CharField(max_length=40)
    method_name = models.CharField(max_length=limits.NAME_MAX)
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    theme = models.CharField(_("thema"), max_length=limits.NAME_MAX, blank=True)
    start_date = models.DateField(_("startdatum"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Optional parts (methods.schema.TOOL_KEYS) the facilitator switched on although the method lacks them.
    tools_on = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name

    def method_tools(self) -> dict:
        method = get_method(self.method_slug)
        return dict(method.tools) if method else {}

    @property
    def tools(self) -> dict:
        """The optional parts in use, each under its name: the method's own words for its parts, the neutral
        words for a part switched on from another method."""
        own = self.method_tools()
        names = {key: label or NEUTRAL_LABELS[key] for key, label in own.items()}
        for key in self.tools_on:
            if key in NEUTRAL_LABELS and key not in names:
                names[key] = NEUTRAL_LABELS[key]
        return {key: names[key] for key in NEUTRAL_LABELS if key in names}

    def tool_native(self, key) -> bool:
        return key in self.method_tools()


class Phase(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phases")
    key = models.CharField(max_length=20)
    name = models.CharField(max_length=limits.NAME_MAX)
    description = models.TextField(blank=True)
    assignments = models.JSONField(default=list, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.name


class Meeting(models.Model):
    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("Op locatie")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybride: op locatie en online")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="meetings")
    phase = models.ForeignKey(
        Phase, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    method_key = models.CharField(max_length=40, blank=True)
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    description = models.TextField(_("beschrijving"), blank=True, max_length=3000)
    audience = models.CharField(_("voor wie"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"))
    location = models.CharField(_("plaats"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    online_link = models.URLField(_("online link"), max_length=limits.URL_MAX, blank=True)
    # Online and hybrid meetings work in groups in breakout rooms of the video tool the facilitator names
    # (Werk aan Netwerk's online variant); each group may carry its room's link (groups.Group.room_link).
    mode = models.CharField(_("vorm"), max_length=12, choices=Mode.choices, default=Mode.IN_PERSON)
    video_tool = models.CharField(_("vergadertool"), max_length=limits.NAME_MAX, blank=True)
    planned_minutes = models.PositiveIntegerField(
        _("geplande duur (minuten)"),
        validators=[
            MinValueValidator(limits.MEETING_MINUTES_MIN, _("Een bijeenkomst duurt minstens 15 minuten.")),
            MaxValueValidator(limits.MEETING_MINUTES_MAX, _("Een bijeenkomst duurt hoogstens 480 minuten.")),
        ],
    )
    order = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "start_time", "order"]

    def __str__(self):
        return self.name

    @property
    def has_online_groups(self) -> bool:
        return self.mode in (self.Mode.ONLINE, self.Mode.HYBRID)


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        ITEM = "item", _("onderdeel")
        BREAK = "break", _("pauze")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(_("titel"), max_length=limits.TITLE_MAX)
    duration = models.PositiveIntegerField(
        _("duur (minuten)"),
        validators=[
            MinValueValidator(limits.DURATION_MIN, _("Een onderdeel duurt minstens 1 minuut.")),
            MaxValueValidator(limits.DURATION_MAX, _("Een onderdeel duurt hoogstens 240 minuten.")),
        ],
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.ITEM)
    goals = models.JSONField(default=list, blank=True)
    instructions = models.TextField(_("werkwijze"), blank=True, max_length=limits.TEXT_MAX)
    materials = models.JSONField(default=list, blank=True)
    activity = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_break(self):
        return self.kind == self.Kind.BREAK


class Checklist(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="checklists")
    title = models.CharField(_("titel"), max_length=limits.NAME_MAX)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class ChecklistItem(models.Model):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="items")
    text = models.CharField(_("tekst"), max_length=limits.SHORT_TEXT_MAX)
    order = models.PositiveIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    @property
    def is_done(self):
        return self.done_at is not None
