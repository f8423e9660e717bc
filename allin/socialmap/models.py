"""Phase A: the social map (help organisations youth found) and the preparations of professionals.

Youth search in groups during their preparation meeting: the words they searched with, the organisations they
found and how they rate them (findability, reachability, clarity, fit for youth: 1 to 5), what they looked for
but did not find, and one undercover assignment per group. Professionals and policy makers fill their own
preparation through a personal link (Preparation); a professional rates their own organisation on the same four
points, which gives the mirror on the social map page."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from allin.core import limits
from allin.processes.models import Meeting, Process

RATING_MIN, RATING_MAX = 1, 5
RATING_FIELDS = ("findability", "reachability", "clarity", "fit")
GROUP_NAME_MAX = 40
WORD_MAX = 40
ANSWER_MAX = 1000  # tops, tips, the case, open answers


def rating_labels() -> dict:
    return {
        "findability": _("Vindbaarheid"),
        "reachability": _("Bereikbaarheid"),
        "clarity": _("Duidelijkheid"),
        "fit": _("Past bij jongeren"),
    }


def _rating_field(label):
    return models.PositiveSmallIntegerField(label, null=True, blank=True)


def _rating_checks(prefix):
    return [
        models.CheckConstraint(
            condition=Q(**{f"{name}__isnull": True})
            | Q(**{f"{name}__gte": RATING_MIN, f"{name}__lte": RATING_MAX}),
            name=f"socialmap_{prefix}_{name}_1_to_5",
        )
        for name in RATING_FIELDS
    ]


class HelpOrganisation(models.Model):
    """An organisation that helps with money worries or debts, as it appears on a process's social map."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="help_organisations")
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    key = models.CharField(max_length=limits.NAME_MAX)  # the name as compared: case and spaces folded
    website = models.URLField(_("website"), max_length=limits.URL_MAX, blank=True)
    partner = models.ForeignKey(
        "network.Partner", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["process", "key"], name="socialmap_one_org_per_name")]

    def __str__(self):
        return self.name


class YouthGroup(models.Model):
    """A group of youth that searched together in a preparation meeting."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="youth_groups")
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    name = models.CharField(_("naam van het groepje"), max_length=GROUP_NAME_MAX)
    key = models.CharField(max_length=GROUP_NAME_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["process", "key"], name="socialmap_one_group_per_name")
        ]

    def __str__(self):
        return self.name


class GroupPhone(models.Model):
    """Which group a phone in a live meeting enters for. `phone` is the live attendee's key (a random UUID), so
    this app needs nothing from the live app."""

    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="phones")
    phone = models.UUIDField(unique=True)

    def __str__(self):
        return f"{self.group}: {self.phone}"


class SearchWord(models.Model):
    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="search_words")
    text = models.CharField(max_length=WORD_MAX)
    word = models.CharField(max_length=WORD_MAX)  # normalised: how words are counted in the cloud
    # Sent by a phone with its answer, so a retried post does not count twice.
    client_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "client_id"],
                condition=Q(client_id__isnull=False),
                name="socialmap_one_word_per_client_id",
            )
        ]

    def __str__(self):
        return self.text


class Finding(models.Model):
    """One group found one organisation: how, and what they think of it."""

    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="findings")
    organisation = models.ForeignKey(HelpOrganisation, on_delete=models.CASCADE, related_name="findings")
    how_found = models.CharField(_("hoe gevonden"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    findability = _rating_field(_("vindbaarheid"))
    reachability = _rating_field(_("bereikbaarheid"))
    clarity = _rating_field(_("duidelijkheid"))
    fit = _rating_field(_("past bij jongeren"))
    tops = models.TextField(_("tops"), max_length=ANSWER_MAX, blank=True)
    tips = models.TextField(_("tips"), max_length=ANSWER_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "organisation"], name="socialmap_one_finding_per_org"),
            *_rating_checks("finding"),
        ]

    def __str__(self):
        return f"{self.group}: {self.organisation}"

    def ratings(self) -> list:
        labels = rating_labels()
        return [(labels[name], getattr(self, name)) for name in RATING_FIELDS]


class NotFound(models.Model):
    """Something a group looked for but did not find (an organisation, a kind of help)."""

    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="not_found")
    name = models.CharField(_("wat jullie zochten"), max_length=limits.NAME_MAX)
    key = models.CharField(max_length=limits.NAME_MAX)
    note = models.CharField(_("toelichting"), max_length=limits.SHORT_TEXT_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "key"], name="socialmap_one_not_found_per_name")
        ]

    def __str__(self):
        return self.name


class Undercover(models.Model):
    """The undercover assignment of one group: the case, what they did, tops and tips for the organisation."""

    group = models.OneToOneField(YouthGroup, on_delete=models.CASCADE, related_name="undercover")
    organisation = models.ForeignKey(
        HelpOrganisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="undercovers"
    )
    case = models.TextField(_("de casus"), max_length=ANSWER_MAX, blank=True)
    what_they_did = models.TextField(_("wat jullie deden"), max_length=ANSWER_MAX, blank=True)
    tops = models.TextField(_("tops"), max_length=ANSWER_MAX, blank=True)
    tips = models.TextField(_("tips"), max_length=ANSWER_MAX, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.group}: {self.organisation or ''}"


class Preparation(models.Model):
    """The individual preparation of a professional or a policy maker, filled through a personal link."""

    class Role(models.TextChoices):
        PROFESSIONAL = "professional", _("professional")
        POLICY_MAKER = "beleidsmaker", _("beleidsmaker")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="preparations")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    name = models.CharField(_("naam"), max_length=limits.NAME_MAX)
    organisation_name = models.CharField(_("organisatie"), max_length=limits.NAME_MAX, blank=True)
    # A professional's own organisation on the social map: their ratings stand beside the youth's.
    organisation = models.ForeignKey(
        HelpOrganisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="preparations"
    )
    email = models.EmailField(_("e-mailadres"), max_length=limits.EMAIL_MAX, blank=True)
    # The hash of the link's random secret (allin.core.tokens); a new one (resend, revoke) ends every older link.
    secret_hash = models.CharField(max_length=64)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    findability = _rating_field(_("vindbaarheid"))
    reachability = _rating_field(_("bereikbaarheid"))
    clarity = _rating_field(_("duidelijkheid"))
    fit = _rating_field(_("past bij jongeren"))
    answers = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role", "name", "pk"]
        constraints = _rating_checks("preparation")

    def __str__(self):
        return self.name

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def ratings(self) -> list:
        labels = rating_labels()
        return [(labels[name], getattr(self, name)) for name in RATING_FIELDS]
