"""{% panels "place" name=value … %}: renders the panels higher apps registered for this place (allin/core/panels.py)
in the page's own context, the way {% include %} would."""

from django import template
from django.utils.safestring import SafeString

from allin.core.panels import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, place, **values):
    engine = context.template.engine
    parts = []
    for panel in panels_for(place):
        if panel.template is None:
            continue
        extra = panel.context(request=context.get("request"), **values) if panel.context else {}
        with context.push(**values, **extra):
            parts.append(engine.get_template(panel.template).render(context))
    return SafeString("".join(parts))  # each part is a template's output, escaped as it rendered


@register.simple_tag(takes_context=True)
def panel_values(context, place, **values):
    """The values the template-less panels of this place lend the page, merged in one dict."""
    merged = {}
    for panel in panels_for(place):
        if panel.template is None and panel.context is not None:
            merged.update(panel.context(request=context.get("request"), **values))
    return merged
