from django.urls import path

from . import views

urlpatterns = [
    path("sso/inloggen/", views.SsoStartView.as_view(), name="sso_start"),
    path("sso/terug/", views.SsoCallbackView.as_view(), name="sso_callback"),
]
