"""The permission walk's table for the reports URLs (see tests/permission_routes/__init__.py): the meeting report
(page, PDF and the state of a big one's build, flip-over photos, who picks up each parking board item) and the
process dashboard with its Excel export. Everyone in the workspace reads; only facilitators and owners change."""

import io
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile

from allin.exports import report_services
from allin.live.models import Activity, Note
from tests.permission_table import EDIT_POST, POST_ONLY_GET, READ, Route, _meeting, _process


def _photo(w):
    return {**_meeting(w), "photo_pk": w.report_photo.pk}


def _parking_note(w):
    return {**_meeting(w), "note_pk": w.parking_note.pk}


ROUTES = {
    "meeting_report": Route(_meeting, READ),
    "meeting_report_pdf": Route(_meeting, READ),
    "meeting_report_pdf_status": Route(_meeting, READ),
    "meeting_report_pdf_again": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "report_photo_upload": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "report_photo_image": Route(_photo, READ),
    "report_photo_alt": Route(
        _photo, POST_ONLY_GET, EDIT_POST, lambda w: {"alt_text": "Flip-over met thema's"}
    ),
    "report_photo_delete": Route(_photo, POST_ONLY_GET, EDIT_POST),
    "report_parking_pickup": Route(
        _parking_note, POST_ONLY_GET, EDIT_POST, lambda w: {"who": "Jongerenwerk"}
    ),
    "process_dashboard": Route(_process, READ),
    "process_actions_xlsx": Route(_process, READ),
}


def _jpeg():
    from PIL import Image

    data = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 20)).save(data, "JPEG")
    return SimpleUploadedFile("flip.jpg", data.getvalue())


def extend_world(world):
    world.report_photo = report_services.report_photo_upload(
        meeting=world.meeting, upload=_jpeg(), alt_text="Flip-over"
    )
    parking = Activity.objects.get(live=world.live, kind=Activity.Kind.PARKING)
    world.parking_note = Note.objects.create(
        activity=parking, attendee=world.attendee, text="Vervoer", client_id=uuid.uuid4()
    )
