"""The permission walk's table for the workbook's working group and experiment log (see
tests/permission_routes/__init__.py). They live on a process of the workbook method that the world adds."""

from allin.experiments import services
from allin.people import services as people
from tests import factories
from tests.permission_table import EDIT_PAGE, EDIT_POST, POST_ONLY_GET, READ, Route


def _workbook(w):
    return {"workspace": w.workspace.slug, "pk": w.workbook.pk}


def _experiment(w):
    return {**_workbook(w), "exp_pk": w.experiment.pk}


def _member(w):
    return {**_workbook(w), "member_pk": w.workgroup_member.pk}


def _experiment_data(w):
    return {"question": "Zien we alle jongeren?", "step": "Nulmeting", "status": "loopt"}


ROUTES = {
    "workgroup": Route(_workbook, READ),
    "workgroup_question": Route(_workbook, POST_ONLY_GET, EDIT_POST, lambda w: {"text": "Een vraag"}),
    "workgroup_member_add": Route(
        _workbook, POST_ONLY_GET, EDIT_POST, lambda w: {"participant": w.candidate.pk}
    ),
    "workgroup_member_remove": Route(_member, POST_ONLY_GET, EDIT_POST),
    "experiment_list": Route(_workbook, READ),
    "experiment_create": Route(_workbook, EDIT_PAGE, EDIT_POST, _experiment_data),
    "experiment_log_pdf": Route(_workbook, READ),
    "experiment_from_board": Route(_workbook, POST_ONLY_GET, EDIT_POST, lambda w: {"ref": "note-0"}),
    "experiment_detail": Route(_experiment, READ, EDIT_POST, _experiment_data),
    "experiment_delete": Route(_experiment, POST_ONLY_GET, EDIT_POST),
}


def extend_world(world):
    world.workbook = factories.process(world.workspace, method_slug="werkboek", name="Werkboek")
    member = people.participant_create(process=world.workbook, name="Anna", role="professional")
    world.candidate = people.participant_create(process=world.workbook, name="Bram", role="professional")
    world.workgroup_member = services.member_add(participant=member)
    world.experiment = services.experiment_create(process=world.workbook, question="Vraag", step="Stap")
