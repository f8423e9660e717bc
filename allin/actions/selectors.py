"""Reads for actions: traceability both ways (an action's tips, a tip's actions), the ideas of a process with the
actions they led to, the public feedback page and the UN's five steps of meaningful participation."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from allin.live.kinds.voting_state import VoteState
from allin.live.models import NOTE_KINDS, Activity, LiveMeeting, Note
from allin.socialmap.models import Finding, Undercover

from .feedback_models import FeedbackPage, Reaction, ReactionStatus
from .models import Action, ActionSource, SourceKind


def process_actions(process):
    return (
        Action.objects.filter(process=process)
        .select_related("owner_partner")
        .prefetch_related("sources")
        .order_by("owner_partner__name", "due_date", "pk")
    )


def action_get(process, pk) -> Action:
    return get_object_or_404(
        Action.objects.select_related("owner_partner", "process"), process=process, pk=pk
    )


@dataclass
class Tip:
    label: str
    kind: str
    notes: list = field(default_factory=list)


def tips_of(action) -> list[Tip]:
    """The youth tips an action answers: each source with, for a theme or a voted theme, its visible notes."""
    sources = list(action.sources.select_related("theme", "option__theme", "option__note"))
    theme_ids = {s.theme_id for s in sources if s.theme_id} | {
        s.option.theme_id for s in sources if s.option_id and s.option.theme_id
    }
    notes_by_theme = defaultdict(list)
    for note in Note.objects.filter(theme_id__in=theme_ids, hidden=False).order_by("created_at", "pk"):
        notes_by_theme[note.theme_id].append(note.text)
    tips = []
    for source in sources:
        theme_id = source.theme_id or (source.option.theme_id if source.option_id else None)
        tips.append(Tip(source.label, source.kind, notes_by_theme.get(theme_id, []) if theme_id else []))
    return tips


def actions_for_note(note):
    """Every action a note led to: linked directly, through its theme, or through a voted idea made of it."""
    match = Q(sources__note=note) | Q(sources__option__note=note)
    if note.theme_id:
        match |= Q(sources__theme_id=note.theme_id) | Q(sources__option__theme_id=note.theme_id)
    return Action.objects.filter(match).distinct().order_by("pk")


def actions_for_theme(theme):
    return (
        Action.objects.filter(Q(sources__theme=theme) | Q(sources__option__theme=theme))
        .distinct()
        .order_by("pk")
    )


def actions_for_option(option):
    match = Q(sources__option=option)
    if option.note_id:
        match |= Q(sources__note_id=option.note_id)
    if option.theme_id:
        match |= Q(sources__theme_id=option.theme_id)
    return Action.objects.filter(match).distinct().order_by("pk")


def _led_to(process):
    """(kind, pk) of every linked tip -> its actions, in one query."""
    led = defaultdict(list)
    sources = ActionSource.objects.filter(action__process=process).select_related("action", "option")
    for source in sources:
        ref = (
            source.note_id or source.theme_id or source.option_id or source.finding_id or source.undercover_id
        )
        if ref:
            led[(source.kind, ref)].append(source.action)
        if source.option_id and source.option.note_id:  # a voted idea made of a note answers that note
            led[(SourceKind.NOTE, source.option.note_id)].append(source.action)
        if source.option_id and source.option.theme_id:
            led[(SourceKind.THEME, source.option.theme_id)].append(source.action)
    return led


def _unique(actions):
    seen, out = set(), []
    for action in actions:
        if action.pk not in seen:
            seen.add(action.pk)
            out.append(action)
    return out


# Activities whose notes are tips: the boards, and the notes conversation tables write down. Not the parking board.
TIP_KINDS = (NOTE_KINDS - {Activity.Kind.PARKING}) | {Activity.Kind.QUESTION_CARDS, Activity.Kind.PLANS}


def ideas(process) -> list[dict]:
    """Per held meeting: its boards (themes with notes, loose notes) and votes (ranking), each tip with the
    actions it led to, for the page "Van ideeën naar acties"."""
    led = _led_to(process)
    lives = (
        LiveMeeting.objects.filter(meeting__process=process)
        .select_related("meeting")
        .order_by("meeting__date")
    )
    out = []
    for live in lives:
        boards, votes = [], []
        activities = Activity.objects.filter(live=live).select_related("item").order_by("item__order", "pk")
        for activity in activities:
            if activity.kind in TIP_KINDS:
                board = _board(activity, led)
                if board["themes"] or board["notes"]:
                    boards.append(board)
            elif activity.kind == Activity.Kind.VOTE:
                vote = _vote(activity, led)
                if vote["rows"]:
                    votes.append(vote)
        if boards or votes:
            out.append({"meeting": live.meeting, "boards": boards, "votes": votes})
    return out


def social_map_tip_label(source) -> str:
    """A youth group's tip to an organisation, as a tip reads in lists and on the feedback page."""
    organisation = source.organisation.name if source.organisation_id else gettext("een organisatie")
    return (
        gettext("Tip aan %(organisation)s: %(tip)s")
        % {"organisation": organisation, "tip": source.tips.strip()}
    )[:280]


def social_map_tips(process, led=None) -> list:
    """The tips youth groups gave organisations on the social map (a found organisation, the undercover visit),
    each with its ref, its label and the actions it led to."""
    led = _led_to(process) if led is None else led
    findings = (
        Finding.objects.filter(group__process=process)
        .exclude(tips="")
        .select_related("group__meeting", "organisation")
        .order_by("group__created_at", "group_id", "pk")
    )
    undercovers = (
        Undercover.objects.filter(group__process=process)
        .exclude(tips="")
        .select_related("group__meeting", "organisation")
        .order_by("group__created_at", "group_id")
    )
    out = []
    for kind, rows in ((SourceKind.FINDING, findings), (SourceKind.UNDERCOVER, undercovers)):
        for row in rows:
            if not row.tips.strip():
                continue
            row.ref, row.kind = f"{kind}-{row.pk}", kind
            row.label = social_map_tip_label(row)
            row.led_to = _unique(led.get((kind, row.pk), []))
            out.append(row)
    return out


def _board(activity, led):
    notes = list(Note.objects.filter(activity=activity, hidden=False).order_by("created_at", "pk"))
    themes = list(activity.themes.all())
    by_theme = defaultdict(list)
    loose = []
    for note in notes:
        note.ref, note.led_to = f"note-{note.pk}", _unique(led.get((SourceKind.NOTE, note.pk), []))
        (by_theme[note.theme_id] if note.theme_id else loose).append(note)
    for theme in themes:
        theme.visible_notes = by_theme.get(theme.pk, [])
        theme.ref, theme.led_to = f"theme-{theme.pk}", _unique(led.get((SourceKind.THEME, theme.pk), []))
        for note in theme.visible_notes:  # a note in a theme led to what its theme led to
            note.led_to = _unique(note.led_to + theme.led_to)
    title = activity.item.title if activity.item else activity.prompt
    return {
        "activity": activity,
        "title": title,
        "themes": [t for t in themes if t.visible_notes],
        "notes": loose,
    }


def _vote(activity, led):
    state = VoteState(activity)
    rows = []
    for column in state.columns:
        for ranked in column.ranking:
            if ranked.count:
                option = ranked.option
                option.ref = f"option-{option.pk}"
                option.led_to = _unique(
                    led.get((SourceKind.NOTE, option.note_id), [])
                    + led.get((SourceKind.THEME, option.theme_id), [])
                    + led.get((SourceKind.OPTION, option.pk), [])
                )
                rows.append(
                    {
                        "ballot": column.ballot.name,
                        "rank": ranked.rank,
                        "count": ranked.count,
                        "option": option,
                    }
                )
    title = activity.item.title if activity.item else activity.prompt
    return {"activity": activity, "title": title, "rows": rows}


# ---- the public feedback page ------------------------------------------------------------------------------


def feedback_page_by_key(key) -> FeedbackPage:
    return get_object_or_404(FeedbackPage.objects.select_related("process__workspace"), key=key)


def published_answers(page: FeedbackPage) -> list[dict]:
    """Published answers grouped by organisation: [{"organisation": name, "items": [...]}], each item the action
    (public fields only), its tips, whether it is new since the first publication, and approved reactions."""
    approved = Reaction.objects.filter(status=ReactionStatus.APPROVED).order_by("created_at", "pk")
    actions = (
        Action.objects.filter(process=page.process, public_at__isnull=False, sources__isnull=False)
        .distinct()
        .select_related("owner_partner")
        .prefetch_related(Prefetch("reactions", queryset=approved, to_attr="shown_reactions"))
        .order_by("owner_partner__name", "pk")
    )
    groups = {}
    for action in actions:
        name = action.owner_partner.name if action.owner_partner else str(_("Gemeente en partners"))
        groups.setdefault(name, []).append(
            {
                "action": action,
                "tips": tips_of(action),
                "is_new": bool(page.first_published_at and action.public_at > page.first_published_at),
                "reactions": action.shown_reactions,
            }
        )
    return [{"organisation": name, "items": items} for name, items in groups.items()]


def pending_reactions(process):
    return (
        Reaction.objects.filter(action__process=process, status=ReactionStatus.PENDING)
        .select_related("action")
        .order_by("created_at", "pk")
    )


def reaction_get(process, pk) -> Reaction:
    return get_object_or_404(Reaction.objects.select_related("action"), action__process=process, pk=pk)


# ---- the UN's five steps -----------------------------------------------------------------------------------


@dataclass
class Step:
    key: str
    label: str
    done: bool
    hint: str


def _phase(phases, key, index):
    return next((p for p in phases if p.key == key), phases[index] if len(phases) > index else None)


def _held(phase, today) -> bool:
    """A phase is held when it has meetings and each one was run live and closed, or lies in the past."""
    if phase is None:
        return False
    meetings = list(phase.meetings.all())
    if not meetings:
        return False
    closed = set(
        LiveMeeting.objects.filter(meeting__in=meetings, closed_at__isnull=False).values_list(
            "meeting_id", flat=True
        )
    )
    return all(m.pk in closed or m.date < today for m in meetings)


def participation_steps(process) -> list[Step]:
    today = timezone.localdate()
    phases = list(process.phases.all())
    page = FeedbackPage.objects.filter(process=process).first()
    published = bool(page and page.is_published)
    # Only ALL-IN's own steps speak of youth; switched on elsewhere they speak of participants.
    youth = process.tool_native("five_steps")
    return [
        Step("informed", _("Geïnformeerd"), _held(_phase(phases, "A", 0), today), _("Fase A is gehouden.")),
        Step("conversation", _("In gesprek"), _held(_phase(phases, "B", 1), today), _("Fase B is gehouden.")),
        Step(
            "weighed",
            _("Meegewogen"),
            ActionSource.objects.filter(action__process=process).exists(),
            _("Acties zijn gekoppeld aan tips van jongeren.")
            if youth
            else _("Acties zijn gekoppeld aan tips van deelnemers."),
        ),
        Step("feedback", _("Teruggekoppeld"), published, _("De terugkoppeling is gepubliceerd.")),
        Step(
            "reaction",
            _("Reageren kan"),
            published and page.reactions_open,
            _("Jongeren kunnen reageren op de antwoorden.")
            if youth
            else _("Deelnemers kunnen reageren op de antwoorden."),
        ),
    ]
