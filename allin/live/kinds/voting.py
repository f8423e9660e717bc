"""Dot voting ("stemmen"): each attendee has N dots per ballot for options the facilitator picks from the
meeting's notes and themes or types in. The dot limit and the one-per-option rule hold in the database: a dot
takes the attendee's lowest free `slot` (0..dots-1) on its ballot and a `copy` number on its option, and the
unique constraints on Vote refuse a second row for either, so two taps at once can never exceed the limit.
Results stay off the projector until the facilitator reveals them."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from allin.core.text import one_line

from .. import events, guards, posted
from ..activity_models import DOTS_MAX, Vote, VoteOption
from ..models import Activity, Note, Theme
from ..notes import clean_client_id
from ..registry import KindSpec, register
from .voting_state import (  # noqa: F401  (the state is part of this kind's interface)
    BALLOT_MAX,
    BALLOTS_MAX,
    DOTS_DEFAULT,
    TOP,
    Ballot,
    VoteState,
    _ballot_names,
    _dots,
    ballots,
    context,
    mine_context,
    results,
)

LABEL_MAX = 280
OPTIONS_MAX = 60


def _pks(values) -> set[int]:
    try:
        return {int(v) for v in values}
    except (TypeError, ValueError):
        raise ValidationError(_("Dit verzoek klopt niet. Laad de pagina opnieuw.")) from None


class _SlotTaken(Exception):
    """Another request took the slot (or copy) between counting and inserting."""


def _check_open(activity, attendee):
    if activity.kind != Activity.Kind.VOTE:
        raise ValidationError(_("Hier kun je niet stemmen."))
    guards.phone_may_send(activity, attendee, closed=_("Het stemmen is gesloten."))


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


def _earlier(activity, attendee, client_id) -> Vote | None:
    """The dot this tap already made: a phone resends a dot whose answer it never got with the same key."""
    if client_id is None:
        return None
    dot = Vote.objects.filter(activity=activity, client_id=client_id).first()
    if dot is not None and dot.attendee_id != attendee.pk:
        raise ValidationError(_("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw."))
    return dot


@transaction.atomic
def vote_cast(*, activity: Activity, attendee, option, ballot: str = "", client_id=None) -> Vote:
    """One dot from `attendee` on option pk `option` in `ballot`. Refused with a Dutch message when the
    option is not this vote's or is hidden, or the attendee has no dots left on this ballot. With a
    `client_id` the same tap sent again (a resend, a double tap) finds its dot and adds none."""
    client_id = clean_client_id(client_id) if client_id else None
    if (dot := _earlier(activity, attendee, client_id)) is not None:
        return dot
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
                activity=activity,
                option=chosen,
                attendee=attendee,
                ballot=target.name,
                slot=slot,
                copy=copy,
                client_id=client_id,
            )
            break
        except _SlotTaken:
            # Counted again: the other request's dot is there now, or it was this very tap sent twice at once.
            if (dot := _earlier(activity, attendee, client_id)) is not None:
                return dot
            continue
    else:
        raise ValidationError(_("Er kwamen twee stemmen tegelijk binnen. Kijk hoeveel stippen je nog hebt."))
    events.results_changed(activity.live_id)
    return vote


@transaction.atomic
def vote_withdraw(*, activity: Activity, attendee, vote) -> None:
    """Take one's own dot back. A dot on a hidden option can be taken back too, to use it again."""
    _check_open(activity, attendee)
    deleted, _rows = Vote.objects.filter(activity=activity, attendee=attendee, pk__in=_pks([vote])).delete()
    if not deleted:
        raise ValidationError(_("Deze stip is er niet meer. Laad de pagina opnieuw."))
    events.results_changed(activity.live_id)


# ---- services: the console ------------------------------------------------------------------------------


def _changed(activity):
    """Options or settings changed: phones get new buttons, the projector and consoles their new stage."""
    events.stage_changed(activity.live_id)


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


NOT_THIS_VOTE = gettext_lazy("Dit idee hoort niet bij deze stemming. Laad de pagina opnieuw.")


class DotForm(forms.Form):
    option = posted.Id(message=NOT_THIS_VOTE)
    ballot = posted.Text(
        BALLOT_MAX, too_long=gettext_lazy("Een lijstnaam mag hoogstens %(max)d tekens hebben.")
    )
    client_id = posted.ClientId()


class WithdrawForm(forms.Form):
    gone = gettext_lazy("Deze stip is er niet meer. Laad de pagina opnieuw.")
    vote = posted.Id(message=gone)


class OptionsForm(forms.Form):
    note = posted.Ids()
    theme = posted.Ids()
    ideas = posted.Text(
        LABEL_MAX * OPTIONS_MAX, too_long=gettext_lazy("Een idee mag hoogstens %(max)d tekens hebben.")
    )


class HideForm(forms.Form):
    option = posted.Id(message=NOT_THIS_VOTE)
    hidden = posted.Flag(empty=False)


FEW_DOTS = posted.message(gettext_lazy("Kies een aantal stippen van 1 tot en met %(max)d."), max=DOTS_MAX)


class ConfigureForm(forms.Form):
    dots = forms.IntegerField(error_messages={"required": FEW_DOTS, "invalid": FEW_DOTS})
    multiple = posted.Flag(empty=False)
    ballots = posted.Text((BALLOT_MAX + 1) * BALLOTS_MAX)


def _give(request, activity, attendee):
    vote_cast(activity=activity, attendee=attendee, **posted.read(DotForm, request))


def _withdraw(request, activity, attendee):
    """A dot already taken back is taken back: the phone's outbox resends a take-back whose answer it never
    got, and hears its dots, not a refusal. (The service itself still refuses a dot that is not there.)"""
    data = posted.read(WithdrawForm, request)
    _check_open(activity, attendee)
    if Vote.objects.filter(activity=activity, attendee=attendee, pk=data["vote"]).exists():
        vote_withdraw(activity=activity, attendee=attendee, **data)


def _add(request, activity):
    data = posted.read(OptionsForm, request)
    options_add(
        activity=activity, notes=data["note"], themes=data["theme"], labels=data["ideas"].splitlines()
    )


def _hide(request, activity):
    option_set_hidden(activity=activity, **posted.read(HideForm, request))


def _configure(request, activity):
    data = posted.read(ConfigureForm, request)
    vote_configure(
        activity=activity, dots=data["dots"], multiple=data["multiple"], ballots=data["ballots"].split(",")
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
            "stip-terug": _withdraw,
        },
        console_actions={
            "opties": _add,
            "verbergen": _hide,
            "instellingen": _configure,
            "wissen": lambda request, activity: votes_reset(activity=activity),
        },
    )
)
