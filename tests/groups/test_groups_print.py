"""The printed list of a meeting's groups: one A4 page, PDF/UA, for a small series and for a big room."""

import pytest
from django.urls import reverse

from allin.groups import services
from allin.people.models import Participant, ParticipantRole
from tests import factories
from tests.exports.helpers import pdf_reader, pdf_text

DOMAINS = ("school", "zorg", "werk", "schulden", "wonen")


def _room(workspace, count, max_size=5):
    process = factories.empty_process(workspace)
    meeting = factories.meeting(process, name="Tweede bijeenkomst")
    Participant.objects.bulk_create(
        Participant(
            process=process,
            name=f"Voornaam{i:02d} van Achternaam",
            role=ParticipantRole.PROFESSIONAL,
            domain=DOMAINS[i % 5],
            is_expert=i % 6 == 0,
        )
        for i in range(count)
    )
    return meeting, services.plan_make(meeting=meeting, min_size=3, max_size=max_size)


def _url(meeting):
    return reverse("groups_print", args=[meeting.process.workspace.slug, meeting.pk])


@pytest.mark.parametrize("count,max_size", [(20, 5), (60, 5), (96, 8)])
def test_the_groups_print_on_one_a4_page(workspace, as_viewer, count, max_size):
    meeting, plan = _room(workspace, count, max_size)
    reader = pdf_reader(as_viewer.get(_url(meeting)))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    text = pdf_text(reader)
    assert "Tweede bijeenkomst" in text
    for group in plan.groups.all():
        assert group.name in text
    assert "ervaringsdeskundige" in text and "★" in text
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]  # tagged, as PDF/UA asks


def test_without_a_plan_the_print_link_says_what_to_do(workspace, as_viewer):
    meeting = factories.meeting(factories.empty_process(workspace))
    response = as_viewer.get(_url(meeting), follow=True)
    assert "Maak eerst een indeling" in response.content.decode()


def test_the_groups_page_links_to_the_print(workspace, as_viewer):
    meeting, _ = _room(workspace, 8)
    page = as_viewer.get(reverse("groups_plan", args=[workspace.slug, meeting.pk])).content.decode()
    assert _url(meeting) in page
