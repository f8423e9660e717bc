"""The e-mails of the actions app, rendered from plain-text templates in Dutch. Links are absolute (public_url):
the request's address when a request sends them, ALLIN_SITE_URL when a background task does."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from allin.core.site import public_url
from allin.workspaces.models import EDIT_ROLES, Membership

from . import links


def _send(template: str, context: dict, to: list[str]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {"site_url": public_url("/").rstrip("/"), **context}
        subject = " ".join(render_to_string(f"actions/email/{template}_subject.txt", context).split())
        body = render_to_string(f"actions/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def facilitators_of(process) -> list[str]:
    """Who hears about due calls and follow-ups: whoever made the process, else the workspace's editors."""
    creator = process.created_by
    if creator is not None and creator.email and process.workspace.memberships.filter(user=creator).exists():
        return [creator.email]
    return sorted(
        Membership.objects.filter(workspace=process.workspace, role__in=EDIT_ROLES).values_list(
            "user__email", flat=True
        )
    )


def owner_link(action, *, kind: str) -> None:
    """kind: assigned, due_soon or overdue. Every mail carries a fresh personal link."""
    _send(
        f"owner_{kind}",
        {"action": action, "process": action.process, "url": links.owner_url(action)},
        [action.owner_email],
    )


def call_due(call, to: list[str]) -> None:
    process = call.meeting.process
    path = reverse("call_list", kwargs={"workspace": process.workspace.slug, "pk": call.meeting_id})
    _send("call_due", {"call": call, "process": process, "url": links.absolute(path)}, to)


def follow_up_invite(follow_up, to: list[str]) -> None:
    process = follow_up.process
    path = reverse("meeting_detail", kwargs={"workspace": process.workspace.slug, "pk": follow_up.meeting_id})
    _send(
        "follow_up_invite",
        {
            "follow_up": follow_up,
            "meeting": follow_up.meeting,
            "process": process,
            "url": links.absolute(path),
        },
        to,
    )
