"""Panels: a higher app's part of a lower app's page, without the lower app reaching up. The lower app's template
names a place (`{% panels "process_detail" process=process %}`); a higher app registers what goes there in its
AppConfig.ready(). The page shows the panel while the lower app never imports, includes or loads the higher one's
code (the floors of ARCHITECTURE.md). A panel without a template only lends values to the page
(`{% panel_values "participant_list" process=process as extra %}`), for a mark inside the lower page's own markup."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template: str | None
    # (request=..., **what the page passes) -> extra context for the template; None adds nothing
    context: Callable[..., dict] | None = None
    order: int = 100


_places: dict[str, list[Panel]] = {}


def panel_register(
    *, place: str, template: str | None = None, context: Callable[..., dict] | None = None, order: int = 100
):
    """Show template at place on every page that has it (or, without a template, lend it context's values).
    Registering the same template, or the same context function, twice keeps one."""
    panels = [p for p in _places.get(place, []) if (p.template, p.context) != (template, context)]
    panels.append(Panel(template=template, context=context, order=order))
    _places[place] = sorted(panels, key=lambda p: (p.order, p.template or ""))


def panels_for(place: str) -> list[Panel]:
    return list(_places.get(place, []))
