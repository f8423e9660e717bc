"""Demo data for the actions part: the demo ALL-IN process reaches phase C. Actions in every status answer the
youth's ideas from the held session (phase B), the feedback page is published with one approved reaction, an
organisation filled in its agreement card, and the call list of the session is ready."""

import uuid
from datetime import timedelta

from django.utils import timezone

from allin.actions import feedback, followup, services
from allin.actions.models import ActionStatus
from allin.core.site import public_url
from allin.live import services as live_services
from allin.live.kinds import plans
from allin.live.models import Activity, Note, VoteOption
from allin.network.models import Partner

PARTNERS = ["Jongerenwerk Voorbeeld", "Schuldhulpverlening Gemeente Voorbeeld", "ROC Voorbeeld"]

# (idea from the session, owner partner index, owner, status, reason, explanation for the youth, progress notes)
ACTIONS = [
    (
        "Spreekuur van schuldhulp op school",
        1,
        ("Karim El Amrani", "karim@schuldhulp.example.org"),
        ActionStatus.DONE,
        "",
        "Sinds deze maand zit er elke dinsdag van 12 tot 13 uur iemand van schuldhulp in de aula. Je mag gewoon "
        "binnenlopen, ook met een vriend. Je hoeft niets mee te nemen.",
        ["Afspraak gemaakt met de schoolleiding", "Eerste spreekuur gehouden: 6 jongeren kwamen langs"],
    ),
    (
        "WhatsApp-nummer voor jongeren met geldvragen",
        0,
        ("Petra de Boer", "petra@jongerenwerk.example.org"),
        ActionStatus.BUSY,
        "",
        "We testen nu een WhatsApp-nummer met twee jongerenwerkers. Binnen een werkdag krijg je antwoord. Na de "
        "zomer kijken we of het werkt.",
        ["Nummer aangevraagd", "Twee jongerenwerkers getraind in chatten over geld"],
    ),
    (
        "Uitleg over toeslagen in de klas",
        2,
        ("Els Visser", "els@roc.example.org"),
        ActionStatus.PLANNED,
        "",
        "In het nieuwe schooljaar krijgt elke eerstejaars een les over toeslagen en je eerste loonstrook. Jullie "
        "tips gebruiken we voor de les.",
        [],
    ),
    (
        "Eén app of website met alle hulp in de gemeente",
        1,
        ("Mira Jansen", "mira@gemeente.example.org"),
        ActionStatus.DROPPED,
        "Er komt al een landelijke website met alle hulp bij geldzorgen. Een eigen app zou dubbel werk zijn en "
        "veel geld kosten.",
        "We maken geen eigen app. Wel zetten we alle hulp in onze gemeente op de landelijke website, en we "
        "zorgen dat je die makkelijk vindt via de site van de gemeente.",
        [],
    ),
]


def _partners(workspace):
    found = {p.name: p for p in Partner.objects.filter(workspace=workspace, name__in=PARTNERS)}
    return [found.get(name) or Partner.objects.create(workspace=workspace, name=name) for name in PARTNERS]


def _source_for(live, idea):
    """The voted idea with this label if there is one, else the note itself."""
    option = VoteOption.objects.filter(activity__live=live, label=idea).first()
    if option is not None:
        return {"option": option}
    note = Note.objects.filter(activity__live=live, text=idea).first()
    return {"note": note} if note is not None else None


# Werk aan Netwerk's "Acties!": what each organisation's representative sent from a phone in the session.
WAN_ROWS = [
    (
        "Stagebank voor mbo-studenten in de techniek",
        "ROC Voorbeeld",
        "Els Visser",
        "Voor de zomer",
        "Samen met het Leerwerkloket",
    ),
    (
        "Eén vaste contactpersoon nazorg per opleiding",
        "ROC Voorbeeld",
        "Els Visser",
        "Nieuw schooljaar",
        "Via de loopbaancoördinatoren",
    ),
    (
        "Elke maand een werkgeversontbijt over nazorg",
        "Bouwbedrijf Van Dam",
        "Henk van Dam",
        "Vanaf september",
        "Om de beurt bij een ander bedrijf",
    ),
    (
        "Oud-studenten zonder werk zelf opbellen",
        "UWV Werkbedrijf Voorbeeld",
        "Jeroen Smit",
        "Binnen drie maanden",
        "Met de lijst van het RMC",
    ),
]


def _wan_session(wan):
    """Werk aan Netwerk's session, held two weeks ago: the rows of "Acties!" fill the agreement cards of
    three organisations, one row already became an action, and the call list is ready."""
    meeting = wan.meetings.filter(method_key="sessie").first()
    if meeting is None or getattr(meeting, "live", None) is not None:
        return
    item = next((i for i in meeting.items.all() if "fields" in (i.activity or {})), None)
    if item is None:
        return
    live = live_services.live_open(meeting=meeting, base_url=public_url("/"))
    live_services.item_goto(live=live, item=item)
    activity = Activity.objects.select_related("live__meeting__process").get(live=live, item=item)
    phones, made = {}, []
    for what, organisation, who, when, how in WAN_ROWS:
        if organisation not in phones:
            phones[organisation] = live_services.attendee_join(
                live=live, name=who.split()[0], role="professional"
            )
        plan, _created = plans.plan_create(
            activity=activity,
            attendee=phones[organisation],
            client_id=uuid.uuid5(uuid.NAMESPACE_URL, "demo-wan-" + what),
            what=what,
            organisation=organisation,
            who=who,
            when=when,
            how=how,
        )
        made.append(plan)
    live_services.live_close(live=live)
    if made[0].partner_id:
        followup.action_from_card_line(process=wan, plan=made[0])
    followup.call_list_create(meeting=meeting)


def load(*, workspace, user, allin, wan):
    """workspace: the demo workspace; user: its owner; allin: the ALL-IN process (phase A and B held);
    wan: the Werk aan Netwerk process (its session held two weeks ago)."""
    _wan_session(wan)
    session = allin.meetings.get(method_key="b-sessie")
    live = getattr(session, "live", None)
    if live is None:
        return
    partners = _partners(workspace)
    today = timezone.localdate()
    services.feedback_plan_save(
        process=allin,
        who="De jongerenwerker die de jongeren al kennen, samen met de wethouder",
        what="Per tip wat ermee gebeurt, ook als het niet lukt en waarom",
        where="Instagram van het jongerenwerk en een bijeenkomst op school",
        when="Binnen drie maanden na de sessie",
        how="Kort, in gewone taal, met een poster en een QR-code",
    )
    made = []
    for n, (idea, partner, (name, email), status, reason, answer, notes) in enumerate(ACTIONS):
        source = _source_for(live, idea)
        if source is None:
            continue
        action = services.action_from_source(
            process=allin, client_id=uuid.uuid5(uuid.NAMESPACE_URL, idea), **source
        )
        services.action_update(
            action=action,
            title=idea,
            description=answer,
            owner_partner=partners[partner],
            owner_name=name,
            owner_email=email,
            due_date=today + timedelta(days=(-3 if status == ActionStatus.DONE else 20 + 15 * n)),
            answer=answer,
        )
        for text in notes:
            services.action_progress(action=action, via="eigenaar", author_name=name, text=text)
        if status != ActionStatus.PLANNED:
            services.action_progress(
                action=action, via="eigenaar", author_name=name, status=status, reason=reason
            )
        made.append(action)
    if not made:
        return
    feedback.feedback_settings(
        process=allin,
        intro="Bedankt voor jullie tips in de ALL-IN-sessie! Hier lees je per organisatie wat we ermee doen. "
        "Klopt er iets niet, of heb je een vraag? Reageer gerust.",
        reactions_open=True,
    )
    feedback.feedback_publish(process=allin)
    # A later update, published again: it shows as "nieuw".
    busy = next((a for a in made if a.title.startswith("WhatsApp")), made[0])
    busy.refresh_from_db()
    services.action_progress(
        action=busy, via="eigenaar", author_name="Petra de Boer", text="Het nummer werkt: 06 12 34 56 78"
    )
    services.action_update(
        action=busy,
        title=busy.title,
        description=busy.description,
        owner_partner=busy.owner_partner,
        owner_name=busy.owner_name,
        owner_email=busy.owner_email,
        due_date=busy.due_date,
        answer=busy.answer + " Het nummer is 06 12 34 56 78.",
    )
    feedback.feedback_publish(process=allin)
    page = feedback.feedback_page_for(allin)
    reaction = feedback.reaction_create(
        page=page,
        action=made[0],
        text="Top! Kan het spreekuur ook op woensdag? Dan heb ik geen les.",
        client_id=uuid.uuid5(uuid.NAMESPACE_URL, "demo-reaction"),
        address="demo",
    )
    feedback.reaction_moderate(reaction=reaction, approve=True)
    feedback.reaction_reply(
        reaction=reaction, text="Goed idee. We proberen na de zomer ook de woensdag.", by=partners[1].name
    )
    card = followup.agreement_for(process=allin, partner=partners[0])
    for what, who, when, how in (
        (
            "WhatsApp-nummer voor geldvragen testen",
            "Petra de Boer",
            "Voor de zomer",
            "Met twee jongerenwerkers",
        ),
        (
            "Jongeren vragen de folder over schuldhulp mee te schrijven",
            "Petra en 3 jongeren",
            "September",
            "Werksessie",
        ),
    ):
        followup.agreement_row_add(agreement=card, what=what, who=who, when=when, how=how)
    followup.call_list_create(meeting=session)
