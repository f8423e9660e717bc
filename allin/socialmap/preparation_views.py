"""The preparations of professionals and policy makers: the facilitator's list (make, revoke and resend links,
see who answered) and the public page behind a personal link (no account)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from allin.core import ratelimit
from allin.core.forms import run_service
from allin.core.tokens import secrets_match
from allin.processes import selectors as planning
from allin.workspaces.access import workspace_view

from . import preparations, questions, selectors
from .forms import PreparationAnswerForm, PreparationCreateForm
from .models import Preparation

POSTS_PER_TEN_MINUTES = 30
WRONG_LINKS_PER_MINUTE = 20


# The database keeps only a hash of each link's secret, so a link can be shown only to the facilitator who made
# it, from their session, for as long as it is the preparation's current one.
_SESSION_LINK = "prep-link:{pk}"


def _remember_link(request, prep):
    request.session[_SESSION_LINK.format(pk=prep.pk)] = {
        "link": preparations.link(prep),
        "hash": prep.secret_hash,
    }


def _known_link(request, prep):
    kept = request.session.get(_SESSION_LINK.format(pk=prep.pk)) or {}
    if prep.revoked_at is None and secrets_match(kept.get("hash"), prep.secret_hash):
        return kept.get("link")
    return None


def _rows(request, process):
    rows = []
    for prep in selectors.SocialMap(process).preparations:
        rows.append({"prep": prep, "answers": questions.answered(prep), "link": _known_link(request, prep)})
    return rows


@workspace_view()
def preparation_list(request, pk):
    process = planning.process_get(request.workspace, pk)
    form = PreparationCreateForm(request.POST or None, initial={"role": Preparation.Role.PROFESSIONAL})
    if request.method == "POST" and form.is_valid():
        prep = run_service(
            form,
            lambda d: preparations.preparation_create(process=process, created_by=request.user, **d),
        )
        if prep is not None:
            _remember_link(request, prep)
            if prep.sent_at:
                messages.success(
                    request, _("De link is gemaakt en gemaild naar %(email)s.") % {"email": prep.email}
                )
            else:
                messages.success(
                    request,
                    _("De link voor %(name)s is gemaakt. Kopieer hem hieronder.") % {"name": prep.name},
                )
            return redirect("socialmap_preparations", workspace=request.workspace.slug, pk=process.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "process": process,
        "form": form,
        "rows": _rows(request, process),
        "link_days": preparations.LINK_DAYS,
    }
    return render(request, "socialmap/preparations.html", context, status=status)


@workspace_view(edit=True)
@require_POST
def preparation_revoke(request, pk, prep_pk):
    process = planning.process_get(request.workspace, pk)
    prep = selectors.preparation_get(process, prep_pk)
    preparations.preparation_revoke(preparation=prep)
    request.session.pop(_SESSION_LINK.format(pk=prep.pk), None)
    messages.success(request, _("De link van %(name)s werkt niet meer.") % {"name": prep.name})
    return redirect("socialmap_preparations", workspace=request.workspace.slug, pk=process.pk)


@workspace_view(edit=True)
@require_POST
def preparation_resend(request, pk, prep_pk):
    process = planning.process_get(request.workspace, pk)
    prep = preparations.preparation_resend(preparation=selectors.preparation_get(process, prep_pk))
    _remember_link(request, prep)
    if prep.email:
        text = _("Een nieuwe link is gemaild naar %(email)s. De oude link werkt niet meer.") % {
            "email": prep.email
        }
    else:
        text = _("Er is een nieuwe link voor %(name)s. De oude link werkt niet meer.") % {"name": prep.name}
    messages.success(request, text)
    return redirect("socialmap_preparations", workspace=request.workspace.slug, pk=process.pk)


# ---- the personal link --------------------------------------------------------------------------------------


def _limited(request, key, limit):
    return ratelimit.hits(f"{key}:{ratelimit.client_ip(request)}") >= limit


def _refuse(request, reason, status):
    context = {"message": preparations.link_messages()[reason]}
    return render(request, "socialmap/preparation_invalid.html", context, status=status)


@never_cache
def preparation_form(request, token):
    if _limited(request, "prep-wrong", WRONG_LINKS_PER_MINUTE):
        return render(request, "socialmap/rate_limited.html", status=429)
    prep, reason = preparations.from_token(token)
    if prep is None:
        ratelimit.hit(f"prep-wrong:{ratelimit.client_ip(request)}", 60)
        return _refuse(request, reason, 404 if reason == preparations.INVALID else 410)
    if request.method == "POST":
        if _limited(request, "prep-post", POSTS_PER_TEN_MINUTES):
            return render(request, "socialmap/rate_limited.html", status=429)
        ratelimit.hit(f"prep-post:{ratelimit.client_ip(request)}", 600)
    form = PreparationAnswerForm(request.POST or None, preparation=prep)
    if request.method == "POST" and form.is_valid():
        try:
            preparations.preparation_answer(preparation=prep, answers=form.answers(), ratings=form.ratings())
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request, _("Dank je wel! Je voorbereiding is opgeslagen. Je kunt hem nog aanpassen.")
            )
            return redirect("preparation_form", token=token)
    status = 400 if request.method == "POST" else 200
    context = {"prep": prep, "form": form, "process": prep.process}
    return render(request, "socialmap/preparation_form.html", context, status=status)
