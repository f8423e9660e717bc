"""Partner and participant links carry a random secret of their own, kept here only as a hash (issue 17 item 2).

Links made before this carry no secret, and nobody knows one for them: every record gets the hash of a fresh
random secret, so its old link stops opening (the Dutch "link does not work" page). The facilitator makes a new
link on the partner's card or the process's network page."""

import hashlib
import secrets

from django.db import migrations, models


def _unknown():
    return hashlib.sha256(secrets.token_urlsafe(24).encode()).hexdigest()


def unknown_secrets(apps, schema_editor):
    Partner = apps.get_model("network", "Partner")
    ParticipantLink = apps.get_model("network", "ParticipantLink")
    for pk in Partner.objects.filter(link_secret_hash="").values_list("pk", flat=True):
        Partner.objects.filter(pk=pk).update(link_secret_hash=_unknown())
    for pk in ParticipantLink.objects.filter(secret_hash="").values_list("pk", flat=True):
        ParticipantLink.objects.filter(pk=pk).update(secret_hash=_unknown())


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_partner_card"),
    ]

    operations = [
        migrations.AddField(
            model_name="participantlink",
            name="secret_hash",
            field=models.CharField(default="", max_length=64),
        ),
        migrations.AddField(
            model_name="partner",
            name="link_secret_hash",
            field=models.CharField(default="", max_length=64),
        ),
        migrations.RunPython(unknown_secrets, migrations.RunPython.noop),
    ]
