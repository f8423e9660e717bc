"""Copies the NL Design System CSS, tokens and fonts from node_modules into core/static/nlds/ (see core/nlds.py)."""

from django.core.management.base import BaseCommand, CommandError

from allin.core import nlds


class Command(BaseCommand):
    help = "Kopieert de NL Design System-stijlen, -tokens en -letters uit node_modules naar de statische bestanden."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Alleen controleren, niets schrijven.")

    def handle(self, *args, check=False, **options):
        try:
            files = nlds.built_files()
        except FileNotFoundError as missing:
            # Without npm the committed copy stays as it is: the app still looks right.
            self.stderr.write(
                f"NL Design System-pakketten niet gevonden ({missing.filename}); de kopie blijft staan."
            )
            return
        if check:
            changed = nlds.differences(files)
            if changed:
                raise CommandError("Verouderd ten opzichte van node_modules: " + ", ".join(changed))
            return
        nlds.write(files)
