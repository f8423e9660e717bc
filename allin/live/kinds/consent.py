"""Consent check ("check op gedeeldheid"): can everyone live with these themes? Each attendee answers ja,
ja met een zorg, or nee; the last two need a reason: what do you need to be able to go along? One answer per
attendee (a database constraint), which they may change. The projector shows the counts and the reasons, never
names."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from allin.core.text import one_line

from .. import events
from ..activity_models import REASON_MAX, ConsentAnswer
from ..models import Activity, Theme
from ..registry import KindSpec, register

Answer = ConsentAnswer.Answer
# Werk aan Netwerk: the room picks 2 or 3 spearheads from the themes, then checks consent on exactly those.
SPEARHEADS_MIN, SPEARHEADS_MAX = 2, 3


def asks_spearheads(activity) -> bool:
    return bool((activity.config or {}).get("spearheads"))


def spearheads(activity) -> list[str]:
    """The names of the spearheads chosen for this check, as they were when chosen."""
    return [s["name"] for s in (activity.config or {}).get("spearhead_themes") or []]


def meeting_themes(activity):
    return (
        Theme.objects.filter(activity__live_id=activity.live_id)
        .select_related("activity__item")
        .order_by("activity__item__order", "order", "pk")
    )


@dataclass
class Tally:
    answer: str
    label: str
    count: int
    reasons: list


@dataclass
class ConsentState:
    tallies: list  # ja, zorg, nee: always all three, in that order
    total: int

    @property
    def with_reasons(self):
        return [t for t in self.tallies if t.reasons]

    @property
    def everyone_agrees(self):
        return self.total > 0 and self.tallies[0].count == self.total


def state(activity) -> ConsentState:
    rows = activity.consent_answers.order_by("updated_at", "pk").values_list("answer", "reason")
    tallies = {value: Tally(value, label, 0, []) for value, label in Answer.choices}
    for answer, reason in rows:
        tally = tallies.get(answer)
        if tally is not None:
            tally.count += 1
            if reason and answer != Answer.YES:
                tally.reasons.append(reason)
    return ConsentState(list(tallies.values()), sum(t.count for t in tallies.values()))


def context(activity) -> dict:
    # Read only when a template looks at it: phones do not, so their refreshes cost no query here.
    return {
        "consent": SimpleLazyObject(lambda: state(activity)),
        "consent_asks_spearheads": asks_spearheads(activity),
        "consent_spearheads": spearheads(activity),
        "consent_spearhead_form": lambda: SpearheadsForm(activity=activity),
    }


def mine_context(activity, attendee) -> dict:
    return {
        "my_consent": ConsentAnswer.objects.filter(activity=activity, attendee=attendee).first(),
        "consent_choices": Answer.choices,
        "reason_max": REASON_MAX,
    }


def results(activity) -> dict:
    current = state(activity)
    if not current.total:
        return {"title": activity.prompt, "lines": []}
    lines = [f"{t.label}: {t.count}" for t in current.tallies]
    for tally in current.with_reasons:
        lines += [f"{tally.label}: {reason}" for reason in tally.reasons]
    return {"title": activity.prompt, "lines": lines}


# ---- writing ----------------------------------------------------------------------------------------


def _check_can_answer(activity, attendee):
    if activity.kind != Activity.Kind.CONSENT:
        raise ValidationError(_("Deze vraag hoort bij iets anders."))
    if attendee.live_id != activity.live_id:
        raise ValidationError(_("Je doet niet mee aan deze bijeenkomst."))
    live = activity.live
    if not live.is_open:
        raise ValidationError(_("Deze bijeenkomst is afgelopen."))
    if activity.item_id != live.current_item_id:
        raise ValidationError(_("Dit onderdeel is voorbij. Kijk op het scherm wat er nu gebeurt."))
    if not activity.is_open:
        raise ValidationError(_("Insturen is gesloten."))
    if asks_spearheads(activity) and not spearheads(activity):
        raise ValidationError(_("De begeleider kiest eerst de speerpunten. Daarna kun je antwoorden."))


@transaction.atomic
def consent_answer(*, activity, attendee, answer, reason="") -> ConsentAnswer:
    """Store (or change) this attendee's answer."""
    answer = (answer or "").strip()
    if answer not in Answer.values:
        raise ValidationError(_("Kies ja, ja met een zorg, of nee."))
    reason = one_line(reason)
    if answer == Answer.YES:
        reason = ""  # the question for a reason is only asked with a concern or a no
    elif not reason:
        raise ValidationError(
            _("Schrijf op wat je nodig hebt om mee te kunnen gaan. Dat is nodig bij een zorg of bij nee.")
        )
    if len(reason) > REASON_MAX:
        raise ValidationError(_("Je uitleg mag hoogstens %(max)d tekens hebben.") % {"max": REASON_MAX})
    _check_can_answer(activity, attendee)
    row = ConsentAnswer.objects.select_for_update().filter(activity=activity, attendee=attendee).first()
    if row is None:
        try:
            with transaction.atomic():
                row = ConsentAnswer.objects.create(
                    activity=activity, attendee=attendee, answer=answer, reason=reason
                )
        except IntegrityError:  # a second request from the same phone made the row first
            row = ConsentAnswer.objects.select_for_update().get(activity=activity, attendee=attendee)
    if (row.answer, row.reason) != (answer, reason):
        row.answer, row.reason = answer, reason
        row.save(update_fields=["answer", "reason", "updated_at"])
    events.results_changed(activity.live_id)
    return row


@transaction.atomic
def consent_clear(*, activity) -> int:
    """Start over (after the themes were changed): every answer goes. Returns how many there were."""
    if activity.kind != Activity.Kind.CONSENT:
        raise ValidationError(_("Deze vraag hoort bij iets anders."))
    deleted, _rows = ConsentAnswer.objects.filter(activity=activity).delete()
    events.results_changed(activity.live_id)
    events.phones_refresh(activity.live_id)  # every phone's own answer is gone
    return deleted


@transaction.atomic
def consent_spearheads_set(*, activity, theme_ids) -> list[str]:
    """The explicit step before the check: 2 or 3 themes of this meeting become the spearheads it asks about.
    Answers given about other spearheads no longer count, so a change starts the check over."""
    if activity.kind != Activity.Kind.CONSENT or not asks_spearheads(activity):
        raise ValidationError(_("Bij deze vraag kies je geen speerpunten."))
    ids = list(dict.fromkeys(int(pk) for pk in theme_ids))
    themes = list(meeting_themes(activity).filter(pk__in=ids))
    if len(themes) != len(ids):
        raise ValidationError(_("Kies thema's van deze bijeenkomst."))
    if not SPEARHEADS_MIN <= len(themes) <= SPEARHEADS_MAX:
        raise ValidationError(
            _("Kies %(min)d of %(max)d speerpunten (nu %(n)d).")
            % {"min": SPEARHEADS_MIN, "max": SPEARHEADS_MAX, "n": len(themes)}
        )
    chosen = [{"id": t.pk, "name": t.name} for t in themes]
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if (activity.config or {}).get("spearhead_themes") != chosen:
        activity.config = {**(activity.config or {}), "spearhead_themes": chosen}
        activity.save(update_fields=["config"])
        ConsentAnswer.objects.filter(activity=activity).delete()
        events.stage_changed(activity.live_id)
        events.phones_refresh(activity.live_id)
    return [t["name"] for t in chosen]


# ---- forms and actions: every POST through a form -------------------------------------------------------


class ConsentForm(forms.Form):
    answer = forms.ChoiceField(
        choices=Answer.choices,
        error_messages={
            "required": _("Kies ja, ja met een zorg, of nee."),
            "invalid_choice": _("Kies ja, ja met een zorg, of nee."),
        },
    )
    # Only stops absurd input; the service counts the characters after folding white space.
    reason = forms.CharField(required=False, max_length=REASON_MAX * 4, strip=False)


class SpearheadsForm(forms.Form):
    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = {s["id"] for s in (activity.config or {}).get("spearhead_themes") or []}
        self.fields["themes"] = forms.TypedMultipleChoiceField(
            label=_("Kies 2 of 3 speerpunten"),
            choices=[(t.pk, t.name) for t in meeting_themes(activity)],
            coerce=int,
            initial=list(chosen),
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "required": _("Kies 2 of 3 speerpunten."),
                "invalid_choice": _("Kies thema's van deze bijeenkomst."),
            },
        )


def _valid(form):
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    return form.cleaned_data


def _answer(request, activity, attendee):
    data = _valid(ConsentForm(request.POST))
    consent_answer(activity=activity, attendee=attendee, answer=data["answer"], reason=data["reason"])


def _spearheads(request, activity):
    data = _valid(SpearheadsForm(request.POST, activity=activity))
    consent_spearheads_set(activity=activity, theme_ids=data["themes"])


def _clear(request, activity):
    consent_clear(activity=activity)


register(
    KindSpec(
        kind="consent",
        phone_template="live/kinds/consent_phone.html",
        projector_template="live/kinds/consent_projector.html",
        console_template="live/kinds/consent_console.html",
        context=context,
        results=results,
        mine_template="live/kinds/consent_mine.html",
        mine_context=mine_context,
        phone_actions={"answer": _answer},
        console_actions={"clear": _clear, "spearheads": _spearheads},
    )
)
