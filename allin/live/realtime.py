"""The transport: delivers operations to the screens of a live meeting through the channel layer. It knows the
groups and how to send, nothing about what is shown (that is screens.py) or why (the services' events).

Three audiences per meeting — phones, the projector and consoles — plus one group per attendee for what only
that phone shows."""

import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

PHONES, PROJECTOR, CONSOLE = "phones", "projector", "console"


def group(live_id: int, audience: str) -> str:
    return f"live-{live_id}-{audience}"


def attendee_group(live_id: int, attendee_id: int) -> str:
    return f"live-{live_id}-att-{attendee_id}"


def send(sends: list[tuple[str, list]], version: int = 0) -> None:
    """Each (group, ops) pair, with one hop to the event loop for all of them. The frame a screen receives is
    encoded here, once per group, so a consumer relaying it to each of a thousand phones does not encode the
    same stage a thousand times."""
    layer = get_channel_layer()
    if layer is None or not sends:
        return

    async def send_all():
        for group_name, ops in sends:
            text = json.dumps({"v": version, "ops": ops})
            await layer.group_send(group_name, {"type": "live.push", "v": version, "ops": ops, "text": text})

    async_to_sync(send_all)()


def revoke(live_id: int, key: str) -> None:
    """Projectors connected with another key than `key` close their socket."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group(live_id, PROJECTOR), {"type": "live.revoke", "key": key})
