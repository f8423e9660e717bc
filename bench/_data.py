"""The benchmark's own Django: builds the meeting before the server starts and counts the notes after it
stops. Runs in the benchmark process with the same ALLIN_* environment as the server (same database)."""

import re
import secrets
from dataclasses import dataclass
from datetime import date

MARKER = re.compile(r"bm[0-9a-f]{16}")
PASSWORD = "bench-" + secrets.token_hex(12)


@dataclass
class Meeting:
    code: str
    projector_key: str
    workspace_slug: str
    meeting_pk: int
    activity_pk: int
    categories: list
    email: str
    password: str
    position: int  # 1-based place of the notes item in the agenda
    total: int  # number of agenda items


def setup(*, base_url: str) -> Meeting:
    """A workspace with a facilitator, the ALL-IN method's B-session opened live, on its first notes board."""
    import django

    django.setup()
    from allin.live import room
    from allin.live import services as live_services
    from allin.live.models import Activity
    from allin.processes import services as process_services
    from allin.workspaces.models import Membership, Role, User, Workspace

    tag = secrets.token_hex(4)
    email = f"begeleider-{tag}@bench.example.org"
    user = User.objects.create_user(email=email, password=PASSWORD, full_name="Bench Begeleider")
    workspace = Workspace.objects.create(name=f"Bench {tag}", slug=f"bench-{tag}")
    Membership.objects.create(workspace=workspace, user=user, role=Role.FACILITATOR)
    process = process_services.process_create(
        workspace=workspace,
        method_slug="all-in",
        name=f"Benchmark {tag}",
        theme="live load",
        start_date=date.today(),
        created_by=user,
    )
    meeting = process.meetings.get(method_key="b-sessie")
    items = list(meeting.items.all())
    # The first plain post-it board with an item after it: "next" and "previous" step around it. (Boards such
    # as tips & tops limit what one person may post; a plain board takes as many notes as people write.)
    kinds = [(item.activity or {}).get("type") for item in items]
    index = next((i for i, kind in enumerate(kinds[:-1]) if kind == "notes"), None)
    if index is None:
        raise RuntimeError(f"the ALL-IN B-session has no plain notes board before its last item: {kinds}")
    live = live_services.live_open(meeting=meeting, base_url=base_url)
    # A hall full of phones: the facilitator sets the room's size (allin/live/room.py; its default is 100).
    room.room_update(live=live, size=room.SIZE_MAX, closed=False)
    live = live_services.item_goto(live=live, item=items[index])
    activity = Activity.objects.get(live=live, item=items[index])
    return Meeting(
        code=live.code,
        projector_key=live.projector_key,
        workspace_slug=workspace.slug,
        meeting_pk=meeting.pk,
        activity_pk=activity.pk,
        categories=list(activity.categories),
        email=email,
        password=PASSWORD,
        position=index + 1,
        total=len(items),
    )


def stored_markers(activity_pk: int) -> tuple[int, dict]:
    """(rows on the board, {marker: number of rows carrying it})."""
    from django.db import connection

    from allin.live.models import Note

    rows = list(Note.objects.filter(activity_id=activity_pk).values_list("text", flat=True))
    found: dict = {}
    for text in rows:
        for marker in MARKER.findall(text):
            found[marker] = found.get(marker, 0) + 1
    connection.close()
    return len(rows), found
