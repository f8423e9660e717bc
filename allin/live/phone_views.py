"""The phone: join with a code, see what the meeting is doing, post notes. No account; a signed cookie."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST

from allin.core import ratelimit
from allin.core.text import NUL_MESSAGE

from . import attendance, codes, delta, groups_panel, notes, realtime, registry, room, selectors, services
from .forms import CodeForm, JoinForm, NoteForm
from .guards import phone_in_current
from .models import NOTE_MAX, Activity, LiveMeeting

WRONG_CODES_PER_MINUTE = 20

# Every answer of ours to a phone's post carries this header: the phone's outbox (live-outbox.js) shows and
# settles only such answers. A proxy's 502 page or a captive portal's login page lacks it, so the phone keeps
# the post and sends it again instead of showing someone else's markup.
ANSWER_HEADER = "X-Live-Answer"


def _ours(response):
    response[ANSWER_HEADER] = "1"
    return response


def _not_joined():
    return _ours(
        HttpResponse(_("Je bent niet aangemeld bij deze bijeenkomst. Open de link opnieuw."), status=403)
    )


def _limited(request):
    return ratelimit.hits(f"join:{ratelimit.client_ip(request)}") >= WRONG_CODES_PER_MINUTE


def _wrong_code(request, status=404):
    ratelimit.hit(f"join:{ratelimit.client_ip(request)}", 60)
    form = CodeForm(request.GET or None)
    return render(request, "live/code_unknown.html", {"form": form}, status=status)


def _too_many(request):
    return render(request, "live/rate_limited.html", status=429)


def _live(request, code):
    """The open or closed live meeting of a code, or None."""
    normal = codes.normalise(code)
    return (
        LiveMeeting.objects.select_related("meeting__process__workspace").filter(code=normal).first()
        if normal
        else None
    )


@require_GET
def code_lookup(request):
    """The code box on the home page and on the join screen."""
    if _limited(request):
        return _too_many(request)
    normal = codes.normalise(request.GET.get("code", ""))
    if normal and LiveMeeting.objects.filter(code=normal).exists():
        return redirect("live_join", code=normal)
    return _wrong_code(request, status=404)


@never_cache
@ensure_csrf_cookie
def join(request, code, key=None):
    # A phone already in, or one that scanned the QR code (its key cannot be guessed), skips the limit on
    # mistyped codes; everyone else is held to it (room.py).
    normal = codes.normalise(code)
    joined = attendance.with_meeting(request.COOKIES, normal) if normal else None
    live = joined.live if joined is not None else None
    if joined is None and key is not None:
        # Only the right key skips the limit: a made-up key must not turn the QR address into a free code oracle.
        scanned = _live(request, code)
        live = scanned if scanned is not None and room.key_matches(scanned, key) else None
    if live is None and _limited(request):
        return _too_many(request)
    if live is None:
        live = _live(request, code)
    if live is None:
        return _wrong_code(request)
    if key is not None and not room.key_matches(live, key):
        return redirect("live_join", code=live.code)  # an old QR code: the code itself is right
    if code != live.code and key is None:
        return redirect("live_join", code=live.code)
    attendee = joined or attendance.from_request(request, live)
    if attendee is not None:
        if key is not None:
            return redirect("live_join", code=live.code)
        return _phone_page(request, live, attendee)
    if not live.is_open:
        return render(request, "live/ended.html", {"live": live})
    if reason := room.refusal(live):
        return _join_refused(request, live, reason)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and not room.join_attempt_allowed(request=request, live=live):
        return _join_refused(request, live, "rate")
    if request.method == "POST" and form.is_valid():
        try:
            attendee = services.attendee_join(live=live, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            response = redirect("live_join", code=live.code)
            attendance.remember(response, live, attendee)
            return response
    status = 400 if request.method == "POST" else 200
    return render(request, "live/join.html", {"live": live, "form": form}, status=status)


def _join_refused(request, live, reason):
    status = 429 if reason == "rate" else 403
    response = render(request, "live/join_refused.html", {"live": live, "reason": reason}, status=status)
    if reason == "rate":
        response["Retry-After"] = str(room.WINDOW_SECONDS)
    return response


def _phone_context(live, attendee, note_form=None):
    state = selectors.stage(live, with_boards=False)
    spec, activity = state["spec"], state["activity"]
    mine = spec.mine_context(activity, attendee) if (spec and spec.mine_context) else None
    return {
        **state,
        **(mine or {}),
        "attendee": attendee,
        "has_mine": mine is not None,
        "my_notes": selectors.my_notes(attendee, activity) if (activity and activity.takes_notes) else [],
        "note_form": note_form,
        "client_id": uuid.uuid4(),
        **groups_panel.phone_context(live, attendee, state),
    }


def _phone_page(request, live, attendee, note_form=None, status=200):
    context = _phone_context(live, attendee, note_form)
    return render(request, "live/phone.html", context, status=status)


def _attendee_or_none(request, code):
    normal = codes.normalise(code)
    attendee = attendance.with_meeting(request.COOKIES, normal) if normal else None
    if attendee is not None:
        return attendee.live, attendee
    return _live(request, code), None


@never_cache
@require_GET
def phone_stage(request, code):
    live, attendee = _attendee_or_none(request, code)
    if attendee is None:
        return _not_joined()
    caught_up = delta.answer(request, live, realtime.PHONES, phone=True)
    if caught_up is not None:
        return caught_up
    response = render(request, "live/_phone_refresh.html", _phone_context(live, attendee))
    response["X-Live-Version"] = str(live.version)
    return response


@require_POST
def note_post(request, code):
    live, attendee = _attendee_or_none(request, code)
    if attendee is None:
        return _not_joined()
    form = NoteForm(request.POST)
    error, status = None, 400
    if form.is_valid() and not room.note_allowed(request=request, live=live):
        error = _(
            "Vanaf dit netwerk komen nu heel veel post-its binnen. Wacht even en verstuur hem dan opnieuw."
        )
        status = 429
    elif form.is_valid():
        found = Activity.objects.filter(live=live, pk=form.cleaned_data["activity"]).order_by()[:1]
        activity = next(iter(found), None)
        if activity is None:
            error = _("Dit bord hoort niet bij deze bijeenkomst.")
        else:
            # The meeting came with the attendee (and its process and workspace): the board's checks and the
            # push after the commit read it from here instead of querying it again.
            activity.live = live
            try:
                notes.note_create(
                    activity=activity,
                    attendee=attendee,
                    text=form.cleaned_data["text"],
                    client_id=form.cleaned_data["client_id"],
                    category=form.cleaned_data["category"],
                    show_name=form.cleaned_data["show_name"],
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
                status = 429 if isinstance(exc, notes.TooManyNotes) else 400
            except OperationalError:
                # The database was too busy to take the note in time. Nothing was saved; the phone keeps the
                # text and its idempotency key, so sending again cannot make a second note.
                error = _("Het is even erg druk. Je post-it staat er nog: verstuur hem zo opnieuw.")
                status = 503
    else:
        error = _note_form_error(form)
    if request.htmx or request.headers.get("X-Live"):
        if error:
            return _ours(HttpResponse(error, status=status, content_type="text/plain; charset=utf-8"))
        # The board posted to is the current one (note_create checks): no need to read the whole stage.
        return _ours(
            render(request, "live/_my_notes.html", {"my_notes": selectors.my_notes(attendee, activity)})
        )
    if error:
        messages.error(request, error)
        return _phone_page(request, live, attendee, note_form=form, status=status)
    messages.success(request, _("Je post-it is verstuurd."))
    return redirect(reverse("live_join", kwargs={"code": live.code}) + "#mijn")


def _note_form_error(form):
    if "text" in form.errors:
        text = form.data.get("text", "").strip()
        if "\x00" in text:
            return str(NUL_MESSAGE)  # the message every other form gives
        if not text:
            return _("Schrijf eerst iets op je post-it.")
        if len(text) > NOTE_MAX:
            return _("Een post-it mag hoogstens %(max)d tekens hebben.") % {"max": NOTE_MAX}
    return _("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw.")


def _kind_for(live, activity_id):
    # No ORDER BY on a primary key, and the meeting the caller already has (with its process and workspace)
    # instead of a join: every phone that posted on a board asks here when the board comes back.
    activity = next(iter(Activity.objects.filter(live=live, pk=activity_id).order_by()[:1]), None)
    if activity is not None:
        activity.live = live
    spec = registry.get(activity.kind) if (activity and not activity.takes_notes) else None
    return activity, spec


@never_cache
@require_GET
def activity_mine(request, code, activity):
    """The part of an activity only this phone sees: its own answer, dots left, its table."""
    live, attendee = _attendee_or_none(request, code)
    if attendee is None:
        return _not_joined()
    activity, spec = _kind_for(live, activity)
    if activity is not None and activity.takes_notes:
        return render(request, "live/_my_notes.html", {"my_notes": selectors.my_notes(attendee, activity)})
    if spec is None or spec.mine_template is None:
        raise Http404
    return render(
        request,
        spec.mine_template,
        {"live": live, "activity": activity, "attendee": attendee, **spec.mine_context(activity, attendee)},
    )


@require_POST
def activity_action(request, code, activity, action):
    """A phone answers in an activity (a word, a dot, consent, ...). Same answers as note_post: the personal part
    for scripts, a redirect for plain forms, a Dutch message when refused."""
    live, attendee = _attendee_or_none(request, code)
    if attendee is None:
        return _not_joined()
    activity, spec = _kind_for(live, activity)
    handler = spec.phone_actions.get(action) if spec else None
    if handler is None and (request.htmx or request.headers.get("X-Live")):
        # Said as ours, so a phone's outbox lets it go (an item taken off the agenda while it waited).
        return _ours(
            HttpResponse(
                _("Dit onderdeel is er niet meer. Kijk op het scherm wat er nu gebeurt."),
                status=404,
                content_type="text/plain; charset=utf-8",
            )
        )
    if handler is None:
        raise Http404
    error = None
    try:
        phone_in_current(activity, attendee)
        handler(request, activity, attendee)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if request.htmx or request.headers.get("X-Live"):
        if error:
            return _ours(HttpResponse(error, status=400, content_type="text/plain; charset=utf-8"))
        if spec.mine_template is None:
            return _ours(HttpResponse(status=204))
        return _ours(
            render(
                request,
                spec.mine_template,
                {
                    "live": live,
                    "activity": activity,
                    "attendee": attendee,
                    **spec.mine_context(activity, attendee),
                },
            )
        )
    if error:
        messages.error(request, error)
    return redirect(reverse("live_join", kwargs={"code": live.code}) + "#stage")
