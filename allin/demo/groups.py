"""Demo data for the groups part, loaded by the demo command after the processes exist: a child-poverty series
(Lokaal samenwerken tegen kinderarmoede) of five meetings, three held with groups made by the optimiser (each
plan with the earlier ones as history) and two still to plan; 20 participants from five domains, four of them
trained experience experts, two of whom joined late and one who skipped a meeting."""

from datetime import timedelta

from django.utils import timezone

from allin.groups import services as group_services
from allin.people import services as people_services
from allin.people.models import ParticipantRole
from allin.processes import services as process_services

# (name, domain, role, trained experience expert)
PEOPLE = [
    ("Marieke Janssen", "schuldhulpverlening", ParticipantRole.PROFESSIONAL, False),
    ("Youssef El Amrani", "schuldhulpverlening", ParticipantRole.PROFESSIONAL, False),
    ("Petra Willems", "schuldhulpverlening", ParticipantRole.PROFESSIONAL, False),
    ("Gert van Dam", "welzijn", ParticipantRole.PROFESSIONAL, False),
    ("Nadia Bouzid", "welzijn", ParticipantRole.PROFESSIONAL, False),
    ("Ilse Kramer", "welzijn", ParticipantRole.PROFESSIONAL, False),
    ("Femke de Boer", "jeugdgezondheidszorg", ParticipantRole.PROFESSIONAL, False),
    ("Sander Peters", "jeugdgezondheidszorg", ParticipantRole.PROFESSIONAL, False),
    ("Lotte Hendriks", "jeugdgezondheidszorg", ParticipantRole.PROFESSIONAL, False),
    ("Ruud Vermeulen", "onderwijs", ParticipantRole.PROFESSIONAL, False),
    ("Esra Yilmaz", "onderwijs", ParticipantRole.PROFESSIONAL, False),
    ("Tom Dekker", "onderwijs", ParticipantRole.PROFESSIONAL, False),
    ("Hanna Bos", "kerk en informele hulp", ParticipantRole.OTHER, False),
    ("Wim Scholten", "kerk en informele hulp", ParticipantRole.OTHER, False),
    ("Joke Verbeek", "gemeente", ParticipantRole.POLICY, False),
    ("Karim Haddou", "gemeente", ParticipantRole.POLICY, False),
    ("Anouk Smits", "ervaringsdeskundigheid", ParticipantRole.EXPERT, True),
    ("Mohamed Ouali", "ervaringsdeskundigheid", ParticipantRole.EXPERT, True),
    ("Linda Brouwer", "ervaringsdeskundigheid", ParticipantRole.EXPERT, True),
    ("Debora Mahabier", "ervaringsdeskundigheid", ParticipantRole.EXPERT, True),
]
# Two people joined from the third meeting on; one skipped the second meeting.
LATE = {"Tom Dekker", "Debora Mahabier"}
SKIPPED_SECOND = {"Wim Scholten"}


def load(*, workspace, user, allin, wan):
    """workspace: the demo workspace; user: its owner; allin: the ALL-IN process (phase A and B held);
    wan: the Werk aan Netwerk process (ahead)."""
    today = timezone.localdate()
    # The meetings fall 0, 21, 42, 63 and 84 days after the start: three held, two ahead.
    process = process_services.process_create(
        workspace=workspace,
        method_slug="kinderarmoede",
        name="Samen tegen kinderarmoede in Voorbeeld",
        theme="samenwerken rond gezinnen met geldzorgen",
        start_date=today - timedelta(days=50),
        created_by=user,
    )
    people = [
        people_services.participant_create(
            process=process, name=name, role=role, domain=domain, is_expert=expert
        )
        for name, domain, role, expert in PEOPLE
    ]
    meetings = list(process.meetings.filter(method_key__startswith="sessie-").order_by("date"))
    for index, meeting in enumerate(meetings):
        if meeting.date >= today:
            continue
        for person in people:
            if person.name in LATE and index < 2:
                continue
            if person.name in SKIPPED_SECOND and index == 1:
                continue
            people_services.attendance_set(participant=person, meeting=meeting, present=True, by=user)
        plan = group_services.plan_make(meeting=meeting, min_size=3, max_size=5)
        if index == 2:
            # The facilitator named the tables after streets and chose a table leader at the first one.
            first = plan.groups.first()
            leader = first.members.first()
            group_services.group_update(
                plan=plan, group_pk=first.pk, name=first.name, leader_pk=leader.participant_id
            )
