"""Demo data for the network part, loaded by the demo command after the processes exist: about fifteen partners of
"Gemeente Voorbeeld" for the Werk aan Netwerk process (nazorg in het mbo), some filled in by the partner through
their personal link, with varied consent, and a few collaborations. The Expertisepunt LOB is missing on purpose,
so the "who to think of" list shows what is still missing."""

from allin.network import collaborations, services
from allin.network.catalogue import ConsentSource, LinkMode, Share

# name, kind, process ("wan", "allin" or None), share, how it was filled, contact, card texts
PARTNERS = [
    ("Gemeente Voorbeeld, Werk en Inkomen", "gemeente", "wan", Share.WORKSPACE, "facilitator",
     ("Mirjam Koster", "beleidsmedewerker Werk en Inkomen", "m.koster@voorbeeld.example", "0301234567"),
     {"description": "Beleid voor werk en inkomen: uitkeringen, re-integratie en de aanpak van jeugdwerkloosheid.",
      "ideas": "Eén plek waar een jongere zonder startkwalificatie terecht kan.",
      "wishes": "Beter zicht op jongeren die uitvallen na het mbo.",
      "concerns": "Jongeren raken uit beeld zodra ze 18 zijn.",
      "opportunities": "Samen met het RMC één overzicht maken."}),
    ("RMC-regio Voorbeeld", "rmc", "wan", Share.PROCESS, "partner",
     ("Jeroen Smit", "RMC-coördinator", "j.smit@rmc-voorbeeld.example", "0307654321"),
     {"description": "Het RMC houdt bij welke jongeren zonder startkwalificatie van school gaan en zoekt ze op.",
      "ideas": "Een warme overdracht van school naar werk of vervolgopleiding.",
      "wishes": "Dat scholen uitval eerder melden.",
      "concerns": "Nazorg na het diploma is van niemand.",
      "opportunities": "Samen met het Leerwerkloket een vast spreekuur op het ROC."}),
    ("ROC Voorbeeld", "mbo", "wan", Share.WORKSPACE, "partner",
     ("Fatma Yilmaz", "loopbaanadviseur", "f.yilmaz@roc-voorbeeld.example", ""),
     {"description": "Mbo-opleidingen van niveau 1 tot en met 4, met ongeveer 9.000 studenten.",
      "ideas": "Oud-studenten een jaar lang kunnen blijven bellen met hun loopbaanadviseur.",
      "wishes": "Meer leerwerkplekken bij werkgevers uit de regio.",
      "concerns": "Studenten met schulden stoppen vaker met hun opleiding.",
      "opportunities": "Schuldhulp en jongerenwerk in de school."}),
    ("Voorbeeld College", "vo", "wan", Share.PROCESS, "checked",
     ("Peter de Boer", "decaan", "p.deboer@voorbeeldcollege.example", ""),
     {"description": "Middelbare school voor vmbo, havo en vwo.",
      "ideas": "Een doorstroomdossier dat meegaat naar het mbo.",
      "wishes": "Terugkoppeling van het mbo over oud-leerlingen.",
      "concerns": "Leerlingen kiezen een opleiding zonder baankans.",
      "opportunities": "Gastlessen van werkgevers."}),
    ("Praktijkschool De Brug", "pro-vso", "wan", Share.NOBODY, "facilitator",
     ("Anouk Visser", "pro/vso-coördinator", "a.visser@debrug.example", ""),
     {"description": "Praktijkonderwijs voor jongeren van 12 tot 18 jaar, met veel stages.",
      "concerns": "Na school valt de begeleiding weg."}),
    ("Leerwerkloket Regio Voorbeeld", "leerwerkloket", "wan", Share.WORKSPACE, "partner",
     ("Sander Mulder", "adviseur leren en werken", "s.mulder@leerwerkloket.example", ""),
     {"description": "Gratis advies over leren en werken, voor jongeren en volwassenen.",
      "ideas": "Een spreekuur op het ROC in de laatste maanden voor het diploma.",
      "wishes": "Meer bekendheid bij jongeren.",
      "opportunities": "Samen met het RMC oud-studenten benaderen."}),
    ("UWV Werkbedrijf Voorbeeld", "overheid", "wan", Share.WORKSPACE, "facilitator",
     ("Linda Bos", "jongerenadviseur", "", "0800-1234"),
     {"description": "Bemiddeling naar werk en uitkeringen bij werkloosheid."}),
    ("Bouwbedrijf Van Dam", "werkgever", "wan", Share.WORKSPACE, "partner",
     ("Erik van Dam", "directeur", "erik@vandambouw.example", ""),
     {"description": "Bouwbedrijf met 60 medewerkers, leerbedrijf voor bouw en infra.",
      "ideas": "Een meeloopdag voor jongeren die twijfelen.",
      "wishes": "Minder papierwerk bij het aannemen van een leerling.",
      "concerns": "We vinden te weinig jonge vakmensen."}),
    ("Zorggroep Voorbeeld", "werkgever", "wan", Share.NOBODY, "link-sent",
     ("Hanneke Jansen", "praktijkopleider", "h.jansen@zorggroep.example", ""), {}),
    ("Techniek Nederland, regio Midden", "branche", "wan", Share.PROCESS, "facilitator",
     ("Kees Hendriks", "regiomanager", "", ""),
     {"description": "Brancheorganisatie voor installatie en techniek.",
      "opportunities": "Leerbanen in de installatietechniek."}),
    ("Jongerenwerk Voorbeeld", "jongerenwerk", "allin", Share.WORKSPACE, "partner",
     ("Yusuf El Amrani", "jongerenwerker", "yusuf@jongerenwerk.example", ""),
     {"description": "Jongerenwerk in de wijken: inloop, ambulant werk en hulp bij vragen over geld en werk.",
      "ideas": "Jongeren samen met hun jongerenwerker naar het Leerwerkloket laten gaan.",
      "concerns": "Jongeren vertrouwen instanties niet."}),
    ("Schuldhulp Voorbeeld", "schuldhulp", "allin", Share.WORKSPACE, "facilitator",
     ("Marloes de Groot", "schuldhulpverlener", "", ""),
     {"description": "Gratis hulp bij schulden en geldzorgen voor inwoners van Voorbeeld.",
      "wishes": "Jongeren eerder in beeld, voor de schuld groot is."}),
    ("Stichting Hulp in de Wijk", "informeel", "allin", Share.PROCESS, "facilitator",
     ("Ria Verbeek", "coördinator vrijwilligers", "", ""),
     {"description": "Vrijwilligers van kerken en moskeeën die helpen met post en formulieren."}),
    ("GGD Jeugdgezondheidszorg", "jgz", None, Share.NOBODY, "facilitator",
     ("Dr. Ilse Vermeer", "jeugdarts", "", ""),
     {"description": "Jeugdgezondheidszorg voor jongeren tot 18 jaar."}),
    ("Werkgeversservicepunt Voorbeeld", "overheid", "wan", Share.WORKSPACE, "facilitator",
     ("Bram Kok", "accountmanager werkgevers", "", ""),
     {"description": "Eén loket voor werkgevers die mensen willen aannemen."}),
]  # fmt: skip

COLLABORATIONS = [
    ("ROC Voorbeeld", "RMC-regio Voorbeeld", "melden van voortijdig schoolverlaten"),
    ("RMC-regio Voorbeeld", "Leerwerkloket Regio Voorbeeld", "oud-studenten benaderen"),
    ("ROC Voorbeeld", "Bouwbedrijf Van Dam", "leerwerkplekken"),
    ("Voorbeeld College", "ROC Voorbeeld", "doorstroom vmbo-mbo"),
    ("Jongerenwerk Voorbeeld", "Schuldhulp Voorbeeld", "spreekuur in het jongerencentrum"),
    ("Gemeente Voorbeeld, Werk en Inkomen", "UWV Werkbedrijf Voorbeeld", "jongerenloket"),
    ("UWV Werkbedrijf Voorbeeld", "Werkgeversservicepunt Voorbeeld", ""),
]


def load(*, workspace, user, allin, wan):
    """workspace: the demo workspace; user: its owner; allin: the ALL-IN process (phase A and B held);
    wan: the Werk aan Netwerk process (ahead)."""
    processes = {"wan": wan, "allin": allin, None: None}
    by_name = {}
    for name, kind, process_key, share, filled, contact, texts in PARTNERS:
        person, role, email, phone = contact
        contacts = [{"name": person, "role": role, "email": email, "phone": phone}]
        if filled == "partner":
            # The facilitator makes an empty card with a name, the partner fills the rest through the link.
            partner = services.partner_create(
                workspace=workspace, name=name, kind=kind, process=processes[process_key], created_by=user
            )
            services.partner_link_create(partner=partner, mode=LinkMode.FILL)
            partner.refresh_from_db()
            services.partner_fill_about(
                partner=partner,
                name=name,
                kind=kind,
                description=texts.get("description", ""),
                website="",
                contacts=contacts,
            )
            services.partner_fill_views(
                partner=partner,
                ideas=texts.get("ideas", ""),
                wishes=texts.get("wishes", ""),
                concerns=texts.get("concerns", ""),
                opportunities=texts.get("opportunities", ""),
                share_with=share,
                given_by=f"{person}, {role}",
            )
        else:
            partner = services.partner_create(
                workspace=workspace,
                name=name,
                kind=kind,
                process=processes[process_key],
                contacts=contacts,
                created_by=user,
                **texts,
            )
            if filled == "checked":
                services.partner_link_create(partner=partner, mode=LinkMode.CHECK)
                partner.refresh_from_db()
                services.partner_fill_views(
                    partner=partner,
                    ideas=partner.ideas,
                    wishes=partner.wishes,
                    concerns=partner.concerns,
                    opportunities=partner.opportunities,
                    share_with=share,
                    given_by=f"{person}, {role}",
                )
            elif filled == "link-sent":
                services.partner_link_create(partner=partner, mode=LinkMode.FILL)
            elif share != Share.NOBODY:
                services.consent_record(
                    partner=partner,
                    share_with=share,
                    given_by=f"{person}, {role} (telefonisch)",
                    source=ConsentSource.FACILITATOR,
                    recorded_by=user,
                )
        by_name[name] = partner
    for first, second, note in COLLABORATIONS:
        collaborations.collaboration_add(
            workspace=workspace, first=by_name[first], second=by_name[second], note=note
        )
