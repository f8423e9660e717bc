"""What each live activity of a held meeting produced, in full, for the report (web page and PDF).

allin/live/results.py sums a meeting up in lines (for the slides); the report shows more: every note under its
theme, the word cloud itself, each ballot's ranking, consent answers with their reasons, and the parking board
with who picks each item up. Kinds without a richer view here fall back to their own `results(activity)` lines.
Names are shown only where the projector could show them (a note whose author chose to show their name)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from allin.live import registry
from allin.live.kinds import consent as consent_kind
from allin.live.kinds.voting_state import VoteState
from allin.live.kinds.wordcloud import Cloud
from allin.live.models import Activity, Note

from .models import ParkingPickup


@dataclass
class NoteRow:
    text: str
    category: str = ""
    name: str = ""
    came_true: str = ""


@dataclass
class NoteGroup:
    title: str
    notes: list = field(default_factory=list)
    is_theme: bool = False


@dataclass
class Section:
    """One activity in the report. `kind` picks the template part; only the fields of that kind are filled."""

    kind: str
    heading: str
    kind_label: str
    prompt: str
    groups: list = field(default_factory=list)  # notes: per theme, else per category, else one group
    lines: list = field(default_factory=list)  # the kind's own summary
    words: list = field(default_factory=list)  # word cloud: (word, count), most first
    svg: str = ""
    ballots: list = field(default_factory=list)  # vote: VoteState columns
    consent: object = None
    total: int = 0  # notes, answers or voters

    @property
    def template(self):
        return f"exports/report/kinds/{self.kind}.html"


def _row(note: Note) -> NoteRow:
    return NoteRow(
        text=note.text,
        category=note.category,
        name=note.public_name,
        came_true=note.get_came_true_display() if note.came_true else "",
    )


def note_groups(activity: Activity) -> tuple[list[NoteGroup], int]:
    """The visible notes by theme (the facilitator's clusters, largest first), the rest after; without themes by
    category in the board's order; else one plain group."""
    notes = list(
        Note.objects.filter(activity=activity, hidden=False)
        .select_related("attendee", "theme")
        .order_by("created_at", "pk")
    )
    if not notes:
        return [], 0
    themes = list(activity.themes.all())
    if themes:
        by_theme = {t.pk: NoteGroup(t.name, is_theme=True) for t in themes}
        loose = NoteGroup(_("Zonder thema"))
        for note in notes:
            by_theme.get(note.theme_id, loose).notes.append(_row(note))
        groups = sorted((g for g in by_theme.values() if g.notes), key=lambda g: -len(g.notes))
        return groups + ([loose] if loose.notes else []), len(notes)
    categories = list(activity.categories or [])
    categories += sorted({n.category for n in notes if n.category and n.category not in categories})
    if categories:
        by_category = {c: NoteGroup(c) for c in categories}
        other = NoteGroup(_("Overig"))
        for note in notes:
            by_category.get(note.category, other).notes.append(_row(note))
        groups = [g for g in by_category.values() if g.notes]
        return groups + ([other] if other.notes else []), len(notes)
    return [NoteGroup("", [_row(n) for n in notes])], len(notes)


def parking_rows(activity: Activity) -> list[dict]:
    """The parking board's visible items, each with who picks it up (empty when nobody has yet)."""
    notes = list(Note.objects.filter(activity=activity, hidden=False).select_related("attendee"))
    pickups = dict(ParkingPickup.objects.filter(note__in=notes).values_list("note_id", "who"))
    return [{"note": n, "text": n.text, "name": n.public_name, "who": pickups.get(n.pk, "")} for n in notes]


def _base(activity: Activity, kind: str) -> Section:
    heading = activity.item.title if activity.item_id else activity.get_kind_display()
    return Section(
        kind=kind, heading=heading, kind_label=str(activity.get_kind_display()), prompt=activity.prompt
    )


def activity_section(activity: Activity) -> Section | None:
    """The activity's part of the report, or None when it produced nothing to show."""
    if activity.takes_notes:
        section = _base(activity, "notes")
        section.groups, section.total = note_groups(activity)
        return section if section.total else None
    if activity.kind == Activity.Kind.WORDCLOUD:
        cloud = Cloud(activity)
        if not cloud.total:
            return None
        section = _base(activity, "wordcloud")
        section.words = [(e.word, e.count) for e in cloud.ranking]
        section.svg = cloud.svg
        section.total = cloud.total
        return section
    if activity.kind == Activity.Kind.VOTE:
        state = VoteState(activity)
        columns = [c for c in state.columns if any(r.count for r in c.ranking)]
        if not columns:
            return None
        section = _base(activity, "vote")
        section.ballots = [
            {"name": c.ballot.name, "voters": c.voters, "ranking": [r for r in c.ranking if r.count]}
            for c in columns
        ]
        section.total = max(c.voters for c in columns)
        return section
    if activity.kind == Activity.Kind.CONSENT:
        state = consent_kind.state(activity)
        if not state.total:
            return None
        section = _base(activity, "consent")
        section.consent = state
        section.total = state.total
        return section
    spec = registry.get(activity.kind)
    lines = spec.results(activity).get("lines", []) if spec else []
    if not lines:
        return None
    section = _base(activity, "lines")
    section.lines = lines
    return section


def meeting_sections(live) -> tuple[list[Section], list[dict]]:
    """Every activity's section in agenda order, and the parking board's rows (shown last, apart)."""
    if live is None:
        return [], []
    sections, parking = [], []
    for activity in live.activities.select_related("item", "live").order_by("item__order", "pk"):
        if activity.kind == Activity.Kind.PARKING:
            parking = parking_rows(activity)
            continue
        section = activity_section(activity)
        if section is not None:
            sections.append(section)
    return sections, parking
