"""Writes for groups: make a plan with the optimiser, move and pin people, regenerate the rest, name groups and
choose table leaders. Keyword-only, atomic."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from allin.core import limits
from allin.grouping import ProblemError, solve

from . import selectors
from .models import Group, GroupMember, GroupPlan
from .signals import plan_changed

TIME_LIMIT = 0.5


def _changed(plan):
    """Tell whoever shows the plan (phones and projector of a live meeting) that it changed."""
    plan_changed.send(sender=GroupPlan, meeting_id=plan.meeting_id)


def _problem(meeting, people, min_size, max_size, pins):
    """The optimiser's problem: earlier plans of the process as history, this meeting as the round to plan.
    pins: {participant_pk: group number}; pinned people at one table sit together, at different tables apart."""
    history = [
        [[m.participant_id for m in group.members.all()] for group in plan.groups.all()]
        for plan in selectors.earlier_plans(meeting)
    ]
    known = {p.pk for p in people}
    history = [[[pk for pk in g if pk in known] for g in rnd] for rnd in history]
    history = [[g for g in rnd if g] for rnd in history]
    by_table = {}
    for pk, number in pins.items():
        by_table.setdefault(number, []).append(pk)
    together = [[members[0], other] for members in by_table.values() for other in members[1:]]
    firsts = [members[0] for members in by_table.values()]
    apart = [[a, b] for i, a in enumerate(firsts) for b in firsts[i + 1 :]]
    return {
        "people": [{"id": p.pk, "domain": p.domain, "role": p.role, "expert": p.is_expert} for p in people],
        "rounds": [{"present": []} for _ in history] + [{"present": [p.pk for p in people]}],
        "history": history,
        "group_size": {"min": min_size, "max": max_size},
        "together": together,
        "apart": apart,
        "seed": meeting.pk,
        "time_limit": TIME_LIMIT,
    }


def _refusal(error, people, min_size, max_size):
    """The optimiser's refusal in Dutch, naming the hard rule that cannot be kept."""
    if error.rule == "experts":
        return _(
            "Het lukt niet om de ervaringsdeskundigen goed te verdelen: als er genoeg zijn, zit er aan elke tafel "
            "één, anders nooit twee aan één tafel. Maak vastgezette ervaringsdeskundigen aan één tafel los."
        )
    if error.rule == "apart":
        return _(
            "Het lukt niet om de vastgezette mensen van verschillende tafels uit elkaar te houden. Maak iemand "
            "los of kies andere groepsgroottes."
        )
    if error.rule == "together":
        return _(
            "De mensen die samen aan een tafel vastgezet zijn, passen niet in groepen van %(min)s tot %(max)s."
        ) % {"min": min_size, "max": max_size}
    return _("Met %(n)s mensen lukt het niet om groepen van %(min)s tot %(max)s te maken.") % {
        "n": len(people),
        "min": min_size,
        "max": max_size,
    }


def _solve(meeting, people, min_size, max_size, pins):
    if not people:
        raise ValidationError(_("Er zijn nog geen deelnemers om in groepen te verdelen."))
    if min_size > max_size:
        raise ValidationError(_("De kleinste groep mag niet groter zijn dan de grootste groep."))
    try:
        result = solve(_problem(meeting, people, min_size, max_size, pins))
    except ProblemError as error:
        raise ValidationError(_refusal(error, people, min_size, max_size)) from None
    return result["rounds"][-1], result["repeats"], result["unmet"]


def _number_groups(groups, pins):
    """Give each group its table number: tables with pinned people keep their number, the rest fill up."""
    numbers = {}
    for index, members in enumerate(groups):
        for pk in members:
            if pk in pins:
                numbers[index] = pins[pk]
    free = iter(n for n in range(1, len(groups) + len(pins) + 2) if n not in numbers.values())
    for index in range(len(groups)):
        if index not in numbers:
            numbers[index] = next(free)
    return numbers


@transaction.atomic
def plan_make(*, meeting, min_size=3, max_size=5, keep_pinned=True):
    """Make (or remake) the groups of a meeting from the people present or expected; pinned people stay put."""
    people = selectors.people_for(meeting)
    plan = GroupPlan.objects.select_for_update().filter(meeting=meeting).first()
    pins, names, leaders = {}, {}, {}
    if plan is not None:
        if keep_pinned:
            pins = {
                m.participant_id: m.group.number for m in plan.members.select_related("group") if m.pinned
            }
            pins = {pk: n for pk, n in pins.items() if pk in {p.pk for p in people}}
        for group in plan.groups.all():
            names[group.number] = group.name
            leaders[group.number] = group.leader_id
    groups, repeats, unmet = _solve(meeting, people, min_size, max_size, pins)
    if plan is None:
        plan = GroupPlan(meeting=meeting)
    plan.min_size, plan.max_size, plan.repeats, plan.notes = min_size, max_size, repeats, unmet
    plan.full_clean(exclude=["meeting"])
    plan.save()
    plan.groups.all().delete()
    numbers = _number_groups(groups, pins)
    for index in sorted(numbers, key=numbers.get):
        members = groups[index]
        number = numbers[index]
        leader = leaders.get(number)
        group = Group.objects.create(
            plan=plan,
            number=number,
            name=names.get(number) or _("Tafel %(n)s") % {"n": number},
            leader_id=leader if leader in members else None,
        )
        GroupMember.objects.bulk_create(
            GroupMember(plan=plan, group=group, participant_id=pk, pinned=pk in pins) for pk in members
        )
    _changed(plan)
    return plan


@transaction.atomic
def member_move(*, plan, participant_pk, group_pk):
    member = GroupMember.objects.select_for_update().filter(plan=plan, participant_id=participant_pk).first()
    group = plan.groups.filter(pk=group_pk).first()
    if member is None or group is None:
        raise ValidationError(_("Deze persoon of groep hoort niet bij deze indeling."))
    old = member.group
    member.group = group
    member.save(update_fields=["group"])
    if old.leader_id == member.participant_id:
        old.leader = None
        old.save(update_fields=["leader"])
    _changed(plan)
    return member


@transaction.atomic
def member_pin(*, plan, participant_pk, pinned):
    changed = GroupMember.objects.filter(plan=plan, participant_id=participant_pk).update(pinned=pinned)
    if not changed:
        raise ValidationError(_("Deze persoon hoort niet bij deze indeling."))


@transaction.atomic
def group_update(*, plan, group_pk, name, leader_pk, room_link=None):
    group = plan.groups.filter(pk=group_pk).first()
    if group is None:
        raise ValidationError(_("Deze groep hoort niet bij deze indeling."))
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Geef de groep een naam."))
    if leader_pk and not group.members.filter(participant_id=leader_pk).exists():
        raise ValidationError(_("De tafelleider moet aan deze tafel zitten."))
    group.name = name
    group.leader_id = leader_pk or None
    if room_link is not None:
        group.room_link = _room_link(room_link)
    group.full_clean(exclude=["plan", "leader"])
    group.save()
    _changed(plan)
    return group


def _room_link(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    # Only web addresses open on a phone; a javascript: or data: link would run in the participant's page.
    if not value.lower().startswith(("https://", "http://")):
        raise ValidationError(_("De link naar de breakoutroom moet beginnen met https://."))
    if len(value) > limits.URL_MAX:
        raise ValidationError(_("De link naar de breakoutroom is te lang."))
    return value


@transaction.atomic
def plan_screen_set(*, plan, item_pk, on_screen):
    """Show the groups on the projector (or hide them) for the agenda item that is on now (item_pk; None before
    the first item). The next item falls back to its default: shown at a getting-to-know item, else hidden."""
    plan.on_screen = bool(on_screen)
    plan.screen_item = item_pk or 0
    plan.save(update_fields=["on_screen", "screen_item", "updated_at"])
    _changed(plan)
    return plan
