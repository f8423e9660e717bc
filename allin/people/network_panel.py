"""The people part of the network overview: which meetings each organisation's people are invited to. The
network app may not import people, so people registers this as a panel on the overview (apps.py)."""

from collections import defaultdict

from django.db.models import Count, Q

from .models import Invitation, RsvpAnswer


def network_invitations(*, request, partners, **_page):
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
    return {
        "rows": [(partner, per_partner[partner.pk]) for partner in partners if per_partner.get(partner.pk)],
        "workspace": getattr(request, "workspace", None),
    }
