"""Photo cards: the workspace's page to upload, describe and remove them, and the routes that serve an image
to those who may see it (members; attendees and the projector of a live meeting of the workspace that uses photo
cards, by the card's random token).

The routes are in `photo_patterns` below, for the project's urlconf (at the root, beside the live routes)."""

import os

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import include, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from allin.core import ratelimit
from allin.core.tokens import secrets_match
from allin.workspaces.access import workspace_view

from . import attendance, photo_cards, photo_set
from .activity_models import ALT_MAX
from .models import LiveMeeting

# What the serving routes answer with, by the extension of the file we wrote.
CONTENT_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


class PhotoCardForm(forms.Form):
    image = forms.FileField(
        label=gettext_lazy("Foto"),
        help_text=gettext_lazy(
            "JPEG, PNG of WebP, hoogstens 5 MB. We verkleinen de foto en halen er gegevens als de plaats "
            "van de opname uit."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=gettext_lazy("Wat staat er op de foto?"),
        help_text=gettext_lazy(
            "Verplicht. Mensen die de foto niet kunnen zien, horen of lezen deze beschrijving."
        ),
        max_length=ALT_MAX * 4,
    )


class PhotoAltForm(forms.Form):
    # Empty or too long is refused by the service (photo_cards.clean_alt), in the same words as on upload.
    alt_text = forms.CharField(required=False, max_length=ALT_MAX * 4)


def _page(request, form, status=200, error=None):
    return render(
        request,
        "live/photo_cards.html",
        {
            "form": form,
            "cards": photo_cards.photo_cards(request.workspace),
            "alt_max": ALT_MAX,
            "cards_max": photo_cards.PHOTO_CARDS_MAX,
            "upload_error": error,
        },
        status=status,
    )


@workspace_view()
def photo_card_list(request):
    """GET: the workspace's photo cards. POST (facilitators): upload one."""
    if request.method != "POST":
        return _page(request, PhotoCardForm())
    # Refuse a body far over the limit before it is read into a temporary file.
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > photo_cards.PHOTO_MAX_BYTES + 64 * 1024:
        too_big = _("Een foto mag hoogstens %(mb)d MB groot zijn.") % {
            "mb": photo_cards.PHOTO_MAX_BYTES // (1024 * 1024)
        }
        return _page(request, PhotoCardForm(), status=400, error=too_big)
    form = PhotoCardForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            photo_cards.photo_card_upload(
                workspace=request.workspace,
                upload=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
                uploaded_by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De fotokaart is toegevoegd."))
            return redirect("photo_cards", workspace=request.workspace.slug)
    return _page(request, form, status=400)


def _card_or_404(request, pk):
    card = photo_cards.for_workspace(request.workspace, pk)
    if card is None:
        raise Http404
    return card


@workspace_view(edit=True)
@require_POST
def photo_card_alt(request, pk):
    card = _card_or_404(request, pk)
    form = PhotoAltForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(
                _("De beschrijving mag hoogstens %(max)d tekens hebben.") % {"max": ALT_MAX}
            )
        photo_cards.photo_card_set_alt(card=card, alt_text=form.cleaned_data["alt_text"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De beschrijving is opgeslagen."))
    return redirect("photo_cards", workspace=request.workspace.slug)


@workspace_view(edit=True)
@require_POST
def photo_card_delete(request, pk):
    photo_cards.photo_card_delete(card=_card_or_404(request, pk))
    messages.success(request, _("De fotokaart is verwijderd."))
    return redirect("photo_cards", workspace=request.workspace.slug)


def _serve(card):
    """The image as we wrote it, with headers that stop a browser from reading it as anything else."""
    if card is None:
        raise Http404
    if card.stock:
        return _serve_stock(card)
    content_type = CONTENT_TYPES.get(os.path.splitext(card.image.name)[1].lower())
    if content_type is None:
        raise Http404
    try:
        handle = card.image.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    return _image_headers(response, os.path.splitext(card.image.name)[1])


def _image_headers(response, extension):
    response["X-Content-Type-Options"] = "nosniff"
    # A name that tells nothing about the card (no record number, no token).
    response["Content-Disposition"] = f'inline; filename="fotokaart{extension}"'
    # Sandboxed with nothing allowed: a drawing (SVG) opened on its own runs no script and loads nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _serve_stock(card):
    path = photo_set.path_of(card.stock)
    if path is None:
        raise Http404
    response = FileResponse(path.open("rb"), content_type=photo_set.CONTENT_TYPE)
    return _image_headers(response, ".svg")


@require_GET
@workspace_view()
def photo_card_image(request, pk):
    return _serve(photo_cards.for_workspace(request.workspace, pk))


def _live(code):
    return LiveMeeting.objects.select_related("meeting__process").filter(code=code).first()


@ratelimit.token_link
@require_GET
def photo_card_phone(request, code, token):
    """For a phone that joined a live meeting of the card's workspace."""
    live = _live(code)
    if live is None or attendance.from_request(request, live) is None:
        raise Http404
    return _serve(photo_cards.to_show(live, token))


@ratelimit.token_link
@require_GET
def photo_card_projector(request, code, key, token):
    live = _live(code)
    if live is None or not secrets_match(key, live.projector_key):
        raise Http404
    return _serve(photo_cards.to_show(live, token))


# Phones and projectors: for `public_patterns` in allin/live/urls.py.
photo_public_patterns = [
    path("j/<str:code>/fotokaart/<str:token>/", photo_card_phone, name="live_photo_phone"),
    path("p/<str:code>/<str:key>/fotokaart/<str:token>/", photo_card_projector, name="live_photo_projector"),
]

# Below /w/<workspace>/: for `workspace_patterns` in allin/urls.py.
photo_workspace_patterns = [
    path("fotokaarten/", photo_card_list, name="photo_cards"),
    path("fotokaarten/<int:pk>/beschrijving/", photo_card_alt, name="photo_card_alt"),
    path("fotokaarten/<int:pk>/verwijderen/", photo_card_delete, name="photo_card_delete"),
    path("fotokaarten/<int:pk>/beeld/", photo_card_image, name="photo_card_image"),
]

# All of them from the root, for a urlconf that wants one line (the tests' temporary one does).
photo_patterns = [*photo_public_patterns, path("w/<slug:workspace>/", include(photo_workspace_patterns))]
