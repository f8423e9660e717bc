"""The owner's export and the deletion of a workspace: every row that belongs to a workspace is found by following
foreign keys through the app registry (so later apps' models are included without a change), exported as JSON
with the uploaded files, and deleted after the name was typed, uploads included. The demo workspace has data in
every app; a second workspace beside it must come out untouched."""

import io
import json
import uuid
import zipfile
from collections import defaultdict

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from allin.live import notes, photo_cards
from allin.live import services as live_services
from allin.live.models import Note
from allin.workspaces import export, services
from allin.workspaces.models import Membership, Role, User, Workspace
from tests import factories
from tests.conftest import client_for


def _jpeg(colour=(11, 83, 148)):
    from PIL import Image

    data = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(data, "JPEG")
    return SimpleUploadedFile("foto.jpg", data.getvalue())


def _fill(workspace, by, text):
    """A process with a live meeting, a note and a photo card."""
    process = factories.process(workspace, by=by)
    meeting = process.meetings.order_by("date", "pk").first()
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    live_services.item_goto(live=live, item=meeting.items.first())
    board = live_services.activity_start(live=live, item=meeting.items.first())
    attendee = live_services.attendee_join(live=live, name="Sam", role="jongere")
    notes.note_create(
        activity=board,
        attendee=attendee,
        text=text,
        category=(board.categories or [""])[0],
        client_id=uuid.uuid4(),
    )
    return photo_cards.photo_card_upload(workspace=workspace, upload=_jpeg(), alt_text="Een brug")


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())
    workspace = Workspace.objects.get(slug="gemeente-voorbeeld")
    owner = User.objects.get(email="demo@allin.example")
    card = _fill(workspace, owner, "Geheime tip van de demo")
    return workspace, owner, card


@pytest.fixture
def other(db):
    workspace = factories.workspace("Gemeente Buren")
    owner = factories.member(workspace, Role.OWNER, full_name="Bram Buur")
    card = _fill(workspace, owner, "Tip van de buren")
    return workspace, owner, card


def _reachable_models():
    """Models with a chain of foreign keys to Workspace, computed from the schema alone (not from rows)."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    reached, changed = {Workspace}, True
    while changed:
        changed = False
        for model in apps.get_models(include_auto_created=True):
            if model in reached or model is user_model:
                continue
            targets = {
                f.related_model._meta.concrete_model
                for f in model._meta.concrete_fields
                if f.is_relation and (f.many_to_one or f.one_to_one)
            }
            if targets & reached:
                reached.add(model)
                changed = True
    return reached


def test_every_row_of_every_workspace_model_belongs_to_exactly_one_workspace(demo, other):
    ours, theirs = export.rows_of(demo[0]), export.rows_of(other[0])
    models = _reachable_models()
    assert set(ours) <= models and set(theirs) <= models
    for model in models:
        everything = set(model._base_manager.values_list("pk", flat=True))
        assert ours.get(model, set()) | theirs.get(model, set()) == everything, model
        assert not ours.get(model, set()) & theirs.get(model, set()), model
    # The demo has data in the apps the walk must reach through several hops.
    labels = {model._meta.label_lower for model in ours}
    assert {
        "processes.process",
        "processes.agendaitem",
        "live.note",
        "live.attendee",
        "live.photocard",
    } <= labels
    assert "workspaces.membership" in labels


def _zip(workspace):
    return zipfile.ZipFile(io.BytesIO(export.export_bytes(workspace)))


def test_the_export_holds_every_row_the_files_and_no_passwords(demo, other):
    workspace, owner, card = demo
    archive = _zip(workspace)
    names = set(archive.namelist())
    found = export.rows_of(workspace)
    for model, pks in found.items():
        rows = list(serializers.deserialize("json", archive.read(f"data/{model._meta.label_lower}.json")))
        assert {row.object.pk for row in rows} == pks, model
    note_texts = [row["fields"]["text"] for row in json.loads(archive.read("data/live.note.json"))]
    assert "Geheime tip van de demo" in note_texts
    assert "Tip van de buren" not in note_texts  # the other workspace stays out
    assert f"files/{card.image.name}" in names
    with default_storage.open(card.image.name, "rb") as image:
        assert archive.read(f"files/{card.image.name}") == image.read()
    accounts = json.loads(archive.read("accounts.json"))
    assert owner.email in {a["email"] for a in accounts}
    assert other[1].email not in {a["email"] for a in accounts}
    assert "password" not in archive.read("accounts.json").decode()
    assert "README.txt" in names


def _counts():
    return {model: model._base_manager.count() for model in _reachable_models()}


def test_deleting_needs_the_exact_name_and_changes_nothing_otherwise(demo):
    workspace = demo[0]
    before = _counts()
    for typed in ("", "Gemeente", "Gemeente Voorbeeldig"):
        with pytest.raises(ValidationError):
            services.workspace_delete(workspace=workspace, confirm_name=typed)
    assert _counts() == before


def test_deleting_removes_every_row_and_upload_and_leaves_the_other_workspace(
    demo, other, django_capture_on_commit_callbacks
):
    workspace, owner, card = demo
    ours, theirs = export.rows_of(workspace), export.rows_of(other[0])
    files = export.uploaded_files(ours)
    assert card.image.name in files and all(default_storage.exists(name) for name in files)
    with django_capture_on_commit_callbacks(execute=True):
        deleted = services.workspace_delete(workspace=workspace, confirm_name="  gemeente   voorbeeld ")
    assert deleted == sum(len(pks) for pks in ours.values())
    left = defaultdict(set)
    for model, pks in ours.items():
        left[model] = set(model._base_manager.filter(pk__in=pks).values_list("pk", flat=True))
    assert not any(left.values()), {m: p for m, p in left.items() if p}
    assert not any(default_storage.exists(name) for name in files)
    assert not Note.objects.filter(text="Geheime tip van de demo").exists()
    assert export.rows_of(other[0]) == theirs
    assert default_storage.exists(other[2].image.name)
    assert User.objects.filter(pk=owner.pk).exists()  # accounts stay; they may work elsewhere


# views


def test_the_data_page_is_for_owners(workspace, owner, facilitator):
    url = reverse("workspace_data", args=[workspace.slug])
    response = client_for(owner).get(url)
    assert response.status_code == 200
    assert reverse("workspace_export", args=[workspace.slug]).encode() in response.content
    assert client_for(facilitator).get(url).status_code == 403
    members = client_for(owner).get(reverse("members", args=[workspace.slug]))
    assert url.encode() in members.content


def test_the_export_view_sends_a_zip(workspace, owner):
    response = client_for(owner).get(reverse("workspace_export", args=[workspace.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "data/workspaces.workspace.json" in archive.namelist()


def test_a_wrong_name_is_refused_with_a_dutch_message(workspace, owner):
    response = client_for(owner).post(
        reverse("workspace_delete", args=[workspace.slug]), {"confirm_name": "iets anders"}
    )
    assert response.status_code == 400
    assert "Typ de naam van de werkruimte precies over" in response.content.decode()
    assert Workspace.objects.filter(pk=workspace.pk).exists()


def test_the_right_name_deletes_and_goes_home(workspace, owner):
    client = client_for(owner)
    response = client.post(
        reverse("workspace_delete", args=[workspace.slug]), {"confirm_name": workspace.name}
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert not Workspace.objects.filter(pk=workspace.pk).exists()
    assert not Membership.objects.filter(workspace_id=workspace.pk).exists()
    assert "is verwijderd" in client.get(reverse("home")).content.decode()
