"""The SQLite backend hands a finished connection to the next request instead of opening a new one."""

import pytest

from allin.core.sqlite_pool import base as pool


def _wrapper(name):
    settings = {
        "NAME": str(name),
        "ENGINE": "allin.core.sqlite_pool",
        "OPTIONS": {},
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TEST": {},
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
    }
    return pool.DatabaseWrapper(settings, alias="pool-test")


@pytest.fixture(autouse=True)
def _empty_pools(monkeypatch):
    monkeypatch.setattr(pool, "_pools", {})


def _open(wrapper):
    # Straight to the backend's own connect: the test database guard of pytest-django watches cursor(), and
    # these are scratch files of this test only.
    wrapper.connection = wrapper.get_new_connection(wrapper.get_connection_params())
    return wrapper.connection


def test_a_closed_connection_is_reused_by_the_next_request(tmp_path):
    first = _wrapper(tmp_path / "a.sqlite3")
    raw = _open(first)
    first._close()
    second = _wrapper(tmp_path / "a.sqlite3")
    assert _open(second) is raw  # the same SQLite connection, schema already read
    assert pool._pools[str(tmp_path / "a.sqlite3")].empty()


def test_a_connection_inside_a_transaction_is_really_closed(tmp_path):
    wrapper = _wrapper(tmp_path / "b.sqlite3")
    raw = _open(wrapper)
    raw.execute("CREATE TABLE t (x)")
    raw.execute("BEGIN")
    raw.execute("INSERT INTO t VALUES (1)")
    wrapper._close()
    assert (
        pool._pools.get(str(tmp_path / "b.sqlite3")) is None
        or pool._pools[str(tmp_path / "b.sqlite3")].empty()
    )
    with pytest.raises(Exception, match="closed"):
        raw.execute("SELECT 1")


def test_files_do_not_share_connections_and_memory_is_never_pooled(tmp_path):
    one = _wrapper(tmp_path / "one.sqlite3")
    raw = _open(one)
    one._close()
    other = _wrapper(tmp_path / "other.sqlite3")
    assert _open(other) is not raw
    memory = _wrapper(":memory:")
    _open(memory)
    memory._close()
    assert ":memory:" not in pool._pools
