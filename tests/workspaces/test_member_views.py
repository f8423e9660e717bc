"""The members page: owners invite, revoke and change roles; nobody else may. And the invitation page."""

import pytest
from django.core import mail
from django.urls import reverse

from allin.workspaces import services
from allin.workspaces.models import Membership, Role, User, WorkspaceInvitation
from tests import factories
from tests.conftest import client_for

from .conftest import link_in


def _url(name, workspace, *args):
    return reverse(name, args=[workspace.slug, *args])


def _membership(workspace, user):
    return Membership.objects.get(workspace=workspace, user=user)


def _messages(response):
    return [str(m) for m in response.context["messages"]]


# --- owners manage members ------------------------------------------------------------------------


def test_owner_invites_a_colleague(workspace, as_owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_owner.post(
            _url("invite", workspace), {"email": "collega@example.org", "role": Role.VIEWER}, follow=True
        )
    assert response.redirect_chain == [(_url("members", workspace), 302)]
    assert _messages(response) == ["De uitnodiging is verstuurd naar collega@example.org."]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["collega@example.org"]
    invitation = WorkspaceInvitation.objects.get()
    assert (invitation.email, invitation.role) == ("collega@example.org", Role.VIEWER)
    html = response.content.decode()
    assert "Openstaande uitnodigingen" in html
    assert "collega@example.org" in html
    assert _url("invitation_revoke", workspace, invitation.pk) in html


def test_inviting_a_member_again_shows_the_error_once(workspace, as_owner, facilitator):
    response = as_owner.post(
        _url("invite", workspace), {"email": facilitator.email, "role": Role.VIEWER}, follow=True
    )
    assert _messages(response) == [f"{facilitator.email} is al lid van deze werkruimte."]
    assert not WorkspaceInvitation.objects.exists()
    assert mail.outbox == []


def test_inviting_a_bad_address_shows_an_error(workspace, as_owner):
    response = as_owner.post(
        _url("invite", workspace), {"email": "geen-adres", "role": Role.VIEWER}, follow=True
    )
    assert len(_messages(response)) == 1
    assert "e-mailadres" in _messages(response)[0]
    assert not WorkspaceInvitation.objects.exists()


def test_owner_revokes_an_invitation(workspace, owner, as_owner, invite, client):
    invitation, token = invite()
    response = as_owner.post(_url("invitation_revoke", workspace, invitation.pk), follow=True)
    assert _messages(response) == ["De uitnodiging is ingetrokken."]
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert "nieuw@example.org" not in response.content.decode()
    page = client.get(reverse("invitation_accept", args=[token]))
    assert page.status_code == 404
    assert "Deze uitnodiging werkt niet meer" in page.content.decode()


def test_owner_changes_a_role(workspace, as_owner, facilitator):
    membership = _membership(workspace, facilitator)
    response = as_owner.post(
        _url("member_role", workspace, membership.pk), {"role": Role.VIEWER}, follow=True
    )
    assert _messages(response) == ["De rol is aangepast."]
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER


def test_an_unknown_role_is_refused(workspace, as_owner, facilitator):
    membership = _membership(workspace, facilitator)
    response = as_owner.post(_url("member_role", workspace, membership.pk), {"role": "baas"}, follow=True)
    assert _messages(response) == ["Kies een geldige rol."]
    membership.refresh_from_db()
    assert membership.role == Role.FACILITATOR


def test_the_last_owner_cannot_demote_themselves(workspace, owner, as_owner):
    membership = _membership(workspace, owner)
    response = as_owner.post(
        _url("member_role", workspace, membership.pk), {"role": Role.VIEWER}, follow=True
    )
    assert _messages(response) == ["Een werkruimte heeft altijd minstens één eigenaar nodig."]
    membership.refresh_from_db()
    assert membership.role == Role.OWNER


def test_owner_removes_a_member(workspace, as_owner, viewer):
    response = as_owner.post(_url("member_remove", workspace, _membership(workspace, viewer).pk), follow=True)
    assert _messages(response) == ["Het lid is uit de werkruimte gehaald."]
    assert not Membership.objects.filter(workspace=workspace, user=viewer).exists()
    assert client_for(viewer).get(_url("workspace_home", workspace)).status_code == 404


def test_the_last_owner_cannot_remove_themselves(workspace, owner, as_owner):
    response = as_owner.post(_url("member_remove", workspace, _membership(workspace, owner).pk), follow=True)
    assert _messages(response) == ["Een werkruimte heeft altijd minstens één eigenaar nodig."]
    assert Membership.objects.filter(workspace=workspace, user=owner).exists()


def test_an_owner_who_leaves_lands_on_the_home_page(workspace, owner, as_owner, facilitator):
    services.membership_set_role(membership=_membership(workspace, facilitator), role=Role.OWNER)
    response = as_owner.post(_url("member_remove", workspace, _membership(workspace, owner).pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert not Membership.objects.filter(workspace=workspace, user=owner).exists()


def test_owners_cannot_reach_members_of_another_workspace(workspace, as_owner, outsider):
    foreign = Membership.objects.get(user=outsider)
    assert as_owner.post(_url("member_role", workspace, foreign.pk), {"role": Role.VIEWER}).status_code == 404
    assert as_owner.post(_url("member_remove", workspace, foreign.pk)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.role == Role.OWNER


def test_owners_cannot_revoke_invitations_of_another_workspace(workspace, as_owner, outsider):
    foreign_ws = Membership.objects.get(user=outsider).workspace
    invitation = services.invitation_create(
        workspace=foreign_ws, email="x@example.org", role=Role.VIEWER, invited_by=outsider
    )
    assert as_owner.post(_url("invitation_revoke", workspace, invitation.pk)).status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


# --- nobody else manages members ------------------------------------------------------------------


@pytest.fixture
def management_posts(workspace, invite, facilitator, viewer):
    invitation, _ = invite()
    target = _membership(workspace, facilitator).pk
    return [
        (_url("invite", workspace), {"email": "nog-een@example.org", "role": Role.OWNER}),
        (_url("invitation_revoke", workspace, invitation.pk), {}),
        (_url("member_role", workspace, target), {"role": Role.OWNER}),
        (_url("member_remove", workspace, target), {}),
    ]


def _state(workspace):
    return (
        sorted(workspace.memberships.values_list("user_id", "role")),
        sorted(WorkspaceInvitation.objects.values_list("email", "revoked_at")),
    )


@pytest.mark.parametrize("persona, status", [("facilitator", 403), ("viewer", 403), ("outsider", 404)])
def test_only_owners_manage_members(request, workspace, management_posts, persona, status):
    client = client_for(request.getfixturevalue(persona))
    before = _state(workspace)
    for url, data in management_posts:
        assert client.post(url, data).status_code == status, url
    assert _state(workspace) == before
    assert mail.outbox == []


def test_viewer_sees_the_members_but_no_management(workspace, as_viewer, owner, facilitator, invite):
    invite(email="geheim@example.org")
    response = as_viewer.get(_url("members", workspace))
    assert response.status_code == 200
    html = response.content.decode()
    assert owner.email in html and facilitator.email in html
    assert "Collega uitnodigen" not in html
    assert _url("invite", workspace) not in html
    assert 'name="role"' not in html
    assert "geheim@example.org" not in html  # pending invitations are for owners


def test_facilitator_sees_no_invite_form_either(workspace, as_facilitator):
    html = as_facilitator.get(_url("members", workspace)).content.decode()
    assert _url("invite", workspace) not in html


def test_owner_sees_the_invite_form(workspace, as_owner):
    html = as_owner.get(_url("members", workspace)).content.decode()
    assert "Collega uitnodigen" in html
    assert f'action="{_url("invite", workspace)}"' in html


# --- the invitation link --------------------------------------------------------------------------


def test_a_newcomer_makes_an_account_from_the_mailed_link(
    workspace, owner, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            workspace=workspace, email="nina@example.org", role=Role.VIEWER, invited_by=owner
        )
    link = link_in(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert "Je bent uitgenodigd als meekijker." in page.content.decode()

    response = client.post(link, {"full_name": "Nina Nieuw", "password": "lang-genoeg-2026"})
    assert response.status_code == 302
    assert response["Location"] == _url("workspace_home", workspace)
    nina = User.objects.get(email="nina@example.org")
    assert client.session["_auth_user_id"] == str(nina.pk)
    assert _membership(workspace, nina).role == Role.VIEWER
    assert client.get(link).status_code == 404  # single use


def test_a_weak_password_is_refused_on_the_invitation_page(workspace, invite, client):
    _, token = invite(email="zwak@example.org")
    response = client.post(
        reverse("invitation_accept", args=[token]), {"full_name": "Zwak", "password": "12345"}
    )
    assert response.status_code == 400
    assert "Er ging iets mis" in response.content.decode()
    assert not User.objects.filter(email="zwak@example.org").exists()


def test_an_existing_account_is_told_to_log_in_first(workspace, invite, client):
    factories.user(email="bekend@example.org")
    _, token = invite(email="bekend@example.org")
    response = client.post(
        reverse("invitation_accept", args=[token]), {"full_name": "B", "password": "lang-genoeg-2026"}
    )
    assert response.status_code == 400
    assert "Log eerst in" in response.content.decode()


def test_a_logged_in_user_accepts_with_one_click(workspace, invite, outsider):
    _, token = invite(email=outsider.email, role=Role.FACILITATOR)
    client = client_for(outsider)
    url = reverse("invitation_accept", args=[token])
    assert "Uitnodiging aannemen" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == _url("workspace_home", workspace)
    assert _messages(response) == [f"Welkom bij {workspace.name}."]
    assert _membership(workspace, outsider).role == Role.FACILITATOR


@pytest.mark.parametrize("token", ["1:abc:def", "onzin", "1"])
def test_a_broken_link_shows_the_invalid_page(db, client, token):
    page = client.get(reverse("invitation_accept", args=[token]))
    assert page.status_code == 404
    assert "Deze uitnodiging werkt niet meer" in page.content.decode()


def test_new_account_password_may_not_resemble_the_invited_address(client, invite):
    invitation, token = invite()
    local_part = invitation.email.split("@")[0]
    response = client.post(
        f"/uitnodiging/{token}/", {"full_name": "Nina Nieuw", "password": local_part + "1"}
    )
    assert response.status_code == 400
    assert "lijkt te veel op" in response.content.decode()
