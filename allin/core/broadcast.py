"""Push an event to a channel-layer group once the surrounding transaction has committed.

Sending before the commit would let a screen fetch state that is not yet visible, or announce a write that is
then rolled back (the pattern of Zulip's send_event_on_commit)."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def broadcast_on_commit(group: str, event: dict) -> None:
    def send():
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(group, event)

    transaction.on_commit(send)
