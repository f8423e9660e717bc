"""SQLite in write-ahead-log mode, so that the web server and the task worker read while another writes.

WAL is a property of the database file: setting it on every new connection (Django opens one per request)
costs a write lock each time for nothing, so it is set on the first connection of each process only."""

_done: set[str] = set()


def use_wal(sender, connection, **kwargs):
    if connection.vendor != "sqlite" or connection.alias in _done:
        return
    if connection.settings_dict["NAME"] in ("", ":memory:") or "mode=memory" in str(
        connection.settings_dict["NAME"]
    ):
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")
    _done.add(connection.alias)
