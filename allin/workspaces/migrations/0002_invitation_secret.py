"""Invitation links carry a random secret of their own, kept here only as a hash (issue 17 item 2).

Invitations made before this carry no secret in their link, and nobody knows one for them: each gets the hash
of a fresh random secret, so their old links stop opening (a Dutch 404). The owner invites again."""

import hashlib
import secrets

from django.db import migrations, models


def unknown_secrets(apps, schema_editor):
    Invitation = apps.get_model("workspaces", "WorkspaceInvitation")
    for invitation in Invitation.objects.filter(secret_hash="").only("pk"):
        secret_hash = hashlib.sha256(secrets.token_urlsafe(24).encode()).hexdigest()
        Invitation.objects.filter(pk=invitation.pk).update(secret_hash=secret_hash)


class Migration(migrations.Migration):
    dependencies = [
        ("workspaces", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="workspaceinvitation",
            name="secret_hash",
            field=models.CharField(default="", max_length=64),
        ),
        migrations.RunPython(unknown_secrets, migrations.RunPython.noop),
    ]
