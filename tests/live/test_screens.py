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


def test_a_board_pushed_to_every_phone_asks_only_phones_that_posted_for_their_notes(
    live, attendee, sent, django_capture_on_commit_callbacks
):
    """A "next" to a board sends every phone the same stage, already saying "nothing sent yet"; it carries the
    key under which live.js remembers posting there, so only those phones ask for their own notes."""
    with django_capture_on_commit_callbacks(execute=True):
        board = helpers.start_board(live)
    [sends] = sent
    [stage] = dict(sends)[group(live.pk, PHONES)]
    key = f'data-mine-key="allin-posted-{live.code}-{board.pk}"'
    assert key in stage["html"] and "data-mine-shared" in stage["html"]
    assert "Je hebt hier nog niets gestuurd." in stage["html"]
    # The phone's own stage (its page, a refetch) is already its own: it shows its notes, and is not shared.
    helpers.post(board, attendee, text="Mijn eigen post-it")
    phone = helpers.phone_client(Client(), live, attendee)
    own = phone.get(reverse("live_phone_stage", args=[live.code])).content.decode()
    assert key in own and "data-mine-shared" not in own and "Mijn eigen post-it" in own


def test_the_push_of_a_new_note_renders_the_note_as_saved_without_reading_it_back(
    live, board, attendee, sent, django_capture_on_commit_callbacks
):
    from django.db import connection

    phone = helpers.phone_client(Client(), live, attendee)
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with django_capture_on_commit_callbacks(execute=True), connection.execute_wrapper(record):
        response = phone.post(
            reverse("live_note_post", args=[live.code]), _note_data(board), headers={"X-Live": "1"}
        )
    assert response.status_code == 200
    [sends] = sent
    assert "Meer uitleg op school" in dict(sends)[group(live.pk, PROJECTOR)][0]["html"]
    selects = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    # The meeting came joined to the attendee: no read of it on its own (nor of its version after the bump).
    assert not [sql for sql in selects if 'FROM "live_livemeeting"' in sql]
    # No look-up of the idempotency key (the unique constraint is the check), no note read back for the push.
    assert not [sql for sql in selects if '"live_note"."client_id" =' in sql]
    assert not [sql for sql in selects if 'FROM "live_note" INNER JOIN' in sql]


def _console_html(sends, live_id):
    return [op for name, ops in sends if name == group(live_id, CONSOLE) for op in ops][0]["html"]


def test_the_consoles_note_card_offers_the_themes_as_they_are_when_the_note_comes_in(
    board, sent, django_capture_on_commit_callbacks
):
    """A room posting at once reads the board's themes once, not once per note; a theme made in between is in
    the next note's card all the same (every change of themes moves the meeting's screens_version on)."""
    from django.db import connection

    theme_reads = []

    def record(execute, sql, params, many, context):
        if 'FROM "live_theme"' in sql:
            theme_reads.append(sql)
        return execute(sql, params, many, context)

    room = [helpers.join(board.live, name=name) for name in ("Ali", "Bo", "Cas", "Dirk")]
    with connection.execute_wrapper(record):
        for attendee in room[:3]:
            with django_capture_on_commit_callbacks(execute=True):
                helpers.post(board, attendee, text=f"Van {attendee.name}")
    assert len(theme_reads) == 1
    with django_capture_on_commit_callbacks(execute=True):
        notes.theme_create(activity=board, name="Vervoer")
    with django_capture_on_commit_callbacks(execute=True):
        helpers.post(board, room[3], text="Van Dirk")
    assert "Vervoer" not in _console_html(sent[0], board.live_id)
    assert "Vervoer" in _console_html(sent[-1], board.live_id)


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


def _package_imports(path):
    """`from . import x` where x is not a sibling module reaches into the package itself (its __init__)."""
    siblings = {p.stem for p in path.parent.glob("*.py")}
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = ("." * node.level) + (node.module or "")
            if base in {"..kinds", "allin.live.kinds"} or (
                base == "." and any(alias.name not in siblings for alias in node.names)
            ):
                found.append(base)
        elif isinstance(node, ast.Import):
            found.extend(a.name for a in node.names if a.name == "allin.live.kinds")
    return found


def test_the_kind_modules_do_not_import_their_package_back():
    for path in (LIVE / "kinds").glob("*.py"):
        assert not _package_imports(path), path.name
