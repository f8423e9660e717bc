"""A meeting as PowerPoint slides (python-pptx), for facilitators who present from their own laptop: title,
programme with clock times, the join slide with its QR code, one slide per agenda item, and once the meeting
has been held a results slide per live activity."""

import io
from datetime import datetime

import segno
from django.utils import formats
from django.utils.translation import gettext as _
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt

from allin.processes.selectors import agenda_plan
from allin.workspaces import look

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
INK = RGBColor(0x14, 0x14, 0x2B)
ACCENT = RGBColor(0x07, 0x37, 0x63)
MUTED = RGBColor(0x4A, 0x4A, 0x5A)
MAX_LINES = 12
BODY_TOP = Inches(2.3)


def _blank(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])


def _text(slide, text, *, left, top, width, height, size, bold=False, color=INK):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, color
    return frame


def _title(slide, text, subtitle=""):
    _text(
        slide,
        text,
        left=Inches(0.7),
        top=Inches(0.5),
        width=WIDTH - Inches(1.4),
        height=Inches(1.2),
        size=36,
        bold=True,
        color=ACCENT,
    )
    if subtitle:
        _text(
            slide,
            subtitle,
            left=Inches(0.7),
            top=Inches(1.55),
            width=WIDTH - Inches(1.4),
            height=Inches(0.6),
            size=18,
            color=MUTED,
        )


def _bullets(slide, lines, *, top=BODY_TOP, size=22):
    frame = _text(
        slide,
        lines[0] if lines else "",
        left=Inches(0.9),
        top=top,
        width=WIDTH - Inches(1.8),
        height=HEIGHT - top - Inches(0.5),
        size=size,
    )
    for line in lines[1:MAX_LINES]:
        paragraph = frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.color.rgb = Pt(size), INK
        paragraph.space_before = Pt(6)
    if len(lines) > MAX_LINES:
        paragraph = frame.add_paragraph()
        run = paragraph.add_run()
        run.text = _("… en nog %(n)d") % {"n": len(lines) - MAX_LINES}
        run.font.size, run.font.color.rgb = Pt(size - 4), MUTED


def _rgb(colour):
    return RGBColor.from_string(colour.lstrip("#").upper())


def _apply_look(prs, record, logo):
    """The workspace's look on every slide: titles in the primary colour, a band in the secondary colour at the
    top, its font on every text, its logo top right. PowerPoint shows the font where it is installed."""
    primary = _rgb(record.primary) if record else ACCENT
    secondary = _rgb(record.secondary) if record else None
    font = look.font_for(record.font).name if record else ""
    for slide in prs.slides:
        for shape in list(slide.shapes):
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    if run.font.color and run.font.color.type is not None and run.font.color.rgb == ACCENT:
                        run.font.color.rgb = primary
                    if font:
                        run.font.name = font
        if secondary is not None:
            band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(0.18))
            band.fill.solid()
            band.fill.fore_color.rgb = secondary
            band.line.fill.background()
            band.name = "Huisstijlband"
        if logo:
            picture = slide.shapes.add_picture(
                io.BytesIO(logo), WIDTH - Inches(2.4), Inches(0.35), height=Inches(0.7)
            )
            picture.name = "Logo"
            picture._element.nvPicPr.cNvPr.set("descr", record.workspace.name if record else _("Logo"))


def _when(meeting):
    day = formats.date_format(meeting.date, "l j F Y")
    return f"{day}, {meeting.start_time:%H:%M}" + (f" · {meeting.location}" if meeting.location else "")


def build(meeting, *, live=None, results=(), look=None, logo=None) -> bytes:
    """`results` is a list of (item title, {"title", "lines"}) for the activities that were held. `look` is the
    workspace's look record (or None for ALL-IN's own), `logo` its PNG bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    plan = agenda_plan(meeting)

    slide = _blank(prs)
    _text(
        slide,
        meeting.name,
        left=Inches(0.9),
        top=Inches(2.2),
        width=WIDTH - Inches(1.8),
        height=Inches(1.6),
        size=48,
        bold=True,
        color=ACCENT,
    )
    _text(
        slide,
        meeting.process.name,
        left=Inches(0.9),
        top=Inches(3.9),
        width=WIDTH - Inches(1.8),
        height=Inches(0.8),
        size=26,
    )
    _text(
        slide,
        _when(meeting),
        left=Inches(0.9),
        top=Inches(4.7),
        width=WIDTH - Inches(1.8),
        height=Inches(0.8),
        size=20,
        color=MUTED,
    )

    slide = _blank(prs)
    _title(slide, _("Programma"), f"{meeting.start_time:%H:%M} – {plan.end:%H:%M}")
    _bullets(slide, [f"{row.slot.start:%H:%M}   {row.item.title}" for row in plan.rows], size=20)

    if live is not None:
        slide = _blank(prs)
        _title(slide, _("Doe mee op je telefoon"))
        address = f"{live.base_url}/j/{live.code}"
        _text(
            slide,
            _("Ga naar %(address)s") % {"address": address.split("://", 1)[-1]},
            left=Inches(0.7),
            top=Inches(2.0),
            width=Inches(7.5),
            height=Inches(0.8),
            size=24,
        )
        _text(
            slide,
            _("De code is:"),
            left=Inches(0.7),
            top=Inches(3.0),
            width=Inches(7.5),
            height=Inches(0.6),
            size=22,
            color=MUTED,
        )
        _text(
            slide,
            f"{live.code[:3]} {live.code[3:]}",
            left=Inches(0.7),
            top=Inches(3.6),
            width=Inches(7.5),
            height=Inches(1.8),
            size=80,
            bold=True,
            color=ACCENT,
        )
        image = io.BytesIO()
        segno.make(address, error="m").save(image, kind="png", scale=12, border=2)
        image.seek(0)
        picture = slide.shapes.add_picture(image, Inches(8.6), Inches(1.6), height=Inches(4.8))
        picture.name = "QR-code"
        picture._element.nvPicPr.cNvPr.set("descr", _("QR-code naar %(url)s") % {"url": address})

    for row in plan.rows:
        if row.item.is_break:
            continue
        slide = _blank(prs)
        _title(
            slide,
            row.item.title,
            f"{row.slot.start:%H:%M} – {row.slot.end:%H:%M} · "
            + _("%(n)d minuten") % {"n": row.item.duration},
        )
        if row.item.goals:
            _bullets(slide, list(row.item.goals))

    for item_title, result in results:
        if not result or not result.get("lines"):
            continue
        slide = _blank(prs)
        _title(slide, _("Resultaat: %(title)s") % {"title": result.get("title") or item_title}, item_title)
        _bullets(slide, list(result["lines"]), size=20)

    _apply_look(prs, look, logo)
    out = io.BytesIO()
    prs.core_properties.title = meeting.name
    prs.core_properties.language = "nl-NL"
    prs.core_properties.modified = datetime.now()
    prs.save(out)
    return out.getvalue()
