"""Test data for one browser test, written straight into the e2e server's database (run as a subprocess with
the server's environment: `python -m tests.e2e.seed`). Prints one JSON line the test reads.

A fresh workspace, a facilitator and an ALL-IN process each time, so tests never share a meeting."""

import json
import os
import secrets
import sys
from datetime import date

NOTE_TYPES = {"notes", "hopes_fears", "tips_tops"}
PASSWORD = "e2e-wachtwoord-voor-de-browser-2026"


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allin.settings")
    import django

    django.setup()
    from allin.processes import services as process_services
    from allin.processes.models import Meeting
    from allin.workspaces.models import Membership, Role, User, Workspace

    token = secrets.token_hex(4)
    workspace = Workspace.objects.create(name=f"Gemeente E2E {token}", slug=f"e2e-{token}")
    user = User.objects.create_user(
        email=f"begeleider-{token}@example.org", password=PASSWORD, full_name="Fatima Begeleider"
    )
    Membership.objects.create(workspace=workspace, user=user, role=Role.FACILITATOR)
    process = process_services.process_create(
        workspace=workspace,
        method_slug="all-in",
        name="ALL-IN E2E",
        theme="schulden",
        start_date=date.today(),
        created_by=user,
    )
    meeting = Meeting.objects.filter(process=process, phase__key="B").order_by("order", "pk").first()
    items = list(meeting.items.all())
    index = next(i for i, item in enumerate(items) if (item.activity or {}).get("type") in NOTE_TYPES)
    print(
        "E2E-SEED "
        + json.dumps(
            {
                "workspace": workspace.slug,
                "meeting": meeting.pk,
                "meeting_name": meeting.name,
                "email": user.email,
                "password": PASSWORD,
                "items": [item.title for item in items],
                "board_index": index,
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
