"""Logging in and resetting a password: Django's own views, with the limits of auth_throttle around them."""

import math

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render

from . import auth_throttle
from .forms import LoginForm

_login = auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True)


def _wait_page(request, seconds: int, reason: str):
    response = render(
        request,
        "workspaces/locked_out.html",
        {"minutes": max(1, math.ceil(seconds / 60)), "reason": reason},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def login(request):
    if request.method != "POST" or request.user.is_authenticated:
        return _login(request)
    username = auth_throttle.normalise(request.POST.get("username", ""))
    seconds, reason = auth_throttle.wait_seconds(request=request, username=username)
    if seconds:
        return _wait_page(request, seconds, reason)
    response = _login(request)
    if request.user.is_authenticated:
        auth_throttle.login_succeeded(request=request, response=response, username=request.user.email)
    elif username and request.POST.get("password"):
        auth_throttle.login_failed(request=request, username=username)
        seconds, reason = auth_throttle.wait_seconds(request=request, username=username)
        if seconds:
            return _wait_page(request, seconds, reason)
    return response


class PasswordResetView(auth_views.PasswordResetView):
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        if not auth_throttle.reset_address_allowed(request=self.request):
            response = render(self.request, "registration/password_reset_limited.html", status=429)
            response["Retry-After"] = str(auth_throttle.RESET_WINDOW_SECONDS)
            return response
        if not auth_throttle.reset_email_allowed(email=form.cleaned_data["email"]):
            return redirect(self.get_success_url())  # the same page as a sent link: it reveals no account
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        auth_throttle.account_release(username=form.user.email)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    extra_context = {"resets_per_email": auth_throttle.RESETS_PER_EMAIL}
