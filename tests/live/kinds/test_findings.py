"""Findings ("zoektocht naar hulp"): phones pick their group by name and enter search words, organisations with
ratings of 1 to 5, what they did not find and their undercover assignment; it all lands on the process's social
map. The projector shows the words as a cloud and the organisations found most; in present mode the console puts
an organisation's mirror on the projector. Wrong ratings, closed activities and too many posts are refused."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from allin.live import registry, services
from allin.live.kinds import findings
from allin.live.models import Activity
from allin.socialmap import preparations
from allin.socialmap import services as map_services
from allin.socialmap.models import Finding, SearchWord, Undercover, YouthGroup
from tests import factories
from tests.conftest import client_for
from tests.live import helpers

LIVE = {"X-Live": "1"}
HTMX = {"HX-Request": "true"}


@pytest.fixture
def search(workspace):
    meeting = helpers.meeting(workspace)
    item = meeting.items.all()[1]
    item.activity = {"type": "findings", "prompt": "Zoek hulp bij geldzorgen"}
    item.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    return Activity.objects.select_related("live__meeting__process").get(live=live, item=item)


@pytest.fixture
def sam(search):
    return helpers.join(search.live, name="Sam")


def phone(activity, attendee):
    return helpers.phone_client(Client(), activity.live, attendee)


def act(client, activity, action, data, headers=LIVE):
    url = reverse("live_activity_action", args=[activity.live.code, activity.pk, action])
    return client.post(url, data, headers=headers)


def mine(client, activity):
    return client.get(reverse("live_activity_mine", args=[activity.live.code, activity.pk])).content.decode()


def projector(activity):
    live = activity.live
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


def test_the_kind_is_registered_and_the_method_library_knows_it():
    from allin.methods.activities import ACTIVITY_LABELS
    from allin.methods.schema import ACTIVITY_TYPES

    assert registry.get("findings").kind == "findings"
    assert "findings" in ACTIVITY_TYPES and "findings" in ACTIVITY_LABELS


def test_a_phone_picks_its_group_and_enters_what_it_found(search, sam):
    client = phone(search, sam)
    assert "Kies je groepje" in mine(client, search)
    assert act(client, search, "group", {"name": "Groepje 1"}).status_code == 200
    assert act(
        client, search, "word", {"text": "Schulden hulp", "client_id": "7d3c7d06-1c2b-4a7e-9b55-1f2d3e4a5b6c"}
    )
    act(
        client, search, "word", {"text": "Schulden hulp", "client_id": "7d3c7d06-1c2b-4a7e-9b55-1f2d3e4a5b6c"}
    )
    response = act(
        client,
        search,
        "finding",
        {
            "organisation": "Geldfit",
            "how_found": "Google",
            "findability": "4",
            "fit": "5",
            "tips": "Een chat",
        },
    )
    assert response.status_code == 200 and "Geldfit" in response.content.decode()
    act(client, search, "notfound", {"name": "Chat van schuldhulp"})
    act(client, search, "undercover", {"organisation": "Geldfit", "case": "Lisa (19)", "tops": "Snel"})
    group = YouthGroup.objects.get()
    assert (group.name, group.meeting_id) == ("Groepje 1", search.live.meeting_id)
    assert SearchWord.objects.filter(group=group).count() == 1  # the retry with the same id counted once
    finding = Finding.objects.get(group=group)
    assert (finding.organisation.name, finding.findability, finding.fit, finding.tips) == (
        "Geldfit",
        4,
        5,
        "Een chat",
    )
    assert Undercover.objects.get(group=group).organisation == finding.organisation
    assert "Jullie zoektocht: Groepje 1" in mine(client, search)


def test_a_removal_sent_twice_answers_both_times_with_the_groups_list(search, sam):
    """The phone's outbox sends a removal again when its answer was lost: gone already is what was asked."""
    client = phone(search, sam)
    act(client, search, "group", {"name": "Groepje 1"})
    act(client, search, "word", {"text": "Schuldhulp", "client_id": "5a0f4a52-6b3e-4d0c-9d8e-2b1c3a4d5e6f"})
    word = SearchWord.objects.get()
    answers = [act(client, search, "remove", {"what": "word", "id": word.pk}) for _ in range(2)]
    assert [a.status_code for a in answers] == [200, 200] and not SearchWord.objects.exists()
    assert "Schuldhulp" not in answers[1].content.decode()
    assert act(client, search, "remove", {"what": "iets", "id": word.pk}).status_code == 400  # still checked


def test_phones_of_one_group_share_their_findings(search, sam):
    kim = helpers.join(search.live, name="Kim")
    act(phone(search, sam), search, "group", {"name": "Groepje 1"})
    act(phone(search, kim), search, "group", {"existing": "Groepje 1"})
    act(phone(search, kim), search, "finding", {"organisation": "Jongerenloket"})
    assert "Jongerenloket" in mine(phone(search, sam), search)
    assert YouthGroup.objects.count() == 1


@pytest.mark.parametrize("value", ["0", "6", "drie"])
def test_a_rating_outside_one_to_five_is_refused_and_nothing_saved(search, sam, value):
    client = phone(search, sam)
    act(client, search, "group", {"name": "Groepje 1"})
    response = act(client, search, "finding", {"organisation": "Geldfit", "reachability": value})
    assert response.status_code == 400
    assert "Bereikbaarheid: kies een cijfer van 1 tot en met 5." in response.content.decode()
    assert not Finding.objects.exists()


def test_without_a_group_nothing_can_be_sent(search, sam):
    response = act(phone(search, sam), search, "word", {"text": "geld"})
    assert response.status_code == 400 and "Kies eerst je groepje" in response.content.decode()


def test_a_plain_form_without_script_is_sent_back_to_the_phone_page(search, sam):
    client = phone(search, sam)
    response = act(client, search, "group", {"name": "Groepje 1"}, headers={})
    assert response.status_code == 302 and response["Location"].endswith("#stage")


def test_a_closed_activity_and_present_mode_refuse_phones(search, sam):
    client = phone(search, sam)
    act(client, search, "group", {"name": "Groepje 1"})
    services.activity_set(activity=search, is_open=False)
    assert "gesloten" in act(client, search, "word", {"text": "geld"}).content.decode()
    services.activity_set(activity=search, is_open=True)
    findings.findings_mode(activity=search, mode="present")
    assert "gesloten" in act(client, search, "word", {"text": "geld"}).content.decode()
    assert not SearchWord.objects.exists()


def test_a_phone_of_another_meeting_cannot_send(search, workspace):
    other_live = helpers.live_meeting(workspace, name="Andere")
    stranger = helpers.join(other_live, name="Kim")
    with pytest.raises(ValidationError, match="doet niet mee"):
        findings.check_phone(search, stranger)


def test_too_many_posts_from_one_phone_are_refused(search, sam):
    client = phone(search, sam)
    act(client, search, "group", {"name": "Groepje 1"})
    for n in range(findings.POSTS_PER_MINUTE - 1):
        act(client, search, "word", {"text": f"woord{n}"})
    response = act(client, search, "word", {"text": "nog een"})
    assert response.status_code == 400 and "Wacht een minuut" in response.content.decode()
    assert SearchWord.objects.count() == findings.POSTS_PER_MINUTE - 1  # the group choice was the first post


def test_the_projector_shows_the_cloud_and_the_organisations_found_most(search, sam):
    client = phone(search, sam)
    act(client, search, "group", {"name": "Groepje 1"})
    for word in ("geld", "Geld!", "toeslagen"):
        act(client, search, "word", {"text": word})
    act(client, search, "finding", {"organisation": "Geldfit <b>"})
    html = projector(search)
    assert (
        'class="wc-svg"' in html
        and "Geldfit &lt;b&gt;" in html
        and '<li><span dir="auto">geld</span>: 2</li>' in html
    )
    services.activity_set(activity=search, revealed=False)
    html = projector(search)
    assert "1 groepje is aan het zoeken" in html and "Geldfit" not in html


def _console(activity, user, action, data):
    url = reverse(
        "live_kind_action",
        args=[activity.live.meeting.process.workspace.slug, activity.live.meeting_id, activity.pk, action],
    )
    return client_for(user).post(url, data, headers=HTMX)


def test_the_console_presents_the_mirror_on_the_projector(search, facilitator, workspace):
    process = search.live.meeting.process
    group = map_services.group_create(process=process, name="Groepje 1")
    geldfit = map_services.finding_save(
        group=group, organisation_name="Geldfit", ratings={"findability": 2}
    ).organisation
    loket = map_services.finding_save(group=group, organisation_name="Jongerenloket").organisation
    petra = preparations.preparation_create(
        process=process, role="professional", name="P", organisation_name="Geldfit"
    )
    preparations.preparation_answer(preparation=petra, answers={}, ratings={"findability": 5})
    assert _console(search, facilitator, "mode", {"mode": "present"}).status_code == 200
    search.refresh_from_db()
    assert findings.mode_of(search) == findings.PRESENT
    console = _console(search, facilitator, "show", {"organisation": geldfit.pk})
    assert console.status_code == 200 and "Op het scherm: de spiegel van Geldfit" in console.content.decode()
    html = projector(search)
    assert f"mirror-{geldfit.pk}-title" in html and "<caption" in html
    refused = _console(search, facilitator, "show", {"organisation": loket.pk})
    assert refused.status_code == 400 and "nog geen cijfers" in refused.content.decode()
    _console(search, facilitator, "show", {"organisation": ""})
    assert "Vaakst gevonden" in projector(search)
    assert _console(search, facilitator, "mode", {"mode": "vreemd"}).status_code == 400


def test_a_viewer_cannot_change_the_mode(search, viewer):
    assert _console(search, viewer, "mode", {"mode": "present"}).status_code == 403
    search.refresh_from_db()
    assert findings.mode_of(search) == findings.COLLECT


def test_results_list_words_organisations_and_what_was_not_found(search):
    group = map_services.group_create(process=search.live.meeting.process, name="G")
    map_services.search_words_add(group=group, texts=["geld", "geld"])
    map_services.finding_save(group=group, organisation_name="Geldfit")
    map_services.not_found_add(group=group, name="Chat")
    lines = findings.results(search)["lines"]
    assert lines == ["Zoekwoorden: geld (2)", "Geldfit: gevonden door 1 groepje", "Niet gevonden: Chat"]


def test_the_all_in_session_shows_the_social_map_in_its_youth_item(workspace):
    process = factories.process(workspace)
    meeting = process.meetings.get(method_key="b-sessie")
    item = next(i for i in meeting.items.all() if i.title.startswith("III."))
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    activity = Activity.objects.get(live=live, item=item)
    assert activity.kind == "findings" and findings.mode_of(activity) == findings.PRESENT
    assert activity.config.get("minutes") == 3
