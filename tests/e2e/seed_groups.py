"""Test data for the groups browser test (journey 5), written into the e2e server's database (run as a subprocess
with the server's environment: `python -m tests.e2e.seed_groups`). Prints one JSON line the test reads: a fresh
workspace and facilitator, a child-poverty series (Kinderarmoede-reeks) starting today, and nine participants
from four domains, all marked present at its first meeting (they came in at the door)."""

import json
import os
import secrets
import sys
from datetime import date

PASSWORD = "e2e-wachtwoord-voor-de-browser-2026"
# (name, domain, role, trained experience expert); the first two join on a phone in the test
PEOPLE = [
    ("Anouk Smits", "ervaringsdeskundigheid", "ervaringsdeskundige", True),
    ("Ruud Vermeulen", "onderwijs", "professional", False),
    ("Marieke Janssen", "schuldhulpverlening", "professional", False),
    ("Youssef El Amrani", "schuldhulpverlening", "professional", False),
    ("Gert van Dam", "welzijn", "professional", False),
    ("Nadia Bouzid", "welzijn", "professional", False),
    ("Esra Yilmaz", "onderwijs", "professional", False),
    ("Joke Verbeek", "gemeente", "beleidsmaker", False),
    ("Mohamed Ouali", "ervaringsdeskundigheid", "ervaringsdeskundige", True),
]


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allin.settings")
    import django

    django.setup()
    from allin.people import services as people_services
    from allin.processes import services as process_services
    from allin.workspaces.models import Membership, Role, User, Workspace

    token = secrets.token_hex(4)
    workspace = Workspace.objects.create(name=f"Gemeente Reeks {token}", slug=f"e2e-reeks-{token}")
    user = User.objects.create_user(
        email=f"reeks-{token}@example.org", password=PASSWORD, full_name="Fatima Begeleider"
    )
    Membership.objects.create(workspace=workspace, user=user, role=Role.FACILITATOR)
    process = process_services.process_create(
        workspace=workspace,
        method_slug="kinderarmoede",
        name="Samen tegen kinderarmoede E2E",
        theme="samenwerken rond gezinnen met geldzorgen",
        start_date=date.today(),
        created_by=user,
    )
    meeting = process.meetings.filter(method_key__startswith="sessie-").order_by("date", "pk").first()
    people = [
        people_services.participant_create(
            process=process, name=name, role=role, domain=domain, is_expert=expert
        )
        for name, domain, role, expert in PEOPLE
    ]
    for person in people:
        people_services.attendance_set(participant=person, meeting=meeting, present=True, by=user)
    print(
        "E2E-GROUPS "
        + json.dumps(
            {
                "workspace": workspace.slug,
                "process": process.pk,
                "meeting": meeting.pk,
                "email": user.email,
                "password": PASSWORD,
                "phones": [name for name, *_ in PEOPLE[:2]],
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
