"""A meeting with a big board for bench/report_bench.py: a held ALL-IN B-session whose first post-it board is
on screen with N notes (spread over themes and categories, some hidden, some with a name), a parking board, and
the agenda as held. Built through the services where they are cheap and with bulk inserts for the notes, so
2,000 notes take seconds, not minutes. Runs inside the benchmark's own Django."""

import random
import secrets
import uuid
from dataclasses import dataclass
from datetime import date

WORDS = (
    "jongeren school geld hulp wachttijd toeslag schuld budget coach mentor buurt sport werk stage huis "
    "kamer loket gemeente formulier uitleg app wifi bus vervoer avond weekend vriend ouder zorg leraar "
    "vertrouwen luisteren sneller simpel eerlijk samen plek ruimte kosten gratis open dicht snel moeilijk"
).split()


@dataclass
class BigMeeting:
    user_pk: int
    workspace_slug: str
    meeting_pk: int
    code: str
    projector_key: str
    activity_pk: int
    notes: int
    texts: list  # every visible note's text, for the check that the PDF keeps them all


def _text(rng: random.Random, n: int) -> str:
    """A note of a realistic length: mostly a short sentence, now and then one near the 280 limit."""
    words = rng.randint(25, 45) if rng.random() < 0.08 else rng.randint(3, 14)
    body = " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()
    return f"{body[:270]} #{n}"


def build(*, notes: int, seed: int = 1) -> BigMeeting:
    from allin.live import services as live_services
    from allin.live.models import Activity, Attendee, Note, Theme
    from allin.processes import services as process_services
    from allin.workspaces.models import Membership, Role, User, Workspace

    rng = random.Random(seed)
    tag = secrets.token_hex(4)
    user = User.objects.create_user(
        email=f"verslag-{tag}@bench.example.org", password=secrets.token_hex(12), full_name="Bench Verslag"
    )
    workspace = Workspace.objects.create(name=f"Bench {tag}", slug=f"bench-{tag}")
    Membership.objects.create(workspace=workspace, user=user, role=Role.FACILITATOR)
    process = process_services.process_create(
        workspace=workspace,
        method_slug="all-in",
        name=f"Verslagbench {tag}",
        theme="grote borden",
        start_date=date.today(),
        created_by=user,
    )
    meeting = process.meetings.get(method_key="b-sessie")
    items = list(meeting.items.all())
    index = next(i for i, item in enumerate(items) if (item.activity or {}).get("type") == "notes")
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    live = live_services.item_goto(live=live, item=items[index])
    board = Activity.objects.get(live=live, item=items[index])
    if not board.categories:
        board.categories = ["tip", "top"]
        board.save(update_fields=["categories"])
    themes = [
        Theme.objects.create(activity=board, name=name, order=i)
        for i, name in enumerate(["Geld en schulden", "School en werk", "Hulp vinden", "Vrije tijd"])
    ]
    roles = ["jongere"] * 7 + ["professional"] * 2 + ["gemeente"]
    people = Attendee.objects.bulk_create(
        [
            Attendee(live=live, name=f"Deelnemer {i}", role=rng.choice(roles))
            for i in range(max(1, notes // 7))
        ]
    )
    rows, texts = [], []
    for n in range(notes):
        hidden = rng.random() < 0.02
        text = _text(rng, n)
        rows.append(
            Note(
                activity=board,
                attendee=rng.choice(people),
                text=text,
                category=rng.choice(board.categories),
                theme=rng.choice(themes) if rng.random() < 0.6 else None,
                show_name=rng.random() < 0.1,
                hidden=hidden,
                client_id=uuid.uuid4(),
            )
        )
        if not hidden:
            texts.append(text)
    Note.objects.bulk_create(rows, batch_size=500)
    parking = live.activities.get(kind=Activity.Kind.PARKING)
    Note.objects.bulk_create(
        [
            Note(
                activity=parking,
                attendee=people[0],
                text=f"Parkeren {i}: {_text(rng, i)}",
                client_id=uuid.uuid4(),
            )
            for i in range(12)
        ]
    )
    return BigMeeting(
        user_pk=user.pk,
        workspace_slug=workspace.slug,
        meeting_pk=meeting.pk,
        code=live.code,
        projector_key=live.projector_key,
        activity_pk=board.pk,
        notes=notes,
        texts=texts,
    )
