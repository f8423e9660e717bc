"""Demo data for the workbook method (Samen slim en slagvaardig vernieuwen): a process that started six weeks ago,
a working group of six from five organisations, an urgent question that was sharpened once, and an experiment log
in which a zero measurement led to a privacy step and a workshop idea, like the examples from the pilots."""

import uuid
from datetime import timedelta

from django.utils import timezone

from allin.core.site import public_url
from allin.experiments import board, services
from allin.experiments.models import ExperimentStatus
from allin.live import notes
from allin.live import services as live_services
from allin.live.kinds import plans
from allin.network import services as network_services
from allin.network.models import Partner
from allin.people import services as people_services
from allin.processes import services as process_services

# name, organisation, domain, task in the working group
MEMBERS = [
    ("Jeroen", "RMC-regio Voorbeeld", "onderwijs en leerplicht", "trekker"),
    ("Mirjam", "Gemeente Voorbeeld, Werk en Inkomen", "werk en inkomen", ""),
    ("Fatma", "ROC Voorbeeld", "mbo", "contact met de scholen"),
    ("Daan", "Regionaal Bureau Leerplicht Voorbeeld", "leerplicht", ""),
    ("Ilse", "UWV Voorbeeld", "werk", ""),
    ("Tom", "Jongerenwerk Voorbeeld", "jongerenwerk", "contact met jongeren"),
]


def _partner(workspace, user, name):
    return Partner.objects.filter(workspace=workspace, name=name).first() or network_services.partner_create(
        workspace=workspace, name=name, kind="", created_by=user
    )


def load(*, workspace, user, allin, wan):
    today = timezone.localdate()
    process = process_services.process_create(
        workspace=workspace,
        method_slug="werkboek",
        name="Werkboek: van school naar werk zonder startkwalificatie",
        theme="jongeren zonder startkwalificatie naar werk",
        start_date=today - timedelta(days=42),
        created_by=user,
    )
    for name, organisation, domain, task in MEMBERS:
        participant = people_services.participant_create(
            process=process,
            name=name,
            role="professional",
            organisation=_partner(workspace, user, organisation),
            domain=domain,
        )
        services.member_add(participant=participant, task=task)

    services.question_set(
        process=process,
        text="Hoe zorgen we dat geen jongere zonder startkwalificatie uit beeld raakt?",
        user=user,
    )
    services.question_set(
        process=process,
        text="Hoe zorgen we dat elke jongere die zonder startkwalificatie van school gaat, binnen een maand "
        "door één van ons wordt gebeld?",
        why="Scherper gemaakt in experimentbijeenkomst 1: het gaat om het moment van uitval.",
        user=user,
    )

    plan = _kick_off_held(process, user)
    # The first experiment was made from the plan on the board, then made concrete in the log.
    zero, _created = board.experiment_from_board(process=process, ref=f"plan-{plan.pk}", user=user)
    services.experiment_update(
        experiment=zero,
        question="Weten we om welke jongeren het gaat?",
        hypothesis="Een deel van de jongeren staat dubbel in de systemen van RMC en RBL, een deel staat nergens.",
        step="Een nulmeting: RMC en RBL leggen hun lijsten van jongeren tussen 16 en 23 naast elkaar.",
        who="Jeroen en Daan",
        starts_on=today - timedelta(days=40),
        ends_on=today - timedelta(days=21),
        status=ExperimentStatus.DONE,
        result="38 jongeren stonden dubbel in beeld, 11 jongeren stonden bij geen van beide.",
        learned="Zonder afspraken over gegevens delen lopen we vast. "
        "We hadden de privacy officer eerder moeten vragen.",
        next_step="Met de privacy officer uitzoeken wat we volgens de AVG mogen vastleggen en delen.",
    )
    services.experiment_create(
        process=process,
        question="Wat mogen we delen om jongeren samen te volgen?",
        hypothesis="Met toestemming van de jongere mag meer dan we denken.",
        step="Gesprek met de privacy officer van de gemeente; daarna een toestemmingsformulier in gewone taal.",
        who="Jeroen, met de privacy officer",
        starts_on=today - timedelta(days=20),
        ends_on=today + timedelta(days=10),
        status=ExperimentStatus.RUNNING,
        follows=zero,
        user=user,
    )
    services.experiment_create(
        process=process,
        question="Komen jongeren naar een workshop 'Wie ben ik en wat kan ik'?",
        hypothesis="Jongeren komen eerder als een jongerencoach van buiten de workshop geeft.",
        step="Brainstorm met een jongerencoach en drie jongeren; eerdere jongerenprogramma's nalopen.",
        who="Tom en Fatma",
        starts_on=today + timedelta(days=7),
        status=ExperimentStatus.IDEA,
        follows=zero,
        user=user,
    )
    services.experiment_create(
        process=process,
        question="Kunnen we de achterstand in de caseload in één middag wegwerken?",
        step="Een wegwerkmiddag met alle jongerenconsulenten in één ruimte.",
        who="Mirjam",
        starts_on=today - timedelta(days=30),
        ends_on=today - timedelta(days=29),
        status=ExperimentStatus.STOPPED,
        result="Niet doorgegaan: de helft van de consulenten kon niet.",
        learned="Zo'n middag ver vooruit plannen, en leidinggevenden vragen de agenda's vrij te houden.",
        user=user,
    )
    return process


# The duo interviews' answers, each under the question it answers (the phones show the four questions).
DUO_NOTES = [
    (
        "Wanneer hielp je samen met anderen een jongere echt verder?",
        "Samen met de leerplichtambtenaar op huisbezoek",
    ),
    ("Wat maakte dat het lukte?", "Eén telefoontje naar UWV en de uitkering liep door tijdens de stage"),
    ("Wat maakte dat het lukte?", "Korte lijnen met de mentor op school"),
    (
        "Wat waardeer je het meest aan je eigen werk?",
        "Dat een jongere na een jaar zelf belt om te vertellen hoe het gaat",
    ),
    ("Wat zou je veranderen voor deze jongeren?", "Eén vast aanspreekpunt, welke organisatie ook belt"),
]


def _kick_off_held(process, user):
    """The kick-off meeting as it was held: the duo interviews' notes and the plan for the first experiment."""
    meeting = process.meetings.get(method_key="startbijeenkomst")
    live = live_services.live_open(meeting=meeting, base_url=public_url("/"))
    people = [
        live_services.attendee_join(live=live, name=name, role="professional") for name, *_rest in MEMBERS
    ]
    duo = meeting.items.get(title="Waarderende interviews in duo's")
    live_services.item_goto(live=live, item=duo)
    board_activity = live_services.activity_start(live=live, item=duo)
    for n, (question, text) in enumerate(DUO_NOTES):
        notes.note_create(
            activity=board_activity, attendee=people[n], text=text, category=question, client_id=uuid.uuid4()
        )
    first = meeting.items.get(title="Eerste kleine experiment")
    live_services.item_goto(live=live, item=first)
    plans_activity = live_services.activity_start(live=live, item=first)
    plan, _created = plans.plan_create(
        activity=plans_activity,
        title="Nulmeting: welke jongeren zien we dubbel of niet?",
        what="RMC en RBL leggen hun lijsten naast elkaar.",
        who="Jeroen en Daan, binnen drie weken",
        client_id=uuid.uuid4(),
        attendee=people[0],
    )
    live_services.live_close(live=live)
    return plan
