# RSVP links keep only a hash of their secret. Every invitation that still opens gets one RsvpLink with the hash
# of the secret its e-mails carry, so links already sent keep working; the plain column goes in the next
# migration (a separate transaction, as PostgreSQL wants after these inserts).

import django.db.models.deletion
from django.db import migrations, models

from allin.core.tokens import link_secret_hash


def hash_secrets(apps, schema_editor):
    Invitation = apps.get_model("people", "Invitation")
    RsvpLink = apps.get_model("people", "RsvpLink")
    rows = Invitation.objects.filter(revoked_at__isnull=True).exclude(secret="").values_list("pk", "secret")
    RsvpLink.objects.bulk_create(
        [RsvpLink(invitation_id=pk, secret_hash=link_secret_hash(secret)) for pk, secret in rows.iterator()],
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_invitations_attendance_privacy"),
    ]

    operations = [
        migrations.CreateModel(
            name="RsvpLink",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("secret_hash", models.CharField(max_length=64, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "invitation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="links", to="people.invitation"
                    ),
                ),
            ],
        ),
        migrations.RunPython(hash_secrets, migrations.RunPython.noop),
    ]
