"""The workspace's own look on a page: `{% look_stylesheet %}` after the tokens, `{% look_logo %}` where the logo
goes, `{% look_logo_pdf %}` in PDF templates (the image inline). The workspace is the page's: `look_workspace` if
a view names it, else the request's, else that of the process, meeting, live meeting, page, partner, action or
agreement the template shows. Pages of no workspace keep ALL-IN's own look."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from allin.workspaces import look_store

register = template.Library()

_CACHE = "_allin_look"


def _workspace(context):
    return look_store.workspace_in(context)


def _look(context):
    """The page's look record (without logo bytes) or None; looked up once per request."""
    request = context.get("request")
    workspace = _workspace(context)
    cached = getattr(request, _CACHE, None) if request is not None else None
    if cached is not None and cached[0] == getattr(workspace, "pk", None):
        return cached[1]
    record = look_store.look_for(workspace)
    if request is not None:
        setattr(request, _CACHE, (getattr(workspace, "pk", None), record))
    return record


@register.simple_tag(takes_context=True)
def look_stylesheet(context):
    record = _look(context)
    if record is None:
        return ""
    return format_html('<link rel="stylesheet" href="{}">', reverse("look_css", kwargs={"key": record.key}))


@register.simple_tag(takes_context=True)
def look_logo(context, css_class="allin-logo"):
    record = _look(context)
    if record is None or not record.has_logo:
        return ""
    return format_html(
        '<img class="{}" src="{}" alt="{}" width="{}" height="{}">',
        css_class,
        reverse("look_logo", kwargs={"key": record.key}),
        record.workspace.name,
        record.logo_width,
        record.logo_height,
    )


@register.simple_tag(takes_context=True)
def look_logo_pdf(context, css_class="pdf-logo"):
    workspace = _workspace(context)
    data = look_store.logo_data_uri(workspace) if workspace is not None else ""
    if not data:
        return ""
    return format_html('<img class="{}" src="{}" alt="{}">', css_class, data, workspace.name)
