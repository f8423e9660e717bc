"""The kind registry: filled from LiveConfig.ready(), and a system check that every live activity type of the
method files is a notes board or a registered kind with a label and templates."""

import dataclasses

import pytest

from allin.live import checks, registry
from allin.live.models import NOTE_KINDS, Activity
from allin.methods.activities import LIVE_ACTIVITIES


def test_every_live_activity_is_a_board_or_a_registered_kind():
    assert set(LIVE_ACTIVITIES) - NOTE_KINDS == set(registry.REGISTRY)
    assert checks.live_kinds_complete() == []


def test_the_model_kinds_are_the_method_list_and_the_parking_board():
    assert set(Activity.Kind.values) == set(LIVE_ACTIVITIES) | {"parking"}


def test_a_kind_without_its_module_fails_the_check(monkeypatch):
    monkeypatch.delitem(registry.REGISTRY, "consent")
    assert [e.id for e in checks.live_kinds_complete()] == ["live.E001"]


def test_a_kind_with_a_missing_template_fails_the_check(monkeypatch):
    spec = dataclasses.replace(registry.get("vote"), console_template="live/kinds/nowhere.html")
    monkeypatch.setitem(registry.REGISTRY, "vote", spec)
    errors = checks.live_kinds_complete()
    assert [e.id for e in errors] == ["live.E003"] and "nowhere.html" in errors[0].msg


def test_a_kind_outside_the_list_fails_the_check(monkeypatch):
    spec = dataclasses.replace(registry.get("vote"), kind="poll")
    monkeypatch.setitem(registry.REGISTRY, "poll", spec)
    assert [e.id for e in checks.live_kinds_complete()] == ["live.E004"]


def test_registering_a_second_spec_for_a_kind_is_refused(monkeypatch):
    monkeypatch.setattr(registry, "REGISTRY", dict(registry.REGISTRY))
    with pytest.raises(RuntimeError):
        registry.register(dataclasses.replace(registry.get("vote")))


def test_the_schema_of_the_method_files_knows_the_same_types(monkeypatch):
    monkeypatch.setattr(checks, "ACTIVITY_TYPES", checks.ACTIVITY_TYPES - {"findings"})
    assert [e.id for e in checks.live_kinds_complete()] == ["live.E005"]
