from django.db import migrations, models

import allin.live.activity_models


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0011_photo_card_tokens"),
    ]

    operations = [
        migrations.AlterField(
            model_name="photocard",
            name="token",
            field=models.CharField(
                default=allin.live.activity_models.new_photo_token, editable=False, max_length=64, unique=True
            ),
        ),
    ]
