"""Each method shows its own optional parts, in its own words; a part switched on from another method speaks
neutrally, never in ALL-IN's words."""

import pytest
from django.urls import reverse

from allin.methods.schema import MethodError, parse_method
from tests import factories

# Each method's own optional parts: the link of each part on the process page, and the method's name for it.
OWN = {
    "all-in": {"socialmap": "Sociale kaart van de jongeren"},
    "werk-aan-netwerk": {"process_network": "Netwerkkaarten"},
    "kinderarmoede": {},
    "werkboek": {"workgroup": "Werkgroep en vraag", "experiment_list": "Experimentenlogboek"},
}


def _page(client, process):
    return client.get(reverse("process_detail", args=[process.workspace.slug, process.pk])).content.decode()


def _link(process, name, text):
    return f'href="{reverse(name, args=[process.workspace.slug, process.pk])}">{text}</a>'


@pytest.mark.parametrize("slug", sorted(OWN))
def test_a_process_page_shows_its_methods_parts_and_no_others(as_facilitator, workspace, slug):
    process = factories.process(workspace, method_slug=slug)
    page = _page(as_facilitator, process)
    for name, text in OWN[slug].items():
        assert _link(process, name, text) in page
    for other, parts in OWN.items():
        if other != slug:
            for name in parts:
                assert f'href="{reverse(name, args=[workspace.slug, process.pk])}"' not in page, (slug, name)
    assert _link(process, "stepzero", "Stap 0: voorbereiding") in page
    assert _link(process, "participant_list", "Deelnemers") in page
    assert _link(process, "ideas_to_actions", "Van ideeën naar acties") in page
    five_steps = "Betekenisvolle participatie: de 5 stappen van de VN" in page
    assert five_steps == (slug == "all-in")


def test_the_actions_nav_shows_feedback_only_where_the_method_uses_it(as_facilitator, workspace):
    allin = factories.process(workspace)
    wan = factories.process(workspace, method_slug="werk-aan-netwerk")
    allin_nav = as_facilitator.get(reverse("action_list", args=[workspace.slug, allin.pk])).content.decode()
    wan_nav = as_facilitator.get(reverse("action_list", args=[workspace.slug, wan.pk])).content.decode()
    assert "Terugkoppeling aan jongeren" in allin_nav
    assert "Afsprakenkaarten en nabellen" not in allin_nav
    assert "Afsprakenkaarten en nabellen" in wan_nav
    assert "Terugkoppeling" not in wan_nav


def test_switching_a_part_on_shows_it_in_neutral_words(as_facilitator, workspace):
    wan = factories.process(workspace, method_slug="werk-aan-netwerk")
    url = reverse("process_tools", args=[workspace.slug, wan.pk])
    response = as_facilitator.post(url, {"tools": ["five_steps", "feedback", "socialmap"]})
    assert response.status_code == 302
    wan.refresh_from_db()
    assert wan.tools_on == ["socialmap", "five_steps", "feedback"]
    page = _page(as_facilitator, wan)
    assert "Stappen van betekenisvolle participatie" in page
    assert "Terugkoppeling aan deelnemers" in page
    assert _link(wan, "socialmap", "Sociale kaart") in page
    assert "de 5 stappen van de VN" not in page and "Terugkoppeling aan jongeren" not in page
    assert "tips van jongeren" not in page and "Jongeren kunnen reageren" not in page
    assert "Deelnemers kunnen reageren op de antwoorden." in page
    nav = as_facilitator.get(reverse("action_list", args=[workspace.slug, wan.pk])).content.decode()
    assert "Terugkoppeling aan deelnemers" in nav and "Terugkoppeling aan jongeren" not in nav


def test_switching_off_hides_the_part_again(as_facilitator, workspace):
    wan = factories.process(workspace, method_slug="werk-aan-netwerk")
    url = reverse("process_tools", args=[workspace.slug, wan.pk])
    as_facilitator.post(url, {"tools": ["socialmap"]})
    as_facilitator.post(url, {})
    wan.refresh_from_db()
    assert wan.tools_on == []
    assert reverse("socialmap", args=[workspace.slug, wan.pk]) not in _page(as_facilitator, wan)


def test_a_methods_own_part_is_not_offered_and_cannot_be_posted(as_facilitator, workspace):
    wan = factories.process(workspace, method_slug="werk-aan-netwerk")
    page = _page(as_facilitator, wan)
    assert 'value="network"' not in page and 'value="socialmap"' in page
    as_facilitator.post(reverse("process_tools", args=[workspace.slug, wan.pk]), {"tools": ["network"]})
    wan.refresh_from_db()
    assert wan.tools_on == []


def test_a_viewer_cannot_switch_parts(as_viewer, workspace):
    wan = factories.process(workspace, method_slug="werk-aan-netwerk")
    assert "Onderdelen aan- of uitzetten" not in _page(as_viewer, wan)
    response = as_viewer.post(
        reverse("process_tools", args=[workspace.slug, wan.pk]), {"tools": ["socialmap"]}
    )
    assert response.status_code == 403
    wan.refresh_from_db()
    assert wan.tools_on == []


def _minimal(**extra):
    return {
        "slug": "proef",
        "name": "Proef",
        "tagline": "Een proef.",
        "summary": "Een proef.",
        "audience": "Iedereen",
        "credits": {"makers": ["Wij"], "text": "Van ons.", "source": "Ons document"},
        "phases": [{"key": "A", "name": "Fase A", "description": "De eerste fase."}],
        **extra,
    }


def test_the_schema_refuses_an_unknown_tool_key():
    with pytest.raises(MethodError) as err:
        parse_method(_minimal(tools={"socialmap": None, "toverstaf": "Toverstaf"}))
    assert err.value.path == "tools.toverstaf"


def test_the_schema_reads_tools_with_and_without_own_words():
    method = parse_method(_minimal(tools={"socialmap": None, "feedback": "Terugkoppeling aan bewoners"}))
    assert method.tools == {"socialmap": "", "feedback": "Terugkoppeling aan bewoners"}
