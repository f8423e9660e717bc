"""Reads for groups: who to seat, earlier plans, the groups of a meeting, and encounters across a process."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from allin.grouping import meetings_still_needed
from allin.methods.loader import get_method
from allin.people import selectors as people_selectors

from .models import GroupPlan


def people_for(meeting):
    """The participants present (attendance), or when nobody is marked yet: everyone expected in the process."""
    everyone = [p for p in people_selectors.participants_of(meeting.process) if not p.is_erased]
    present = set(meeting.attendances.values_list("participant_id", flat=True))
    if present:
        return [p for p in everyone if p.pk in present]
    return everyone


def earlier_plans(meeting):
    return (
        GroupPlan.objects.filter(meeting__process=meeting.process)
        .exclude(meeting=meeting)
        .filter(meeting__date__lte=meeting.date)
        .order_by("meeting__date", "meeting__start_time", "meeting__pk")
        .prefetch_related("groups__members")
    )


def plan_of(meeting):
    return (
        GroupPlan.objects.filter(meeting=meeting)
        .prefetch_related("groups__members__participant", "groups__leader")
        .first()
    )


def plan_notes(plan):
    """The soft goals the optimiser could not meet for this plan, each with why, in Dutch."""
    notes = []
    for note in plan.notes or []:
        count, reason = note.get("count", 0), note.get("reason")
        if note.get("goal") == "repeats":
            text = ngettext(
                "%(n)s keer zit een paar opnieuw samen.", "%(n)s keer zitten paren opnieuw samen.", count
            ) % {"n": count}
            why = (
                _("Minder kan niet met dit aantal mensen, tafels en eerdere bijeenkomsten.")
                if reason == "bound"
                else _("Een indeling met minder herhalingen is in de beschikbare tijd niet gevonden.")
            )
        elif note.get("goal") == "domains":
            text = ngettext(
                "%(n)s keer zitten twee mensen uit hetzelfde domein aan één tafel.",
                "%(n)s keer zitten twee mensen uit hetzelfde domein aan één tafel.",
                count,
            ) % {"n": count}
            why = (
                _("Een domein heeft meer mensen dan er tafels zijn.")
                if reason == "bound"
                else _(
                    "Nieuwe mensen ontmoeten gaat voor: zonder herhalingen lukte een betere spreiding niet."
                )
            )
        elif note.get("goal") == "youth":
            text = ngettext("%(n)s tafel heeft geen jongere.", "%(n)s tafels hebben geen jongere.", count) % {
                "n": count
            }
            why = (
                _("Er zijn minder jongeren dan tafels.")
                if reason == "few"
                else _("Nieuwe mensen ontmoeten en domeinen spreiden gaan voor.")
            )
        else:
            continue
        notes.append(f"{text} {why}")
    return notes


def group_of_participant(meeting, participant_pk):
    plan = GroupPlan.objects.filter(meeting=meeting).first()
    if plan is None:
        return None
    member = plan.members.select_related("group").filter(participant_id=participant_pk).first()
    return member.group if member else None


def encounters(process, today=None):
    """Who has sat with whom in the plans of held meetings (date before or on today): a matrix and the meter."""
    today = today or date.today()
    people = [p for p in people_selectors.participants_of(process) if not p.is_erased]
    index = {p.pk: i for i, p in enumerate(people)}
    met = [[0] * len(people) for _ in people]
    plans = (
        GroupPlan.objects.filter(meeting__process=process, meeting__date__lte=today)
        .order_by("meeting__date")
        .prefetch_related("groups__members")
    )
    held = 0
    max_size = 5
    for plan in plans:
        held += 1
        max_size = plan.max_size
        for group in plan.groups.all():
            members = [index[m.participant_id] for m in group.members.all() if m.participant_id in index]
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    met[a][b] += 1
                    met[b][a] += 1
    n = len(people)
    covered = sum(1 for a in range(n) for b in range(a + 1, n) if met[a][b])
    possible = n * (n - 1) // 2
    unmet = [sum(1 for b in range(n) if b != a and not met[a][b]) for a in range(n)]
    more = meetings_still_needed(unmet, possible - covered, n, max_size)
    rows = [{"participant": p, "cells": met[i]} for i, p in enumerate(people)]
    return {
        "people": people,
        "rows": rows,
        "covered": covered,
        "possible": possible,
        "held": held,
        "max_size": max_size,
        "more": more,
        "percent": round(100 * covered / possible) if possible else 100,
    }


def questions_for(process):
    """The method's getting-to-know questions (the child-poverty series has them), or plain ones for tables."""
    method = get_method(process.method_slug)
    questions = list((method.getting_to_know or {}).get("questions", [])) if method else []
    return questions or [
        _("Wie ben je?"),
        _("Wat doe je: school, werk of vrijwilligerswerk?"),
        _("Waarom ben je hier vandaag?"),
    ]


def first_name(name):
    """Only the first name: what the projector may show of a person."""
    parts = (name or "").split()
    return parts[0] if parts else ""


def screen_groups(plan):
    """The groups for the projector: names and first names only, nothing else personal."""
    return [
        {
            "name": group.name,
            "number": group.number,
            "members": [first_name(m.participant.name) for m in group.members.all()],
            "leader": first_name(group.leader.name) if group.leader else "",
        }
        for group in plan.groups.all()
    ]


def is_getting_to_know(item):
    """An agenda item where people meet in their groups: the child-poverty series' "Kennismaken"."""
    title = (getattr(item, "title", "") or "").lower()
    return "kennismak" in title


def shown_on_screen(plan, item):
    """Whether the projector shows the groups now: the facilitator's choice at this item, or its default."""
    item_pk = item.pk if item is not None else 0
    if plan.screen_item is not None and plan.screen_item == item_pk:
        return plan.on_screen
    return is_getting_to_know(item)
