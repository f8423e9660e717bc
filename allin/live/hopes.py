"""Looking back on hopes and fears. In phase A the youth write what they hope ALL-IN brings and what they
fear; at the close of phase B those notes come back on the screen and the group marks each one: did it come
true?

The review shows the hopes-and-fears notes of the process's earlier meetings (never hidden ones, never another
process's) whenever the current agenda item is itself a hopes-and-fears board. Without earlier notes the item
is a plain notes board. The marks are stored on the earlier notes themselves (Note.came_true), so the report
of phase A shows them too."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import events
from .models import Activity, LiveMeeting, Note

CATEGORIES = ("hoop", "angst")
CAME_TRUE = tuple(value for value, _label in Note._meta.get_field("came_true").choices)
REVIEW_MAX = 200
SCREEN_KEY = "review_on_screen"


@dataclass
class ReviewGroup:
    key: str
    label: str
    notes: list = field(default_factory=list)


@dataclass
class HopesReview:
    activity: Activity
    groups: list
    meetings: list
    on_screen: bool

    @property
    def notes(self):
        return [note for group in self.groups for note in group.notes]

    @property
    def choices(self):
        return [(value, str(label)) for value, label in Note._meta.get_field("came_true").choices]

    @property
    def marked_count(self):
        return sum(1 for note in self.notes if note.came_true)


def earlier_notes(live: LiveMeeting):
    """The visible hopes-and-fears notes of this process's other meetings, held on or before this one."""
    meeting = live.meeting
    return Note.objects.filter(
        activity__kind=Activity.Kind.HOPES_FEARS,
        activity__live__meeting__process_id=meeting.process_id,
        activity__live__meeting__date__lte=meeting.date,
        hidden=False,
    ).exclude(activity__live__meeting_id=meeting.pk)


def review(live: LiveMeeting, activity: Activity | None) -> HopesReview | None:
    """What the console and projector show of earlier hopes and fears, in one query; None when the current
    item is no hopes-and-fears board or the process has no earlier hopes and fears."""
    if activity is None or activity.kind != Activity.Kind.HOPES_FEARS:
        return None
    notes = list(
        earlier_notes(live)
        .select_related("activity__live__meeting", "attendee")
        .order_by("activity__live__meeting__date", "created_at", "pk")[:REVIEW_MAX]
    )
    if not notes:
        return None
    labels = {"hoop": _("Hoop"), "angst": _("Angst")}
    groups = [ReviewGroup(key, labels[key]) for key in CATEGORIES]
    rest = ReviewGroup("overig", _("Overig"))
    index = {group.key: group for group in groups}
    meetings = []
    for note in notes:
        index.get(note.category, rest).notes.append(note)
        meeting = note.activity.live.meeting
        if meeting not in meetings:
            meetings.append(meeting)
    if rest.notes:
        groups.append(rest)
    return HopesReview(
        activity=activity,
        groups=[group for group in groups if group.notes],
        meetings=meetings,
        on_screen=bool((activity.config or {}).get(SCREEN_KEY, True)),
    )


@transaction.atomic
def note_mark_came_true(*, live: LiveMeeting, note: Note, value: str) -> Note:
    """Mark an earlier hope or fear: came true (ja), partly (deels) or not (nee); an empty value takes the
    mark away again. Only the notes the review of this live meeting shows can be marked."""
    value = (value or "").strip()
    if value and value not in CAME_TRUE:
        raise ValidationError(_("Kies ja, deels of nee."))
    if not earlier_notes(live).filter(pk=note.pk).exists():
        raise ValidationError(_("Deze post-it hoort niet bij de hoop en angst van dit traject."))
    updated = Note.objects.filter(pk=note.pk).exclude(came_true=value).update(came_true=value)
    note.came_true = value
    if updated:
        events.results_changed(live.pk)
    return note


@transaction.atomic
def review_screen_set(*, activity: Activity, on_screen: bool) -> Activity:
    """Show the look back on the projector, or the board of new notes."""
    if activity.kind != Activity.Kind.HOPES_FEARS:
        raise ValidationError(_("Dit onderdeel is geen bord voor hoop en angst."))
    activity.config = {**(activity.config or {}), SCREEN_KEY: bool(on_screen)}
    activity.save(update_fields=["config"])
    events.results_changed(activity.live_id)
    return activity
