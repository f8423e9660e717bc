"""The PDF of a big meeting is built in the background: the first GET queues one build and sends the browser to a
page that follows it (queued, laying out, ready) and polls with htmx; the worker builds it; the download is the
stored PDF only while the meeting still reads the same; a failed or lost build can be tried again."""

import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from allin.exports import report_pdf
from allin.exports.models import ReportPdf
from allin.live.models import Note

from .helpers import pdf_reader, pdf_text
from .test_report_world import held_meeting

Status = ReportPdf.Status


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def big(workspace, db_tasks, monkeypatch):
    """The report world, counted as big: more than a handful of notes goes to the background here."""
    monkeypatch.setattr(report_pdf, "BIG_REPORT_NOTES", 3)
    return held_meeting(workspace)


def _url(meeting, name="meeting_report_pdf"):
    return reverse(name, kwargs={"workspace": meeting.process.workspace.slug, "pk": meeting.pk})


def _ask(client, meeting, capture):
    with capture(execute=True):
        return client.get(_url(meeting))


def _tasks():
    return DBTaskResult.objects.filter(task_path="allin.exports.tasks.build_report_pdf")


def test_the_first_get_queues_one_build_and_shows_where_it_is(
    as_viewer, big, django_capture_on_commit_callbacks
):
    response = _ask(as_viewer, big.meeting, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == _url(big.meeting, "meeting_report_pdf_status")
    assert _ask(as_viewer, big.meeting, django_capture_on_commit_callbacks).status_code == 302
    assert _tasks().count() == 1  # a reload or a second person does not build twice
    pdf = ReportPdf.objects.get(meeting=big.meeting)
    assert pdf.status == Status.QUEUED and pdf.notes == 6  # four on the board, two on the parking board

    page = as_viewer.get(response["Location"]).content.decode()
    assert '<li aria-current="step">In de wachtrij</li>' in page
    assert 'hx-trigger="every 2s"' in page and 'role="status"' in page
    assert "Met 6 post-its duurt dat ongeveer" in page


def test_the_worker_builds_it_and_the_download_is_the_whole_report(
    as_viewer, big, django_capture_on_commit_callbacks
):
    _ask(as_viewer, big.meeting, django_capture_on_commit_callbacks)
    [task] = _tasks()
    assert task.args_kwargs["kwargs"] == {"meeting_id": big.meeting.pk, "language": "nl"}
    report_pdf.report_pdf_build(meeting=big.meeting)

    pdf = ReportPdf.objects.get(meeting=big.meeting)
    assert pdf.status == Status.READY and pdf.pages >= 2
    poll = as_viewer.get(_url(big.meeting, "meeting_report_pdf_status"), HTTP_HX_REQUEST="true")
    html = poll.content.decode()
    assert "PDF downloaden" in html and "hx-trigger" not in html  # ready: the page stops polling
    assert '<li aria-current="step">Klaar om te downloaden</li>' in html

    text = pdf_text(pdf_reader(as_viewer.get(_url(big.meeting))))
    for note in Note.objects.filter(activity__live=big.live, hidden=False):
        assert note.text in text
    assert _tasks().count() == 1  # handing out the stored PDF queued nothing


def test_a_changed_meeting_never_gets_the_old_pdf(as_viewer, big, django_capture_on_commit_callbacks):
    _ask(as_viewer, big.meeting, django_capture_on_commit_callbacks)
    report_pdf.report_pdf_build(meeting=big.meeting)
    Note.objects.create(
        activity=big.board, attendee=big.people["youth"][0], text="Nieuw na de PDF", client_id=uuid.uuid4()
    )
    response = _ask(as_viewer, big.meeting, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert ReportPdf.objects.get(meeting=big.meeting).status == Status.QUEUED
    assert _tasks().count() == 2
    report_pdf.report_pdf_build(meeting=big.meeting)
    assert "Nieuw na de PDF" in pdf_text(pdf_reader(as_viewer.get(_url(big.meeting))))


def test_a_failed_build_is_said_and_tried_again_only_when_asked(
    as_facilitator, as_viewer, big, django_capture_on_commit_callbacks, monkeypatch
):
    _ask(as_facilitator, big.meeting, django_capture_on_commit_callbacks)

    def broken(html, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(report_pdf, "render_pdf_from_html", broken)
    with pytest.raises(RuntimeError):
        report_pdf.report_pdf_build(meeting=big.meeting)
    assert ReportPdf.objects.get(meeting=big.meeting).status == Status.FAILED

    page = as_facilitator.get(_url(big.meeting, "meeting_report_pdf_status")).content.decode()
    assert "Het maken van de PDF is mislukt." in page and "Opnieuw proberen" in page
    assert (
        "Opnieuw proberen"
        not in as_viewer.get(_url(big.meeting, "meeting_report_pdf_status")).content.decode()
    )
    # Visiting again does not loop on the broken build...
    _ask(as_facilitator, big.meeting, django_capture_on_commit_callbacks)
    assert _tasks().count() == 1
    # ...the button does.
    with django_capture_on_commit_callbacks(execute=True):
        response = as_facilitator.post(_url(big.meeting, "meeting_report_pdf_again"))
    assert response.status_code == 302
    assert ReportPdf.objects.get(meeting=big.meeting).status == Status.QUEUED
    assert _tasks().count() == 2


def test_a_build_whose_worker_vanished_can_be_asked_again(as_viewer, big, django_capture_on_commit_callbacks):
    _ask(as_viewer, big.meeting, django_capture_on_commit_callbacks)
    ReportPdf.objects.filter(meeting=big.meeting).update(
        status=Status.BUILDING, requested_at=timezone.now() - timedelta(minutes=30)
    )
    page = as_viewer.get(_url(big.meeting, "meeting_report_pdf_status")).content.decode()
    assert "duurt veel langer dan verwacht" in page and "hx-trigger" not in page
    _ask(as_viewer, big.meeting, django_capture_on_commit_callbacks)
    assert _tasks().count() == 2


def test_the_status_page_before_any_build_offers_to_make_one(as_viewer, big):
    page = as_viewer.get(_url(big.meeting, "meeting_report_pdf_status")).content.decode()
    assert "Er is nog geen PDF van dit verslag gemaakt." in page
    assert f'href="{_url(big.meeting)}"' in page


def test_a_small_meeting_gets_its_pdf_at_once(as_viewer, workspace, db_tasks):
    world = held_meeting(workspace)
    response = as_viewer.get(_url(world.meeting))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert not ReportPdf.objects.exists() and not _tasks().exists()


@pytest.mark.django_db(transaction=True)
def test_the_db_worker_runs_the_build(as_viewer, big):
    assert as_viewer.get(_url(big.meeting)).status_code == 302  # no wrapping transaction: on_commit runs
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    assert ReportPdf.objects.get(meeting=big.meeting).status == Status.READY
    assert as_viewer.get(_url(big.meeting)).status_code == 200


def test_the_report_pdf_carries_the_workspace_look_and_a_new_look_makes_it_stale(
    as_viewer, big, django_capture_on_commit_callbacks, monkeypatch
):
    from allin.workspaces import look_services

    look_services.look_set(
        workspace=big.meeting.process.workspace, primary="#7b1e45", secondary="#2e7d32", font="fira-sans"
    )
    looks = []
    real = report_pdf.render_pdf_from_html
    monkeypatch.setattr(
        report_pdf,
        "render_pdf_from_html",
        lambda html, look_css="": looks.append(look_css) or real(html, look_css),
    )
    _ask(as_viewer, big.meeting, django_capture_on_commit_callbacks)
    report_pdf.report_pdf_build(meeting=big.meeting)
    assert "--allin-primary: #7b1e45;" in looks[-1]
    assert as_viewer.get(_url(big.meeting)).status_code == 200  # the stored PDF, with this look

    look_services.look_set(
        workspace=big.meeting.process.workspace, primary="#00607a", secondary="#2e7d32", font="fira-sans"
    )
    assert _ask(as_viewer, big.meeting, django_capture_on_commit_callbacks).status_code == 302  # built again
    report_pdf.report_pdf_build(meeting=big.meeting)
    assert "--allin-primary: #00607a;" in looks[-1]
