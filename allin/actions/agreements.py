"""What an organisation's agreement card holds: the rows its representatives sent in the session's "Acties!"
item (live plans whose organisation found its network card) and the rows typed on the card itself, each with
the action it became. The card pages, their PDF and the call list read the cards from here."""

from dataclasses import dataclass, field

from allin.live.activity_models import Plan
from allin.live.models import Activity

from .followup_models import Agreement, CardAction


@dataclass
class Line:
    what: str
    who: str
    when: str
    how: str
    ref: str  # "row-12" or "plan-7": how a form names this line
    row: object = None
    plan: object = None
    action: object = None

    @property
    def from_session(self):
        return self.plan is not None


@dataclass
class Card:
    partner: object
    agreement: Agreement | None = None
    lines: list = field(default_factory=list)

    @property
    def has_session_rows(self):
        return any(line.from_session for line in self.lines)


def session_plans(process):
    """The visible rows of every plans item of this process that asked for an organisation."""
    return (
        Plan.objects.filter(
            activity__live__meeting__process=process, activity__kind=Activity.Kind.PLANS, hidden=False
        )
        .exclude(organisation="")
        .select_related("partner", "activity__live__meeting")
        .order_by("activity__live__meeting__date", "created_at", "pk")
    )


def _plan_line(plan, action=None):
    return Line(plan.what, plan.who, plan.when, plan.how, f"plan-{plan.pk}", plan=plan, action=action)


def _row_line(row, action=None):
    return Line(row.what, row.who, row.when, row.how, f"row-{row.pk}", row=row, action=action)


def _actions(process):
    made = CardAction.objects.filter(action__process=process).select_related("action")
    by_row = {c.row_id: c.action for c in made if c.row_id}
    by_plan = {c.plan_id: c.action for c in made if c.plan_id}
    return by_row, by_plan


def cards(process, partner=None) -> list[Card]:
    """One card per organisation with an agreement card or a session row, by name; session rows first."""
    by_row, by_plan = _actions(process)
    agreements = process.agreements.select_related("partner").prefetch_related("rows")
    plans = session_plans(process).filter(partner__isnull=False)
    if partner is not None:
        agreements, plans = agreements.filter(partner=partner), plans.filter(partner=partner)
    found = {}
    for plan in plans:
        found.setdefault(plan.partner_id, Card(plan.partner)).lines.append(
            _plan_line(plan, by_plan.get(plan.pk))
        )
    for agreement in agreements:
        card = found.setdefault(agreement.partner_id, Card(agreement.partner))
        card.agreement = agreement
        card.lines.extend(_row_line(row, by_row.get(row.pk)) for row in agreement.rows.all())
    return sorted(found.values(), key=lambda c: (c.partner.name.lower(), c.partner.pk))


def card_of(agreement) -> Card:
    found = cards(agreement.process, partner=agreement.partner)
    return found[0] if found else Card(agreement.partner, agreement)


def unmatched(process) -> list[Line]:
    """Session rows whose organisation is on no network card yet: the facilitator links them to one."""
    return [_plan_line(plan) for plan in session_plans(process).filter(partner__isnull=True)]
