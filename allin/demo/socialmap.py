"""Demo data for the socialmap part, loaded by the demo command after the processes exist: the social map two
youth groups made in the held phase A of the ALL-IN process, and the preparations of two professionals and a
policy maker (one link still open)."""

from allin.network.models import Partner
from allin.socialmap import preparations, services

GROUPS = {
    "Groepje 1": {
        "words": ["schulden hulp", "geld tekort", "schulden jongeren", "budgetcoach", "geldzorgen"],
        "findings": [
            (
                "Geldfit",
                "https://www.geldfit.nl",
                "Google: hulp bij geld",
                (4, 3, 4, 3),
                "Test is kort en anoniem",
                "",
            ),
            (
                "Schuldhulpverlening gemeente Voorbeeld",
                "",
                "Website van de gemeente",
                (2, 2, 3, 2),
                "Duidelijk wie je kunt bellen",
                "Zet het op de voorpagina, nu zit het heel diep weg",
            ),
            (
                "Jongerenwerk De Plek",
                "",
                "Instagram",
                (3, 5, 4, 5),
                "Je kunt gewoon binnenlopen",
                "Zeg op Instagram dat je ook met geldvragen kunt komen",
            ),
        ],
        "not_found": [("Chat of WhatsApp van schuldhulp", "We konden alleen bellen tijdens schooltijd")],
        "undercover": (
            "Schuldhulpverlening gemeente Voorbeeld",
            "Lisa (19) heeft 1.200 euro schuld bij haar telefoonabonnement en durft het niet aan haar ouders te "
            "vertellen.",
            "We stuurden een mail via het contactformulier en belden het algemene nummer van de gemeente.",
            "Aan de telefoon waren ze vriendelijk en we kregen een afspraak binnen een week.",
            "Leg uit wat er gebeurt na je eerste mail. We kregen vier dagen geen antwoord.",
        ),
    },
    "Groepje 2": {
        "words": ["schuldhulp", "schulden hulp", "geldproblemen", "toeslagen", "jongerenloket"],
        "findings": [
            (
                "Jongerenloket",
                "",
                "Via school",
                (2, 3, 3, 4),
                "Ze denken mee over school en geld",
                "Meer uitleg online",
            ),
            ("Geldfit", "geldfit.nl", "Google", (5, 3, 4, 3), "Meteen te vinden", "Geen chat voor jongeren"),
            (
                "Humanitas Thuisadministratie",
                "https://www.humanitas.nl",
                "Tip van een moeder",
                (2, 2, 3, 2),
                "Vrijwilligers komen bij je thuis",
                "De website lijkt voor ouderen, niet voor jongeren",
            ),
            (
                "Schuldhulpverlening gemeente Voorbeeld",
                "",
                "Google",
                (2, 3, 2, 2),
                "",
                "Te veel moeilijke woorden",
            ),
        ],
        "not_found": [
            ("Chat of WhatsApp van schuldhulp", ""),
            ("Hulp speciaal voor studenten", "Alles leek voor volwassenen met een gezin"),
        ],
        "undercover": (
            "Jongerenloket",
            "Daan (17) wordt bijna 18 en wil weten of hij zorgtoeslag kan krijgen en hoe hij dat aanvraagt.",
            "We stelden de vraag via het contactformulier en liepen langs bij het inloopspreekuur.",
            "Bij de inloop kregen we meteen uitleg, zonder afspraak.",
            "Zet de tijden van de inloop op Instagram en maak het formulier korter.",
        ),
    },
}

PROFESSIONAL_ANSWERS = {
    "search_words": "Met 'schuldhulp Voorbeeld' vind je ons; met 'hulp bij geld jongeren' niet.",
    "contact": "Bellen op werkdagen van 9 tot 12 uur en een contactformulier; we reageren binnen vijf werkdagen.",
    "language": "Onze teksten zijn voor volwassenen. Woorden als 'minnelijk traject' snapt een jongere niet.",
    "offer": "We hebben geen apart aanbod voor jongeren. Een jongerenspreekuur op het mbo ontbreekt.",
    "tops": "Wie ons eenmaal heeft gevonden, krijgt snel een afspraak.",
    "tips": "Een chat of WhatsApp, en een pagina speciaal voor jongeren.",
}
POLICY_ANSWERS = {
    "schemes": "Schuldhulpverlening, bijzondere bijstand, de meedoenregeling en het jongerenloket.",
    "finding": "Via de website van de gemeente en de sociale kaart; jongeren vinden die zelden zelf.",
    "reach": "Vooral telefonisch en op kantoortijden; voor jongeren is dat een drempel.",
    "collaboration": "Schuldhulp, jongerenwerk en Humanitas werken samen, maar scholen zijn nog weinig betrokken.",
    "going_well": "Er is veel aanbod en de lijnen tussen de partners zijn kort.",
    "better": "Eén plek waar jongeren alle hulp vinden, in hun eigen taal.",
}


def load(*, workspace, user, allin, wan):
    """workspace: the demo workspace; user: its owner; allin: the ALL-IN process (phase A and B held);
    wan: the Werk aan Netwerk process (ahead)."""
    meeting = allin.meetings.filter(method_key="a-voorbereiding-jongeren").first()
    for name, data in GROUPS.items():
        group = services.group_create(process=allin, name=name, meeting=meeting)
        services.search_words_add(group=group, texts=data["words"])
        for org, website, how, marks, tops, tips in data["findings"]:
            services.finding_save(
                group=group,
                organisation_name=org,
                website=website,
                how_found=how,
                ratings=dict(zip(("findability", "reachability", "clarity", "fit"), marks, strict=True)),
                tops=tops,
                tips=tips,
            )
        for missing, note in data["not_found"]:
            services.not_found_add(group=group, name=missing, note=note)
        org, case, did, tops, tips = data["undercover"]
        services.undercover_save(
            group=group, organisation_name=org, case=case, what_they_did=did, tops=tops, tips=tips
        )

    petra = preparations.preparation_create(
        process=allin,
        role="professional",
        name="Petra Jansen",
        organisation_name="Schuldhulpverlening gemeente Voorbeeld",
        email="petra.jansen@example.org",
        created_by=user,
    )
    preparations.preparation_answer(
        preparation=petra,
        answers=PROFESSIONAL_ANSWERS,
        ratings={"findability": 4, "reachability": 3, "clarity": 4, "fit": 3},
    )
    # Karim's link is still open: he has not filled it in yet.
    preparations.preparation_create(
        process=allin,
        role="professional",
        name="Karim El Amrani",
        organisation_name="Jongerenwerk De Plek",
        email="karim@example.org",
        created_by=user,
    )
    mira = preparations.preparation_create(
        process=allin,
        role="beleidsmaker",
        name="Mira de Boer",
        organisation_name="Gemeente Voorbeeld",
        created_by=user,
    )
    preparations.preparation_answer(preparation=mira, answers=POLICY_ANSWERS)

    # Organisations that are also on the network map are linked to their card.
    for org in allin.help_organisations.all():
        partner = Partner.objects.filter(workspace=workspace, name__iexact=org.name).first()
        if partner is not None:
            services.organisation_update(
                organisation=org, name=org.name, website=org.website, partner=partner
            )
