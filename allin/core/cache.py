"""The shared cache (Redis in production) as the app leans on it: rate-limit counters, flood warnings, room
generations. None of that may cost a saved note: when Redis is away for a moment (a restart, a failover) a read
answers its default and a write is skipped, with a warning in the log, instead of a 500 for every request.
During those seconds the limits count nothing (they fail open); the database, which keeps every note, does not
depend on this."""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("allin.cache")
AWAY = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


class ForgivingRedisCache(RedisCache):
    def _away(self, operation, error):
        logger.warning("cache unavailable", extra={"event": "cache_unavailable", "operation": operation})

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except AWAY as error:
            self._away("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except AWAY as error:
            self._away("get_many", error)
            return {}

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # As if the key were new: a counter starts at one, a "warn once" warns.
        try:
            return super().add(key, value, timeout, version)
        except AWAY as error:
            self._away("add", error)
            return True

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except AWAY as error:
            self._away("set", error)
            return None

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except AWAY as error:
            self._away("incr", error)
            return delta

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except AWAY as error:
            self._away("delete", error)
            return False

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except AWAY as error:
            self._away("touch", error)
            return False
