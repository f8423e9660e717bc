"""The printed runbook of one meeting: the meeting's facts, its timed programme and its checklists."""

from datetime import datetime, timedelta

from allin.methods.loader import get_method
from allin.processes import selectors


def runbook_context(meeting) -> dict:
    # The invitation (.ics) runs from start_time for planned_minutes; the header shows the same window so the
    # paper and the calendar agree. The programme shows where the agenda itself ends.
    planned_end = (
        datetime.combine(meeting.date, meeting.start_time) + timedelta(minutes=meeting.planned_minutes)
    ).time()
    detail = selectors.meeting_detail(meeting)
    return {
        "meeting": meeting,
        "process": meeting.process,
        "method": get_method(meeting.process.method_slug),
        "planned_end": planned_end,
        "outline": [row.item for row in detail["plan"].rows],
        **detail,
    }
