"""Photo cards for tests: an image file made with Pillow, and a card uploaded through the service."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from allin.live import photo_cards


def image(fmt="JPEG", size=(2400, 1200), mode="RGB", name=None, **save):
    out = io.BytesIO()
    Image.new(mode, size, (200, 80, 40, 128)[: len(mode)] if mode != "P" else 3).save(out, format=fmt, **save)
    return SimpleUploadedFile(name or f"foto.{fmt.lower()}", out.getvalue(), content_type="image/jpeg")


def upload(workspace, alt="Een brug over de rivier", **kwargs):
    return photo_cards.photo_card_upload(workspace=workspace, upload=image(**kwargs), alt_text=alt)
