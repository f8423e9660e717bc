"""Commitment round ("wat neem je hier uit mee?"): each attendee answers the closing questions (what do I take
away personally, for my organisation, and what will my organisation do) and chooses whether the answers may be
shown on the screen. The facilitator shows the shared ones one by one (next / previous); the one on the screen
is kept in activity.config["showing"]. Commitments are always shown without a name, and one that is not shared
never reaches the projector, the console or the report."""

from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allin.core.text import one_line

from .. import events, guards, posted
from ..activity_models import COMMITMENT_MAX, Commitment
from ..models import Activity
from ..registry import KindSpec, register

FIELDS = ("personal", "organisation", "action")


def questions(activity) -> list[str]:
    """The three questions: the method's own wording where it gives one, else the Werk aan Netwerk wording."""
    defaults = [
        _("Wat neem je hier persoonlijk uit mee?"),
        _("Wat neem je mee voor je organisatie?"),
        _("Wat gaat jouw organisatie de komende tijd doen om deze doelen te bereiken?"),
    ]
    given = (activity.config or {}).get("questions")
    if isinstance(given, list | tuple):
        for index, text in enumerate(given[: len(defaults)]):
            text = one_line(text)[:200]
            if text:
                defaults[index] = text
    return defaults


class Round:
    """What the stage shows of a commitment round, read lazily (phones do not need it)."""

    def __init__(self, activity):
        self.activity = activity

    @cached_property
    def questions(self):
        return questions(self.activity)

    @cached_property
    def shared(self) -> list:
        return list(self.activity.commitments.filter(share=True).order_by("pk"))

    @cached_property
    def total(self) -> int:
        return self.activity.commitments.count()

    @property
    def private_count(self) -> int:
        return self.total - len(self.shared)

    @cached_property
    def showing(self):
        """The shared commitment on the screen, or None."""
        showing = (self.activity.config or {}).get("showing")
        return next((c for c in self.shared if c.pk == showing), None)

    @property
    def position(self) -> int:
        return self.shared.index(self.showing) + 1 if self.showing else 0

    @property
    def showing_size(self) -> str:
        """A smaller type on the projector for a long commitment, so that it fits the screen."""
        length = sum(len(answer) for _q, answer in self.showing_answers)
        return "is-short" if length <= 200 else "is-medium" if length <= 600 else "is-long"

    @property
    def showing_answers(self) -> list[tuple[str, str]]:
        """(question, answer) of the commitment on the screen, the empty answers left out."""
        if self.showing is None:
            return []
        pairs = zip(self.questions, (getattr(self.showing, f) for f in FIELDS), strict=True)
        return [(q, a) for q, a in pairs if a]


def context(activity) -> dict:
    return {"commitments": Round(activity)}


def mine_context(activity, attendee) -> dict:
    return {
        "my_commitment": Commitment.objects.filter(activity=activity, attendee=attendee).first(),
        "commitment_questions": questions(activity),
        "commitment_max": COMMITMENT_MAX,
    }


def results(activity) -> dict:
    lines = []
    for commitment in Round(activity).shared:
        lines.append(" · ".join(text for text in (getattr(commitment, f) for f in FIELDS) if text))
    return {"title": activity.prompt, "lines": lines}


# ---- writing ----------------------------------------------------------------------------------------


def _check_kind(activity):
    if activity.kind != Activity.Kind.COMMITMENT:
        raise ValidationError(_("Deze vraag hoort bij iets anders."))


def _check_can_answer(activity, attendee):
    _check_kind(activity)
    guards.phone_may_send(activity, attendee)


def _clean(value):
    text = one_line(value)
    if len(text) > COMMITMENT_MAX:
        raise ValidationError(
            _("Een antwoord mag hoogstens %(max)d tekens hebben.") % {"max": COMMITMENT_MAX}
        )
    return text


@transaction.atomic
def commitment_save(*, activity, attendee, personal, organisation="", action="", share=False) -> Commitment:
    """Store (or change) this attendee's answers. The first question must be answered."""
    values = {"personal": _clean(personal), "organisation": _clean(organisation), "action": _clean(action)}
    if not values["personal"]:
        raise ValidationError(_("Vul in wat je hier persoonlijk uit meeneemt."))
    values["share"] = bool(share)
    _check_can_answer(activity, attendee)
    row = Commitment.objects.select_for_update().filter(activity=activity, attendee=attendee).first()
    if row is None:
        try:
            with transaction.atomic():
                row = Commitment.objects.create(activity=activity, attendee=attendee, **values)
        except IntegrityError:  # a second request from the same phone made the row first
            row = Commitment.objects.select_for_update().get(activity=activity, attendee=attendee)
    if any(getattr(row, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(row, name, value)
        row.save(update_fields=[*values, "updated_at"])
    events.results_changed(activity.live_id)
    return row


def _set_showing(activity, commitment_id):
    config = dict(activity.config or {})
    if commitment_id is None:
        config.pop("showing", None)
    else:
        config["showing"] = commitment_id
    Activity.objects.filter(pk=activity.pk).update(config=config)
    activity.config = config
    events.results_changed(activity.live_id)


def _locked(activity):
    _check_kind(activity)
    return Activity.objects.select_for_update().get(pk=activity.pk)


@transaction.atomic
def commitment_show(*, activity, commitment=None) -> Commitment | None:
    """Put one shared commitment on the screen, or none."""
    fresh = _locked(activity)
    if commitment is not None:
        commitment = Commitment.objects.filter(activity=fresh, pk=commitment, share=True).first()
        if commitment is None:
            raise ValidationError(_("Dit antwoord is niet gedeeld, of bestaat niet meer."))
    _set_showing(fresh, commitment.pk if commitment else None)
    activity.config = fresh.config
    return commitment


@transaction.atomic
def commitment_step(*, activity, offset: int) -> Commitment:
    """The next (offset 1) or previous (offset -1) shared commitment on the screen."""
    fresh = _locked(activity)
    shared = fresh.commitments.filter(share=True)
    showing = (fresh.config or {}).get("showing")
    if not isinstance(showing, int):
        target = shared.order_by("pk").first() if offset > 0 else shared.order_by("pk").last()
    elif offset > 0:
        target = shared.filter(pk__gt=showing).order_by("pk").first()
    else:
        target = shared.filter(pk__lt=showing).order_by("pk").last()
    if target is None:
        if not shared.exists():
            raise ValidationError(_("Nog niemand heeft zijn antwoorden gedeeld."))
        raise ValidationError(_("Er is geen antwoord meer in die richting."))
    _set_showing(fresh, target.pk)
    activity.config = fresh.config
    return target


# ---- actions ----------------------------------------------------------------------------------------


TOO_LONG = gettext_lazy("Een antwoord mag hoogstens %(max)d tekens hebben.")


class AnswerForm(forms.Form):
    personal = posted.Text(COMMITMENT_MAX, too_long=TOO_LONG)
    organisation = posted.Text(COMMITMENT_MAX, too_long=TOO_LONG)
    # Posted as "plan": a field named "action" would hide the form's own action from scripts.
    plan = posted.Text(COMMITMENT_MAX, too_long=TOO_LONG)
    share = posted.Flag(empty=False)


class ShowForm(forms.Form):
    commitment = posted.Id()


def _answer(request, activity, attendee):
    data = posted.read(AnswerForm, request)
    commitment_save(
        activity=activity,
        attendee=attendee,
        personal=data["personal"],
        organisation=data["organisation"],
        action=data["plan"],
        share=data["share"],
    )


def _next(request, activity):
    commitment_step(activity=activity, offset=1)


def _previous(request, activity):
    commitment_step(activity=activity, offset=-1)


def _show(request, activity):
    commitment_show(activity=activity, **posted.read(ShowForm, request))


def _stop(request, activity):
    commitment_show(activity=activity, commitment=None)


register(
    KindSpec(
        kind="commitment",
        phone_template="live/kinds/commitment_phone.html",
        projector_template="live/kinds/commitment_projector.html",
        console_template="live/kinds/commitment_console.html",
        context=context,
        results=results,
        mine_template="live/kinds/commitment_mine.html",
        mine_context=mine_context,
        phone_actions={"answer": _answer},
        console_actions={"next": _next, "previous": _previous, "show": _show, "stop": _stop},
    )
)
