"""The workbook's pages: the working group with its urgent question, and the experiment log (list, one
experiment, its one-page PDF). Only processes of the workbook method have them; others get a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core.forms import run_service
from allin.workspaces.access import workspace_view

from . import board, pdf, selectors, services
from .forms import EXPERIMENT_FIELDS, ExperimentForm, MemberAddForm, QuestionForm
from .models import WorkingGroupMember


def _render_group(request, process, *, member_form=None, question_form=None, status=200):
    history = selectors.question_history(process)
    current = history[0] if history else None
    context = {
        "process": process,
        "members": selectors.members(process),
        "member_form": member_form or MemberAddForm(candidates=selectors.member_candidates(process)),
        "question": current,
        "history": history[1:],
        "question_form": question_form
        or QuestionForm(initial={"text": current.text, "why": current.why} if current else None),
    }
    return render(request, "experiments/workgroup.html", context, status=status)


@workspace_view()
def workgroup(request, pk):
    return _render_group(request, selectors.workbook_process_get(request.workspace, pk))


@workspace_view(edit=True)
@require_POST
def question_set(request, pk):
    process = selectors.workbook_process_get(request.workspace, pk)
    form = QuestionForm(request.POST)
    if form.is_valid() and run_service(
        form,
        lambda d: services.question_set(process=process, text=d["text"], why=d["why"], user=request.user),
    ):
        messages.success(request, _("De vraag is opgeslagen."))
        return redirect("workgroup", workspace=request.workspace.slug, pk=process.pk)
    return _render_group(request, process, question_form=form, status=400)


@workspace_view(edit=True)
@require_POST
def member_add(request, pk):
    process = selectors.workbook_process_get(request.workspace, pk)
    candidates = selectors.member_candidates(process)
    form = MemberAddForm(request.POST, candidates=candidates)
    if form.is_valid():
        participant = candidates.filter(pk=form.cleaned_data["participant"]).first()
        if participant is not None and run_service(
            form, lambda d: services.member_add(participant=participant, task=d["task"])
        ):
            messages.success(request, _("%(name)s is lid van de werkgroep.") % {"name": participant.name})
            return redirect("workgroup", workspace=request.workspace.slug, pk=process.pk)
        form.add_error("participant", _("Kies een deelnemer uit de lijst."))
    return _render_group(request, process, member_form=form, status=400)


@workspace_view(edit=True)
@require_POST
def member_remove(request, pk, member_pk):
    process = selectors.workbook_process_get(request.workspace, pk)
    member = get_object_or_404(WorkingGroupMember, pk=member_pk, participant__process=process)
    services.member_remove(member=member)
    messages.success(request, _("%(name)s is uit de werkgroep gehaald.") % {"name": member.participant.name})
    return redirect("workgroup", workspace=request.workspace.slug, pk=process.pk)


@workspace_view()
def experiment_list(request, pk):
    process = selectors.workbook_process_get(request.workspace, pk)
    rows = selectors.experiments(process)
    context = {
        "process": process,
        "experiments": rows,
        "counts": selectors.status_counts(rows),
        "question": selectors.current_question(process),
        "board": board.board_items(process),
    }
    return render(request, "experiments/experiment_list.html", context)


@workspace_view(edit=True)
@require_POST
def experiment_from_board(request, pk):
    process = selectors.workbook_process_get(request.workspace, pk)
    try:
        experiment, created = board.experiment_from_board(
            process=process, ref=request.POST.get("ref", ""), user=request.user
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("experiment_list", workspace=request.workspace.slug, pk=process.pk)
    if created:
        messages.success(
            request, _("Het experiment staat in het logboek. Maak het nu concreet: de stap, wie en wanneer.")
        )
    else:
        messages.success(request, _("Hier was al een experiment van gemaakt."))
    return redirect(
        "experiment_detail", workspace=request.workspace.slug, pk=process.pk, exp_pk=experiment.pk
    )


def _follows(request, process):
    """The experiment a new one follows up (?na=<pk> or the posted field), or None."""
    value = request.POST.get("follows") or request.GET.get("na")
    if not (value and str(value).isdigit()):
        return None
    return process.experiments.filter(pk=int(value)).first()


@workspace_view(edit=True)
def experiment_create(request, pk):
    process = selectors.workbook_process_get(request.workspace, pk)
    follows = _follows(request, process)
    initial = {}
    if follows is not None:
        initial = {"question": follows.question, "step": follows.next_step, "who": follows.who}
    else:
        current = selectors.current_question(process)
        initial = {"question": current.text} if current else {}
    form = ExperimentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        experiment = run_service(
            form,
            lambda d: services.experiment_create(
                process=process, follows=follows, user=request.user, **{k: d[k] for k in EXPERIMENT_FIELDS}
            ),
        )
        if experiment is not None:
            messages.success(request, _("Het experiment is toegevoegd aan het logboek."))
            return redirect(
                "experiment_detail", workspace=request.workspace.slug, pk=process.pk, exp_pk=experiment.pk
            )
    context = {"process": process, "form": form, "follows": follows}
    return render(
        request, "experiments/experiment_create.html", context, status=400 if form.is_bound else 200
    )


@workspace_view()
def experiment_detail(request, pk, exp_pk):
    process = selectors.workbook_process_get(request.workspace, pk)
    experiment = selectors.experiment_get(process, exp_pk)
    initial = {key: getattr(experiment, key) for key in EXPERIMENT_FIELDS}
    form = ExperimentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form,
            lambda d: services.experiment_update(
                experiment=experiment, **{k: d[k] for k in EXPERIMENT_FIELDS}
            ),
        )
        if done is not None:
            messages.success(request, _("Het experiment is opgeslagen."))
            return redirect(
                "experiment_detail", workspace=request.workspace.slug, pk=process.pk, exp_pk=experiment.pk
            )
    context = {
        "process": process,
        "experiment": experiment,
        "chain": selectors.chain(experiment)[:-1],
        "follow_ups": list(experiment.follow_ups.order_by("number")),
        "form": form,
    }
    return render(
        request, "experiments/experiment_detail.html", context, status=400 if form.is_bound else 200
    )


@workspace_view(edit=True)
@require_POST
def experiment_delete(request, pk, exp_pk):
    process = selectors.workbook_process_get(request.workspace, pk)
    experiment = selectors.experiment_get(process, exp_pk)
    services.experiment_delete(experiment=experiment)
    messages.success(request, _("Het experiment is uit het logboek verwijderd."))
    return redirect("experiment_list", workspace=request.workspace.slug, pk=process.pk)


@workspace_view()
def experiment_log_pdf(request, pk):
    process = selectors.workbook_process_get(request.workspace, pk)
    return pdf.response(pdf.log(process), _("experimenten %(name)s") % {"name": process.name})
