"""The facilitator's pages for Werk aan Netwerk's closing and follow-up: agreement cards, the call list of a
meeting and planning the follow-up session."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.live.activity_models import Plan
from allin.live.kinds import plans as live_plans
from allin.processes import selectors as process_selectors
from allin.workspaces.access import workspace_view

from . import agreements, followup, links, pdf, qr
from .action_views import _pk
from .followup_models import Agreement, AgreementRow, FollowUpCall, FollowUpMeeting
from .forms import AgreementRowForm, CallForm, CardLineForm, FollowUpForm, PartnerForm, PlanPartnerForm, fresh


def _agreement(request, pk, agreement_pk):
    process = process_selectors.process_get(request.workspace, pk)
    return get_object_or_404(
        Agreement.objects.select_related("partner", "process"), process=process, pk=agreement_pk
    )


@workspace_view()
def agreement_list(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    form = PartnerForm(request.POST or None, workspace=request.workspace)
    if request.method == "POST" and form.is_valid():
        agreement = run_service(form, lambda d: followup.agreement_for(process=process, partner=d["partner"]))
        if agreement is not None:
            return redirect(
                "agreement_detail", workspace=request.workspace.slug, pk=pk, agreement_pk=agreement.pk
            )
    context = {
        "process": process,
        "cards": agreements.cards(process),
        "unmatched": agreements.unmatched(process),
        "link_form": PlanPartnerForm(workspace=request.workspace),
        "form": form,
    }
    return render(request, "actions/agreement_list.html", context, status=400 if form.errors else 200)


@workspace_view(edit=True)
@require_POST
def agreement_line_action(request, pk):
    """A line of an agreement card becomes an action (or opens the one it already became)."""
    process = process_selectors.process_get(request.workspace, pk)
    form = CardLineForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["line"])
        kind, _sep, line_pk = form.cleaned_data["line"].partition("-")
        if kind == "row":
            row = get_object_or_404(AgreementRow, agreement__process=process, pk=int(line_pk))
            action = followup.action_from_card_line(process=process, row=row)
        else:
            plan = get_object_or_404(
                Plan.objects.select_related("partner", "activity__live__meeting"),
                activity__live__meeting__process=process,
                pk=int(line_pk),
            )
            action = followup.action_from_card_line(process=process, plan=plan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("agreement_list", workspace=request.workspace.slug, pk=pk)
    messages.success(request, _("De afspraak is een actie. Kies nu een datum en eventueel een e-mailadres."))
    return redirect("action_detail", workspace=request.workspace.slug, pk=pk, action_pk=action.pk)


@workspace_view(edit=True)
@require_POST
def agreement_plan_partner(request, pk):
    """Put a session row whose organisation matched no network card on the card of the organisation chosen."""
    process = process_selectors.process_get(request.workspace, pk)
    form = PlanPartnerForm(request.POST, workspace=request.workspace)
    if form.is_valid():
        plan = get_object_or_404(
            Plan.objects.select_related("activity__live__meeting"),
            activity__live__meeting__process=process,
            pk=form.cleaned_data["plan"],
        )
        if run_service(form, lambda d: live_plans.plan_set_partner(plan=plan, partner=d["partner"])):
            messages.success(
                request,
                _("De regel staat op de kaart van %(name)s.") % {"name": form.cleaned_data["partner"].name},
            )
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("agreement_list", workspace=request.workspace.slug, pk=pk)


@workspace_view()
def agreement_detail(request, pk, agreement_pk):
    agreement = _agreement(request, pk, agreement_pk)
    form = AgreementRowForm(request.POST or None) if request.method == "POST" else fresh(AgreementRowForm)
    if request.method == "POST" and form.is_valid():
        if run_service(form, lambda d: followup.agreement_row_add(agreement=agreement, **d)):
            messages.success(request, _("De afspraak staat op de kaart."))
            return redirect(
                "agreement_detail", workspace=request.workspace.slug, pk=pk, agreement_pk=agreement_pk
            )
    url = links.agreement_url(agreement)
    context = {
        "process": agreement.process,
        "agreement": agreement,
        "card": agreements.card_of(agreement),
        "form": form,
        "phone_url": url,
        "qr_svg": qr.svg(url),
    }
    return render(request, "actions/agreement_detail.html", context, status=400 if form.errors else 200)


@workspace_view(edit=True)
@require_POST
def agreement_change(request, pk, agreement_pk):
    """Remove a row (`row`), or give the card a new phone link (`do=renew`)."""
    agreement = _agreement(request, pk, agreement_pk)
    if request.POST.get("do") == "renew":
        followup.agreement_key_renew(agreement=agreement)
        messages.success(request, _("De kaart heeft een nieuwe link; de oude werkt niet meer."))
    else:
        row = get_object_or_404(AgreementRow, agreement=agreement, pk=_pk(request.POST.get("row")))
        followup.agreement_row_delete(row=row)
        messages.success(request, _("De afspraak is van de kaart gehaald."))
    return redirect("agreement_detail", workspace=request.workspace.slug, pk=pk, agreement_pk=agreement_pk)


@workspace_view()
def agreement_pdf(request, pk, agreement_pk):
    agreement = _agreement(request, pk, agreement_pk)
    return pdf.response(
        pdf.agreements(agreement.process, [agreements.card_of(agreement)]),
        f"afsprakenkaart {agreement.partner.name}",
    )


@workspace_view()
def agreements_pdf(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    return pdf.response(
        pdf.agreements(process, agreements.cards(process)), f"afsprakenkaarten {process.name}"
    )


# ---- the call list and the follow-up session ---------------------------------------------------------------


def _calls_context(request, meeting, follow_form=None):
    calls = list(FollowUpCall.objects.filter(meeting=meeting).select_related("partner"))
    for call in calls:
        call.form = CallForm(
            initial={
                "took_away": call.took_away,
                "did": call.did,
                "planned": call.planned,
                "needs": call.needs,
                "next_call_on": call.next_call_on,
            },
            prefix=f"call{call.pk}",
        )
    return {
        "meeting": meeting,
        "process": meeting.process,
        "calls": calls,
        "follow_ups": list(FollowUpMeeting.objects.filter(after=meeting).select_related("meeting")),
        "follow_form": follow_form or FollowUpForm(initial={"start_time": meeting.start_time}),
    }


@workspace_view()
def call_list(request, pk):
    meeting = process_selectors.meeting_get(request.workspace, pk)
    if request.method == "POST":
        try:
            followup.call_list_create(meeting=meeting)
            messages.success(request, _("De bellijst staat klaar."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("call_list", workspace=request.workspace.slug, pk=pk)
    return render(request, "actions/call_list.html", _calls_context(request, meeting))


@workspace_view(edit=True)
@require_POST
def call_record(request, pk, call_pk):
    meeting = process_selectors.meeting_get(request.workspace, pk)
    call = get_object_or_404(FollowUpCall, meeting=meeting, pk=call_pk)
    form = CallForm(request.POST, prefix=f"call{call.pk}")
    if form.is_valid() and run_service(
        form, lambda d: followup.call_record(call=call, by=request.user.full_name or request.user.email, **d)
    ):
        messages.success(
            request, _("Het belgesprek met %(name)s is opgeslagen.") % {"name": call.partner.name}
        )
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    response = redirect("call_list", workspace=request.workspace.slug, pk=pk)
    response["Location"] += f"#bel-{call.pk}"
    return response


@workspace_view(edit=True)
@require_POST
def follow_up_plan(request, pk):
    meeting = process_selectors.meeting_get(request.workspace, pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        planned = run_service(form, lambda d: followup.follow_up_meeting_plan(after=meeting, **d))
        if planned is not None:
            messages.success(
                request,
                _(
                    "De opvolgsessie staat gepland. Op %(date)s krijg je een herinnering om de uitnodiging te sturen."
                )
                % {"date": planned.invite_on.strftime("%d-%m-%Y")},
            )
            return redirect("meeting_detail", workspace=request.workspace.slug, pk=planned.meeting_id)
    return render(
        request, "actions/call_list.html", _calls_context(request, meeting, follow_form=form), status=400
    )
