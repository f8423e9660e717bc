"""Photo cards of the future dream: a set of images per workspace that facilitators upload.

An upload is trusted for nothing: its type is read from its content by Pillow (never from its name or the
browser's word), its size and pixel dimensions are limited before it is decoded, and it is re-encoded as a
fresh JPEG at most 1600 px wide or high, so no metadata (EXIF, GPS, comments) and no smuggled bytes survive.
The file name is ours. Serving checks who asks: members of the workspace, or attendees and the projector of a
live meeting of that workspace that has an activity using photo cards; those two reach a card only by its random
token, never by its record number."""

import io
import threading
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from allin.core.text import one_line

from . import events
from .activity_models import ALT_MAX, PhotoCard
from .models import Activity, LiveMeeting

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_SIDE = 10_000  # pixels, before re-encoding
# What a 5 MB camera photo holds at most (a 24-megapixel JPEG is about 5 MB); more pixels in that many bytes is
# a flat, compressible image made to fill memory when decoded (25 MP decode to 75-100 MB).
PHOTO_MAX_PIXELS = 25_000_000
# Decodes at a time per worker, so a burst of uploads cannot multiply that memory; the others wait their turn,
# at most DECODE_WAIT_SECONDS, then hear that it is busy.
DECODES_AT_ONCE = 2
DECODE_WAIT_SECONDS = 20
_decoding = threading.BoundedSemaphore(DECODES_AT_ONCE)
PHOTO_OUT_SIDE = 1600
PHOTO_CARDS_MAX = 60
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
CONTENT_TYPE = "image/jpeg"
# The activity kinds whose phones and projector show photo cards.
PHOTO_KINDS = (Activity.Kind.FUTURE_DREAM,)


def clean_alt(text) -> str:
    text = one_line(text)
    if not text:
        raise ValidationError(
            _("Beschrijf wat er op de foto staat. Dat lezen mensen die de foto niet kunnen zien.")
        )
    if len(text) > ALT_MAX:
        raise ValidationError(_("De beschrijving mag hoogstens %(max)d tekens hebben.") % {"max": ALT_MAX})
    return text


def _not_an_image():
    return ValidationError(_("Dit bestand is geen JPEG-, PNG- of WebP-foto. Kies een andere foto."))


def _too_many_pixels():
    return ValidationError(
        _(
            "Deze foto heeft te veel pixels: hoogstens %(mp)d miljoen. Maak de foto kleiner en probeer het opnieuw."
        )
        % {"mp": PHOTO_MAX_PIXELS // 1_000_000}
    )


def reencode(upload) -> tuple[bytes, tuple[int, int]]:
    """The upload as a fresh JPEG without metadata and its size, or a ValidationError in Dutch."""
    if not _decoding.acquire(timeout=DECODE_WAIT_SECONDS):
        raise ValidationError(
            _("Er worden nu veel foto's tegelijk verwerkt. Probeer het over een minuut opnieuw.")
        )
    try:
        return _reencode(upload)
    finally:
        _decoding.release()


def _reencode(upload):
    size = getattr(upload, "size", None)
    if size is None or size > PHOTO_MAX_BYTES:
        raise ValidationError(
            _("Een foto mag hoogstens %(mb)d MB groot zijn.") % {"mb": PHOTO_MAX_BYTES // (1024 * 1024)}
        )
    if size == 0:
        raise _not_an_image()
    upload.seek(0)
    with warnings.catch_warnings():
        # A decompression bomb is an error here, not a warning.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
            if image.format not in ALLOWED_FORMATS:
                raise _not_an_image()
            width, height = image.size
            if max(width, height) > PHOTO_MAX_SIDE:
                raise ValidationError(
                    _("Deze foto is te groot: hoogstens %(side)d pixels breed of hoog.")
                    % {"side": PHOTO_MAX_SIDE}
                )
            if width * height > PHOTO_MAX_PIXELS:
                raise _too_many_pixels()
            # A JPEG can be decoded at 1/2, 1/4 or 1/8 of its size straight away: it is made smaller below anyway,
            # and this needs a fraction of the memory.
            image.draft(image.mode, (PHOTO_OUT_SIDE, PHOTO_OUT_SIDE))
            image.load()
            image = ImageOps.exif_transpose(image)  # turn it the right way up before the EXIF goes
            image = _flatten(image)
            image.thumbnail((PHOTO_OUT_SIDE, PHOTO_OUT_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85, optimize=True, progressive=True)
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            # Pillow's own bomb check, before ours can read the size (a 20,000 x 20,000 PNG): too many pixels.
            raise _too_many_pixels() from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise _not_an_image() from None
    return out.getvalue(), image.size


def _flatten(image):
    """RGB without transparency: transparent parts become white, as on paper."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


@transaction.atomic
def photo_card_upload(*, workspace, upload, alt_text: str, uploaded_by=None) -> PhotoCard:
    alt_text = clean_alt(alt_text)
    type(workspace).objects.select_for_update().filter(pk=workspace.pk).first()  # counts one upload at a time
    # The shipped set does not count: a workspace keeps room for PHOTO_CARDS_MAX cards of its own.
    if PhotoCard.objects.filter(workspace=workspace, stock="").count() >= PHOTO_CARDS_MAX:
        raise ValidationError(
            _("Een werkruimte heeft hoogstens %(max)d fotokaarten. Verwijder er eerst een.")
            % {"max": PHOTO_CARDS_MAX}
        )
    card = PhotoCard(workspace=workspace, alt_text=alt_text, uploaded_by=uploaded_by)
    image_store(record=card, upload=upload)
    return card


def image_store(*, record, upload) -> None:
    """Re-encodes the upload into `record.image` (with width and height) and saves the record. The file gets a
    name of our own, never the upload's; if saving the record fails, no file is left behind."""
    data, (width, height) = reencode(upload)
    record.image.save(f"{uuid.uuid4().hex}.jpg", ContentFile(data), save=False)
    record.width, record.height = width, height
    try:
        record.save()
    except Exception:
        record.image.storage.delete(record.image.name)
        raise


@transaction.atomic
def photo_card_set_alt(*, card: PhotoCard, alt_text: str) -> PhotoCard:
    card.alt_text = clean_alt(alt_text)
    card.save(update_fields=["alt_text"])
    _refresh_lives(card.workspace_id)
    return card


@transaction.atomic
def photo_card_delete(*, card: PhotoCard) -> None:
    """Remove the card; dreams that chose it keep their words. The file goes after the commit."""
    name, storage, workspace_id = card.image.name, card.image.storage, card.workspace_id
    card.delete()
    if name:  # a card of the shipped set has no file of its own
        transaction.on_commit(lambda: storage.delete(name))
    _refresh_lives(workspace_id)


def _refresh_lives(workspace_id):
    """Screens of this workspace's running future dreams show the change."""
    for live_id in (
        Activity.objects.filter(
            kind__in=PHOTO_KINDS,
            live__closed_at__isnull=True,
            live__meeting__process__workspace_id=workspace_id,
        )
        .values_list("live_id", flat=True)
        .distinct()
    ):
        events.results_changed(live_id)
        events.phones_refresh(live_id)


# ---- selectors ------------------------------------------------------------------------------------------


def photo_cards(workspace) -> list[PhotoCard]:
    return list(PhotoCard.objects.filter(workspace=workspace).order_by("created_at", "pk"))


def for_workspace(workspace, pk) -> PhotoCard | None:
    return PhotoCard.objects.filter(workspace=workspace, pk=pk).first()


def _of_live(live_id):
    return PhotoCard.objects.filter(workspace__processes__meetings__live__pk=live_id)


def for_live(live: LiveMeeting, pk) -> PhotoCard | None:
    """A card a phone of this meeting may choose: of its workspace, while the meeting is live."""
    if live is None or not live.is_open or not str(pk).isdigit():
        return None
    return _of_live(live.pk).filter(pk=pk).first()


def uses_photo_cards(live: LiveMeeting) -> bool:
    return Activity.objects.filter(live=live, kind__in=PHOTO_KINDS).exists()


def to_show(live: LiveMeeting, token) -> PhotoCard | None:
    """The card a phone or projector of this meeting may be shown: named by its token, of the meeting's
    workspace, while the meeting is live and only when it has an activity that uses photo cards."""
    if live is None or not live.is_open or not token or len(str(token)) > 64:
        return None
    if not uses_photo_cards(live):
        return None
    return _of_live(live.pk).filter(token=str(token)).first()


def of_live(live_id) -> list[PhotoCard]:
    """The cards phones of this live meeting choose from."""
    return list(_of_live(live_id).order_by("created_at", "pk"))


def count_of_live(live_id) -> int:
    return _of_live(live_id).count()
