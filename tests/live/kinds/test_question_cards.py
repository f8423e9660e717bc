"""Question cards: the method's cards copied at live_open, tables set out and taken away, one seat per
attendee, one leader per table, only that table's leader moves its card, the table's notes, phones, projector
and console with and without htmx, the hidden-until-revealed rule, the pushes, and the results."""

import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allin.asgi import application
from allin.live import notes, selectors, services
from allin.live.activity_models import Table, TableSeat
from allin.live.kinds import question_cards as qc
from allin.live.models import Activity, Note
from tests.conftest import client_for
from tests.live import helpers
from tests.live.helpers import bare

HTMX = {"HX-Request": "true"}
LIVE = {"X-Live": "1"}
ORIGIN = (b"origin", b"http://testserver")


@pytest.fixture
def tables(workspace):
    """A live meeting on a question cards item of the ALL-IN method (its six cards), made current."""
    meeting = helpers.meeting(workspace)
    item = meeting.items.all()[1]
    item.activity = {"type": "question_cards", "prompt": "Bespreek de gesprekskaarten aan jullie tafel."}
    item.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=item)
    return fresh(Activity.objects.get(live=live, item=item))


def fresh(activity):
    return Activity.objects.select_related("live").get(pk=activity.pk)


@pytest.fixture
def sam(tables):
    return helpers.join(tables.live, name="Sam")


@pytest.fixture
def kim(tables):
    return helpers.join(tables.live, name="Kim")


@pytest.fixture
def two(tables):
    """Tafel 1 and Tafel 2."""
    return qc.tables_add(activity=tables, count=2)


def table(activity, number):
    return Table.objects.get(activity=activity, number=number)


def _phone(activity, attendee):
    return helpers.phone_client(Client(), activity.live, attendee)


def _action(activity, name):
    return reverse("live_activity_action", args=[activity.live.code, activity.pk, name])


def _mine(activity):
    return reverse("live_activity_mine", args=[activity.live.code, activity.pk])


def _kind_url(activity, name):
    meeting = activity.live.meeting
    return reverse("live_kind_action", args=[meeting.process.workspace.slug, meeting.pk, activity.pk, name])


def _projector(activity):
    live = activity.live
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


def write(activity, attendee, text="Een vast loket op school", category="idee", client_id=None):
    return qc.table_note_create(
        activity=activity,
        attendee=attendee,
        text=text,
        category=category,
        client_id=client_id or uuid.uuid4(),
    )


# ---- services ---------------------------------------------------------------------------------------


def test_the_methods_cards_are_copied_when_the_meeting_goes_live(tables):
    cards = qc.cards(tables)
    assert len(cards) == 6
    assert cards[0]["title"] == "Vraag 1: voorstellen" and cards[0]["questions"]
    assert cards[-1]["kind"] == "closing" and cards[-1]["title"] == "Slotvraag"


def test_tables_are_numbered_on(tables):
    qc.tables_add(activity=tables, count=3)
    qc.tables_add(activity=tables, count=2)
    assert [(t.number, t.name) for t in tables.tables.all()] == [(n, f"Tafel {n}") for n in range(1, 6)]


@pytest.mark.parametrize("count", [0, -1, 31, "", "vier", None])
def test_a_wrong_number_of_tables_is_refused(tables, count):
    with pytest.raises(ValidationError, match="Kies een aantal tafels van 1 tot 30"):
        qc.tables_add(activity=tables, count=count)
    assert not Table.objects.exists()


def test_at_most_thirty_tables(tables):
    qc.tables_add(activity=tables, count=28)
    with pytest.raises(ValidationError, match="hoogstens 30 tafels"):
        qc.tables_add(activity=tables, count=3)
    assert tables.tables.count() == 28


def test_one_seat_per_attendee_and_moving_keeps_one(tables, two, sam):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk)
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk)
    qc.table_sit(activity=tables, attendee=sam, table_id=two[1].pk)
    assert list(TableSeat.objects.values_list("table__number", flat=True)) == [2]


def test_one_leader_per_table(tables, two, sam, kim):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk, lead=True)
    qc.table_sit(activity=tables, attendee=kim, table_id=two[1].pk)
    with pytest.raises(ValidationError, match="al een gespreksleider"):
        qc.table_sit(activity=tables, attendee=kim, table_id=two[0].pk, lead=True)
    # Nothing changed: Kim still sits at table 2, Sam still leads table 1.
    assert TableSeat.objects.get(attendee=kim).table_id == two[1].pk
    assert table(tables, 1).leader == sam
    qc.table_sit(activity=tables, attendee=kim, table_id=two[0].pk)
    with pytest.raises(ValidationError, match="al een gespreksleider"):
        qc.table_lead(activity=tables, attendee=kim, lead=True)
    assert table(tables, 1).leader == sam


def test_a_leader_who_moves_leaves_the_role_behind(tables, two, sam):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk, lead=True)
    qc.table_sit(activity=tables, attendee=sam, table_id=two[1].pk, lead=True)
    assert table(tables, 1).leader is None and table(tables, 2).leader == sam
    qc.table_lead(activity=tables, attendee=sam, lead=False)
    assert table(tables, 2).leader is None
    qc.table_lead(activity=tables, attendee=sam, lead=True)
    assert table(tables, 2).leader == sam


def test_only_this_tables_leader_moves_its_card(tables, two, sam, kim):
    noor = helpers.join(tables.live, name="Noor")
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk, lead=True)
    qc.table_sit(activity=tables, attendee=kim, table_id=two[1].pk, lead=True)
    qc.table_sit(activity=tables, attendee=noor, table_id=two[0].pk)
    for who in (kim, noor):  # the leader of another table, and a table member who does not lead
        with pytest.raises(ValidationError, match="Alleen de gespreksleider van deze tafel"):
            qc.card_set(activity=tables, attendee=who, table_id=two[0].pk, index=1)
    assert table(tables, 1).card_index == 0
    qc.card_set(activity=tables, attendee=sam, table_id=two[0].pk, index=1)
    qc.card_set(activity=tables, attendee=sam, table_id=two[0].pk, index=1)  # a double tap: still card 2
    assert table(tables, 1).card_index == 1 and table(tables, 2).card_index == 0
    for index in (-1, 6, "x"):
        with pytest.raises(ValidationError, match="geen kaart meer"):
            qc.card_set(activity=tables, attendee=sam, table_id=two[0].pk, index=index)
    assert table(tables, 1).card_index == 1


def test_a_table_writes_notes_of_the_table(tables, two, sam):
    with pytest.raises(ValidationError, match="Kies eerst aan welke tafel"):
        write(tables, sam)
    qc.table_sit(activity=tables, attendee=sam, table_id=two[1].pk)
    key = uuid.uuid4()
    note, created = write(tables, sam, client_id=key)
    again, created_again = write(tables, sam, client_id=key)
    assert created and not created_again and again.pk == note.pk
    assert note.table_id == two[1].pk and note.category == "idee" and note.activity_id == tables.pk


@pytest.mark.parametrize(
    "change, message",
    [
        ({"text": "   "}, "Schrijf eerst iets"),
        ({"text": "x" * 281}, "hoogstens 280 tekens"),
        ({"category": "roddel"}, "Kies een van de soorten"),
    ],
)
def test_bad_table_notes_are_refused(tables, two, sam, change, message):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk)
    with pytest.raises(ValidationError, match=message):
        write(tables, sam, **change)
    assert not Note.objects.exists()


def test_nothing_is_accepted_when_the_tables_are_closed(tables, two, sam):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk, lead=True)
    services.activity_set(activity=tables, is_open=False)
    tables = fresh(tables)
    for attempt in (
        lambda: write(tables, sam),
        lambda: qc.card_set(activity=tables, attendee=sam, table_id=two[0].pk, index=1),
        lambda: qc.table_sit(activity=tables, attendee=sam, table_id=two[1].pk),
    ):
        with pytest.raises(ValidationError, match="gesloten"):
            attempt()
    assert not Note.objects.exists() and table(tables, 1).card_index == 0
    page = _phone(tables, sam).get(_mine(tables)).content.decode()
    assert "Kaart 1 van 6" in page and "Opschrijven" not in page and "Volgende kaart" not in page


def test_removing_a_table_keeps_its_notes(tables, two, sam):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk)
    note, _ = write(tables, sam)
    qc.table_remove(table=two[0])
    assert not TableSeat.objects.exists() and Note.objects.get(pk=note.pk).table is None
    assert qc.context(fresh(tables))["qc_loose"] == [note]


def test_the_stage_is_read_in_a_fixed_number_of_queries(tables, sam):
    def count():
        with CaptureQueriesContext(connection) as queries:
            qc.context(fresh(tables))
        return len(queries)

    qc.tables_add(activity=tables, count=2)
    few = count()
    for t in qc.tables_add(activity=tables, count=6):
        qc.table_sit(activity=tables, attendee=helpers.join(tables.live, name="X"), table_id=t.pk, lead=True)
    assert count() == few


def test_results_list_each_tables_ideas(tables, two, sam, kim):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk)
    qc.table_sit(activity=tables, attendee=kim, table_id=two[1].pk)
    write(tables, sam, text="Budgetcoach op school")
    hidden, _ = write(tables, kim, text="Weg ermee", category="actiepunt")
    write(tables, kim, text="Chat met de gemeente", category="actiepunt")
    notes.note_set_hidden(note=hidden, hidden=True)
    result = qc.results(fresh(tables))
    assert result["title"] == "Bespreek de gesprekskaarten aan jullie tafel."
    assert result["lines"] == [
        "Tafel 1 · idee: Budgetcoach op school",
        "Tafel 2 · actiepunt: Chat met de gemeente",
    ]


# ---- phones -------------------------------------------------------------------------------------------


def test_a_phone_picks_its_table_and_sees_its_card(tables, two, sam):
    phone = _phone(tables, sam)
    page = phone.get(_mine(tables)).content.decode()
    assert "Aan welke tafel zit je?" in page and "Tafel 2" in page
    response = phone.post(_action(tables, "sit"), {"table": two[1].pk, "lead": "1"}, headers=LIVE)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Jij zit aan Tafel 2" in body and "Jij bent de gespreksleider" in body
    assert "Kaart 1 van 6" in body and "Vraag 1: voorstellen" in body and "Volgende kaart" in body
    response = phone.post(_action(tables, "card"), {"table": two[1].pk, "card": "5"}, headers=LIVE)
    assert "Kaart 6 van 6" in response.content.decode() and "Slotkaart" in response.content.decode()


def test_a_leader_of_another_table_gets_a_dutch_no(tables, two, sam, kim):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk, lead=True)
    qc.table_sit(activity=tables, attendee=kim, table_id=two[1].pk, lead=True)
    response = _phone(tables, kim).post(
        _action(tables, "card"), {"table": two[0].pk, "card": "1"}, headers=LIVE
    )
    assert response.status_code == 400
    assert "Alleen de gespreksleider van deze tafel" in response.content.decode()
    assert table(tables, 1).card_index == 0


def test_the_table_sees_its_notes_and_a_member_sees_the_card_without_buttons(tables, two, sam, kim):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk, lead=True)
    qc.table_sit(activity=tables, attendee=kim, table_id=two[0].pk)
    data = {"text": "Jongeren in de raad", "category": "actiepunt", "client_id": str(uuid.uuid4())}
    assert _phone(tables, sam).post(_action(tables, "note"), data, headers=LIVE).status_code == 200
    page = _phone(tables, kim).get(_mine(tables)).content.decode()
    assert "Jongeren in de raad" in page and "Gespreksleider: Sam" in page
    assert "Kaart 1 van 6" in page and "Volgende kaart" not in page


def test_without_javascript_post_then_redirect(tables, two, sam):
    phone = _phone(tables, sam)
    response = phone.post(_action(tables, "sit"), {"table": two[0].pk})
    assert response.status_code == 302 and response["Location"].endswith(f"/j/{tables.live.code}/#stage")
    page = phone.get(response["Location"]).content.decode()
    assert "Jij zit aan Tafel 1" in page and 'name="client_id" value="' in page
    response = phone.post(_action(tables, "card"), {"table": two[0].pk, "card": "1"}, follow=True)
    assert "Alleen de gespreksleider van deze tafel" in response.content.decode()


def test_the_pushed_phone_stage_is_the_same_for_everyone(tables, two, sam):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk, lead=True)
    from django.template.loader import render_to_string

    state = selectors.stage(fresh(tables).live)
    html = render_to_string("live/_phone_stage.html", {**state, "broadcast": True})
    assert "Kies aan welke tafel je zit" in html and "Sam" not in html and "Jij zit" not in html


# ---- projector and console ------------------------------------------------------------------------------


def test_the_projector_shows_progress_without_names_and_ideas_only_when_revealed(tables, two, sam):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk, lead=True)
    qc.card_set(activity=tables, attendee=sam, table_id=two[0].pk, index=2)
    write(tables, sam, text="Budgetcoach op school")
    services.activity_set(activity=tables, revealed=False)
    page = _projector(tables)
    assert "Tafel 1" in page and "Kaart 3 van 6" in page and "Vraag 3: de undercoveropdracht" in page
    assert "1 persoon aan tafel" in page and "Sam" not in page
    assert "Budgetcoach" not in page and "1 idee of actiepunt opgeschreven" in page
    services.activity_set(activity=fresh(tables), revealed=True)
    page = _projector(tables)
    assert "Budgetcoach op school" in page and "Sam" not in page


def test_the_console_shows_every_table_and_sets_them_out(tables, two, sam, as_facilitator):
    qc.table_sit(activity=tables, attendee=sam, table_id=two[1].pk, lead=True)
    write(tables, sam, text="Budgetcoach op school")
    response = as_facilitator.post(_kind_url(tables, "tables"), {"count": "2"}, headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and tables.tables.count() == 4
    assert "Tafel 4" in body and "1/6 · Vraag 1: voorstellen" in body and "Sam" in body
    assert "Budgetcoach op school" in body and "Tafels klaarzetten" in body
    response = as_facilitator.post(_kind_url(tables, "remove"), {"table": table(tables, 4).pk})
    assert response.status_code == 302 and tables.tables.count() == 3


def test_the_console_refuses_bad_input_in_dutch(tables, as_facilitator):
    response = as_facilitator.post(_kind_url(tables, "tables"), {"count": "99"}, headers=HTMX)
    assert response.status_code == 400 and "Kies een aantal tafels van 1 tot 30" in response.content.decode()
    response = as_facilitator.post(_kind_url(tables, "remove"), {"table": "12345"}, headers=HTMX)
    assert response.status_code == 400 and "Deze tafel bestaat niet" in response.content.decode()
    assert not Table.objects.exists()


def test_viewers_see_the_console_without_controls_and_cannot_post(tables, two, viewer):
    client = client_for(viewer)
    meeting = tables.live.meeting
    page = client.get(
        reverse("live_console", args=[meeting.process.workspace.slug, meeting.pk])
    ).content.decode()
    assert "Tafel 2" in page and "Tafels klaarzetten" not in page and "Weghalen" not in page
    assert client.post(_kind_url(tables, "tables"), {"count": "1"}).status_code == 403
    assert tables.tables.count() == 2


# ---- pushes -------------------------------------------------------------------------------------------


async def _open(path, *headers):
    communicator = WebsocketCommunicator(application, path, headers=[ORIGIN, *headers])
    assert (await communicator.connect())[0]
    assert bare((await communicator.receive_json_from())["ops"]) == [{"op": "hello"}]
    return communicator


def _cookie(live, attendee):
    name, value = helpers.cookie(live, attendee)
    return (b"cookie", f"{name}={value}".encode())


@pytest.mark.django_db(transaction=True)
async def test_a_note_reaches_the_projector_and_a_new_card_reaches_the_table(tables, two, sam, kim):
    noor = await database_sync_to_async(helpers.join)(tables.live, name="Noor")

    def seat_everyone():
        qc.table_sit(activity=tables, attendee=sam, table_id=two[0].pk, lead=True)
        qc.table_sit(activity=tables, attendee=kim, table_id=two[0].pk)
        qc.table_sit(activity=tables, attendee=noor, table_id=two[1].pk)

    await database_sync_to_async(seat_everyone)()
    live = tables.live
    projector = await _open(f"/ws/live/{live.code}/projector/{live.projector_key}/")
    kim_phone = await _open(f"/ws/live/{live.code}/phones/", _cookie(live, kim))
    noor_phone = await _open(f"/ws/live/{live.code}/phones/", _cookie(live, noor))

    client = await database_sync_to_async(_phone)(tables, sam)
    data = {"text": "Budgetcoach op school", "category": "idee", "client_id": str(uuid.uuid4())}
    response = await database_sync_to_async(client.post)(_action(tables, "note"), data, headers=LIVE)
    assert response.status_code == 200
    assert bare((await projector.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]
    assert bare((await kim_phone.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]

    response = await database_sync_to_async(client.post)(
        _action(tables, "card"), {"table": two[0].pk, "card": "1"}, headers=LIVE
    )
    assert response.status_code == 200
    assert bare((await kim_phone.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]
    assert bare((await projector.receive_json_from(timeout=2))["ops"]) == [{"op": "refresh"}]
    assert await noor_phone.receive_nothing(timeout=0.3)  # another table: nothing changed for Noor
    for communicator in (projector, kim_phone, noor_phone):
        await communicator.disconnect()
