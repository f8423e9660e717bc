"""URLs of the network app, included by allin/urls.py at three places: under a workspace (/w/<workspace>/...),
under a meeting (/w/<workspace>/bijeenkomsten/<pk>/...) and public (links with a token, phones)."""

from django.urls import path

from . import link_views, transfer_views, views

workspace_patterns = [
    path("netwerk/", views.network_overview, name="network_overview"),
    path("netwerk/nieuw/", views.partner_create, name="partner_create"),
    path("netwerk/kaart/<int:pk>/", views.partner_detail, name="partner_detail"),
    path("netwerk/kaart/<int:pk>/bewerken/", views.partner_edit, name="partner_edit"),
    path("netwerk/kaart/<int:pk>/verwijderen/", views.partner_delete, name="partner_delete"),
    path("netwerk/kaart/<int:pk>/toestemming/", views.partner_consent, name="partner_consent"),
    path("netwerk/kaart/<int:pk>/link/", views.partner_link_create, name="partner_link_create"),
    path("netwerk/kaart/<int:pk>/link/intrekken/", views.partner_link_revoke, name="partner_link_revoke"),
    path("netwerk/kaart/<int:pk>/netwerkkaart.pdf", transfer_views.partner_pdf, name="partner_pdf"),
    path("netwerk/samenwerkingen/", views.collaborations, name="collaborations"),
    path(
        "netwerk/samenwerkingen/<int:pk>/verwijderen/",
        views.collaboration_delete,
        name="collaboration_delete",
    ),
    path("netwerk/export.xlsx", transfer_views.network_export_xlsx, name="network_export_xlsx"),
    path("netwerk/export.csv", transfer_views.network_export_csv, name="network_export_csv"),
    path("netwerk/importeren/", transfer_views.network_import, name="network_import"),
    path("trajecten/<int:pk>/netwerk/", link_views.process_network, name="process_network"),
    path(
        "trajecten/<int:pk>/netwerk/link/", link_views.participant_link_create, name="participant_link_create"
    ),
    path(
        "trajecten/<int:pk>/netwerk/link/intrekken/",
        link_views.participant_link_revoke,
        name="participant_link_revoke",
    ),
]
meeting_patterns = []
public_patterns = [
    path("netwerkkaart/<str:token>/", link_views.partner_card_about, name="partner_card_about"),
    path("netwerkkaart/<str:token>/2/", link_views.partner_card_views, name="partner_card_views"),
    path("netwerkkaart/<str:token>/klaar/", link_views.partner_card_done, name="partner_card_done"),
    path("netwerk/<str:token>/", link_views.participant_network, name="participant_network"),
]
