"""A meeting in progress. Everything a screen shows is derived from these rows, so a server restart or a
reconnect brings every phone, projector and console back exactly as it was."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from allin.methods.activities import LIVE_ACTIVITIES
from allin.processes.models import AgendaItem, Meeting

NOTE_MAX = 280
NAME_MAX = 40
CATEGORY_MAX = 60
THEME_MAX = 80
PROMPT_MAX = 300
# Kinds whose phones post notes (post-its) onto a board.
NOTE_KINDS = {"notes", "parking", "hopes_fears", "tips_tops"}


def new_join_key():
    # 192 random bits: the QR code's link joins without the code-guessing limit (see room.py).
    return secrets.token_urlsafe(24)


class LiveMeeting(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="live")
    code = models.CharField(max_length=6, unique=True)
    # The projector page is reachable without a login, so it sits behind this secret;
    # replacing it revokes links.
    projector_key = models.CharField(max_length=64)
    base_url = models.CharField(max_length=200)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    current_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    item_started_at = models.DateTimeField(null=True, blank=True)
    show_join = models.BooleanField(default=True)
    # A countdown the facilitator starts for any activity; the projector shows it large.
    timer_ends_at = models.DateTimeField(null=True, blank=True)
    timer_seconds = models.PositiveIntegerField(null=True, blank=True)
    show_parking = models.BooleanField(default=False)
    # How many phones may join (None: derived from the expected attendance, room.py); closed: no new phones.
    room_size = models.PositiveIntegerField(null=True, blank=True)
    room_closed = models.BooleanField(default=False)
    # Moderation: phones' notes wait (Note.held) until the facilitator lets them through (moderation.py).
    moderated = models.BooleanField(default=False)
    join_key = models.CharField(max_length=64, default=new_join_key)
    # Bumped by every change a screen could show (events.py); every push carries it, so a screen that sees a
    # gap, reconnects or has been quiet asks for what changed since its version.
    version = models.PositiveBigIntegerField(default=0)
    # The version of the last change the phones' stage shows, and of the last change projector and consoles
    # can only show by a whole new stage (not a single new note): a screen behind these refetches its stage.
    stage_version = models.PositiveBigIntegerField(default=0)
    screens_version = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.meeting} ({self.code})"

    @property
    def is_open(self):
        return self.closed_at is None


class ItemRun(models.Model):
    """When an agenda item was on during the meeting: the agenda as held, for the report."""

    live = models.ForeignKey(LiveMeeting, on_delete=models.CASCADE, related_name="item_runs")
    item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, related_name="+")
    # The title as it was then, so a later edit or removal of the item does not rewrite history.
    title = models.CharField(max_length=200)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "pk"]

    def __str__(self):
        return self.title


class AttendeeRole(models.TextChoices):
    YOUTH = "jongere", _("jongere")
    PROFESSIONAL = "professional", _("professional")
    MUNICIPALITY = "gemeente", _("gemeente")
    OTHER = "anders", _("anders")


class Attendee(models.Model):
    """Someone who joined on a phone with the code. No account: a signed cookie holds `key`."""

    live = models.ForeignKey(LiveMeeting, on_delete=models.CASCADE, related_name="attendees")
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=NAME_MAX, blank=True)
    role = models.CharField(_("rol"), max_length=20, choices=AttendeeRole.choices)
    joined_at = models.DateTimeField(auto_now_add=True)
    # Linked by the facilitator (or at the door) to the known participant this phone is; never shown publicly.
    participant = models.ForeignKey(
        "people.Participant", on_delete=models.SET_NULL, null=True, blank=True, related_name="attendees"
    )
    # "Everything from this phone hidden": its notes so far are hidden and its new ones wait (moderation.py).
    muted = models.BooleanField(default=False)

    def __str__(self):
        return self.name or str(_("anoniem"))


def _kind_choices():
    """The method files' live activities (allin.methods.activities, the one list) and the parking board,
    which every live meeting has."""
    types = list(LIVE_ACTIVITIES.items())
    return {
        value.upper(): (value, label)
        for value, label in [types[0], ("parking", _("Parkeerbord")), *types[1:]]
    }


class Activity(models.Model):
    Kind = models.TextChoices("Kind", _kind_choices())

    class GroupBy(models.TextChoices):
        CATEGORY = "category", _("per categorie")
        THEME = "theme", _("per thema")

    live = models.ForeignKey(LiveMeeting, on_delete=models.CASCADE, related_name="activities")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NOTES)
    prompt = models.CharField(max_length=PROMPT_MAX, blank=True)
    categories = models.JSONField(default=list, blank=True)
    is_open = models.BooleanField(default=True)
    revealed = models.BooleanField(default=True)
    group_by = models.CharField(max_length=10, choices=GroupBy.choices, default=GroupBy.CATEGORY)
    # Settings of the kind (dots and ballots of a vote, the year of a future dream, ...) and what the projector
    # is showing within it (the dream or commitment being presented).
    config = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["live", "item"], condition=Q(item__isnull=False), name="one_activity_per_item"
            ),
            models.UniqueConstraint(fields=["live"], condition=Q(kind="parking"), name="one_parking_board"),
        ]

    def __str__(self):
        return self.prompt or self.get_kind_display()

    @property
    def takes_notes(self):
        return self.kind in NOTE_KINDS


class Theme(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("naam"), max_length=THEME_MAX)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class Note(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="notes")
    attendee = models.ForeignKey(
        Attendee, on_delete=models.SET_NULL, null=True, blank=True, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Made by the phone before sending; a retried or double-tapped post carries the same id
    # and finds this row.
    client_id = models.UUIDField()
    text = models.CharField(max_length=NOTE_MAX)
    category = models.CharField(max_length=CATEGORY_MAX, blank=True)
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="notes")
    show_name = models.BooleanField(default=False)
    hidden = models.BooleanField(default=False)
    # Waiting for the facilitator (moderation): hidden too, until let through.
    held = models.BooleanField(default=False)
    # The conversation table that wrote it (question cards) or the future dream it answers.
    table = models.ForeignKey("Table", on_delete=models.SET_NULL, null=True, blank=True, related_name="notes")
    dream = models.ForeignKey(
        "Dream", on_delete=models.SET_NULL, null=True, blank=True, related_name="reactions"
    )
    # Hopes and fears from phase A, looked back on at the close of phase B: did it come true?
    came_true = models.CharField(
        max_length=10, blank=True, choices=[("ja", _("ja")), ("deels", _("deels")), ("nee", _("nee"))]
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The meeting's version when this note was added: a screen behind it gets the note in its delta.
    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "client_id"], name="one_note_per_client_id")
        ]
        indexes = [models.Index(fields=["activity", "version"], name="note_activity_version")]

    def __str__(self):
        return self.text[:40]

    @property
    def public_name(self):
        """The name the projector may show: only when the attendee chose to show it on this note."""
        if self.show_name and self.attendee_id and self.attendee.name:
            return self.attendee.name
        return ""


from .activity_models import (  # noqa: E402,F401  (models of the activities; imported so Django registers them)
    Commitment,
    ConsentAnswer,
    Dream,
    PhotoCard,
    Plan,
    Table,
    TableSeat,
    Vote,
    VoteOption,
    WordAlias,
    WordAnswer,
)
from .cohost_models import CoHost  # noqa: E402,F401  (the co-host of a meeting: cohost.py)
