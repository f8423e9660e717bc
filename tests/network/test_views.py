"""The network pages for members: overview, the picture, the "who to think of" list, the facilitator's forms and
the printable card."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from allin.network import collaborations, services
from allin.network.catalogue import THINK_OF, Share
from allin.network.models import Partner
from tests.exports.helpers import pdf_reader, pdf_text

from . import factories


def _url(name, workspace, **kwargs):
    return reverse(name, kwargs={"workspace": workspace.slug, **kwargs})


def test_overview_groups_by_kind_and_shows_what_is_missing(workspace, as_facilitator):
    factories.partner(workspace, "ROC Voorbeeld", kind="mbo", contacts=[{"name": "Karin", "role": "decaan"}])
    factories.partner(workspace, "RMC Regio", kind="rmc", contacts=[])
    factories.partner(workspace, "Bouwbedrijf", kind="werkgever", contacts=[])
    page = as_facilitator.get(_url("network_overview", workspace)).content.decode()
    assert "Mbo-instelling" in page and "RMC en leerplicht" in page and "Werkgever" in page
    assert page.count("ontbreekt nog") == len(THINK_OF) - 3  # covered: loopbaan (a decaan), rmc, werkgevers
    assert "De regiocontactpersoon van het Expertisepunt LOB" in page


def test_think_of_matches_kind_name_and_contact_function(workspace):
    from allin.network.selectors import think_of_status

    factories.partner(workspace, "Expertisepunt LOB", kind="overig", contacts=[])
    factories.partner(
        workspace, "Stichting Werk", kind="overig", contacts=[{"name": "Jan", "role": "RMC-coördinator"}]
    )
    factories.partner(
        workspace, "Problem solvers", kind="overig", contacts=[]
    )  # "pro" inside a word: no match
    status = {
        line["key"]: [p.name for p in line["partners"]] for line in think_of_status(Partner.objects.all())
    }
    assert status["lob"] == ["Expertisepunt LOB"]
    assert status["rmc"] == ["Stichting Werk"]
    assert status["pro-vso"] == []


def test_the_picture_is_accessible_svg_with_a_text_alternative(workspace, as_facilitator):
    a = factories.partner(workspace, "ROC <Voorbeeld>", kind="mbo")
    b = factories.partner(workspace, "Jongerenwerk", kind="jongerenwerk")
    collaborations.collaboration_add(workspace=workspace, first=a, second=b, note="stages & spreekuur")
    page = as_facilitator.get(_url("network_overview", workspace)).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "aria-labelledby=" in svg
    assert "<title id=" in svg and "<desc id=" in svg
    assert "ROC &lt;Voorbeeld&gt;" in svg and "<Voorbeeld>" not in page  # escaped
    assert svg.count("<circle") == 2 and svg.count("<path") == 3  # two kind arcs, one collaboration
    assert not re.search(r'(cx|cy|x|y)="\d+,\d', svg)  # numbers with dots, whatever the language
    assert "Het plaatje als tekst" in page and "stages &amp; spreekuur" in page


def test_the_people_panel_says_when_nobody_is_invited_yet(db):
    page = Template('{% load panels %}{% panels "network_overview" partners=partners %}')
    html = page.render(Context({"partners": [], "request": None}))
    assert "Nog niemand van deze organisaties is uitgenodigd" in html


def test_facilitator_creates_and_edits_a_card(workspace, as_facilitator, allin_process):
    data = {
        "name": "ROC Voorbeeld",
        "kind": "mbo",
        "description": "Mbo",
        "process": allin_process.pk,
        "contact_1_name": "Karin",
        "contact_1_email": "karin@roc.example",
        "ideas": "Spreekuur",
    }
    response = as_facilitator.post(_url("partner_create", workspace), data)
    partner = Partner.objects.get()
    assert response.status_code == 302 and response["Location"] == _url(
        "partner_detail", workspace, pk=partner.pk
    )
    assert partner.process == allin_process and partner.contacts.get().email == "karin@roc.example"
    edit = _url("partner_edit", workspace, pk=partner.pk)
    assert "Karin" in as_facilitator.get(edit).content.decode()
    refused = as_facilitator.post(edit, {**data, "contact_2_email": "fout"})
    assert refused.status_code == 400 and "is geen e-mailadres" in refused.content.decode()
    as_facilitator.post(edit, {**data, "name": "ROC Zuid"})
    partner.refresh_from_db()
    assert partner.name == "ROC Zuid"


def test_duplicate_name_on_the_form_is_a_dutch_message(workspace, as_facilitator):
    factories.partner(workspace, "ROC Voorbeeld")
    response = as_facilitator.post(
        _url("partner_create", workspace), {"name": "roc voorbeeld", "kind": "mbo"}
    )
    assert response.status_code == 400
    assert "Er is al een partner met de naam" in response.content.decode()
    assert Partner.objects.count() == 1


def test_delete_removes_the_card(workspace, as_facilitator):
    partner = factories.partner(workspace)
    response = as_facilitator.post(_url("partner_delete", workspace, pk=partner.pk))
    assert response.status_code == 302 and not Partner.objects.exists()


def test_collaborations_page_adds_and_removes(workspace, as_facilitator):
    a, b = factories.partner(workspace, "A"), factories.partner(workspace, "B")
    url = _url("collaborations", workspace)
    assert as_facilitator.post(url, {"first": a.pk, "second": b.pk, "note": "stages"}).status_code == 302
    again = as_facilitator.post(url, {"first": b.pk, "second": a.pk})
    assert again.status_code == 400 and "staat er al" in again.content.decode()
    collaboration = services.Collaboration.objects.get()
    as_facilitator.post(_url("collaboration_delete", workspace, pk=collaboration.pk))
    assert not services.Collaboration.objects.exists()


def test_the_printed_card_has_the_partner_on_it(workspace, as_viewer):
    partner = factories.partner(
        workspace,
        "ROC Voorbeeld",
        share=Share.WORKSPACE,
        ideas="Een spreekuur op school",
        contacts=[{"name": "Fatma Yilmaz", "role": "loopbaanadviseur", "email": "fatma@roc.example"}],
    )
    reader = pdf_reader(as_viewer.get(_url("partner_pdf", workspace, pk=partner.pk)))
    text = pdf_text(reader)
    assert "ROC Voorbeeld" in text and "Een spreekuur op school" in text and "Fatma Yilmaz" in text
    assert len(reader.pages) == 2  # like the paper card: about the organisation, then ideas and wishes
    assert "Netwerkkaart: ROC Voorbeeld" in (reader.metadata.title or "")


@pytest.mark.parametrize(
    "share, shown", [(Share.NOBODY, False), (Share.PROCESS, True), (Share.WORKSPACE, True)]
)
def test_process_network_page_shows_what_its_participants_see(
    workspace, as_viewer, allin_process, share, shown
):
    card = factories.partner(workspace, "ROC Voorbeeld", share=share, process=allin_process)
    page = as_viewer.get(_url("process_network", workspace, pk=allin_process.pk)).content.decode()
    assert (card.name in page) is shown
    assert "Link maken" not in page  # viewers cannot make the participants' link


def test_facilitator_makes_and_revokes_the_participants_link(workspace, as_facilitator, allin_process):
    response = as_facilitator.post(
        _url("participant_link_create", workspace, pk=allin_process.pk), follow=True
    )
    page = response.content.decode()
    match = re.search(r'value="http://testserver(/netwerk/[^"]+/)"', page)
    assert match
    from django.test import Client

    assert Client().get(match.group(1)).status_code == 200
    as_facilitator.post(_url("participant_link_revoke", workspace, pk=allin_process.pk))
    assert Client().get(match.group(1)).status_code == 410
