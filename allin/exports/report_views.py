"""The meeting report as a page (the PDF: report_pdf_views.py), its flip-over photos and the parking board's
pick-ups; the process dashboard and its Excel export. Thin views: reads in report*.py and report_selectors.py, writes in
report_services.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from allin.live.photo_views import PhotoCardForm
from allin.processes import selectors as process_selectors
from allin.workspaces.access import workspace_view

from . import report_dashboard, report_selectors, report_services, report_xlsx
from .models import PHOTO_ALT_MAX, PICKUP_MAX
from .report import report_context

MAX_MB = report_services.PHOTO_MAX_BYTES // (1024 * 1024)


class ReportPhotoForm(PhotoCardForm):
    """The photo card's upload form (the same limits: PHOTO_ALT_MAX equals the cards' ALT_MAX), with its own
    explanation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].help_text = _(
            "Een foto van een flip-over of een muur met post-its. JPEG, PNG of WebP, hoogstens 5 MB. We "
            "verkleinen de foto en halen er gegevens als de plaats van de opname uit."
        )


# ---- the report ----------------------------------------------------------------------------------------


def _meeting(request, pk):
    return process_selectors.meeting_get(request.workspace, pk)


def _report_url(meeting, anchor=""):
    url = reverse("meeting_report", kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})
    return f"{url}#{anchor}" if anchor else url


def _page(request, meeting, form=None, status=200, upload_error=None):
    context = {
        **report_context(meeting),
        "form": form or ReportPhotoForm(),
        "upload_error": upload_error,
        "alt_max": PHOTO_ALT_MAX,
        "pickup_max": PICKUP_MAX,
        "photos_max": report_services.REPORT_PHOTOS_MAX,
    }
    return render(request, "exports/report/meeting.html", context, status=status)


@require_GET
@workspace_view()
def meeting_report(request, pk):
    return _page(request, _meeting(request, pk))


@workspace_view(edit=True)
@require_POST
def report_photo_upload(request, pk):
    meeting = _meeting(request, pk)
    # Refuse a body far over the limit before it is read into a temporary file.
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > report_services.PHOTO_MAX_BYTES + 64 * 1024:
        too_big = _("Een foto mag hoogstens %(mb)d MB groot zijn.") % {"mb": MAX_MB}
        return _page(request, meeting, status=400, upload_error=too_big)
    form = ReportPhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            report_services.report_photo_upload(
                meeting=meeting,
                upload=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
                uploaded_by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De foto staat in het verslag."))
            return redirect(_report_url(meeting, "fotos"))
    return _page(request, meeting, form=form, status=400)


def _photo_or_404(meeting, photo_pk):
    photo = report_selectors.report_photo_get(meeting, photo_pk)
    if photo is None:
        raise Http404
    return photo


@workspace_view(edit=True)
@require_POST
def report_photo_alt(request, pk, photo_pk):
    meeting = _meeting(request, pk)
    photo = _photo_or_404(meeting, photo_pk)
    try:
        report_services.report_photo_set_alt(photo=photo, alt_text=request.POST.get("alt_text", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De beschrijving is opgeslagen."))
    return redirect(_report_url(meeting, "fotos"))


@workspace_view(edit=True)
@require_POST
def report_photo_delete(request, pk, photo_pk):
    meeting = _meeting(request, pk)
    report_services.report_photo_delete(photo=_photo_or_404(meeting, photo_pk))
    messages.success(request, _("De foto is uit het verslag gehaald."))
    return redirect(_report_url(meeting, "fotos"))


@require_GET
@workspace_view()
def report_photo_image(request, pk, photo_pk):
    """The image as we wrote it (always a JPEG), with headers that stop a browser reading it as anything else."""
    photo = _photo_or_404(_meeting(request, pk), photo_pk)
    if not photo.image.name.lower().endswith(".jpg"):
        raise Http404
    try:
        handle = photo.image.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = f'inline; filename="verslagfoto-{photo.pk}.jpg"'
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@workspace_view(edit=True)
@require_POST
def report_parking_pickup(request, pk, note_pk):
    meeting = _meeting(request, pk)
    note = report_selectors.parking_note_get(meeting, note_pk)
    if note is None:
        raise Http404
    try:
        pickup = report_services.parking_pickup_set(
            note=note, who=request.POST.get("who", ""), user=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if pickup is None:
            messages.success(request, _("Niemand pakt dit punt nu op."))
        else:
            messages.success(request, _("Opgeslagen: %(who)s pakt dit punt op.") % {"who": pickup.who})
    return redirect(_report_url(meeting, "parkeerbord"))


# ---- the process dashboard -------------------------------------------------------------------------------


@require_GET
@workspace_view()
def process_dashboard(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    return render(
        request, "exports/report/dashboard.html", {"process": process, **report_dashboard.dashboard(process)}
    )


@require_GET
@workspace_view()
def process_actions_xlsx(request, pk):
    process = process_selectors.process_get(request.workspace, pk)
    response = HttpResponse(
        report_xlsx.actions_workbook(process),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = slugify(f"acties {process.name}") or "acties"
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
