"""The registry of live activity kinds beyond the notes board. Filled once, from LiveConfig.ready(), by importing
every module of `allin.live.kinds`; each kind module registers its KindSpec. A system check (checks.py) makes
sure every activity type of the method files that is not a notes board has a spec, a label and its templates.

Contract for a kind module:
- phone_template: the phone's part of the stage. It is rendered once per push for all phones (context
  has `broadcast`), so it must not depend on who is looking; personal state goes in mine_template.
- mine_template / mine_context(activity, attendee): the part only this attendee sees (their answer, dots left).
- projector_template, console_template: rendered with the stage context plus context(activity).
- phone_actions[name](request, activity, attendee) and console_actions[name](request, activity): read the
  POST through a form (posted.read), call services with the typed values, raise ValidationError with a Dutch
  message to refuse; return nothing. A phone's service checks it may send with guards.phone_may_send.
- results(activity): {"title": str, "lines": [str, ...]} for the report and the results slide.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

KINDS_PACKAGE = "allin.live.kinds"


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

    @property
    def templates(self) -> list[str]:
        names = [self.phone_template, self.projector_template, self.console_template, self.mine_template]
        return [name for name in names if name]


REGISTRY: dict[str, KindSpec] = {}


def register(spec: KindSpec) -> KindSpec:
    if spec.kind in REGISTRY and REGISTRY[spec.kind] is not spec:
        raise RuntimeError(f"live kind {spec.kind!r} is registered twice")
    REGISTRY[spec.kind] = spec
    return spec


def get(kind: str) -> KindSpec | None:
    return REGISTRY.get(kind)


def discover() -> None:
    """Import every module of the kinds package (LiveConfig.ready()); a kind module registers on import."""
    package = importlib.import_module(KINDS_PACKAGE)
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{KINDS_PACKAGE}.{module.name}")
