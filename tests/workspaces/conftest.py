"""Helpers for the workspace tests: pending invitations and the link inside an e-mail."""

import re

import pytest

from allin.workspaces import services
from allin.workspaces.models import Role

LINK = re.compile(r"https?://\S+")


def link_in(message):
    """The one link in an e-mail's body, as a path the test client can open."""
    links = LINK.findall(message.body)
    assert len(links) == 1, message.body
    return re.sub(r"^https?://[^/]+", "", links[0])


@pytest.fixture
def invite(workspace, owner):
    """Invite an e-mail address to the workspace; returns (invitation, token)."""

    def make(email="nieuw@example.org", role=Role.FACILITATOR):
        invitation = services.invitation_create(workspace=workspace, email=email, role=role, invited_by=owner)
        return invitation, invitation.token

    return make
