"""User text in the meeting report (page and PDF) is set with dir="auto": an Arabic note reads right to left,
in its own element, while the Dutch around it stays left to right."""

import pytest
from django.urls import reverse

from allin.exports import report_pdf
from tests.text_direction import assert_dir_auto

from .test_report_world import held_meeting

ARABIC = "نحتاج إلى مساعدة في المدرسة"


@pytest.fixture
def world(workspace):
    held = held_meeting(workspace)
    first = held.board.notes.filter(hidden=False).order_by("pk").first()
    held.board.notes.filter(pk=first.pk).update(text=ARABIC)
    return held


def test_the_report_page_sets_an_arabic_note_with_dir_auto(as_viewer, world):
    url = reverse(
        "meeting_report", kwargs={"workspace": world.meeting.process.workspace.slug, "pk": world.meeting.pk}
    )
    assert_dir_auto(as_viewer.get(url).content.decode(), ARABIC)


def test_the_report_pdf_sets_an_arabic_note_with_dir_auto(world):
    assert_dir_auto(report_pdf.report_html(world.meeting), ARABIC)
