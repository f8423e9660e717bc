"""The migration that keeps only hashes of RSVP secrets (allin/people/migrations/0003_rsvp_links.py): a link
sent before it, signed over the plain secret the row held, still opens its invitation afterwards; a revoked
invitation's link stays dead."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from allin.core.tokens import make_token
from allin.people import links
from allin.people.models import Invitation

BEFORE = [("people", "0002_invitations_attendance_privacy")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_links_sent_before_the_migration_keep_working(meeting, sam, noor):
    kept = Invitation.objects.create(participant=sam, meeting=meeting)
    revoked = Invitation.objects.create(participant=noor, meeting=meeting, revoked_at=timezone.now())
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("people")
    try:
        old_apps = _migrate(BEFORE).loader.project_state(BEFORE).apps
        OldInvitation = old_apps.get_model("people", "Invitation")
        OldInvitation.objects.filter(pk=kept.pk).update(secret="Zo7-een_oud-geheim-van22")
        OldInvitation.objects.filter(pk=revoked.pk).update(secret="Ingetrokken-geheim-van22")
        # The links as the e-mails carried them: the row's number and its plain secret, signed.
        sent = make_token(purpose=links.RSVP_PURPOSE, value=f"{kept.pk}.Zo7-een_oud-geheim-van22")
        dead = make_token(purpose=links.RSVP_PURPOSE, value=f"{revoked.pk}.Ingetrokken-geheim-van22")
    finally:
        _migrate(latest)
    assert links.invitation_from_token(sent) == kept
    assert links.invitation_from_token(dead) is None
    assert Client().get(reverse("rsvp", args=[sent])).status_code == 200
    assert "Zo7-een_oud-geheim-van22" not in str(list(kept.links.values_list("secret_hash", flat=True)))
