"""The co-host's services (allin/live/cohost.py): an invitation link that is used once and keeps only a hash,
a co-host made from a joined phone, revoking, and each allowed action through the console's own services with
an audit entry that names the co-host by label."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from allin.audit.models import AuditEntry
from allin.core.tokens import read_link_token
from allin.live import cohost as cohosts
from allin.live import services
from allin.live.cohost_models import CoHost
from allin.live.models import Activity, Attendee

from . import helpers


def _accepted(live, name=""):
    cohost, token = cohosts.cohost_invite(live=live)
    return cohosts.cohost_accept(cohost=cohosts.invitation_for(token), attendee=None, name=name)


def test_an_invitation_keeps_only_the_hash_of_its_secret(live, facilitator):
    cohost, token = cohosts.cohost_invite(live=live, by=facilitator)
    pk, secret = read_link_token(purpose=cohosts.PURPOSE, token=token, max_age_seconds=60, numbers=1)
    assert pk == cohost.pk and len(secret) >= 22  # 24 random bytes: 192 bits
    stored = CoHost.objects.get(pk=pk)
    assert secret not in stored.secret_hash and len(stored.secret_hash) == 64
    assert cohosts.invitation_for(token) == cohost
    assert cohost.label == "ALL-INstructeur 1"
    entry = AuditEntry.objects.get(action="live.cohost_invite")
    assert entry.actor == facilitator


def test_a_forged_or_altered_token_opens_nothing(live):
    cohost, token = cohosts.cohost_invite(live=live)
    assert cohosts.invitation_for(token[:-2] + "xx") is None
    forged = cohosts.make_link_token(purpose=cohosts.PURPOSE, parts=[cohost.pk], secret="geraden")
    assert cohosts.invitation_for(forged) is None


def test_accepting_joins_the_phone_and_uses_the_link_up(live):
    cohost, token = cohosts.cohost_invite(live=live)
    accepted = cohosts.cohost_accept(cohost=cohosts.invitation_for(token), attendee=None, name="Noor")
    assert accepted.attendee.role == "jongere" and accepted.attendee.name == "Noor"
    assert accepted.label == "Noor (ALL-INstructeur)"
    assert cohosts.invitation_for(token) is None
    assert cohosts.active_for(accepted.attendee) == accepted
    with pytest.raises(ValidationError):
        cohosts.cohost_accept(cohost=cohost, attendee=None)


def test_accepting_on_a_phone_that_joined_keeps_its_attendee(live, attendee):
    cohost, token = cohosts.cohost_invite(live=live)
    accepted = cohosts.cohost_accept(cohost=cohost, attendee=attendee)
    assert accepted.attendee == attendee and Attendee.objects.filter(live=live).count() == 1
    assert accepted.label == "ALL-INstructeur 1"  # no name chosen: the label, not the phone's name


def test_a_phone_of_the_room_becomes_cohost(live, attendee, facilitator):
    cohost = cohosts.cohost_from_phone(live=live, attendee=attendee, by=facilitator)
    assert cohosts.active_for(attendee) == cohost and cohost.accepted_at is not None
    with pytest.raises(ValidationError):
        cohosts.cohost_from_phone(live=live, attendee=attendee)


def test_a_phone_of_another_meeting_cannot_be_made_cohost(live, other_live):
    stranger = helpers.join(other_live)
    with pytest.raises(ValidationError):
        cohosts.cohost_from_phone(live=live, attendee=stranger)


def test_revoking_ends_the_role_and_the_link(live, attendee):
    made = cohosts.cohost_from_phone(live=live, attendee=attendee)
    cohosts.cohost_revoke(cohost=made)
    assert cohosts.active_for(attendee) is None
    with pytest.raises(PermissionDenied):
        cohosts.cohost_item_step(cohost=made, offset=1)
    pending, token = cohosts.cohost_invite(live=live)
    cohosts.cohost_revoke(cohost=pending)
    assert cohosts.invitation_for(token) is None
    assert AuditEntry.objects.filter(action="live.cohost_revoke").count() == 2


def test_steps_move_the_meeting_and_are_audited_under_the_label(live):
    cohost = _accepted(live)
    items = helpers.items(live)
    services.item_goto(live=live, item=items[0])
    cohosts.cohost_item_step(cohost=cohost, offset=1)
    live.refresh_from_db()
    assert live.current_item == items[1]
    cohosts.cohost_item_step(cohost=cohost, offset=-1)
    live.refresh_from_db()
    assert live.current_item == items[0]
    entry = AuditEntry.objects.filter(action="live.cohost_previous").get()
    assert entry.actor is None and entry.actor_label == "ALL-INstructeur 1"
    assert items[0].title in entry.summary


def test_posting_opens_and_closes_only_the_current_board(live, board):
    cohost = _accepted(live)
    cohosts.cohost_posting_set(cohost=cohost, activity_id=board.pk, is_open=False)
    board.refresh_from_db()
    assert board.is_open is False
    other = helpers.board_of(live, 2)
    with pytest.raises(ValidationError):
        cohosts.cohost_posting_set(cohost=cohost, activity_id=other.pk, is_open=False)
    assert AuditEntry.objects.filter(action="live.cohost_posting", actor_label=cohost.label).count() == 1


def test_the_timer_starts(live):
    cohost = _accepted(live)
    cohosts.cohost_timer_start(cohost=cohost, seconds=180)
    live.refresh_from_db()
    assert live.timer_seconds == 180 and live.timer_ends_at is not None
    assert AuditEntry.objects.get(action="live.cohost_timer").summary.endswith("0:03:00")


def test_a_vote_result_is_revealed_but_no_other_kind(live, board):
    cohost = _accepted(live)
    with pytest.raises(ValidationError):
        cohosts.cohost_result_reveal(cohost=cohost, activity_id=board.pk, revealed=True)
    board.kind, board.revealed = Activity.Kind.VOTE, False
    board.save(update_fields=["kind", "revealed"])
    cohosts.cohost_result_reveal(cohost=cohost, activity_id=board.pk, revealed=True)
    board.refresh_from_db()
    assert board.revealed is True
    assert AuditEntry.objects.filter(action="live.cohost_reveal").count() == 1


def test_a_note_is_hidden_in_this_meeting_only(live, board, other_live, attendee):
    cohost = _accepted(live)
    note = helpers.post(board, attendee)[0]
    cohosts.cohost_note_hide(cohost=cohost, note_id=note.pk)
    note.refresh_from_db()
    assert note.hidden is True
    foreign = helpers.post(helpers.board_of(other_live), helpers.join(other_live))[0]
    with pytest.raises(ValidationError):
        cohosts.cohost_note_hide(cohost=cohost, note_id=foreign.pk)
    foreign.refresh_from_db()
    assert foreign.hidden is False
    entry = AuditEntry.objects.get(action="live.cohost_hide_note")
    assert note.text not in entry.summary  # never the note's text


def test_nothing_after_the_meeting_stopped(live):
    cohost = _accepted(live)
    services.live_close(live=live)
    with pytest.raises(ValidationError):
        cohosts.cohost_item_step(cohost=cohost, offset=1)
    with pytest.raises(ValidationError):
        cohosts.cohost_invite(live=live)
