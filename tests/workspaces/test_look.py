"""A workspace's own look: the owner sets colours, font and logo; a pair below WCAG AA is refused naming the pair;
a preview shows it unsaved; staff pages, phones, the projector, the feedback page, PDFs and slides carry it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from allin.demo.look import logo_png
from allin.workspaces import look, look_services, look_store
from allin.workspaces.models import WorkspaceLook
from tests import factories


def _post(client, workspace, **data):
    fields = {
        "primary": "#7b1e45",
        "secondary": "#2e7d32",
        "font": "atkinson-hyperlegible",
        "save": "1",
        **data,
    }
    return client.post(reverse("workspace_look", kwargs={"workspace": workspace.slug}), fields)


def test_contrast_follows_wcag():
    assert round(look.contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(look.contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes on white


def test_a_pale_primary_is_refused_naming_the_pair_and_why(as_owner, workspace):
    response = _post(as_owner, workspace, primary="#ffcc00")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Hoofdkleur #ffcc00 en wit hebben te weinig contrast: 1,5:1, nodig is 4,5:1" in page
    assert "WCAG 1.4.3" in page
    assert not WorkspaceLook.objects.filter(workspace=workspace).exists()


def test_a_pale_secondary_is_refused_with_its_own_reason(as_owner, workspace):
    page = _post(as_owner, workspace, secondary="#c8e6c9").content.decode()
    assert "Tweede kleur #c8e6c9 en wit hebben te weinig contrast" in page and "nodig is 3:1" in page
    assert not WorkspaceLook.objects.filter(workspace=workspace).exists()


def test_a_colour_that_is_no_colour_gets_a_dutch_message(as_owner, workspace):
    page = _post(as_owner, workspace, primary="rood").content.decode()
    assert "Schrijf een kleur als #" in page


def test_the_preview_shows_the_look_without_saving(as_owner, workspace):
    response = _post(as_owner, workspace, save="", preview="1")
    page = response.content.decode()
    assert response.status_code == 200 and "Er is nog niets opgeslagen" in page
    assert "look-preview" in page and "voorbeeld.css?primary=%237b1e45" in page
    assert not WorkspaceLook.objects.filter(workspace=workspace).exists()
    css = as_owner.get(
        reverse("look_preview_css", kwargs={"workspace": workspace.slug})
        + "?primary=%237b1e45&secondary=%232e7d32&font=fira-sans"
    )
    assert css["Content-Type"].startswith("text/css")
    assert ".look-preview {" in css.content.decode() and "--allin-primary: #7b1e45;" in css.content.decode()


def test_saving_maps_the_look_onto_the_tokens_on_every_staff_page(as_owner, workspace):
    response = _post(as_owner, workspace)
    assert response.status_code == 302
    record = WorkspaceLook.objects.get(workspace=workspace)
    page = as_owner.get(reverse("members", kwargs={"workspace": workspace.slug})).content.decode()
    css_url = reverse("look_css", kwargs={"key": record.key})
    assert page.index("core/tokens.css") < page.index(css_url)
    css = as_owner.get(css_url)
    text = css.content.decode()
    assert "--allin-primary: #7b1e45;" in text and "--allin-secondary: #2e7d32;" in text
    assert (
        '--allin-font: "Atkinson Hyperlegible"' in text
        and "atkinson-hyperlegible-latin-400-normal.woff2" in text
    )
    assert "immutable" in css["Cache-Control"]
    tokens = look.tokens(primary="#7b1e45", secondary="#2e7d32", font_key="system")
    assert look.contrast(tokens["--allin-primary"], tokens["--allin-primary-subtle"]) >= 4.5
    assert look.contrast(tokens["--allin-primary-hover"], "#ffffff") > look.contrast("#7b1e45", "#ffffff")


def test_a_new_look_gets_a_new_address(as_owner, workspace):
    _post(as_owner, workspace)
    first = WorkspaceLook.objects.get(workspace=workspace).key
    _post(as_owner, workspace, primary="#00607a")
    second = WorkspaceLook.objects.get(workspace=workspace).key
    assert first != second
    assert as_owner.get(reverse("look_css", kwargs={"key": first})).status_code == 404


def test_the_logo_is_rewritten_as_a_small_png(as_owner, workspace):
    upload = SimpleUploadedFile("logo.png", logo_png("Gemeente Test"), content_type="image/png")
    _post(as_owner, workspace, logo=upload)
    record = WorkspaceLook.objects.get(workspace=workspace)
    assert record.has_logo and record.logo_width <= 480 and record.logo_height <= 160
    response = as_owner.get(reverse("look_logo", kwargs={"key": record.key}))
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).format == "PNG"
    page = as_owner.get(reverse("members", kwargs={"workspace": workspace.slug})).content.decode()
    assert f'alt="{workspace.name}"' in page and reverse("look_logo", kwargs={"key": record.key}) in page


def test_a_file_that_is_no_image_is_refused_and_nothing_saved(as_owner, workspace):
    upload = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    page = _post(as_owner, workspace, logo=upload).content.decode()
    assert "Het logo moet een PNG-, JPEG- of WebP-afbeelding zijn." in page
    assert not WorkspaceLook.objects.filter(workspace=workspace).exists()


def test_back_to_the_standard_look(as_owner, workspace):
    _post(as_owner, workspace)
    as_owner.post(reverse("workspace_look", kwargs={"workspace": workspace.slug}), {"reset": "1"})
    assert not WorkspaceLook.objects.filter(workspace=workspace).exists()
    page = as_owner.get(reverse("members", kwargs={"workspace": workspace.slug})).content.decode()
    assert "/huisstijl/" not in page.split("</head>")[0]


def test_only_owners_set_the_look(as_facilitator, workspace):
    assert _post(as_facilitator, workspace).status_code == 403


@pytest.fixture
def looked(workspace):
    upload = SimpleUploadedFile("logo.png", logo_png("Gemeente Test"), content_type="image/png")
    return look_services.look_set(
        workspace=workspace, primary="#7b1e45", secondary="#2e7d32", font="fira-sans", logo_upload=upload
    )


def test_phones_and_the_projector_carry_the_look(client, workspace, facilitator, looked):
    from allin.live import services as live_services

    meeting = factories.meeting(factories.process(workspace, by=facilitator))
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    css_url = reverse("look_css", kwargs={"key": looked.key})
    join = client.get(reverse("live_join", kwargs={"code": live.code})).content.decode()
    assert css_url in join and reverse("look_logo", kwargs={"key": looked.key}) in join
    projector = client.get(reverse("live_projector", kwargs={"code": live.code, "key": live.projector_key}))
    assert css_url in projector.content.decode()


def test_another_workspace_keeps_its_own_look(client, looked, facilitator):
    from allin.live import services as live_services

    other = factories.workspace("Gemeente Anders")
    meeting = factories.meeting(factories.process(other, by=facilitator))
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    join = client.get(reverse("live_join", kwargs={"code": live.code})).content.decode()
    assert looked.key not in join


def test_pdfs_carry_the_look(workspace, looked):
    css = look_store.pdf_css(workspace)
    assert "--allin-primary: #7b1e45;" in css and '"Fira Sans", "DejaVu Sans"' in css
    assert "file://" in css and "fira-sans-latin-700-normal.woff2" in css
    assert look_store.logo_data_uri(workspace).startswith("data:image/png;base64,")


def test_slides_carry_the_look(workspace, facilitator, looked):
    from pptx import Presentation
    from pptx.dml.color import RGBColor

    from allin.exports.slides import build

    meeting = factories.meeting(factories.process(workspace, by=facilitator))
    content = build(meeting, look=looked, logo=look_store.logo_bytes(workspace))
    slide = Presentation(io.BytesIO(content)).slides[0]
    names = [shape.name for shape in slide.shapes]
    assert "Huisstijlband" in names and "Logo" in names
    colours = {
        run.font.color.rgb
        for shape in slide.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for run in p.runs
        if run.font.color and run.font.color.type is not None
    }
    assert RGBColor.from_string("7B1E45") in colours
    fonts = {
        run.font.name
        for s in slide.shapes
        if s.has_text_frame
        for p in s.text_frame.paragraphs
        for run in p.runs
    }
    assert fonts == {"Fira Sans"}
