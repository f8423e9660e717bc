"""The network's services: cards, contacts, consent, collaborations. Every refusal is Dutch and saves nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from allin.network import collaborations, services
from allin.network.catalogue import ConsentSource, Share
from allin.network.models import Collaboration, ContactPerson, Partner
from allin.workspaces.models import Membership
from tests import factories as base_factories

from . import factories


def _create(workspace, **overrides):
    data = {"workspace": workspace, "name": "ROC Voorbeeld", "kind": "mbo"}
    return services.partner_create(**{**data, **overrides})


def test_create_keeps_the_card_and_its_contacts(workspace, allin_process, facilitator):
    partner = _create(
        workspace,
        website="www.roc.example",
        process=allin_process,
        created_by=facilitator,
        description="  Mbo-opleidingen\n\n- niveau 1 tot 4 ",
        ideas="Een spreekuur",
        contacts=[
            {"name": "Karin", "role": "decaan", "email": "Karin@ROC.example", "phone": "030 123"},
            {"name": "", "role": "", "email": "", "phone": ""},  # an empty row is skipped
        ],
    )
    partner.refresh_from_db()
    assert partner.website == "https://www.roc.example"
    assert partner.description == "Mbo-opleidingen\n\n- niveau 1 tot 4"
    assert partner.process == allin_process
    assert partner.share_with == Share.NOBODY and partner.consent_at is None
    assert [(c.name, c.email) for c in partner.contacts.all()] == [("Karin", "karin@roc.example")]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"name": "  "}, "Vul de naam van de organisatie in."),
        ({"name": "x" * 121}, "hoogstens 120 tekens"),
        ({"kind": "ruimteschip"}, "Kies een soort organisatie uit de lijst."),
        ({"website": "javascript:alert(1)"}, "De website is geen geldig adres"),
        ({"ideas": "x" * 2001}, "De ideeën mag hoogstens 2000 tekens"),
        ({"contacts": [{"name": "Karin", "email": "karin-at-roc"}]}, "'karin-at-roc' is geen e-mailadres"),
        (
            {"contacts": [{"name": "", "email": "karin@roc.example"}]},
            "Vul bij elke contactpersoon een naam in.",
        ),
        ({"contacts": [{"name": f"P{n}"} for n in range(4)]}, "hoogstens 3 contactpersonen"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_saves_nothing(workspace, overrides, message):
    with pytest.raises(ValidationError) as refused:
        _create(workspace, **overrides)
    assert message in " ".join(refused.value.messages)
    assert not Partner.objects.exists() and not ContactPerson.objects.exists()


def test_names_are_unique_per_workspace_whatever_the_case(workspace, outsider):
    _create(workspace)
    with pytest.raises(ValidationError, match="Er is al een partner met de naam"):
        _create(workspace, name="roc VOORBEELD")
    other = Membership.objects.get(user=outsider).workspace
    assert _create(other).workspace == other  # another workspace may have its own


def test_a_process_of_another_workspace_is_refused(workspace, outsider):
    foreign = base_factories.process(Membership.objects.get(user=outsider).workspace)
    with pytest.raises(ValidationError, match="hoort niet bij deze werkruimte"):
        _create(workspace, process=foreign)


def test_update_replaces_contacts_and_refuses_a_taken_name(workspace):
    partner = factories.partner(workspace, "ROC Voorbeeld")
    factories.partner(workspace, "Jongerenwerk")
    with pytest.raises(ValidationError):
        services.partner_update(partner=partner, name="JONGERENWERK", kind="mbo")
    services.partner_update(
        partner=partner, name="ROC Voorbeeld Zuid", kind="mbo", contacts=[{"name": "Piet", "role": "decaan"}]
    )
    partner.refresh_from_db()
    assert partner.name == "ROC Voorbeeld Zuid"
    assert [c.name for c in partner.contacts.all()] == ["Piet"]


def test_consent_records_who_gave_it_and_when(workspace, facilitator):
    partner = factories.partner(workspace)
    membership = Membership.objects.get(user=facilitator)
    services.consent_change(
        partner=partner, membership=membership, share_with=Share.PROCESS, given_by="Karin"
    )
    partner.refresh_from_db()
    assert partner.share_with == Share.PROCESS
    assert partner.consent_given_by == "Karin"
    assert partner.consent_source == ConsentSource.FACILITATOR
    assert partner.consent_recorded_by == facilitator
    assert partner.consent_at is not None


def test_consent_needs_who_gave_it_and_a_known_level(workspace, facilitator):
    partner = factories.partner(workspace)
    membership = Membership.objects.get(user=facilitator)
    with pytest.raises(ValidationError, match="Vul wie de toestemming gaf in"):
        services.consent_change(
            partner=partner, membership=membership, share_with=Share.WORKSPACE, given_by=" "
        )
    with pytest.raises(ValidationError, match="Kies met wie"):
        services.consent_change(
            partner=partner, membership=membership, share_with="iedereen", given_by="Karin"
        )
    partner.refresh_from_db()
    assert partner.share_with == Share.NOBODY and partner.consent_at is None


def test_a_viewer_or_another_workspace_may_not_change_consent(workspace, viewer, outsider):
    partner = factories.partner(workspace)
    for user in (viewer, outsider):
        membership = Membership.objects.get(user=user)
        with pytest.raises(PermissionDenied) as refused:
            services.consent_change(
                partner=partner, membership=membership, share_with=Share.WORKSPACE, given_by="X"
            )
        assert "Alleen begeleiders en eigenaren" in str(refused.value)
    partner.refresh_from_db()
    assert partner.share_with == Share.NOBODY


def test_collaborations_are_stored_once_per_pair(workspace):
    a, b = factories.partner(workspace, "A"), factories.partner(workspace, "B")
    collaboration = collaborations.collaboration_add(workspace=workspace, first=b, second=a, note="stages")
    assert (collaboration.first, collaboration.second) == tuple(sorted((a, b), key=lambda p: p.pk))
    with pytest.raises(ValidationError, match="staat er al"):
        collaborations.collaboration_add(workspace=workspace, first=a, second=b)
    with pytest.raises(ValidationError, match="twee verschillende"):
        collaborations.collaboration_add(workspace=workspace, first=a, second=a)
    services.partner_delete(partner=a)
    assert not Collaboration.objects.exists()


def test_collaboration_with_a_partner_of_another_workspace_is_refused(workspace, outsider):
    mine = factories.partner(workspace, "A")
    theirs = factories.partner(Membership.objects.get(user=outsider).workspace, "B")
    with pytest.raises(ValidationError, match="horen niet bij deze werkruimte"):
        collaborations.collaboration_add(workspace=workspace, first=mine, second=theirs)
