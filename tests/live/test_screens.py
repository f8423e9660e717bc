"""The one-way flow: services announce events after the commit, the screens layer turns them into what each
audience receives, the transport only delivers. A push that fails never fails the request that saved."""

import ast
import logging
import uuid
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from allin.live import events, notes, screens, services
from allin.live.models import Note
from allin.live.realtime import CONSOLE, PHONES, PROJECTOR, group

from . import helpers

LIVE = Path(__file__).resolve().parents[2] / "allin" / "live"


@pytest.fixture
def sent(monkeypatch):
    """What the screens layer hands to the transport: a list of (group, ops) per send."""
    calls = []
    monkeypatch.setattr(screens.realtime, "send", lambda sends, version=0: calls.append(list(sends)))
    return calls


def _note_data(board, text="Meer uitleg op school"):
    return {"activity": board.pk, "client_id": str(uuid.uuid4()), "text": text, "category": "top"}


def test_a_service_announces_an_event_only_after_the_commit(
    board, attendee, django_capture_on_commit_callbacks
):
    seen = []
    events.listen(seen.append)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            note, _ = helpers.post(board, attendee)
        assert seen == []  # nothing before the commit
        for callback in callbacks:
            callback()
    finally:
        events._listeners.remove(seen.append)
    note.refresh_from_db()
    assert seen == [events.LiveEvent(board.live_id, events.NOTE_ADDED, note_id=note.pk, version=note.version)]


def test_a_new_note_is_appended_on_the_projector_and_the_consoles(
    board, attendee, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        note, _ = helpers.post(board, attendee, text="Gratis wifi in de bieb")
    [sends] = sent
    by_group = dict(sends)
    [projector] = by_group[group(board.live_id, PROJECTOR)]
    [console] = by_group[group(board.live_id, CONSOLE)]
    assert projector["op"] == "append" and projector["id"] == f"pnote-{note.pk}"
    assert "Gratis wifi in de bieb" in projector["html"] and "Gratis wifi in de bieb" in console["html"]
    assert group(board.live_id, PHONES) not in by_group  # phones do not show the board


def test_the_next_item_gives_every_screen_its_stage(live, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.item_step(live=live, offset=1)
    [sends] = sent
    ops = {name: [op["op"] for op in ops] for name, ops in sends}
    assert ops == {
        group(live.pk, PHONES): ["stage"],
        group(live.pk, PROJECTOR): ["stage"],
        group(live.pk, CONSOLE): ["refresh"],
    }


@pytest.mark.django_db(transaction=True)
def test_a_failed_push_after_the_commit_is_logged_and_the_phone_still_gets_200(
    workspace, monkeypatch, caplog
):
    live = helpers.live_meeting(workspace)
    board = helpers.start_board(live)
    phone = helpers.phone_client(Client(), live, helpers.join(live))

    def broken(*args, **kwargs):
        raise ConnectionError("the channel layer is down")

    monkeypatch.setattr(screens.realtime, "send", broken)
    with caplog.at_level(logging.ERROR, logger="allin.live.push"):
        response = phone.post(
            reverse("live_note_post", args=[live.code]), _note_data(board), headers={"X-Live": "1"}
        )
    assert response.status_code == 200 and "Meer uitleg op school" in response.content.decode()
    assert Note.objects.filter(activity=board, text="Meer uitleg op school").count() == 1
    [record] = [r for r in caplog.records if r.name == "allin.live.push"]
    assert "live push failed after commit" in record.getMessage() and record.exc_info


@pytest.mark.django_db(transaction=True)
def test_a_failed_push_never_fails_a_console_action(workspace, monkeypatch, caplog):
    live = helpers.live_meeting(workspace)
    board = helpers.start_board(live)
    monkeypatch.setattr(screens.realtime, "send", lambda *a, **k: 1 / 0)
    with caplog.at_level(logging.ERROR, logger="allin.live.push"):
        theme = notes.theme_create(activity=board, name="Vindbaarheid")
    assert theme.pk and any(r.name == "allin.live.push" for r in caplog.records)


# ---- the floors inside live: nothing below imports anything above ----------------------------------------


def _imports(path):
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = ("." * node.level) + (node.module or "")
            names.add(base)
            names.update(
                f"{base}.{alias.name}" if base.endswith(".") is False else base + alias.name
                for alias in node.names
            )
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_transport_imports_nothing_of_what_screens_show():
    imports = _imports(LIVE / "realtime.py")
    assert not [name for name in imports if "allin" in name or name.startswith(".")]
    assert not [name for name in imports if "template" in name or "selectors" in name]


def test_events_import_only_the_models():
    assert {name for name in _imports(LIVE / "events.py") if "allin" in name or name.startswith(".")} <= {
        ".models",
        ".models.LiveMeeting",
        ".models.Note",
    }


def test_only_the_app_config_imports_the_screens_layer():
    importers = [
        path.relative_to(LIVE).as_posix()
        for path in LIVE.rglob("*.py")
        if path.name not in {"screens.py", "apps.py", "delta.py"}
        and any("screens" in name for name in _imports(path))
    ]
    assert importers == []


def test_the_kind_modules_do_not_import_their_package_back():
    for path in (LIVE / "kinds").glob("*.py"):
        imports = _imports(path)
        assert not [name for name in imports if name in {"..kinds", ".", "allin.live.kinds"}], path.name
