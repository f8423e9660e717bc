"""The workspace owner's page for the look, its preview, and the look's stylesheet and logo for every page."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from allin.core.forms import run_service

from . import look, look_services, look_store
from .access import workspace_view
from .look_forms import LookForm, initial_for
from .models import WorkspaceLook

FOREVER = (
    "public, max-age=31536000, immutable"  # the key changes with the look, so an address never goes stale
)


def _preview_url(request, primary, secondary, font):
    query = urlencode({"primary": primary, "secondary": secondary, "font": font})
    return reverse("look_preview_css", kwargs={"workspace": request.workspace.slug}) + "?" + query


@workspace_view(owner=True)
def look_edit(request):
    record = look_store.look_for(request.workspace)
    initial = initial_for(record)
    if request.method != "POST":
        form = LookForm(initial=initial)
        return _page(request, form, record, _preview_url(request, *initial.values()))
    if "reset" in request.POST:
        look_services.look_clear(workspace=request.workspace)
        messages.success(request, _("De werkruimte heeft weer de standaardhuisstijl van ALL-IN."))
        return redirect("workspace_look", workspace=request.workspace.slug)
    form = LookForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, record, None, status=400)
    data = form.cleaned_data
    preview = _preview_url(request, data["primary"], data["secondary"], data["font"])
    if "preview" in request.POST:  # look before saving: nothing is stored
        messages.info(request, _("Dit is een voorbeeld. Er is nog niets opgeslagen."))
        return _page(request, form, record, preview)
    saved = run_service(
        form,
        lambda d: look_services.look_set(
            workspace=request.workspace,
            primary=d["primary"],
            secondary=d["secondary"],
            font=d["font"],
            logo_upload=d.get("logo") or None,
            remove_logo=d.get("remove_logo", False),
        ),
    )
    if saved is None:
        return _page(request, form, record, None, status=400)
    messages.success(
        request, _("De huisstijl is opgeslagen. Telefoons, scherm, terugkoppeling en PDF's gebruiken hem nu.")
    )
    return redirect("workspace_look", workspace=request.workspace.slug)


def _page(request, form, record, preview_css, status=200):
    context = {
        "form": form,
        "record": record,
        "preview_css": preview_css,
        "fonts": look.FONTS,
        "text_ratio": look.ratio_text(look.TEXT_RATIO),
    }
    return render(request, "workspaces/look.html", context, status=status)


@workspace_view(owner=True)
@require_GET
def look_preview_css(request):
    """The candidate look on the preview box only, from the query (nothing stored)."""
    try:
        primary = look.normalise(request.GET.get("primary"))
        secondary = look.normalise(request.GET.get("secondary"))
    except ValidationError:
        return HttpResponseBadRequest("", content_type="text/css")
    font = request.GET.get("font") if request.GET.get("font") in look.FONTS_BY_KEY else "system"
    css = look.stylesheet(primary=primary, secondary=secondary, font_key=font, selector=".look-preview")
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@require_GET
def look_css(request, key):
    record = WorkspaceLook.objects.defer("logo").filter(key=key).first()
    if record is None:
        raise Http404
    response = HttpResponse(look_store.record_css(record), content_type="text/css; charset=utf-8")
    response["Cache-Control"] = FOREVER
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def look_logo(request, key):
    record = WorkspaceLook.objects.filter(key=key).first()
    if record is None or not record.has_logo:
        raise Http404
    response = HttpResponse(bytes(record.logo), content_type="image/png")
    response["Cache-Control"] = FOREVER
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
