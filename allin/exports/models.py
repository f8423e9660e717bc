"""What the reports add to a held meeting: photos of the flip-overs, and who picks up each parking board item.

Both belong to the report, not to the live meeting, so they live here and leave the live models untouched."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from allin.core import limits

PHOTO_ALT_MAX = 200
PICKUP_MAX = limits.NAME_MAX


def report_photo_path(instance, filename):
    return f"verslagfoto/{instance.meeting_id}/{filename}"


class ReportPhoto(models.Model):
    """A photo of a flip-over or a wall of post-its, uploaded by a facilitator after the meeting. Re-encoded as a
    fresh JPEG on upload (no EXIF, no smuggled bytes); the file name is ours; alt text is required."""

    meeting = models.ForeignKey("processes.Meeting", on_delete=models.CASCADE, related_name="report_photos")
    image = models.ImageField(upload_to=report_photo_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(_("beschrijving"), max_length=PHOTO_ALT_MAX)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.alt_text


class ParkingPickup(models.Model):
    """Who picks up an item of the parking board (parkeerbord) after the meeting: a person or organisation."""

    note = models.OneToOneField("live.Note", on_delete=models.CASCADE, related_name="pickup")
    who = models.CharField(_("wie pakt het op"), max_length=PICKUP_MAX)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.who


class ReportPdf(models.Model):
    """The report PDF of a meeting too big to lay out while the browser waits (allin/exports/report_pdf.py).
    A background task builds it; the row holds its state and, when ready, the file. `fingerprint` is the SHA-256
    of the HTML the PDF was (or is being) made from, so a PDF is only handed out while the meeting still reads the
    same: a note added since makes a new one. One row per meeting, so a double click never builds twice."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        BUILDING = "building", _("wordt opgemaakt")
        READY = "ready", _("klaar")
        FAILED = "failed", _("mislukt")

    meeting = models.OneToOneField("processes.Meeting", on_delete=models.CASCADE, related_name="report_pdf")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    fingerprint = models.CharField(max_length=64, blank=True)
    content = models.BinaryField(blank=True, default=b"")
    pages = models.PositiveIntegerField(default=0)
    notes = models.PositiveIntegerField(
        default=0
    )  # how many notes the report holds: the page says how long it takes
    requested_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.meeting_id}: {self.status}"

    @property
    def is_building(self):
        return self.status in (self.Status.QUEUED, self.Status.BUILDING)
