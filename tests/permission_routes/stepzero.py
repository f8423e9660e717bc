"""The permission walk's table for step 0 (see tests/permission_routes/__init__.py): pages of the world's process,
the workspace's case library and a meeting's debrief and case."""

from allin.network.models import Partner
from allin.people import services as people
from allin.stepzero import services
from tests.permission_table import EDIT_PAGE, EDIT_POST, POST_ONLY_GET, READ, Route, _meeting, _process, _ws


def _item(w):
    return {**_process(w), "item_pk": w.inventory_item.pk}


def _manager(w):
    return {**_process(w), "manager_pk": w.manager.pk}


def _team_member(w):
    return {**_process(w), "member_pk": w.team_member.pk}


def _case(w):
    return {**_ws(w), "case_pk": w.case.pk}


def _inventory_data(w):
    return {"name": "Armoedeoverleg", "align": "ja"}


def _manager_data(w):
    return {"name": "Marieke", "inform_how": "email", "inform_when": "einde"}


def _case_data(w):
    return {"title": "Gezin", "story": "Schulden en school."}


ROUTES = {
    "stepzero": Route(_process, READ),
    "stepzero_inventory": Route(_process, READ, EDIT_POST, _inventory_data),
    "stepzero_inventory_edit": Route(_item, EDIT_PAGE, EDIT_POST, _inventory_data),
    "stepzero_inventory_delete": Route(_item, POST_ONLY_GET, EDIT_POST),
    "stepzero_managers": Route(_process, READ, EDIT_POST, _manager_data),
    "stepzero_kickoff": Route(_process, POST_ONLY_GET, EDIT_POST, lambda w: {"meeting": w.meeting.pk}),
    "stepzero_manager_edit": Route(_manager, EDIT_PAGE, EDIT_POST, _manager_data),
    "stepzero_manager_delete": Route(_manager, POST_ONLY_GET, EDIT_POST),
    "stepzero_team": Route(_process, READ, EDIT_POST, lambda w: {"participant": w.team_candidate.pk}),
    "stepzero_team_remove": Route(_team_member, POST_ONLY_GET, EDIT_POST),
    "stepzero_fixed": Route(
        _process,
        READ,
        EDIT_POST,
        lambda w: {"organisation": w.fixed_org.pk, "participant": w.team_candidate.pk},
    ),
    "case_list": Route(_ws, READ, EDIT_POST, _case_data),
    "case_detail": Route(_case, READ, EDIT_POST, _case_data),
    "case_delete": Route(_case, POST_ONLY_GET, EDIT_POST),
    "case_pdf": Route(_case, READ),
    "meeting_debrief": Route(_meeting, READ, EDIT_POST, lambda w: {"went_well": "Goed"}),
    "meeting_case": Route(_meeting, READ, EDIT_POST, lambda w: {"case": w.case.pk}),
}


def extend_world(world):
    world.inventory_item = services.inventory_add(
        process=world.process,
        name="Armoedeoverleg",
        runs_it="",
        domain="",
        touches="",
        contact="",
        align="later",
    )
    world.manager = services.manager_add(
        process=world.process,
        name="Marieke",
        organisation=None,
        position="",
        email="",
        inform_how="email",
        inform_when="elke",
        kickoff="",
        note="",
    )
    world.fixed_org = Partner.objects.create(workspace=world.workspace, name="Schuldhulp")
    member = people.participant_create(process=world.process, name="Karim", role="professional")
    world.team_member = services.team_add(participant=member)
    world.team_candidate = people.participant_create(
        process=world.process, name="Petra", role="professional", organisation=world.fixed_org
    )
    world.case = services.case_add(
        workspace=world.workspace, title="Gezin", story="Schulden.", domains="", questions=""
    )
