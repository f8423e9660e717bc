from django.core.management.base import BaseCommand

from allin.actions.tasks import schedule_daily


class Command(BaseCommand):
    help = "Zet de dagelijkse herinneringen klaar voor de worker (nu een ronde, daarna elke ochtend)."

    def handle(self, *args, **options):
        if schedule_daily():
            self.stdout.write("Herinneringen staan klaar voor de worker.")
        else:
            self.stdout.write("Herinneringen stonden al klaar.")
