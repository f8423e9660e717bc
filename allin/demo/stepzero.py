"""Demo data for step 0, on the child-poverty series (loaded after the groups part made it): what already exists in
Voorbeeld, four managers with the moments they want news, a project team of two, a debrief after each held meeting,
two cases in the workspace's case library (one picked for the second meeting), and a fixed participant for each
organisation; the church's fixed participant skipped the second meeting, so the overview shows it."""

from allin.network import services as network_services
from allin.network.models import Partner
from allin.people import services as people_services
from allin.processes.models import Process
from allin.stepzero import selectors, services

# domain of the groups demo's participants -> the organisation they work for, and its fixed participant
ORGANISATIONS = {
    "schuldhulpverlening": ("Schuldhulp Voorbeeld", "Marieke Janssen"),
    "welzijn": ("Welzijn Voorbeeld", "Gert van Dam"),
    "jeugdgezondheidszorg": ("JGZ Voorbeeld", "Femke de Boer"),
    "onderwijs": ("Basisschool De Regenboog", "Ruud Vermeulen"),
    "kerk en informele hulp": ("Diaconie Voorbeeld", "Wim Scholten"),
}
INVENTORY = [
    (
        "Armoedeoverleg gemeente",
        "Gemeente Voorbeeld",
        "armoede en schulden",
        "Bespreekt elk kwartaal het armoedebeleid; ons traject kan daar laten zien wat we leren.",
        "Joke Verbeek, beleidsmedewerker",
        "ja",
    ),
    (
        "Vroegsignalering schulden",
        "Schuldhulp Voorbeeld",
        "schuldhulpverlening",
        "Belt gezinnen met een betalingsachterstand; raakt gezinnen met kinderen direct.",
        "Youssef El Amrani",
        "ja",
    ),
    (
        "Jeugdfonds Sport en Cultuur",
        "Stichting Leergeld",
        "sport en cultuur",
        "Betaalt contributie en lessen voor kinderen; onbekend bij veel professionals.",
        "info@leergeld-voorbeeld.example",
        "later",
    ),
    (
        "Wijkteam Noord",
        "Welzijn Voorbeeld",
        "welzijn",
        "Overleg per wijk over gezinnen; deels dezelfde mensen.",
        "Nadia Bouzid",
        "later",
    ),
    (
        "Voedselbank",
        "Vrijwilligers",
        "informele hulp",
        "Ziet gezinnen met geldzorgen elke week, maar praat niet mee in overleggen.",
        "Hanna Bos",
        "nee",
    ),
]
MANAGERS = [
    (
        "Annemiek Vos",
        "Schuldhulp Voorbeeld",
        "teamleider",
        "email",
        "elke",
        "komt",
        "Marieke praat haar bij in het teamoverleg.",
    ),
    ("Bert Kuipers", "Welzijn Voorbeeld", "directeur", "gesprek", "halverwege", "komt", ""),
    ("Saskia Mulder", "JGZ Voorbeeld", "manager jeugd", "verslag", "einde", "uitgenodigd", ""),
    (
        "Hans de Wit",
        "Basisschool De Regenboog",
        "directeur",
        "telefoon",
        "halverwege",
        "komt-niet",
        "Ruud belt hem.",
    ),
]
DEBRIEFS = [
    (
        "De kennismaking in groepjes werkte: iedereen sprak drie nieuwe mensen.",
        "Minder lang vooraan praten.",
        "Femke stuurt het overzicht van wat er al is rond; Gert regelt de zaal.",
    ),
    (
        "De casus van het gezin met drie kinderen maakte duidelijk wie elkaar nog niet kent.",
        "Eerder zeggen dat we de casus niet oplossen.",
        "Marieke nodigt de Voedselbank uit.",
    ),
    (
        "Eerste concept-afspraken op papier.",
        "Meer tijd voor de ervaringsdeskundigen.",
        "Ruud maakt het verslag.",
    ),
]
CASES = [
    (
        "Gezin met drie kinderen en een huurachterstand",
        "Een moeder met drie kinderen (4, 9 en 13 jaar) heeft een huurachterstand en schulden bij de zorgverzekeraar. "
        "De oudste spijbelt, de jongste gaat niet meer naar zwemles. De moeder schaamt zich en zegt afspraken af.\n"
        "De school merkt dat de oudste vaak zonder ontbijt komt. Het consultatiebureau ziet de jongste niet meer.",
        "schulden, onderwijs, jeugdgezondheidszorg, wonen",
        "Wie zou dit gezin moeten kennen? Wie kent elkaar nog niet? Waar zit de drempel voor de moeder?",
    ),
    (
        "Vader met wisselend inkomen",
        "Een vader werkt via een uitzendbureau en heeft elke maand een ander inkomen. Hij valt net buiten regelingen. "
        "Zijn dochter wil op voetbal, maar dat kan niet.",
        "werk en inkomen, sport, informele hulp",
        "Welke organisatie ziet hem als eerste? Wat weet de sportclub?",
    ),
]


def _partner(workspace, user, name):
    return Partner.objects.filter(workspace=workspace, name=name).first() or network_services.partner_create(
        workspace=workspace, name=name, created_by=user
    )


def load(*, workspace, user, allin, wan):
    process = Process.objects.get(workspace=workspace, method_slug="kinderarmoede")
    participants = {p.name: p for p in process.participants.all()}
    for domain, (organisation_name, fixed_name) in ORGANISATIONS.items():
        organisation = _partner(workspace, user, organisation_name)
        for person in process.participants.filter(domain=domain):
            people_services.participant_update(
                participant=person,
                name=person.name,
                role=person.role,
                organisation=organisation,
                domain=person.domain,
                is_expert=person.is_expert,
                email=person.email,
            )
        services.fixed_set(
            process=process, organisation=organisation, participant=process.participants.get(name=fixed_name)
        )

    for name, runs_it, domain, touches, contact, align in INVENTORY:
        services.inventory_add(
            process=process,
            name=name,
            runs_it=runs_it,
            domain=domain,
            touches=touches,
            contact=contact,
            align=align,
        )
    for name, organisation, position, how, when, kickoff, note in MANAGERS:
        services.manager_add(
            process=process,
            name=name,
            organisation=_partner(workspace, user, organisation),
            position=position,
            email="",
            inform_how=how,
            inform_when=when,
            kickoff=kickoff,
            note=note,
        )
    services.team_add(participant=participants["Femke de Boer"], role="voorbereiden en tijd bewaken")
    services.team_add(participant=participants["Gert van Dam"], role="zaal, materialen en verslag")

    held = selectors.held_meetings(process)
    for meeting, (went_well, next_time, who_does_what) in zip(held, DEBRIEFS, strict=False):
        services.debrief_save(
            meeting=meeting, went_well=went_well, next_time=next_time, who_does_what=who_does_what, user=user
        )
    cases = [
        services.case_add(workspace=workspace, user=user, title=t, story=s, domains=d, questions=q)
        for t, s, d, q in CASES
    ]
    meetings = list(process.meetings.filter(method_key__startswith="sessie-").order_by("date"))
    services.case_pick(meeting=meetings[1], case=cases[0])
    services.case_pick(meeting=meetings[3], case=cases[1])
