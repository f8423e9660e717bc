from django.core.management.base import BaseCommand

from allin.actions.tasks import schedule_daily
from allin.people.tasks import schedule_erasure
from allin.stepzero.tasks import schedule_daily as schedule_manager_reminders


class Command(BaseCommand):
    help = "Zet de dagelijkse herinneringen klaar voor de worker (nu een ronde, daarna elke ochtend)."

    def handle(self, *args, **options):
        schedule_erasure()  # the nightly erasure after the retention period (allin/people/tasks.py) rides along
        schedule_manager_reminders()  # keeping managers informed (allin/stepzero/tasks.py) too
        if schedule_daily():
            self.stdout.write("Herinneringen staan klaar voor de worker.")
        else:
            self.stdout.write("Herinneringen stonden al klaar.")
