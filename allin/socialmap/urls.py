"""URLs of the socialmap app, included by allin/urls.py at three places: under a workspace (/w/<workspace>/...),
under a meeting (/w/<workspace>/bijeenkomsten/<pk>/...) and public (links with a token, phones)."""

from django.urls import path

from . import preparation_views as p
from . import views as v

_MAP = "trajecten/<int:pk>/sociale-kaart/"
_PREP = "trajecten/<int:pk>/voorbereidingen/"

workspace_patterns = [
    path(_MAP, v.socialmap, name="socialmap"),
    path(f"{_MAP}groepjes/", v.group_create, name="socialmap_group_create"),
    path(f"{_MAP}groepjes/<int:group_pk>/", v.group_detail, name="socialmap_group"),
    path(f"{_MAP}groepjes/<int:group_pk>/<slug:action>/", v.group_action, name="socialmap_group_action"),
    path(f"{_MAP}organisaties/<int:org_pk>/", v.organisation_edit, name="socialmap_organisation"),
    path(_PREP, p.preparation_list, name="socialmap_preparations"),
    path(f"{_PREP}<int:prep_pk>/intrekken/", p.preparation_revoke, name="socialmap_preparation_revoke"),
    path(f"{_PREP}<int:prep_pk>/opnieuw/", p.preparation_resend, name="socialmap_preparation_resend"),
]
meeting_patterns = []
public_patterns = [
    path("voorbereiding/<str:token>/", p.preparation_form, name="preparation_form"),
]
