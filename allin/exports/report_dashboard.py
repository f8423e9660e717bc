"""The process dashboard: actions per organisation and status, what is overdue, the UN's participation steps,
the network's follow-up state, and a link to each meeting's report."""

from django.utils import timezone

from allin.live.models import LiveMeeting

from . import report_actions


def dashboard(process) -> dict:
    rows = report_actions.process_actions(process)
    overdue = sorted((r for r in rows if r.overdue), key=lambda r: (r.due, r.organisation.casefold(), r.pk))
    held = set(LiveMeeting.objects.filter(meeting__process=process).values_list("meeting_id", flat=True))
    meetings = [
        {"meeting": m, "live": m.pk in held}
        for m in process.meetings.select_related("phase").order_by("date", "pk")
    ]
    return {
        "today": timezone.localdate(),
        "actions": rows,
        "table": report_actions.by_organisation(rows),
        "overdue": overdue,
        "steps": report_actions.participation_steps(process),
        "follow_up": report_actions.follow_up(process),
        "meetings": meetings,
    }
