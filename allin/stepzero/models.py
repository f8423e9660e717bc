"""Step 0, the preparation before the first meeting (from the child-poverty series, offered to every method):
what already exists, the managers' commitment and how they want to be kept informed, the project team and its
debrief after each meeting, a case library per workspace, and one fixed participant per organisation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.network.models import Partner
from allin.people.models import Participant
from allin.processes.models import Meeting, Process
from allin.workspaces.models import Workspace

TEXT_MAX = 2000
ROWS_PER_PROCESS_MAX = 200
CASES_PER_WORKSPACE_MAX = 200
KICKOFF_TITLE = "Startmoment met leidinggevenden"  # the child-poverty series' own item has this title
# Agenda items whose screen shows a part of step 0 on the projector (the child-poverty series has both; any method's
# agenda may have an item with such a title): what already exists, and the meeting's picked case.
INVENTORY_ITEM_TITLE = "Wat is er al?"
CASE_ITEM_WORD = "casus"


class Align(models.TextChoices):
    YES = "ja", _("ja")
    NO = "nee", _("nee")
    LATER = "later", _("later")


class InventoryItem(models.Model):
    """A local programme, project or consultation table that already touches the theme ("Wat is er al?")."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="inventory")
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    runs_it = models.CharField(_("wie trekt het"), max_length=limits.NAME_MAX, blank=True)
    domain = models.CharField(_("domein"), max_length=limits.NAME_MAX, blank=True)
    touches = models.TextField(_("raakt het thema zo"), max_length=TEXT_MAX, blank=True)
    contact = models.CharField(_("contact"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    align = models.CharField(_("afstemmen?"), max_length=10, choices=Align.choices, default=Align.LATER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class InformHow(models.TextChoices):
    EMAIL = "email", _("per e-mail")
    PHONE = "telefoon", _("telefonisch")
    MEETING = "gesprek", _("in een gesprek")
    REPORT = "verslag", _("met het verslag")


class InformWhen(models.TextChoices):
    EACH = "elke", _("na elke bijeenkomst")
    HALFWAY = "halverwege", _("halverwege de reeks")
    END = "einde", _("aan het einde")


class Kickoff(models.TextChoices):
    UNKNOWN = "", _("nog niet gevraagd")
    INVITED = "uitgenodigd", _("uitgenodigd")
    COMING = "komt", _("komt")
    NOT_COMING = "komt-niet", _("komt niet")


class Manager(models.Model):
    """A manager of a participating organisation: their mandate and how and when they want to hear how it goes.
    The facilitator gets a reminder at each of those moments (reminders.py)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="managers")
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    organisation = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    position = models.CharField(_("functie"), max_length=limits.NAME_MAX, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=limits.EMAIL_MAX, blank=True)
    inform_how = models.CharField(_("hoe op de hoogte houden"), max_length=10, choices=InformHow.choices)
    inform_when = models.CharField(
        _("wanneer op de hoogte houden"), max_length=12, choices=InformWhen.choices
    )
    kickoff = models.CharField(
        _("startmoment"), max_length=12, choices=Kickoff.choices, blank=True, default=""
    )
    note = models.CharField(_("afspraak over terugkoppeling"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "name", "pk"]

    def __str__(self):
        return self.name


class ManagerReminder(models.Model):
    """A reminder that went to the facilitator: one per manager and moment, so a rerun sends nothing twice."""

    manager = models.ForeignKey(Manager, on_delete=models.CASCADE, related_name="reminders")
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["manager", "due_on"], name="one_manager_reminder_per_day")
        ]

    def __str__(self):
        return f"{self.manager} {self.due_on}"


class TeamMember(models.Model):
    """A participant in the project team (the "aanjagers") with their role in it."""

    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="team_membership")
    role = models.CharField(_("rol in het projectteam"), max_length=limits.NAME_MAX, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["participant__name", "pk"]

    def __str__(self):
        return str(self.participant)


class Debrief(models.Model):
    """The project team's short debrief after a meeting; it is kept with the meeting and printed in its report."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="debrief")
    went_well = models.TextField(_("wat ging goed"), max_length=TEXT_MAX, blank=True)
    next_time = models.TextField(_("wat doen we de volgende keer anders"), max_length=TEXT_MAX, blank=True)
    who_does_what = models.TextField(_("wie doet wat"), max_length=TEXT_MAX, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.meeting}"


class Case(models.Model):
    """A case description kept per workspace: complex, across domains, with money worries. Used to see who and
    what the collaboration needs, never to solve the case."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="cases")
    title = models.CharField(_("titel"), max_length=limits.TITLE_MAX)
    story = models.TextField(_("de casus"), max_length=limits.TEXT_MAX)
    domains = models.CharField(_("domeinen"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    questions = models.TextField(_("vragen bij de casus"), max_length=TEXT_MAX, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title


class MeetingCase(models.Model):
    """The case picked for one meeting."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="picked_case")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="meetings")

    def __str__(self):
        return f"{self.case} @ {self.meeting}"


class FixedParticipant(models.Model):
    """The one participant who comes to every meeting for their organisation and brings other colleagues."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="fixed_participants")
    organisation = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+")
    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="fixed_for")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["process", "organisation"], name="one_fixed_participant_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.participant} ({self.organisation})"
