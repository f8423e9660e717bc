"""allin.workspaces.services: workspaces, invitations (single use, 7 days, revocable, signed), memberships."""

import time
from unittest import mock

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.core.exceptions import ValidationError

from allin.workspaces import services
from allin.workspaces.models import Membership, Role, User, Workspace, WorkspaceInvitation
from tests import factories

from .conftest import link_in

SEVEN_DAYS = 7 * 24 * 60 * 60


# --- workspace_create -----------------------------------------------------------------------------


def test_workspace_create_makes_the_creator_its_owner(db):
    person = factories.user()
    workspace = services.workspace_create(name="  Gemeente Zuidhaven  ", owner=person)
    assert workspace.name == "Gemeente Zuidhaven"
    assert workspace.slug == "gemeente-zuidhaven"
    membership = Membership.objects.get(workspace=workspace)
    assert membership.user == person
    assert membership.role == Role.OWNER


def test_workspace_create_gives_each_workspace_its_own_slug(db):
    person = factories.user()
    first = services.workspace_create(name="Regio West", owner=person)
    second = services.workspace_create(name="Regio West", owner=person)
    third = services.workspace_create(name="Regio  west!", owner=person)
    assert len({first.slug, second.slug, third.slug}) == 3
    assert first.slug == "regio-west"
    assert second.slug.startswith("regio-west-")


def test_workspace_create_names_without_letters_still_get_a_slug(db):
    workspace = services.workspace_create(name="???", owner=factories.user())
    assert workspace.slug == "werkruimte"


@pytest.mark.parametrize("name", ["", "   ", None, "x" * 121])
def test_workspace_create_refuses_empty_or_too_long_names_and_saves_nothing(db, name):
    person = factories.user()
    with pytest.raises(ValidationError) as exc:
        services.workspace_create(name=name, owner=person)
    assert any("naam" in m for m in exc.value.messages)
    assert not Workspace.objects.exists()
    assert not Membership.objects.exists()


def test_workspace_create_accepts_a_name_of_exactly_120_characters(db):
    workspace = services.workspace_create(name="x" * 120, owner=factories.user())
    assert len(workspace.name) == 120


# --- invitation_create ----------------------------------------------------------------------------


def test_invitation_create_sends_one_mail_with_a_working_link(
    workspace, owner, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            workspace=workspace, email=" Nieuw@Example.org ", role=Role.VIEWER, invited_by=owner
        )
    assert invitation.email == "nieuw@example.org"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@example.org"]
    assert workspace.name in message.subject
    assert "Olga Eigenaar" in message.body
    path = link_in(message)
    assert path.startswith("/uitnodiging/")
    response = client.get(path)
    assert response.status_code == 200
    assert "Uitnodiging voor Gemeente Voorbeeldstad" in response.content.decode()


def test_invitation_create_sends_nothing_when_the_transaction_rolls_back(
    workspace, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.invitation_create(
            workspace=workspace, email="later@example.org", role=Role.VIEWER, invited_by=owner
        )
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_invitation_create_refuses_someone_who_is_already_a_member(workspace, owner, facilitator):
    with pytest.raises(ValidationError) as exc:
        services.invitation_create(
            workspace=workspace, email=facilitator.email.upper(), role=Role.VIEWER, invited_by=owner
        )
    assert "al lid" in exc.value.messages[0]
    assert not WorkspaceInvitation.objects.exists()


@pytest.mark.parametrize(
    "email, role", [("geen-adres", Role.VIEWER), ("", Role.VIEWER), ("a@example.org", "baas")]
)
def test_invitation_create_refuses_bad_addresses_and_unknown_roles(workspace, owner, email, role):
    with pytest.raises(ValidationError):
        services.invitation_create(workspace=workspace, email=email, role=role, invited_by=owner)
    assert not WorkspaceInvitation.objects.exists()


# --- invitation_accept ----------------------------------------------------------------------------


def test_invitation_accept_makes_a_membership_with_the_invited_role(workspace, invite):
    invitation, token = invite(email="gast@example.org", role=Role.VIEWER)
    person = factories.user(email="gast@example.org")
    membership = services.invitation_accept(token=token, user=person)
    assert (membership.workspace, membership.user, membership.role) == (workspace, person, Role.VIEWER)
    invitation.refresh_from_db()
    assert invitation.accepted_by == person
    assert invitation.accepted_at is not None


def test_invitation_link_works_only_once(workspace, invite):
    _, token = invite()
    services.invitation_accept(token=token, user=factories.user(email="nieuw@example.org"))
    someone_else = factories.user()
    with pytest.raises(ValidationError):
        services.invitation_accept(token=token, user=someone_else)
    assert not Membership.objects.filter(user=someone_else).exists()
    assert services.invitation_from_token(token) is None


def test_invitation_link_expires_after_seven_days(workspace, invite):
    _, token = invite()
    now = time.time()
    with mock.patch("django.core.signing.time.time", return_value=now + SEVEN_DAYS - 60):
        assert services.invitation_from_token(token) is not None
    person = factories.user(email="nieuw@example.org")
    with mock.patch("django.core.signing.time.time", return_value=now + SEVEN_DAYS + 60):
        assert services.invitation_from_token(token) is None
        with pytest.raises(ValidationError):
            services.invitation_accept(token=token, user=person)
    assert not Membership.objects.filter(user=person).exists()


def test_revoked_invitation_is_refused(workspace, invite):
    invitation, token = invite()
    services.invitation_revoke(invitation=invitation)
    person = factories.user(email="nieuw@example.org")
    with pytest.raises(ValidationError):
        services.invitation_accept(token=token, user=person)
    assert not Membership.objects.filter(user=person).exists()


def test_revoking_an_accepted_invitation_changes_nothing(workspace, invite):
    invitation, token = invite()
    services.invitation_accept(token=token, user=factories.user(email="nieuw@example.org"))
    services.invitation_revoke(invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_forged_or_altered_tokens_are_refused(workspace, invite):
    invitation, token = invite()
    other, _ = invite(email="ander@example.org")
    value, stamp, signature = token.split(":")
    forged = [
        f"{other.pk}:{stamp}:{signature}",  # another invitation's number under this signature
        f"{value}:{stamp}:{signature[:-2]}xx",  # a changed signature
        f"{value}:{stamp}",  # no signature
        str(invitation.pk),
        "niets",
        "",
    ]
    person = factories.user(email="nieuw@example.org")
    for token_ in forged:
        assert services.invitation_from_token(token_) is None, token_
        with pytest.raises(ValidationError):
            services.invitation_accept(token=token_, user=person)
    assert not Membership.objects.filter(user=person).exists()


def test_a_token_for_another_purpose_is_refused(workspace, invite):
    from allin.core.tokens import make_token

    invitation, _ = invite()
    elsewhere = make_token(purpose="password-reset", value=str(invitation.pk))
    assert services.invitation_from_token(elsewhere) is None


def test_accepting_as_an_existing_member_keeps_their_role(workspace, owner, invite):
    _, token = invite(email="iemand@example.org", role=Role.VIEWER)
    person = factories.member(
        workspace, Role.OWNER, email="iemand@example.org"
    )  # joined another way meanwhile
    membership = services.invitation_accept(token=token, user=person)
    assert membership.role == Role.OWNER
    assert Membership.objects.filter(workspace=workspace, user=person).count() == 1


# --- invitation_accept_as_new_user ----------------------------------------------------------------


def test_accept_as_new_user_creates_the_account_and_membership(workspace, invite, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    _, token = invite(email="nieuw@example.org", role=Role.FACILITATOR)
    user = services.invitation_accept_as_new_user(
        token=token, full_name="  Nina Nieuw ", password="lang-genoeg-2026"
    )
    assert user.email == "nieuw@example.org"
    assert user.full_name == "Nina Nieuw"
    assert user.check_password("lang-genoeg-2026")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert Membership.objects.get(workspace=workspace, user=user).role == Role.FACILITATOR


def test_accept_as_new_user_refuses_an_address_that_already_has_an_account(workspace, invite):
    existing = factories.user(email="bestaat@example.org")
    invitation, token = invite(email="bestaat@example.org")
    with pytest.raises(ValidationError) as exc:
        services.invitation_accept_as_new_user(token=token, full_name="Dubbel", password="lang-genoeg-2026")
    assert "Log eerst in" in exc.value.messages[0]
    assert User.objects.filter(email="bestaat@example.org").count() == 1
    assert not Membership.objects.filter(user=existing).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None  # still usable after logging in


def test_accept_as_new_user_refuses_a_used_link(workspace, invite):
    _, token = invite(email="eens@example.org")
    services.invitation_accept_as_new_user(token=token, full_name="Eens", password="lang-genoeg-2026")
    with pytest.raises(ValidationError):
        services.invitation_accept_as_new_user(token=token, full_name="Nog eens", password="lang-genoeg-2026")
    assert User.objects.filter(email="eens@example.org").count() == 1


# --- membership_set_role / membership_remove ------------------------------------------------------


def _membership(workspace, user):
    return Membership.objects.get(workspace=workspace, user=user)


def test_set_role_changes_the_role(workspace, owner, facilitator):
    services.membership_set_role(membership=_membership(workspace, facilitator), role=Role.VIEWER)
    assert _membership(workspace, facilitator).role == Role.VIEWER


def test_set_role_refuses_unknown_roles(workspace, owner, facilitator):
    with pytest.raises(ValidationError):
        services.membership_set_role(membership=_membership(workspace, facilitator), role="baas")
    assert _membership(workspace, facilitator).role == Role.FACILITATOR


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.VIEWER])
def test_the_last_owner_cannot_be_demoted(workspace, owner, facilitator, role):
    with pytest.raises(ValidationError) as exc:
        services.membership_set_role(membership=_membership(workspace, owner), role=role)
    assert "minstens één eigenaar" in exc.value.messages[0]
    assert _membership(workspace, owner).role == Role.OWNER


def test_the_last_owner_cannot_be_removed(workspace, owner, facilitator):
    with pytest.raises(ValidationError):
        services.membership_remove(membership=_membership(workspace, owner))
    assert _membership(workspace, owner).role == Role.OWNER


def test_an_owner_may_step_down_when_another_owner_remains(workspace, owner, facilitator):
    services.membership_set_role(membership=_membership(workspace, facilitator), role=Role.OWNER)
    services.membership_set_role(membership=_membership(workspace, owner), role=Role.VIEWER)
    assert _membership(workspace, owner).role == Role.VIEWER
    # now the former facilitator is the only owner
    with pytest.raises(ValidationError):
        services.membership_remove(membership=_membership(workspace, facilitator))


def test_a_stale_membership_object_cannot_remove_the_last_owner(workspace, owner, facilitator):
    """The check reads the roles from the database, not from the object the caller holds."""
    second = _membership(workspace, facilitator)
    services.membership_set_role(membership=_membership(workspace, facilitator), role=Role.OWNER)
    first = _membership(workspace, owner)
    services.membership_remove(membership=first)
    second.role = Role.FACILITATOR  # stale: the caller still thinks this one is a facilitator
    with pytest.raises(ValidationError):
        services.membership_remove(membership=second)
    assert Membership.objects.filter(workspace=workspace, role=Role.OWNER).count() == 1


def test_removing_a_member_deletes_only_that_membership(workspace, owner, facilitator, viewer):
    services.membership_remove(membership=_membership(workspace, viewer))
    assert set(workspace.memberships.values_list("user", flat=True)) == {owner.pk, facilitator.pk}
    assert User.objects.filter(pk=viewer.pk).exists()


def test_owners_of_another_workspace_do_not_count(workspace, owner, outsider):
    with pytest.raises(ValidationError):
        services.membership_remove(membership=_membership(workspace, owner))
