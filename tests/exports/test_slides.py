"""The meeting as PowerPoint slides, read back with python-pptx."""

import io

from django.urls import reverse
from pptx import Presentation

from allin.exports.slides import build
from allin.live import services as live_services
from tests import factories


def _texts(slide):
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def _deck(content):
    return Presentation(io.BytesIO(content))


def test_slides_have_title_programme_and_one_slide_per_item(workspace):
    meeting = factories.meeting(factories.empty_process(workspace), durations=(15, 10, 30), breaks=(1,))
    deck = _deck(build(meeting))
    slides = list(deck.slides)
    assert meeting.name in _texts(slides[0]) and meeting.process.name in _texts(slides[0])
    programme = _texts(slides[1])
    assert "Programma" in programme and "13:00" in programme and "13:25" in programme
    # one slide per item, but not for the break
    assert len(slides) == 2 + 2
    assert "Onderdeel 3" in _texts(slides[3]) and "13:25 – 13:55" in _texts(slides[3])


def test_join_slide_has_the_code_and_a_described_qr_picture(workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    live = live_services.live_open(meeting=meeting, base_url="https://allin.example.nl")
    slides = list(_deck(build(meeting, live=live)).slides)
    join = slides[2]
    assert f"{live.code[:3]} {live.code[3:]}" in _texts(join)
    assert f"allin.example.nl/j/{live.code}" in _texts(join)
    pictures = [s for s in join.shapes if s.shape_type == 13]
    assert len(pictures) == 1
    assert pictures[0]._element.nvPicPr.cNvPr.get("descr").endswith(f"/j/{live.code}")


def test_results_slides_follow_the_items(workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    results = [
        (
            "Afsluiting",
            {"title": "De 3 beste ideeën", "lines": ["Spreekuur op school (12)", "Eén loket (7)"]},
        ),
        ("Leeg", {"title": "Niets", "lines": []}),
    ]
    slides = list(_deck(build(meeting, results=results)).slides)
    last = _texts(slides[-1])
    assert "Resultaat: De 3 beste ideeën" in last and "Spreekuur op school (12)" in last
    assert not any("Niets" in _texts(s) for s in slides)


def test_download_through_the_meeting_page(as_viewer, as_outsider, workspace):
    meeting = factories.meeting(factories.empty_process(workspace))
    url = reverse("meeting_pptx", args=[workspace.slug, meeting.pk])
    response = as_viewer.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.presentationml")
    assert len(list(_deck(response.content).slides)) >= 3
    assert as_outsider.get(url).status_code == 404
