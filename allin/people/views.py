"""Pages for the participants of a process: the list, add, edit, remove, erase on request, the erase date and
inviting everyone to the whole series. Meeting pages (invitations, attendance): meeting_views.py."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.processes import selectors as planning
from allin.workspaces.access import workspace_view

from . import invitations, selectors, services
from .forms import ChooseParticipantsForm, EraseConfirmForm, EraseDateForm, ParticipantForm, posted


def _list_url(request, process):
    return redirect("participant_list", workspace=request.workspace.slug, pk=process.pk)


def _invitable(process):
    return [p for p in selectors.participants_of(process) if p.email and not p.is_erased]


def report_sent(request, result):
    """One Dutch message per outcome of sending invitations or reminders."""
    if result.sent:
        messages.success(
            request,
            ngettext("%(n)d e-mail is verstuurd.", "%(n)d e-mails zijn verstuurd.", len(result.sent))
            % {"n": len(result.sent)},
        )
    if result.recent:
        messages.info(
            request,
            ngettext(
                "%(n)d deelnemer kreeg net al een e-mail; we sturen niet nog een keer.",
                "%(n)d deelnemers kregen net al een e-mail; we sturen niet nog een keer.",
                len(result.recent),
            )
            % {"n": len(result.recent)},
        )
    if result.without_email:
        messages.warning(
            request,
            _("Zonder e-mailadres, dus niet verstuurd: %(names)s.")
            % {"names": ", ".join(p.name for p in result.without_email)},
        )
    if not (result.sent or result.recent or result.without_email):
        messages.info(request, _("Er is niemand om een e-mail naar te sturen."))


@workspace_view()
def participant_list(request, pk):
    return _render_list(request, planning.process_get(request.workspace, pk))


def _render_list(request, process, series_form=None, status=200):
    participants = selectors.participants_of(process).annotate(attended=Count("attendances", distinct=True))
    invitable = _invitable(process)
    form = series_form or ChooseParticipantsForm(
        participants=invitable, initial={"participants": [p.pk for p in invitable]}
    )
    context = {
        "process": process,
        "participants": participants,
        "erase_on": selectors.erase_date(process),
        "series_form": form,
        "upcoming": process.meetings.filter(date__gte=timezone.localdate()).count(),
    }
    return render(request, "people/participant_list.html", context, status=status)


def _form_values(data):
    return {
        "name": data["name"],
        "role": data["role"],
        "organisation": data["organisation"],
        "domain": data["domain"],
        "is_expert": data["is_expert"],
        "email": data["email"],
    }


@workspace_view(edit=True)
def participant_create(request, pk):
    process = planning.process_get(request.workspace, pk)
    form = ParticipantForm(posted(request), workspace=request.workspace)
    if request.method == "POST" and form.is_valid():
        participant = run_service(
            form, lambda d: services.participant_create(process=process, **_form_values(d))
        )
        if participant is not None:
            messages.success(request, _("%(name)s is toegevoegd.") % {"name": participant.name})
            if "again" in request.POST:
                return redirect("participant_create", workspace=request.workspace.slug, pk=process.pk)
            return _list_url(request, process)
    status = 400 if request.method == "POST" else 200
    return render(request, "people/participant_form.html", {"process": process, "form": form}, status=status)


@workspace_view(edit=True)
def participant_edit(request, pk, participant_pk):
    process = planning.process_get(request.workspace, pk)
    participant = selectors.participant_get(process, participant_pk)
    initial = {
        "name": participant.name,
        "role": participant.role,
        "organisation": participant.organisation_id,
        "domain": participant.domain,
        "is_expert": participant.is_expert,
        "email": participant.email,
    }
    form = ParticipantForm(posted(request), initial=initial, workspace=request.workspace)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form, lambda d: services.participant_update(participant=participant, **_form_values(d))
        )
        if done is not None:
            messages.success(request, _("De gegevens van %(name)s zijn opgeslagen.") % {"name": done.name})
            return _list_url(request, process)
    status = 400 if request.method == "POST" else 200
    context = {"process": process, "form": form, "participant": participant}
    return render(request, "people/participant_form.html", context, status=status)


@workspace_view(edit=True)
def participant_delete(request, pk, participant_pk):
    process = planning.process_get(request.workspace, pk)
    participant = selectors.participant_get(process, participant_pk)
    if request.method == "POST":
        name = participant.name
        services.participant_delete(participant=participant)
        messages.success(request, _("%(name)s is uit de lijst gehaald.") % {"name": name})
        return _list_url(request, process)
    context = {"process": process, "participant": participant}
    return render(request, "people/participant_delete.html", context)


@workspace_view(edit=True)
def participant_erase(request, pk, participant_pk):
    process = planning.process_get(request.workspace, pk)
    participant = selectors.participant_get(process, participant_pk)
    form = EraseConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.participant_erase(participant=participant)
        messages.success(request, _("De persoonsgegevens zijn gewist. Bijdragen blijven anoniem bewaard."))
        return _list_url(request, process)
    status = 400 if request.method == "POST" else 200
    context = {"process": process, "participant": participant, "form": form}
    return render(request, "people/participant_erase.html", context, status=status)


@workspace_view(edit=True)
def participant_privacy(request, pk):
    process = planning.process_get(request.workspace, pk)
    form = EraseDateForm(posted(request), initial={"erase_on": selectors.erase_date(process)})
    if request.method == "POST" and form.is_valid():
        if run_service(form, lambda d: services.privacy_set(process=process, erase_on=d["erase_on"])):
            messages.success(request, _("De datum om gegevens te wissen is opgeslagen."))
            return _list_url(request, process)
    status = 400 if request.method == "POST" else 200
    context = {"process": process, "form": form, "default": selectors.default_erase_date(process)}
    return render(request, "people/participant_privacy.html", context, status=status)


@workspace_view(edit=True)
@require_POST
def invitations_send_series(request, pk):
    process = planning.process_get(request.workspace, pk)
    invitable = _invitable(process)
    form = ChooseParticipantsForm(request.POST, participants=invitable)
    if form.is_valid():
        chosen = [p for p in invitable if p.pk in set(form.cleaned_data["participants"])]
        result = run_service(
            form,
            lambda d: invitations.invitations_send_series(
                process=process, participants=chosen, sent_by=request.user
            ),
        )
        if result is not None:
            report_sent(request, result)
            return _list_url(request, process)
    return _render_list(request, process, series_form=form, status=400)
