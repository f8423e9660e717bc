"""Logging in with an organisation account (OpenID Connect). The provider vouches for who someone is; this app
decides what they may do, and only ever gives what an owner or the operator gave:
- a known subject is the same user again, also after the organisation changed their e-mail address;
- otherwise a user is matched by verified e-mail address, and the subject is linked to them;
- a new user is made only for an owner's open invitation (with its role) or for a workspace the operator's
  claim (ALLIN_OIDC_WORKSPACE_CLAIM) names, as a viewer; anyone else is refused with a reason."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.audit.services import audit_record
from allin.core.limits import EMAIL_MAX, NAME_MAX
from allin.workspaces.models import Membership, Role, User, Workspace, WorkspaceInvitation
from allin.workspaces.services import INVITATION_MAX_AGE, invitation_accept_found

from .models import SsoIdentity


class Refused(Exception):
    """The login is refused; the message (Dutch) tells the person why and what to do."""


def _verified(claims) -> bool:
    # Some providers send the boolean as a string.
    return claims.get("email_verified") in (True, "true", "True")


def _email(claims) -> str:
    email = str(claims.get("email") or "").strip().lower()
    if not email or "@" not in email or len(email) > EMAIL_MAX:
        raise Refused(
            _("Je organisatie gaf geen bruikbaar e-mailadres door. Vraag je beheerder om dat te regelen.")
        )
    if settings.ALLIN_OIDC_REQUIRE_VERIFIED_EMAIL and not _verified(claims):
        raise Refused(
            _(
                "Je organisatie heeft je e-mailadres %(email)s niet als bevestigd doorgegeven. Vraag je beheerder "
                "om dat te regelen."
            )
            % {"email": email}
        )
    return email


def _open_invitations(email):
    return WorkspaceInvitation.objects.filter(
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        created_at__gte=timezone.now() - timedelta(seconds=INVITATION_MAX_AGE),
    ).select_related("workspace")


def _claimed_workspaces(claims):
    name = settings.ALLIN_OIDC_WORKSPACE_CLAIM
    if not name:
        return Workspace.objects.none()
    value = claims.get(name)
    slugs = (
        [value] if isinstance(value, str) else list(value or []) if isinstance(value, list | tuple) else []
    )
    return Workspace.objects.filter(slug__in=[str(slug) for slug in slugs])


def _change_email(user, email):
    if User.objects.filter(email=email).exclude(pk=user.pk).exists():
        raise Refused(
            _(
                "Je organisatie geeft nu %(email)s als je e-mailadres, maar dat hoort al bij een ander account. "
                "Vraag een eigenaar van je werkruimte om hulp."
            )
            % {"email": email}
        )
    user.email = email
    user.save(update_fields=["email"])


def _new_user(email, claims):
    invitations = list(_open_invitations(email))
    claimed = list(_claimed_workspaces(claims))
    if not invitations and not claimed:
        raise Refused(
            _(
                "Er is nog geen account voor %(email)s. Vraag een eigenaar van je werkruimte om je uit te nodigen; "
                "daarna kun je hier inloggen."
            )
            % {"email": email}
        )
    user = User.objects.create_user(email=email, full_name=str(claims.get("name") or "").strip()[:NAME_MAX])
    # Invitations first, so the role an owner chose wins over the claim's viewer role.
    for invitation in invitations:
        invitation_accept_found(invitation=invitation, user=user)
    for workspace in claimed:
        membership, created = Membership.objects.get_or_create(
            workspace=workspace, user=user, defaults={"role": Role.VIEWER}
        )
        if created:
            audit_record(
                workspace=workspace, actor=user, action="member.sso_join", target=membership, summary=email
            )
    return user


@transaction.atomic
def sso_login(*, issuer: str, subject: str, claims: dict) -> User:
    """The user this organisation account logs in as, made or updated as the rules above say; Refused otherwise."""
    if not subject:
        raise Refused(_("Je organisatie gaf niet door wie je bent. Probeer het opnieuw."))
    email = _email(claims)
    identity = (
        SsoIdentity.objects.select_for_update()
        .select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    if identity is not None:
        user = identity.user
        if user.email != email:
            _change_email(user, email)
    else:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = _new_user(email, claims)
        elif SsoIdentity.objects.filter(issuer=issuer, user=user).exists():
            raise Refused(
                _("%(email)s hoort al bij een ander account van je organisatie. Vraag je beheerder om hulp.")
                % {"email": email}
            )
        identity = SsoIdentity.objects.create(user=user, issuer=issuer, subject=subject)
    if not user.is_active:
        raise Refused(_("Dit account is niet actief."))
    # An owner may invite someone who already has an account: their organisation login accepts it.
    for invitation in _open_invitations(user.email):
        if not Membership.objects.filter(workspace=invitation.workspace, user=user).exists():
            invitation_accept_found(invitation=invitation, user=user)
    identity.last_login_at = timezone.now()
    identity.save(update_fields=["last_login_at"])
    return user
