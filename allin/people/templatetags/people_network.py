"""The people part of the network overview: which meetings each organisation's people are invited to. The
network app may not import people, so its overview includes a people template that uses this tag."""

from collections import defaultdict

from django import template
from django.db.models import Count, Q

from allin.people.models import Invitation, RsvpAnswer

register = template.Library()


@register.inclusion_tag("people/_network_invitations.html", takes_context=True)
def network_invitations(context, partners):
    partners = list(partners)
    rows = (
        Invitation.objects.filter(
            participant__organisation__in=partners,
            participant__erased_at__isnull=True,
            revoked_at__isnull=True,
        )
        .values(
            "participant__organisation_id",
            "meeting_id",
            "meeting__name",
            "meeting__date",
            "meeting__process__name",
        )
        .annotate(
            invited=Count("pk"),
            coming=Count("pk", filter=Q(answer=RsvpAnswer.YES)),
        )
        .order_by("meeting__date", "meeting__name")
    )
    per_partner = defaultdict(list)
    for row in rows:
        per_partner[row["participant__organisation_id"]].append(row)
    request = context.get("request")
    return {
        "request": request,
        "rows": [(partner, per_partner[partner.pk]) for partner in partners if per_partner.get(partner.pk)],
        "workspace": getattr(request, "workspace", None),
    }
