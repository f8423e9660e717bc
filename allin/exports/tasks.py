"""Background work of the reports (django-tasks; `manage.py db_worker` runs it): the PDF of a big meeting."""

from django.utils import translation
from django_tasks import task

from allin.processes.models import Meeting

from . import report_pdf


@task()
def build_report_pdf(meeting_id: int, language: str = "nl") -> int:
    """Lay out the meeting's report PDF; returns its number of pages (0 when the meeting is gone)."""
    meeting = Meeting.objects.select_related("process__workspace").filter(pk=meeting_id).first()
    if meeting is None:
        return 0
    with translation.override(language):
        return report_pdf.report_pdf_build(meeting=meeting).pages
