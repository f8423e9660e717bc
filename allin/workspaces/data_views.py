"""An owner's control over the workspace's data: download everything (a ZIP of JSON and the uploaded files) and
delete the workspace after typing its name."""

import tempfile

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from allin.core.errors import messages_of

from . import export, services
from .access import workspace_view
from .forms import WorkspaceDeleteForm


def _page(request, form=None, status=200):
    return render(
        request,
        "workspaces/data.html",
        {"delete_form": form or WorkspaceDeleteForm()},
        status=status,
    )


@workspace_view(owner=True)
@require_GET
def workspace_data(request):
    return _page(request)


@never_cache
@workspace_view(owner=True)
@require_GET
def workspace_export(request):
    # A spooled file: small workspaces stay in memory, large ones go to disk instead of filling it.
    out = tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024)
    export.export_zip(request.workspace, out)
    out.seek(0)
    name = f"allin-{request.workspace.slug}-{timezone.localdate():%Y-%m-%d}.zip"
    response = FileResponse(out, as_attachment=True, filename=name, content_type="application/zip")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@workspace_view(owner=True)
@require_POST
def workspace_delete(request):
    form = WorkspaceDeleteForm(request.POST)
    if form.is_valid():
        name = request.workspace.name
        try:
            services.workspace_delete(
                workspace=request.workspace, confirm_name=form.cleaned_data["confirm_name"]
            )
        except ValidationError as exc:
            for message in messages_of(exc):
                form.add_error("confirm_name", message)
        else:
            messages.success(
                request, _("De werkruimte %(name)s en alles erin is verwijderd.") % {"name": name}
            )
            return redirect("home")
    return _page(request, form, status=400)
