"""The floors of ARCHITECTURE.md hold in templates too: a template includes or extends templates, and loads tag
libraries, of its own app or of apps on floors below it (`lint-imports` checks the Python imports against the same
.importlinter). A higher app shows its part on a lower app's page through a panel (allin/core/panels.py)."""

import configparser
import re
from pathlib import Path

from django.test import Client

from allin.core.panels import panels_for

ROOT = Path(__file__).resolve().parents[2]
ALLIN = ROOT / "allin"
NAMED = re.compile(r"{%\s*(?:include|extends)\s+[\"']([\w-]+)/")
LOADS = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def _floors() -> dict[str, tuple[int, str]]:
    """app -> (floor, app) from the floors contract; a higher number is a higher floor."""
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter")
    layers = config["importlinter:contract:floors"]["layers"].split("\n")
    floors = {}
    for height, line in enumerate(reversed([line for line in layers if line.strip()])):
        for app in re.split(r"[|:]", line):
            floors[app.strip()] = height
    return floors


def _tag_libraries() -> dict[str, str]:
    return {
        lib.stem: lib.parents[1].name for lib in ALLIN.glob("*/templatetags/*.py") if lib.stem != "__init__"
    }


def _reaches(source_app: str, text: str, libraries: dict[str, str]) -> set[str]:
    apps = set(NAMED.findall(text))
    for names in LOADS.findall(text):
        apps |= {libraries[name] for name in names.split() if name in libraries}
    return apps - {source_app}


def _upward() -> list[str]:
    floors, libraries = _floors(), _tag_libraries()
    wrong = []
    for app, floor in floors.items():
        for path in sorted((ALLIN / app / "templates").rglob("*")):
            if not path.is_file():
                continue
            for other in sorted(_reaches(app, path.read_text(errors="ignore"), libraries)):
                if other in floors and floors[other] >= floor:
                    wrong.append(f"{path.relative_to(ALLIN)} reaches {other} (floor of {app} or above)")
    # base.html and the shared includes are every app's: they may use core only.
    for path in sorted((ALLIN / "templates").glob("[_b]*.html")):
        for other in sorted(_reaches("core", path.read_text(), libraries)):
            if other in floors:
                wrong.append(f"{path.relative_to(ALLIN)} (shared) reaches {other}")
    return wrong


def test_every_app_has_a_floor():
    apps = {path.parent.name for path in ALLIN.glob("*/apps.py")}
    assert apps <= set(_floors()), apps - set(_floors())
    architecture = (ROOT / "ARCHITECTURE.md").read_text()
    assert all(f"`{app}`" in architecture for app in apps)


def test_no_template_reaches_up_a_floor():
    assert _upward() == []


def test_the_check_sees_an_upward_include():
    libraries = _tag_libraries()
    assert _reaches("processes", '{% include "actions/_steps.html" %}', libraries) == {"actions"}
    assert _reaches("network", "{% load i18n actions_tags %}", libraries) == {"actions"}
    assert _reaches("actions", '{% extends "base.html" %}{% include "actions/_x.html" %}', libraries) == set()


def test_higher_apps_show_their_panels_on_lower_pages(allin_process, as_facilitator, workspace):
    process = allin_process
    assert [p.template for p in panels_for("process_detail")] == ["actions/_process_steps.html"]
    assert [p.template for p in panels_for("network_overview")] == ["people/_network_invitations.html"]
    page = as_facilitator.get(f"/w/{workspace.slug}/trajecten/{process.pk}/").content.decode()
    assert "Naar: Terugkoppeling aan jongeren" in page  # the actions panel, in ALL-IN's words
    overview = as_facilitator.get(f"/w/{workspace.slug}/netwerk/").content.decode()
    assert "Wie is uitgenodigd voor welke bijeenkomst?" in overview  # the people panel
    assert Client().get(f"/w/{workspace.slug}/netwerk/").status_code == 302
