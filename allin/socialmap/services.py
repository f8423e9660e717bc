"""Writing the social map: groups, their search words, findings, what they did not find and their undercover
assignment, typed by the facilitator or sent from phones in the live preparation meeting. Keyword-only, one
transaction each, every input checked before anything is written. The preparations of professionals and policy
makers are in preparations.py."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from allin.core import limits

from . import rules
from .models import (
    ANSWER_MAX,
    GROUP_NAME_MAX,
    Finding,
    GroupPhone,
    HelpOrganisation,
    NotFound,
    SearchWord,
    Undercover,
    YouthGroup,
)

WORDS_PER_GROUP = 60
FINDINGS_PER_GROUP = 40
NOT_FOUND_PER_GROUP = 30
GROUPS_PER_PROCESS = 40
_TOO_LONG = _("Een antwoord mag hoogstens %(max)d tekens hebben.")


def _answer(value):
    return rules.long_text(value, max_length=ANSWER_MAX, too_long=_TOO_LONG)


# ---- organisations ----------------------------------------------------------------------------------------


def _organisation(process, name, website="") -> HelpOrganisation:
    """The process's organisation of this name, made when new. A website fills in an empty one."""
    key = rules.key(name)
    org = HelpOrganisation.objects.filter(process=process, key=key).first()
    if org is None:
        try:
            with transaction.atomic():
                org = HelpOrganisation.objects.create(process=process, name=name, key=key, website=website)
        except IntegrityError:  # made at the same moment by another group
            org = HelpOrganisation.objects.get(process=process, key=key)
    if website and not org.website:
        org.website = website
        org.save(update_fields=["website"])
    return org


@transaction.atomic
def organisation_update(*, organisation, name, website="", partner=None) -> HelpOrganisation:
    name = rules.name(name, empty=_("Vul de naam van de organisatie in."))
    website = rules.website(website)
    if partner is not None and partner.workspace_id != organisation.process.workspace_id:
        raise ValidationError(_("Deze partner hoort niet bij deze werkruimte."))
    key = rules.key(name)
    clash = HelpOrganisation.objects.filter(process=organisation.process_id, key=key).exclude(
        pk=organisation.pk
    )
    if clash.exists():
        raise ValidationError(
            _("Er staat al een organisatie met de naam '%(name)s' op de sociale kaart.") % {"name": name}
        )
    organisation.name, organisation.key, organisation.website, organisation.partner = (
        name,
        key,
        website,
        partner,
    )
    organisation.save(update_fields=["name", "key", "website", "partner"])
    return organisation


# ---- groups -----------------------------------------------------------------------------------------------


def _group_name(name):
    return rules.name(
        name,
        empty=_("Vul de naam van je groepje in."),
        max_length=GROUP_NAME_MAX,
    )


@transaction.atomic
def group_create(*, process, name, meeting=None) -> YouthGroup:
    """The process's group of this name; made when new (a second phone of the same group finds it)."""
    name = _group_name(name)
    if meeting is not None and meeting.process_id != process.pk:
        raise ValidationError(_("Deze bijeenkomst hoort niet bij dit traject."))
    key = rules.key(name)
    group = YouthGroup.objects.filter(process=process, key=key).first()
    if group is not None:
        return group
    if YouthGroup.objects.filter(process=process).count() >= GROUPS_PER_PROCESS:
        raise ValidationError(
            _("Er zijn al %(max)d groepjes. Kies een bestaand groepje.") % {"max": GROUPS_PER_PROCESS}
        )
    try:
        with transaction.atomic():
            return YouthGroup.objects.create(process=process, meeting=meeting, name=name, key=key)
    except IntegrityError:
        return YouthGroup.objects.get(process=process, key=key)


@transaction.atomic
def group_rename(*, group, name) -> YouthGroup:
    name = _group_name(name)
    key = rules.key(name)
    if YouthGroup.objects.filter(process=group.process_id, key=key).exclude(pk=group.pk).exists():
        raise ValidationError(_("Er is al een groepje met de naam '%(name)s'.") % {"name": name})
    group.name, group.key = name, key
    group.save(update_fields=["name", "key"])
    return group


@transaction.atomic
def group_delete(*, group) -> None:
    group.delete()


@transaction.atomic
def phone_group_set(*, process, phone, name, meeting=None) -> YouthGroup:
    """A phone says which group it enters for (by name: a new name makes the group)."""
    group = group_create(process=process, name=name, meeting=meeting)
    GroupPhone.objects.update_or_create(phone=uuid.UUID(str(phone)), defaults={"group": group})
    return group


# ---- search words -----------------------------------------------------------------------------------------


def _room_for_words(group, adding):
    YouthGroup.objects.select_for_update().filter(pk=group.pk).first()
    if group.search_words.count() + adding > WORDS_PER_GROUP:
        raise ValidationError(
            _("Een groepje kan hoogstens %(max)d zoekwoorden sturen.") % {"max": WORDS_PER_GROUP}
        )


@transaction.atomic
def search_word_add(*, group, text, client_id=None) -> tuple[SearchWord, bool]:
    """One search word. A retried post with the same client_id finds the word it made: (word, created)."""
    if client_id is not None:
        try:
            client_id = uuid.UUID(str(client_id))
        except ValueError:
            raise ValidationError(_("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw.")) from None
        existing = SearchWord.objects.filter(group=group, client_id=client_id).first()
        if existing is not None:
            return existing, False
    text, word = rules.search_word(text)
    _room_for_words(group, 1)
    try:
        with transaction.atomic():
            return SearchWord.objects.create(group=group, text=text, word=word, client_id=client_id), True
    except IntegrityError:
        return SearchWord.objects.get(group=group, client_id=client_id), False


def split_words(text) -> list[str]:
    """Search words typed by the facilitator: one per line, or separated by commas."""
    parts = str(text or "").replace("\r", "\n").replace(",", "\n").split("\n")
    return [part for part in (p.strip() for p in parts) if part]


@transaction.atomic
def search_words_add(*, group, texts) -> list[SearchWord]:
    """Several search words at once: all of them, or (when one is wrong) none."""
    cleaned = [rules.search_word(text) for text in texts]
    if not cleaned:
        raise ValidationError(_("Typ eerst een zoekwoord."))
    _room_for_words(group, len(cleaned))
    return [SearchWord.objects.create(group=group, text=text, word=word) for text, word in cleaned]


@transaction.atomic
def search_word_delete(*, group, word_id) -> None:
    if not SearchWord.objects.filter(group=group, pk=word_id).delete()[0]:
        raise ValidationError(_("Dit zoekwoord bestaat niet meer."))


# ---- findings ---------------------------------------------------------------------------------------------


@transaction.atomic
def finding_save(
    *, group, organisation_name, website="", how_found="", ratings=None, tops="", tips=""
) -> Finding:
    """What a group found: an organisation (made on the map when new), how they found it, their four ratings
    (1 to 5, each may stay empty) and their tops and tips. A second save for the same organisation changes it."""
    name = rules.name(organisation_name, empty=_("Vul de naam van de organisatie in."))
    values = {
        "how_found": rules.line(
            how_found,
            max_length=limits.SHORT_TEXT_MAX,
            too_long=_("Hoe jullie het vonden mag hoogstens %(max)d tekens hebben."),
        ),
        **rules.ratings(ratings or {}),
        "tops": _answer(tops),
        "tips": _answer(tips),
    }
    website = rules.website(website)
    YouthGroup.objects.select_for_update().filter(pk=group.pk).first()
    organisation = _organisation(group.process, name, website)
    finding = Finding.objects.filter(group=group, organisation=organisation).first()
    if finding is None:
        if group.findings.count() >= FINDINGS_PER_GROUP:
            raise ValidationError(
                _("Een groepje kan hoogstens %(max)d organisaties noemen.") % {"max": FINDINGS_PER_GROUP}
            )
        return Finding.objects.create(group=group, organisation=organisation, **values)
    for field, value in values.items():
        setattr(finding, field, value)
    finding.save()
    return finding


@transaction.atomic
def finding_delete(*, group, finding_id) -> None:
    if not Finding.objects.filter(group=group, pk=finding_id).delete()[0]:
        raise ValidationError(_("Deze organisatie staat niet (meer) bij dit groepje."))


# ---- not found --------------------------------------------------------------------------------------------


@transaction.atomic
def not_found_add(*, group, name, note="") -> NotFound:
    name = rules.name(name, empty=_("Vul in wat jullie zochten maar niet vonden."))
    note = rules.line(
        note,
        max_length=limits.SHORT_TEXT_MAX,
        too_long=_("De toelichting mag hoogstens %(max)d tekens hebben."),
    )
    YouthGroup.objects.select_for_update().filter(pk=group.pk).first()
    existing = NotFound.objects.filter(group=group, key=rules.key(name)).first()
    if existing is not None:
        if note:
            existing.note = note
            existing.save(update_fields=["note"])
        return existing
    if group.not_found.count() >= NOT_FOUND_PER_GROUP:
        raise ValidationError(
            _("Een groepje kan hoogstens %(max)d dingen noemen.") % {"max": NOT_FOUND_PER_GROUP}
        )
    return NotFound.objects.create(group=group, name=name, key=rules.key(name), note=note)


@transaction.atomic
def not_found_delete(*, group, not_found_id) -> None:
    if not NotFound.objects.filter(group=group, pk=not_found_id).delete()[0]:
        raise ValidationError(_("Dit staat niet (meer) bij dit groepje."))


# ---- undercover -------------------------------------------------------------------------------------------


@transaction.atomic
def undercover_save(
    *, group, organisation_name="", case="", what_they_did="", tops="", tips=""
) -> Undercover:
    """The group's undercover assignment (one per group; saving again changes it)."""
    values = {
        "case": _answer(case),
        "what_they_did": _answer(what_they_did),
        "tops": _answer(tops),
        "tips": _answer(tips),
    }
    name = rules.line(
        organisation_name,
        max_length=limits.NAME_MAX,
        too_long=_("Een naam mag hoogstens %(max)d tekens hebben."),
    )
    if not name and not any(values.values()):
        raise ValidationError(_("Vul eerst iets in over de undercoveropdracht."))
    values["organisation"] = _organisation(group.process, name) if name else None
    undercover, _created = Undercover.objects.update_or_create(group=group, defaults=values)
    return undercover
