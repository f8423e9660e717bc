"""The Content Security Policy holds on every page: the header is there, and no page carries an inline script, a
<style> element, a style= attribute or an on...= handler (the policy would block them in the browser, so a page
that has one is broken). Two walks: every URL of the permission walk for three personas (so a new URL is held to
it the day it is listed there), and every agenda item of the demo's held meetings on console, projector and phone
(so every live activity's templates, with results in them, are seen)."""

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from allin.live import attendance
from allin.live import services as live_services
from allin.live.models import LiveMeeting
from allin.workspaces.models import User
from tests import test_permissions as walk
from tests.conftest import client_for

from .pages import is_html, policy_problems

world = walk.world  # the permission walk's fixture


def _problems(client, urls):
    problems = []
    for url in urls:
        response = client.get(url)
        if response.status_code != 302 and is_html(response):
            problems += policy_problems(response, url)
    return problems


@pytest.mark.parametrize("persona", ["anonymous", "viewer", "owner"])
def test_every_page_of_the_permission_walk_keeps_the_policy(world, persona):
    urls = [reverse(name, kwargs=route.kwargs(world)) for name, route in walk.ROUTES.items() if route.get]
    assert len(urls) > 50
    problems = _problems(walk._client(world, persona), [*urls, "/bestaat-niet/"])
    assert not problems, "\n".join(problems)


def _phone(live, attendee):
    client = Client()
    response = HttpResponse()
    attendance.remember(response, live, attendee)
    client.cookies[attendance.cookie_name(live)] = response.cookies[attendance.cookie_name(live)].value
    return client


def test_every_live_activity_of_the_demo_keeps_the_policy(db):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    owner = client_for(User.objects.get(email="demo@allin.example"))
    problems, seen = [], set()
    for live in LiveMeeting.objects.select_related("meeting__process__workspace"):
        meeting, slug = live.meeting, live.meeting.process.workspace.slug
        live = live_services.live_open(meeting=meeting, base_url="http://testserver")
        phone = _phone(live, live_services.attendee_join(live=live, name="Sam", role="jongere"))
        projector = Client()
        for item in meeting.items.all():
            live_services.item_goto(live=live, item=item)
            activity = live.activities.filter(item=item).first()
            seen.add(activity.kind if activity else None)
            problems += _problems(
                owner,
                [
                    reverse("meeting_detail", args=[slug, meeting.pk]),
                    reverse("live_console", args=[slug, meeting.pk]),
                    reverse("live_console_stage", args=[slug, meeting.pk]),
                ],
            )
            problems += _problems(
                projector,
                [
                    reverse("live_projector", args=[live.code, live.projector_key]),
                    reverse("live_projector_stage", args=[live.code, live.projector_key]),
                ],
            )
            phone_urls = [
                reverse("live_join", args=[live.code]),
                reverse("live_phone_stage", args=[live.code]),
            ]
            if activity is not None:
                phone_urls.append(reverse("live_activity_mine", args=[live.code, activity.pk]))
            problems += _problems(phone, phone_urls)
    assert {"notes", "vote", "question_cards"} <= seen, seen
    assert not problems, "\n".join(problems)


def test_the_policy_forbids_inline_code_and_framing(client, db):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert client.get(reverse("login"))["X-Frame-Options"] == "DENY"


def test_the_projector_may_be_framed_by_this_site_only(db, workspace):
    from tests.live import helpers

    live = helpers.live_meeting(workspace)
    response = Client().get(reverse("live_projector", args=[live.code, live.projector_key]))
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "'none'" not in response["Content-Security-Policy"].split("frame-ancestors")[1].split(";")[0]


def test_other_security_headers(client, db, settings):
    response = client.get(reverse("login"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response.cookies["csrftoken"]["samesite"] == "Lax"
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["httponly"]
