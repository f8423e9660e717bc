"""Websockets only carry news from the server to the screens; everything a screen sends goes over HTTP.
A consumer authenticates, joins its groups and relays pushes. It holds no business logic."""

import asyncio
import json

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext

from allin.core.tokens import secrets_match

from . import attendance, realtime
from .models import LiveMeeting

# Projector and consoles may get many pushes per second when a whole room posts at once; they get them in
# batches so they never fall behind. Phones get few pushes and see them at once.
BATCH_SECONDS = {realtime.PROJECTOR: 0.1, realtime.CONSOLE: 0.1, realtime.PHONES: 0}
MESSAGE_MAX = 1024


@database_sync_to_async
def _authorise(code, audience, key, cookies, user):
    live = LiveMeeting.objects.select_related("meeting__process").filter(code=code).first()
    if live is None:
        return None, []
    if audience == realtime.PHONES:
        attendee = attendance.from_cookies(cookies, live)
        if attendee is None:
            return None, []
        return live, [realtime.group(live.pk, realtime.PHONES), realtime.attendee_group(live.pk, attendee.pk)]
    if audience == realtime.PROJECTOR:
        if not secrets_match(key, live.projector_key):
            return None, []
        return live, [realtime.group(live.pk, realtime.PROJECTOR)]
    if audience == realtime.CONSOLE:
        if not getattr(user, "is_authenticated", False):
            return None, []
        member = user.memberships.filter(workspace_id=live.meeting.process.workspace_id).exists()
        return (live, [realtime.group(live.pk, realtime.CONSOLE)]) if member else (None, [])
    return None, []


class LiveConsumer(AsyncWebsocketConsumer):
    async def dispatch(self, message):
        # Channels closes stale database connections (in its one shared thread) before every message; pushes
        # touch no database, and connect/disconnect reach it through database_sync_to_async, which does that.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self):
        kwargs = self.scope["url_route"]["kwargs"]
        self.audience = kwargs["audience"]
        live, groups = await _authorise(
            kwargs["code"],
            self.audience,
            kwargs.get("key"),
            self.scope.get("cookies", {}),
            self.scope.get("user", AnonymousUser()),
        )
        if live is None:
            await self.close(code=4403)
            return
        self.groups_joined = groups
        self.projector_key = kwargs.get("key")
        for name in groups:
            await self.channel_layer.group_add(name, self.channel_name)
        self.pending = []
        self.flush_task = None
        await self.accept()
        await self.send(text_data=json.dumps({"ops": [{"op": "hello"}]}))

    async def disconnect(self, code):
        for name in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(name, self.channel_name)
        if getattr(self, "flush_task", None):
            self.flush_task.cancel()

    async def receive(self, text_data=None, bytes_data=None):
        """Screens only ping; anything else is answered with an error and otherwise ignored."""
        message = None
        if text_data and len(text_data) <= MESSAGE_MAX:
            try:
                message = json.loads(text_data)
            except ValueError:
                message = None
        if isinstance(message, dict) and message.get("type") == "ping":
            await self.send(text_data=json.dumps({"type": "pong"}))
        else:
            await self.send(
                text_data=json.dumps({"type": "error", "error": gettext("Dit bericht wordt niet begrepen.")})
            )

    async def live_revoke(self, event):
        """The projector link was renewed; a projector that connected with an older key must stop."""
        if not secrets_match(self.projector_key, event["key"]):
            await self.close(code=4403)

    async def live_push(self, event):
        delay = BATCH_SECONDS.get(self.audience, 0)
        if not delay:
            text = event.get("text") or json.dumps({"v": event.get("v", 0), "ops": event["ops"]})
            await self.send(text_data=text)
            return
        self.pending.extend(event["ops"])
        if self.flush_task is None or self.flush_task.done():
            self.flush_task = asyncio.ensure_future(self._flush_later(delay))

    async def _flush_later(self, delay):
        await asyncio.sleep(delay)
        ops, self.pending = self.pending, []
        if any(op["op"] == "refresh" for op in ops):
            # A refetch shows everything; only what arrives after it still needs applying
            # (the page queues it).
            last = max(i for i, op in enumerate(ops) if op["op"] == "refresh")
            ops = ops[last:]
        if ops:
            await self.send(text_data=json.dumps({"ops": ops}))
