"""The preparation pages: the facilitator makes, revokes and resends links and sees who answered; the person
behind a link fills in their own preparation without an account. Wrong, expired and revoked links get a clear
Dutch page and save nothing; anonymous posts are rate-limited."""

import html
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from allin.socialmap import preparations
from allin.socialmap.models import Preparation
from tests.conftest import client_for


@pytest.fixture
def petra(process):
    return preparations.preparation_create(
        process=process, role="professional", name="Petra Jansen", organisation_name="Geldfit"
    )


def _url(prep):
    return reverse("preparation_form", args=[preparations.token(prep)])


def _list(workspace, process):
    return reverse("socialmap_preparations", args=[workspace.slug, process.pk])


def test_the_person_opens_and_fills_in_their_preparation(petra):
    client = Client()
    page = client.get(_url(petra))
    assert page.status_code == 200
    assert "Petra Jansen" in page.content.decode() and "Vindbaarheid" in page.content.decode()
    answer = client.post(
        _url(petra), {"findability": "4", "clarity": "", "contact": "Via de chat", "tips": "Sneller"}
    )
    assert answer.status_code == 302
    petra.refresh_from_db()
    assert petra.findability == 4 and petra.answers == {"contact": "Via de chat", "tips": "Sneller"}
    again = client.get(_url(petra)).content.decode()
    assert "Je hebt dit ingevuld op" in again and "Via de chat" in again


def test_a_rating_outside_one_to_five_is_refused_on_the_page(petra):
    response = Client().post(_url(petra), {"findability": "7", "contact": "Via de chat"})
    assert response.status_code == 400
    assert "Vindbaarheid: kies een cijfer van 1 tot en met 5." in response.content.decode()
    assert "Via de chat" in response.content.decode()  # the typing is kept
    petra.refresh_from_db()
    assert petra.answered_at is None


def test_a_policy_maker_sees_the_policy_questions_and_no_ratings(process):
    mira = preparations.preparation_create(process=process, role="beleidsmaker", name="Mira")
    page = Client().get(_url(mira)).content.decode()
    assert "Welke regelingen en voorzieningen" in page and "Vindbaarheid" not in page


@pytest.mark.parametrize(
    "spoil, status, message",
    [
        (lambda p: Preparation.objects.filter(pk=p.pk).update(revoked_at=timezone.now()), 410, "ingetrokken"),
        (
            lambda p: Preparation.objects.filter(pk=p.pk).update(
                expires_at=timezone.now() - timedelta(days=1)
            ),
            410,
            "verlopen",
        ),
    ],
)
def test_revoked_and_expired_links_get_a_dutch_page_and_save_nothing(petra, spoil, status, message):
    url = _url(petra)
    spoil(petra)
    assert message in Client().get(url).content.decode()
    response = Client().post(url, {"contact": "Via de chat"})
    assert response.status_code == status and message in response.content.decode()
    petra.refresh_from_db()
    assert petra.answers == {}


def test_a_wrong_link_gets_a_dutch_page(petra):
    response = Client().get(reverse("preparation_form", args=["niet-echt"]))
    assert response.status_code == 404 and "Deze link klopt niet" in response.content.decode()


def test_many_wrong_links_from_one_address_are_slowed_down(petra):
    client = Client()
    for _attempt in range(20):
        client.get(reverse("preparation_form", args=["fout"]))
    assert client.get(_url(petra)).status_code == 429


def test_many_posts_from_one_address_are_slowed_down_and_not_saved(petra):
    client = Client()
    for _attempt in range(30):
        client.post(_url(petra), {"findability": "9"})
    response = client.post(_url(petra), {"contact": "Via de chat"})
    assert response.status_code == 429
    petra.refresh_from_db()
    assert petra.answers == {}


def test_the_facilitator_makes_a_link_and_sees_who_answered(workspace, process, as_facilitator, petra):
    response = as_facilitator.post(
        _list(workspace, process),
        {"role": "beleidsmaker", "name": "Mira de Boer", "organisation_name": "Gemeente"},
    )
    assert response.status_code == 302
    mira = Preparation.objects.get(name="Mira de Boer")
    preparations.preparation_answer(
        preparation=petra, answers={"tops": "Snelle afspraak"}, ratings={"fit": 3}
    )
    page = as_facilitator.get(_list(workspace, process)).content.decode()
    assert "ingevuld" in page and "nog niet ingevuld" in page and "Snelle afspraak" in page
    assert Client().get(_link_on_the_list(page, mira)).status_code == 200


def test_a_bad_e_mail_address_is_refused_on_the_page(workspace, process, as_facilitator):
    response = as_facilitator.post(
        _list(workspace, process), {"role": "professional", "name": "Karim", "email": "karim@", "send": "on"}
    )
    assert response.status_code == 400 and "geen e-mailadres" in response.content.decode()
    assert not Preparation.objects.exists()


def test_a_viewer_reads_answers_but_not_the_links(workspace, process, as_viewer, petra):
    page = as_viewer.get(_list(workspace, process)).content.decode()
    assert "Petra Jansen" in page and "/voorbereiding/" not in page


def test_revoke_and_resend_from_the_list(workspace, process, as_facilitator, petra):
    old = _url(petra)
    as_facilitator.post(reverse("socialmap_preparation_revoke", args=[workspace.slug, process.pk, petra.pk]))
    assert Client().get(old).status_code == 410
    as_facilitator.post(reverse("socialmap_preparation_resend", args=[workspace.slug, process.pk, petra.pk]))
    assert Client().get(old).status_code == 404
    new = _link_on_the_list(as_facilitator.get(_list(workspace, process)).content.decode(), petra)
    assert new != old and Client().get(new).status_code == 200


def _link_on_the_list(page, prep):
    match = re.search(rf'id="prep-link-{prep.pk}" value="[^"]*(/voorbereiding/[^"]+)"', page)
    return match and html.unescape(match.group(1))


def test_the_link_is_shown_only_to_the_facilitator_who_made_it(
    workspace, process, as_facilitator, facilitator, owner
):
    as_facilitator.post(_list(workspace, process), {"role": "beleidsmaker", "name": "Mira de Boer"})
    mira = Preparation.objects.get(name="Mira de Boer")
    link = _link_on_the_list(as_facilitator.get(_list(workspace, process)).content.decode(), mira)
    assert Client().get(link).status_code == 200
    # The database cannot give it to anyone else: another member sees how to make a new one.
    other = client_for(owner).get(_list(workspace, process)).content.decode()
    assert _link_on_the_list(other, mira) is None and "we bewaren hem niet" in other
    as_facilitator.post(reverse("socialmap_preparation_revoke", args=[workspace.slug, process.pk, mira.pk]))
    assert _link_on_the_list(as_facilitator.get(_list(workspace, process)).content.decode(), mira) is None


def test_a_preparation_of_another_process_is_not_found(workspace, process, as_facilitator, petra):
    from tests import factories

    other = factories.empty_process(workspace, name="Ander traject")
    url = reverse("socialmap_preparation_revoke", args=[workspace.slug, other.pk, petra.pk])
    assert as_facilitator.post(url).status_code == 404
    petra.refresh_from_db()
    assert petra.revoked_at is None
