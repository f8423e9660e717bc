"""URLs of the reports (meeting report, process dashboard), included by allin/urls.py."""

from django.urls import path

from . import report_pdf_views, report_views

workspace_patterns = [
    path("trajecten/<int:pk>/dashboard/", report_views.process_dashboard, name="process_dashboard"),
    path("trajecten/<int:pk>/acties.xlsx", report_views.process_actions_xlsx, name="process_actions_xlsx"),
]

# Below /w/<workspace>/bijeenkomsten/<pk>/.
meeting_patterns = [
    path("verslag/", report_views.meeting_report, name="meeting_report"),
    path("verslag.pdf", report_pdf_views.meeting_report_pdf, name="meeting_report_pdf"),
    path("verslag/pdf/", report_pdf_views.meeting_report_pdf_status, name="meeting_report_pdf_status"),
    path("verslag/pdf/opnieuw/", report_pdf_views.meeting_report_pdf_again, name="meeting_report_pdf_again"),
    path("verslag/fotos/", report_views.report_photo_upload, name="report_photo_upload"),
    path("verslag/fotos/<int:photo_pk>/", report_views.report_photo_image, name="report_photo_image"),
    path(
        "verslag/fotos/<int:photo_pk>/beschrijving/", report_views.report_photo_alt, name="report_photo_alt"
    ),
    path(
        "verslag/fotos/<int:photo_pk>/verwijderen/",
        report_views.report_photo_delete,
        name="report_photo_delete",
    ),
    path(
        "verslag/parkeerbord/<int:note_pk>/",
        report_views.report_parking_pickup,
        name="report_parking_pickup",
    ),
]
