"""Test data for the people app: participants and their invitations, through the services."""

from datetime import date, time

from allin.people import services
from allin.people.models import ParticipantRole
from allin.processes.models import Meeting


def participant(process, name="Sam", role=ParticipantRole.YOUTH, email="", **extra):
    return services.participant_create(process=process, name=name, role=role, email=email, **extra)


def future_meeting(process, *, day=date(2030, 5, 14), start=time(14, 0), name="Sessie", location="De Plek"):
    return Meeting.objects.create(
        process=process, name=name, date=day, start_time=start, planned_minutes=120, location=location
    )
