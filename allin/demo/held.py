"""The demo's meetings that were already held: a phase A preparation and a phase B session of ALL-IN, run
through the same services a live meeting uses, so a newcomer sees what a meeting produces."""

import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone

from allin.core.site import public_url
from allin.live import cohost as cohosts
from allin.live import hopes, notes, services
from allin.live.kinds import voting, wordcloud
from allin.live.models import Activity, ItemRun, LiveMeeting

YOUTH = ["Sam", "", "Noor", "Jay", "", "Lina", "Milan", "Ayoub"]
PHASE_A_NOTES = {
    "hoop": [
        "Dat ze echt naar ons luisteren",
        "Dat er iets verandert op school",
        "Dat hulp makkelijker te vinden is",
    ],
    "angst": [
        "Dat het alleen praten is",
        "Dat ik me moet schamen over schulden",
        "Dat niemand van de gemeente komt",
    ],
}
SEARCH_WORDS = [
    "schulden hulp",
    "geld tekort",
    "Schuldhulp",
    "budgetcoach",
    "schulden hulp",
    "geldzorgen jongeren",
    "toeslagen",
    "budgetcoach",
    "Schulden hulp!",
    "hulp bij geld",
]
RATINGS = {
    "goed te vinden": ["Jongerenloket staat bovenaan in Google"],
    "lastig te vinden": ["Schuldhulp van de gemeente zit diep in de website", "Geen chat of WhatsApp"],
    "goed bereikbaar": ["Het jongerenwerk belde dezelfde dag terug"],
    "slecht bereikbaar": ["Alleen bellen tijdens schooltijd"],
}
UNDERCOVER = {
    "top": ["Vriendelijk en snel antwoord via de chat"],
    "tip": ["Leg uit wat er gebeurt na je eerste mail"],
}
FEEDBACK = {
    "wie": ["De jongerenwerker die we al kennen"],
    "wat": ["Per tip wat ermee gebeurt, ook als het niet lukt"],
    "waar": ["Instagram en een bijeenkomst op school"],
    "wanneer": ["Binnen drie maanden"],
    "hoe": ["Kort en in gewone taal"],
}
IDEAS = [
    "Spreekuur van schuldhulp op school",
    "Eén app of website met alle hulp in de gemeente",
    "WhatsApp-nummer voor jongeren met geldvragen",
    "Uitleg over toeslagen in de klas",
    "Jongeren helpen de folders te schrijven",
]
TIPS_TOPS = {
    "top": ["Fijne sfeer, ik durfde alles te zeggen", "Goed dat de gemeente er was"],
    "tip": ["Volgende keer meer tijd voor de tafels"],
}


def _goto(live, title):
    item = next(i for i in live.meeting.items.all() if i.title == title)
    services.item_goto(live=live, item=item)
    return Activity.objects.filter(live=live, item=item).first()


def _post(activity, people, texts_by_category):
    made = []
    for n, (category, texts) in enumerate(texts_by_category.items()):
        for m, text in enumerate(texts):
            who = people[(n + m) % len(people)]
            note, _created = notes.note_create(
                activity=activity, attendee=who, text=text, client_id=uuid.uuid4(), category=category
            )
            made.append(note)
    return made


def _join(live, names, role):
    return [services.attendee_join(live=live, name=name, role=role) for name in names]


def phase_a(meeting):
    live = services.live_open(meeting=meeting, base_url=public_url("/"))
    youth = _join(live, YOUTH, "jongere")
    _post(_goto(live, "Wat is ALL-IN? Hoop en angst"), youth, PHASE_A_NOTES)
    cloud = _goto(live, "Sociale kaart: hulp zoeken")
    for n, word in enumerate(SEARCH_WORDS):
        wordcloud.word_answer_create(
            activity=cloud, attendee=youth[n % len(youth)], text=word, client_id=uuid.uuid4()
        )
    wordcloud.word_merge(activity=cloud, word="schuldhulp", into="schulden hulp")
    _post(_goto(live, "Sociale kaart: vindbaarheid en bereikbaarheid beoordelen"), youth, RATINGS)
    _post(_goto(live, "Undercoveropdracht"), youth, UNDERCOVER)
    services.live_close(live=live)
    _as_held(live)
    return live


def phase_b(meeting):
    live = services.live_open(meeting=meeting, base_url=public_url("/"))
    youth = _join(live, YOUTH[:6], "jongere")
    professionals = _join(live, ["Petra", "Karim", "", "Els"], "professional")
    municipality = _join(live, ["Wethouder Jansen", "Mira"], "gemeente")
    everyone = youth + professionals + municipality
    _post(_goto(live, "IV. Participatie als recht van jongeren: terugkoppeling"), everyone, FEEDBACK)
    tables = _goto(live, "V. Gesprekstafels")
    # One of the young people co-hosts the session as ALL-INstructeur (allin/live/cohost.py): from her own
    # phone she starts the timer for the tables and later puts the vote's result on the screen.
    cohost = cohosts.cohost_from_phone(live=live, attendee=youth[0])
    cohosts.cohost_timer_start(cohost=cohost, seconds=20 * 60)
    table_ideas = conversation_tables(tables, youth, professionals, municipality)

    vote = _goto(live, "VI. Afsluiting: actielijst en terugkoppeling")
    voting.options_add(
        activity=vote,
        notes=[n.pk for n in table_ideas],
        labels=[i for i in IDEAS if i not in {n.text for n in table_ideas}],
    )
    options = list(vote.vote_options.all())
    for n, who in enumerate(everyone):
        for ballot, shift in (("beste", 0), ("meest haalbaar", 2)):
            for k in range(3):
                voting.vote_cast(
                    activity=vote,
                    attendee=who,
                    option=options[(n % 2 + k + shift) % len(options)].pk,
                    ballot=ballot,
                )
    cohosts.cohost_result_reveal(cohost=cohost, activity_id=vote.pk, revealed=True)

    review = _goto(live, "VI. Afsluiting: terugblik op hoop en angst")
    marks = ["ja", "deels", "ja", "nee", "deels", "nee"]
    for note, mark in zip(hopes.earlier_notes(live), marks, strict=False):
        hopes.note_mark_came_true(live=live, note=note, value=mark)
    _post(review, youth, {"hoop": ["Er kwam echt iemand van de gemeente luisteren"]})
    _post(_goto(live, "VI. Afsluiting: tips & tops en vervolg"), everyone, TIPS_TOPS)
    services.live_close(live=live)
    _as_held(live)
    return live


def _as_held(live):
    """The demo runs a meeting in an instant; its report should show the afternoon it stands for: each item
    that was on starts at its clock time on the meeting's day (a few minutes late, as meetings go)."""
    meeting = live.meeting
    start = timezone.make_aware(datetime.combine(meeting.date, meeting.start_time or time(13, 0)))
    planned, clock = {}, start
    for item in meeting.items.all():
        planned[item.pk] = (clock, item.duration)
        clock += timedelta(minutes=item.duration)
    runs = list(ItemRun.objects.filter(live=live))
    for n, run in enumerate(runs):
        begin, minutes = planned.get(run.item_id, (clock, 10))
        run.started_at = begin + timedelta(minutes=2 + n)
        run.ended_at = run.started_at + timedelta(minutes=minutes + (3 if n % 2 else -1))
    for run, following in zip(runs, runs[1:], strict=False):
        run.ended_at = min(run.ended_at, following.started_at)
    ItemRun.objects.bulk_update(runs, ["started_at", "ended_at"])
    LiveMeeting.objects.filter(pk=live.pk).update(
        opened_at=start - timedelta(minutes=15), closed_at=runs[-1].ended_at if runs else clock
    )


def conversation_tables(activity, youth, professionals, municipality):
    """Two tables with a leader each, moved on to their last card, with the ideas they wrote down."""
    from allin.live.kinds import question_cards

    seating = [
        youth[:3] + professionals[:2] + municipality[:1],
        youth[3:] + professionals[2:] + municipality[1:],
    ]
    ideas = [IDEAS[:3], IDEAS[3:]]
    last_card = max(len(question_cards.cards(activity)) - 1, 0)
    kinds = question_cards.categories(activity)
    made = []
    for table, people, table_ideas in zip(
        question_cards.tables_add(activity=activity, count=2), seating, ideas, strict=True
    ):
        for n, who in enumerate(people):
            question_cards.table_sit(activity=activity, attendee=who, table_id=table.pk, lead=n == 0)
        question_cards.card_set(activity=activity, attendee=people[0], table_id=table.pk, index=last_card)
        for n, text in enumerate(table_ideas):
            note, _created = question_cards.table_note_create(
                activity=activity,
                attendee=people[n % len(people)],
                text=text,
                client_id=uuid.uuid4(),
                category=kinds[0] if kinds else "",
            )
            made.append(note)
    return made
