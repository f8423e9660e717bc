"""With Redis away for a moment the cache answers its defaults instead of raising, so a phone's note is saved
and its limits fail open for those seconds (allin/core/cache.py); with Redis there it is a plain Redis cache."""

import socket

import pytest

from allin.core.cache import ForgivingRedisCache


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_cache_whose_redis_is_away_answers_defaults_and_logs(caplog):
    cache = ForgivingRedisCache(
        f"redis://127.0.0.1:{_free_port()}/0", {"OPTIONS": {"socket_connect_timeout": 0.2}}
    )
    assert cache.get("rl:phone", 0) == 0
    assert cache.add("rl:phone", 1, timeout=60) is True  # counted as a first hit: the limit lets it through
    assert cache.incr("rl:phone") == 1
    assert cache.set("room-warned:1", 1, timeout=5) is None
    assert cache.get_many(["a", "b"]) == {}
    assert cache.delete("rl:phone") is False
    assert any(r.getMessage() == "cache unavailable" for r in caplog.records)


def _redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_answers(), reason="no Redis at 127.0.0.1:6379")
def test_with_redis_there_it_counts_as_redis_does():
    cache = ForgivingRedisCache("redis://127.0.0.1:6379/0", {"KEY_PREFIX": "forgiving-test"})
    cache.delete("counter")
    assert cache.add("counter", 1, timeout=30) is True
    assert cache.add("counter", 1, timeout=30) is False
    assert cache.incr("counter") == 2
    assert cache.get("counter") == 2
    cache.delete("counter")
