"""Photo cards of the future dream: uploads re-encoded and checked, images served with safe headers to members
only, and the workspace's page to upload, describe and delete them."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from allin.live import photo_cards
from allin.live.activity_models import PhotoCard
from tests.conftest import client_for
from tests.live.photo_helpers import image, upload


@pytest.fixture
def card(workspace):
    return upload(workspace)


def test_an_upload_is_reencoded_turned_upright_and_stripped(workspace):
    exif = Image.Exif()
    exif[0x0112] = 6  # taken sideways
    exif[0x010E] = "Thuisadres van de fotograaf"
    card = photo_cards.photo_card_upload(
        workspace=workspace, upload=image(exif=exif, name="../../etc/passwd.jpg"), alt_text="  Een  brug "
    )
    assert card.alt_text == "Een brug" and card.image.name.startswith(f"fotokaarten/{workspace.pk}/")
    assert "passwd" not in card.image.name and card.image.name.endswith(".jpg")
    data = card.image.open("rb").read()
    stored = Image.open(io.BytesIO(data))
    assert stored.format == "JPEG" and stored.size == (800, 1600) == (card.width, card.height)
    assert not stored.getexif() and b"Thuisadres" not in data


@pytest.mark.parametrize(
    "kwargs", [{"fmt": "PNG", "mode": "RGBA"}, {"fmt": "WEBP"}, {"fmt": "PNG", "mode": "P"}]
)
def test_png_and_webp_become_jpeg(workspace, kwargs):
    card = upload(workspace, size=(300, 200), **kwargs)
    assert Image.open(card.image.open("rb")).format == "JPEG" and (card.width, card.height) == (300, 200)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: image(fmt="GIF", mode="P"), "geen JPEG-, PNG- of WebP-foto"),
        (lambda: SimpleUploadedFile("foto.jpg", b"<html>geen foto</html>", "image/jpeg"), "geen JPEG-"),
        (
            lambda: SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 100, "image/jpeg"),
            "geen JPEG-",
        ),
        (lambda: SimpleUploadedFile("leeg.png", b"", "image/png"), "geen JPEG-"),
        (
            lambda: SimpleUploadedFile("groot.jpg", b"\xff" * (5 * 1024 * 1024 + 1), "image/jpeg"),
            "hoogstens 5 MB",
        ),
        (lambda: image(fmt="PNG", size=(12000, 4)), "te groot"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(workspace, settings, make, message):
    with pytest.raises(ValidationError, match=message):
        photo_cards.photo_card_upload(workspace=workspace, upload=make(), alt_text="Een foto")
    assert not PhotoCard.objects.exists()
    assert not list((settings.STORAGES["default"]["OPTIONS"]["location"]).rglob("*.jpg"))


@pytest.mark.parametrize(
    "alt, message", [("   ", "Beschrijf wat er op de foto staat"), ("x" * 201, "200 tekens")]
)
def test_alt_text_is_required_and_limited(workspace, alt, message):
    with pytest.raises(ValidationError, match=message):
        upload(workspace, alt=alt)
    assert not PhotoCard.objects.exists()


def _image_url(card):
    return reverse("photo_card_image", args=[card.workspace.slug, card.pk])


def test_members_get_the_image_with_safe_headers_others_do_not(card, viewer, outsider, client):
    response = client_for(viewer).get(_image_url(card))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff" and response["Content-Disposition"].startswith(
        "inline"
    )
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    assert client_for(outsider).get(_image_url(card)).status_code == 404
    assert client.get(_image_url(card)).status_code == 302  # to the login page


def test_the_photo_cards_page_uploads_describes_and_deletes(workspace, as_facilitator, as_viewer):
    url = reverse("photo_cards", args=[workspace.slug])
    response = as_facilitator.post(url, {"image": image(), "alt_text": "Een brug"})
    assert response.status_code == 302 and PhotoCard.objects.count() == 1
    card = PhotoCard.objects.get()
    page = as_viewer.get(url).content.decode()
    assert 'alt="Een brug"' in page and "Foto toevoegen" not in page and "Verwijderen" not in page
    assert as_viewer.post(url, {"image": image(), "alt_text": "Nog een"}).status_code == 403
    response = as_facilitator.post(url, {"image": image(fmt="GIF", mode="P"), "alt_text": "Een gif"})
    assert response.status_code == 400 and "geen JPEG-, PNG- of WebP-foto" in response.content.decode()
    big = SimpleUploadedFile("groot.jpg", b"\xff" * (6 * 1024 * 1024), "image/jpeg")
    response = as_facilitator.post(url, {"image": big, "alt_text": "Groot"})
    assert response.status_code == 400 and "hoogstens 5 MB" in response.content.decode()
    response = as_facilitator.post(url, {"image": image(), "alt_text": ""})
    assert response.status_code == 400 and PhotoCard.objects.count() == 1
    as_facilitator.post(
        reverse("photo_card_alt", args=[workspace.slug, card.pk]), {"alt_text": "Een hoge brug"}
    )
    assert PhotoCard.objects.get().alt_text == "Een hoge brug"
    as_facilitator.post(reverse("photo_card_delete", args=[workspace.slug, card.pk]))
    assert not PhotoCard.objects.exists()


# ---- dreams and reactions -----------------------------------------------------------------------------
