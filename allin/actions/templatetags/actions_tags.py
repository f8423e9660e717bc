import uuid

from django import template

from allin.actions import selectors
from allin.actions.models import ActionStatus

register = template.Library()


@register.simple_tag
def button_id(page_id, ref):
    """One idempotency key per button of a page: the same click sent twice makes one action."""
    return str(uuid.uuid5(uuid.UUID(str(page_id)), str(ref)))


@register.inclusion_tag("actions/_status.html")
def status_badge(status):
    return {"status": status, "label": ActionStatus(status).label if status in ActionStatus.values else ""}


@register.inclusion_tag("actions/_steps.html", takes_context=True)
def participation_steps(context, process):
    return {
        "steps": selectors.participation_steps(process),
        "process": process,
        "request": context.get("request"),
    }
