"""The facilitator's side of the feedback page: the plan, the draft answers, publishing, moderation, the link,
its QR code, the poster and the memo."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.processes import selectors as process_selectors
from allin.workspaces.access import workspace_view

from . import feedback, links, pdf, qr, selectors, services, tip_answers
from .feedback_models import ProgressMode
from .forms import FeedbackPlanForm, FeedbackSettingsForm, ReplyForm, TipAnswerForm
from .models import Action, FeedbackPlan, ProgressUpdate


def _back(request, pk, anchor=""):
    response = redirect("feedback_admin", workspace=request.workspace.slug, pk=pk)
    response["Location"] += anchor
    return response


def _context(request, process, plan_form=None, settings_form=None, tip_form=None):
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
        or FeedbackSettingsForm(
            initial={
                "intro": page.intro,
                "reactions_open": page.reactions_open,
                "contact": page.contact,
                "progress_mode": page.progress_mode,
            }
        ),
        "drafts": drafts,
        "unanswered": [a for a in drafts if not a.answer],
        "pending": list(selectors.pending_reactions(process)),
        "public_url": links.feedback_url(page),
        "qr_svg": qr.svg(links.feedback_url(page)),
        "reply_form": ReplyForm(),
        "steps": selectors.participation_steps(process),
        **_tips_context(process, page, tip_form),
    }


def _tips_context(process, page, tip_form):
    """Every tip without an action, each with a form for its answer (the refused one keeps what was typed)."""
    rows = tip_answers.tips(process)
    for tip in rows:
        if tip_form is not None and tip_form.data.get("ref") == tip.ref:
            tip.form = tip_form
        else:
            initial = {"ref": tip.ref}
            if tip.answer is not None:
                initial.update(status=tip.answer.status, text=tip.answer.text, link=tip.answer.link)
            tip.form = TipAnswerForm(initial=initial, auto_id=f"{tip.ref}-%s")
    return {
        "tips": rows,
        "tips_open": [t for t in rows if t.answer is None],
        "progress_waiting": list(tip_answers.progress_waiting(process))
        if page.progress_mode == ProgressMode.REVIEW
        else [],
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
            open_tips = len(tip_answers.unanswered(process))
            if open_tips and not request.POST.get("confirm_unanswered"):
                messages.error(
                    request,
                    ngettext(
                        "%(n)d tip heeft nog geen antwoord. Geef die eerst een antwoord, of vink aan dat je toch "
                        "publiceert: de pagina zegt dan dat er nog een antwoord komt.",
                        "%(n)d tips hebben nog geen antwoord. Geef ze eerst een antwoord, of vink aan dat je toch "
                        "publiceert: de pagina zegt dan dat er nog antwoorden komen.",
                        open_tips,
                    )
                    % {"n": open_tips},
                )
                return _back(request, pk, "#tips")
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


@workspace_view(edit=True)
@require_POST
def tip_answer(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    form = TipAnswerForm(request.POST, auto_id=f"{request.POST.get('ref', 'tip')[:40]}-%s")
    if form.is_valid() and run_service(form, lambda d: tip_answers.tip_answer_save(process=process, **d)):
        messages.success(
            request, _("Het antwoord is opgeslagen. Jongeren zien het na de volgende publicatie.")
        )
        return _back(request, pk, "#tips")
    return render(
        request, "actions/feedback_admin.html", _context(request, process, tip_form=form), status=400
    )


@workspace_view(edit=True)
@require_POST
def progress_show(request, pk, update_pk):
    process = process_selectors.process_get(request.workspace, pk)
    update = ProgressUpdate.objects.filter(action__process=process, pk=update_pk).first()
    if update is None:
        messages.error(request, _("Deze voortgang bestaat niet meer."))
    else:
        tip_answers.progress_show(update=update)
        messages.success(request, _("De voortgang staat op de pagina voor jongeren."))
    return _back(request, pk, "#voortgang")
