"""The co-host's pages (services in cohost.py). On the facilitator's side, one page below the console: invite by
link and QR code, make a joined phone the co-host, revoke. On the co-host's phone: the invitation, and the page
with the few controls they have. That page knows nothing of the participants: it shows the agenda's titles,
the current board's notes without names, and the buttons."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST

from allin.core import ratelimit
from allin.processes import selectors as planning
from allin.workspaces.access import workspace_view

from . import attendance, codes, room, selectors
from . import cohost as cohosts
from . import console_forms as forms
from .cohost_forms import AcceptForm, CoHostForm, PhoneForm
from .cohost_models import CoHost
from .models import Attendee, LiveMeeting, Note

NOTES_SHOWN = 30  # the newest notes of the board the co-host may hide; older ones are the console's


# ---- the facilitator: who co-hosts this meeting -------------------------------------------------------------


def _live_of(request, pk):
    meeting = planning.meeting_get(request.workspace, pk)
    live = LiveMeeting.objects.filter(meeting=meeting).first()
    if live is None:
        raise Http404
    return meeting, live


def _manage_context(meeting, live, new_link=None, new_cohost=None):
    rows = cohosts.cohosts_of(live)
    taken = {c.attendee_id for c in rows if c.is_active and c.attendee_id}
    phones = [a for a in live.attendees.order_by("joined_at", "pk") if a.pk not in taken]
    return {
        "meeting": meeting,
        "process": meeting.process,
        "live": live,
        "rows": rows,
        "phones": phones,
        "new_link": new_link,
        "new_cohost": new_cohost,
    }


def _manage_answer(request, meeting, live, **extra):
    template = "live/cohost/_manage.html" if request.htmx else "live/cohost/manage.html"
    return render(request, template, _manage_context(meeting, live, **extra))


@never_cache
@require_GET
@workspace_view(edit=True)
def manage(request, pk):
    meeting, live = _live_of(request, pk)
    return render(request, "live/cohost/manage.html", _manage_context(meeting, live))


@never_cache
@workspace_view(edit=True)
@require_POST
def invite(request, pk):
    """The link is shown in this answer only: its secret is kept nowhere but in the link itself."""
    meeting, live = _live_of(request, pk)
    try:
        cohost, token = cohosts.cohost_invite(live=live, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("live_cohosts", workspace=request.workspace.slug, pk=meeting.pk)
    return _manage_answer(request, meeting, live, new_link=cohosts.invite_url(token), new_cohost=cohost)


def _after(request, meeting, live, call, done):
    try:
        call()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    if request.htmx:
        return _manage_answer(request, meeting, live)
    return redirect("live_cohosts", workspace=request.workspace.slug, pk=meeting.pk)


@workspace_view(edit=True)
@require_POST
def from_phone(request, pk):
    meeting, live = _live_of(request, pk)
    form = PhoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een telefoon uit de lijst."))
        return redirect("live_cohosts", workspace=request.workspace.slug, pk=meeting.pk)
    attendee = get_object_or_404(Attendee, live=live, pk=form.cleaned_data["attendee"])
    return _after(
        request,
        meeting,
        live,
        lambda: cohosts.cohost_from_phone(live=live, attendee=attendee, by=request.user),
        _("Deze telefoon heeft nu de knoppen van een ALL-INstructeur."),
    )


@workspace_view(edit=True)
@require_POST
def revoke(request, pk):
    meeting, live = _live_of(request, pk)
    form = CoHostForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies wie je wilt intrekken."))
        return redirect("live_cohosts", workspace=request.workspace.slug, pk=meeting.pk)
    cohost = get_object_or_404(CoHost, live=live, pk=form.cleaned_data["cohost"])
    return _after(
        request,
        meeting,
        live,
        lambda: cohosts.cohost_revoke(cohost=cohost, by=request.user),
        _("Ingetrokken. Deze ALL-INstructeur heeft geen knoppen meer."),
    )


# ---- the co-host's phone ----------------------------------------------------------------------------------


@never_cache
@ensure_csrf_cookie
@ratelimit.token_link  # a wrong secret counts with every other link's from this address
def invitation(request, token):
    cohost = cohosts.invitation_for(token)
    if cohost is None:
        return render(request, "live/cohost/invitation_unknown.html", status=404)
    live = cohost.live
    if not live.is_open:
        return render(request, "live/ended.html", {"live": live})
    form = AcceptForm(request.POST) if request.method == "POST" else AcceptForm()
    status = 200
    if request.method == "POST":
        if not room.join_attempt_allowed(request=request, live=live):
            return render(request, "live/rate_limited.html", status=429)
        if form.is_valid():
            try:
                cohost = cohosts.cohost_accept(
                    cohost=cohost,
                    attendee=attendance.from_request(request, live),
                    name=form.cleaned_data["name"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                response = redirect("live_cohost", code=live.code)
                attendance.remember(response, live, cohost.attendee)
                return response
        status = 400
    return render(request, "live/cohost/invitation.html", {"live": live, "form": form}, status=status)


def _joined(request, code):
    normal = codes.normalise(code)
    return attendance.with_meeting(request.COOKIES, normal) if normal else None


def _cohost_of(request, code):
    """(live, co-host) of this phone, or (None, None): no cookie, another meeting, or the role was revoked."""
    attendee = _joined(request, code)
    cohost = cohosts.active_for(attendee)
    return (attendee.live, cohost) if cohost is not None else (None, None)


def _refused(request, code):
    return render(request, "live/cohost/refused.html", {"joined": _joined(request, code)}, status=403)


def _controls_context(live, cohost, error=None):
    state = selectors.stage(live, with_boards=False)
    activity = state["activity"]
    notes = []
    if activity is not None and activity.takes_notes:
        visible = Note.objects.filter(activity=activity, hidden=False).order_by("-created_at", "-pk")
        notes = list(visible.only("pk", "text", "category")[:NOTES_SHOWN])
    return {
        "live": live,
        "cohost": cohost,
        "items": state["items"],
        "current": state["current"],
        "position": state["position"],
        "activity": activity,
        "is_vote": activity is not None and activity.kind == activity.Kind.VOTE,
        "timer": state["timer"],
        "server_now_ms": state["server_now_ms"],
        "notes": notes,
        "notes_max": NOTES_SHOWN,
        "error": error,
    }


@never_cache
@ensure_csrf_cookie
@require_GET
def controls(request, code):
    live, cohost = _cohost_of(request, code)
    if cohost is None:
        return _refused(request, code)
    return render(request, "live/cohost/controls.html", _controls_context(live, cohost))


@never_cache
@require_GET
def controls_stage(request, code):
    """What live.js fetches after a push. To a phone of the meeting whose role was revoked, the answer is the
    refusal itself, so its controls disappear without a reload (live.js keeps what it shows when a fetch
    fails); anyone else is refused."""
    live, cohost = _cohost_of(request, code)
    if cohost is None and _joined(request, code) is not None:
        return render(request, "live/cohost/_refused.html", {})
    if cohost is None:
        return _refused(request, code)
    response = render(request, "live/cohost/_controls.html", _controls_context(live, cohost))
    response["X-Live-Version"] = str(live.version)
    return response


def _step(request, cohost):
    cohosts.cohost_item_step(cohost=cohost, offset=forms.read(forms.StepForm, request)["offset"])


def _posting(request, cohost):
    data = forms.read(forms.ActivityStateForm, request)
    if data["is_open"] is None:
        raise ValueError
    cohosts.cohost_posting_set(cohost=cohost, activity_id=data["activity"], is_open=data["is_open"])


def _timer(request, cohost):
    data = forms.read(forms.TimerStartForm, request)
    cohosts.cohost_timer_start(cohost=cohost, seconds=data["minutes"] * 60 + data["seconds"])


def _result(request, cohost):
    data = forms.read(forms.ActivityStateForm, request)
    if data["revealed"] is None:
        raise ValueError
    cohosts.cohost_result_reveal(cohost=cohost, activity_id=data["activity"], revealed=data["revealed"])


def _hide(request, cohost):
    cohosts.cohost_note_hide(cohost=cohost, note_id=forms.read(forms.NoteForm, request)["note"])


# What a co-host may do: these and nothing else.
ACTIONS = {"stap": _step, "insturen": _posting, "timer": _timer, "uitslag": _result, "verbergen": _hide}


@require_POST
def act(request, code, action):
    live, cohost = _cohost_of(request, code)
    if cohost is None:
        return _refused(request, code)
    handler = ACTIONS.get(action)
    if handler is None:
        raise Http404
    error = None
    if ratelimit.hit(f"cohost:{cohost.pk}", 60) > cohosts.ACTIONS_PER_MINUTE:
        error = _("Je drukt heel vaak achter elkaar. Wacht een minuut en probeer het dan opnieuw.")
    else:
        try:
            handler(request, cohost)
        except PermissionDenied:
            return _refused(request, code)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except (ValueError, KeyError):
            error = _("Dit verzoek klopt niet. Laad de pagina opnieuw.")
    live.refresh_from_db()
    if request.htmx or request.headers.get("X-Live"):
        # live.js puts the fresh controls in place; a refusal's reason is in them (it swaps only a 2xx answer).
        response = render(request, "live/cohost/_controls.html", _controls_context(live, cohost, error))
        response["X-Live-Version"] = str(live.version)
        # Ours (phone_views.ANSWER_HEADER; pages may not import it): a proxy's error page never replaces them.
        response["X-Live-Answer"] = "1"
        return response
    if error:
        messages.error(request, error)
    return redirect("live_cohost", code=live.code)
