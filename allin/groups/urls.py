"""URLs of the groups app (included by allin/urls.py): a meeting's groups and a process's encounters."""

from django.urls import path

from . import views

workspace_patterns = [
    path("trajecten/<int:pk>/ontmoetingen/", views.groups_encounters, name="groups_encounters"),
]
meeting_patterns = [
    path("groepen/", views.groups_plan, name="groups_plan"),
    path("groepen/maken/", views.groups_make, name="groups_make"),
    path("groepen/verplaatsen/", views.groups_move, name="groups_move"),
    path("groepen/vastzetten/", views.groups_pin, name="groups_pin"),
    path("groepen/groep/", views.groups_edit, name="groups_edit"),
    path("groepen/afdrukken/", views.groups_print, name="groups_print"),
]
public_patterns = []
