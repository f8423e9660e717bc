"""Flip-over photos in the report: sniffed from their content, size-limited, re-encoded without EXIF, alt text
required, served with safe headers; every refusal in Dutch with nothing saved."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from allin.exports import report_services
from allin.exports.models import ReportPhoto
from tests import factories

from .test_report_world import jpeg


@pytest.fixture
def meeting(workspace):
    return factories.meeting(factories.empty_process(workspace))


def _url(meeting, name="report_photo_upload", **extra):
    return reverse(name, kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk, **extra})


def _files(tmp_path):
    return [p for p in tmp_path.rglob("*") if p.is_file()]


def test_upload_reencodes_without_exif_and_redirects(as_facilitator, meeting, tmp_path):
    response = as_facilitator.post(
        _url(meeting),
        {"image": jpeg(size=(2400, 1200), exif=True, name="../../x.php"), "alt_text": " Flip  "},
    )
    assert response.status_code == 302 and response["Location"].endswith("verslag/#fotos")
    photo = ReportPhoto.objects.get(meeting=meeting)
    assert photo.alt_text == "Flip"
    assert photo.image.name.startswith(f"verslagfoto/{meeting.pk}/") and photo.image.name.endswith(".jpg")
    assert "x.php" not in photo.image.name
    with photo.image.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
    assert image.format == "JPEG" and max(image.size) == 1600 and (photo.width, photo.height) == image.size
    assert not image.getexif()


def test_a_png_becomes_a_jpeg(facilitator, meeting):
    data = io.BytesIO()
    Image.new("RGBA", (30, 20), (0, 0, 0, 0)).save(data, "PNG")
    photo = report_services.report_photo_upload(
        meeting=meeting, upload=SimpleUploadedFile("a.png", data.getvalue()), alt_text="Muur met post-its"
    )
    assert photo.image.name.endswith(".jpg")


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("flip.jpg", b"<?php echo 1; ?>" * 10), "geen JPEG-, PNG- of WebP-foto"),
        (SimpleUploadedFile("flip.jpg", b""), "leeg"),
        (jpeg(fmt="GIF", name="flip.gif"), "geen JPEG-, PNG- of WebP-foto"),
    ],
    ids=["script", "empty", "gif"],
)
def test_not_an_image_is_refused_in_dutch_and_nothing_saved(
    as_facilitator, meeting, tmp_path, upload, message
):
    response = as_facilitator.post(_url(meeting), {"image": upload, "alt_text": "Flip-over"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReportPhoto.objects.exists()
    assert _files(tmp_path) == []


def test_a_photo_without_alt_text_is_refused(as_facilitator, meeting, tmp_path):
    response = as_facilitator.post(_url(meeting), {"image": jpeg(), "alt_text": "   "})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()
    assert not ReportPhoto.objects.exists() and _files(tmp_path) == []


def test_too_long_alt_text_is_refused(facilitator, meeting):
    with pytest.raises(ValidationError, match="hoogstens 200 tekens"):
        report_services.report_photo_upload(meeting=meeting, upload=jpeg(), alt_text="x" * 201)
    assert not ReportPhoto.objects.exists()


def test_a_file_over_the_size_limit_is_refused(as_facilitator, meeting, tmp_path, monkeypatch):
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 100 * 1024))
    response = as_facilitator.post(_url(meeting), {"image": big, "alt_text": "Te groot"})
    assert response.status_code == 400
    assert "Een foto mag hoogstens 5 MB groot zijn." in response.content.decode()
    assert not ReportPhoto.objects.exists() and _files(tmp_path) == []


def test_the_service_refuses_a_large_upload_by_itself(meeting):
    upload = SimpleUploadedFile("big.jpg", b"0" * (5 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="hoogstens 5 MB"):
        report_services.report_photo_upload(meeting=meeting, upload=upload, alt_text="Groot")


def test_a_viewer_cannot_upload(as_viewer, meeting, tmp_path):
    response = as_viewer.post(_url(meeting), {"image": jpeg(), "alt_text": "Flip-over"})
    assert response.status_code == 403
    assert "Je mag dit niet" in response.content.decode() or "niet" in response.content.decode()
    assert not ReportPhoto.objects.exists() and _files(tmp_path) == []


def test_at_most_thirty_photos(meeting, monkeypatch):
    monkeypatch.setattr(report_services, "REPORT_PHOTOS_MAX", 2)
    for n in range(2):
        report_services.report_photo_upload(meeting=meeting, upload=jpeg(), alt_text=f"Foto {n}")
    with pytest.raises(ValidationError, match="hoogstens 2 foto's"):
        report_services.report_photo_upload(meeting=meeting, upload=jpeg(), alt_text="Een te veel")
    assert ReportPhoto.objects.count() == 2


def test_the_image_is_served_with_safe_headers(as_viewer, meeting):
    photo = report_services.report_photo_upload(meeting=meeting, upload=jpeg(), alt_text="Flip")
    response = as_viewer.get(_url(meeting, "report_photo_image", photo_pk=photo.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Disposition"] == f'inline; filename="verslagfoto-{photo.pk}.jpg"'
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")


def test_a_photo_of_another_meeting_is_404(as_viewer, meeting, workspace):
    other = factories.meeting(meeting.process, name="Andere")
    photo = report_services.report_photo_upload(meeting=other, upload=jpeg(), alt_text="Flip")
    assert as_viewer.get(_url(meeting, "report_photo_image", photo_pk=photo.pk)).status_code == 404


def test_alt_text_can_be_changed_and_the_photo_removed(as_facilitator, meeting, tmp_path):
    photo = report_services.report_photo_upload(meeting=meeting, upload=jpeg(), alt_text="Flip")
    response = as_facilitator.post(_url(meeting, "report_photo_alt", photo_pk=photo.pk), {"alt_text": ""})
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.alt_text == "Flip"  # refused: an empty description
    as_facilitator.post(
        _url(meeting, "report_photo_alt", photo_pk=photo.pk), {"alt_text": "Thema's op papier"}
    )
    photo.refresh_from_db()
    assert photo.alt_text == "Thema's op papier"
    as_facilitator.post(_url(meeting, "report_photo_delete", photo_pk=photo.pk))
    assert not ReportPhoto.objects.exists()


def test_a_viewer_cannot_change_or_remove_a_photo(as_viewer, meeting):
    photo = report_services.report_photo_upload(meeting=meeting, upload=jpeg(), alt_text="Flip")
    assert (
        as_viewer.post(_url(meeting, "report_photo_alt", photo_pk=photo.pk), {"alt_text": "X"}).status_code
        == 403
    )
    assert as_viewer.post(_url(meeting, "report_photo_delete", photo_pk=photo.pk)).status_code == 403
    photo.refresh_from_db()
    assert photo.alt_text == "Flip"
