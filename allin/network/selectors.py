"""Reads for the network map, and the one rule of who sees which card.

Who sees what
-------------
A card has one consent level (Partner.share_with), given by the partner through their link or recorded by a
facilitator, with who gave it and when:

- **Owners and facilitators** of the workspace manage the network: they see and edit every card, whatever its
  consent, and they alone export, import, send links and change consent. (They collect the cards; the consent
  is about showing them to anyone else.)
- **Viewers** (meekijkers) of the workspace see only cards shared with the whole workspace, everywhere: in the
  overview, the picture, the "who to think of" list, the card page and its PDF. Other cards do not exist for them
  (a card page answers 404); the overview only says how many cards are not shared.
- **Participants of a process** have no account. The facilitator may give them a read-only link to the network
  list of that process (links.participant_token). It shows the cards shared with the whole workspace, and the
  cards shared with the process's participants whose card names that process (Partner.process). A card shared
  with "the process" that names no process, or another process, is not shown to them.
- **A partner** sees only their own card, through their own personal link, never another card.
- Nobody else: outsiders get 404 for everything under the workspace.

`visible_partners(workspace, membership)` and `partners_for_participants(process)` are the only ways the views
read cards for anyone but a manager, so the rule lives in these two functions.
"""

from collections import OrderedDict

from django.db.models import Prefetch, Q

from .catalogue import KINDS, THINK_OF, Share, kind_label
from .models import Collaboration, ContactPerson, Partner


def can_manage(membership) -> bool:
    return membership is not None and membership.can_edit


def _with_details(queryset):
    return queryset.select_related("process").prefetch_related(
        Prefetch("contacts", queryset=ContactPerson.objects.order_by("order", "pk"))
    )


def visible_partners(workspace, membership):
    """The cards this member may see (see the module's docstring)."""
    partners = Partner.objects.filter(workspace=workspace)
    if not can_manage(membership):
        partners = partners.filter(share_with=Share.WORKSPACE)
    return _with_details(partners)


def partners_for_participants(process):
    """The cards the participants of `process` may see."""
    return _with_details(
        Partner.objects.filter(workspace_id=process.workspace_id).filter(
            Q(share_with=Share.WORKSPACE) | Q(share_with=Share.PROCESS, process=process)
        )
    )


def partner_get(workspace, membership, pk):
    """One card, or None when it does not exist here or this member may not see it."""
    return visible_partners(workspace, membership).filter(pk=pk).first()


def by_kind(partners) -> list[dict]:
    """Partners grouped by kind, in the catalogue's order of kinds; empty kinds left out."""
    groups = OrderedDict((key, []) for key, _label in KINDS)
    for partner in partners:
        groups.setdefault(partner.kind if partner.kind in groups else "overig", []).append(partner)
    return [
        {"kind": key, "label": kind_label(key), "partners": members}
        for key, members in groups.items()
        if members
    ]


def think_of_status(partners) -> list[dict]:
    """The method's "who to think of" list: per line the partners that cover it; an empty list means missing."""
    partners = list(partners)
    roles = {p.pk: [c.role for c in p.contacts.all()] for p in partners}
    return [
        {
            "key": entry.key,
            "label": entry.label,
            "partners": [p for p in partners if entry.covered_by(p, roles[p.pk])],
        }
        for entry in THINK_OF
    ]


def collaborations_between(partners):
    """Recorded collaborations of which both partners are in `partners`."""
    ids = {p.pk for p in partners}
    if not ids:
        return []
    return [
        c
        for c in Collaboration.objects.filter(first_id__in=ids, second_id__in=ids).select_related(
            "first", "second"
        )
    ]


def overview(workspace, membership) -> dict:
    partners = list(visible_partners(workspace, membership))
    hidden = (
        0 if can_manage(membership) else Partner.objects.filter(workspace=workspace).count() - len(partners)
    )
    think_of = think_of_status(partners)
    return {
        "partners": partners,
        "groups": by_kind(partners),
        "think_of": think_of,
        "missing": [line for line in think_of if not line["partners"]],
        "collaborations": collaborations_between(partners),
        "hidden_count": hidden,
        "manage": can_manage(membership),
    }
