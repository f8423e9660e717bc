"""The daily reminder to the facilitator: keep a manager informed the way and at the moment they asked for.

Each reminder is recorded (ManagerReminder, one per manager and moment) in the same transaction as its mail:
a failed mail rolls the record back and is tried again tomorrow; a rerun on the same day sends nothing twice.
Moments more than a week old are not sent any more, so a worker that was down for a month does not flood."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from allin.core.site import public_url
from allin.workspaces.models import EDIT_ROLES, Membership

from . import selectors
from .models import Manager, ManagerReminder

logger = logging.getLogger(__name__)
LATE_DAYS = 7


def facilitators_of(process) -> list[str]:
    """Whoever made the process, else the workspace's editors (the same people hear about calls that are due)."""
    creator = process.created_by
    if creator is not None and creator.email and process.workspace.memberships.filter(user=creator).exists():
        return [creator.email]
    return sorted(
        Membership.objects.filter(workspace=process.workspace, role__in=EDIT_ROLES).values_list(
            "user__email", flat=True
        )
    )


def _mail(manager, due_on, to):
    process = manager.process
    path = reverse("stepzero_managers", kwargs={"workspace": process.workspace.slug, "pk": process.pk})
    with translation.override(settings.LANGUAGE_CODE):
        context = {"manager": manager, "process": process, "due_on": due_on, "url": public_url(path)}
        subject = " ".join(render_to_string("stepzero/email/manager_due_subject.txt", context).split())
        body = render_to_string("stepzero/email/manager_due.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def run(today: date) -> list[int]:
    """Send what is due today; returns the managers reminded."""
    sent = []
    managers = Manager.objects.select_related("process__workspace", "process__created_by", "organisation")
    by_process: dict[int, list] = {}
    for manager in managers:
        meetings = by_process.setdefault(
            manager.process_id, list(manager.process.meetings.order_by("date", "start_time", "order"))
        )
        for due_on in selectors.inform_moments(manager, meetings):
            if not (today - timedelta(days=LATE_DAYS) <= due_on <= today):
                continue
            to = facilitators_of(manager.process)
            if not to:
                continue
            try:
                with transaction.atomic():
                    ManagerReminder.objects.create(manager=manager, due_on=due_on)
                    _mail(manager, due_on, to)
            except IntegrityError:
                continue
            except Exception:  # a mail server that is down must not stop the other reminders
                logger.exception("manager reminder %s failed", manager.pk)
                continue
            sent.append(manager.pk)
    return sent
