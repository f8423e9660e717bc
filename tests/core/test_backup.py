"""Backups as docs/operations.md describes them bring back every note.

- SQLite: the online backup API (what `sqlite3 allin.sqlite3 ".backup backup.sqlite3"` uses) copies the live
  database to a file; after every note is lost, the file is restored into the database and the ORM sees every
  note again.
- PostgreSQL (when the suite runs on it and pg_dump is installed): `pg_dump -Fc` of the test database, restored
  with `pg_restore` into a fresh database, holds every note.
- Uploads: a copy of the media folder brings back the photo cards.

What is not tested here: a backup taken by cron on a server with real traffic; the commands are the same.
"""

import os
import shutil
import sqlite3
import subprocess
import uuid

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection

from allin.live import notes, photo_cards
from allin.live.models import Note
from tests.live import helpers
from tests.workspaces.test_export import _jpeg

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def many_notes(workspace, facilitator):
    live = helpers.live_meeting(workspace)
    board = helpers.start_board(live, 2)
    for n in range(40):
        notes.note_create(
            activity=board,
            author=facilitator,
            text=f"Post-it {n}: {uuid.uuid4().hex}",
            client_id=uuid.uuid4(),
        )
    return {(pk, text) for pk, text in Note.objects.values_list("pk", "text")}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backup; PostgreSQL has its own test")
def test_a_sqlite_backup_restored_brings_back_every_note(many_notes, tmp_path):
    assert len(many_notes) == 40
    connection.ensure_connection()
    backup_file = tmp_path / "backup.sqlite3"
    with sqlite3.connect(backup_file) as target:
        connection.connection.backup(target)  # the online backup: the app may keep running meanwhile
    target.close()

    # The backup file on its own holds every note.
    with sqlite3.connect(backup_file) as copy:
        assert set(copy.execute("SELECT id, text FROM live_note").fetchall()) == many_notes
    copy.close()

    Note.objects.all().delete()  # the disaster
    assert not Note.objects.exists()
    with sqlite3.connect(backup_file) as source:
        source.backup(connection.connection)  # the restore
    source.close()
    assert set(Note.objects.values_list("pk", "text")) == many_notes


def _pg(*args, **kwargs):
    db = connection.settings_dict
    env = {"PGHOST": db["HOST"] or "127.0.0.1", "PGPORT": str(db["PORT"] or 5432), "PGUSER": db["USER"] or ""}
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    return subprocess.run(
        args, env={**os.environ, **env}, check=True, capture_output=True, text=True, **kwargs
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs when the suite runs on PostgreSQL")
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_a_pg_dump_restored_into_a_fresh_database_holds_every_note(many_notes, tmp_path):
    name = connection.settings_dict["NAME"]
    dump = tmp_path / "allin.dump"
    _pg("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", name)
    fresh = f"allin_restore_{uuid.uuid4().hex[:8]}"
    _pg("createdb", fresh)
    try:
        _pg("pg_restore", "--no-owner", f"--dbname={fresh}", str(dump))
        rows = _pg("psql", "-d", fresh, "-tA", "-F", "\t", "-c", "SELECT id, text FROM live_note").stdout
        restored = {
            (int(pk), text) for pk, text in (line.split("\t", 1) for line in rows.splitlines() if line)
        }
        assert restored == many_notes
    finally:
        _pg("dropdb", "--if-exists", fresh)


def test_a_copy_of_the_media_folder_brings_back_the_uploads(workspace, tmp_path_factory):
    card = photo_cards.photo_card_upload(workspace=workspace, upload=_jpeg(), alt_text="Een brug")
    media = settings.STORAGES["default"]["OPTIONS"]["location"]
    with default_storage.open(card.image.name, "rb") as image:
        original = image.read()
    backup = tmp_path_factory.mktemp("media-backup")
    shutil.copytree(media, backup, dirs_exist_ok=True)
    default_storage.delete(card.image.name)
    assert not default_storage.exists(card.image.name)
    shutil.copytree(backup, media, dirs_exist_ok=True)
    with default_storage.open(card.image.name, "rb") as image:
        assert image.read() == original
