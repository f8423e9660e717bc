"""The live meeting's room and moderation switches (allin/live/room.py, moderation.py) in the permission walk:
console actions, and the QR link that carries the join key."""

from tests.permission_table import Route, _code, _live_post, everyone

ROUTES = {
    # A wrong key for a known code leads to the page that asks nothing more than the code.
    "live_join_qr": Route(lambda w: {**_code(w), "key": "niet-de-sleutel"}, everyone(302), everyone(302)),
    "live_room_size": _live_post(lambda w: {"size": "40"}),
    "live_room_closed": _live_post(lambda w: {"closed": "0"}),
    "live_room_let_in": _live_post(None),
    "live_room_new_qr": _live_post(None),
    # moderation (allin/live/moderation.py)
    "live_moderation": _live_post(lambda w: {"on": "1"}),
    "live_phone_hide": _live_post(lambda w: {"attendee": w.attendee.pk}),
    "live_phone_unmute": _live_post(lambda w: {"attendee": w.attendee.pk}),
}


def extend_world(world):
    pass
