# Photo cards get a random token for their public image routes. Added empty first so that existing rows each get
# a token of their own (a default would give all of them the same one), then made unique in the next migration (a
# separate transaction: PostgreSQL does not alter a table with updates pending in the same one).

from django.db import migrations, models

import allin.live.activity_models


def fill_tokens(apps, schema_editor):
    PhotoCard = apps.get_model("live", "PhotoCard")
    for card in PhotoCard.objects.filter(token="").only("pk"):
        PhotoCard.objects.filter(pk=card.pk).update(token=allin.live.activity_models.new_photo_token())


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0010_plan_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="photocard",
            name="token",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
    ]
