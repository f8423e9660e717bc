"""Every read of allin/actions that the reports make, in one place: the actions of a meeting and of a process as
plain rows, the participation steps and the follow-up calls. When the actions app changes, only this file does."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.actions import selectors as action_selectors
from allin.actions.followup_models import FollowUpCall, FollowUpMeeting
from allin.actions.models import OPEN_STATUSES, Action, ActionSource, ActionStatus, ProgressUpdate

STATUSES = list(ActionStatus.choices)  # (value, label), in the order of the work: gepland, bezig, gedaan, ...


@dataclass
class ActionRow:
    pk: int
    title: str
    what: str
    organisation: str
    owner: str
    due: date | None
    status: str
    status_label: str
    reason: str
    overdue: bool
    sources: list = field(default_factory=list)
    last_update: str = ""
    updated_at: object = None


def _row(action: Action, today: date) -> ActionRow:
    organisation = action.owner_partner.name if action.owner_partner_id else ""
    updates = getattr(action, "latest_updates", [])
    return ActionRow(
        pk=action.pk,
        title=action.title,
        what=action.description,
        organisation=organisation,
        owner=" · ".join(part for part in (action.owner_name, organisation) if part),
        due=action.due_date,
        status=action.status,
        status_label=str(action.get_status_display()),
        reason=action.status_reason,
        overdue=is_overdue(action.status, action.due_date, today),
        sources=[source.label for source in action.sources.all()],
        last_update=updates[0].text if updates else "",
        updated_at=action.updated_at,
    )


def is_overdue(status: str, due: date | None, today: date) -> bool:
    """Open (planned or busy) and its due date has passed. Done or dropped actions are never overdue."""
    return status in OPEN_STATUSES and due is not None and due < today


def _actions(queryset):
    return (
        queryset.select_related("owner_partner")
        .prefetch_related(
            Prefetch("sources", queryset=ActionSource.objects.order_by("pk")),
            Prefetch(
                "updates",
                queryset=ProgressUpdate.objects.exclude(text="").order_by("-created_at", "-pk"),
                to_attr="latest_updates",
            ),
        )
        # Organisations by name, those without one last, on every database.
        .order_by(F("owner_partner__name").asc(nulls_last=True), F("due_date").asc(nulls_last=True), "pk")
    )


def meeting_actions(meeting) -> list[ActionRow]:
    """The actions that answer a note, theme or voted idea of this meeting."""
    match = (
        Q(sources__note__activity__live__meeting=meeting)
        | Q(sources__theme__activity__live__meeting=meeting)
        | Q(sources__option__activity__live__meeting=meeting)
    )
    ids = Action.objects.filter(match, process=meeting.process).values("pk")
    today = timezone.localdate()
    return [_row(a, today) for a in _actions(Action.objects.filter(pk__in=ids))]


def process_actions(process) -> list[ActionRow]:
    today = timezone.localdate()
    return [_row(a, today) for a in _actions(Action.objects.filter(process=process))]


def by_organisation(rows: list[ActionRow]) -> dict:
    """A table of counts: one row per organisation (those without one last), a column per status, totals."""
    counts = Counter((row.organisation, row.status) for row in rows)
    names = sorted({row.organisation for row in rows if row.organisation}, key=str.casefold)
    if any(not row.organisation for row in rows):
        names.append("")
    table = []
    for name in names:
        cells = [counts[(name, value)] for value, _label in STATUSES]
        overdue = sum(1 for row in rows if row.organisation == name and row.overdue)
        table.append(
            {"name": name or _("Geen organisatie"), "cells": cells, "total": sum(cells), "overdue": overdue}
        )
    totals = [sum(r["cells"][i] for r in table) for i in range(len(STATUSES))]
    return {
        "statuses": [str(label) for _value, label in STATUSES],
        "rows": table,
        "totals": totals,
        "total": sum(totals),
        "overdue": sum(r["overdue"] for r in table),
    }


def participation_steps(process) -> list:
    return action_selectors.participation_steps(process)


@dataclass
class CallRow:
    meeting: str
    organisation: str
    due: date | None
    called_at: object
    state: str  # "done", "due" (today or earlier), "planned"
    state_label: str
    needs: str


def follow_up(process) -> dict:
    """The network's follow-up: every call of the process's call lists, and the planned follow-up meetings."""
    today = timezone.localdate()
    calls = []
    for call in FollowUpCall.objects.filter(meeting__process=process).select_related("meeting", "partner"):
        due = call.next_due
        if call.called_at and due is None:
            state, label = "done", _("gebeld")
        elif due is not None and due <= today:
            state, label = "due", _("nu bellen") if not call.called_at else _("opnieuw bellen")
        else:
            state, label = "planned", _("gepland")
        calls.append(
            CallRow(call.meeting.name, call.partner.name, due, call.called_at, state, label, call.needs)
        )
    calls.sort(
        key=lambda c: ({"due": 0, "planned": 1, "done": 2}[c.state], c.due or date.max, c.organisation)
    )
    meetings = list(
        FollowUpMeeting.objects.filter(process=process)
        .select_related("meeting", "after")
        .order_by("meeting__date")
    )
    return {
        "calls": calls,
        "due": sum(1 for c in calls if c.state == "due"),
        "done": sum(1 for c in calls if c.state == "done"),
        "meetings": meetings,
    }
