"""The tips youth groups give organisations on the social map (a found organisation, the undercover visit) are
tips like any other: each is listed until it has an answer, can become an action or be linked to one, and its
answer reaches the public feedback page."""

import pytest
from django.urls import reverse

from allin.actions import feedback, services, tip_answers
from allin.actions.models import ActionSource, SourceKind
from allin.socialmap import services as socialmap
from tests import factories as base

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups(process):
    found = socialmap.group_create(process=process, name="De Zoekers")
    visited = socialmap.group_create(process=process, name="Undercover 2")
    finding = socialmap.finding_save(
        group=found, organisation_name="Jongerenloket", tips="Zet je openingstijden op Instagram."
    )
    socialmap.finding_save(group=found, organisation_name="Bibliotheek", tops="Fijne plek")  # no tip
    undercover = socialmap.undercover_save(
        group=visited, organisation_name="Schuldhulp", tips="Bel terug als je een bericht achterlaat."
    )
    return finding, undercover


def _refs(process):
    return {tip.ref: tip for tip in tip_answers.tips(process)}


def test_every_social_map_tip_is_listed_with_its_organisation_and_group(process, groups):
    finding, undercover = groups
    refs = _refs(process)
    tip = refs[f"finding-{finding.pk}"]
    assert tip.label == "Tip aan Jongerenloket: Zet je openingstijden op Instagram."
    assert tip.where == "Sociale kaart, groepje De Zoekers"
    assert refs[f"undercover-{undercover.pk}"].label.startswith("Tip aan Schuldhulp: Bel terug")
    assert not any("Bibliotheek" in t.label for t in refs.values())  # tops without a tip are no tip


def test_a_social_map_tip_becomes_an_action_and_leaves_the_open_list(as_facilitator, process, groups):
    finding, _ = groups
    url = reverse("action_from_source", kwargs={"workspace": process.workspace.slug, "pk": process.pk})
    response = as_facilitator.post(
        url, {"source": f"finding-{finding.pk}", "client_id": "4a3b5c1e-0000-4000-8000-000000000001"}
    )
    assert response.status_code == 302
    source = ActionSource.objects.get(finding=finding)
    assert source.kind == SourceKind.FINDING
    assert source.action.title.startswith("Tip aan Jongerenloket")
    assert f"finding-{finding.pk}" not in _refs(process)
    ideas = as_facilitator.get(
        reverse("ideas_to_actions", kwargs={"workspace": process.workspace.slug, "pk": process.pk})
    ).content.decode()
    assert "Tips van jongeren aan organisaties" in ideas and "Bel terug als je een bericht" in ideas


def test_the_answer_to_an_undercover_tip_is_published(client, process, groups):
    _, undercover = groups
    tip_answers.tip_answer_save(
        process=process,
        ref=f"undercover-{undercover.pk}",
        status="geregeld",
        text="Schuldhulp belt nu binnen een dag terug.",
    )
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    html = client.get(f"/t/{page.key}/").content.decode()
    assert "Tip aan Schuldhulp" in html and "binnen een dag terug" in html


def test_a_tip_of_another_process_is_refused(process, groups):
    finding, _ = groups
    other = base.process(process.workspace, name="Ander traject")
    with pytest.raises(Exception, match="hoort niet bij dit traject"):
        services.source_by_ref(other, f"finding-{finding.pk}")
    with pytest.raises(Exception, match="hoort niet bij dit traject"):
        tip_answers.tip_answer_save(process=other, ref=f"finding-{finding.pk}", status="niet", text="Nee")
