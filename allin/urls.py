from django.contrib.auth import views as auth_views
from django.urls import include, path

from allin.accounts import urls as sso_urls
from allin.accounts import views as sso_views
from allin.actions import urls as action_urls
from allin.core import privacy_views
from allin.core import views as core_views
from allin.experiments import urls as experiment_urls
from allin.exports import report_urls
from allin.exports import views as export_views
from allin.groups import urls as groups_urls
from allin.live import photo_views as live_photo_views
from allin.live import urls as live_urls
from allin.methods import views as method_views
from allin.network import urls as network_urls
from allin.people import urls as people_urls
from allin.processes import meeting_views
from allin.processes import views as process_views
from allin.socialmap import urls as socialmap_urls
from allin.stepzero import urls as stepzero_urls
from allin.workspaces import audit_views as workspace_audit_views
from allin.workspaces import auth_views as workspace_auth_views
from allin.workspaces import data_views as workspace_data_views
from allin.workspaces import look_views
from allin.workspaces import views as workspace_views

handler400 = "allin.core.views.bad_request"
handler403 = "allin.core.views.permission_denied"
handler404 = "allin.core.views.page_not_found"
handler500 = "allin.core.views.server_error"

auth_patterns = [
    path("inloggen/", workspace_auth_views.login, name="login"),
    path("uitloggen/", sso_views.logout, name="logout"),
    path(
        "wachtwoord-vergeten/",
        workspace_auth_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        workspace_auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        workspace_auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

meeting_patterns = [
    path("", meeting_views.meeting_detail, name="meeting_detail"),
    path("bewerken/", meeting_views.meeting_edit, name="meeting_edit"),
    path("verwijderen/", meeting_views.meeting_delete, name="meeting_delete"),
    path("agenda/nieuw/", meeting_views.agenda_item_create, name="agenda_item_create"),
    path("agenda/volgorde/", meeting_views.agenda_reorder, name="agenda_reorder"),
    path("agenda/inkorten/", meeting_views.agenda_shorten, name="agenda_shorten"),
    path("agenda/<int:item_pk>/", meeting_views.agenda_item_edit, name="agenda_item_edit"),
    path("agenda/<int:item_pk>/verwijderen/", meeting_views.agenda_item_delete, name="agenda_item_delete"),
    path("agenda/<int:item_pk>/verplaatsen/", meeting_views.agenda_item_move, name="agenda_item_move"),
    path(
        "checklist/<int:checklist_pk>/nieuw/",
        meeting_views.checklist_item_create,
        name="checklist_item_create",
    ),
    path("checklist/punt/<int:item_pk>/", meeting_views.checklist_item_toggle, name="checklist_item_toggle"),
    path("draaiboek.pdf", export_views.runbook_pdf, name="runbook_pdf"),
    path("uitnodiging.ics", export_views.meeting_ics, name="meeting_ics"),
    path("dias.pptx", export_views.meeting_pptx, name="meeting_pptx"),
    *live_urls.meeting_patterns,
    *network_urls.meeting_patterns,
    *people_urls.meeting_patterns,
    *groups_urls.meeting_patterns,
    *socialmap_urls.meeting_patterns,
    *stepzero_urls.meeting_patterns,
    *action_urls.meeting_patterns,
    *report_urls.meeting_patterns,
]

workspace_patterns = [
    path("", process_views.process_list, name="workspace_home"),
    path("leden/", workspace_views.members, name="members"),
    path("leden/uitnodigen/", workspace_views.invite, name="invite"),
    path(
        "leden/uitnodiging/<int:pk>/intrekken/", workspace_views.invitation_revoke, name="invitation_revoke"
    ),
    path("leden/<int:pk>/rol/", workspace_views.member_role, name="member_role"),
    path("leden/<int:pk>/verwijderen/", workspace_views.member_remove, name="member_remove"),
    path("huisstijl/", look_views.look_edit, name="workspace_look"),
    path("huisstijl/voorbeeld.css", look_views.look_preview_css, name="look_preview_css"),
    path("gegevens/", workspace_data_views.workspace_data, name="workspace_data"),
    path("gegevens/alles.zip", workspace_data_views.workspace_export, name="workspace_export"),
    path("gegevens/verwijderen/", workspace_data_views.workspace_delete, name="workspace_delete"),
    path("trajecten/nieuw/", process_views.process_create, name="process_create"),
    path("trajecten/<int:pk>/", process_views.process_detail, name="process_detail"),
    path("trajecten/<int:pk>/bewerken/", process_views.process_edit, name="process_edit"),
    path("trajecten/<int:pk>/onderdelen/", process_views.process_tools, name="process_tools"),
    path("trajecten/<int:pk>/bijeenkomst-toevoegen/", process_views.meeting_create, name="meeting_create"),
    path(
        "trajecten/<int:pk>/gesprekskaarten.pdf", export_views.question_cards_pdf, name="question_cards_pdf"
    ),
    path("trajecten/<int:pk>/bijeenkomsten.ics", export_views.process_ics, name="process_ics"),
    path("bijeenkomsten/<int:pk>/", include(meeting_patterns)),
    *live_photo_views.photo_workspace_patterns,
    *network_urls.workspace_patterns,
    *people_urls.workspace_patterns,
    *groups_urls.workspace_patterns,
    *socialmap_urls.workspace_patterns,
    *stepzero_urls.workspace_patterns,
    *action_urls.workspace_patterns,
    *experiment_urls.workspace_patterns,
    *report_urls.workspace_patterns,
    path("logboek/", workspace_audit_views.audit_log, name="audit_log"),
]

urlpatterns = [
    path("", workspace_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("privacy/", privacy_views.privacy, name="privacy"),
    path("huisstijl/<str:key>.css", look_views.look_css, name="look_css"),
    path("huisstijl/<str:key>/logo.png", look_views.look_logo, name="look_logo"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include(auth_patterns)),
    path("", include(sso_urls)),
    path("werkruimte/nieuw/", workspace_views.workspace_create, name="workspace_create"),
    path("uitnodiging/<str:token>/", workspace_views.invitation_accept, name="invitation_accept"),
    path("methoden/", method_views.method_list, name="method_list"),
    path("methoden/<slug:slug>/", method_views.method_detail, name="method_detail"),
    path("over-de-methoden/", method_views.about, name="about_methods"),
    path("w/<slug:workspace>/", include(workspace_patterns)),
    *live_urls.public_patterns,
    *network_urls.public_patterns,
    *people_urls.public_patterns,
    *groups_urls.public_patterns,
    *socialmap_urls.public_patterns,
    *action_urls.public_patterns,
]
