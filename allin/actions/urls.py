"""URLs of the actions app, included by allin/urls.py at three places: under a workspace (/w/<workspace>/...),
under a meeting (/w/<workspace>/bijeenkomsten/<pk>/...) and public (links with a token, phones)."""

from django.urls import path

from . import action_views, feedback_views, followup_views, public_views

P = "trajecten/<int:pk>/"
A = P + "acties/<int:action_pk>/"
C = P + "afsprakenkaarten/<int:agreement_pk>/"

workspace_patterns = [
    path(P + "acties/", action_views.action_list, name="action_list"),
    path(A, action_views.action_detail, name="action_detail"),
    path(A + "bewerken/", action_views.action_edit, name="action_edit"),
    path(A + "voortgang/", action_views.action_progress, name="action_progress"),
    path(A + "link/", action_views.action_link, name="action_link"),
    path(A + "verwijderen/", action_views.action_delete, name="action_delete"),
    path(A + "tip-los/", action_views.action_source_unlink, name="action_source_unlink"),
    path(P + "ideeen-naar-acties/", action_views.ideas_to_actions, name="ideas_to_actions"),
    path(P + "ideeen-naar-acties/maak/", action_views.action_from_source, name="action_from_source"),
    path(P + "terugkoppeling/", feedback_views.feedback_admin, name="feedback_admin"),
    path(P + "terugkoppeling/afspraken/", feedback_views.feedback_plan_save, name="feedback_plan_save"),
    path(P + "terugkoppeling/instellingen/", feedback_views.feedback_settings, name="feedback_settings"),
    path(P + "terugkoppeling/publiceren/", feedback_views.feedback_publish, name="feedback_publish"),
    path(P + "terugkoppeling/tips/", feedback_views.tip_answer, name="feedback_tip_answer"),
    path(
        P + "terugkoppeling/voortgang/<int:update_pk>/",
        feedback_views.progress_show,
        name="feedback_progress_show",
    ),
    path(
        P + "terugkoppeling/reacties/<int:reaction_pk>/",
        feedback_views.reaction_moderate,
        name="reaction_moderate",
    ),
    path(P + "terugkoppeling/qr.svg", feedback_views.feedback_qr, name="feedback_qr"),
    path(P + "terugkoppeling/poster.pdf", feedback_views.feedback_poster_pdf, name="feedback_poster_pdf"),
    path(P + "terugkoppeling/memo.pdf", feedback_views.feedback_memo_pdf, name="feedback_memo_pdf"),
    path(P + "afsprakenkaarten/", followup_views.agreement_list, name="agreement_list"),
    path(P + "afsprakenkaarten.pdf", followup_views.agreements_pdf, name="agreements_pdf"),
    path(P + "afsprakenkaarten/actie/", followup_views.agreement_line_action, name="agreement_line_action"),
    path(
        P + "afsprakenkaarten/organisatie/",
        followup_views.agreement_plan_partner,
        name="agreement_plan_partner",
    ),
    path(C, followup_views.agreement_detail, name="agreement_detail"),
    path(C + "wijzigen/", followup_views.agreement_change, name="agreement_change"),
    path(C + "kaart.pdf", followup_views.agreement_pdf, name="agreement_pdf"),
]
meeting_patterns = [
    path("nabellen/", followup_views.call_list, name="call_list"),
    path("nabellen/<int:call_pk>/", followup_views.call_record, name="call_record"),
    path("opvolgsessie/", followup_views.follow_up_plan, name="follow_up_plan"),
]
public_patterns = [
    path("t/<str:key>/", public_views.feedback_public, name="feedback_public"),
    path("t/<str:key>/reageer/<int:action_pk>/", public_views.feedback_react, name="feedback_react"),
    path("actie/<str:token>/", public_views.action_owner, name="action_owner"),
    path(
        "actie/<str:token>/reactie/<int:reaction_pk>/",
        public_views.action_owner_reply,
        name="action_owner_reply",
    ),
    path("afspraken/<str:key>/", public_views.agreement_phone, name="agreement_phone"),
    path(
        "afspraken/<str:key>/<int:row_pk>/weg/",
        public_views.agreement_phone_delete,
        name="agreement_phone_delete",
    ),
]
