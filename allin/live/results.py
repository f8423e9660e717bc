"""What each live activity of a meeting produced, in agenda order: for the report and the results slides."""

from collections import Counter

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from . import registry
from .models import Activity, LiveMeeting, Note


def board_results(activity: Activity) -> dict:
    """A notes board: its themes with their number of notes, or else its notes per category."""
    notes = list(Note.objects.filter(activity=activity, hidden=False).select_related("theme"))
    if not notes:
        return {"title": activity.prompt, "lines": []}
    themes = list(
        activity.themes.annotate(n=Count("notes", filter=Q(notes__hidden=False))).order_by("-n", "order")
    )
    if themes:
        lines = [_("%(theme)s (%(n)d post-its)") % {"theme": t.name, "n": t.n} for t in themes if t.n]
        loose = sum(1 for n in notes if n.theme_id is None)
        if loose:
            lines.append(_("Zonder thema: %(n)d post-its") % {"n": loose})
        return {"title": activity.prompt, "lines": lines}
    if activity.categories:
        counts = Counter(n.category for n in notes)
        lines = []
        for category in activity.categories:
            picked = [n.text for n in notes if n.category == category][:5]
            if picked:
                lines.append(f"{category} ({counts[category]}): " + " · ".join(picked))
        return {"title": activity.prompt, "lines": lines}
    return {"title": activity.prompt, "lines": [n.text for n in notes]}


def activity_result(activity: Activity) -> dict:
    if activity.takes_notes:
        return board_results(activity)
    spec = registry.get(activity.kind)
    return spec.results(activity) if spec else {"title": activity.prompt, "lines": []}


def meeting_results(live: LiveMeeting | None) -> list[tuple[str, dict]]:
    """(item title, result) per activity that has results, in agenda order; the parking board last."""
    if live is None:
        return []
    activities = list(live.activities.select_related("item").order_by("item__order", "pk"))
    out = []
    parking = None
    for activity in activities:
        if activity.kind == Activity.Kind.PARKING:
            parking = activity
            continue
        result = activity_result(activity)
        if result.get("lines"):
            out.append((activity.item.title if activity.item else activity.prompt, result))
    if parking is not None:
        result = board_results(parking)
        if result["lines"]:
            out.append((_("Parkeerbord"), {"title": _("Parkeerbord"), "lines": result["lines"]}))
    return out
