"""Future dream (Werk aan Netwerk): everyone writes their dream for the year the facilitator sets, and may
choose a photo card. Then the facilitator lets the dreams be told one by one; while one is told, the others
answer the method's two questions about it on notes tied to that dream.

Names: the projector never shows whose dream it is (a Dream has no "show my name" choice, and the person is
telling it in the room anyway); the facilitator's console shows the name the attendee joined with, so the
facilitator can call on them. Without photo cards the activity runs with words only."""

import functools
import re
import unicodedata
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import events, notes, photo_cards
from ..activity_models import DREAM_MAX, Dream
from ..models import Activity, Attendee, Note
from ..registry import KindSpec, register

KIND = Activity.Kind.FUTURE_DREAM.value
DEFAULT_YEAR = 2030
YEAR_MIN, YEAR_MAX = 2020, 2100
# The method's two questions for those who listen.
DEFAULT_QUESTIONS = ["Waar word je enthousiast van?", "Welk aspect verrast je?"]
# After each dream, two listeners read their answers out (the method): the facilitator picks them.
READ_OUT = 2


def year_of(activity) -> int:
    year = activity.config.get("year") if isinstance(activity.config, dict) else None
    return year if isinstance(year, int) and YEAR_MIN <= year <= YEAR_MAX else DEFAULT_YEAR


def presenting_id(activity):
    value = activity.config.get("presenting") if isinstance(activity.config, dict) else None
    return value if isinstance(value, int) else None


def questions(activity) -> list[str]:
    return list(activity.categories) or DEFAULT_QUESTIONS


def clean_dream(text) -> str:
    """A few paragraphs: control characters out, spaces folded per line, at most one empty line in a row."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc")
    text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    if not text:
        raise ValidationError(_("Schrijf eerst je droom op."))
    if len(text) > DREAM_MAX:
        raise ValidationError(_("Je droom mag hoogstens %(max)d tekens hebben.") % {"max": DREAM_MAX})
    return text


def _check_phone(activity, attendee):
    if activity.kind != KIND:
        raise ValidationError(_("Dit onderdeel is geen toekomstdroom."))
    if attendee.live_id != activity.live_id:
        raise ValidationError(_("Je doet niet mee aan deze bijeenkomst."))
    if not activity.live.is_open:
        raise ValidationError(_("Deze bijeenkomst is afgelopen."))
    if activity.item_id != activity.live.current_item_id:
        raise ValidationError(_("Dit onderdeel is voorbij. Kijk op het scherm wat er nu gebeurt."))
    if not activity.is_open:
        raise ValidationError(_("Insturen is nu gesloten. Kijk mee op het grote scherm."))


# ---- the phones -------------------------------------------------------------------------------------------


@transaction.atomic
def dream_save(*, activity: Activity, attendee: Attendee, text: str, photo_id=None) -> Dream:
    """Write or rewrite your dream (one per attendee), with a photo card of this workspace or none."""
    _check_phone(activity, attendee)
    text = clean_dream(text)
    photo = None
    if photo_id not in (None, ""):
        photo = photo_cards.for_live(activity.live, photo_id)
        if photo is None:
            raise ValidationError(_("Deze fotokaart bestaat niet (meer). Kies een andere foto."))
    Attendee.objects.select_for_update().filter(pk=attendee.pk).first()
    dream, _created = Dream.objects.update_or_create(
        activity=activity, attendee=attendee, defaults={"text": text, "photo": photo}
    )
    if dream.pk == presenting_id(activity):
        events.stage_changed(activity.live_id)  # phones show the dream being told, too
    else:
        events.results_changed(activity.live_id)
    return dream


@transaction.atomic
def reaction_create(
    *, activity: Activity, attendee: Attendee, dream_id, text: str, category: str, client_id
) -> tuple[Note, bool]:
    """A note on the dream being told, answering one of the two questions. Same client_id, same note."""

    def check():
        _check_phone(activity, attendee)
        current = presenting_id(activity)
        if current is None or str(dream_id) != str(current):
            raise ValidationError(
                _("Deze droom wordt nu niet verteld. Kijk op het scherm welke droom aan de beurt is.")
            )
        dream = Dream.objects.filter(activity=activity, pk=current).first()
        if dream is None:
            raise ValidationError(
                _("Deze droom wordt nu niet verteld. Kijk op het scherm welke droom aan de beurt is.")
            )
        if dream.attendee_id == attendee.pk:
            raise ValidationError(_("Dit is je eigen droom. De anderen reageren erop."))
        if category not in questions(activity):
            raise ValidationError(_("Kies bij welke vraag je antwoord hoort."))
        return {"category": category, "dream": dream}

    note, created = notes.note_create(
        activity=activity, attendee=attendee, text=text, client_id=client_id, rules=check
    )
    if created:
        events.results_changed(activity.live_id)
        # The teller's phone shows the answers on their dream as they come in.
        events.attendee_changed(activity.live_id, note.dream.attendee_id)
    return note, created


def picked_ids(activity, dream_id) -> list[int]:
    return list(((activity.config or {}).get("read_out") or {}).get(str(dream_id), []))


@transaction.atomic
def reaction_pick(*, activity: Activity, note_id, picked: bool = True) -> list[int]:
    """Pick (or unpick) an answer on a dream to be read out; at most two per dream, as the method asks."""
    fresh = _locked(activity)
    note = (
        Note.objects.filter(activity=fresh, dream__isnull=False, hidden=False, pk=note_id).first()
        if str(note_id).isdigit()
        else None
    )
    if note is None:
        raise ValidationError(_("Deze reactie hoort niet bij een droom van dit onderdeel."))
    chosen = picked_ids(fresh, note.dream_id)
    if picked and note.pk not in chosen:
        if len(chosen) >= READ_OUT:
            raise ValidationError(
                _("Er zijn al %(n)d reacties gekozen om voor te lezen. Haal er eerst een weg.")
                % {"n": READ_OUT}
            )
        chosen.append(note.pk)
    elif not picked and note.pk in chosen:
        chosen.remove(note.pk)
    else:
        return chosen
    read_out = dict((fresh.config or {}).get("read_out") or {})
    read_out[str(note.dream_id)] = chosen
    fresh.config = {**fresh.config, "read_out": read_out}
    fresh.save(update_fields=["config"])
    events.stage_changed(fresh.live_id)
    events.attendee_changed(fresh.live_id, note.dream.attendee_id)
    return chosen


# ---- the facilitator --------------------------------------------------------------------------------------


def _locked(activity) -> Activity:
    """The activity as stored, locked: config changes never overwrite one another."""
    if activity.kind != KIND:
        raise ValidationError(_("Dit onderdeel is geen toekomstdroom."))
    return Activity.objects.select_for_update().get(pk=activity.pk)


@transaction.atomic
def year_set(*, activity: Activity, year) -> Activity:
    """The year the dreams are about. A prompt that names the old year names the new one."""
    try:
        year = int(str(year).strip())
    except ValueError:
        year = 0
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValidationError(
            _("Kies een jaartal van %(min)d tot en met %(max)d.") % {"min": YEAR_MIN, "max": YEAR_MAX}
        )
    fresh = _locked(activity)
    old = year_of(fresh)
    fresh.config = {**fresh.config, "year": year}
    fresh.prompt = re.sub(rf"\b{old}\b", str(year), fresh.prompt)
    fresh.save(update_fields=["config", "prompt"])
    events.stage_changed(fresh.live_id)
    return fresh


@transaction.atomic
def present_set(*, activity: Activity, dream_id=None) -> Activity:
    """Whose dream is told now (phones then answer the two questions about it), or nobody's."""
    fresh = _locked(activity)
    config = dict(fresh.config)
    if dream_id in (None, ""):
        config.pop("presenting", None)
    else:
        dream = Dream.objects.filter(activity=fresh, pk=dream_id).first() if str(dream_id).isdigit() else None
        if dream is None:
            raise ValidationError(_("Deze droom hoort niet bij dit onderdeel."))
        config["presenting"] = dream.pk
    fresh.config = config
    fresh.save(update_fields=["config"])
    events.stage_changed(fresh.live_id)
    return fresh


# ---- what the screens show --------------------------------------------------------------------------------


@dataclass
class Bucket:
    question: str
    all_notes: list = field(default_factory=list)

    @property
    def notes(self):
        return [n for n in self.all_notes if not n.hidden]


def context(activity) -> dict:
    dreams = list(activity.dreams.select_related("photo", "attendee").order_by("pk"))
    current = presenting_id(activity)
    presenting = next((d for d in dreams if d.pk == current), None)
    reactions = list(activity.notes.filter(dream__isnull=False).order_by("created_at", "pk"))
    counts = Counter(n.dream_id for n in reactions if not n.hidden)
    for dream in dreams:
        dream.reaction_count = counts[dream.pk]
    buckets = [Bucket(q) for q in questions(activity)]
    picked = set(picked_ids(activity, presenting.pk)) if presenting is not None else set()
    for note in reactions:
        note.picked = note.pk in picked
    if presenting is not None:
        index = {b.question: b for b in buckets}
        for note in reactions:
            if note.dream_id == presenting.pk:
                index.get(note.category, buckets[-1]).all_notes.append(note)
    return {
        "dr_year": year_of(activity),
        "dr_dreams": dreams,
        "dr_presenting": presenting,
        "dr_buckets": buckets,
        "dr_reaction_count": sum(len(b.notes) for b in buckets),
        "dr_read_out": [n for n in reactions if n.picked and not n.hidden],
        "dr_read_out_max": READ_OUT,
        "dr_year_min": YEAR_MIN,
        "dr_year_max": YEAR_MAX,
        # Only the console shows it; templates call it when they use it.
        "dr_photo_count": functools.partial(photo_cards.count_of_live, activity.live_id),
    }


def mine_context(activity, attendee) -> dict:
    dream = Dream.objects.select_related("photo").filter(activity=activity, attendee=attendee).first()
    current = presenting_id(activity)
    mine = {
        "dr_mine": dream,
        "dr_year": year_of(activity),
        "dr_cards": photo_cards.of_live(activity.live_id),
        "dr_questions": questions(activity),
        "dr_current": current,
        "dr_telling": dream is not None and dream.pk == current,
        "dr_my_reactions": [],
        "client_id": uuid.uuid4(),
    }
    if mine["dr_telling"]:
        picked = set(picked_ids(activity, current))
        answers = list(
            Note.objects.filter(activity=activity, dream_id=current, hidden=False).order_by(
                "created_at", "pk"
            )
        )
        for note in answers:
            note.picked = note.pk in picked
        mine["dr_for_me"] = [(q, [n for n in answers if n.category == q]) for q in questions(activity)]
    if current is not None and not mine["dr_telling"]:
        mine["dr_my_reactions"] = list(
            Note.objects.filter(
                activity=activity, attendee=attendee, dream_id=current, hidden=False
            ).order_by("-created_at", "-pk")
        )
    return mine


def results(activity) -> dict:
    """The dreams, then how many reactions each question had and, when they were clustered, per theme."""
    dreams = list(activity.dreams.select_related("photo").order_by("pk"))
    reactions = list(activity.notes.filter(dream__isnull=False, hidden=False).select_related("theme"))
    year = year_of(activity)
    lines = []
    for dream in dreams:
        text = dream.text.replace("\n", " ")
        if dream.photo_id:
            text += " " + _("(foto: %(alt)s)") % {"alt": dream.photo.alt_text}
        lines.append(_("Droom voor %(year)d: %(text)s") % {"year": year, "text": text})
    per_question = Counter(n.category for n in reactions)
    for question in questions(activity):
        if per_question[question]:
            lines.append(
                _("%(question)s: %(n)d reacties") % {"question": question, "n": per_question[question]}
            )
    for theme, n in Counter(r.theme.name for r in reactions if r.theme_id).most_common():
        lines.append(_("Thema %(theme)s: %(n)d reacties") % {"theme": theme, "n": n})
    return {"title": activity.prompt, "lines": lines}


# ---- the routes' handlers ---------------------------------------------------------------------------------


class DreamForm(forms.Form):
    # Only stops absurd input; the service counts the characters after folding white space.
    text = forms.CharField(required=False, max_length=DREAM_MAX * 4, strip=False)
    photo = forms.CharField(required=False, max_length=20)


class ReactionForm(forms.Form):
    dream = forms.CharField(required=False, max_length=20)
    text = forms.CharField(required=False, max_length=4000, strip=False)
    category = forms.CharField(required=False, max_length=200)
    client_id = forms.CharField(required=False, max_length=100)


class ConsoleForm(forms.Form):
    year = forms.CharField(required=False, max_length=10)
    dream = forms.CharField(required=False, max_length=20)
    note = forms.CharField(required=False, max_length=20)
    picked = forms.TypedChoiceField(
        choices=[("0", "0"), ("1", "1")], coerce=lambda v: v == "1", required=False, empty_value=True
    )


def _data(form):
    if not form.is_valid():
        raise ValidationError(_("Dit verzoek klopt niet. Laad de pagina opnieuw."))
    return form.cleaned_data


def _dream(request, activity, attendee):
    data = _data(DreamForm(request.POST))
    dream_save(activity=activity, attendee=attendee, text=data["text"], photo_id=data["photo"] or None)


def _react(request, activity, attendee):
    data = _data(ReactionForm(request.POST))
    reaction_create(
        activity=activity,
        attendee=attendee,
        dream_id=data["dream"],
        text=data["text"],
        category=data["category"],
        client_id=data["client_id"] or None,
    )


def _console_year(request, activity):
    year_set(activity=activity, year=_data(ConsoleForm(request.POST))["year"])


def _console_present(request, activity):
    present_set(activity=activity, dream_id=_data(ConsoleForm(request.POST))["dream"])


def _console_pick(request, activity):
    data = _data(ConsoleForm(request.POST))
    reaction_pick(activity=activity, note_id=data["note"], picked=data["picked"])


register(
    KindSpec(
        kind=KIND,
        phone_template="live/kinds/dreams_phone.html",
        projector_template="live/kinds/dreams_projector.html",
        console_template="live/kinds/dreams_console.html",
        mine_template="live/kinds/dreams_mine.html",
        context=context,
        mine_context=mine_context,
        results=results,
        phone_actions={"dream": _dream, "react": _react},
        console_actions={"year": _console_year, "present": _console_present, "pick": _console_pick},
    )
)
