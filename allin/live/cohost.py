"""The co-host of one live meeting (ALL-INstructeur): a young co-facilitator who helps run it from their phone.

A co-host is made in one of two ways by the facilitator: an invitation link (a random secret the database keeps
only as its hash, used once: accepting ties it to the phone that opened it), or by picking a phone that already
joined. Either way the controls follow that phone's attendee cookie, so the websocket and the phone's pages know
it as they know any phone. The controls are few on purpose: the previous or next item, posting open or closed,
the timer, a vote's result shown or not, a note hidden. Each is the console's own service, called here with an
audit entry that names the co-host by their label. Revoking takes effect on the next request; the phone hears
of it at once through its own push (it refetches its page and finds no controls)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from allin.audit.services import audit_record
from allin.core.site import public_url
from allin.core.text import one_line
from allin.core.tokens import (
    link_secret_hash,
    link_secret_matches,
    make_link_token,
    new_link_secret,
    read_link_token,
    unknown_secret_hash,
)

from . import events, notes, services, timer
from .cohost_models import CoHost
from .models import NAME_MAX, Activity, Attendee, AttendeeRole, LiveMeeting, Note

PURPOSE = "live-cohost"
# An invitation is for a meeting that is about to start or running: a week is plenty.
INVITE_MAX_AGE = 7 * 24 * 3600
ACTIONS_PER_MINUTE = 30


def _audit(cohost: CoHost, *, action: str, target, summary: str, by=None, as_cohost=True) -> None:
    live = cohost.live
    audit_record(
        workspace=live.meeting.process.workspace_id,
        actor=by,
        actor_label=cohost.label if as_cohost else "",
        action=action,
        target=target,
        summary=f"{live.meeting.name}: {summary}" if summary else live.meeting.name,
    )


def _check_open(live: LiveMeeting) -> None:
    if not live.is_open:
        raise ValidationError(_("Deze bijeenkomst is afgelopen."))


def _next_label(live: LiveMeeting) -> str:
    # Stored in Dutch whatever language the console is in: the audit log keeps one language.
    with translation.override("nl"):
        return _("ALL-INstructeur %(n)d") % {"n": live.cohosts.count() + 1}


def _already_cohost(attendee: Attendee) -> bool:
    return CoHost.objects.filter(attendee=attendee, revoked_at__isnull=True).exists()


# ---- the console: invite, make from a phone, revoke ----------------------------------------------------------


@transaction.atomic
def cohost_invite(*, live: LiveMeeting, by=None) -> tuple[CoHost, str]:
    """A new invitation; returns the co-host and the link's token (its secret is nowhere else)."""
    _check_open(live)
    secret = new_link_secret()
    cohost = CoHost.objects.create(
        live=live, label=_next_label(live), secret_hash=link_secret_hash(secret), created_by=by
    )
    _audit(cohost, action="live.cohost_invite", target=cohost, summary=cohost.label, by=by, as_cohost=False)
    return cohost, make_link_token(purpose=PURPOSE, parts=[cohost.pk], secret=secret)


def invite_url(token: str) -> str:
    return public_url(reverse("live_cohost_invitation", kwargs={"token": token}))


@transaction.atomic
def cohost_from_phone(*, live: LiveMeeting, attendee: Attendee, by=None) -> CoHost:
    """The joined phone `attendee` becomes a co-host at once; it hears so through its own push."""
    _check_open(live)
    if attendee.live_id != live.pk:
        raise ValidationError(_("Deze telefoon hoort niet bij deze bijeenkomst."))
    if _already_cohost(attendee):
        raise ValidationError(_("Deze telefoon is al ALL-INstructeur."))
    cohost = CoHost.objects.create(
        live=live,
        attendee=attendee,
        label=_next_label(live),
        secret_hash=unknown_secret_hash(),
        created_by=by,
        accepted_at=timezone.now(),
    )
    _audit(cohost, action="live.cohost_phone", target=cohost, summary=cohost.label, by=by, as_cohost=False)
    events.attendee_changed(live.pk, attendee.pk)
    return cohost


@transaction.atomic
def cohost_revoke(*, cohost: CoHost, by=None) -> CoHost:
    """The co-host loses the controls: their next request is refused, their phone drops the controls now."""
    cohost = CoHost.objects.select_for_update().select_related("live__meeting__process").get(pk=cohost.pk)
    if cohost.revoked_at is not None:
        return cohost
    cohost.revoked_at = timezone.now()
    cohost.secret_hash = unknown_secret_hash()  # an unused invitation link stops working too
    cohost.save(update_fields=["revoked_at", "secret_hash"])
    _audit(cohost, action="live.cohost_revoke", target=cohost, summary=cohost.label, by=by, as_cohost=False)
    if cohost.attendee_id:
        events.attendee_changed(cohost.live_id, cohost.attendee_id)
    return cohost


def cohosts_of(live: LiveMeeting) -> list[CoHost]:
    return list(live.cohosts.select_related("attendee"))


# ---- the invitation: opened and accepted on the co-host's phone ---------------------------------------------


def invitation_for(token: str) -> CoHost | None:
    """The open invitation this token names, or None: forged, expired, already used or revoked."""
    found = read_link_token(purpose=PURPOSE, token=token, max_age_seconds=INVITE_MAX_AGE, numbers=1)
    if found is None:
        return None
    pk, secret = found
    cohost = CoHost.objects.select_related("live__meeting__process__workspace").filter(pk=pk).first()
    if cohost is None or cohost.revoked_at is not None or cohost.accepted_at is not None:
        return None
    if not link_secret_matches(secret, cohost.secret_hash):
        return None
    return cohost


@transaction.atomic
def cohost_accept(*, cohost: CoHost, attendee: Attendee | None, name: str = "") -> CoHost:
    """The invited phone takes the controls. A phone that already joined keeps its attendee; another joins now
    as a young person, with the name they give (or none). The link is used up: it opens nothing again."""
    cohost = CoHost.objects.select_for_update().select_related("live__meeting__process").get(pk=cohost.pk)
    if cohost.revoked_at is not None or cohost.accepted_at is not None:
        raise ValidationError(_("Deze uitnodiging is al gebruikt of ingetrokken."))
    live = cohost.live
    _check_open(live)
    name = one_line(name)
    if len(name) > NAME_MAX:
        raise ValidationError(_("Je naam mag hoogstens %(max)d tekens lang zijn.") % {"max": NAME_MAX})
    if attendee is not None and attendee.live_id != live.pk:
        attendee = None
    if attendee is not None and _already_cohost(attendee):
        raise ValidationError(_("Deze telefoon is al ALL-INstructeur."))
    if attendee is None:
        attendee = services.attendee_join(live=live, name=name, role=AttendeeRole.YOUTH)
    cohost.attendee = attendee
    cohost.accepted_at = timezone.now()
    cohost.secret_hash = unknown_secret_hash()
    if name:
        with translation.override("nl"):
            cohost.label = _("%(name)s (ALL-INstructeur)") % {"name": name}
    cohost.save(update_fields=["attendee", "accepted_at", "secret_hash", "label"])
    _audit(cohost, action="live.cohost_accept", target=cohost, summary="")
    events.attendee_changed(live.pk, attendee.pk)
    return cohost


def active_for(attendee: Attendee | None) -> CoHost | None:
    """The co-host role this phone holds now, or None."""
    if attendee is None:
        return None
    return (
        CoHost.objects.select_related("live__meeting__process")
        .filter(attendee=attendee, revoked_at__isnull=True)
        .first()
    )


# ---- what a co-host may do: the console's own services, with an audit entry ----------------------------------


def _locked_active(cohost: CoHost) -> CoHost:
    """The co-host, re-read under a lock: a revocation that committed a moment ago wins."""
    fresh = CoHost.objects.select_for_update().select_related("live__meeting__process").get(pk=cohost.pk)
    if fresh.revoked_at is not None:
        raise PermissionDenied
    _check_open(fresh.live)
    return fresh


def _current_activity(live: LiveMeeting, activity_id) -> Activity:
    activity = Activity.objects.filter(live=live, pk=activity_id).first()
    if activity is None or activity.item_id is None or activity.item_id != live.current_item_id:
        raise ValidationError(_("Dit onderdeel is voorbij. Kijk op het scherm wat er nu gebeurt."))
    return activity


@transaction.atomic
def cohost_item_step(*, cohost: CoHost, offset: int) -> LiveMeeting:
    cohost = _locked_active(cohost)
    live = services.item_step(live=cohost.live, offset=offset)
    title = live.current_item.title if live.current_item else ""
    action = "live.cohost_next" if offset > 0 else "live.cohost_previous"
    _audit(cohost, action=action, target=live, summary=title)
    return live


@transaction.atomic
def cohost_posting_set(*, cohost: CoHost, activity_id: int, is_open: bool) -> Activity:
    cohost = _locked_active(cohost)
    activity = _current_activity(cohost.live, activity_id)
    services.activity_set(activity=activity, is_open=is_open)
    _audit(cohost, action="live.cohost_posting", target=activity, summary="open" if is_open else "dicht")
    return activity


@transaction.atomic
def cohost_timer_start(*, cohost: CoHost, seconds: int) -> LiveMeeting:
    cohost = _locked_active(cohost)
    live = timer.timer_start(live=cohost.live, seconds=seconds)
    _audit(
        cohost, action="live.cohost_timer", target=live, summary=str(timedelta(seconds=live.timer_seconds))
    )
    return live


@transaction.atomic
def cohost_result_reveal(*, cohost: CoHost, activity_id: int, revealed: bool) -> Activity:
    """A vote's result on the projector, or off it again."""
    cohost = _locked_active(cohost)
    activity = _current_activity(cohost.live, activity_id)
    if activity.kind != Activity.Kind.VOTE:
        raise ValidationError(_("Alleen de uitslag van een stemming kun je hier laten zien."))
    services.activity_set(activity=activity, revealed=revealed)
    _audit(
        cohost, action="live.cohost_reveal", target=activity, summary="getoond" if revealed else "verborgen"
    )
    return activity


@transaction.atomic
def cohost_note_hide(*, cohost: CoHost, note_id: int) -> Note:
    """Hide a note of the current board; showing it again is the facilitator's."""
    cohost = _locked_active(cohost)
    note = Note.objects.select_related("activity").filter(pk=note_id, activity__live=cohost.live).first()
    if note is None:
        raise ValidationError(_("Deze post-it hoort niet bij deze bijeenkomst."))
    notes.note_set_hidden(note=note, hidden=True)
    _audit(cohost, action="live.cohost_hide_note", target=note, summary="")
    return note
