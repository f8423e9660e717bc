"""Pages without an account: the youth's feedback page (a secret link / QR code) with reactions, the owner's
personal page for an action, and the agreement card on a representative's phone."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from allin.core import ratelimit
from allin.core.forms import run_service

from . import agreements, feedback, followup, links, selectors, services, tip_answers
from .followup_models import Agreement, AgreementRow
from .forms import AgreementRowForm, OwnerProgressForm, ReactionForm, ReplyForm, fresh
from .models import Action, ProgressUpdate


def _private(response):
    # A secret link must not leak to other sites through the Referer header, nor into a search engine. (Not
    # "no-referrer": browsers then send "Origin: null" with forms, which CSRF protection refuses.)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# ---- the feedback page (youth) ----------------------------------------------------------------------------


@never_cache
@ratelimit.token_link
def feedback_public(request, key, form=None, form_action=None, status=200):
    page = selectors.feedback_page_by_key(key)
    if not page.is_published:
        return _private(render(request, "actions/public/not_yet.html", {"page": page}, status=404))
    groups = selectors.published_answers(page)
    progress = tip_answers.shown_progress(page, [item["action"] for g in groups for item in g["items"]])
    for group in groups:
        for item in group["items"]:
            item["progress"] = progress.get(item["action"].pk)
    context = {
        "page": page,
        "process": page.process,
        "groups": groups,
        "tip_groups": tip_answers.published(page),
        "form": form,
        "form_action": form_action,
        "fresh_form": fresh(ReactionForm),
    }
    return _private(render(request, "actions/public/feedback.html", context, status=status))


@never_cache
@ratelimit.token_link
@require_POST
def feedback_react(request, key, action_pk):
    page = selectors.feedback_page_by_key(key)
    if not page.is_published:
        return _private(render(request, "actions/public/not_yet.html", {"page": page}, status=404))
    action = get_object_or_404(Action, process=page.process, pk=action_pk, public_at__isnull=False)
    form = ReactionForm(request.POST)
    if form.is_valid():
        done = run_service(
            form,
            lambda d: feedback.reaction_create(
                page=page,
                action=action,
                text=d["text"],
                client_id=d["client_id"],
                address=ratelimit.client_ip(request),
            ),
        )
        if done is not None:
            messages.success(
                request,
                _("Dank je! Je reactie is verstuurd. Hij staat hier zodra de begeleider hem heeft bekeken."),
            )
            response = redirect("feedback_public", key=page.key)
            response["Location"] += f"#antwoord-{action.pk}"
            return _private(response)
    return feedback_public(request, key, form=form, form_action=action.pk, status=400)


# ---- the owner's page -------------------------------------------------------------------------------------


def _owner_or_gone(request, token):
    action = links.owner_action(token)
    if action is None:
        return None, _private(render(request, "actions/public/link_gone.html", status=404))
    return action, None


@never_cache
@ratelimit.token_link
def action_owner(request, token):
    action, gone = _owner_or_gone(request, token)
    if gone:
        return gone
    form = OwnerProgressForm(request.POST or None) if request.method == "POST" else None
    if form is not None and form.is_valid():
        done = run_service(
            form,
            lambda d: services.action_progress(
                action=action,
                via=ProgressUpdate.Via.OWNER,
                author_name=d["author_name"] or action.owner_name,
                status=d["status"],
                reason=d["reason"],
                text=d["text"],
                answer=d["answer"] if d["answer"].strip() else None,
                client_id=d["client_id"],
            ),
        )
        if done is not None:
            messages.success(request, _("Dank je wel! Je update is opgeslagen."))
            return _private(redirect("action_owner", token=token))
    if form is None:
        form = fresh(OwnerProgressForm, initial={"author_name": action.owner_name, "answer": action.answer})
    context = {
        "action": action,
        "token": token,
        "form": form,
        "tips": selectors.tips_of(action),
        "updates": list(action.updates.all()[:20]),
        "reactions": list(action.reactions.filter(status="goedgekeurd")),
        "reply_form": ReplyForm(),
    }
    return _private(render(request, "actions/public/owner.html", context, status=400 if form.errors else 200))


@never_cache
@ratelimit.token_link
@require_POST
def action_owner_reply(request, token, reaction_pk):
    action, gone = _owner_or_gone(request, token)
    if gone:
        return gone
    reaction = get_object_or_404(action.reactions, pk=reaction_pk, status="goedgekeurd")
    form = ReplyForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        by = action.owner_partner.name if action.owner_partner else action.owner_name
        feedback.reaction_reply(reaction=reaction, text=form.cleaned_data["text"], by=by)
        messages.success(request, _("Je antwoord staat nu onder de reactie."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _private(redirect("action_owner", token=token))


# ---- the agreement card on a phone ------------------------------------------------------------------------


@never_cache
@ratelimit.token_link
def agreement_phone(request, key):
    agreement = get_object_or_404(Agreement.objects.select_related("partner", "process"), key=key)
    form = AgreementRowForm(request.POST or None) if request.method == "POST" else fresh(AgreementRowForm)
    if request.method == "POST" and form.is_valid():
        done = run_service(form, lambda d: followup.agreement_row_add(agreement=agreement, **d))
        if done is not None:
            messages.success(request, _("De afspraak staat op de kaart."))
            return _private(redirect("agreement_phone", key=key))
    context = {"agreement": agreement, "card": agreements.card_of(agreement), "form": form}
    return _private(
        render(request, "actions/public/agreement_phone.html", context, status=400 if form.errors else 200)
    )


@never_cache
@ratelimit.token_link
@require_POST
def agreement_phone_delete(request, key, row_pk):
    agreement = get_object_or_404(Agreement, key=key)
    row = get_object_or_404(AgreementRow, agreement=agreement, pk=row_pk)
    followup.agreement_row_delete(row=row)
    messages.success(request, _("De afspraak is van de kaart gehaald."))
    return _private(redirect("agreement_phone", key=key))
