"""URLs of the audit log, under a workspace (/w/<workspace>/logboek/)."""

from django.urls import path

from . import views

workspace_patterns = [
    path("logboek/", views.audit_log, name="audit_log"),
]
