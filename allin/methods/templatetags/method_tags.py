from django import template

from allin.methods.activities import ACTIVITY_LABELS

register = template.Library()


@register.filter
def activity_label(activity):
    """The Dutch name of an agenda item's live activity, or an empty string when it has none."""
    kind = (activity or {}).get("type") if isinstance(activity, dict) else None
    return ACTIVITY_LABELS.get(kind, "")
