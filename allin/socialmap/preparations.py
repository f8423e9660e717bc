"""The individual preparations of professionals and policy makers, filled through a personal link.

A link is signed (cannot be altered) and names one preparation and a random secret of its own
(allin.core.tokens), whose hash only the preparation keeps: the key alone cannot mint a link, nor can a copy of
the database. It is valid until the preparation's expires_at (30 days after it was made or resent). Revoking sets
revoked_at and replaces the hash; resending draws a new secret, so every older link stops working. The link
exists only when it is made: in the e-mail, and for the facilitator who made it (preparation_views keeps it
in their session). No account is needed."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.core import limits
from allin.core.site import public_url
from allin.core.tokens import (
    link_secret_hash,
    link_secret_matches,
    make_link_token,
    new_link_secret,
    read_link_token,
    secrets_match,
    unknown_secret_hash,
)

from . import questions, rules
from .models import ANSWER_MAX, Preparation
from .services import _organisation

LINK_DAYS = 30
PURPOSE = "preparation"
PREPARATIONS_PER_PROCESS = 200

INVALID, EXPIRED, REVOKED = "invalid", "expired", "revoked"


def link_messages() -> dict:
    return {
        INVALID: _(
            "Deze link klopt niet. Kopieer de hele link uit je e-mail, of vraag de begeleider om een nieuwe."
        ),
        EXPIRED: _("Deze link is verlopen. Vraag de begeleider om een nieuwe link."),
        REVOKED: _(
            "Deze link is ingetrokken. Vraag de begeleider om een nieuwe link als je toch wilt invullen."
        ),
    }


def _new_link(preparation) -> None:
    """A new secret for the (saved) preparation: its hash on the record, the link only on this object."""
    secret = new_link_secret()
    preparation.secret_hash = link_secret_hash(secret)
    preparation.link_token = make_link_token(purpose=PURPOSE, parts=[preparation.pk], secret=secret)


def token(preparation) -> str:
    """The link's token, only on the object that preparation_create or preparation_resend returned."""
    return preparation.link_token


def link(preparation) -> str:
    return public_url(reverse("preparation_form", args=[token(preparation)]))


def from_token(value) -> tuple[Preparation | None, str | None]:
    """(preparation, None) for a link that may be used now; (None, reason) otherwise."""
    found = read_link_token(
        purpose=PURPOSE, token=str(value or ""), max_age_seconds=(LINK_DAYS + 1) * 86400, numbers=1
    )
    if found is None:
        return None, INVALID
    pk, secret = found
    preparation = (
        Preparation.objects.select_related("process__workspace", "organisation").filter(pk=pk).first()
    )
    if preparation is None:
        return None, INVALID
    if not link_secret_matches(secret, preparation.secret_hash):
        # A revoked record no longer knows its secret; only its number says that a link was withdrawn.
        return None, (REVOKED if preparation.revoked_at is not None else INVALID)
    if preparation.revoked_at is not None:
        return None, REVOKED
    if preparation.expires_at <= timezone.now():
        return None, EXPIRED
    return preparation, None


def _send(preparation):
    context = {"preparation": preparation, "link": link(preparation), "days": LINK_DAYS}
    message = render_to_string("socialmap/email/preparation.txt", context)
    subject = _("Je voorbereiding op de ALL-IN-sessie")
    recipient = preparation.email
    transaction.on_commit(
        lambda: send_mail(subject=subject, message=message, from_email=None, recipient_list=[recipient])
    )
    preparation.sent_at = timezone.now()


def _email(value) -> str:
    email = rules.line(
        value, max_length=limits.EMAIL_MAX, too_long=_("Een e-mailadres mag hoogstens %(max)d tekens hebben.")
    )
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(_("'%(value)s' is geen e-mailadres.") % {"value": email}) from None
    return email


@transaction.atomic
def preparation_create(
    *, process, role, name, organisation_name="", email="", created_by=None, send=False
) -> Preparation:
    """A personal preparation link for a professional or a policy maker. With an e-mail address and send=True
    the link goes out by e-mail (after the commit)."""
    if role not in Preparation.Role.values:
        raise ValidationError(_("Kies of dit een professional of een beleidsmaker is."))
    name = rules.name(name, empty=_("Vul de naam in."))
    organisation_name = rules.line(
        organisation_name,
        max_length=limits.NAME_MAX,
        too_long=_("Een naam mag hoogstens %(max)d tekens hebben."),
    )
    email = _email(email)
    if send and not email:
        raise ValidationError(_("Vul een e-mailadres in om de link te versturen."))
    if Preparation.objects.filter(process=process).count() >= PREPARATIONS_PER_PROCESS:
        raise ValidationError(_("Dit traject heeft al heel veel voorbereidingen."))
    organisation = None
    if role == Preparation.Role.PROFESSIONAL and organisation_name:
        organisation = _organisation(process, organisation_name)
    preparation = Preparation(
        process=process,
        role=role,
        name=name,
        organisation_name=organisation_name,
        organisation=organisation,
        email=email,
        secret_hash=unknown_secret_hash(),
        expires_at=timezone.now() + timedelta(days=LINK_DAYS),
        created_by=created_by,
    )
    preparation.save()
    _new_link(preparation)
    if send:
        _send(preparation)
    preparation.save(update_fields=["secret_hash", "sent_at"])
    return preparation


@transaction.atomic
def preparation_revoke(*, preparation) -> Preparation:
    """The link stops working at once (its secret is forgotten). What was filled in stays."""
    if preparation.revoked_at is None:
        preparation.revoked_at = timezone.now()
        preparation.secret_hash = unknown_secret_hash()
        preparation.save(update_fields=["revoked_at", "secret_hash"])
    return preparation


@transaction.atomic
def preparation_resend(*, preparation) -> Preparation:
    """A new link, valid for another 30 days; every older link (also a revoked one) stops working. Sent by
    e-mail when there is an address."""
    _new_link(preparation)
    preparation.expires_at = timezone.now() + timedelta(days=LINK_DAYS)
    preparation.revoked_at = None
    if preparation.email:
        _send(preparation)
    preparation.save(update_fields=["secret_hash", "expires_at", "revoked_at", "sent_at"])
    return preparation


@transaction.atomic
def preparation_answer(*, preparation, answers: dict, ratings: dict | None = None) -> Preparation:
    """Store what the person filled in. Ratings (1 to 5) only for a professional, about their own
    organisation. The link must still be valid at this moment."""
    locked = Preparation.objects.select_for_update().get(pk=preparation.pk)
    if locked.revoked_at is not None or not secrets_match(locked.secret_hash, preparation.secret_hash):
        raise ValidationError(link_messages()[REVOKED])
    if locked.expires_at <= timezone.now():
        raise ValidationError(link_messages()[EXPIRED])
    cleaned = {}
    for key, _question in questions.for_role(locked.role):
        text = rules.long_text(
            (answers or {}).get(key, ""),
            max_length=ANSWER_MAX,
            too_long=_("Een antwoord mag hoogstens %(max)d tekens hebben."),
        )
        if text:
            cleaned[key] = text
    rated = rules.ratings(ratings or {}) if locked.role == Preparation.Role.PROFESSIONAL else {}
    if not cleaned and not any(v is not None for v in rated.values()):
        raise ValidationError(_("Vul eerst minstens één vraag in."))
    for field, value in rated.items():
        setattr(locked, field, value)
    locked.answers = cleaned
    locked.answered_at = timezone.now()
    locked.save()
    return locked
