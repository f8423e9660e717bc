"""The live activities beyond the notes board. Each kind lives in its own module and registers a KindSpec: its
templates for the phone, projector and console, the context they need, the actions phones and the console may
post, and a summary of its results for reports and slides.

Contract for a kind module:
- phone_template: the phone's part of the stage. It is rendered once per push for all phones (context
  has `broadcast`), so it must not depend on who is looking; personal state goes in mine_template.
- mine_template / mine_context(activity, attendee): the part only this attendee sees (their answer, dots left).
- projector_template, console_template: rendered with the stage context plus context(activity).
- phone_actions[name](request, activity, attendee) and console_actions[name](request, activity): call
  services, raise ValidationError with a Dutch message to refuse; return nothing.
- results(activity): {"title": str, "lines": [str, ...]} for the report and the results slide.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KindSpec:
    kind: str
    phone_template: str
    projector_template: str
    console_template: str
    context: Callable
    results: Callable
    mine_template: str | None = None
    mine_context: Callable | None = None
    phone_actions: dict = field(default_factory=dict)
    console_actions: dict = field(default_factory=dict)


REGISTRY: dict[str, KindSpec] = {}


def register(spec: KindSpec) -> KindSpec:
    REGISTRY[spec.kind] = spec
    return spec


def get(kind: str) -> KindSpec | None:
    _load()
    return REGISTRY.get(kind)


def _load():
    # Imported lazily: the kind modules use models and services, which need the app registry ready.
    from . import (  # noqa: F401
        commitment,
        consent,
        dreams,
        findings,
        plans,
        question_cards,
        voting,
        wordcloud,
    )
