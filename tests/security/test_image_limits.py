"""Image decoding is bounded (issue 17 item 1): a pixel limit that matches the byte limit, with its own Dutch
message, and at most two decodes at a time per worker."""

import struct
import threading
import time
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from allin.live import photo_cards
from allin.live.activity_models import PhotoCard

from ..live.photo_helpers import image


def png_header(width, height):
    """A PNG that claims these dimensions: a few dozen bytes, so the test needs no gigabytes. Pillow reads the
    size from the header without decoding."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    return SimpleUploadedFile("bom.png", data, content_type="image/png")


@pytest.mark.parametrize(
    "size",
    [
        (20_000, 20_000),  # what issue 17 sent: refused by Pillow's own bomb check before ours
        (6_000, 5_000),  # 30 megapixels, each side within the limit
    ],
)
def test_too_many_pixels_get_their_own_dutch_message(workspace, size):
    with pytest.raises(ValidationError, match="te veel pixels: hoogstens 25 miljoen") as refused:
        photo_cards.photo_card_upload(workspace=workspace, upload=png_header(*size), alt_text="Een foto")
    assert "geen JPEG" not in str(refused.value)
    assert not PhotoCard.objects.exists()


def test_a_camera_sized_photo_is_still_welcome(workspace):
    card = photo_cards.photo_card_upload(
        workspace=workspace, upload=image(size=(6000, 4000), quality=60), alt_text="Een foto"
    )
    assert (card.width, card.height) == (1600, 1067)


def test_at_most_two_decodes_run_at_once(monkeypatch):
    running, most, lock = 0, 0, threading.Lock()

    def slow_decode(upload):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.2)
        with lock:
            running -= 1
        return b"", (1, 1)

    monkeypatch.setattr(photo_cards, "_reencode", slow_decode)
    threads = [threading.Thread(target=photo_cards.reencode, args=(None,)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == photo_cards.DECODES_AT_ONCE == 2


def test_an_upload_that_waits_too_long_for_its_turn_hears_that_it_is_busy(monkeypatch):
    monkeypatch.setattr(photo_cards, "DECODE_WAIT_SECONDS", 0.05)
    monkeypatch.setattr(photo_cards, "_decoding", threading.BoundedSemaphore(2))
    photo_cards._decoding.acquire()
    photo_cards._decoding.acquire()
    try:
        with pytest.raises(ValidationError, match="veel foto's tegelijk"):
            photo_cards.reencode(image())
    finally:
        photo_cards._decoding.release()
        photo_cards._decoding.release()
