"""Reads for the workbook's pages, the PDF of the log and the process's Excel export."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from allin.people.models import Participant
from allin.processes.models import Process

from .models import WORKBOOK_METHOD, Experiment, ExperimentStatus, WorkingGroupMember


def uses_experiments(process: Process) -> bool:
    """The working group and the experiment log belong to the workbook method; other methods do not show them."""
    return process.method_slug == WORKBOOK_METHOD


def workbook_process_get(workspace, pk) -> Process:
    process = get_object_or_404(Process, workspace=workspace, pk=pk)
    if not uses_experiments(process):
        raise Http404
    return process


def members(process: Process) -> list[WorkingGroupMember]:
    return list(
        WorkingGroupMember.objects.filter(participant__process=process)
        .select_related("participant__organisation")
        .order_by("participant__name", "pk")
    )


def member_candidates(process: Process):
    """Participants who could join the working group: not erased, not yet in it."""
    return (
        Participant.objects.filter(
            process=process, erased_at__isnull=True, working_group_membership__isnull=True
        )
        .select_related("organisation")
        .order_by("name", "pk")
    )


def question_history(process: Process) -> list:
    """The newest wording first; it is the question."""
    return list(process.question_versions.select_related("set_by").order_by("-set_at", "-pk"))


def current_question(process: Process):
    return process.question_versions.order_by("-set_at", "-pk").first()


def experiments(process: Process) -> list[Experiment]:
    """Every experiment with its follow-ups loaded (experiment.follow_up_list), oldest first."""
    rows = list(process.experiments.select_related("follows", "source").order_by("number", "pk"))
    by_parent: dict[int, list] = {}
    for row in rows:
        if row.follows_id:
            by_parent.setdefault(row.follows_id, []).append(row)
    for row in rows:
        row.follow_up_list = by_parent.get(row.pk, [])
    return rows


def experiment_get(process: Process, pk) -> Experiment:
    return get_object_or_404(Experiment.objects.select_related("follows", "source"), process=process, pk=pk)


def chain(experiment: Experiment) -> list[Experiment]:
    """Where this experiment came from, oldest first, ending with the experiment itself."""
    out, seen, current = [], set(), experiment
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        out.append(current)
        current = current.follows
    return list(reversed(out))


def status_counts(rows) -> list[tuple[str, int]]:
    return [(label, sum(1 for r in rows if r.status == value)) for value, label in ExperimentStatus.choices]
