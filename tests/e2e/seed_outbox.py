"""Test data for the outbox browser test, in the e2e server's database (run as a subprocess with the server's
environment). `python -m tests.e2e.seed_outbox` opens a live meeting whose current item is a notes board and
prints its code; `python -m tests.e2e.seed_outbox notes CODE` prints the texts of the notes stored in it (the
test process never opens the server's database itself)."""

import json
import os
import secrets
import sys

BASE_URL = "http://127.0.0.1"


def seed():
    from allin.live import services
    from allin.workspaces.models import Workspace
    from tests import factories

    token = secrets.token_hex(4)  # each run a workspace of its own: tests never share a meeting
    workspace = Workspace.objects.create(name=f"Gemeente Outbox {token}", slug=f"e2e-outbox-{token}")
    meeting = factories.meeting(factories.empty_process(workspace), durations=(10, 20), name="Outbox")
    first, board = meeting.items.all()
    first.title, first.activity = "Welkom", {"type": "slide", "prompt": "Welkom!"}
    board.title, board.activity = "Ideeën", {"type": "notes", "prompt": "Wat is jouw idee?"}
    for item in (first, board):
        item.save(update_fields=["title", "activity"])
    live = services.live_open(meeting=meeting, base_url=BASE_URL)
    services.item_goto(live=live, item=board)
    return {"code": live.code, "board": board.title}


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
    answer = stored(sys.argv[2]) if sys.argv[1:2] == ["notes"] else seed()
    print("E2E-OUTBOX " + json.dumps(answer))


if __name__ == "__main__":
    sys.exit(main())
