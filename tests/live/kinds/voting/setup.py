"""Shared set-up for the dot voting tests: a live meeting whose current item is a vote with four ideas."""

import pytest
from django.core.exceptions import ValidationError

from allin.live import services
from allin.live.kinds import voting
from allin.live.models import Activity
from tests import factories
from tests.live import helpers

HTMX, SCRIPT = {"HX-Request": "true"}, {"X-Live": "1"}
ALL_IN = {"type": "vote", "prompt": "Kies de beste ideeën", "ballots": ["beste", "meest haalbaar"], "dots": 3}
IDEAS = ["Jongerenwerker op school", "Eén loket", "Spreekuur in de bieb", "App met alle hulp"]
BOTH = ["beste", "meest haalbaar"]


def _start(workspace, name="Slot", ideas=IDEAS):
    """A live meeting: a slide, a notes board, then the vote (current), with `ideas` as its options."""
    meeting = factories.meeting(factories.empty_process(workspace), durations=(10, 20, 15), name=name)
    agenda = [("Welkom", {"type": "slide"}), ("Ideeën", {"type": "notes"}), ("Stemmen", ALL_IN)]
    for item, (title, activity) in zip(meeting.items.all(), agenda, strict=True):
        item.title, item.activity = title, activity
        item.save(update_fields=["title", "activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=helpers.items(live)[2])
    activity = Activity.objects.get(live=live, kind="vote")
    if ideas:
        voting.options_add(activity=activity, labels=ideas)
    return Activity.objects.select_related("live").get(pk=activity.pk)


def _cast(vote, who, option, ballot="beste"):
    return voting.vote_cast(activity=vote, attendee=who, option=option.pk, ballot=ballot)


def _refused(call, message):
    with pytest.raises(ValidationError) as caught:
        call()
    assert message in " ".join(caught.value.messages)


def _board(vote):
    return Activity.objects.get(live=vote.live, kind="notes")
