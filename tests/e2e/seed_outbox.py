"""Test data for the outbox browser test, in the e2e server's database (run as a subprocess with the server's
environment). `python -m tests.e2e.seed_outbox` opens a live meeting whose current item is a notes board and
prints its code (`... seed_outbox vote`: a dot vote instead); `... seed_outbox notes CODE` and `... dots CODE`
print the notes and dots stored in it (the test process never opens the server's database itself)."""

import json
import os
import secrets
import sys

BASE_URL = "http://127.0.0.1"


IDEAS = ["Eén loket", "Spreekuur in de bieb", "App met alle hulp"]


def seed(kind):
    """The current item is a notes board ("notes") or a dot vote on IDEAS, 3 dots, one per idea ("vote")."""
    from allin.live import services
    from allin.live.kinds import voting
    from allin.live.models import Activity
    from allin.workspaces.models import Workspace
    from tests import factories

    token = secrets.token_hex(4)  # each run a workspace of its own: tests never share a meeting
    workspace = Workspace.objects.create(name=f"Gemeente Outbox {token}", slug=f"e2e-outbox-{token}")
    meeting = factories.meeting(factories.empty_process(workspace), durations=(10, 20), name="Outbox")
    first, current = meeting.items.all()
    first.title, first.activity = "Welkom", {"type": "slide", "prompt": "Welkom!"}
    if kind == "vote":
        current.title, current.activity = "Stemmen", {"type": "vote", "prompt": "Kies", "dots": 3}
    else:
        current.title, current.activity = "Ideeën", {"type": "notes", "prompt": "Wat is jouw idee?"}
    for item in (first, current):
        item.save(update_fields=["title", "activity"])
    live = services.live_open(meeting=meeting, base_url=BASE_URL)
    services.item_goto(live=live, item=current)
    if kind == "vote":
        voting.options_add(activity=Activity.objects.get(live=live, kind="vote"), labels=IDEAS)
    return {"code": live.code, "board": current.title}


def dots(code):
    from allin.live.activity_models import Vote

    return {
        "dots": sorted(Vote.objects.filter(activity__live__code=code).values_list("option__label", flat=True))
    }


def stored(code):
    from allin.live.models import Note

    return {
        "notes": list(
            Note.objects.filter(activity__live__code=code).order_by("pk").values_list("text", flat=True)
        )
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allin.settings")
    import django

    django.setup()
    command = sys.argv[1:2]
    if command == ["notes"]:
        answer = stored(sys.argv[2])
    elif command == ["dots"]:
        answer = dots(sys.argv[2])
    else:
        answer = seed("vote" if command == ["vote"] else "notes")
    print("E2E-OUTBOX " + json.dumps(answer))


if __name__ == "__main__":
    sys.exit(main())
