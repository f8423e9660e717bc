from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from allin.audit.services import audit_record
from allin.core.limits import NAME_MAX
from allin.core.site import public_url
from allin.core.tokens import (
    link_secret_hash,
    link_secret_matches,
    make_link_token,
    new_link_secret,
    read_link_token,
    unknown_secret_hash,
)

from . import export
from .models import Membership, Role, User, Workspace, WorkspaceInvitation

INVITATION_PURPOSE = "workspace-invitation"
INVITATION_MAX_AGE = 7 * 24 * 60 * 60


def _unique_slug(name):
    base = slugify(name)[:50] or "werkruimte"
    slug, n = base, 2
    while Workspace.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def workspace_create(*, name: str, owner: User) -> Workspace:
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Geef de werkruimte een naam."))
    if len(name) > NAME_MAX:
        raise ValidationError(_("De naam mag hoogstens 120 tekens lang zijn."))
    # Two people may pick one name at the same moment; the unique slug refuses one, who gets the next.
    for attempt in range(5):
        try:
            with transaction.atomic():
                workspace = Workspace.objects.create(name=name, slug=_unique_slug(name))
            break
        except IntegrityError:
            if attempt == 4:
                raise
    Membership.objects.create(workspace=workspace, user=owner, role=Role.OWNER)
    return workspace


def _invitation_token(invitation: WorkspaceInvitation, secret: str) -> str:
    return make_link_token(purpose=INVITATION_PURPOSE, parts=[invitation.pk], secret=secret)


class WrongAccount(ValidationError):
    """The invitation is for another e-mail address than the signed-in account's."""


@transaction.atomic
def invitation_create(
    *, workspace: Workspace, email: str, role: str, invited_by: User
) -> WorkspaceInvitation:
    email = (email or "").strip().lower()
    validate_email(email)
    if role not in Role.values:
        raise ValidationError(_("Kies een geldige rol."))
    if Membership.objects.filter(workspace=workspace, user__email=email).exists():
        raise ValidationError(_("%(email)s is al lid van deze werkruimte.") % {"email": email})
    secret = new_link_secret()  # only in the e-mail; the row keeps its hash
    invitation = WorkspaceInvitation.objects.create(
        workspace=workspace,
        email=email,
        role=role,
        invited_by=invited_by,
        secret_hash=link_secret_hash(secret),
    )
    audit_record(
        workspace=workspace,
        actor=invited_by,
        action="member.invite",
        target=invitation,
        summary=f"{email} {_('als')} {invitation.get_role_display()}",
    )
    # The only moment the link exists: in the e-mail, and on the returned object for the caller (tests, demo).
    invitation.token = _invitation_token(invitation, secret)
    link = public_url(reverse("invitation_accept", args=[invitation.token]))
    context = {"invitation": invitation, "link": link, "inviter": invited_by}
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Uitnodiging voor %(workspace)s in ALL-IN") % {"workspace": workspace.name},
            message=render_to_string("workspaces/email/invitation.txt", context),
            from_email=None,
            recipient_list=[email],
        )
    )
    return invitation


def invitation_from_token(token: str) -> WorkspaceInvitation | None:
    """The invitation a link names, or None when the link is forged, expired, used or revoked."""
    found = read_link_token(
        purpose=INVITATION_PURPOSE, token=token, max_age_seconds=INVITATION_MAX_AGE, numbers=1
    )
    if found is None:
        return None
    pk, secret = found
    invitation = (
        WorkspaceInvitation.objects.select_related("workspace")
        .filter(pk=pk, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )
    if invitation is None or not link_secret_matches(secret, invitation.secret_hash):
        return None
    return invitation


def invitation_is_for(invitation: WorkspaceInvitation, user: User) -> bool:
    return (user.email or "").strip().lower() == invitation.email.strip().lower()


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Membership:
    invitation = invitation_from_token(token)
    if invitation is None:
        raise ValidationError(_("Deze uitnodiging is verlopen, al gebruikt of ingetrokken."))
    return invitation_accept_found(invitation=invitation, user=user)


@transaction.atomic
def invitation_accept_found(*, invitation: WorkspaceInvitation, user: User) -> Membership:
    """Accepts an open invitation found without its link: by the link (above), or by an account whose verified
    e-mail is the invited address (single sign-on). The address must match either way."""
    # Lock the row so two clicks at once cannot both use a single-use link.
    invitation = WorkspaceInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise ValidationError(_("Deze uitnodiging is verlopen, al gebruikt of ingetrokken."))
    if not invitation_is_for(invitation, user):
        # A forwarded or leaked link makes nobody else a member.
        raise WrongAccount(_("Deze uitnodiging is voor een ander e-mailadres dan dat van je account."))
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership, created = Membership.objects.get_or_create(
        workspace=invitation.workspace, user=user, defaults={"role": invitation.role}
    )
    audit_record(
        workspace=invitation.workspace,
        actor=user,
        action="member.join",
        target=membership,
        summary=user.email,
    )
    return membership


@transaction.atomic
def invitation_accept_as_new_user(*, token: str, full_name: str, password: str) -> User:
    invitation = invitation_from_token(token)
    if invitation is None:
        raise ValidationError(_("Deze uitnodiging is verlopen, al gebruikt of ingetrokken."))
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=invitation.email, password=password, full_name=(full_name or "").strip()[:120]
            )
    except IntegrityError:
        raise ValidationError(_("Er bestaat al een account met dit e-mailadres. Log eerst in.")) from None
    invitation_accept(token=token, user=user)
    return user


@transaction.atomic
def invitation_revoke(*, invitation: WorkspaceInvitation) -> None:
    # Decide in the database, not on the caller's copy: an invitation accepted a moment ago stays accepted.
    WorkspaceInvitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now(), secret_hash=unknown_secret_hash())
    invitation.refresh_from_db(fields=["accepted_at", "revoked_at", "secret_hash"])
    audit_record(
        workspace=invitation.workspace_id,
        action="member.invite_revoke",
        target=invitation,
        summary=invitation.email,
    )


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str) -> Membership:
    if role not in Role.values:
        raise ValidationError(_("Kies een geldige rol."))
    _ensure_another_owner_remains(membership, new_role=role)
    audit_record(
        workspace=membership.workspace_id,
        action="member.role",
        target=membership,
        summary=f"{membership.user.email}: {membership.get_role_display()} → {Role(role).label}",
    )
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    _ensure_another_owner_remains(membership, new_role=None)
    audit_record(
        workspace=membership.workspace_id,
        action="member.remove",
        target=membership,
        summary=membership.user.email,
    )
    membership.delete()


def _ensure_another_owner_remains(membership, new_role):
    if new_role == Role.OWNER:
        return
    # Lock every owner row (count() would silently drop FOR UPDATE), so two owners demoting each other at once
    # cannot leave the workspace without one: the second waits for the first, then sees one owner left.
    owners = list(
        Membership.objects.select_for_update()
        .filter(workspace_id=membership.workspace_id, role=Role.OWNER)
        .values_list("pk", flat=True)
    )
    if membership.pk in owners and len(owners) == 1:
        raise ValidationError(_("Een werkruimte heeft altijd minstens één eigenaar nodig."))


def _same_name(typed: str, name: str) -> bool:
    return " ".join((typed or "").split()).casefold() == " ".join(name.split()).casefold()


def workspace_delete(*, workspace: Workspace, confirm_name: str) -> int:
    """Delete the workspace and everything in it, after its name was typed to confirm. Rows that would survive
    the cascade (a foreign key with SET_NULL into the workspace) are deleted too, and the uploaded files go once
    the deletion is committed. Returns how many rows were deleted."""
    if not _same_name(confirm_name, workspace.name):
        raise ValidationError(_("Typ de naam van de werkruimte precies over om te bevestigen."))
    with transaction.atomic():
        found = export.rows_of(workspace)
        files = export.uploaded_files(found)
        workspace.delete()
        for model, pks in found.items():
            for chunk in export.chunks(pks):
                model._base_manager.filter(pk__in=chunk).delete()
        transaction.on_commit(lambda: _delete_files(files))
    return sum(len(pks) for pks in found.values())


def _delete_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:  # already gone, or the disk refuses: the rows are gone either way
            continue
