"""The facilitator's side of the feedback page: the plan, the draft answers, publishing, moderation, the link,
its QR code, the poster and the memo."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.processes import selectors as process_selectors
from allin.workspaces.access import workspace_view

from . import feedback, links, pdf, qr, selectors, services
from .forms import FeedbackPlanForm, FeedbackSettingsForm, ReplyForm
from .models import Action, FeedbackPlan


def _back(request, pk, anchor=""):
    response = redirect("feedback_admin", workspace=request.workspace.slug, pk=pk)
    response["Location"] += anchor
    return response


def _context(request, process, plan_form=None, settings_form=None):
    page = feedback.feedback_page_for(process)
    plan = FeedbackPlan.objects.filter(process=process).first()
    drafts = list(
        Action.objects.filter(process=process, sources__isnull=False)
        .distinct()
        .select_related("owner_partner")
        .order_by("owner_partner__name", "pk")
    )
    for action in drafts:
        action.changed = (action.status, action.answer, action.status_reason) != (
            action.public_status,
            action.public_answer,
            action.public_reason,
        )
    return {
        "process": process,
        "page": page,
        "plan_form": plan_form
        or FeedbackPlanForm(
            initial={f: getattr(plan, f) for f in ("who", "what", "where", "when", "how")} if plan else None
        ),
        "settings_form": settings_form
        or FeedbackSettingsForm(initial={"intro": page.intro, "reactions_open": page.reactions_open}),
        "drafts": drafts,
        "unanswered": [a for a in drafts if not a.answer],
        "pending": list(selectors.pending_reactions(process)),
        "public_url": links.feedback_url(page),
        "qr_svg": qr.svg(links.feedback_url(page)),
        "reply_form": ReplyForm(),
        "steps": selectors.participation_steps(process),
    }


@workspace_view()
def feedback_admin(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    return render(request, "actions/feedback_admin.html", _context(request, process))


@workspace_view(edit=True)
@require_POST
def feedback_plan_save(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    form = FeedbackPlanForm(request.POST)
    if form.is_valid() and run_service(form, lambda d: services.feedback_plan_save(process=process, **d)):
        messages.success(request, _("De afspraken over de terugkoppeling zijn opgeslagen."))
        return _back(request, pk, "#plan")
    return render(
        request, "actions/feedback_admin.html", _context(request, process, plan_form=form), status=400
    )


@workspace_view(edit=True)
@require_POST
def feedback_settings(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    form = FeedbackSettingsForm(request.POST)
    if form.is_valid() and run_service(form, lambda d: feedback.feedback_settings(process=process, **d)):
        messages.success(request, _("Opgeslagen."))
        return _back(request, pk, "#instellingen")
    return render(
        request, "actions/feedback_admin.html", _context(request, process, settings_form=form), status=400
    )


@workspace_view(edit=True)
@require_POST
def feedback_publish(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    try:
        if request.POST.get("do") == "offline":
            feedback.feedback_unpublish(process=process)
            messages.success(request, _("De terugkoppeling is offline. Jongeren zien een melding."))
        elif request.POST.get("do") == "renew":
            feedback.feedback_key_renew(process=process)
            messages.success(request, _("Er is een nieuwe link en QR-code; de oude werkt niet meer."))
        else:
            changed = feedback.feedback_publish(process=process)
            messages.success(
                request, _("Gepubliceerd. %(n)d antwoorden zijn nieuw of bijgewerkt.") % {"n": changed}
            )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _back(request, pk)


@workspace_view(edit=True)
@require_POST
def reaction_moderate(request, pk, reaction_pk):
    process = process_selectors.process_get(request.workspace, pk)
    reaction = selectors.reaction_get(process, reaction_pk)
    if request.POST.get("do") == "reply":
        form = ReplyForm(request.POST)
        if form.is_valid() and run_service(
            form,
            lambda d: feedback.reaction_reply(
                reaction=reaction, text=d["text"], by=request.user.full_name or _("de begeleider")
            ),
        ):
            messages.success(request, _("Je antwoord staat onder de reactie."))
        else:
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _back(request, pk, "#reacties")
    feedback.reaction_moderate(reaction=reaction, approve=request.POST.get("do") == "approve")
    messages.success(request, _("De reactie is beoordeeld."))
    return _back(request, pk, "#reacties")


@workspace_view()
def feedback_qr(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    page = feedback.feedback_page_for(process)
    response = HttpResponse(qr.svg(links.feedback_url(page), scale=8), content_type="image/svg+xml")
    response["Content-Disposition"] = 'attachment; filename="terugkoppeling-qr.svg"'
    return response


@workspace_view()
def feedback_poster_pdf(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    return pdf.response(pdf.poster(process), f"poster terugkoppeling {process.name}")


@workspace_view()
def feedback_memo_pdf(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    return pdf.response(pdf.memo(process), f"memo terugkoppeling {process.name}")
