"""Findings ("zoektocht naar hulp", ALL-IN phase A): groups of youth search for help with money worries and
debts, and enter on their phones, for their group, the words they searched with, the organisations they found
(how, and a rating of 1 to 5 for findability, reachability, clarity and fit for youth, with tops and tips),
what they looked for but did not find, and their undercover assignment. Everything lands on the process's
social map (allin.socialmap), so the facilitator can also type it in or correct it there.

Each phone picks its group by name (a new name makes the group); every phone of a group sees and adds to the
same findings. The projector shows the search words as a cloud and the organisations found most.

In "present" mode (config {"mode": "present"}, set in the method file or from the console) the projector shows
the social map of the whole process instead: the organisations found most and, one at a time, the mirror of an
organisation (youth's ratings beside its own). This is how phase B shows what youth found in phase A."""

import contextlib
import uuid
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from allin.core import limits, ratelimit
from allin.socialmap import rules as map_rules
from allin.socialmap import selectors as map_selectors
from allin.socialmap import services as map_services
from allin.socialmap.models import (
    ANSWER_MAX,
    GROUP_NAME_MAX,
    RATING_FIELDS,
    RATING_MAX,
    RATING_MIN,
    WORD_MAX,
    rating_labels,
)

from .. import events, guards, posted
from ..models import Activity
from ..registry import KindSpec, register
from .wordcloud import CLOUD_WORDS
from .wordcloud_svg import cloud_svg

KIND = Activity.Kind.FINDINGS.value
COLLECT, PRESENT = "collect", "present"
POSTS_PER_MINUTE = 40
FOUND_ON_SCREEN = 8
RATING_TEXT_MAX = 20  # what a rating field may hold before the social map's rule even reads it


def mode_of(activity) -> str:
    return PRESENT if (activity.config or {}).get("mode") == PRESENT else COLLECT


def process_of(activity):
    return activity.live.meeting.process


class Stage:
    """What the projector and console show, read lazily (phones never need it)."""

    def __init__(self, activity):
        self.activity = activity
        self.mode = mode_of(activity)

    @property
    def presenting(self) -> bool:
        return self.mode == PRESENT

    @cached_property
    def map(self):
        return map_selectors.SocialMap(process_of(self.activity))

    @cached_property
    def found_top(self):
        return self.map.found_most[:FOUND_ON_SCREEN]

    @cached_property
    def showing(self):
        """The organisation whose mirror is on the screen (present mode), or None for the overview."""
        showing = (self.activity.config or {}).get("showing")
        return self.map.mirror_of(showing) if isinstance(showing, int) else None

    @cached_property
    def word_total(self) -> int:
        return sum(n for _w, n in self.map.words)

    @cached_property
    def cloud(self):
        words = tuple(self.map.words[:CLOUD_WORDS])
        label = ngettext(
            "Woordwolk van %(n)d zoekwoord.", "Woordwolk van %(n)d zoekwoorden.", self.word_total
        ) % {"n": self.word_total}
        if words:
            label += " " + _("Het meest gebruikt: %(words)s.") % {
                "words": ", ".join(w for w, _n in words[:5])
            }
        return mark_safe(cloud_svg(words, label)) if words else ""


def context(activity) -> dict:
    return {"findings": Stage(activity)}


def mine_context(activity, attendee) -> dict:
    process = process_of(activity)
    group = map_selectors.phone_group(process, attendee.key)
    if group is not None:
        group = next((g for g in map_selectors.groups(process) if g.pk == group.pk), group)
    return {
        "fx_mode": mode_of(activity),
        "fx_group": group,
        "fx_groups": list(process.youth_groups.all()) if group is None else [],
        "fx_organisations": list(process.help_organisations.values_list("name", flat=True)),
        "fx_ratings": [(field, rating_labels()[field]) for field in RATING_FIELDS],
        "fx_rating_choices": [str(n) for n in range(RATING_MIN, RATING_MAX + 1)],
        "fx_client_id": uuid.uuid4(),
        "fx_limits": {"group": GROUP_NAME_MAX, "word": WORD_MAX, "answer": ANSWER_MAX},
    }


def results(activity) -> dict:
    social = map_selectors.SocialMap(process_of(activity))
    lines = []
    if social.words:
        lines.append(
            _("Zoekwoorden: %(words)s") % {"words": ", ".join(f"{w} ({n})" for w, n in social.words[:10])}
        )
    for found in social.found_most[:10]:
        lines.append(
            ngettext(
                "%(name)s: gevonden door %(n)d groepje", "%(name)s: gevonden door %(n)d groepjes", found.count
            )
            % {"name": found.organisation.name, "n": found.count}
        )
    if social.not_found:
        lines.append(_("Niet gevonden: %(names)s") % {"names": ", ".join(m.name for m in social.not_found)})
    return {"title": activity.prompt, "lines": lines}


# ---- phones -------------------------------------------------------------------------------------------------


def _changed(activity):
    events.results_changed(activity.live_id)


def check_phone(activity, attendee):
    """Refuses (in Dutch) a phone that may not send here now; counts its posts per minute."""
    if activity.kind != KIND:
        raise ValidationError(_("Bij dit onderdeel zoek je geen hulp op."))
    guards.phone_in_current(activity, attendee)
    if not activity.is_open or mode_of(activity) == PRESENT:
        raise ValidationError(_("Insturen is nu gesloten. Kijk mee op het grote scherm."))
    if ratelimit.hit(f"findings:{attendee.pk}", 60) > POSTS_PER_MINUTE:
        raise ValidationError(_("Je stuurt heel veel tegelijk. Wacht een minuut en probeer het dan opnieuw."))


def _group(activity, attendee):
    group = map_selectors.phone_group(process_of(activity), attendee.key)
    if group is None:
        raise ValidationError(_("Kies eerst je groepje."))
    return group


def _phone(form_class):
    """A phone action: the checks, the posted values through `form_class`, the write through the social map's
    services (all or nothing), then a push to the screens."""

    def wrap(write):
        def action(request, activity, attendee):
            check_phone(activity, attendee)
            data = posted.read(form_class, request)
            with transaction.atomic():
                write(activity, attendee, **data)
            _changed(activity)

        return action

    return wrap


GONE = gettext_lazy("Dit staat er niet meer. Laad de pagina opnieuw.")


class GroupForm(forms.Form):
    name = posted.Text(GROUP_NAME_MAX, too_long=gettext_lazy("Een naam mag hoogstens %(max)d tekens hebben."))
    existing = posted.Text(GROUP_NAME_MAX)


class WordForm(forms.Form):
    text = posted.Text(WORD_MAX, too_long=gettext_lazy("Een zoekwoord mag hoogstens %(max)d tekens hebben."))
    client_id = posted.ClientId()


class FindingForm(forms.Form):
    organisation = posted.Text(limits.NAME_MAX)
    website = posted.Text(limits.NAME_MAX)
    how_found = posted.Text(limits.SHORT_TEXT_MAX)
    tops = posted.Text(ANSWER_MAX)
    tips = posted.Text(ANSWER_MAX)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in RATING_FIELDS:
            self.fields[name] = forms.CharField(required=False, max_length=RATING_TEXT_MAX)

    def clean(self):
        data = super().clean()
        # The social map's own rule: 1 to 5 or empty, every wrong one named in one Dutch refusal.
        data["ratings"] = map_rules.ratings({name: data.pop(name, "") for name in RATING_FIELDS})
        return data


class NotFoundForm(forms.Form):
    name = posted.Text(limits.NAME_MAX)
    note = posted.Text(limits.SHORT_TEXT_MAX)


class UndercoverForm(forms.Form):
    organisation = posted.Text(limits.NAME_MAX)
    case = posted.Text(ANSWER_MAX)
    what_they_did = posted.Text(ANSWER_MAX)
    tops = posted.Text(ANSWER_MAX)
    tips = posted.Text(ANSWER_MAX)


class RemoveForm(forms.Form):
    what = forms.ChoiceField(
        choices=[("word", "word"), ("finding", "finding"), ("notfound", "notfound")],
        error_messages={"required": GONE, "invalid_choice": GONE},
    )
    id = posted.Id(message=GONE)


@_phone(GroupForm)
def _pick_group(activity, attendee, *, name, existing):
    map_services.phone_group_set(
        process=process_of(activity),
        phone=attendee.key,
        name=name.strip() or existing,
        meeting=activity.live.meeting,
    )


@_phone(WordForm)
def _word(activity, attendee, *, text, client_id):
    map_services.search_word_add(group=_group(activity, attendee), text=text, client_id=client_id)


@_phone(FindingForm)
def _finding(activity, attendee, *, organisation, **values):
    map_services.finding_save(group=_group(activity, attendee), organisation_name=organisation, **values)


@_phone(NotFoundForm)
def _not_found(activity, attendee, *, name, note):
    map_services.not_found_add(group=_group(activity, attendee), name=name, note=note)


@_phone(UndercoverForm)
def _undercover(activity, attendee, *, organisation, **values):
    map_services.undercover_save(group=_group(activity, attendee), organisation_name=organisation, **values)


@_phone(RemoveForm)
def _remove(activity, attendee, *, what, id):
    group = _group(activity, attendee)
    # Gone already is what was asked: a removal the phone's outbox sends again (or another phone of the group
    # made first) answers with the group's list, not a refusal. The services refuse only what is not there.
    with contextlib.suppress(ValidationError):
        if what == "word":
            map_services.search_word_delete(group=group, word_id=id)
        elif what == "finding":
            map_services.finding_delete(group=group, finding_id=id)
        else:
            map_services.not_found_delete(group=group, not_found_id=id)


# ---- console ------------------------------------------------------------------------------------------------


def _set_config(activity, **changes):
    with transaction.atomic():
        fresh = Activity.objects.select_for_update().get(pk=activity.pk)
        config = dict(fresh.config or {})
        for key, value in changes.items():
            if value is None:
                config.pop(key, None)
            else:
                config[key] = value
        Activity.objects.filter(pk=activity.pk).update(config=config)
        activity.config = config


@transaction.atomic
def findings_mode(*, activity, mode) -> None:
    """Collect on phones, or present the social map on the projector."""
    if activity.kind != KIND:
        raise ValidationError(_("Dit onderdeel is geen zoektocht naar hulp."))
    if mode not in (COLLECT, PRESENT):
        raise ValidationError(_("Kies verzamelen of presenteren."))
    _set_config(activity, mode=mode, showing=None)
    events.stage_changed(activity.live_id)
    events.phones_refresh(activity.live_id)


@transaction.atomic
def findings_show(*, activity, organisation=None) -> None:
    """Put one organisation's mirror on the projector, or the overview (organisation None)."""
    if activity.kind != KIND:
        raise ValidationError(_("Dit onderdeel is geen zoektocht naar hulp."))
    if organisation is not None:
        if map_selectors.SocialMap(process_of(activity)).mirror_of(organisation) is None:
            raise ValidationError(_("Van deze organisatie zijn nog geen cijfers."))
    _set_config(activity, showing=organisation)
    events.results_changed(activity.live_id)


class ModeForm(forms.Form):
    mode = forms.ChoiceField(
        choices=[(COLLECT, COLLECT), (PRESENT, PRESENT)],
        error_messages={
            "required": gettext_lazy("Kies verzamelen of presenteren."),
            "invalid_choice": gettext_lazy("Kies verzamelen of presenteren."),
        },
    )


class ShowForm(forms.Form):
    organisation = posted.Id(
        required=False, message=gettext_lazy("Van deze organisatie zijn nog geen cijfers.")
    )


def _mode(request, activity):
    findings_mode(activity=activity, **posted.read(ModeForm, request))


def _show(request, activity):
    findings_show(activity=activity, **posted.read(ShowForm, request))


register(
    KindSpec(
        kind=KIND,
        phone_template="live/kinds/findings_phone.html",
        projector_template="live/kinds/findings_projector.html",
        console_template="live/kinds/findings_console.html",
        context=context,
        results=results,
        mine_template="live/kinds/findings_mine.html",
        mine_context=mine_context,
        phone_actions={
            "group": _pick_group,
            "word": _word,
            "finding": _finding,
            "notfound": _not_found,
            "undercover": _undercover,
            "remove": _remove,
        },
        console_actions={"mode": _mode, "show": _show},
    )
)
