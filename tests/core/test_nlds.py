"""The pages are built on the NL Design System: Utrecht's component CSS and the example tokens come from npm
(package.json) into static files, and the templates use the components' classes."""

import os

import pytest
from django.core.management import call_command
from django.urls import reverse

from allin.core import nlds


def test_the_committed_copy_is_what_the_npm_packages_give():
    try:
        files = nlds.built_files()
    except FileNotFoundError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("node_modules has no NL Design System packages here (npm install)")
    assert nlds.differences(files) == [], "run: .venv/bin/python manage.py nlds_static"
    call_command("nlds_static", "--check")  # the same check as a command, for a person after an npm upgrade


def test_the_copy_holds_the_components_and_the_example_tokens():
    css = (nlds.TARGET / "utrecht-components.css").read_text()
    for component in (
        "utrecht-button",
        "utrecht-textbox",
        "utrecht-alert",
        "utrecht-table",
        "utrecht-page-header",
    ):
        assert f".{component}" in css
    theme = (nlds.TARGET / "voorbeeld-theme.css").read_text()
    assert ".voorbeeld-theme" in theme and "--basis-color-accent-1-inverse-bg-default" in theme
    assert "--denhaag-" not in theme  # other libraries' tokens stay out


def test_a_page_loads_the_tokens_and_the_components(client, db):
    page = client.get(reverse("home")).content.decode()
    assert (
        page.index("nlds/voorbeeld-theme.css")
        < page.index("nlds/utrecht-components.css")
        < page.index("core/tokens.css")
    )
    assert 'class="utrecht-root voorbeeld-theme allin-theme"' in page
    assert "utrecht-page-header" in page and "utrecht-page-footer" in page and "utrecht-skip-link" in page
    assert 'class="utrecht-heading-1"' in page


def test_form_fields_render_as_components(client, db):
    page = client.get(reverse("login")).content.decode()
    assert "utrecht-form-field" in page and 'class="utrecht-form-label"' in page
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in page
    assert "utrecht-button--primary-action" in page


def test_a_refused_form_shows_an_alert_and_marks_the_field(client, db):
    page = client.post(reverse("login"), {"username": "", "password": ""}).content.decode()
    assert "utrecht-alert utrecht-alert--error error-summary" in page
    assert "utrecht-form-field--invalid" in page and "utrecht-form-field-error-message" in page
