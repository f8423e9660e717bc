"""Meetings made from the method files before their introductions stopped naming minutes: the old default text,
untouched by the facilitator, is swapped for the new one, so an older runbook no longer prints minutes that a
shortened agenda made stale. A description the facilitator edited stays as it is."""

from django.db import migrations

OLD_TO_NEW = {
    ("all-in", "b-sessie"): (
        "De sessie volgt het draaiboek: opening (15 min), een ervaringsdeskundige aan het woord (10 min), jongeren presenteren hun sociale kaart en undercoverbevindingen (15 min), participatie als recht van jongeren (15 min), gesprekstafels (60 min) en de afsluiting (10 min), met twee pauzes van 10 minuten.\n\nHet draaiboek rekent op ongeveer drie uur. De extra minuten staan hier bij de inloop en bij twee losse onderdelen die in het origineel bij de afsluiting horen: de terugblik op hoop en angst en de tips & tops. Schuif met de pauzes als de energie in de groep daarom vraagt.",
        "De sessie volgt het draaiboek: een opening, een ervaringsdeskundige aan het woord, jongeren die hun sociale kaart en undercoverbevindingen presenteren, participatie als recht van jongeren, de gesprekstafels en de afsluiting, met twee pauzes.\n\nNaast het draaiboek uit de methode staan hier een inloop en twee losse onderdelen die in het origineel bij de afsluiting horen: de terugblik op hoop en angst en de tips & tops. Schuif met de pauzes als de energie in de groep daarom vraagt.",
    ),
    ("werk-aan-netwerk", "sessie"): (
        "Een bijeenkomst van drie uur met 8 tot 12 partners uit de regio. Introductie (10 min), voorstelronde (10 min), toekomstdroom (15 min), toekomstdroom delen (45 min), pauze (10 min), terugkoppeling (10 min), check op gedeeldheid (10 min), plannen voor de regio (30 min), acties (30 min) en afsluiting (10 min).",
        "Een bijeenkomst met 8 tot 12 partners uit de regio: introductie, voorstelronde, toekomstdroom, toekomstdroom delen, pauze, terugkoppeling, check op gedeeldheid, plannen voor de regio, acties en afsluiting.",
    ),
}


def forwards(apps, schema_editor):
    Meeting = apps.get_model("processes", "Meeting")
    for (method_slug, key), (old, new) in OLD_TO_NEW.items():
        meetings = Meeting.objects.filter(process__method_slug=method_slug, method_key=key)
        for meeting in meetings.only("pk", "description"):
            if meeting.description.strip() == old:
                Meeting.objects.filter(pk=meeting.pk).update(description=new)


class Migration(migrations.Migration):
    dependencies = [("processes", "0003_meeting_updated_at")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
