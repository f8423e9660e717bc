"""The method library: every shipped file is valid, carries the methods' facts, and a broken file is named."""

from pathlib import Path

import pytest
import yaml
from django.core import checks
from django.urls import reverse

from allin.methods.apps import check_library
from allin.methods.loader import LIBRARY_DIR, LibraryError, load_file, load_library


def test_every_shipped_method_file_is_valid():
    methods = load_library()
    assert set(methods) == {"all-in", "werk-aan-netwerk", "kinderarmoede", "werkboek"}


def test_all_in_has_three_phases_and_the_phase_b_session():
    method = load_library()["all-in"]
    assert [p.key for p in method.phases] == ["A", "B", "C"]
    session = method.phases[1].meetings[0]
    breaks = [i for i in session.agenda if i.kind == "break"]
    assert len(breaks) == 2
    assert 170 <= session.agenda_minutes <= 185
    assert all(item.goals and item.instructions for item in session.agenda if item.kind == "item")
    assert len(method.dialogue_agreements) >= 6
    kinds = {card.kind for card in method.question_cards}
    assert {"card", "brainstorm", "closing"} <= kinds
    assert any(a.audience for a in method.phases[0].assignments)


def test_werk_aan_netwerk_session_has_its_parts_in_180_minutes():
    """The toolkit's ten parts, with "Plannen voor de regio" split into its two rounds (inspiration, then the
    elaboration round where each group hands in two plans)."""
    method = load_library()["werk-aan-netwerk"]
    assert len(method.phases) == 4
    session = next(m for m in method.meetings if m.duration_minutes == 180 and len(m.agenda) == 11)
    assert session.agenda_minutes == 180
    assert any(item.kind == "break" for item in session.agenda)
    checklist_titles = " ".join(c.title.lower() for c in session.checklists)
    for words in (("deelnemers",), ("locatie",), ("materialen", "benodigdheden"), ("voorbereiding",)):
        assert any(word in checklist_titles for word in words), words
    assert len(method.who_to_invite) >= 5


def test_child_poverty_series_has_five_meetings_with_getting_to_know():
    method = load_library()["kinderarmoede"]
    series = [m for m in method.meetings]
    assert len(series) == 5
    assert all(90 <= m.duration_minutes <= 180 for m in series)
    assert method.getting_to_know["max_minutes"] <= 15
    assert method.getting_to_know["max_group_size"] == 5
    assert len(method.getting_to_know["questions"]) == 3


def test_every_method_credits_its_makers():
    makers = {slug: " ".join(m.credit_makers) for slug, m in load_library().items()}
    for name in ("Defence for Children", "Save the Children", "Stimulansz", "Speaking Minds"):
        assert name in makers["all-in"]
    assert (
        "Programmaraad" in makers["werk-aan-netwerk"] or "Samen voor de klant" in makers["werk-aan-netwerk"]
    )
    assert "SZW" in makers["werkboek"] and "16-27" in makers["werkboek"]


def _broken(tmp_path, mutate, slug="all-in"):
    data = yaml.safe_load((LIBRARY_DIR / f"{slug}.yaml").read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / f"{slug}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.pop("name"), "all-in.yaml: name: ontbreekt"),
        (
            lambda d: d["phases"][1]["meetings"][0]["agenda"][0].pop("duration"),
            "all-in.yaml: phases[1].meetings[0].agenda[0].duration: ontbreekt",
        ),
        (
            lambda d: d["phases"][1]["meetings"][0]["agenda"][0].update(duration=300),
            "all-in.yaml: phases[1].meetings[0].agenda[0].duration: moet een heel getal van 1 tot 240 zijn",
        ),
        (lambda d: d["phases"][0].update(key="B"), "all-in.yaml: phases: key 'B' komt twee keer voor"),
        (
            lambda d: d["phases"][1]["meetings"][0]["agenda"][0].update(activity={"type": "dansen"}),
            "all-in.yaml: phases[1].meetings[0].agenda[0].activity.type: moet een van",
        ),
        (lambda d: d.update(slug="iets-anders"), "all-in.yaml: slug: moet gelijk zijn aan de bestandsnaam"),
        (lambda d: d["credits"].pop("makers"), "all-in.yaml: credits.makers: ontbreekt"),
    ],
)
def test_a_broken_file_names_the_file_and_the_field(tmp_path, mutate, expected):
    path = _broken(tmp_path, mutate)
    with pytest.raises(LibraryError) as info:
        load_file(path)
    assert str(info.value).startswith(expected)


def test_invalid_yaml_is_named(tmp_path):
    path = tmp_path / "kapot.yaml"
    path.write_text("slug: [unclosed", encoding="utf-8")
    with pytest.raises(LibraryError, match="kapot.yaml: geen geldige YAML"):
        load_file(path)


def test_start_up_check_reports_a_broken_library(tmp_path, monkeypatch):
    _broken(tmp_path, lambda d: d.pop("tagline"))
    monkeypatch.setattr("allin.methods.loader.LIBRARY_DIR", Path(tmp_path))
    monkeypatch.setattr("allin.methods.loader.load_library.__defaults__", (Path(tmp_path),))
    errors = check_library()
    assert len(errors) == 1 and isinstance(errors[0], checks.Error)
    assert "all-in.yaml: tagline: ontbreekt" in errors[0].msg


def test_start_up_check_passes_for_the_shipped_library():
    assert check_library() == []


def test_methods_pages_show_phases_cards_and_credits(as_viewer):
    body = as_viewer.get(reverse("method_list")).content.decode()
    for name in ("ALL-IN", "Werk aan Netwerk"):
        assert name in body
    detail = as_viewer.get(reverse("method_detail", args=["all-in"])).content.decode()
    method = load_library()["all-in"]
    assert method.phases[1].meetings[0].agenda[0].title in detail
    assert method.question_cards[0].questions[0] in detail
    assert "Speaking Minds" in detail


def test_unknown_method_is_404(as_viewer):
    assert as_viewer.get(reverse("method_detail", args=["bestaat-niet"])).status_code == 404


def test_methods_need_a_login_but_the_credits_page_is_public(client, db):
    assert client.get(reverse("method_list")).status_code == 302
    response = client.get(reverse("about_methods"))
    assert response.status_code == 200 and "Defence for Children" in response.content.decode()
