"""SQLite runs in write-ahead-log mode once the first connection of a process has set it on the file."""

import sqlite3
from contextlib import closing

from allin.core import sqlite


class _Connection:
    """Just what use_wal touches of a Django connection, over a real SQLite file."""

    vendor = "sqlite"

    def __init__(self, name, alias="default"):
        self.settings_dict = {"NAME": name}
        self.alias = alias
        self.raw = sqlite3.connect(name)

    def cursor(self):
        return closing(self.raw.cursor())


def _mode(path):
    with closing(sqlite3.connect(path)) as raw:
        return raw.execute("PRAGMA journal_mode").fetchone()[0]


def test_the_first_connection_puts_the_file_in_wal_mode_once(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite, "_done", set())
    path = str(tmp_path / "a.sqlite3")
    sqlite.use_wal(sender=None, connection=_Connection(path))
    assert _mode(path) == "wal"  # a property of the file: a new connection sees it too

    other = str(tmp_path / "b.sqlite3")
    sqlite.use_wal(sender=None, connection=_Connection(other))  # same alias, later connection: no PRAGMA
    assert _mode(other) == "delete"


def test_an_in_memory_database_is_left_alone(monkeypatch):
    monkeypatch.setattr(sqlite, "_done", set())
    sqlite.use_wal(sender=None, connection=_Connection(":memory:"))
    assert sqlite._done == set()
