from django.http import Http404, HttpResponse
from django.utils.text import slugify

from allin.methods.loader import get_method
from allin.processes import selectors
from allin.processes.ics import calendar_for, ics_response
from allin.workspaces import look_store
from allin.workspaces.access import workspace_view

from .cards import question_cards_context
from .pdf import pdf_response, render_pdf
from .runbook import runbook_context


@workspace_view()
def runbook_pdf(request, pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    content = render_pdf("exports/runbook.html", runbook_context(meeting), request=request)
    return pdf_response(content, f"draaiboek {meeting.name}")


@workspace_view()
def question_cards_pdf(request, pk):
    process = selectors.process_get(request.workspace, pk)
    method = get_method(process.method_slug)
    if method is None or not method.question_cards:
        raise Http404
    content = render_pdf(
        "exports/question_cards.html", question_cards_context(process, method), request=request
    )
    return pdf_response(content, f"gesprekskaarten {process.name}")


@workspace_view()
def meeting_ics(request, pk):
    meeting = selectors.meeting_get(request.workspace, pk)
    return ics_response(calendar_for([meeting], meeting.name), meeting.name)


@workspace_view()
def process_ics(request, pk):
    process = selectors.process_get(request.workspace, pk)
    meetings = process.meetings.select_related("process__workspace").order_by("date", "start_time")
    return ics_response(calendar_for(meetings, process.name), process.name)


@workspace_view()
def meeting_pptx(request, pk):
    from allin.live.models import LiveMeeting
    from allin.live.results import meeting_results

    from .slides import build

    meeting = selectors.meeting_get(request.workspace, pk)
    live = LiveMeeting.objects.filter(meeting=meeting).first()
    workspace = meeting.process.workspace
    content = build(
        meeting,
        live=live,
        results=meeting_results(live),
        look=look_store.look_for(workspace),
        logo=look_store.logo_bytes(workspace),
    )
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.presentationml.presentation"
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(meeting.name) or "bijeenkomst"}.pptx"'
    return response
