# Preparation links keep only a hash of their secret. A link already sent carries the row's nonce as its
# secret, so the hash of that nonce keeps it working; a revoked preparation gets the hash of a secret nobody
# knows. The plain column goes in the next migration (a separate transaction, as PostgreSQL wants).

from django.db import migrations, models

from allin.core.tokens import link_secret_hash, unknown_secret_hash


def hash_nonces(apps, schema_editor):
    Preparation = apps.get_model("socialmap", "Preparation")
    for pk, nonce, revoked_at in Preparation.objects.values_list("pk", "nonce", "revoked_at").iterator():
        hashed = link_secret_hash(nonce) if nonce and revoked_at is None else unknown_secret_hash()
        Preparation.objects.filter(pk=pk).update(secret_hash=hashed)


class Migration(migrations.Migration):
    dependencies = [
        ("socialmap", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="preparation",
            name="secret_hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(hash_nonces, migrations.RunPython.noop),
    ]
