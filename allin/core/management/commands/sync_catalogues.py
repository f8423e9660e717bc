"""Our source texts are Dutch, so the Dutch catalogue is the source copied over; the English one is translated
by hand. This fills the Dutch catalogue and lists English entries that still need a translation."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Vult de Nederlandse catalogus met de brontekst en meldt Engelse teksten zonder vertaling."

    def handle(self, *args, **options):
        base = Path(settings.LOCALE_PATHS[0])
        dutch = polib.pofile(str(base / "nl" / "LC_MESSAGES" / "django.po"))
        for entry in dutch:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        _settle_header(dutch, "nl")
        dutch.save()
        english = polib.pofile(str(base / "en" / "LC_MESSAGES" / "django.po"))
        _settle_header(english, "en")
        english.save()
        missing = [e.msgid for e in english if not e.translated() or "fuzzy" in e.flags]
        for msgid in missing:
            self.stdout.write(f"zonder Engelse vertaling: {msgid[:80]}")
        self.stdout.write(f"{len(dutch)} teksten; {len(missing)} nog te vertalen naar het Engels")


def _settle_header(catalogue, language):
    # msgfmt drops a fuzzy header, and without its charset Python reads the catalogue as ASCII.
    catalogue.metadata_is_fuzzy = False
    catalogue.metadata.update(
        {
            "Project-Id-Version": "ALL-IN",
            "Language": language,
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
    )
