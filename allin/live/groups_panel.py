"""The groups of a meeting (allin.groups) during the live meeting.

- Each phone linked to a participant sees its own table ("Jij zit aan Tafel 3"), its table mates' first names and
  the method's getting-to-know questions. That is personal, so it is never part of the stage rendered once for
  all phones: the stage carries an empty box with a URL, and each phone fetches its own part (my_table).
- The projector shows all groups (group names and first names only) during a getting-to-know agenda item, or
  whenever the facilitator switches them on in the console. The choice holds for the current item only, like
  the parking board: moving on to the next item brings back that item's default.
- When the facilitator changes the plan, phones refetch their part and the projector and consoles refresh.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from allin.groups import selectors as group_selectors
from allin.groups import services as group_services
from allin.groups.models import GroupPlan
from allin.groups.signals import plan_changed

from . import events, posted
from .models import LiveMeeting


def stage_context(live, current):
    """For every screen's stage: whether there is a plan, and what the projector shows of it (one query when
    the groups are not on the screen)."""
    plan = GroupPlan.objects.filter(meeting_id=live.meeting_id).first()
    if plan is None:
        return {"group_plan": None, "groups_on_screen": False, "screen_groups": []}
    on_screen = group_selectors.shown_on_screen(plan, current)
    groups = []
    if on_screen:
        groups = group_selectors.screen_groups(
            GroupPlan.objects.prefetch_related("groups__members__participant", "groups__leader").get(
                pk=plan.pk
            )
        )
    return {"group_plan": plan, "groups_on_screen": on_screen, "screen_groups": groups}


def my_table(live, attendee, on_screen=None):
    """This phone's table, or None (anonymous, not linked, or not in the plan)."""
    if attendee is None or not attendee.participant_id:
        return None
    plan = GroupPlan.objects.filter(meeting_id=live.meeting_id).first()
    if plan is None:
        return None
    group = group_selectors.group_of_participant(live.meeting, attendee.participant_id)
    if group is None:
        return None
    mates = [
        group_selectors.first_name(m.participant.name)
        for m in group.members.select_related("participant")
        if m.participant_id != attendee.participant_id
    ]
    if on_screen is None:
        on_screen = group_selectors.shown_on_screen(plan, live.current_item)
    return {
        "group": group,
        "mates": mates,
        "is_leader": group.leader_id == attendee.participant_id,
        "questions": group_selectors.questions_for(live.meeting.process),
        "full": on_screen,
        # Online and hybrid meetings: the group's breakout room, one tap from the phone.
        "room_link": group.room_link if live.meeting.has_online_groups else "",
        "video_tool": live.meeting.video_tool,
    }


def phone_context(live, attendee, state):
    """For the phone page and its refetch (one attendee): their table."""
    return {"my_table": my_table(live, attendee, state.get("groups_on_screen"))}


@never_cache
@require_GET
def my_table_view(request, code):
    """The personal part a phone fetches after a pushed stage: its table and the questions (empty if none)."""
    from .phone_views import _attendee_or_none

    live, attendee = _attendee_or_none(request, code)
    if attendee is None:
        return HttpResponse(
            _("Je bent niet aangemeld bij deze bijeenkomst. Open de link opnieuw."), status=403
        )
    return render(request, "live/groups/_my_table.html", {"my_table": my_table(live, attendee)})


class ScreenForm(forms.Form):
    on_screen = posted.Flag(empty=False)


def screen(request, live):
    """Console action (wrapped by console_views.console_action in urls.py): groups on the projector, or not."""
    plan = GroupPlan.objects.filter(meeting_id=live.meeting_id).first()
    if plan is None:
        raise ValidationError(_("Deze bijeenkomst heeft nog geen groepen. Maak eerst een indeling."))
    group_services.plan_screen_set(
        plan=plan, item_pk=live.current_item_id, **posted.read(ScreenForm, request)
    )


@receiver(plan_changed, dispatch_uid="live_groups_plan_changed")
def _plan_changed(sender, meeting_id, **kwargs):
    live_id = LiveMeeting.objects.filter(meeting_id=meeting_id).values_list("pk", flat=True).first()
    if live_id is None:
        return
    # Phones refetch their own part (their table); projector and consoles refetch their stage.
    events.phones_refresh(live_id)
    events.results_changed(live_id)
