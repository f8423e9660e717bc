"""Export (Excel, CSV), import with its dry run, and the printable card (PDF)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from allin.workspaces.access import workspace_view

from . import pdf, selectors, transfer
from .forms import ImportForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filename(request, extension):
    stamp = timezone.localdate().isoformat()
    return f"netwerk-{slugify(request.workspace.name) or 'werkruimte'}-{stamp}.{extension}"


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _all_cards(request):
    return selectors.visible_partners(request.workspace, request.membership)


@workspace_view(edit=True)
def network_export_xlsx(request):
    title = _("Netwerk van %(name)s") % {"name": request.workspace.name}
    content = transfer.export_xlsx(_all_cards(request), title=title)
    return _download(content, XLSX, _filename(request, "xlsx"))


@workspace_view(edit=True)
def network_export_csv(request):
    return _download(
        transfer.export_csv(_all_cards(request)), "text/csv; charset=utf-8", _filename(request, "csv")
    )


def _too_big(request):
    length = request.META.get("CONTENT_LENGTH") or "0"
    return not length.isdigit() or int(length) > transfer.IMPORT_MAX_BYTES + 64 * 1024


@workspace_view(edit=True)
def network_import(request):
    """GET: the upload form. POST with a file: the dry run (nothing saved). POST with the dry run's payload:
    check again and save every row, or none."""
    context = {"form": ImportForm(), "result": None, "payload": None, "headers": transfer.headers()}
    if request.method != "POST":
        return render(request, "network/import.html", context)
    if _too_big(request):
        context["file_error"] = _("Het bestand is te groot: hoogstens %(kb)d kB.") % {
            "kb": transfer.IMPORT_MAX_BYTES // 1024
        }
        return render(request, "network/import.html", context, status=400)
    if "payload" in request.POST:
        return _save(request, context)
    form = ImportForm(request.POST, request.FILES)
    context["form"] = form
    if not form.is_valid():
        return render(request, "network/import.html", context, status=400)
    try:
        cells = transfer.read_upload(form.cleaned_data["file"])
    except ValidationError as problem:
        context["file_error"] = " ".join(problem.messages)
        return render(request, "network/import.html", context, status=400)
    result = transfer.check_rows(request.workspace, cells)
    context["result"] = result
    if not result["file"] and not result["problems"]:
        context["payload"] = transfer.payload_dump(request.workspace, cells)
    return render(request, "network/import.html", context, status=200 if context["payload"] else 400)


def _save(request, context):
    cells = transfer.payload_load(request.workspace, request.POST.get("payload"))
    if cells is None:
        context["file_error"] = _("De controle is verlopen of klopt niet. Kies het bestand opnieuw.")
        return render(request, "network/import.html", context, status=400)
    try:
        result = transfer.import_cells(request.workspace, cells, created_by=request.user)
    except ValidationError as error:
        context["file_error"] = " ".join(error.messages)
        return render(request, "network/import.html", context, status=400)
    if not result["saved"]:
        context["result"] = result  # the network changed since the dry run: show what is wrong now
        return render(request, "network/import.html", context, status=400)
    count = len(result["saved"])
    messages.success(
        request,
        _("%(n)d netwerkkaarten zijn geïmporteerd.") % {"n": count}
        if count != 1
        else _("1 netwerkkaart is geïmporteerd."),
    )
    return redirect("network_overview", workspace=request.workspace.slug)


@workspace_view()
def partner_pdf(request, pk):
    partner = selectors.partner_get(request.workspace, request.membership, pk)
    if partner is None:
        raise Http404
    content = pdf.card_pdf(partner, request=request)
    return pdf.pdf_response(content, f"netwerkkaart-{partner.name}")
