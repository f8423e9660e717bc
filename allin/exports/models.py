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
