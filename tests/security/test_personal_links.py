"""Links nobody can mint (issue 17 item 2): every personal link carries a random secret of its own that the
database keeps only as a hash, so a link signed with the real key but without that secret opens nothing;
revoking replaces the secret; an invitation is accepted only by the invited address; the key can be rotated."""

import pytest
from django.urls import reverse

from allin.actions import links as action_links
from allin.actions import services as action_services
from allin.actions.models import OwnerLink
from allin.core.tokens import link_secret_hash, make_link_token, make_token, new_link_secret
from allin.network import links as network_links
from allin.network import services as network_services
from allin.network.models import LinkMode, ParticipantLink
from allin.people import invitations as people_invitations
from allin.people import links as rsvp_links
from allin.people.models import Invitation, RsvpLink
from allin.socialmap import preparations
from allin.socialmap.models import Preparation
from allin.workspaces import services as workspace_services
from allin.workspaces.models import Membership, Role, WorkspaceInvitation
from tests import factories
from tests.people import factories as people_factories

from ..conftest import client_for


@pytest.fixture
def process(workspace, facilitator):
    return factories.process(workspace, by=facilitator)


@pytest.fixture
def invitation(workspace, owner):
    return workspace_services.invitation_create(
        workspace=workspace, email="nieuw@example.org", role=Role.FACILITATOR, invited_by=owner
    )


@pytest.fixture
def action(process):
    return action_services.action_create(
        process=process, title="Jongerenraad opzetten", owner_name="Sam", owner_email="sam@example.org"
    )


@pytest.fixture
def partner(workspace, process):
    return network_services.partner_create(
        workspace=workspace, name="ROC Wereld", kind="mbo", process=process
    )


@pytest.fixture
def rsvp_invitation(process):
    participant = people_factories.participant(process, name="Sam", email="sam@example.org")
    return Invitation.objects.create(
        participant=participant, meeting=people_factories.future_meeting(process)
    )


@pytest.fixture
def preparation(process):
    return preparations.preparation_create(process=process, role="professional", name="Petra Jansen")


def _secret_of(token):
    """The secret inside a genuine link (its last dotted part, before the signature)."""
    value = token.rsplit(":", 2)[0]
    return value.rsplit(".", 1)[1]


# ---- forged links: signed with the real key, without the record's secret ------------------------------------


def test_a_forged_invitation_link_opens_nothing(client, invitation):
    for forged in (
        make_token(purpose="workspace-invitation", value=str(invitation.pk)),  # the old format: a number only
        make_link_token(purpose="workspace-invitation", parts=[invitation.pk], secret=new_link_secret()),
    ):
        assert client.get(reverse("invitation_accept", args=[forged])).status_code == 404
    assert client.get(reverse("invitation_accept", args=[invitation.token])).status_code == 200


def test_a_forged_owner_link_opens_nothing(client, action):
    for forged in (
        make_token(purpose="action-owner", value=f"{action.pk}.{action.link_version}"),
        make_link_token(
            purpose="action-owner", parts=[action.pk, action.link_version], secret=new_link_secret()
        ),
    ):
        assert client.get(reverse("action_owner", args=[forged])).status_code == 404
    genuine = action_links.owner_token(action)
    assert client.get(reverse("action_owner", args=[genuine])).status_code == 200


def test_a_forged_partner_link_opens_nothing(client, partner):
    genuine = network_services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    partner.refresh_from_db()
    for forged in (
        make_token(purpose=network_links.PARTNER_PURPOSE, value=f"{partner.pk}.{partner.link_version}"),
        network_links.partner_token(partner, new_link_secret()),
    ):
        response = client.get(reverse("partner_card_about", args=[forged]))
        assert response.status_code == 404
        assert "Deze link klopt niet" in response.content.decode()
    assert client.get(reverse("partner_card_about", args=[genuine])).status_code == 200


def test_a_forged_participant_link_opens_nothing(client, process):
    genuine = network_services.participant_link_create(process=process)
    link = ParticipantLink.objects.get(process=process)
    for forged in (
        make_token(purpose=network_links.PARTICIPANT_PURPOSE, value=f"{process.pk}.{link.version}"),
        network_links.participant_token(link, new_link_secret()),
    ):
        assert client.get(reverse("participant_network", args=[forged])).status_code == 404
    assert client.get(reverse("participant_network", args=[genuine])).status_code == 200


def test_a_forged_rsvp_link_opens_nothing(client, rsvp_invitation):
    rsvp_links.invitation_token(rsvp_invitation)  # a genuine one exists
    forged = make_link_token(
        purpose=rsvp_links.RSVP_PURPOSE, parts=[rsvp_invitation.pk], secret=new_link_secret()
    )
    assert client.get(reverse("rsvp", args=[forged])).status_code == 404
    assert client.post(reverse("rsvp", args=[forged]), {"answer": "ja"}).status_code == 404
    assert Invitation.objects.get(pk=rsvp_invitation.pk).answer == ""


def test_a_forged_preparation_link_opens_nothing(client, preparation):
    forged = make_link_token(purpose=preparations.PURPOSE, parts=[preparation.pk], secret=new_link_secret())
    response = client.get(reverse("preparation_form", args=[forged]))
    assert response.status_code == 404 and "Deze link klopt niet" in response.content.decode()


# ---- the secret is kept only as a hash, and revoking replaces it ---------------------------------------------


def test_the_database_keeps_only_the_hash_of_a_secret(
    invitation, action, partner, process, rsvp_invitation, preparation
):
    secrets_and_rows = [(_secret_of(invitation.token), WorkspaceInvitation.objects.get(pk=invitation.pk))]
    owner_token = action_links.owner_token(action)
    secrets_and_rows.append((_secret_of(owner_token), OwnerLink.objects.get(action=action)))
    partner_token = network_services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    partner.refresh_from_db()
    secrets_and_rows.append((_secret_of(partner_token), partner))
    participant_token = network_services.participant_link_create(process=process)
    secrets_and_rows.append((_secret_of(participant_token), ParticipantLink.objects.get(process=process)))
    rsvp_token = rsvp_links.invitation_token(rsvp_invitation)
    secrets_and_rows.append((_secret_of(rsvp_token), RsvpLink.objects.get(invitation=rsvp_invitation)))
    secrets_and_rows.append(
        (_secret_of(preparations.token(preparation)), Preparation.objects.get(pk=preparation.pk))
    )
    for secret, row in secrets_and_rows:
        assert len(secret) >= 22  # 128 bits or more in URL-safe base64 (ours are 192)
        stored = [str(getattr(row, f.attname)) for f in row._meta.concrete_fields]
        assert not any(secret in value for value in stored), row
        assert link_secret_hash(secret) in stored


def test_revoking_replaces_the_secret(invitation, partner, process, rsvp_invitation, preparation):
    before = WorkspaceInvitation.objects.get(pk=invitation.pk).secret_hash
    workspace_services.invitation_revoke(invitation=invitation)
    assert WorkspaceInvitation.objects.get(pk=invitation.pk).secret_hash != before

    network_services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    partner.refresh_from_db()
    before = partner.link_secret_hash
    network_services.partner_link_revoke(partner=partner)
    partner.refresh_from_db()
    assert partner.link_secret_hash != before

    network_services.participant_link_create(process=process)
    before = ParticipantLink.objects.get(process=process).secret_hash
    network_services.participant_link_revoke(process=process)
    assert ParticipantLink.objects.get(process=process).secret_hash != before

    rsvp_links.invitation_token(rsvp_invitation)
    people_invitations.invitation_revoke(invitation=rsvp_invitation)
    assert not RsvpLink.objects.filter(invitation=rsvp_invitation).exists()

    before = Preparation.objects.get(pk=preparation.pk).secret_hash
    preparations.preparation_revoke(preparation=preparation)
    assert Preparation.objects.get(pk=preparation.pk).secret_hash != before


def test_revoking_an_owner_link_drops_its_secrets(action, client):
    token = action_links.owner_token(action)
    action_services.owner_link_revoke(action=action)
    assert not OwnerLink.objects.filter(action=action).exists()
    assert client.get(reverse("action_owner", args=[token])).status_code == 404


def test_every_owner_email_brings_a_link_and_older_ones_keep_working(action, client):
    first, second = action_links.owner_token(action), action_links.owner_token(action)
    assert first != second
    for token in (first, second):
        assert client.get(reverse("action_owner", args=[token])).status_code == 200


def test_the_facilitator_makes_a_link_to_pass_on(action, facilitator, process, workspace):
    browser = client_for(facilitator)
    url = reverse("action_link", args=[workspace.slug, process.pk, action.pk])
    browser.post(url, {"do": "copy"})
    detail = browser.get(
        reverse("action_detail", args=[workspace.slug, process.pk, action.pk])
    ).content.decode()
    made = OwnerLink.objects.get(action=action)
    link = next(part for part in detail.split('"') if "/actie/" in part)
    assert link_secret_hash(_secret_of(link.rstrip("/").rsplit("/", 1)[1])) == made.secret_hash


# ---- an invitation only for the invited address --------------------------------------------------------------


def test_an_invitation_is_refused_to_an_account_with_another_address(invitation, outsider):
    browser = client_for(outsider)
    url = reverse("invitation_accept", args=[invitation.token])
    page = browser.get(url)
    assert page.status_code == 403
    assert "Deze uitnodiging is voor een ander e-mailadres" in page.content.decode()
    assert browser.post(url).status_code == 403
    assert not Membership.objects.filter(user=outsider, workspace=invitation.workspace).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None  # still there for the invited person


def test_the_invited_address_accepts_whatever_its_case(invitation):
    person = factories.user(email="Nieuw@Example.org")
    browser = client_for(person)
    response = browser.post(reverse("invitation_accept", args=[invitation.token]))
    assert response.status_code == 302
    assert Membership.objects.filter(
        user=person, workspace=invitation.workspace, role=Role.FACILITATOR
    ).exists()


def test_the_service_refuses_another_address_too(invitation, outsider):
    with pytest.raises(workspace_services.WrongAccount):
        workspace_services.invitation_accept(token=invitation.token, user=outsider)


# ---- rotating ALLIN_SECRET_KEY -------------------------------------------------------------------------------


def test_a_rotated_key_keeps_sessions_and_links_through_the_fallbacks(
    settings, facilitator, invitation, action, rsvp_invitation, preparation
):
    browser = client_for(facilitator)
    owner_token = action_links.owner_token(action)
    rsvp_token = rsvp_links.invitation_token(rsvp_invitation)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "rotated-" + new_link_secret() * 2
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert browser.get(reverse("home"), follow=True).wsgi_request.user == facilitator  # still signed in
    anonymous = client_for(None)
    assert anonymous.get(reverse("invitation_accept", args=[invitation.token])).status_code == 200
    assert anonymous.get(reverse("action_owner", args=[owner_token])).status_code == 200
    assert anonymous.get(reverse("rsvp", args=[rsvp_token])).status_code == 200
    assert (
        anonymous.get(reverse("preparation_form", args=[preparations.token(preparation)])).status_code == 200
    )


def test_without_the_fallback_old_sessions_and_links_end(settings, facilitator, invitation):
    browser = client_for(facilitator)
    settings.SECRET_KEY = "rotated-" + new_link_secret() * 2
    settings.SECRET_KEY_FALLBACKS = []
    assert not browser.get(reverse("home"), follow=True).wsgi_request.user.is_authenticated
    assert client_for(None).get(reverse("invitation_accept", args=[invitation.token])).status_code == 404
