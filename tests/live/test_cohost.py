"""The co-host's pages (allin/live/cohost_views.py): the facilitator invites by link and QR code or picks a phone
from the room; the co-host's phone accepts, runs the allowed controls and nothing else; revoking is refused at
the next request and pushed to the phone at once; every step is in the audit log under the co-host's label."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from allin.audit.models import AuditEntry
from allin.live import cohost as cohosts
from allin.live import screens, services
from allin.live.models import Activity, Note
from allin.live.realtime import attendee_group
from tests.conftest import client_for

from . import helpers


def _console(live, name):
    return reverse(name, args=[live.meeting.process.workspace.slug, live.meeting.pk])


def _invite(facilitator, live, **headers):
    return client_for(facilitator).post(_console(live, "live_cohost_invite"), **headers)


def _link(response):
    return re.search(r'id="cohost-link" type="text" readonly value="([^"]+)"', response.content.decode())[1]


def _accept(live, facilitator, name="", client=None):
    """A phone that opened a fresh invitation and accepted it: the client carries the attendee cookie."""
    client = client or Client()
    link = _link(_invite(facilitator, live))
    response = client.post(link, {"name": name})
    assert response.status_code == 302 and response["Location"] == reverse("live_cohost", args=[live.code])
    return client


def _act(client, live, action, data, htmx=True):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(reverse("live_cohost_action", args=[live.code, action]), data, **headers)


@pytest.fixture
def phone(live, facilitator):
    return _accept(live, facilitator)


# ---- invite and accept --------------------------------------------------------------------------------------


def test_the_invitation_is_a_link_and_a_qr_code_shown_once(live, facilitator):
    response = _invite(facilitator, live, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "Uitnodiging voor ALL-INstructeur 1" in html
    link = _link(response)
    assert "/meehelpen/" in link
    # the page shown again has no link: its secret is only in that one answer
    again = client_for(facilitator).get(_console(live, "live_cohosts")).content.decode()
    assert link not in again and "uitgenodigd, nog niet geopend" in again


def test_accepting_opens_the_controls_and_uses_the_link_up(live, facilitator):
    client = Client()
    link = _link(_invite(facilitator, live))
    page = client.get(link)
    assert page.status_code == 200 and "Help jij mee als ALL-INstructeur?" in page.content.decode()
    response = client.post(link, {"name": "Noor"})
    assert response.status_code == 302
    controls = client.get(response["Location"])
    assert controls.status_code == 200
    assert "Noor (ALL-INstructeur)" in controls.content.decode()
    assert Client().get(link).status_code == 404  # another phone with the same link: used up
    assert client.get(link).status_code == 404
    assert AuditEntry.objects.filter(
        action="live.cohost_accept", actor_label="Noor (ALL-INstructeur)"
    ).exists()


def test_a_made_up_link_is_refused_in_dutch():
    response = Client().get(reverse("live_cohost_invitation", args=["niet-echt"]))
    assert response.status_code == 404
    assert "Deze uitnodiging werkt niet (meer)" in response.content.decode()


def test_a_phone_from_the_room_gets_the_controls(
    live, facilitator, attendee, django_capture_on_commit_callbacks
):
    phone = helpers.phone_client(Client(), live, attendee)
    assert phone.get(reverse("live_cohost", args=[live.code])).status_code == 403
    assert "Open je knoppen" not in phone.get(reverse("live_join", args=[live.code])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(facilitator).post(
            _console(live, "live_cohost_from_phone"), {"attendee": attendee.pk}
        )
    assert response.status_code == 302
    page = phone.get(reverse("live_join", args=[live.code])).content.decode()
    assert "Open je knoppen als ALL-INstructeur" in page
    refreshed = phone.get(reverse("live_phone_stage", args=[live.code])).content.decode()
    assert 'data-part="cohost-link"' in refreshed and "Open je knoppen" in refreshed
    assert phone.get(reverse("live_cohost", args=[live.code])).status_code == 200


def test_the_console_shows_the_panel_to_editors(live, facilitator, viewer, phone):
    html = client_for(facilitator).get(_console(live, "live_console")).content.decode()
    assert _console(live, "live_cohosts") in html and "1 helpt mee" in html
    assert (
        _console(live, "live_cohosts")
        not in client_for(viewer).get(_console(live, "live_console")).content.decode()
    )
    assert client_for(viewer).get(_console(live, "live_cohosts")).status_code == 403


# ---- the allowed actions ------------------------------------------------------------------------------------


def test_next_and_previous(live, phone):
    items = helpers.items(live)
    services.item_goto(live=live, item=items[0])
    response = _act(phone, live, "stap", {"direction": "next"})
    assert response.status_code == 200 and items[1].title in response.content.decode()
    assert response["X-Live-Answer"] == "1"  # ours: the page's script never puts a proxy's page in its place
    live.refresh_from_db()
    assert live.current_item == items[1]
    _act(phone, live, "stap", {"direction": "previous"}, htmx=False)
    live.refresh_from_db()
    assert live.current_item == items[0]


def test_posting_open_and_closed(live, board, phone):
    assert (
        "Insturen sluiten"
        in _act(phone, live, "insturen", {"activity": board.pk, "is_open": "1"}).content.decode()
    )
    response = _act(phone, live, "insturen", {"activity": board.pk, "is_open": "0"})
    board.refresh_from_db()
    assert board.is_open is False and "Insturen openen" in response.content.decode()


def test_the_timer(live, board, phone):
    _act(phone, live, "timer", {"minutes": "4", "seconds": "0"})
    live.refresh_from_db()
    assert live.timer_seconds == 240


def test_reveal_a_vote(live, board, phone):
    board.kind, board.revealed = Activity.Kind.VOTE, False
    board.save(update_fields=["kind", "revealed"])
    page = phone.get(reverse("live_cohost", args=[live.code])).content.decode()
    assert "Uitslag laten zien" in page
    _act(phone, live, "uitslag", {"activity": board.pk, "revealed": "1"})
    board.refresh_from_db()
    assert board.revealed is True


def test_hide_a_note_whose_author_stays_unnamed(live, board, phone, attendee):
    note, _ = helpers.post(board, attendee, text="Dit hoort niet op het scherm", show_name=True)
    page = phone.get(reverse("live_cohost", args=[live.code])).content.decode()
    assert "Dit hoort niet op het scherm" in page and attendee.name not in page
    _act(phone, live, "verbergen", {"note": note.pk})
    note.refresh_from_db()
    assert note.hidden is True


def test_a_refused_action_says_why_in_dutch(live, board, phone):
    other = helpers.board_of(live, 2)
    response = _act(phone, live, "insturen", {"activity": other.pk, "is_open": "0"})
    assert "Dit onderdeel is voorbij" in response.content.decode()
    other.refresh_from_db()
    assert other.is_open is True


def test_no_other_action_and_no_unknown_note(live, board, phone, other_live):
    assert _act(phone, live, "thema", {}).status_code == 404
    foreign, _ = helpers.post(helpers.board_of(other_live), helpers.join(other_live))
    _act(phone, live, "verbergen", {"note": foreign.pk})
    assert Note.objects.get(pk=foreign.pk).hidden is False


def test_presses_are_rate_limited(live, board, phone):
    for _ in range(cohosts.ACTIONS_PER_MINUTE):
        _act(phone, live, "insturen", {"activity": board.pk, "is_open": "1"})
    response = _act(phone, live, "insturen", {"activity": board.pk, "is_open": "0"})
    assert "Wacht een minuut" in response.content.decode()
    board.refresh_from_db()
    assert board.is_open is True


def test_every_action_is_in_the_audit_log_under_the_label(live, board, facilitator, owner):
    phone = _accept(live, facilitator)
    _act(phone, live, "insturen", {"activity": board.pk, "is_open": "0"})
    _act(phone, live, "timer", {"minutes": "2", "seconds": "0"})
    _act(phone, live, "stap", {"direction": "next"})
    entries = AuditEntry.objects.filter(action__startswith="live.cohost_", actor_label="ALL-INstructeur 1")
    assert set(entries.values_list("action", flat=True)) >= {
        "live.cohost_accept",
        "live.cohost_posting",
        "live.cohost_timer",
        "live.cohost_next",
    }
    log = client_for(owner).get(reverse("audit_log", args=[live.meeting.process.workspace.slug]))
    assert "ALL-INstructeur 1" in log.content.decode()


# ---- and nothing else -----------------------------------------------------------------------------------------


def test_the_cohost_reaches_no_workspace_page(live, phone, attendee):
    ws = live.meeting.process.workspace.slug
    refused = [
        _console(live, "live_console"),
        _console(live, "live_participant_links"),
        _console(live, "live_cohosts"),
        reverse("participant_list", args=[ws, live.meeting.process.pk]),
        reverse("process_detail", args=[ws, live.meeting.process.pk]),
        reverse("workspace_home", args=[ws]),
    ]
    for url in refused:
        response = phone.get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"], url
    for name in ("live_item_step", "live_note_hide", "live_timer_start"):
        response = phone.post(_console(live, name), {"direction": "next"})
        assert response.status_code == 302 and "/inloggen/" in response["Location"], name


def test_the_cohost_of_one_meeting_has_no_controls_in_another(live, phone, other_live):
    assert phone.get(reverse("live_cohost", args=[other_live.code])).status_code == 403
    response = _act(phone, other_live, "stap", {"direction": "next"})
    assert response.status_code == 403
    before = other_live.current_item_id
    other_live.refresh_from_db()
    assert other_live.current_item_id == before


def test_the_controls_show_no_personal_data(live, board, phone, attendee):
    attendee.name = "Jasmijn de Vries"
    attendee.save(update_fields=["name"])
    helpers.post(board, attendee, text="Meer info op school")
    page = phone.get(reverse("live_cohost", args=[live.code])).content.decode()
    assert "Jasmijn" not in page and "Meer info op school" in page


# ---- revoke --------------------------------------------------------------------------------------------------


def test_revoking_is_refused_at_the_next_request_and_pushed(
    live, board, facilitator, phone, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(screens.realtime, "send", lambda sends, version=0: sent.append(dict(sends)))
    made = live.cohosts.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(facilitator).post(_console(live, "live_cohost_revoke"), {"cohost": made.pk})
    assert {"op": "refresh"} in [
        {k: v for k, v in op.items() if k != "v"}
        for ops in sent
        for op in ops.get(attendee_group(live.pk, made.attendee_id), [])
    ]
    stage = phone.get(reverse("live_cohost_stage", args=[live.code])).content.decode()
    assert "Je bent nu geen ALL-INstructeur" in stage and "Insturen" not in stage
    response = _act(phone, live, "insturen", {"activity": board.pk, "is_open": "0"})
    assert response.status_code == 403 and "Je bent nu geen ALL-INstructeur" in response.content.decode()
    board.refresh_from_db()
    assert board.is_open is True
    assert phone.get(reverse("live_cohost", args=[live.code])).status_code == 403
    assert AuditEntry.objects.filter(action="live.cohost_revoke", actor=facilitator).exists()


def test_an_unused_invitation_is_revoked_too(live, facilitator):
    link = _link(_invite(facilitator, live))
    pending = live.cohosts.get()
    client_for(facilitator).post(_console(live, "live_cohost_revoke"), {"cohost": pending.pk})
    assert Client().get(link).status_code == 404


def test_the_phone_script_gets_the_fresh_controls_in_place(live, board, phone):
    """live.js posts the buttons with X-Live (phone pages have no htmx) and puts the answer in #stage."""
    url = reverse("live_cohost_action", args=[live.code, "insturen"])
    response = phone.post(url, {"activity": board.pk, "is_open": "0"}, HTTP_X_LIVE="1")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html and "Insturen openen" in html
    assert response["X-Live-Version"] == str(live.__class__.objects.get(pk=live.pk).version)
