"""The in-memory channel layer for a single process, with expiry cleaning at most once a second.

Channels' own layer walks every channel and group member on every send and receive, which makes one broadcast
to a room of 1000 phones cost a million steps. Cleaning once a second keeps expiry correct enough (messages and
group members expire after tens of seconds) at a fraction of the cost."""

import time

from channels.layers import InMemoryChannelLayer as ChannelsInMemoryChannelLayer


class InMemoryChannelLayer(ChannelsInMemoryChannelLayer):
    _last_clean = 0.0

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._last_clean < 1.0:
            return
        self._last_clean = now
        super()._clean_expired()
