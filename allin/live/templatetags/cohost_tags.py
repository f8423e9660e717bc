"""The phone's way to its co-host controls (allin/live/cohost.py): a button on the phone page of an attendee
who is a co-host, in a part of its own that live.js refreshes when the role is given or taken away."""

from django import template

from allin.live import cohost

register = template.Library()


@register.inclusion_tag("live/cohost/_phone_link.html")
def cohost_phone_link(attendee):
    return {"phone_cohost": cohost.active_for(attendee)}


@register.inclusion_tag("live/cohost/_console_panel.html", takes_context=True)
def cohost_console_panel(context, live):
    """The console's line about co-hosts: how many help now, and the way to the co-host page."""
    return {
        "request": context["request"],
        "meeting": live.meeting,
        "active": live.cohosts.filter(revoked_at__isnull=True, accepted_at__isnull=False).count(),
    }
