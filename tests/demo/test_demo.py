"""The demo a newcomer sees after `make run`: loaded once, with an ALL-IN session that was really held."""

from django.core.management import call_command

from allin.live.models import LiveMeeting, Note
from allin.live.results import activity_result
from allin.processes.models import Process
from allin.workspaces.models import User, Workspace


def test_demo_loads_once_and_can_log_in(db, settings):
    call_command("demo")
    call_command("demo")
    assert Workspace.objects.filter(name="Gemeente Voorbeeld").count() == 1
    # ALL-IN, Werk aan Netwerk, the child-poverty series and the workbook
    assert Process.objects.count() == 4
    user = User.objects.get(email="demo@allin.example")
    assert user.check_password("demo-allin-2026")
    assert user.memberships.get().role == "owner"


def test_the_allin_session_was_held_with_results_in_every_activity(db):
    call_command("demo")
    session = LiveMeeting.objects.get(meeting__method_key="b-sessie")
    assert not session.is_open
    activities = [
        a for a in session.activities.exclude(kind="parking") if a.item and a.item.activity.get("type")
    ]
    assert {a.kind for a in activities} >= {"notes", "question_cards", "vote", "hopes_fears", "tips_tops"}
    for activity in activities:
        assert activity_result(activity)["lines"], activity.kind
    vote = session.activities.get(kind="vote")
    assert vote.revealed and vote.votes.count() > 0
    # the phase A hopes and fears were looked back on
    assert Note.objects.filter(
        activity__kind="hopes_fears", activity__live__meeting__method_key="a-voorbereiding-jongeren"
    )
    assert Note.objects.exclude(came_true="").count() >= 3


def test_the_workbook_shows_a_working_group_a_sharpened_question_and_a_chain_of_experiments(db):
    from allin.experiments import selectors

    call_command("demo")
    process = Process.objects.get(method_slug="werkboek")
    members = selectors.members(process)
    assert len(members) == 6 and all(m.participant.organisation for m in members)
    assert len(selectors.question_history(process)) == 2
    log = selectors.experiments(process)
    assert {e.status for e in log} == {"idee", "loopt", "klaar", "gestopt"}
    assert [f.label for f in log[0].follow_up_list] == ["E2", "E3"]
    assert log[0].source.kind == "plan"  # made from the plan on the kick-off meeting's board


def test_step_zero_of_the_child_poverty_series_is_filled_in(db):
    from allin.stepzero import selectors
    from allin.stepzero.models import Debrief

    call_command("demo")
    process = Process.objects.get(method_slug="kinderarmoede")
    assert process.inventory.count() == 5 and process.managers.count() == 4
    assert len(selectors.team(process)) == 2
    assert (
        Debrief.objects.filter(meeting__process=process).count() == len(selectors.held_meetings(process)) >= 2
    )
    rows = selectors.fixed_overview(process)
    assert all(row.fixed for row in rows)
    assert [row.organisation.name for row in rows if row.missed] == ["Diaconie Voorbeeld"]
    assert process.workspace.cases.count() == 2


def test_a_young_cohost_helped_run_the_allin_session(db):
    """Issue 12, part 3: an ALL-INstructeur co-hosted the session from her phone; the audit log shows what she
    did under her label, never her name."""
    from allin.audit.models import AuditEntry

    call_command("demo")
    session = LiveMeeting.objects.get(meeting__method_key="b-sessie")
    cohost = session.cohosts.get()
    assert cohost.label == "ALL-INstructeur 1" and cohost.attendee.role == "jongere"
    done = AuditEntry.objects.filter(actor_label=cohost.label).values_list("action", flat=True)
    assert {"live.cohost_timer", "live.cohost_reveal"} <= set(done)
    assert not AuditEntry.objects.filter(actor_label__icontains=cohost.attendee.name).exists()
