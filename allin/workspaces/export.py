"""Everything that belongs to a workspace, found generically: start at the Workspace row and follow every foreign
key that points *into* what was found so far, through Django's app registry, until nothing new turns up. A model
that a later app adds (with a foreign key to a process, a meeting, a partner …) is included without a change here.

Used twice: the owner's export (a ZIP of JSON per model plus the uploaded files) and the deletion of a workspace
(the uploaded files to remove once the rows are gone)."""

import io
import json
import zipfile
from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

from .models import Workspace

# Accounts are shared between workspaces: a member's name and address belong in the export, not their password.
USER_FIELDS = ("email", "full_name", "date_joined", "last_login")


def _incoming_keys():
    """model -> [(field, target model)] for every FK / one-to-one that points at another model."""
    keys = defaultdict(list)
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and (field.many_to_one or field.one_to_one):
                keys[model].append((field, field.related_model._meta.concrete_model))
    return keys


def chunks(values, size=500):
    values = sorted(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def rows_of(workspace: Workspace) -> dict:
    """{model: set of primary keys} of every row that belongs to the workspace (the Workspace row included).
    Breadth first: each round only follows the keys into rows that the previous round found."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    incoming = defaultdict(list)  # target model -> [(model, field)]
    for model, fields in _incoming_keys().items():
        if model is user_model or model._meta.proxy:
            continue  # accounts live beside workspaces; they are listed separately
        for field, target in fields:
            incoming[target].append((model, field))
    found = {Workspace: {workspace.pk}}
    frontier = {Workspace: {workspace.pk}}
    while frontier:
        reached = defaultdict(set)
        for target, pks in frontier.items():
            for model, field in incoming.get(target, ()):
                for chunk in chunks(pks):
                    reached[model].update(
                        model._base_manager.filter(**{f"{field.name}__pk__in": chunk}).values_list(
                            "pk", flat=True
                        )
                    )
        frontier = {}
        for model, pks in reached.items():
            new = pks - found.get(model, set())
            if new:
                found.setdefault(model, set()).update(new)
                frontier[model] = new
    return found


def _file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def uploaded_files(found: dict) -> list[str]:
    """Storage names of every uploaded file referenced by the rows."""
    names = []
    for model, pks in found.items():
        for field in _file_fields(model):
            names += [
                name
                for chunk in chunks(pks)
                for name in model._base_manager.filter(pk__in=chunk).values_list(field.attname, flat=True)
                if name
            ]
    return sorted(set(names))


def _members(found: dict) -> list[dict]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    ids = set()
    for model, pks in found.items():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                for chunk in chunks(pks):
                    ids.update(
                        model._base_manager.filter(pk__in=chunk)
                        .exclude(**{field.attname: None})
                        .values_list(field.attname, flat=True)
                    )
    return [
        {"id": row["pk"], **{k: row[k] for k in USER_FIELDS}}
        for chunk in chunks(ids)
        for row in user_model.objects.filter(pk__in=chunk).order_by("pk").values("pk", *USER_FIELDS)
    ]


def export_zip(workspace: Workspace, out) -> None:
    """Write the workspace as a ZIP to the binary file `out`: data/<app>.<model>.json per model (Django's JSON
    serialisation: model, pk, fields), accounts.json (members without passwords), files/<name> for uploads and a
    README.txt that says what is where."""
    found = rows_of(workspace)
    files = uploaded_files(found)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        counts = {}
        for model in sorted(found, key=lambda m: m._meta.label_lower):
            rows = [
                row
                for chunk in chunks(found[model])
                for row in model._base_manager.filter(pk__in=chunk).order_by("pk")
            ]
            archive.writestr(
                f"data/{model._meta.label_lower}.json",
                serializers.serialize("json", rows, indent=1, ensure_ascii=False),
            )
            counts[model._meta.label_lower] = len(found[model])
        archive.writestr(
            "accounts.json", json.dumps(_members(found), indent=1, ensure_ascii=False, default=str)
        )
        missing = []
        for name in files:
            try:
                with default_storage.open(name, "rb") as source:
                    archive.writestr(f"files/{name}", source.read())
            except (FileNotFoundError, OSError):
                missing.append(name)
        archive.writestr(
            "README.txt",
            _readme(workspace, counts, files, missing),
        )


def _readme(workspace, counts, files, missing) -> str:
    lines = [
        f"ALL-IN: alle gegevens van de werkruimte {workspace.name}",
        f"Gemaakt op {timezone.localtime():%Y-%m-%d %H:%M}.",
        "",
        "data/    een JSON-bestand per soort gegeven (Django-serialisatie: model, pk, fields)",
        "accounts.json    de leden en andere betrokken accounts (zonder wachtwoord)",
        "files/   de geüploade bestanden (foto's)",
        "",
        "Aantallen:",
        *(f"  {label}: {count}" for label, count in counts.items()),
        f"  bestanden: {len(files) - len(missing)}",
    ]
    if missing:
        lines += ["", "Niet gevonden op de server:", *(f"  {name}" for name in missing)]
    return "\n".join(lines) + "\n"


def export_bytes(workspace: Workspace) -> bytes:
    buffer = io.BytesIO()
    export_zip(workspace, buffer)
    return buffer.getvalue()
