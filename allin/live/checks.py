"""System check: every live activity type of the method files is a notes board or has a registered kind with
a label and templates that exist. A kind added to the list without its module fails `manage.py check`."""

from django.core import checks
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from allin.methods.activities import ACTIVITY_LABELS, LIVE_ACTIVITIES
from allin.methods.schema import ACTIVITY_TYPES

from . import registry
from .models import NOTE_KINDS, Activity


@checks.register()
def live_kinds_complete(app_configs=None, **kwargs):
    errors = []
    labels = dict(Activity.Kind.choices)
    for kind in sorted(set(LIVE_ACTIVITIES) - NOTE_KINDS):
        spec = registry.get(kind)
        if spec is None:
            errors.append(checks.Error(f"live kind {kind!r} has no KindSpec", id="live.E001"))
            continue
        if not labels.get(kind):
            errors.append(checks.Error(f"live kind {kind!r} has no label", id="live.E002"))
        for name in spec.templates:
            try:
                get_template(name)
            except TemplateDoesNotExist:
                errors.append(checks.Error(f"live kind {kind!r}: template {name} is missing", id="live.E003"))
    for kind in sorted(set(registry.REGISTRY) - set(LIVE_ACTIVITIES)):
        errors.append(checks.Error(f"live kind {kind!r} is not an activity type", id="live.E004"))
    # The method files' schema is pure Python and keeps the bare names; they must be the labelled ones.
    if ACTIVITY_TYPES != set(ACTIVITY_LABELS):
        errors.append(
            checks.Error(
                "methods.schema.ACTIVITY_TYPES differs from methods.activities: "
                f"{sorted(ACTIVITY_TYPES ^ set(ACTIVITY_LABELS))}",
                id="live.E005",
            )
        )
    return errors
