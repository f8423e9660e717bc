"""Test data in one place. Plain functions with sensible defaults; pass what a test cares about."""

import itertools
from datetime import date, time

from allin.processes import services as process_services
from allin.processes.models import AgendaItem, Meeting, Process
from allin.workspaces.models import Membership, Role, User, Workspace

PASSWORD = "een-goed-wachtwoord-2026"
_seq = itertools.count(1)


def user(email=None, **extra):
    n = next(_seq)
    return User.objects.create_user(email=email or f"persoon{n}@example.org", password=PASSWORD, **extra)


def workspace(name=None):
    n = next(_seq)
    return Workspace.objects.create(name=name or f"Gemeente {n}", slug=f"gemeente-{n}")


def member(ws, role=Role.FACILITATOR, **user_extra):
    person = user(**user_extra)
    Membership.objects.create(workspace=ws, user=person, role=role)
    return person


def process(ws, method_slug="all-in", name="ALL-IN Testtraject", start_date=date(2026, 3, 2), by=None):
    return process_services.process_create(
        workspace=ws,
        method_slug=method_slug,
        name=name,
        theme="schulden",
        start_date=start_date,
        created_by=by,
    )


def empty_process(ws, name="Leeg traject", start_date=date(2026, 3, 2)):
    return Process.objects.create(
        workspace=ws, method_slug="all-in", method_name="ALL-IN", name=name, start_date=start_date
    )


def meeting(proc, *, durations=(15, 30, 10), breaks=(), start=time(13, 0), planned=None, name="Bijeenkomst"):
    m = Meeting.objects.create(
        process=proc,
        name=name,
        date=proc.start_date,
        start_time=start,
        planned_minutes=planned or max(15, sum(durations)),
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=m,
            order=i,
            title=f"Onderdeel {i + 1}",
            duration=d,
            kind=AgendaItem.Kind.BREAK if i in breaks else AgendaItem.Kind.ITEM,
        )
        for i, d in enumerate(durations)
    )
    return m
