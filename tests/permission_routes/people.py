"""The permission walk's table for the people URLs (see tests/permission_routes/__init__.py), and the live page
that links phones to participants (allin/live/participant_links.py)."""

from allin.people import links, services
from allin.people.models import Invitation, ParticipantRole
from tests.permission_table import (
    EDIT_PAGE,
    EDIT_POST,
    POST_ONLY_GET,
    READ,
    Route,
    _meeting,
    _process,
    everyone,
)


def _participant(w):
    return {**_process(w), "participant_pk": w.participant.pk}


ROUTES = {
    # process: participants
    "participant_list": Route(_process, READ),
    "participant_create": Route(
        _process, EDIT_PAGE, EDIT_POST, lambda w: {"name": "Nieuwe deelnemer", "role": ParticipantRole.YOUTH}
    ),
    "participant_edit": Route(
        _participant, EDIT_PAGE, EDIT_POST, lambda w: {"name": "Sam", "role": ParticipantRole.YOUTH}
    ),
    "participant_delete": Route(_participant, EDIT_PAGE, EDIT_POST),
    "participant_erase": Route(_participant, EDIT_PAGE, EDIT_POST, lambda w: {"confirm": "on"}),
    "participant_privacy": Route(_process, EDIT_PAGE, EDIT_POST, lambda w: {"erase_on": "2027-06-01"}),
    "invitations_send_series": Route(_process, POST_ONLY_GET, EDIT_POST),
    # meeting: invitations and attendance
    "meeting_invitations": Route(_meeting, READ),
    "invitations_send": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "invitations_remind": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "rsvp_revoke": Route(
        _meeting, POST_ONLY_GET, EDIT_POST, lambda w: {"invitation": w.participant_invitation.pk}
    ),
    "meeting_info_edit": Route(_meeting, POST_ONLY_GET, EDIT_POST, lambda w: {"bring": "Je telefoon"}),
    "attendance_door": Route(
        _meeting, READ, EDIT_POST, lambda w: {"participant": w.participant.pk, "present": "1"}
    ),
    # live: which phone is which participant
    "live_participant_links": Route(
        _meeting, READ, EDIT_POST, lambda w: {"attendee": w.attendee.pk, "participant": w.participant.pk}
    ),
    # public: whoever holds the personal link answers for that one invitation (wrong, expired, revoked or
    # tampered links: tests/people/test_rsvp.py). The world's meeting is in the past, so the answer is refused
    # with a Dutch message (400) or, for a future meeting, saved (302).
    "rsvp": Route(
        lambda w: {"token": w.rsvp_token}, everyone(200), everyone("allowed"), lambda w: {"answer": "ja"}
    ),
}


def extend_world(world):
    world.participant = services.participant_create(
        process=world.process, name="Sam", role=ParticipantRole.YOUTH, email="sam@example.org"
    )
    world.participant_invitation = Invitation.objects.create(
        participant=world.participant, meeting=world.meeting, sent_at=world.meeting.updated_at
    )
    world.rsvp_token = links.invitation_token(world.participant_invitation)
