"""Erase the personal data of participants whose process has reached its erase date. Safe to run every day."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from allin.people.services import participants_erase_due


class Command(BaseCommand):
    help = "Wist de persoonsgegevens van deelnemers van trajecten waarvan de wisdatum is bereikt."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Doe alsof het deze dag is (JJJJ-MM-DD).")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options.get("today"):
            try:
                today = date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("Gebruik een datum als 2027-01-31.") from None
        erased = participants_erase_due(today=today)
        self.stdout.write(f"{erased} deelnemer(s) gewist.")
