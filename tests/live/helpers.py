"""Building live meetings for the live tests: a meeting whose agenda has a slide, a notes board with
categories (top/tip) and one without, opened live, with attendees who carry a real signed cookie."""

import uuid

from django.http import HttpResponse

from allin.live import attendance, notes, services
from allin.live.models import Activity
from tests import factories

BASE_URL = "http://testserver"

AGENDA = [
    ("Welkom", {"type": "slide", "prompt": "Welkom!"}),
    (
        "Tips en tops",
        {"type": "notes", "prompt": "Wat ging goed, wat kan beter?", "categories": ["top", "tip"]},
    ),
    ("Plannen", {"type": "notes", "prompt": "Wat ga jij doen?"}),
]


def meeting(workspace, name="Bijeenkomst"):
    """A meeting with the three items of AGENDA, in a process of its own."""
    m = factories.meeting(factories.empty_process(workspace), durations=(10, 20, 15), name=name)
    for item, (title, activity) in zip(m.items.all(), AGENDA, strict=True):
        item.title, item.activity = title, activity
        item.save(update_fields=["title", "activity"])
    return m


def items(live):
    return list(live.meeting.items.all())


def live_meeting(workspace, name="Bijeenkomst"):
    return services.live_open(meeting=meeting(workspace, name), base_url=BASE_URL)


def board_of(live, index=1) -> Activity:
    return Activity.objects.select_related("live").get(live=live, item=items(live)[index])


def start_board(live, index=1) -> Activity:
    """Move the meeting to agenda item `index` and return its notes board."""
    services.item_goto(live=live, item=items(live)[index])
    return board_of(live, index)


def join(live, name="Sam", role="jongere"):
    return services.attendee_join(live=live, name=name, role=role)


def cookie(live, attendee) -> tuple[str, str]:
    """The (name, value) of the cookie a phone gets when it joins."""
    response = HttpResponse()
    attendance.remember(response, live, attendee)
    name = attendance.cookie_name(live)
    return name, response.cookies[name].value


def phone_client(client, live, attendee):
    name, value = cookie(live, attendee)
    client.cookies[name] = value
    return client


def post(activity, attendee=None, text="Een goed idee", category=None, client_id=None, **extra):
    """note_create with sensible defaults; the category defaults to the board's first one."""
    if category is None:
        category = activity.categories[0] if activity.categories else ""
    return notes.note_create(
        activity=activity,
        attendee=attendee,
        text=text,
        category=category,
        client_id=client_id or uuid.uuid4(),
        **extra,
    )


def bare(ops):
    """Pushed operations without their versions (tests/live/test_delta.py checks those)."""
    return [{k: v for k, v in op.items() if k != "v"} for op in ops]
