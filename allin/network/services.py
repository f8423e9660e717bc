"""Writes for the network map. Keyword-only, one transaction each, validate before save: a refused request
changes nothing and says why in Dutch (a ValidationError, or PermissionDenied for someone not allowed)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.audit.services import audit_record
from allin.core import limits
from allin.core.text import one_line
from allin.core.tokens import link_secret_hash, new_link_secret, unknown_secret_hash

from . import links
from .catalogue import KIND_LABELS, OTHER, ConsentSource, LinkMode, Share
from .models import (
    CARD_TEXT_MAX,
    CONTACTS_MAX,
    PHONE_MAX,
    Collaboration,
    ContactPerson,
    ParticipantLink,
    Partner,
)

CARD_FIELDS = ("description", "ideas", "wishes", "concerns", "opportunities")


def clean_text(value, *, max_len, label, required=False, multiline=False):
    if multiline:
        text = "\n".join(
            one_line(line) for line in str(value or "").replace("\r\n", "\n").split("\n")
        ).strip()
    else:
        text = one_line(value)
    if required and not text:
        raise ValidationError(_("Vul %(label)s in.") % {"label": label})
    if len(text) > max_len:
        raise ValidationError(
            _("%(label)s mag hoogstens %(max)d tekens lang zijn.")
            % {"label": label.capitalize(), "max": max_len}
        )
    return text


def clean_email(value) -> str:
    email = one_line(value).lower()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            _("'%(value)s' is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl.")
            % {"value": email[:60]}
        ) from None
    if len(email) > limits.EMAIL_MAX:
        raise ValidationError(
            _("Een e-mailadres mag hoogstens %(max)d tekens lang zijn.") % {"max": limits.EMAIL_MAX}
        )
    return email


def _clean_website(value) -> str:
    url = one_line(value)
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            _("De website is geen geldig adres, bijvoorbeeld https://www.voorbeeld.nl.")
        ) from None
    if len(url) > limits.URL_MAX:
        raise ValidationError(_("Het adres van de website is te lang."))
    return url


def _clean_kind(value) -> str:
    kind = value or OTHER
    if kind not in KIND_LABELS:
        raise ValidationError(_("Kies een soort organisatie uit de lijst."))
    return kind


def clean_contacts(contacts) -> list[dict]:
    """Rows of name, role, email, phone; empty rows are skipped. A row with details needs a name."""
    out = []
    for row in contacts or []:
        name = clean_text(row.get("name"), max_len=limits.NAME_MAX, label=_("de naam van de contactpersoon"))
        role = clean_text(row.get("role"), max_len=limits.NAME_MAX, label=_("de functie"))
        email = clean_email(row.get("email"))
        phone = clean_text(row.get("phone"), max_len=PHONE_MAX, label=_("het telefoonnummer"))
        if not any((name, role, email, phone)):
            continue
        if not name:
            raise ValidationError(_("Vul bij elke contactpersoon een naam in."))
        out.append({"name": name, "role": role, "email": email, "phone": phone})
    if len(out) > CONTACTS_MAX:
        raise ValidationError(
            _("Een kaart heeft ruimte voor hoogstens %(max)d contactpersonen.") % {"max": CONTACTS_MAX}
        )
    return out


def _check_name_free(workspace, name, exclude_pk=None):
    taken = Partner.objects.filter(workspace=workspace, name__iexact=name).exclude(pk=exclude_pk).exists()
    if taken:
        raise ValidationError(
            _("Er is al een partner met de naam '%(name)s' in dit netwerk.") % {"name": name}
        )


def _check_process(workspace, process):
    if process is not None and process.workspace_id != workspace.pk:
        raise ValidationError(_("Dit traject hoort niet bij deze werkruimte."))


def _card_texts(data) -> dict:
    labels = {
        "description": _("wat de organisatie doet"),
        "ideas": _("de ideeën"),
        "wishes": _("de wensen"),
        "concerns": _("de zorgen"),
        "opportunities": _("de kansen"),
    }
    return {
        key: clean_text(data.get(key), max_len=CARD_TEXT_MAX, label=labels[key], multiline=True)
        for key in CARD_FIELDS
        if key in data
    }


def _save(partner):
    try:
        with transaction.atomic():
            partner.save()
    except IntegrityError:  # two people saved the same name at the same moment
        raise ValidationError(
            _("Er is al een partner met de naam '%(name)s' in dit netwerk.") % {"name": partner.name}
        ) from None


def _replace_contacts(partner, contacts):
    partner.contacts.all().delete()
    ContactPerson.objects.bulk_create(
        ContactPerson(partner=partner, order=i, **row) for i, row in enumerate(contacts)
    )


@transaction.atomic
def partner_create(
    *, workspace, name, kind="", website="", contacts=(), process=None, created_by=None, **texts
) -> Partner:
    name = clean_text(name, max_len=limits.NAME_MAX, label=_("de naam van de organisatie"), required=True)
    _check_name_free(workspace, name)
    _check_process(workspace, process)
    contacts = clean_contacts(contacts)
    partner = Partner(
        workspace=workspace,
        name=name,
        kind=_clean_kind(kind),
        website=_clean_website(website),
        process=process,
        created_by=created_by,
        **_card_texts(texts),
    )
    _save(partner)
    _replace_contacts(partner, contacts)
    return partner


@transaction.atomic
def partner_update(*, partner, name, kind, website="", contacts=(), process=None, **texts) -> Partner:
    """The facilitator's edit of the whole card (consent is changed on its own, see consent_change)."""
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    name = clean_text(name, max_len=limits.NAME_MAX, label=_("de naam van de organisatie"), required=True)
    _check_name_free(partner.workspace, name, exclude_pk=partner.pk)
    _check_process(partner.workspace, process)
    contacts = clean_contacts(contacts)
    partner.name, partner.kind = name, _clean_kind(kind)
    partner.website, partner.process = _clean_website(website), process
    for key, value in _card_texts(texts).items():
        setattr(partner, key, value)
    _save(partner)
    _replace_contacts(partner, contacts)
    return partner


@transaction.atomic
def partner_delete(*, partner) -> None:
    Collaboration.objects.filter(first=partner).delete()
    Collaboration.objects.filter(second=partner).delete()
    partner.delete()


# ---- consent ----------------------------------------------------------------------------------------------


@transaction.atomic
def consent_record(*, partner, share_with, given_by, source, recorded_by=None) -> Partner:
    """Record with whom the card may be shared, who gave that consent and when. Callers check who may."""
    if share_with not in Share.values:
        raise ValidationError(_("Kies met wie de kaart gedeeld mag worden."))
    if source not in ConsentSource.values:
        raise ValidationError(_("Onbekend hoe de toestemming is gegeven."))
    given_by = clean_text(given_by, max_len=limits.NAME_MAX, label=_("wie de toestemming gaf"), required=True)
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    audit_record(
        workspace=partner.workspace_id,
        actor=recorded_by,
        actor_label=_("partner via link") if source == ConsentSource.PARTNER else "",
        action="consent.change",
        target=partner,
        summary=f"{_('delen')}: {partner.get_share_with_display()} → {Share(share_with).label}",
    )
    partner.share_with = share_with
    partner.consent_given_by = given_by
    partner.consent_source = source
    partner.consent_at = timezone.now()
    partner.consent_recorded_by = recorded_by
    partner.save()
    return partner


def consent_change(*, partner, membership, share_with, given_by) -> Partner:
    """A member records consent on the partner's behalf: only owners and facilitators of its workspace."""
    if membership is None or membership.workspace_id != partner.workspace_id or not membership.can_edit:
        raise PermissionDenied(
            _(
                "Alleen begeleiders en eigenaren van deze werkruimte mogen de toestemming om te delen veranderen."
            )
        )
    return consent_record(
        partner=partner,
        share_with=share_with,
        given_by=given_by,
        source=ConsentSource.FACILITATOR,
        recorded_by=membership.user,
    )


# ---- the partner's personal link ---------------------------------------------------------------------------


@transaction.atomic
def partner_link_create(*, partner, mode) -> str:
    """A new personal link (every older one stops working). mode: fill (the partner fills the card) or check
    (the facilitator filled it; the partner confirms or corrects). Returns the token."""
    if mode not in (LinkMode.FILL, LinkMode.CHECK):
        raise ValidationError(_("Kies of de partner de kaart invult of controleert."))
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    partner.link_mode = mode
    partner.link_version += 1
    secret = new_link_secret()
    partner.link_secret_hash = link_secret_hash(secret)
    partner.link_created_at = timezone.now()
    if mode == LinkMode.CHECK:
        partner.checked_by_partner_at = None
        partner.checked_with_changes = False
    partner.save()
    return links.partner_token(partner, secret)


@transaction.atomic
def partner_link_revoke(*, partner) -> Partner:
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    partner.link_mode = LinkMode.NONE
    partner.link_version += 1
    partner.link_secret_hash = unknown_secret_hash()
    partner.save()
    return partner


def _lock_for_link(partner):
    locked = Partner.objects.select_for_update().get(pk=partner.pk)
    if not locked.link_mode or locked.link_version != partner.link_version:
        raise ValidationError(_("Deze link is ingetrokken. Vraag de begeleider om een nieuwe link."))
    return locked


@transaction.atomic
def partner_fill_about(*, partner, name, kind, description, website, contacts) -> Partner:
    """Page 1 of the card, saved by the partner through their link."""
    locked = _lock_for_link(partner)
    name = clean_text(name, max_len=limits.NAME_MAX, label=_("de naam van de organisatie"), required=True)
    _check_name_free(locked.workspace, name, exclude_pk=locked.pk)
    contacts = clean_contacts(contacts)
    before = (locked.name, locked.kind, locked.description, locked.website, _contacts_of(locked))
    locked.name, locked.kind = name, _clean_kind(kind)
    locked.website = _clean_website(website)
    locked.description = _card_texts({"description": description})["description"]
    if before != (locked.name, locked.kind, locked.description, locked.website, contacts):
        locked.checked_with_changes = True
    _save(locked)
    _replace_contacts(locked, contacts)
    return locked


def _contacts_of(partner):
    return [
        {"name": c.name, "role": c.role, "email": c.email, "phone": c.phone} for c in partner.contacts.all()
    ]


@transaction.atomic
def partner_fill_views(*, partner, ideas, wishes, concerns, opportunities, share_with, given_by) -> Partner:
    """Page 2 of the card: the partner's ideas, wishes, concerns and opportunities, and their consent. Marks
    the card as filled (or checked) by the partner."""
    locked = _lock_for_link(partner)
    texts = _card_texts(
        {"ideas": ideas, "wishes": wishes, "concerns": concerns, "opportunities": opportunities}
    )
    if any(getattr(locked, key) != value for key, value in texts.items()):
        locked.checked_with_changes = True
    for key, value in texts.items():
        setattr(locked, key, value)
    now = timezone.now()
    if locked.link_mode == LinkMode.CHECK:
        locked.checked_by_partner_at = now
    else:
        locked.filled_by_partner_at = now
        locked.checked_with_changes = False
    locked.save()
    return consent_record(
        partner=locked, share_with=share_with, given_by=given_by, source=ConsentSource.PARTNER
    )


# ---- the participants' link --------------------------------------------------------------------------------


@transaction.atomic
def participant_link_create(*, process) -> str:
    link, _created = ParticipantLink.objects.select_for_update().get_or_create(process=process)
    link.version += 1
    link.active = True
    secret = new_link_secret()
    link.secret_hash = link_secret_hash(secret)
    link.created_at = timezone.now()
    link.save()
    return links.participant_token(link, secret)


@transaction.atomic
def participant_link_revoke(*, process) -> None:
    link = ParticipantLink.objects.select_for_update().filter(process=process).first()
    if link is not None:
        link.version += 1
        link.active = False
        link.secret_hash = unknown_secret_hash()
        link.save()


# ---- import ------------------------------------------------------------------------------------------------


@transaction.atomic
def partners_import(*, workspace, rows, created_by) -> list[Partner]:
    """Save checked rows (transfer.check_rows) as new partners, all or none: any refusal rolls back the lot."""
    saved = []
    for row in rows:
        partner = partner_create(
            workspace=workspace,
            name=row["name"],
            kind=row["kind"],
            website=row["website"],
            contacts=row["contacts"],
            process=row["process"],
            created_by=created_by,
            **{key: row[key] for key in CARD_FIELDS},
        )
        if row["share_with"] != Share.NOBODY or row["consent_given_by"]:
            consent_record(
                partner=partner,
                share_with=row["share_with"],
                given_by=row["consent_given_by"],
                source=ConsentSource.FACILITATOR,
                recorded_by=created_by,
            )
        saved.append(partner)
    return saved
