from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("socialmap", "0002_preparation_secret_hash"),
    ]

    # With a default first, so that the column can come back (empty) when this migration is reversed.
    operations = [
        migrations.AlterField(model_name="preparation", name="nonce", field=models.CharField(default="", max_length=32)),
        migrations.RemoveField(model_name="preparation", name="nonce"),
    ]
