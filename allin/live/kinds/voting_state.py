"""What a dot vote shows: its configuration, the ballots, the ranking per ballot with its top 3, and each
attendee's dots left. Read-only; the writes are in voting.py."""

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from allin.core.text import one_line

from ..activity_models import DOTS_MAX, Vote, VoteOption
from ..models import Activity, Note, Theme

DOTS_DEFAULT = 3
BALLOT_MAX = 40
BALLOTS_MAX = 3
TOP = 3


# ---- configuration --------------------------------------------------------------------------------------


def _dots(config) -> int:
    try:
        dots = int(config.get("dots", DOTS_DEFAULT))
    except (TypeError, ValueError):
        return DOTS_DEFAULT
    return min(max(dots, 1), DOTS_MAX)


def _ballot_names(config) -> list[str]:
    names = config.get("ballots")
    names = [one_line(n)[:BALLOT_MAX] for n in names] if isinstance(names, list) else []
    unique = [n for i, n in enumerate(names) if n and n.casefold() not in {m.casefold() for m in names[:i]}]
    return unique[:BALLOTS_MAX]


@dataclass(frozen=True)
class Ballot:
    """One list to vote on. `name` is stored on each Vote; a vote without named ballots has one, named ""."""

    name: str

    @property
    def top_title(self):
        titles = {
            "": _("De %(n)d ideeën met de meeste stippen"),
            "beste": _("De %(n)d beste ideeën"),
            "meest haalbaar": _("De %(n)d meest haalbare ideeën"),
        }
        title = titles.get(self.name.casefold())
        return title % {"n": TOP} if title else _("Top %(n)d: %(ballot)s") % {"n": TOP, "ballot": self.name}


def ballots(activity) -> list[Ballot]:
    return [Ballot(name) for name in _ballot_names(activity.config or {})] or [Ballot("")]


# ---- what the screens show ------------------------------------------------------------------------------


@dataclass
class Ranked:
    option: VoteOption
    count: int
    rank: int  # equal counts share a rank: 1, 2, 2, 4
    percent: int  # of the most dots on this ballot, for the bar
    top: bool
    tied: bool = False  # another idea has as many dots: the screens say "gedeeld"


TOP_ROWS_SHOWN = 5


@dataclass
class Column:
    """One ballot's ranking: its top 3 (more on a tie) and the rest that got dots."""

    ballot: Ballot
    voters: int
    ranking: list
    top: list
    rest: list

    # The projector shows at most this many rows of the top, so the results never run off a 1280 x 720
    # screen; the rows past it are tied with the last one shown (a tie at rank 3 or better is what makes
    # the top longer than 3), and the screen says so: "and 4 more with 2 dots, also at place 3".
    @property
    def top_shown(self):
        return self.top[:TOP_ROWS_SHOWN]

    @property
    def top_tied_more(self):
        return self.top[TOP_ROWS_SHOWN:]


class VoteState:
    """The stage's view of a vote. All beyond the options is computed when a template asks for it: phones
    (options only) cost one query, and only the console pays for its list of sources."""

    def __init__(self, activity):
        self.activity = activity
        config = activity.config or {}
        self.dots = _dots(config)
        self.multiple = bool(config.get("multiple", False))
        self.ballots = ballots(activity)
        self.ballot_names = ", ".join(b.name for b in self.ballots if b.name)

    @cached_property
    def all_options(self):
        return list(self.activity.vote_options.all())

    @cached_property
    def options(self):
        return [o for o in self.all_options if not o.hidden]

    @cached_property
    def _tally(self):
        rows = (
            Vote.objects.filter(activity=self.activity).values("ballot", "option_id").annotate(n=Count("id"))
        )
        return {(r["ballot"], r["option_id"]): r["n"] for r in rows}

    @cached_property
    def _voters(self):
        rows = (
            Vote.objects.filter(activity=self.activity)
            .values("ballot")
            .annotate(n=Count("attendee", distinct=True))
        )
        return {r["ballot"]: r["n"] for r in rows}

    @property
    def turnout(self):
        """How many people gave at least one dot, per ballot: all the projector shows before the reveal."""
        return [(ballot, self._voters.get(ballot.name, 0)) for ballot in self.ballots]

    @cached_property
    def columns(self) -> list[Column]:
        columns = []
        for ballot in self.ballots:
            counts = [(o, self._tally.get((ballot.name, o.pk), 0)) for o in self.options]
            counts.sort(key=lambda pair: -pair[1])  # stable: equal counts keep the options' order
            most = max((n for _o, n in counts), default=0) or 1
            ranking, rank = [], 0
            for index, (option, n) in enumerate(counts):
                rank = rank if index and n == counts[index - 1][1] else index + 1
                ranking.append(Ranked(option, n, rank, round(100 * n / most), n > 0 and rank <= TOP))
            shared = Counter(r.rank for r in ranking if r.count)
            for row in ranking:
                row.tied = bool(row.count) and shared[row.rank] > 1
            top, rest = [r for r in ranking if r.top], [r for r in ranking if r.count and not r.top]
            columns.append(Column(ballot, self._voters.get(ballot.name, 0), ranking, top, rest))
        return columns

    @cached_property
    def sources(self):
        """The meeting's boards with their themes and visible notes that are not options yet."""
        live_id = self.activity.live_id
        used_notes = {o.note_id for o in self.all_options if o.note_id}
        used_themes = {o.theme_id for o in self.all_options if o.theme_id}
        boards = {
            a.pk: {"activity": a, "themes": [], "notes": []}
            for a in Activity.objects.filter(live_id=live_id)
            .select_related("item")
            .order_by("item__order", "pk")
        }
        for theme in Theme.objects.filter(activity__live_id=live_id).exclude(pk__in=used_themes):
            boards[theme.activity_id]["themes"].append(theme)
        notes = Note.objects.filter(activity__live_id=live_id, hidden=False).exclude(pk__in=used_notes)
        for note in notes.select_related("table").order_by("created_at", "pk"):
            boards[note.activity_id]["notes"].append(note)
        return [b for b in boards.values() if b["themes"] or b["notes"]]


def context(activity) -> dict:
    return {"vote": VoteState(activity)}


def mine_context(activity, attendee) -> dict:
    """Per ballot: this attendee's dots (to take back) and how many are left."""
    dots = _dots(activity.config or {})
    votes = Vote.objects.filter(activity=activity, attendee=attendee).select_related("option").order_by("pk")
    mine = []
    for ballot in ballots(activity):
        own = [v for v in votes if v.ballot == ballot.name]
        left = max(dots - len(own), 0)
        mine.append(
            {
                "ballot": ballot,
                "dots": dots,
                "votes": own,
                "left": left,
                "marks": [1] * (dots - left) + [0] * left,
            }
        )
    return {"vote_mine": mine}


def results(activity) -> dict:
    state = VoteState(activity)
    lines = []
    for column in state.columns:
        prefix = f"{capfirst(column.ballot.name)}: " if column.ballot.name else ""
        for row in column.ranking:
            if row.count:
                dots = ngettext("%(n)d stip", "%(n)d stippen", row.count) % {"n": row.count}
                lines.append(f"{prefix}{row.rank}. {row.option.label} ({dots})")
    return {"title": activity.prompt or _("Stemmen"), "lines": lines}


# ---- services: the phone --------------------------------------------------------------------------------
