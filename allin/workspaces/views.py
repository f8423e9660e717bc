from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allin.core import ratelimit
from allin.core.forms import run_service

from . import services
from .access import workspace_view
from .forms import InviteForm, NewAccountForm, RoleForm, WorkspaceForm
from .models import Membership, WorkspaceInvitation


def home(request):
    if not request.user.is_authenticated:
        return render(request, "home.html")
    memberships = list(request.user.memberships.select_related("workspace"))
    if len(memberships) == 1:
        return redirect("workspace_home", workspace=memberships[0].workspace.slug)
    return render(request, "workspaces/choose.html", {"memberships": memberships, "form": WorkspaceForm()})


@login_required
@require_POST
def workspace_create(request):
    form = WorkspaceForm(request.POST)
    if form.is_valid():
        workspace = run_service(form, lambda d: services.workspace_create(name=d["name"], owner=request.user))
        if workspace is not None:
            messages.success(request, _("De werkruimte is aangemaakt. Jij bent eigenaar."))
            return redirect("workspace_home", workspace=workspace.slug)
    memberships = list(request.user.memberships.select_related("workspace"))
    return render(request, "workspaces/choose.html", {"memberships": memberships, "form": form}, status=400)


@workspace_view()
def members(request):
    context = {
        "members": request.workspace.memberships.select_related("user").order_by("user__email"),
        "invitations": request.workspace.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True)
        if request.membership.is_owner
        else [],
        "invite_form": InviteForm(),
        "role_form": RoleForm(),
    }
    return render(request, "workspaces/members.html", context)


@workspace_view(owner=True)
@require_POST
def invite(request):
    form = InviteForm(request.POST)
    if form.is_valid():
        invitation = run_service(
            form,
            lambda d: services.invitation_create(
                workspace=request.workspace, email=d["email"], role=d["role"], invited_by=request.user
            ),
        )
        if invitation is not None:
            messages.success(
                request, _("De uitnodiging is verstuurd naar %(email)s.") % {"email": invitation.email}
            )
            return redirect("members", workspace=request.workspace.slug)
    # form.errors holds the non-field errors too (under __all__), so each message is shown once.
    for error in [e for errs in form.errors.values() for e in errs]:
        messages.error(request, error)
    return redirect("members", workspace=request.workspace.slug)


@workspace_view(owner=True)
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(WorkspaceInvitation, workspace=request.workspace, pk=pk)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("De uitnodiging is ingetrokken."))
    return redirect("members", workspace=request.workspace.slug)


@workspace_view(owner=True)
@require_POST
def member_role(request, pk):
    membership = get_object_or_404(Membership, workspace=request.workspace, pk=pk)
    form = RoleForm(request.POST)
    if form.is_valid() and run_service(
        form, lambda d: services.membership_set_role(membership=membership, role=d["role"])
    ):
        messages.success(request, _("De rol is aangepast."))
    else:
        for error in form.non_field_errors() or [_("Kies een geldige rol.")]:
            messages.error(request, error)
    return redirect("members", workspace=request.workspace.slug)


@workspace_view(owner=True)
@require_POST
def member_remove(request, pk):
    membership = get_object_or_404(Membership, workspace=request.workspace, pk=pk)
    try:
        services.membership_remove(membership=membership)
        messages.success(request, _("Het lid is uit de werkruimte gehaald."))
    except services.ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if membership.user_id == request.user.pk:
            # An owner who left can no longer see the members page; it would answer 404.
            return redirect("home")
    return redirect("members", workspace=request.workspace.slug)


@ratelimit.token_link
def invitation_accept(request, token):
    invitation = services.invitation_from_token(token)
    if invitation is None:
        return render(request, "workspaces/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        if not services.invitation_is_for(invitation, request.user):
            # Nothing changes: the page says whose account this is and how to switch.
            return render(
                request, "workspaces/invitation_wrong_account.html", {"invitation": invitation}, status=403
            )
        if request.method == "POST":
            try:
                membership = services.invitation_accept(token=token, user=request.user)
            except services.ValidationError:
                # Used or revoked between showing the page and this click.
                return render(request, "workspaces/invitation_invalid.html", status=404)
            messages.success(request, _("Welkom bij %(name)s.") % {"name": membership.workspace.name})
            return redirect("workspace_home", workspace=membership.workspace.slug)
        return render(request, "workspaces/invitation_accept.html", {"invitation": invitation})
    form = NewAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = run_service(
            form,
            lambda d: services.invitation_accept_as_new_user(
                token=token, full_name=d["full_name"], password=d["password"]
            ),
        )
        if user is not None:
            login(request, user, backend="allin.workspaces.backends.EmailBackend")
            return redirect("workspace_home", workspace=invitation.workspace.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "workspaces/invitation_accept.html", {"invitation": invitation, "form": form}, status=status
    )
