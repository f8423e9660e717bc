"""The demo's ALL-IN process reaches phase C (allin/demo/actions.py)."""

from django.core.management import call_command

from allin.actions import agreements, selectors
from allin.actions.feedback_models import FeedbackPage, Reaction
from allin.actions.models import Action, ActionStatus
from allin.processes.models import Process


def test_demo_reaches_phase_c(db, client):
    call_command("demo", verbosity=0)
    process = Process.objects.get(method_slug="all-in")
    actions = Action.objects.filter(process=process)
    assert set(actions.values_list("status", flat=True)) == set(ActionStatus.values)
    assert all(a.sources.exists() for a in actions)
    page = FeedbackPage.objects.get(process=process)
    assert page.is_published
    assert Reaction.objects.filter(action__process=process, status="goedgekeurd").count() == 1
    assert process.agreements.get().rows.count() == 2
    assert process.meetings.get(method_key="b-sessie").follow_up_calls.exists()
    wan = Process.objects.get(method_slug="werk-aan-netwerk")
    cards = agreements.cards(wan)
    assert {c.partner.name for c in cards} == {
        "ROC Voorbeeld",
        "Bouwbedrijf Van Dam",
        "UWV Werkbedrijf Voorbeeld",
    }
    assert all(line.from_session for card in cards for line in card.lines)
    assert sum(1 for card in cards for line in card.lines if line.action) == 1
    assert wan.meetings.get(method_key="sessie").follow_up_calls.count() >= 3
    body = client.get(f"/t/{page.key}/").content.decode()
    assert "Spreekuur van schuldhulp op school" in body and 'class="new"' in body
    steps = {s.key: s.done for s in selectors.participation_steps(process)}
    assert steps == {
        "informed": True,
        "conversation": True,
        "weighed": True,
        "feedback": True,
        "reaction": True,
    }
