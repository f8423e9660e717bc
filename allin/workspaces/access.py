"""Who may see and change what. Every workspace-scoped view goes through `workspace_view`, which turns
the `workspace` URL argument into request.workspace and request.membership, or a 404 for anyone who is not a
member (so an outsider cannot even learn that a workspace exists)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Membership

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def membership_for(user, workspace_slug):
    return (
        Membership.objects.select_related("workspace")
        .filter(user=user, workspace__slug=workspace_slug)
        .first()
    )


def workspace_view(edit=False, owner=False):
    """edit: only owners and facilitators may use the view. owner: only owners.
    Without either, viewers may read but any non-safe method still needs edit rights."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, workspace, *args, **kwargs):
            membership = membership_for(request.user, workspace)
            if membership is None:
                raise Http404
            if owner and not membership.is_owner:
                raise PermissionDenied
            needs_edit = edit or request.method not in SAFE_METHODS
            if needs_edit and not membership.can_edit:
                raise PermissionDenied
            request.workspace = membership.workspace
            request.membership = membership
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
