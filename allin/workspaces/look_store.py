"""Reads of a workspace's look for pages, PDFs and slides (the writes are in look_services.py)."""

import base64
from pathlib import Path

from django.contrib.staticfiles import finders

from . import look
from .models import Workspace, WorkspaceLook

# Names in a template context whose object leads to a workspace, and the paths to try on each.
_HOLDERS = (
    "process",
    "meeting",
    "live",
    "page",
    "partner",
    "action",
    "agreement",
    "card",
    "case",
    "plan",
    "item",
)
_PATHS = (("workspace",), ("process", "workspace"), ("meeting", "process", "workspace"))


def workspace_in(context) -> Workspace | None:
    """The workspace a page or PDF shows: `look_workspace` if a view names it, else the request's, else that of
    the process, meeting, live meeting, page, partner, action or agreement in the context (a dict or a Context)."""
    named = context.get("look_workspace")
    if isinstance(named, Workspace):
        return named
    request = context.get("request")
    if isinstance(getattr(request, "workspace", None), Workspace):
        return request.workspace
    if isinstance(context.get("workspace"), Workspace):
        return context["workspace"]
    for name in _HOLDERS:
        holder = context.get(name)
        for path in _PATHS if holder is not None else ():
            value = holder
            for attribute in path:
                value = getattr(value, attribute, None)
            if isinstance(value, Workspace):
                return value
    return None


def look_for(workspace) -> WorkspaceLook | None:
    """The workspace's look without its logo bytes, or None for ALL-IN's own look."""
    if workspace is None or workspace.pk is None:
        return None
    return WorkspaceLook.objects.defer("logo").select_related("workspace").filter(workspace=workspace).first()


def record_css(record, **options) -> str:
    return look.stylesheet(
        primary=record.primary, secondary=record.secondary, font_key=record.font, **options
    )


def _font_file(name):
    return Path(finders.find(f"nlds/fonts/{name}")).as_uri()


def pdf_css(workspace) -> str:
    """The look for WeasyPrint: the same tokens, with the font files read from disk."""
    record = look_for(workspace)
    return record_css(record, url_for=_font_file) if record else ""


def logo_bytes(workspace) -> bytes | None:
    record = WorkspaceLook.objects.filter(workspace=workspace).only("logo", "logo_width").first()
    if record is None or not record.has_logo:
        return None
    return bytes(record.logo)


def logo_data_uri(workspace) -> str:
    data = logo_bytes(workspace)
    return "data:image/png;base64," + base64.b64encode(data).decode() if data else ""
