"""The privacy page: what ALL-IN stores, why, for how long and who sees it, in plain Dutch (B1). Public, linked
from the footer of every page.

Core may not import the apps above it, so the periods are written here; tests/core/test_privacy.py checks them
against the apps' own constants, so the page cannot drift from what the app really does."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_GET

DAY = 24 * 60 * 60
KEEP_MONTHS = (
    12  # allin.people.selectors.DEFAULT_KEEP_DAYS: a process's personal data, after its last meeting
)
PHONE_COOKIE_DAYS = 2  # allin.live.attendance.MAX_AGE: a phone stays in its meeting
PARTNER_LINK_DAYS = 30  # a partner's personal link to their network card
INVITATION_DAYS = 7  # allin.workspaces.services.INVITATION_MAX_AGE: an invitation to join a workspace


@require_GET
def privacy(request):
    return render(
        request,
        "core/privacy.html",
        {
            "keep_months": KEEP_MONTHS,
            "phone_cookie_days": PHONE_COOKIE_DAYS,
            "partner_link_days": PARTNER_LINK_DAYS,
            "invitation_days": INVITATION_DAYS,
            "session_days": settings.SESSION_COOKIE_AGE // DAY,
            "login_failures": settings.LOGIN_FAILURE_LIMIT,
        },
    )
