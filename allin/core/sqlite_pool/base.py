"""Django's SQLite backend, with finished connections kept for the next request instead of closed.

Under ASGI every request runs in a thread of its own, so Django opens a new connection per request
(CONN_MAX_AGE cannot help: connections belong to threads). Opening one is not free: SQLite reads the whole
schema at the first statement, and with every app's tables that cost as much as the queries of a small
request. A connection handed back outside a transaction is put in a small pool per database file and handed
to the next request; Django's own per-connection set-up (autocommit, signals) still runs each time.
In-memory databases (the tests) are never pooled: closing them is what ends them."""

import queue
import threading

from django.db.backends.sqlite3 import base

POOL_SIZE = 16
_pools: dict[str, queue.LifoQueue] = {}
_lock = threading.Lock()


def _pool(name) -> queue.LifoQueue:
    with _lock:
        return _pools.setdefault(str(name), queue.LifoQueue(maxsize=POOL_SIZE))


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        if not self.is_in_memory_db():
            try:
                return _pool(self.settings_dict["NAME"]).get_nowait()
            except queue.Empty:
                pass
        return super().get_new_connection(conn_params)

    def _close(self):
        raw = self.connection
        if raw is None or self.is_in_memory_db() or raw.in_transaction:
            return super()._close()
        try:
            _pool(self.settings_dict["NAME"]).put_nowait(raw)
        except queue.Full:
            super()._close()
