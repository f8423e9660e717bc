"""Test data for the actions app: a held phase B meeting with youth notes, a theme and a vote, partners, actions."""

import uuid
from types import SimpleNamespace

from allin.actions import services
from allin.live import notes
from allin.live import services as live_services
from allin.live.kinds import voting, voting_state
from allin.live.models import Activity
from allin.network.models import Partner


def partner(workspace, name="Jongerenwerk De Brug"):
    return Partner.objects.create(workspace=workspace, name=name, kind="jongerenwerk")


def held_session(process):
    """Phase B of an ALL-IN process, run live: three youth notes (two in a theme) and a vote on two ideas."""
    meeting = process.meetings.get(method_key="b-sessie")
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    youth = live_services.attendee_join(live=live, name="Sam", role="jongere")
    items = list(meeting.items.all())
    board_item = next(i for i in items if (i.activity or {}).get("type") == "notes")
    live_services.item_goto(live=live, item=board_item)
    board = Activity.objects.get(live=live, item=board_item)
    made = [
        notes.note_create(
            activity=board,
            attendee=youth,
            text=text,
            client_id=uuid.uuid4(),
            category=(board.categories or [""])[0],
        )[0]
        for text in ("Spreekuur op school", "Hulp via WhatsApp", "Uitleg over toeslagen in de klas")
    ]
    theme = notes.theme_create(activity=board, name="Hulp dichtbij")
    for note in made[:2]:
        notes.note_move(note=note, theme=theme)
    vote_item = next(i for i in items if (i.activity or {}).get("type") == "vote")
    live_services.item_goto(live=live, item=vote_item)
    vote = Activity.objects.get(live=live, item=vote_item)
    voting.options_add(activity=vote, notes=[made[2].pk], labels=["Eén website met alle hulp"])
    options = list(vote.vote_options.all())
    ballot = voting_state.ballots(vote)[0].name
    voting.vote_cast(activity=vote, attendee=youth, option=options[0].pk, ballot=ballot)
    live_services.live_close(live=live)
    for note in made:
        note.refresh_from_db()
    return SimpleNamespace(meeting=meeting, live=live, notes=made, theme=theme, vote=vote, options=options)


def action(process, title="Spreekuur schuldhulp op school", **extra):
    return services.action_create(process=process, title=title, **extra)
