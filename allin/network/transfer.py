"""The network as a spreadsheet: export to Excel (.xlsx) and CSV with the same columns, and import from such a
file. The import first checks every row and lists every problem per row (a dry run); only a file without
problems can be saved, and then all of it in one transaction (services.partners_import)."""

import csv
import io
import itertools

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from allin.core import limits

from . import services
from .catalogue import KIND_LABELS, Share, kind_from_text, kind_label, share_from_text
from .models import CARD_TEXT_MAX, CONTACTS_MAX, Partner

IMPORT_MAX_BYTES = 1024 * 1024
IMPORT_MAX_ROWS = 500
PAYLOAD_MAX_AGE = 3600  # seconds between the dry run and saving it
_PAYLOAD_SALT = "allin.network.import"

# (key, Dutch header). The headers are the file format; they are shown (and accepted) translated too.
_MAIN = [
    ("name", gettext_noop("Naam")),
    ("kind", gettext_noop("Soort")),
    ("description", gettext_noop("Wat doet de organisatie")),
    ("website", gettext_noop("Website")),
    ("ideas", gettext_noop("Ideeën")),
    ("wishes", gettext_noop("Wensen")),
    ("concerns", gettext_noop("Zorgen")),
    ("opportunities", gettext_noop("Kansen")),
    ("process", gettext_noop("Traject")),
    ("share_with", gettext_noop("Delen met")),
    ("consent_given_by", gettext_noop("Toestemming van")),
]
_CONTACT_PARTS = [
    ("name", gettext_noop("Contact %(n)d naam")),
    ("role", gettext_noop("Contact %(n)d functie")),
    ("email", gettext_noop("Contact %(n)d e-mail")),
    ("phone", gettext_noop("Contact %(n)d telefoon")),
]
_INFO = [  # written on export, ignored on import
    ("consent_at", gettext_noop("Toestemming op")),
    ("checked_at", gettext_noop("Ingevuld of gecontroleerd door partner op")),
]
_RISKY_START = ("=", "+", "-", "@", "\t", "\r")


def _columns():
    columns = list(_MAIN)
    for n in range(1, CONTACTS_MAX + 1):
        columns += [(f"contact{n}_{part}", header % {"n": n}) for part, header in _CONTACT_PARTS]
    return columns


def headers() -> list[str]:
    """The header row, in the current language."""
    out = []
    for key, header in [*_columns(), *_INFO]:
        if key.startswith("contact"):
            n = int(key[len("contact")])
            part = key.split("_", 1)[1]
            template = dict(_CONTACT_PARTS)[part]
            out.append(_(template) % {"n": n})
        else:
            out.append(_(header))
    return out


def _safe(value) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_RISKY_START) else text


def _unsafe(value) -> str:
    text = "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return text[1:] if text.startswith("'") and text[1:].startswith(_RISKY_START) else text


def rows_for_export(partners) -> list[list[str]]:
    rows = []
    for p in partners:
        contacts = list(p.contacts.all())[:CONTACTS_MAX]
        row = [
            p.name,
            kind_label(p.kind),
            p.description,
            p.website,
            p.ideas,
            p.wishes,
            p.concerns,
            p.opportunities,
            p.process.name if p.process else "",
            str(Share(p.share_with).label),
            p.consent_given_by,
        ]
        for n in range(CONTACTS_MAX):
            c = contacts[n] if n < len(contacts) else None
            row += [c.name, c.role, c.email, c.phone] if c else ["", "", "", ""]
        checked = p.checked_by_partner_at or p.filled_by_partner_at
        row += [_when(p.consent_at), _when(checked)]
        rows.append([_safe(v) for v in row])
    return rows


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def export_xlsx(partners, *, title) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Netwerk")[:31]
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows_for_export(partners):
        sheet.append(row)
    for column in sheet.columns:
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = 28
        for cell in column[1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.data_type = "s"
    sheet.freeze_panes = "B2"
    book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_csv(partners) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers())
    writer.writerows(rows_for_export(partners))
    return out.getvalue().encode("utf-8-sig")  # the mark makes Dutch Excel read UTF-8


# ---- import ------------------------------------------------------------------------------------------------


class FileProblem(ValidationError):
    """The file as a whole cannot be read (no rows are checked)."""


def read_upload(upload) -> list[list[str]]:
    """The cells of an uploaded .xlsx or .csv, as text, or FileProblem in Dutch."""
    size = getattr(upload, "size", None) or 0
    if size > IMPORT_MAX_BYTES:
        raise FileProblem(
            _("Het bestand is te groot: hoogstens %(kb)d kB.") % {"kb": IMPORT_MAX_BYTES // 1024}
        )
    if size == 0:
        raise FileProblem(_("Het bestand is leeg."))
    name = (getattr(upload, "name", "") or "").lower()
    data = upload.read(IMPORT_MAX_BYTES + 1)
    if name.endswith(".csv"):
        return _read_csv(data)
    if name.endswith(".xlsx"):
        return _read_xlsx(data)
    raise FileProblem(_("Kies een Excel-bestand (.xlsx) of een CSV-bestand (.csv)."))


def _read_xlsx(data):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True, max_row=IMPORT_MAX_ROWS + 2):
            rows.append([_unsafe(v).strip() for v in row[:80]])
        book.close()
    except Exception:  # openpyxl raises many kinds for a broken or foreign file
        raise FileProblem(_("Dit bestand kunnen we niet lezen als Excel-bestand (.xlsx).")) from None
    return rows


def _read_csv(data):
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    try:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        return [
            [_unsafe(v).strip() for v in row[:80]] for row in itertools.islice(reader, IMPORT_MAX_ROWS + 2)
        ]
    except csv.Error:
        raise FileProblem(_("Dit CSV-bestand kunnen we niet lezen.")) from None


def _header_keys():
    """Every accepted spelling of every header (Dutch and the current language), to its key."""
    accepted = {}
    for key, header in [*_columns(), *_INFO]:
        if key.startswith("contact"):
            n = int(key[len("contact")])
            template = dict(_CONTACT_PARTS)[key.split("_", 1)[1]]
            spellings = {template % {"n": n}, _(template) % {"n": n}}
        else:
            spellings = {header, _(header)}
        for spelling in spellings:
            accepted[spelling.casefold()] = key
    return accepted


def check_rows(workspace, cells) -> dict:
    """The dry run. Returns {"rows": [checked rows], "problems": [{"row": n, "messages": [...]}], "file": [...]}:
    "file" holds problems with the file as a whole (wrong columns, too many rows); then rows are not checked."""
    result = {"rows": [], "problems": [], "file": []}
    if not cells or not any(cells[0]):
        result["file"].append(_("De eerste rij moet de kolomnamen hebben, zoals in de export."))
        return result
    accepted = _header_keys()
    header = [h.strip() for h in cells[0]]
    keys, unknown = [], []
    for title in header:
        key = accepted.get(title.casefold()) if title else None
        if title and key is None:
            unknown.append(title)
        keys.append(key)
    required = {"name", "kind"}
    missing = [_(h) for k, h in _MAIN if k in required and k not in keys]
    doubled = sorted({k for k in keys if k and keys.count(k) > 1})
    if unknown:
        result["file"].append(
            _("Deze kolommen kennen we niet: %(cols)s.") % {"cols": ", ".join(unknown[:10])}
        )
    if missing:
        result["file"].append(_("Deze kolommen ontbreken: %(cols)s.") % {"cols": ", ".join(missing)})
    if doubled:
        result["file"].append(_("Een kolom staat er twee keer in."))
    body = cells[1:]
    if len(body) > IMPORT_MAX_ROWS:
        result["file"].append(
            _("Er passen hoogstens %(max)d partners in één bestand.") % {"max": IMPORT_MAX_ROWS}
        )
    if result["file"]:
        return result

    processes = {p.name.casefold(): p for p in workspace.processes.all()}
    existing = {
        name.casefold() for name in Partner.objects.filter(workspace=workspace).values_list("name", flat=True)
    }
    seen = {}
    for number, raw in enumerate(body, start=2):
        values = {k: (raw[i] if i < len(raw) else "") for i, k in enumerate(keys) if k}
        if not any(values.values()):
            continue
        row, messages = _check_row(values, processes)
        name_key = row["name"].casefold()
        if name_key and name_key in seen:
            messages.append(_("Deze partner staat ook in rij %(n)d.") % {"n": seen[name_key]})
        elif name_key:
            seen[name_key] = number
        if name_key in existing:
            messages.append(
                _("Er is al een partner met de naam '%(name)s' in dit netwerk.") % {"name": row["name"]}
            )
        row["row"] = number
        result["rows"].append(row)
        if messages:
            result["problems"].append({"row": number, "name": row["name"], "messages": messages})
    if not result["rows"]:
        result["file"].append(_("Er staan geen partners in het bestand."))
    return result


def _check_row(values, processes):
    messages = []

    def field(check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except ValidationError as error:
            messages.extend(error.messages)
            return ""

    name = field(
        services.clean_text, values.get("name"), max_len=limits.NAME_MAX, label=_("de naam"), required=True
    )
    kind = kind_from_text(values.get("kind"))
    if kind is None:
        messages.append(
            _("Soort '%(value)s' kennen we niet. Kies uit: %(kinds)s.")
            % {"value": values.get("kind", "")[:40], "kinds": ", ".join(str(v) for v in KIND_LABELS.values())}
        )
    row = {"name": name, "kind": kind or "", "website": field(services._clean_website, values.get("website"))}
    for key, label in (
        ("description", _("wat de organisatie doet")),
        ("ideas", _("de ideeën")),
        ("wishes", _("de wensen")),
        ("concerns", _("de zorgen")),
        ("opportunities", _("de kansen")),
    ):
        row[key] = field(
            services.clean_text, values.get(key), max_len=CARD_TEXT_MAX, label=label, multiline=True
        )
    process_name = " ".join(values.get("process", "").split())
    row["process_name"] = process_name
    if process_name and process_name.casefold() not in processes:
        messages.append(
            _("Traject '%(name)s' bestaat niet in deze werkruimte.") % {"name": process_name[:80]}
        )
    share = share_from_text(values.get("share_with"))
    if share is None:
        messages.append(
            _("'Delen met' moet 'niemand', 'traject' of 'werkruimte' zijn, niet '%(value)s'.")
            % {"value": values.get("share_with", "")[:40]}
        )
    row["share_with"] = share or Share.NOBODY
    row["consent_given_by"] = field(
        services.clean_text,
        values.get("consent_given_by"),
        max_len=limits.NAME_MAX,
        label=_("wie toestemming gaf"),
    )
    if share not in (None, Share.NOBODY) and not row["consent_given_by"]:
        messages.append(_("Vul bij 'Toestemming van' in wie toestemming gaf om te delen."))
    contacts = []
    for n in range(1, CONTACTS_MAX + 1):
        contacts.append({part: values.get(f"contact{n}_{part}", "") for part, _h in _CONTACT_PARTS})
    checked = []
    for n, contact in enumerate(contacts, start=1):
        try:
            checked += services.clean_contacts([contact])
        except ValidationError as error:
            messages.extend(_("Contact %(n)d: %(problem)s") % {"n": n, "problem": m} for m in error.messages)
    row["contacts"] = checked
    return row, messages


def payload_dump(workspace, cells) -> str:
    """The file's cells, signed, for the form that saves a clean dry run (no state on the server)."""
    return signing.dumps({"workspace": workspace.pk, "cells": cells}, salt=_PAYLOAD_SALT, compress=True)


def payload_load(workspace, payload):
    """The cells of a dry run, or None when the payload is forged, too old or of another workspace."""
    try:
        data = signing.loads(payload or "", salt=_PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("workspace") != workspace.pk:
        return None
    return data.get("cells")


def import_cells(workspace, cells, *, created_by) -> dict:
    """Check every row again (the network may have changed since the dry run) and save all rows, or none.
    Returns the check's result with "saved": the new partners ([] when there were problems)."""
    result = check_rows(workspace, cells)
    result["saved"] = []
    if result["file"] or result["problems"]:
        return result
    processes = {p.name.casefold(): p for p in workspace.processes.all()}
    for row in result["rows"]:
        row["process"] = processes.get(row["process_name"].casefold()) if row["process_name"] else None
    result["saved"] = services.partners_import(
        workspace=workspace, rows=result["rows"], created_by=created_by
    )
    return result
