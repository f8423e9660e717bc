"""People of a process: participants, their invitations and attendance, and when their personal data goes."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.network.models import Partner
from allin.processes.models import Meeting, Process

REMARK_MAX = 200
BRING_MAX = limits.SHORT_TEXT_MAX
INFO_NOTE_MAX = 1000


class ParticipantRole(models.TextChoices):
    YOUTH = "jongere", _("jongere")
    PROFESSIONAL = "professional", _("professional")
    POLICY = "beleidsmaker", _("beleidsmaker")
    EXPERT = "ervaringsdeskundige", _("ervaringsdeskundige")
    TEACHER = "docent", _("docent")
    OTHER = "overig", _("overig")


class Participant(models.Model):
    """A known person in a process. Youth: a first name is enough."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    role = models.CharField(_("rol"), max_length=30, choices=ParticipantRole.choices)
    organisation = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="participants"
    )
    domain = models.CharField(_("domein"), max_length=limits.NAME_MAX, blank=True)
    is_expert = models.BooleanField(_("getrainde ervaringsdeskundige"), default=False)
    email = models.EmailField(_("e-mailadres"), max_length=limits.EMAIL_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # A number within the process, given at creation; an erased participant is called "Deelnemer <number>".
    number = models.PositiveIntegerField(default=0)
    # Set when the personal data was erased (on request or after the process's erase date).
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def is_erased(self):
        return self.erased_at is not None


class ProcessPrivacy(models.Model):
    """When the personal data of a process's participants is erased. Without a row the default applies:
    twelve months after the last meeting (see selectors.erase_date)."""

    process = models.OneToOneField(Process, on_delete=models.CASCADE, related_name="privacy")
    erase_on = models.DateField(_("persoonsgegevens wissen op"))
    erased_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.process}: {self.erase_on}"


class MeetingInfo(models.Model):
    """Practical details for the invitation e-mail that the meeting itself does not hold."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="invitation_info")
    bring = models.CharField(_("wat neem je mee"), max_length=BRING_MAX, blank=True)
    note = models.TextField(_("extra informatie"), max_length=INFO_NOTE_MAX, blank=True)

    def __str__(self):
        return str(self.meeting)


class RsvpAnswer(models.TextChoices):
    YES = "ja", _("ja")
    NO = "nee", _("nee")
    MAYBE = "misschien", _("misschien")


def new_secret():
    """Named by the first migrations (the column they made is gone: RsvpLink keeps only hashes)."""
    return secrets.token_urlsafe(16)


class Invitation(models.Model):
    """One participant invited to one meeting. A personal RSVP link is a signed token naming this row and a
    random secret of its own, whose hash only an RsvpLink keeps; revoked_at (and removing the links) makes old
    links useless."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="invitations")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participant_invitations")
    # Sent in one e-mail with the other meetings of the series.
    series = models.BooleanField(default=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(default=0)
    answer = models.CharField(_("antwoord"), max_length=10, choices=RsvpAnswer.choices, blank=True)
    remark = models.CharField(_("opmerking"), max_length=REMARK_MAX, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting__date", "participant__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "meeting"], name="one_invitation_per_meeting")
        ]

    def __str__(self):
        return f"{self.participant} → {self.meeting}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class RsvpLink(models.Model):
    """One RSVP link sent to the participant (every invitation or reminder e-mail brings a new one): the hash
    of its random secret. Older links keep working until the invitation is revoked or the person erased."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="links")
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.invitation_id}"


class AttendanceSource(models.TextChoices):
    LIST = "lijst", _("aangevinkt")
    LIVE = "live", _("via de telefoon")


class Attendance(models.Model):
    """A participant was there. A row means present; unticking removes it."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attendances")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    source = models.CharField(max_length=10, choices=AttendanceSource.choices, default=AttendanceSource.LIST)
    marked_at = models.DateTimeField(auto_now_add=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["participant__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "meeting"], name="one_attendance_per_meeting")
        ]

    def __str__(self):
        return f"{self.participant} @ {self.meeting}"
