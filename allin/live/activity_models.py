"""What the live activities store. Every answer is a row keyed to one attendee, with database constraints for the
one-per-person rules, so a retry, a double tap or two requests at once can never count twice."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

WORD_MAX = 40
REASON_MAX = 300
DREAM_MAX = 1000
PLAN_TITLE_MAX = 120
PLAN_TEXT_MAX = 1000
PLAN_SHORT_MAX = 300
COMMITMENT_MAX = 500
ALT_MAX = 200
DOTS_MAX = 10


class WordAnswer(models.Model):
    """One answer in a word cloud (1 to 3 words), with its normalised spelling for counting."""

    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="word_answers")
    attendee = models.ForeignKey(
        "live.Attendee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    client_id = models.UUIDField()
    text = models.CharField(max_length=WORD_MAX)
    word = models.CharField(max_length=WORD_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "client_id"], name="one_word_per_client_id")
        ]

    def __str__(self):
        return self.text


class WordAlias(models.Model):
    """The facilitator's corrections: `word` counts as `target`, or is hidden from the cloud."""

    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="word_aliases")
    word = models.CharField(max_length=WORD_MAX)
    target = models.CharField(max_length=WORD_MAX, blank=True)
    hidden = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "word"], name="one_alias_per_word")]

    def __str__(self):
        return f"{self.word} → {self.target or '∅'}"


class VoteOption(models.Model):
    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="vote_options")
    label = models.CharField(max_length=280)
    note = models.ForeignKey("live.Note", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    theme = models.ForeignKey(
        "live.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    order = models.PositiveIntegerField(default=0)
    hidden = models.BooleanField(default=False)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label


class Vote(models.Model):
    """One dot. `slot` numbers an attendee's dots on a ballot (0..dots-1) and `copy` numbers their dots on one
    option; the two unique constraints make the dot limit and the one-per-option rule hold in the database."""

    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(VoteOption, on_delete=models.CASCADE, related_name="votes")
    attendee = models.ForeignKey("live.Attendee", on_delete=models.CASCADE, related_name="votes")
    ballot = models.CharField(max_length=40, blank=True)
    slot = models.PositiveSmallIntegerField()
    copy = models.PositiveSmallIntegerField(default=0)
    # The phone's key for this tap: a resent or double-tapped dot finds the dot it made (empty: the console's
    # or an older phone's dot, which never resends).
    client_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "ballot", "attendee", "slot"], name="one_dot_per_slot"
            ),
            models.UniqueConstraint(fields=["activity", "client_id"], name="one_dot_per_client_id"),
            models.UniqueConstraint(
                fields=["activity", "ballot", "attendee", "option", "copy"], name="one_dot_per_option_copy"
            ),
            models.CheckConstraint(condition=Q(slot__lt=DOTS_MAX), name="at_most_ten_dots"),
        ]

    def __str__(self):
        return f"{self.ballot}: {self.option_id}"


class ConsentAnswer(models.Model):
    class Answer(models.TextChoices):
        YES = "ja", _("Ja")
        CONCERN = "zorg", _("Ja, met een zorg")
        NO = "nee", _("Nee")

    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="consent_answers")
    attendee = models.ForeignKey("live.Attendee", on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(max_length=10, choices=Answer.choices)
    reason = models.CharField(max_length=REASON_MAX, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "attendee"], name="one_consent_per_attendee"),
            models.CheckConstraint(
                condition=Q(answer="ja") | ~Q(reason=""), name="consent_reason_unless_yes"
            ),
        ]

    def __str__(self):
        return self.answer


class Table(models.Model):
    """A conversation table: its question cards are shown one at a time; the table leader moves them on."""

    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=40)
    leader = models.ForeignKey(
        "live.Attendee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    card_index = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "number"], name="one_table_number"),
            models.UniqueConstraint(
                fields=["activity", "leader"], condition=Q(leader__isnull=False), name="one_table_per_leader"
            ),
        ]

    def __str__(self):
        return self.name


class TableSeat(models.Model):
    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="seats")
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="seats")
    attendee = models.ForeignKey("live.Attendee", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["activity", "attendee"], name="one_seat_per_attendee")]

    def __str__(self):
        return f"{self.table}: {self.attendee_id}"


def photo_path(instance, filename):
    return f"fotokaarten/{instance.workspace_id}/{filename}"


def new_photo_token() -> str:
    """192 random bits: the public image routes name a card by this, so nobody reaches a card by counting."""
    return secrets.token_urlsafe(24)


class PhotoCard(models.Model):
    """A photo card of the future dream, uploaded per workspace; re-encoded on upload, alt text required."""

    workspace = models.ForeignKey(
        "workspaces.Workspace", on_delete=models.CASCADE, related_name="photo_cards"
    )
    # Empty for a card of the shipped set (live.photo_set): `stock` names its drawing instead.
    image = models.ImageField(upload_to=photo_path, width_field="width", height_field="height", blank=True)
    stock = models.CharField(max_length=40, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(_("beschrijving"), max_length=ALT_MAX)
    token = models.CharField(max_length=64, unique=True, default=new_photo_token, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "stock"],
                condition=~models.Q(stock=""),
                name="one_stock_card_per_workspace",
            )
        ]

    def __str__(self):
        return self.alt_text


class Dream(models.Model):
    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="dreams")
    attendee = models.ForeignKey("live.Attendee", on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=DREAM_MAX)
    photo = models.ForeignKey(PhotoCard, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "attendee"], name="one_dream_per_attendee")
        ]

    def __str__(self):
        return self.text[:40]


class Plan(models.Model):
    """A concrete plan or an agreement-card row: the fields the method's plans item names (kinds/plans.py)."""

    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="plans")
    attendee = models.ForeignKey(
        "live.Attendee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    client_id = models.UUIDField()
    title = models.CharField(max_length=PLAN_TITLE_MAX)
    what = models.CharField(max_length=PLAN_TEXT_MAX)
    who = models.CharField(max_length=PLAN_SHORT_MAX, blank=True)
    # The columns a method may name besides title, what and who (kinds/plans.py maps its field names on them).
    organisation = models.CharField(max_length=PLAN_SHORT_MAX, blank=True)
    when = models.CharField(max_length=PLAN_SHORT_MAX, blank=True)
    how = models.CharField(max_length=PLAN_TEXT_MAX, blank=True)
    # The network card the organisation's name matched, so the row lands on that organisation's agreement card.
    partner = models.ForeignKey(
        "network.Partner", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The group that sent it (phones linked to a participant of the meeting's group plan): the quota per group.
    group = models.ForeignKey(
        "groups.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_note = models.ForeignKey(
        "live.Note", on_delete=models.SET_NULL, null=True, blank=True, related_name="plans"
    )
    hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "client_id"], name="one_plan_per_client_id")
        ]

    def __str__(self):
        return self.title


class Commitment(models.Model):
    activity = models.ForeignKey("live.Activity", on_delete=models.CASCADE, related_name="commitments")
    attendee = models.ForeignKey("live.Attendee", on_delete=models.CASCADE, related_name="+")
    personal = models.CharField(max_length=COMMITMENT_MAX)
    organisation = models.CharField(max_length=COMMITMENT_MAX, blank=True)
    action = models.CharField(max_length=COMMITMENT_MAX, blank=True)
    # Shown on the projector only when the attendee allows it.
    share = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "attendee"], name="one_commitment_per_attendee")
        ]

    def __str__(self):
        return self.personal[:40]
