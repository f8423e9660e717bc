"""Werk aan Netwerk's session fills its own agreement cards: the rows phones send in the "Acties!" item land
on the card of their organisation (no second typing), the cards' page and PDF show them next to rows typed on
the card, a row whose organisation is on no network card can be put on one, and every line can become an
action with its organisation as owner, traced both ways."""

import io
import uuid

import pytest
from pypdf import PdfReader

from allin.actions import agreements, followup
from allin.actions.followup_models import CardAction
from allin.live import services as live_services
from allin.live.kinds import plans
from allin.live.models import Activity
from tests import factories as base

from . import factories


@pytest.fixture
def wan(workspace, facilitator):
    return base.process(
        workspace, method_slug="werk-aan-netwerk", name="Werk aan Netwerk Noord", by=facilitator
    )


@pytest.fixture
def acties(wan):
    """The session's "Acties!" item, live and current, with the method's fields."""
    meeting, item = next(
        (m, i)
        for m in wan.meetings.order_by("date")
        for i in m.items.all()
        if (i.activity or {}).get("type") == "plans" and "fields" in i.activity
    )
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    live_services.item_goto(live=live, item=item)
    return Activity.objects.select_related("live__meeting__process").get(live=live, item=item)


@pytest.fixture
def college(workspace):
    return factories.partner(workspace, "Techniek College")


def _row(activity, **values):
    phone = live_services.attendee_join(live=activity.live, name="Noor", role="professional")
    plan, _ = plans.plan_create(activity=activity, attendee=phone, client_id=uuid.uuid4(), **values)
    return plan


def _text(content):
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(content)).pages)


def test_the_acties_item_asks_for_the_card_columns(acties):
    assert acties.config["fields"] == ["actie", "organisatie", "wie", "wanneer", "hoe"]


def test_session_rows_are_the_cards(wan, acties, college):
    _row(
        acties,
        what="Stagebank opzetten",
        organisation="Techniek College",
        who="Noor",
        when="mei",
        how="met werkgevers",
    )
    hidden = _row(acties, what="Weggehaald", organisation="Techniek College")
    plans.plan_set_hidden(plan=hidden, hidden=True)
    typed = followup.agreement_row_add(
        agreement=followup.agreement_for(process=wan, partner=college), what="Open dag"
    )
    [card] = agreements.cards(wan)
    assert card.partner == college and card.has_session_rows
    assert [(line.what, line.who, line.when, line.how) for line in card.lines] == [
        ("Stagebank opzetten", "Noor", "mei", "met werkgevers"),
        ("Open dag", "", "", ""),
    ]
    assert card.lines[1].row == typed
    text = _text(followup_pdf(wan))
    assert "Techniek College" in text and "Stagebank opzetten" in text and "met werkgevers" in text
    assert "Weggehaald" not in text


def followup_pdf(process):
    from allin.actions import pdf

    return pdf.agreements(process, agreements.cards(process))


def test_the_cards_page_shows_session_rows_without_a_card_yet(wan, acties, college, as_facilitator):
    _row(acties, what="Stagebank opzetten", organisation="techniek college")
    _row(acties, what="Werkgeversontbijt", organisation="Bakkerij Jansen")
    page = as_facilitator.get(
        f"/w/{wan.workspace.slug}/trajecten/{wan.pk}/afsprakenkaarten/"
    ).content.decode()
    assert "Techniek College" in page and "Stagebank opzetten" in page and "uit de sessie" in page
    assert "Regels zonder netwerkkaart" in page and "Bakkerij Jansen" in page
    response = as_facilitator.get(f"/w/{wan.workspace.slug}/trajecten/{wan.pk}/afsprakenkaarten.pdf")
    assert response.status_code == 200 and "Stagebank opzetten" in _text(response.content)


def test_a_row_without_network_card_is_put_on_one(wan, acties, college, as_facilitator):
    plan = _row(acties, what="Werkgeversontbijt", organisation="TC")
    assert agreements.cards(wan) == [] and [line.plan for line in agreements.unmatched(wan)] == [plan]
    url = f"/w/{wan.workspace.slug}/trajecten/{wan.pk}/afsprakenkaarten/organisatie/"
    response = as_facilitator.post(url, {"plan": plan.pk, "partner": college.pk})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.partner, plan.organisation) == (college, "Techniek College")
    assert agreements.unmatched(wan) == [] and agreements.cards(wan)[0].lines[0].plan == plan


def test_a_line_becomes_one_action_traced_both_ways(wan, acties, college, as_facilitator):
    plan = _row(
        acties, what="Stagebank opzetten", organisation="Techniek College", who="Noor", how="met werkgevers"
    )
    url = f"/w/{wan.workspace.slug}/trajecten/{wan.pk}/afsprakenkaarten/actie/"
    response = as_facilitator.post(url, {"line": f"plan-{plan.pk}"})
    link = CardAction.objects.get()
    action = link.action
    assert response.status_code == 302 and response["Location"].endswith(f"/acties/{action.pk}/")
    assert (action.title, action.description, action.owner_partner, action.owner_name) == (
        "Stagebank opzetten",
        "met werkgevers",
        college,
        "Noor",
    )
    assert as_facilitator.post(url, {"line": f"plan-{plan.pk}"}).status_code == 302
    assert CardAction.objects.count() == 1 and wan.actions.count() == 1
    assert agreements.cards(wan)[0].lines[0].action == action
    detail = as_facilitator.get(response["Location"]).content.decode()
    assert "Van de afsprakenkaart van" in detail and "Techniek College" in detail
    page = as_facilitator.get(
        f"/w/{wan.workspace.slug}/trajecten/{wan.pk}/afsprakenkaarten/"
    ).content.decode()
    assert "Leidde tot:" in page and f"/acties/{action.pk}/" in page


def test_a_typed_row_becomes_an_action_and_foreign_lines_are_refused(wan, college, as_facilitator, workspace):
    row = followup.agreement_row_add(
        agreement=followup.agreement_for(process=wan, partner=college), what="Open dag"
    )
    action = followup.action_from_card_line(process=wan, row=row)
    assert action.owner_partner == college and action.card_line.row == row
    other = base.process(workspace, name="Ander traject")
    with pytest.raises(Exception, match="hoort niet bij een afsprakenkaart van dit traject"):
        followup.action_from_card_line(process=other, row=row)
    url = f"/w/{wan.workspace.slug}/trajecten/{wan.pk}/afsprakenkaarten/actie/"
    assert as_facilitator.post(url, {"line": "iets-anders"}).status_code == 302
    assert wan.actions.count() == 1
