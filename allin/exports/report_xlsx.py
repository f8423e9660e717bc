"""The actions of a process as an Excel workbook (openpyxl): one row per action, and a sheet with the counts per
organisation and status. Text that a spreadsheet would run as a formula (=, +, -, @) is stored as plain text."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from allin.experiments import selectors as experiment_selectors

from . import report_actions

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _put(sheet, row: int, column: int, value):
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # never a formula
        cell.quotePrefix = True
    return cell


def _header(sheet, titles, widths):
    for column, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        _put(sheet, 1, column, title).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"


def action_rows(process) -> list[list]:
    """The cells of the action sheet, one list per action (without the header)."""
    out = []
    for row in report_actions.process_actions(process):
        out.append(
            [
                row.title,
                row.what,
                row.organisation,
                row.owner,
                row.due,
                row.status_label,
                row.reason,
                _("ja") if row.overdue else _("nee"),
                "\n".join(row.sources),
                row.last_update,
            ]
        )
    return out


def actions_workbook(process) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Acties")[:31]
    titles = [
        _("Titel"),
        _("Wat er gebeurt"),
        _("Organisatie"),
        _("Eigenaar"),
        _("Klaar op"),
        _("Status"),
        _("Reden"),
        _("Te laat"),
        _("Antwoord op tips"),
        _("Laatste voortgang"),
    ]
    _header(sheet, titles, [36, 48, 26, 30, 12, 16, 30, 9, 48, 40])
    rows = action_rows(process)
    for r, cells in enumerate(rows, start=2):
        for c, value in enumerate(cells, start=1):
            cell = _put(sheet, r, c, value)
            if c == 5 and value is not None:
                cell.number_format = "DD-MM-YYYY"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{len(rows) + 1}"

    table = report_actions.by_organisation(report_actions.process_actions(process))
    counts = book.create_sheet(_("Per organisatie")[:31])
    _header(
        counts,
        [_("Organisatie"), *table["statuses"], _("Totaal"), _("Te laat")],
        [30] + [14] * (len(table["statuses"]) + 2),
    )
    for r, line in enumerate(table["rows"], start=2):
        for c, value in enumerate([line["name"], *line["cells"], line["total"], line["overdue"]], start=1):
            _put(counts, r, c, value)
    if experiment_selectors.uses_experiments(process):
        _experiment_sheet(book, process)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def experiment_rows(process) -> list[list]:
    """The cells of the workbook method's experiment sheet, one list per experiment (without the header)."""
    out = []
    for e in experiment_selectors.experiments(process):
        out.append(
            [
                e.label,
                e.question,
                e.hypothesis,
                e.step,
                e.who,
                e.starts_on,
                e.ends_on,
                e.get_status_display(),
                e.result,
                e.learned,
                e.next_step,
                e.follows.label if e.follows else "",
                ", ".join(f.label for f in e.follow_up_list),
            ]
        )
    return out


def _experiment_sheet(book, process):
    sheet = book.create_sheet(_("Experimenten")[:31])
    titles = [
        _("Nummer"),
        _("Wat testen we"),
        _("Wat verwachten we"),
        _("De kleine stap"),
        _("Wie"),
        _("Van"),
        _("Tot"),
        _("Status"),
        _("Resultaat"),
        _("Wat we leerden"),
        _("Volgende stap"),
        _("Kwam voort uit"),
        _("Leidde tot"),
    ]
    _header(sheet, titles, [9, 40, 36, 40, 24, 12, 12, 12, 40, 40, 36, 12, 14])
    for r, cells in enumerate(experiment_rows(process), start=2):
        for c, value in enumerate(cells, start=1):
            cell = _put(sheet, r, c, value)
            if c in (6, 7) and value is not None:
                cell.number_format = "DD-MM-YYYY"
