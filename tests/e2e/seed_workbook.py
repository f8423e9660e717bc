"""Test data for the workbook browser test, written into the e2e server's database (run as a subprocess with the
server's environment: `python -m tests.e2e.seed_workbook`). Prints one JSON line: a facilitator, a process of the
workbook method and two participants from different organisations who are not yet in the working group."""

import json
import os
import secrets
import sys
from datetime import date

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
    workspace = Workspace.objects.create(name=f"Gemeente E2E {token}", slug=f"e2e-werkboek-{token}")
    user = User.objects.create_user(
        email=f"begeleider-werkboek-{token}@example.org", password=PASSWORD, full_name="Fatima Begeleider"
    )
    Membership.objects.create(workspace=workspace, user=user, role=Role.FACILITATOR)
    process = process_services.process_create(
        workspace=workspace,
        method_slug="werkboek",
        name="Werkboek E2E",
        theme="jongeren zonder startkwalificatie",
        start_date=date.today(),
        created_by=user,
    )
    rmc = Partner.objects.create(workspace=workspace, name="RMC E2E")
    people.participant_create(
        process=process, name="Jeroen", role="professional", organisation=rmc, domain="onderwijs"
    )
    people.participant_create(process=process, name="Mirjam", role="professional", domain="werk en inkomen")
    print(
        "E2E-WORKBOOK "
        + json.dumps(
            {"workspace": workspace.slug, "process": process.pk, "email": user.email, "password": PASSWORD}
        )
    )


if __name__ == "__main__":
    sys.exit(main())
