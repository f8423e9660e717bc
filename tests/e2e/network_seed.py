"""Test data for the partner-card browser test, written into the e2e server's database (run as a subprocess with
the server's environment: `python -m tests.e2e.network_seed`). Prints one JSON line the test reads: a fresh
workspace and facilitator, a Werk aan Netwerk process, and a partner card with a personal link to fill."""

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
    from allin.network import services as network_services
    from allin.network.catalogue import LinkMode
    from allin.processes import services as process_services
    from allin.workspaces.models import Membership, Role, User, Workspace

    token = secrets.token_hex(4)
    workspace = Workspace.objects.create(name=f"Gemeente Netwerk {token}", slug=f"e2e-netwerk-{token}")
    user = User.objects.create_user(
        email=f"netwerk-{token}@example.org", password=PASSWORD, full_name="Fatima Begeleider"
    )
    Membership.objects.create(workspace=workspace, user=user, role=Role.FACILITATOR)
    process = process_services.process_create(
        workspace=workspace,
        method_slug="werk-aan-netwerk",
        name="Werk aan Netwerk E2E",
        theme="nazorg in het mbo",
        start_date=date.today(),
        created_by=user,
    )
    partner = network_services.partner_create(
        workspace=workspace, name=f"ROC Voorbeeld {token}", kind="mbo", process=process, created_by=user
    )
    link = network_services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    print(
        "E2E-SEED "
        + json.dumps(
            {
                "workspace": workspace.slug,
                "email": user.email,
                "password": PASSWORD,
                "partner": partner.pk,
                "partner_name": partner.name,
                "link": f"/netwerkkaart/{link}/",
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
