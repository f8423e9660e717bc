from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_rsvp_links"),
    ]

    operations = [
        migrations.RemoveField(model_name="invitation", name="secret"),
    ]
