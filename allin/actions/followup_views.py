"""The facilitator's pages for Werk aan Netwerk's closing and follow-up: agreement cards, the call list of a
meeting and planning the follow-up session."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.processes import selectors as process_selectors
from allin.workspaces.access import workspace_view

from . import followup, links, pdf, qr
from .action_views import _pk
from .followup_models import Agreement, AgreementRow, FollowUpCall, FollowUpMeeting
from .forms import AgreementRowForm, CallForm, FollowUpForm, PartnerForm, fresh


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
    agreements = list(process.agreements.select_related("partner").prefetch_related("rows"))
    return render(
        request,
        "actions/agreement_list.html",
        {"process": process, "agreements": agreements, "form": form},
        status=400 if form.errors else 200,
    )


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
        "rows": list(agreement.rows.all()),
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
        pdf.agreements(agreement.process, [agreement]), f"afsprakenkaart {agreement.partner.name}"
    )


@workspace_view()
def agreements_pdf(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    cards = list(process.agreements.select_related("partner"))
    return pdf.response(pdf.agreements(process, cards), f"afsprakenkaarten {process.name}")


# ---- the call list and the follow-up session ---------------------------------------------------------------


def _calls_context(request, meeting, follow_form=None):
    calls = list(FollowUpCall.objects.filter(meeting=meeting).select_related("partner"))
    for call in calls:
        call.form = CallForm(
            initial={
                "took_away": call.took_away,
                "did": call.did,
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
