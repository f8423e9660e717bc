"""Writes for the meeting report: flip-over photos and who picks up each parking board item.

Photos are trusted for nothing, exactly as the live meeting's photo cards (allin/live/photo_cards.py, whose
checks we reuse): the type is read from the content by Pillow, size and pixels are limited before decoding,
and the image is re-encoded as a fresh JPEG without metadata under a file name of ours."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from allin.core.text import one_line
from allin.live.models import Activity, Note
from allin.live.photo_cards import PHOTO_MAX_BYTES, image_store
from allin.processes.models import Meeting

from .models import PHOTO_ALT_MAX, PICKUP_MAX, ParkingPickup, ReportPhoto

REPORT_PHOTOS_MAX = 30
__all__ = ["PHOTO_MAX_BYTES", "REPORT_PHOTOS_MAX"]


def clean_alt(text) -> str:
    text = one_line(text)
    if not text:
        raise ValidationError(
            _("Beschrijf wat er op de foto staat. Dat lezen mensen die de foto niet kunnen zien.")
        )
    if len(text) > PHOTO_ALT_MAX:
        raise ValidationError(
            _("De beschrijving mag hoogstens %(max)d tekens hebben.") % {"max": PHOTO_ALT_MAX}
        )
    return text


@transaction.atomic
def report_photo_upload(*, meeting, upload, alt_text: str, uploaded_by=None) -> ReportPhoto:
    alt_text = clean_alt(alt_text)
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()  # counts one upload at a time
    if ReportPhoto.objects.filter(meeting=meeting).count() >= REPORT_PHOTOS_MAX:
        raise ValidationError(
            _("Een verslag heeft hoogstens %(max)d foto's. Verwijder er eerst een.")
            % {"max": REPORT_PHOTOS_MAX}
        )
    photo = ReportPhoto(meeting=meeting, alt_text=alt_text, uploaded_by=uploaded_by)
    image_store(record=photo, upload=upload)
    return photo


@transaction.atomic
def report_photo_set_alt(*, photo: ReportPhoto, alt_text: str) -> ReportPhoto:
    photo.alt_text = clean_alt(alt_text)
    photo.save(update_fields=["alt_text"])
    return photo


@transaction.atomic
def report_photo_delete(*, photo: ReportPhoto) -> None:
    """Remove the photo; the file goes after the commit."""
    name, storage = photo.image.name, photo.image.storage
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def parking_pickup_set(*, note: Note, who: str, user=None) -> ParkingPickup | None:
    """Who picks up this parking board item; empty clears it."""
    if note.activity.kind != Activity.Kind.PARKING:
        raise ValidationError(_("Dit is geen punt van het parkeerbord."))
    who = one_line(who)
    if len(who) > PICKUP_MAX:
        raise ValidationError(_("Wie het oppakt mag hoogstens %(max)d tekens hebben.") % {"max": PICKUP_MAX})
    if not who:
        ParkingPickup.objects.filter(note=note).delete()
        return None
    pickup, _created = ParkingPickup.objects.update_or_create(
        note=note, defaults={"who": who, "updated_by": user}
    )
    return pickup
