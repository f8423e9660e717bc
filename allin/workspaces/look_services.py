"""Writes of a workspace's look: set it (colours, font, logo) or go back to ALL-IN's own look.

A logo upload is trusted for nothing, like a photo card: Pillow reads its type from its content, its size and
pixels are limited before decoding, and it is written anew as a PNG of at most 480 × 160 pixels, so no metadata
or smuggled bytes survive."""

import io
import secrets
import warnings

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image

from . import look
from .models import WorkspaceLook

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 5000  # pixels, before scaling down
LOGO_BOX = (480, 160)
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}
UNREADABLE = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)


def _not_a_logo():
    return ValidationError(_("Het logo moet een PNG-, JPEG- of WebP-afbeelding zijn."), code="logo")


def logo_png(upload) -> tuple[bytes, int, int]:
    """The upload as a fresh PNG that fits LOGO_BOX, with its size; a ValidationError in Dutch otherwise."""
    size = getattr(upload, "size", None)
    if size is None or size > LOGO_MAX_BYTES:
        raise ValidationError(_("Een logo mag hoogstens 2 MB groot zijn."), code="logo")
    if size == 0:
        raise _not_a_logo()
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
            if image.format not in LOGO_FORMATS:
                raise _not_a_logo()
            if max(image.size) > LOGO_MAX_SIDE:
                raise ValidationError(
                    _("Dit logo is te groot: hoogstens %(side)d pixels breed of hoog.")
                    % {"side": LOGO_MAX_SIDE},
                    code="logo",
                )
            image.load()
            image = image.convert("RGBA")
            image.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
            out = io.BytesIO()
            image.save(out, format="PNG", optimize=True)
        except ValidationError:
            raise
        except UNREADABLE:
            raise _not_a_logo() from None
    return out.getvalue(), image.size[0], image.size[1]


def look_validate(*, primary, secondary, font) -> tuple[str, str, str]:
    """The colours normalised and the font checked, or a ValidationError listing every refused pair."""
    primary, secondary = look.normalise(primary), look.normalise(secondary)
    if font not in look.FONTS_BY_KEY:
        raise ValidationError(_("Kies een letter uit de lijst."), code="font")
    problems = look.check_pair(primary, secondary)
    if problems:
        raise ValidationError(problems)
    return primary, secondary, font


@transaction.atomic
def look_set(*, workspace, primary, secondary, font, logo_upload=None, remove_logo=False) -> WorkspaceLook:
    primary, secondary, font = look_validate(primary=primary, secondary=secondary, font=font)
    logo = logo_png(logo_upload) if logo_upload is not None else None  # refused before anything is written
    record = WorkspaceLook.objects.select_for_update().filter(workspace=workspace).first()
    record = record or WorkspaceLook(workspace=workspace)
    record.primary, record.secondary, record.font = primary, secondary, font
    if logo is not None:
        record.logo, record.logo_width, record.logo_height = logo
    elif remove_logo:
        record.logo, record.logo_width, record.logo_height = None, 0, 0
    record.key = secrets.token_urlsafe(
        18
    )  # a new address for the new look: no browser keeps showing the old one
    record.save()
    return record


@transaction.atomic
def look_clear(*, workspace) -> None:
    """Back to ALL-IN's own look."""
    WorkspaceLook.objects.filter(workspace=workspace).delete()
