"""URLs of step 0, under a workspace (/w/<workspace>/...) and under a meeting (/w/<workspace>/bijeenkomsten/<pk>/)."""

from django.urls import path

from . import case_views as c
from . import views as v

_S0 = "trajecten/<int:pk>/stap-0/"

workspace_patterns = [
    path(_S0, v.overview, name="stepzero"),
    path(f"{_S0}wat-is-er-al/", v.inventory, name="stepzero_inventory"),
    path(f"{_S0}wat-is-er-al/<int:item_pk>/", v.inventory_edit, name="stepzero_inventory_edit"),
    path(
        f"{_S0}wat-is-er-al/<int:item_pk>/verwijderen/", v.inventory_delete, name="stepzero_inventory_delete"
    ),
    path(f"{_S0}leidinggevenden/", v.managers, name="stepzero_managers"),
    path(f"{_S0}leidinggevenden/startmoment/", v.kickoff, name="stepzero_kickoff"),
    path(f"{_S0}leidinggevenden/<int:manager_pk>/", v.manager_edit, name="stepzero_manager_edit"),
    path(
        f"{_S0}leidinggevenden/<int:manager_pk>/verwijderen/",
        v.manager_delete,
        name="stepzero_manager_delete",
    ),
    path(f"{_S0}projectteam/", v.team, name="stepzero_team"),
    path(f"{_S0}projectteam/<int:member_pk>/verwijderen/", v.team_remove, name="stepzero_team_remove"),
    path(f"{_S0}vaste-deelnemers/", v.fixed, name="stepzero_fixed"),
    path("casussen/", c.case_list, name="case_list"),
    path("casussen/<int:case_pk>/", c.case_detail, name="case_detail"),
    path("casussen/<int:case_pk>/verwijderen/", c.case_delete, name="case_delete"),
    path("casussen/<int:case_pk>/casus.pdf", c.case_pdf, name="case_pdf"),
]
meeting_patterns = [
    path("nabespreking/", c.debrief, name="meeting_debrief"),
    path("casus/", c.meeting_case, name="meeting_case"),
]
