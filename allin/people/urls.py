"""URLs of the people app, included by allin/urls.py at three places: under a workspace (/w/<workspace>/...),
under a meeting (/w/<workspace>/bijeenkomsten/<pk>/...) and public (links with a token, phones)."""

from django.urls import path

from . import meeting_views, rsvp_views, views

_P = "trajecten/<int:pk>/deelnemers/"

workspace_patterns = [
    path(_P, views.participant_list, name="participant_list"),
    path(_P + "nieuw/", views.participant_create, name="participant_create"),
    path(_P + "wissen-op/", views.participant_privacy, name="participant_privacy"),
    path(_P + "uitnodigen/", views.invitations_send_series, name="invitations_send_series"),
    path(_P + "<int:participant_pk>/", views.participant_edit, name="participant_edit"),
    path(_P + "<int:participant_pk>/verwijderen/", views.participant_delete, name="participant_delete"),
    path(_P + "<int:participant_pk>/wissen/", views.participant_erase, name="participant_erase"),
]
meeting_patterns = [
    path("uitnodigingen/", meeting_views.meeting_invitations, name="meeting_invitations"),
    path("uitnodigingen/versturen/", meeting_views.invitations_send, name="invitations_send"),
    path("uitnodigingen/herinneren/", meeting_views.invitations_remind, name="invitations_remind"),
    path("uitnodigingen/intrekken/", meeting_views.rsvp_revoke, name="rsvp_revoke"),
    path("uitnodigingen/praktisch/", meeting_views.meeting_info_edit, name="meeting_info_edit"),
    path("aanwezig/", meeting_views.attendance_door, name="attendance_door"),
]
public_patterns = [
    path("antwoord/<str:token>/", rsvp_views.rsvp, name="rsvp"),
]
