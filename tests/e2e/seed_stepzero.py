"""Test data for the step 0 browser test, written into the e2e server's database (run as a subprocess with the
server's environment: `python -m tests.e2e.seed_stepzero`). Prints one JSON line: a facilitator, a process of the
child-poverty series and two participants of one organisation, the first meeting already held."""

import json
import os
import secrets
import sys
from datetime import date, timedelta

PASSWORD = "e2e-wachtwoord-voor-de-browser-2026"


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allin.settings")
    import django

    django.setup()
    from allin.network.models import Partner
    from allin.people import services as people
    from allin.processes import services as process_services
    from allin.workspaces.models import Membership, Role, User, Workspace

    token = secrets.token_hex(4)
    workspace = Workspace.objects.create(name=f"Gemeente E2E {token}", slug=f"e2e-stap0-{token}")
    user = User.objects.create_user(
        email=f"begeleider-stap0-{token}@example.org", password=PASSWORD, full_name="Fatima Begeleider"
    )
    Membership.objects.create(workspace=workspace, user=user, role=Role.FACILITATOR)
    process = process_services.process_create(
        workspace=workspace,
        method_slug="kinderarmoede",
        name="Kinderarmoede E2E",
        theme="gezinnen met geldzorgen",
        start_date=date.today() - timedelta(days=7),
        created_by=user,
    )
    schuldhulp = Partner.objects.create(workspace=workspace, name="Schuldhulp E2E")
    karim = people.participant_create(
        process=process, name="Karim", role="professional", organisation=schuldhulp
    )
    petra = people.participant_create(
        process=process, name="Petra", role="professional", organisation=schuldhulp
    )
    first = process.meetings.order_by("date").first()
    people.attendance_set(participant=petra, meeting=first, present=True)
    print(
        "E2E-STEPZERO "
        + json.dumps(
            {
                "workspace": workspace.slug,
                "process": process.pk,
                "meeting": first.pk,
                "meeting_name": first.name,
                "karim": karim.pk,
                "email": user.email,
                "password": PASSWORD,
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
