"""Writing the social map: groups, search words, findings with ratings 1 to 5, what was not found and the
undercover assignment. Every refusal is Dutch and leaves nothing half-saved."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from allin.socialmap import services
from allin.socialmap.models import Finding, HelpOrganisation, NotFound, SearchWord, Undercover, YouthGroup
from tests import factories


def test_a_group_is_found_again_by_its_name_in_any_spelling(process):
    first = services.group_create(process=process, name="Groepje 1")
    again = services.group_create(process=process, name="  groepje   1 ")
    assert first == again
    assert YouthGroup.objects.filter(process=process).count() == 1


@pytest.mark.parametrize("name, message", [("", "naam van je groepje"), ("x" * 41, "hoogstens 40")])
def test_a_group_needs_a_short_name(process, name, message):
    with pytest.raises(ValidationError, match=message):
        services.group_create(process=process, name=name)
    assert not YouthGroup.objects.exists()


def test_a_meeting_of_another_process_is_refused(process, workspace):
    other = factories.meeting(factories.empty_process(workspace, name="Ander"))
    with pytest.raises(ValidationError, match="hoort niet bij dit traject"):
        services.group_create(process=process, name="Groepje 1", meeting=other)


def test_search_words_are_counted_by_their_normal_spelling(group):
    word, created = services.search_word_add(group=group, text="Schulden hulp!")
    assert created and (word.text, word.word) == ("Schulden hulp!", "schulden hulp")


def test_a_retried_search_word_with_the_same_client_id_counts_once(group):
    key = uuid.uuid4()
    first, created = services.search_word_add(group=group, text="geld", client_id=key)
    again, created_again = services.search_word_add(group=group, text="geld", client_id=key)
    assert created and not created_again and first == again
    assert SearchWord.objects.count() == 1


def test_several_words_are_saved_all_or_none(group):
    with pytest.raises(ValidationError, match="hoogstens 3 woorden"):
        services.search_words_add(group=group, texts=["geld", "hulp bij geld nu", "toeslagen"])
    assert not SearchWord.objects.exists()
    services.search_words_add(group=group, texts=services.split_words("geld, toeslagen\nbudgetcoach"))
    assert list(SearchWord.objects.values_list("word", flat=True)) == ["geld", "toeslagen", "budgetcoach"]


def test_a_group_has_a_limit_of_search_words(group):
    services.search_words_add(group=group, texts=[f"woord{n}" for n in range(services.WORDS_PER_GROUP)])
    with pytest.raises(ValidationError, match="hoogstens 60 zoekwoorden"):
        services.search_word_add(group=group, text="nog een")


def test_a_finding_makes_the_organisation_and_a_second_save_changes_it(group):
    finding = services.finding_save(
        group=group,
        organisation_name="Geldfit",
        website="geldfit.nl",
        how_found="Google",
        ratings={"findability": "4", "reachability": 3, "clarity": "", "fit": None},
        tops="Snel",
    )
    assert finding.organisation.website == "https://geldfit.nl"
    assert (finding.findability, finding.reachability, finding.clarity, finding.fit) == (4, 3, None, None)
    again = services.finding_save(group=group, organisation_name="GELDFIT", ratings={"fit": 5}, tips="Chat")
    assert again.pk == finding.pk and (again.findability, again.fit, again.tops, again.tips) == (
        None,
        5,
        "",
        "Chat",
    )
    assert HelpOrganisation.objects.count() == 1


@pytest.mark.parametrize("value", [0, 6, "-1", "drie", "3.5", "10"])
def test_ratings_outside_one_to_five_are_refused_and_nothing_is_saved(group, value):
    with pytest.raises(ValidationError) as refused:
        services.finding_save(group=group, organisation_name="Geldfit", ratings={"clarity": value})
    assert "Duidelijkheid: kies een cijfer van 1 tot en met 5." in refused.value.messages
    assert not Finding.objects.exists() and not HelpOrganisation.objects.exists()


def test_every_wrong_rating_is_named(group):
    with pytest.raises(ValidationError) as refused:
        services.finding_save(group=group, organisation_name="Geldfit", ratings={"findability": 9, "fit": 0})
    assert len(refused.value.messages) == 2
    assert "Vindbaarheid" in refused.value.messages[0] and "Past bij jongeren" in refused.value.messages[1]


def test_the_database_refuses_a_rating_outside_one_to_five(group):
    finding = services.finding_save(group=group, organisation_name="Geldfit")
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.filter(pk=finding.pk).update(fit=6)


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"organisation_name": ""}, "naam van de organisatie"),
        ({"website": "geen adres"}, "geen webadres"),
        ({"tops": "x" * 1001}, "hoogstens 1000"),
        ({"how_found": "x" * 301}, "hoogstens 300"),
    ],
)
def test_bad_findings_are_refused_in_dutch(group, fields, message):
    values = {"organisation_name": "Geldfit", **fields}
    with pytest.raises(ValidationError, match=message):
        services.finding_save(group=group, **values)
    assert not Finding.objects.exists()


def test_text_keeps_its_lines_but_loses_control_characters(group):
    finding = services.finding_save(
        group=group, organisation_name="Geld\x00fit", tops="Een\r\n\r\n\r\n\r\ntwee\x07"
    )
    assert finding.organisation.name == "Geldfit"
    assert finding.tops == "Een\n\ntwee"


def test_a_finding_of_another_group_cannot_be_deleted(group, process):
    other = services.group_create(process=process, name="Groepje 2")
    finding = services.finding_save(group=other, organisation_name="Geldfit")
    with pytest.raises(ValidationError, match="niet \\(meer\\)"):
        services.finding_delete(group=group, finding_id=finding.pk)
    services.finding_delete(group=other, finding_id=finding.pk)
    assert not Finding.objects.exists()


def test_not_found_is_kept_once_per_name(group):
    services.not_found_add(group=group, name="Chat van schuldhulp")
    services.not_found_add(group=group, name="chat van schuldhulp", note="Alleen bellen")
    assert list(NotFound.objects.values_list("name", "note")) == [("Chat van schuldhulp", "Alleen bellen")]
    with pytest.raises(ValidationError, match="niet vonden"):
        services.not_found_add(group=group, name=" ")


def test_the_undercover_assignment_is_one_per_group(group):
    services.undercover_save(group=group, organisation_name="Jongerenloket", case="Daan (17)", tops="Snel")
    undercover = services.undercover_save(group=group, case="Lisa (19)", tips="Leg uit wat er gebeurt")
    assert Undercover.objects.count() == 1
    assert (undercover.organisation, undercover.case, undercover.tops) == (None, "Lisa (19)", "")
    with pytest.raises(ValidationError, match="Vul eerst iets in"):
        services.undercover_save(group=group)


def test_an_organisation_is_renamed_but_not_onto_another(group, process):
    geldfit = services.finding_save(group=group, organisation_name="Geldfit").organisation
    services.finding_save(group=group, organisation_name="Jongerenloket")
    with pytest.raises(ValidationError, match="staat al"):
        services.organisation_update(organisation=geldfit, name="jongerenloket")
    services.organisation_update(organisation=geldfit, name="Geldfit.nl", website="https://www.geldfit.nl")
    geldfit.refresh_from_db()
    assert (geldfit.name, geldfit.key) == ("Geldfit.nl", "geldfit.nl")


def test_a_partner_of_another_workspace_cannot_be_linked(group):
    from allin.network.models import Partner

    stranger = Partner.objects.create(workspace=factories.workspace("Elders"), name="Geldfit")
    org = services.finding_save(group=group, organisation_name="Geldfit").organisation
    with pytest.raises(ValidationError, match="hoort niet bij deze werkruimte"):
        services.organisation_update(organisation=org, name="Geldfit", partner=stranger)


def test_a_phone_enters_for_one_group_at_a_time(process):
    phone = uuid.uuid4()
    first = services.phone_group_set(process=process, phone=phone, name="Groepje 1")
    second = services.phone_group_set(process=process, phone=phone, name="Groepje 2")
    from allin.socialmap import selectors

    assert first != second and selectors.phone_group(process, phone) == second
