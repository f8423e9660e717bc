"""Dot voting ("stemmen"): each attendee has N dots per ballot for options the facilitator picks from the
meeting's notes and themes or types in. The dot limit and the one-per-option rule hold in the database: a dot
takes the attendee's lowest free `slot` (0..dots-1) on its ballot and a `copy` number on its option, and the
unique constraints on Vote refuse a second row for either, so two taps at once can never exceed the limit.
Results stay off the projector until the facilitator reveals them."""

from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from allin.core.text import one_line

from .. import realtime
from ..activity_models import DOTS_MAX, Vote, VoteOption
from ..models import Activity, LiveMeeting, Note, Theme
from . import KindSpec, register

DOTS_DEFAULT = 3
LABEL_MAX = 280
BALLOT_MAX = 40
BALLOTS_MAX = 3
OPTIONS_MAX = 60
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


@dataclass
class Column:
    """One ballot's ranking: its top 3 (more on a tie) and the rest that got dots."""

    ballot: Ballot
    voters: int
    ranking: list
    top: list
    rest: list


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


def _pks(values) -> set[int]:
    try:
        return {int(v) for v in values}
    except (TypeError, ValueError):
        raise ValidationError(_("Dit verzoek klopt niet. Laad de pagina opnieuw.")) from None


class _SlotTaken(Exception):
    """Another request took the slot (or copy) between counting and inserting."""


def _check_open(activity, attendee):
    if attendee.live_id != activity.live_id:
        raise ValidationError(_("Je doet niet mee aan deze bijeenkomst."))
    if activity.kind != Activity.Kind.VOTE:
        raise ValidationError(_("Hier kun je niet stemmen."))
    if not activity.live.is_open:
        raise ValidationError(_("Deze bijeenkomst is afgelopen."))
    if activity.item_id != activity.live.current_item_id:
        raise ValidationError(_("Dit onderdeel is voorbij. Kijk op het scherm wat er nu gebeurt."))
    if not activity.is_open:
        raise ValidationError(_("Het stemmen is gesloten."))


def _free(activity, attendee, option, ballot, dots, multiple) -> tuple[int, int]:
    """The attendee's lowest free slot on the ballot and next copy number on the option, as counted now."""
    mine = Vote.objects.filter(activity=activity, attendee=attendee, ballot=ballot.name)
    used = set(mine.values_list("slot", flat=True))
    free = [slot for slot in range(dots) if slot not in used]
    if not free:
        raise ValidationError(
            ngettext(
                "Je hebt je stip al gebruikt. Neem hem eerst terug om iets anders te kiezen.",
                "Je hebt al je %(n)d stippen gebruikt. Neem er eerst een terug om iets anders te kiezen.",
                dots,
            )
            % {"n": dots}
        )
    copies = set(mine.filter(option=option).values_list("copy", flat=True))
    if copies and not multiple:
        raise ValidationError(_("Je hebt al een stip op dit idee. Kies een ander idee."))
    # Without "multiple" every dot is copy 0, so a second dot on the option collides in the database.
    return free[0], min(c for c in range(DOTS_MAX + 1) if c not in copies)


def _insert(**fields) -> Vote:
    try:
        with transaction.atomic():  # a savepoint: a collision leaves the outer transaction usable
            return Vote.objects.create(**fields)
    except IntegrityError:
        raise _SlotTaken from None


@transaction.atomic
def vote_cast(*, activity: Activity, attendee, option, ballot: str = "") -> Vote:
    """One dot from `attendee` on option pk `option` in `ballot`. Refused with a Dutch message when the
    option is not this vote's or is hidden, or the attendee has no dots left on this ballot."""
    _check_open(activity, attendee)
    target = next((b for b in ballots(activity) if b.name == (ballot or "").strip()), None)
    if target is None:
        raise ValidationError(_("Deze lijst hoort niet bij deze stemming. Laad de pagina opnieuw."))
    option = str(option)
    chosen = VoteOption.objects.filter(activity=activity, pk=option).first() if option.isdigit() else None
    if chosen is None:
        raise ValidationError(_("Dit idee hoort niet bij deze stemming. Laad de pagina opnieuw."))
    if chosen.hidden:
        raise ValidationError(_("Dit idee doet niet meer mee. Kies een ander idee."))
    config = activity.config or {}
    dots, multiple = _dots(config), bool(config.get("multiple", False))
    for _attempt in range(2):
        try:
            slot, copy = _free(activity, attendee, chosen, target, dots, multiple)
            vote = _insert(
                activity=activity, option=chosen, attendee=attendee, ballot=target.name, slot=slot, copy=copy
            )
            break
        except _SlotTaken:
            continue  # counted again: the other request's dot is there now
    else:
        raise ValidationError(_("Er kwamen twee stemmen tegelijk binnen. Kijk hoeveel stippen je nog hebt."))
    realtime.results_changed(activity.live_id)
    return vote


@transaction.atomic
def vote_withdraw(*, activity: Activity, attendee, vote) -> None:
    """Take one's own dot back. A dot on a hidden option can be taken back too, to use it again."""
    _check_open(activity, attendee)
    deleted, _rows = Vote.objects.filter(activity=activity, attendee=attendee, pk__in=_pks([vote])).delete()
    if not deleted:
        raise ValidationError(_("Deze stip is er niet meer. Laad de pagina opnieuw."))
    realtime.results_changed(activity.live_id)


# ---- services: the console ------------------------------------------------------------------------------


def _changed(activity):
    """Options or settings changed: phones get new buttons, the projector and consoles their new stage."""
    LiveMeeting.objects.filter(pk=activity.live_id).update(version=F("version") + 1)
    realtime.stage_changed(activity.live_id)


def _locked(activity) -> Activity:
    return Activity.objects.select_for_update().get(pk=activity.pk, kind=Activity.Kind.VOTE)


@transaction.atomic
def options_add(*, activity: Activity, notes=(), themes=(), labels=()) -> list[VoteOption]:
    """Options from notes and themes of this live meeting (by pk) and from typed ideas."""
    activity = _locked(activity)
    ids = [_pks(notes), _pks(themes)]
    live = {"activity__live_id": activity.live_id}
    picked_notes = list(Note.objects.filter(**live, hidden=False, pk__in=ids[0]).order_by("created_at", "pk"))
    picked_themes = list(Theme.objects.filter(**live, pk__in=ids[1]))
    if [len(picked_notes), len(picked_themes)] != [len(i) for i in ids]:
        raise ValidationError(
            _("Een gekozen post-it of thema hoort niet bij deze bijeenkomst of is verborgen.")
        )
    typed = [label for label in map(one_line, labels) if label]
    if any(len(label) > LABEL_MAX for label in typed):
        raise ValidationError(_("Een idee mag hoogstens %(max)d tekens hebben.") % {"max": LABEL_MAX})
    existing = list(activity.vote_options.all())
    seen = {o.label.casefold() for o in existing if not o.hidden}
    candidates = (
        [(t.name, None, t) for t in picked_themes if t.pk not in {o.theme_id for o in existing}]
        + [(n.text, n, None) for n in picked_notes if n.pk not in {o.note_id for o in existing}]
        + [(label, None, None) for label in typed]
    )
    new = []
    for label, note, theme in candidates:
        if label.casefold() not in seen:
            seen.add(label.casefold())
            new.append(VoteOption(activity=activity, label=label[:LABEL_MAX], note=note, theme=theme))
    if not new:
        if candidates:
            raise ValidationError(_("Deze ideeën staan al op de lijst."))
        raise ValidationError(_("Kies minstens één post-it of thema, of typ een idee."))
    if sum(1 for o in existing if not o.hidden) + len(new) > OPTIONS_MAX:
        raise ValidationError(_("Een stemming heeft hoogstens %(max)d ideeën.") % {"max": OPTIONS_MAX})
    start = max((o.order for o in existing), default=0) + 1
    for index, option in enumerate(new):
        option.order = start + index
    created = VoteOption.objects.bulk_create(new)
    _changed(activity)
    return created


@transaction.atomic
def option_set_hidden(*, activity: Activity, option, hidden: bool) -> VoteOption:
    """A hidden option's dots stop counting and it takes no new dots; showing it again brings them back."""
    option = VoteOption.objects.filter(activity=activity, pk__in=_pks([option])).first()
    if option is None:
        raise ValidationError(_("Dit idee hoort niet bij deze stemming. Laad de pagina opnieuw."))
    if option.hidden != hidden:
        option.hidden = hidden
        option.save(update_fields=["hidden"])
        _changed(activity)
    return option


@transaction.atomic
def vote_configure(*, activity: Activity, dots, multiple: bool, ballots=()) -> Activity:
    """Set the dots per ballot (1..10), whether one option may take several dots, and the ballots' names.
    Once dots are given, only changes that keep every dot valid are allowed."""
    activity = _locked(activity)
    dots = int(dots) if str(dots).strip().isdigit() else 0
    if not 1 <= dots <= DOTS_MAX:
        raise ValidationError(_("Kies een aantal stippen van 1 tot en met %(max)d.") % {"max": DOTS_MAX})
    names = [name for name in map(one_line, ballots) if name]
    if any(len(name) > BALLOT_MAX for name in names):
        raise ValidationError(_("Een lijstnaam mag hoogstens %(max)d tekens hebben.") % {"max": BALLOT_MAX})
    if len({n.casefold() for n in names}) != len(names):
        raise ValidationError(_("Geef elke lijst een andere naam."))
    if len(names) > BALLOTS_MAX:
        raise ValidationError(_("Gebruik hoogstens %(max)d lijsten.") % {"max": BALLOTS_MAX})
    config = activity.config or {}
    multiple = bool(multiple)
    if Vote.objects.filter(activity=activity).exists() and (
        names != _ballot_names(config) or dots < _dots(config) or (not multiple and config.get("multiple"))
    ):
        raise ValidationError(_("Er is al gestemd. Zet eerst de stemmen op nul om dit te veranderen."))
    activity.config = {**config, "dots": dots, "multiple": multiple, "ballots": names}
    activity.save(update_fields=["config"])
    _changed(activity)
    return activity


@transaction.atomic
def votes_reset(*, activity: Activity) -> None:
    """Every dot goes back to its owner; the options stay."""
    Vote.objects.filter(activity=_locked(activity)).delete()
    _changed(activity)


# ---- actions: what phones and the console post ---------------------------------------------------------


def _give(request, activity, attendee):
    post = request.POST
    vote_cast(
        activity=activity, attendee=attendee, option=post.get("option", ""), ballot=post.get("ballot", "")
    )


def _add(request, activity):
    post = request.POST
    labels = post.get("ideas", "").splitlines()
    options_add(activity=activity, notes=post.getlist("note"), themes=post.getlist("theme"), labels=labels)


def _hide(request, activity):
    option_set_hidden(
        activity=activity, option=request.POST["option"], hidden=request.POST.get("hidden") == "1"
    )


def _configure(request, activity):
    post = request.POST
    ballots = post.get("ballots", "").split(",")
    vote_configure(
        activity=activity, dots=post.get("dots"), multiple=post.get("multiple") == "1", ballots=ballots
    )


register(
    KindSpec(
        kind=Activity.Kind.VOTE,
        phone_template="live/kinds/voting_phone.html",
        projector_template="live/kinds/voting_projector.html",
        console_template="live/kinds/voting_console.html",
        context=context,
        results=results,
        mine_template="live/kinds/voting_mine.html",
        mine_context=mine_context,
        phone_actions={
            "stip": _give,
            "stip-terug": lambda request, activity, attendee: vote_withdraw(
                activity=activity, attendee=attendee, vote=request.POST.get("vote", "")
            ),
        },
        console_actions={
            "opties": _add,
            "verbergen": _hide,
            "instellingen": _configure,
            "wissen": lambda request, activity: votes_reset(activity=activity),
        },
    )
)
