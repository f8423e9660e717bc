"""The social map: organisations found most, the search words, the mirror per organisation (youth's averages
beside the organisation's own, as an accessible SVG with a table), what was not found; and the facilitator's
pages for typing in a group's findings."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from allin.socialmap import charts, preparations, selectors, services
from allin.socialmap.models import Finding, SearchWord, YouthGroup

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def filled(process):
    one = services.group_create(process=process, name="Groepje 1")
    two = services.group_create(process=process, name="Groepje 2")
    services.search_words_add(group=one, texts=["schulden hulp", "geld", "Geld!"])
    services.search_words_add(group=two, texts=["geld", "toeslagen"])
    services.finding_save(
        group=one, organisation_name="Geldfit", ratings={"findability": 4, "reachability": 2, "clarity": 5}
    )
    services.finding_save(
        group=two, organisation_name="geldfit", ratings={"findability": 3, "reachability": 3}
    )
    services.finding_save(group=two, organisation_name="Jongerenloket <b>", ratings={})
    services.not_found_add(group=one, name="Chat van schuldhulp", note="Alleen bellen")
    services.not_found_add(group=two, name="chat van schuldhulp")
    services.not_found_add(group=two, name="Hulp voor studenten")
    petra = preparations.preparation_create(
        process=process, role="professional", name="Petra", organisation_name="GELDFIT"
    )
    preparations.preparation_answer(preparation=petra, answers={}, ratings={"findability": 5, "fit": 4})
    open_link = preparations.preparation_create(
        process=process, role="professional", name="Karim", organisation_name="Geldfit"
    )
    assert open_link.answered_at is None  # not answered: does not count in the mirror
    return process


def test_found_most_words_and_not_found(filled):
    social = selectors.SocialMap(filled)
    assert [(f.organisation.name, f.count) for f in social.found_most] == [
        ("Geldfit", 2),
        ("Jongerenloket <b>", 1),
    ]
    assert social.words == [("geld", 3), ("schulden hulp", 1), ("toeslagen", 1)]
    assert [(m.name, m.count, m.notes) for m in social.not_found] == [
        ("Chat van schuldhulp", 2, ["Alleen bellen"]),
        ("Hulp voor studenten", 1, []),
    ]
    assert charts.cloud_sizes(social.words) == [("geld", 3, 5), ("schulden hulp", 1, 1), ("toeslagen", 1, 1)]


def test_the_mirror_averages_youth_and_own_ratings(filled):
    mirrors = selectors.SocialMap(filled).mirrors
    assert [m.organisation.name for m in mirrors] == ["Geldfit"]  # the Jongerenloket has no ratings
    geldfit = mirrors[0]
    assert geldfit.youth == {"findability": 3.5, "reachability": 2.5, "clarity": 5.0, "fit": None}
    assert geldfit.own == {"findability": 5.0, "reachability": None, "clarity": None, "fit": 4.0}
    assert (geldfit.youth_count, geldfit.own_count, geldfit.has_both) == (2, 1, True)


def test_the_mirror_chart_is_an_accessible_svg(filled):
    mirror = selectors.SocialMap(filled).mirrors[0]
    root = ElementTree.fromstring(str(mirror.svg))
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "Geldfit" in title.text
    assert "Vindbaarheid: jongeren 3,5, de organisatie zelf 5,0" in desc.text
    assert "Past bij jongeren: jongeren geen cijfer" in desc.text
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("height") == str(charts.BAR_H)]
    # Youth 3.5, 2.5 and 5; own 5 and 4 (missing ratings draw no bar), 380 px for a 5.
    assert sorted(widths) == sorted([266.0, 190.0, 380.0, 380.0, 304.0])


def test_names_in_the_chart_are_escaped(process):
    group = services.group_create(process=process, name="G")
    services.finding_save(group=group, organisation_name='<script>alert("x")</script>', ratings={"fit": 1})
    svg = str(selectors.SocialMap(process).mirrors[0].svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ElementTree.fromstring(svg)  # still well-formed


def test_the_social_map_page(workspace, filled, as_viewer, django_assert_max_num_queries):
    url = reverse("socialmap", args=[workspace.slug, filled.pk])
    with django_assert_max_num_queries(25):
        page = as_viewer.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Vaakst gevonden organisaties" in html and "Jongerenloket &lt;b&gt;" in html
    assert 'class="sm-size-5"><span dir="auto">geld' in html
    assert '<table class="utrecht-table' in html and "De organisatie zelf" in html and "3,5" in html
    assert "Chat van schuldhulp" in html and "Hulp voor studenten" in html
    assert "Groepje toevoegen" not in html  # a viewer changes nothing


def test_the_process_page_links_to_the_social_map(workspace, process, as_viewer):
    html = as_viewer.get(reverse("process_detail", args=[workspace.slug, process.pk])).content.decode()
    assert reverse("socialmap", args=[workspace.slug, process.pk]) in html


def _action(workspace, group, action):
    return reverse("socialmap_group_action", args=[workspace.slug, group.process_id, group.pk, action])


def test_the_facilitator_types_in_a_group(workspace, process, as_facilitator):
    response = as_facilitator.post(
        reverse("socialmap_group_create", args=[workspace.slug, process.pk]), {"name": "A"}
    )
    group = YouthGroup.objects.get(process=process)
    assert response.status_code == 302
    as_facilitator.post(_action(workspace, group, "zoekwoorden"), {"words": "geld, schulden"})
    as_facilitator.post(
        _action(workspace, group, "organisatie"),
        {"prefix": "new", "new-organisation_name": "Geldfit", "new-findability": "4", "new-fit": "2"},
    )
    as_facilitator.post(_action(workspace, group, "niet-gevonden"), {"name": "Chat"})
    as_facilitator.post(_action(workspace, group, "undercover"), {"case": "Lisa (19)", "tips": "Sneller"})
    finding = Finding.objects.get(group=group)
    assert (finding.organisation.name, finding.findability, finding.fit) == ("Geldfit", 4, 2)
    assert SearchWord.objects.filter(group=group).count() == 2
    assert group.not_found.count() == 1 and group.undercover.case == "Lisa (19)"
    # Change the finding through its own row's form.
    as_facilitator.post(
        _action(workspace, group, "organisatie"),
        {
            "prefix": f"f{finding.pk}",
            f"f{finding.pk}-organisation_name": "Geldfit",
            f"f{finding.pk}-fit": "5",
        },
    )
    finding.refresh_from_db()
    assert (finding.findability, finding.fit) == (None, 5)
    page = as_facilitator.get(reverse("socialmap_group", args=[workspace.slug, process.pk, group.pk]))
    assert "Geldfit" in page.content.decode()


def test_a_rating_outside_one_to_five_is_refused_on_the_page(workspace, group, as_facilitator):
    response = as_facilitator.post(
        _action(workspace, group, "organisatie"),
        {"prefix": "new", "new-organisation_name": "Geldfit", "new-clarity": "0"},
    )
    assert response.status_code == 400
    assert "Duidelijkheid: kies een cijfer van 1 tot en met 5." in response.content.decode()
    assert 'value="Geldfit"' in response.content.decode()  # nothing the facilitator typed is lost
    assert not Finding.objects.exists()


def test_a_group_of_another_process_is_not_found(workspace, group, as_facilitator):
    from tests import factories

    other = factories.empty_process(workspace, name="Ander")
    url = reverse("socialmap_group_action", args=[workspace.slug, other.pk, group.pk, "zoekwoorden"])
    assert as_facilitator.post(url, {"words": "geld"}).status_code == 404
    assert not SearchWord.objects.exists()


def test_deleting_a_group_and_an_unknown_action(workspace, group, as_facilitator):
    assert as_facilitator.post(_action(workspace, group, "onbekend")).status_code == 404
    assert as_facilitator.post(_action(workspace, group, "organisatie-weg"), {"id": "x"}).status_code == 302
    assert as_facilitator.post(_action(workspace, group, "verwijderen")).status_code == 302
    assert not YouthGroup.objects.exists()


def test_an_organisation_page_shows_the_mirror_and_edits(workspace, filled, as_facilitator):
    org = selectors.SocialMap(filled).mirrors[0].organisation
    url = reverse("socialmap_organisation", args=[workspace.slug, filled.pk, org.pk])
    assert "mirror-" in as_facilitator.get(url).content.decode()
    response = as_facilitator.post(url, {"name": "Geldfit", "website": "niet goed"})
    assert response.status_code == 400 and "geen webadres" in response.content.decode()
    assert as_facilitator.post(url, {"name": "Geldfit NL", "website": "geldfit.nl"}).status_code == 302
    org.refresh_from_db()
    assert (org.name, org.website) == ("Geldfit NL", "https://geldfit.nl")
