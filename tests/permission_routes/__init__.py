"""Per-app parts of the permission walk (tests/test_permissions.py). Each module has ROUTES, a dict in the
vocabulary of tests/permission_table.py, and extend_world(world), which adds the objects its routes name to the
walk's world (a SimpleNamespace with workspace, process, meeting, live, attendee, people, ...)."""

from . import (
    accounts,
    actions,
    audit,
    cohost,
    experiments,
    groups,
    look,
    network,
    people,
    reports,
    room,
    socialmap,
    stepzero,
)

MODULES = (
    network,
    people,
    socialmap,
    stepzero,
    actions,
    experiments,
    reports,
    groups,
    audit,
    accounts,
    room,
    look,
    cohost,
)


def routes():
    merged = {}
    for module in MODULES:
        clash = set(merged) & set(module.ROUTES)
        assert not clash, f"URL names listed twice: {sorted(clash)}"
        merged.update(module.ROUTES)
    return merged


def extend_world(world):
    for module in MODULES:
        module.extend_world(world)
