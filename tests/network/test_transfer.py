"""Export to Excel and CSV, and import from the same file: a dry run that lists every problem per row, and an
import that saves every row or none."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from allin.network import transfer
from allin.network.catalogue import Share
from allin.network.models import Partner
from allin.workspaces.models import Membership

from . import factories


def _xlsx(rows, name="netwerk.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def _filled_network(workspace, process):
    roc = factories.partner(
        workspace,
        "ROC Voorbeeld",
        share=Share.PROCESS,
        process=process,
        website="https://roc.example",
        ideas="=1+1 is geen formule",  # a spreadsheet must not run it
        wishes="- leerplekken\n- stages",
        contacts=[
            {
                "name": "Fatma",
                "role": "loopbaanadviseur",
                "email": "fatma@roc.example",
                "phone": "0612345678",
            },
            {"name": "Piet", "role": "decaan", "email": "", "phone": "+31 30 123"},
        ],
    )
    youth = factories.partner(workspace, "Jongerenwerk", kind="jongerenwerk", contacts=[])
    return [roc, youth]


def _card_facts(partner):
    return (
        partner.name,
        partner.kind,
        partner.description,
        partner.website,
        partner.ideas,
        partner.wishes,
        partner.concerns,
        partner.opportunities,
        partner.process.name if partner.process else None,
        partner.share_with,
        partner.consent_given_by,
        [(c.name, c.role, c.email, c.phone) for c in partner.contacts.all()],
    )


def _other_workspace_with_the_same_process(outsider, process):
    other = Membership.objects.get(user=outsider).workspace
    other.processes.create(
        name=process.name,
        method_slug=process.method_slug,
        method_name="ALL-IN",
        start_date=process.start_date,
    )
    return other


@pytest.mark.parametrize("extension", ["xlsx", "csv"])
def test_export_then_import_gives_the_same_cards(
    workspace, allin_process, outsider, as_facilitator, extension
):
    originals = _filled_network(workspace, allin_process)
    response = as_facilitator.get(
        reverse(f"network_export_{extension}", kwargs={"workspace": workspace.slug})
    )
    assert response.status_code == 200
    assert f".{extension}" in response["Content-Disposition"]
    other = _other_workspace_with_the_same_process(outsider, allin_process)
    cells = transfer.read_upload(SimpleUploadedFile(f"netwerk.{extension}", response.content))
    result = transfer.import_cells(other, cells, created_by=outsider)
    assert result["problems"] == [] and result["file"] == []
    copies = {p.name: p for p in Partner.objects.filter(workspace=other)}
    for original in originals:
        assert _card_facts(copies[original.name]) == _card_facts(original)


def test_cells_that_look_like_formulas_are_written_as_text(workspace, allin_process, as_facilitator):
    _filled_network(workspace, allin_process)
    xlsx = as_facilitator.get(reverse("network_export_xlsx", kwargs={"workspace": workspace.slug}))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'=1+1 is geen formule" in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    text = as_facilitator.get(reverse("network_export_csv", kwargs={"workspace": workspace.slug})).content
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Naam", "Soort"]
    assert any("'=1+1 is geen formule" in row for row in rows)


def test_the_dry_run_lists_every_problem_per_row_and_saves_nothing(workspace):
    factories.partner(workspace, "ROC Voorbeeld")
    header = ["Naam", "Soort", "Contact 1 naam", "Contact 1 e-mail", "Delen met", "Toestemming van"]
    cells = transfer.read_upload(
        _xlsx(
            [
                header,
                ["Jongerenwerk", "Jongerenwerk", "Yusuf", "yusuf@jw.example", "werkruimte", "Yusuf"],
                ["roc voorbeeld", "Mbo-instelling", "", "", "", ""],  # already in the network
                ["Bakkerij", "Bakkerij", "Ans", "ans-at-bakkerij", "", ""],  # unknown kind and bad e-mail
                ["Jongerenwerk", "Jongerenwerk", "", "", "", ""],  # twice in the file
                [None, None, None, None, None, None],  # empty rows are skipped
                ["", "Gemeente", "", "", "iedereen", ""],  # no name, unknown share
                ["Kerk", "informeel", "", "", "traject", ""],  # shared without who gave consent
            ]
        )
    )
    result = transfer.check_rows(workspace, cells)
    problems = {p["row"]: " | ".join(p["messages"]) for p in result["problems"]}
    assert set(problems) == {3, 4, 5, 7, 8}
    assert "Er is al een partner met de naam 'roc voorbeeld'" in problems[3]
    assert "Soort 'Bakkerij' kennen we niet" in problems[4]
    assert "Contact 1: 'ans-at-bakkerij' is geen e-mailadres" in problems[4]
    assert "Deze partner staat ook in rij 2." in problems[5]
    assert "Vul de naam in." in problems[7] and "'Delen met' moet" in problems[7]
    assert "Vul bij 'Toestemming van' in wie toestemming gaf" in problems[8]
    assert Partner.objects.filter(workspace=workspace).count() == 1


@pytest.mark.parametrize(
    "header, message",
    [
        (["Naam", "Soort", "Telefoonnummer"], "Deze kolommen kennen we niet: Telefoonnummer."),
        (["Naam", "Website"], "Deze kolommen ontbreken: Soort."),
        (["Naam", "Soort", "Naam"], "Een kolom staat er twee keer in."),
        ([None, None], "De eerste rij moet de kolomnamen hebben"),
    ],
)
def test_wrong_columns_are_named_before_any_row(workspace, header, message):
    cells = transfer.read_upload(_xlsx([header, ["ROC", "mbo", ""]]))
    result = transfer.check_rows(workspace, cells)
    assert message in " ".join(result["file"])
    assert result["problems"] == []


def test_unreadable_files_are_refused_in_dutch(workspace):
    with pytest.raises(transfer.FileProblem, match="niet lezen als Excel"):
        transfer.read_upload(SimpleUploadedFile("netwerk.xlsx", b"dit is geen excel"))
    with pytest.raises(transfer.FileProblem, match="Kies een Excel-bestand"):
        transfer.read_upload(SimpleUploadedFile("netwerk.pdf", b"%PDF-1.7"))
    with pytest.raises(transfer.FileProblem, match="te groot"):
        transfer.read_upload(SimpleUploadedFile("netwerk.csv", b"x" * (transfer.IMPORT_MAX_BYTES + 1)))


def test_import_page_dry_run_then_save(workspace, as_facilitator):
    url = reverse("network_import", kwargs={"workspace": workspace.slug})
    upload = _xlsx([["Naam", "Soort"], ["ROC Voorbeeld", "mbo"], ["Jongerenwerk", "jongerenwerk"]])
    dry = as_facilitator.post(url, {"file": upload})
    page = dry.content.decode()
    assert dry.status_code == 200 and "2 partners klaar om te importeren" in page
    assert not Partner.objects.exists()  # a dry run saves nothing
    payload = dry.context["payload"]
    saved = as_facilitator.post(url, {"payload": payload})
    assert saved.status_code == 302
    assert sorted(Partner.objects.values_list("name", flat=True)) == ["Jongerenwerk", "ROC Voorbeeld"]
    again = as_facilitator.post(url, {"payload": payload})  # the same file twice: now all duplicates
    assert again.status_code == 400 and "Er is al een partner" in again.content.decode()
    assert Partner.objects.count() == 2


def test_import_page_with_problems_offers_no_save(workspace, as_facilitator):
    url = reverse("network_import", kwargs={"workspace": workspace.slug})
    response = as_facilitator.post(url, {"file": _xlsx([["Naam", "Soort"], ["ROC", "ruimteschip"]])})
    page = response.content.decode()
    assert response.status_code == 400
    assert "1 rij heeft een probleem. Er is niets opgeslagen." in page and 'name="payload"' not in page


def test_a_tampered_or_foreign_payload_saves_nothing(workspace, outsider, as_facilitator):
    url = reverse("network_import", kwargs={"workspace": workspace.slug})
    foreign = transfer.payload_dump(
        Membership.objects.get(user=outsider).workspace, [["Naam", "Soort"], ["X", ""]]
    )
    for payload in ("niets", foreign):
        response = as_facilitator.post(url, {"payload": payload})
        assert response.status_code == 400 and "Kies het bestand opnieuw" in response.content.decode()
    assert not Partner.objects.exists()


def test_an_upload_over_the_limit_is_refused_before_reading(workspace, as_facilitator):
    url = reverse("network_import", kwargs={"workspace": workspace.slug})
    big = SimpleUploadedFile("netwerk.csv", b"Naam;Soort\n" + b"x" * (transfer.IMPORT_MAX_BYTES + 70 * 1024))
    response = as_facilitator.post(url, {"file": big})
    assert response.status_code == 400 and "te groot" in response.content.decode()


def test_the_import_is_all_or_nothing(workspace, monkeypatch):
    from allin.network import services

    real = services.partner_create
    calls = []

    def second_fails(**kwargs):
        calls.append(kwargs["name"])
        if len(calls) == 2:
            raise services.ValidationError("kapot")
        return real(**kwargs)

    monkeypatch.setattr(services, "partner_create", second_fails)
    cells = [["Naam", "Soort"], ["Een", "mbo"], ["Twee", "mbo"]]
    with pytest.raises(services.ValidationError):
        transfer.import_cells(workspace, cells, created_by=None)
    assert not Partner.objects.exists()
