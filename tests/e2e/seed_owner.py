"""Test data for the owner-link browser test (journey 4), written into the e2e server's database (run as a
subprocess with the server's environment: `python -m tests.e2e.seed_owner`). Prints one JSON line the test
reads: a held phase B session with youth notes, an action that answers one of them with an owner (name and
e-mail) and their personal link, a published feedback page and one approved youth reaction on the action."""

import json
import os
import secrets
import sys
import uuid
from datetime import date, timedelta

PASSWORD = "e2e-wachtwoord-voor-de-browser-2026"
OWNER = "Kees de Vries"
REACTION = "Komt er ook iemand op het mbo?"


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allin.settings")
    import django

    django.setup()
    from django.urls import reverse

    from allin.actions import feedback, links, services
    from allin.processes import services as process_services
    from allin.workspaces.models import Membership, Role, User, Workspace
    from tests.actions import factories

    token = secrets.token_hex(4)
    workspace = Workspace.objects.create(name=f"Gemeente E2E {token}", slug=f"e2e-eigenaar-{token}")
    user = User.objects.create_user(
        email=f"begeleider-eigenaar-{token}@example.org", password=PASSWORD, full_name="Fatima Begeleider"
    )
    Membership.objects.create(workspace=workspace, user=user, role=Role.FACILITATOR)
    process = process_services.process_create(
        workspace=workspace,
        method_slug="all-in",
        name="ALL-IN E2E eigenaar",
        theme="schulden",
        start_date=date.today(),
        created_by=user,
    )
    session = factories.held_session(process)
    partner = factories.partner(workspace, "Schuldhulp Voorbeeld")
    note = session.notes[0]
    action = services.action_from_source(process=process, note=note, client_id=uuid.uuid4())
    action = services.action_update(
        action=action,
        title="Spreekuur schuldhulp op school",
        owner_partner=partner,
        owner_name=OWNER,
        owner_email=f"kees-{token}@example.org",
        due_date=date.today() + timedelta(days=60),
        answer="We zoeken een school die mee wil doen.",
    )
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    reaction = feedback.reaction_create(
        page=page, action=action, text=REACTION, client_id=uuid.uuid4(), address="127.0.0.1"
    )
    feedback.reaction_moderate(reaction=reaction, approve=True)
    print(
        "E2E-OWNER "
        + json.dumps(
            {
                "workspace": workspace.slug,
                "process": process.pk,
                "email": user.email,
                "password": PASSWORD,
                "action": action.pk,
                "title": action.title,
                "owner": OWNER,
                "tip": note.text,
                "reaction": REACTION,
                "link": reverse("action_owner", kwargs={"token": links.owner_token(action)}),
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
