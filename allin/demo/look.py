"""The demo workspace's own look: petrol and amber, Source Sans 3, and a logo drawn here (no file to ship)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from allin.workspaces import look_services

PRIMARY = "#00607a"
SECONDARY = "#b35c00"


def _font(size):
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def logo_png(name: str) -> bytes:
    """A plain municipal-style mark: a petrol square with an amber stripe and the first letter, then the name."""
    image = Image.new("RGBA", (480, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((4, 4, 112, 116), radius=14, fill=PRIMARY)
    draw.rectangle((4, 92, 112, 104), fill=SECONDARY)
    draw.text((58, 48), name.split()[-1][0], font=_font(64), fill="white", anchor="mm")
    first, _, rest = name.partition(" ")
    draw.text((128, 14), first, font=_font(34), fill=PRIMARY)
    draw.text((128, 58), rest or first, font=_font(40), fill="#001a40")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def load(workspace):
    upload = SimpleUploadedFile("logo.png", logo_png(workspace.name), content_type="image/png")
    look_services.look_set(
        workspace=workspace, primary=PRIMARY, secondary=SECONDARY, font="source-sans-3", logo_upload=upload
    )
