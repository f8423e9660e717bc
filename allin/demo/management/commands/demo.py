"""Load the demo workspace once. Running it again changes nothing, so `make run` can call it every time."""

from datetime import date, time, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from allin.demo import actions as demo_actions
from allin.demo import groups as demo_groups
from allin.demo import held
from allin.demo import look as demo_look
from allin.demo import network as demo_network
from allin.demo import people as demo_people
from allin.demo import socialmap as demo_socialmap
from allin.demo import stepzero as demo_stepzero
from allin.demo import workbook as demo_workbook
from allin.processes import services as process_services
from allin.processes.models import ChecklistItem
from allin.workspaces.models import Membership, Role, User, Workspace

DEMO_EMAIL = "demo@allin.example"
DEMO_PASSWORD = "demo-allin-2026"
DEMO_WORKSPACE = "Gemeente Voorbeeld"


class Command(BaseCommand):
    help = "Laadt de demowerkruimte 'Gemeente Voorbeeld' (alleen als die er nog niet is)."

    def handle(self, *args, **options):
        if Workspace.objects.filter(slug="gemeente-voorbeeld").exists():
            self.stdout.write("Demo is er al; niets veranderd.")
        else:
            with transaction.atomic():
                self._load()
            self.stdout.write(self.style.SUCCESS("Demowerkruimte 'Gemeente Voorbeeld' geladen."))
        self.stdout.write(f"Inloggen: {DEMO_EMAIL} / {DEMO_PASSWORD}")

    def _load(self):
        user = User.objects.filter(email=DEMO_EMAIL).first() or User.objects.create_user(
            email=DEMO_EMAIL, password=DEMO_PASSWORD, full_name="Sanne de Vries"
        )
        viewer = User.objects.filter(email="meekijker@allin.example").first() or User.objects.create_user(
            email="meekijker@allin.example", password=DEMO_PASSWORD, full_name="Ahmed Bakker"
        )
        workspace = Workspace.objects.create(name=DEMO_WORKSPACE, slug="gemeente-voorbeeld")
        Membership.objects.create(workspace=workspace, user=user, role=Role.OWNER)
        Membership.objects.create(workspace=workspace, user=viewer, role=Role.VIEWER)
        demo_look.load(workspace)

        today = timezone.localdate()
        allin = process_services.process_create(
            workspace=workspace,
            method_slug="all-in",
            name="ALL-IN Voorbeeld 2026: jongeren en schulden",
            theme="Hoe vinden jongeren hulp bij geldzorgen?",
            # Phase A was held five weeks ago and the session (phase B) a week ago; phase C is still ahead.
            start_date=today - timedelta(days=35),
            created_by=user,
        )
        self._fill(allin, user, location="Jongerencentrum De Plek, Stationsstraat 12", done_share=0.7)
        held.phase_a(allin.meetings.get(method_key="a-voorbereiding-jongeren"))
        held.phase_b(allin.meetings.get(method_key="b-sessie"))

        wan = process_services.process_create(
            workspace=workspace,
            method_slug="werk-aan-netwerk",
            name="Werk aan Netwerk: nazorg in het mbo",
            theme="nazorg in het mbo",
            # Its session (four weeks after the start) was held two weeks ago: its agreement cards are filled
            # from the session and the call list is due; the follow-up session is months ahead.
            start_date=_next_monday(today) - timedelta(days=42),
            created_by=user,
        )
        self._fill(wan, user, location="Stadhuis, zaal 3", done_share=0.3)
        # Each part adds its own data, in the order the apps build on each other.
        for part in (
            demo_network,
            demo_people,
            demo_socialmap,
            demo_groups,
            demo_stepzero,
            demo_actions,
            demo_workbook,
        ):
            part.load(workspace=workspace, user=user, allin=allin, wan=wan)

    def _fill(self, process, user, *, location, done_share):
        for meeting in process.meetings.all():
            process_services.meeting_update(
                meeting=meeting,
                name=meeting.name,
                date=meeting.date,
                start_time=meeting.start_time or time(13, 0),
                planned_minutes=meeting.planned_minutes,
                location=location,
            )
        items = list(ChecklistItem.objects.filter(checklist__meeting__process=process).order_by("pk"))
        for item in items[: int(len(items) * done_share)]:
            process_services.checklist_item_set_done(item=item, done=True, user=user)


def _next_monday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7 or 7)
