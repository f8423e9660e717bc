"""The workbook's pages: working group and question, the experiment log, its one-page PDF and the Excel sheet."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from allin.experiments import services
from allin.experiments.models import Experiment, ExperimentStatus
from tests import factories
from tests.exports.helpers import pdf_reader, pdf_text

pytestmark = pytest.mark.django_db


def _url(name, process, **extra):
    return reverse(name, kwargs={"workspace": process.workspace.slug, "pk": process.pk, **extra})


def _form(**extra):
    data = {
        "question": "Zien we alle jongeren zonder startkwalificatie?",
        "hypothesis": "Een deel staat dubbel in de systemen.",
        "step": "Een nulmeting met RMC en RBL",
        "who": "Anna en Bram",
        "starts_on": "2026-03-09",
        "ends_on": "2026-03-30",
        "status": "loopt",
        "result": "",
        "learned": "",
        "next_step": "",
    }
    return {**data, **extra}


def test_process_page_links_to_the_workbook_pages_only_for_the_workbook(as_facilitator, process, workspace):
    page = as_facilitator.get(
        reverse("process_detail", kwargs={"workspace": workspace.slug, "pk": process.pk})
    )
    assert _url("experiment_list", process) in page.content.decode()
    other = factories.process(workspace, method_slug="all-in")
    page = as_facilitator.get(reverse("process_detail", kwargs={"workspace": workspace.slug, "pk": other.pk}))
    assert "experimenten/" not in page.content.decode()
    assert as_facilitator.get(_url("experiment_list", other)).status_code == 404
    assert as_facilitator.get(_url("workgroup", other)).status_code == 404


def test_facilitator_sets_the_question_and_adds_a_member(as_facilitator, process, anna):
    response = as_facilitator.post(_url("workgroup_question", process), {"text": "Hoe vinden jongeren werk?"})
    assert response.status_code == 302
    as_facilitator.post(_url("workgroup_question", process), {"text": "Hoe vinden jongeren sneller werk?"})
    response = as_facilitator.post(
        _url("workgroup_member_add", process), {"participant": anna.pk, "task": "trekker"}
    )
    assert response.status_code == 302
    page = as_facilitator.get(_url("workgroup", process)).content.decode()
    assert "Hoe vinden jongeren sneller werk?" in page
    assert "1 eerdere versie" in page and "Hoe vinden jongeren werk?" in page
    assert "RMC Teststad" in page and "onderwijs" in page and "trekker" in page


def test_bad_input_gets_a_dutch_message_and_saves_nothing(as_facilitator, process, workspace):
    response = as_facilitator.post(_url("workgroup_question", process), {"text": ""})
    assert response.status_code == 400 and "Vul de vraag in." in response.content.decode()
    response = as_facilitator.post(_url("workgroup_member_add", process), {"participant": "999"})
    assert response.status_code == 400
    response = as_facilitator.post(
        _url("experiment_create", process), _form(starts_on="2026-04-01", ends_on="2026-03-01")
    )
    assert response.status_code == 400 and "einddatum ligt voor de begindatum" in response.content.decode()
    response = as_facilitator.post(_url("experiment_create", process), _form(step="x" * 2001))
    assert response.status_code == 400 and "2000" in response.content.decode()
    response = as_facilitator.post(_url("experiment_create", process), _form(status="klaar"))
    assert response.status_code == 400 and "resultaat of een les" in response.content.decode()
    assert not Experiment.objects.exists() and not process.question_versions.exists()


def test_an_outsiders_participant_cannot_be_added(as_facilitator, process, workspace):
    other = factories.process(workspace, method_slug="werkboek", name="Ander")
    from allin.people import services as people

    stranger = people.participant_create(process=other, name="Zoë", role="professional")
    response = as_facilitator.post(_url("workgroup_member_add", process), {"participant": stranger.pk})
    assert response.status_code == 400
    assert not hasattr(stranger, "working_group_membership")


def test_experiment_create_edit_follow_up_and_delete(as_facilitator, process):
    response = as_facilitator.post(_url("experiment_create", process), _form())
    first = Experiment.objects.get()
    assert response.url == _url("experiment_detail", process, exp_pk=first.pk)
    response = as_facilitator.post(
        _url("experiment_detail", process, exp_pk=first.pk),
        _form(
            status="klaar",
            result="12 dubbel",
            learned="Privacy eerst regelen",
            next_step="Privacy officer vragen",
        ),
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.status, first.learned) == (ExperimentStatus.DONE, "Privacy eerst regelen")

    # a follow-up starts from the next step of the one it follows
    page = as_facilitator.get(_url("experiment_create", process) + f"?na={first.pk}").content.decode()
    assert "Privacy officer vragen" in page
    as_facilitator.post(
        _url("experiment_create", process), _form(follows=str(first.pk), step="Gesprek privacy")
    )
    second = Experiment.objects.get(number=2)
    assert second.follows == first
    log = as_facilitator.get(_url("experiment_list", process)).content.decode()
    assert "Leidde tot" in log and "Kwam voort uit" in log
    detail = as_facilitator.get(_url("experiment_detail", process, exp_pk=second.pk)).content.decode()
    assert "E1 · Zien we alle jongeren" in detail

    as_facilitator.post(_url("experiment_delete", process, exp_pk=first.pk))
    assert list(Experiment.objects.values_list("number", flat=True)) == [2]


def test_viewer_reads_the_log_without_forms(as_viewer, process):
    experiment = services.experiment_create(process=process, question="Vraag", step="Stap")
    page = as_viewer.get(_url("experiment_detail", process, exp_pk=experiment.pk)).content.decode()
    assert "Stap" in page and "<form" not in page.split("<main", 1)[-1]
    assert as_viewer.post(_url("experiment_create", process), _form()).status_code == 403


def test_experiment_of_another_process_is_not_found(as_facilitator, process, workspace):
    other = factories.process(workspace, method_slug="werkboek", name="Ander")
    foreign = services.experiment_create(process=other, question="Vraag", step="Stap")
    assert as_facilitator.get(_url("experiment_detail", process, exp_pk=foreign.pk)).status_code == 404
    assert as_facilitator.post(_url("experiment_delete", process, exp_pk=foreign.pk)).status_code == 404
    assert Experiment.objects.filter(pk=foreign.pk).exists()


def test_log_pdf_is_one_page_with_every_experiment(as_facilitator, process, anna):
    services.member_add(participant=anna)
    services.question_set(process=process, text="Hoe vinden jongeren zonder startkwalificatie werk?")
    previous = None
    for n in range(8):
        previous = services.experiment_create(
            process=process,
            question=f"Vraag {n} " + "over jongeren " * 10,
            step="Een kleine stap " * 12,
            who="Anna",
            status=ExperimentStatus.RUNNING,
            next_step="Verder " * 20,
            follows=previous,
        )
    reader = pdf_reader(as_facilitator.get(_url("experiment_log_pdf", process)))
    assert len(reader.pages) == 1
    text = pdf_text(reader)
    assert "Hoe vinden jongeren zonder startkwalificatie werk?" in text and "Anna (RMC Teststad)" in text
    assert all(f"E{n}" in text for n in range(1, 9))


def test_a_long_log_still_fits_one_page_and_says_what_it_left_out(as_facilitator, process):
    for n in range(30):
        services.experiment_create(process=process, question=f"Vraag {n} " + "lang " * 60, step="Stap " * 300)
    reader = pdf_reader(as_facilitator.get(_url("experiment_log_pdf", process)))
    assert len(reader.pages) == 1
    assert "oudere experimenten staan in het logboek" in pdf_text(reader)


def test_excel_export_has_the_experiment_sheet_for_the_workbook(as_facilitator, process, workspace):
    first = services.experiment_create(process=process, question="=SOM(A1)", step="Stap", who="Anna")
    services.experiment_create(process=process, question="Vervolg", step="Stap 2", follows=first)
    response = as_facilitator.get(
        reverse("process_actions_xlsx", kwargs={"workspace": workspace.slug, "pk": process.pk})
    )
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Experimenten"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][:2] == ("E1", "=SOM(A1)") and sheet["B2"].data_type == "s"
    assert rows[0][12] == "E2" and rows[1][11] == "E1"
    other = factories.process(workspace, method_slug="all-in")
    response = as_facilitator.get(
        reverse("process_actions_xlsx", kwargs={"workspace": workspace.slug, "pk": other.pk})
    )
    assert "Experimenten" not in load_workbook(io.BytesIO(response.content)).sheetnames
