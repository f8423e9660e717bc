"""URLs of the workbook's working group and experiment log, under a workspace (/w/<workspace>/...)."""

from django.urls import path

from . import views as v

_GROUP = "trajecten/<int:pk>/werkgroep/"
_LOG = "trajecten/<int:pk>/experimenten/"

workspace_patterns = [
    path(_GROUP, v.workgroup, name="workgroup"),
    path(f"{_GROUP}vraag/", v.question_set, name="workgroup_question"),
    path(f"{_GROUP}leden/", v.member_add, name="workgroup_member_add"),
    path(f"{_GROUP}leden/<int:member_pk>/verwijderen/", v.member_remove, name="workgroup_member_remove"),
    path(_LOG, v.experiment_list, name="experiment_list"),
    path(f"{_LOG}nieuw/", v.experiment_create, name="experiment_create"),
    path(f"{_LOG}van-het-bord/", v.experiment_from_board, name="experiment_from_board"),
    path(f"{_LOG}logboek.pdf", v.experiment_log_pdf, name="experiment_log_pdf"),
    path(f"{_LOG}<int:exp_pk>/", v.experiment_detail, name="experiment_detail"),
    path(f"{_LOG}<int:exp_pk>/verwijderen/", v.experiment_delete, name="experiment_delete"),
]
