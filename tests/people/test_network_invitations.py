"""The network overview shows, per organisation, which meetings its people are invited to and who is coming."""

from django.urls import reverse

from allin.network.models import Share
from allin.people import invitations
from allin.people.models import RsvpAnswer
from tests.network import factories as network_factories

from . import factories


def test_the_overview_lists_invitations_per_organisation(workspace, as_facilitator, allin_process):
    roc = network_factories.partner(workspace, "ROC Voorbeeld", share=Share.WORKSPACE)
    meeting = factories.future_meeting(allin_process, name="Sessie jongeren en schulden")
    petra = factories.participant(
        allin_process, name="Petra", role="professional", organisation=roc, email="p@roc.nl"
    )
    karim = factories.participant(
        allin_process, name="Karim", role="professional", organisation=roc, email="k@roc.nl"
    )
    invitations.invitations_send(meeting=meeting, participants=[petra, karim])
    invitation = petra.invitations.get()
    invitations.rsvp_answer(invitation=invitation, answer=RsvpAnswer.YES)

    page = as_facilitator.get(reverse("network_overview", args=[workspace.slug])).content.decode()
    assert "Wie is uitgenodigd voor welke bijeenkomst?" in page
    assert "Sessie jongeren en schulden" in page
    assert "2 uitgenodigd, 1 komen" in page
    assert reverse("meeting_invitations", args=[workspace.slug, meeting.pk]) in page


def test_an_organisation_whose_card_a_viewer_may_not_see_is_not_listed(workspace, as_viewer, allin_process):
    hidden = network_factories.partner(workspace, "Geheime Stichting", share=Share.NOBODY)
    meeting = factories.future_meeting(allin_process)
    person = factories.participant(
        allin_process, name="Els", role="professional", organisation=hidden, email="e@x.nl"
    )
    invitations.invitations_send(meeting=meeting, participants=[person])

    page = as_viewer.get(reverse("network_overview", args=[workspace.slug])).content.decode()
    assert "Geheime Stichting" not in page
    assert "Nog niemand van deze organisaties is uitgenodigd" in page
