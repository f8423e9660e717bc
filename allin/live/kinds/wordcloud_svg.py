"""Drawing the word cloud as SVG on the server: most frequent words largest, placed along a spiral. Used by the
word cloud kind and by the social map's search words."""

import math
from functools import lru_cache

from django.utils.html import escape

WIDTH, HEIGHT, PAD = 1000, 560, 8
MAX_FONT, MIN_FONT, EQUAL_FONT = 96, 20, 40
# Dark colours with a contrast of at least 7:1 on white.
FONTS = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"
PALETTE = ("#073763", "#7a2e00", "#1b5e20", "#5b1a8a", "#8c0019", "#00525c", "#14142b")
# Advance widths of bold sans-serif letters, as a share of the font size (between Arial Bold and DejaVu
# Sans Bold). The drawing pins each word to its estimated width (textLength), so whatever font the screen
# has, words keep to their boxes and never overlap.
_WIDTHS = {**dict.fromkeys("ijlft!.,;:'|()", 0.32), "r": 0.42, "m": 0.95, "w": 0.85, " ": 0.3}


def text_width(word, size) -> float:
    units = sum(_WIDTHS.get(ch, 0.75 if ch.isupper() else 0.62) for ch in word)
    return units * size


def _sizes(words) -> list[float]:
    counts = [n for _w, n in words]
    high, low = max(counts), min(counts)
    sizes = []
    for word, n in words:
        if high == low:
            size = MAX_FONT if len(words) == 1 else EQUAL_FONT
        else:
            size = MIN_FONT + (MAX_FONT - MIN_FONT) * math.sqrt((n - low) / (high - low))
        # A long word must still fit across the cloud.
        size = min(size, (WIDTH - 2 * PAD) / (text_width(word, 1) + 0.3))
        sizes.append(size)
    return sizes


def _place(w, h, boxes):
    """The first free spot for a w×h box along an Archimedean spiral out of the centre, or None."""
    cx, cy, aspect = WIDTH / 2, HEIGHT / 2, WIDTH / HEIGHT
    theta, spacing, step = 0.0, 5.0, 9.0
    max_r = max(WIDTH / aspect, HEIGHT) / 2 + 10
    last = None
    while True:
        r = spacing * theta
        if r > max_r:
            return None
        x, y = cx + r * math.cos(theta) * aspect - w / 2, cy + r * math.sin(theta) - h / 2
        theta += step / max(r, step)
        if x < PAD or y < PAD or x + w > WIDTH - PAD or y + h > HEIGHT - PAD:
            continue
        box = (x, y, x + w, y + h)
        # The box that was in the way last time usually still is: test it first.
        if last is not None and _overlap(box, last):
            continue
        last = next((b for b in boxes if _overlap(box, b)), None)
        if last is None:
            return box


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@lru_cache(maxsize=64)
def layout(words: tuple) -> tuple:
    """((word, x, y, size, width, colour), ...): x, y the centre of the text's baseline. Deterministic: the
    same words and counts always give the same picture. A word with no room left is shrunk, or else left out
    of the picture (it is still in the list)."""
    placed, boxes = [], []
    for index, ((word, _n), size) in enumerate(zip(words, _sizes(words), strict=True)):
        while size >= MIN_FONT * 0.7:
            width = text_width(word, size)
            box = _place(width + size * 0.3, size * 1.15, boxes)
            if box is not None:
                boxes.append(box)
                x, y = (box[0] + box[2]) / 2, box[1] + size * 0.88
                colour = PALETTE[index % len(PALETTE)]
                placed.append((word, round(x, 1), round(y, 1), round(size, 1), round(width, 1), colour))
                break
            size *= 0.8
    return tuple(placed)


def cloud_svg(words: tuple, label: str) -> str:
    texts = "".join(
        f'<text x="{x}" y="{y}" font-size="{size}" textLength="{width}" lengthAdjust="spacingAndGlyphs" '
        f'fill="{colour}">{escape(word)}</text>'
        for word, x, y, size, width, colour in layout(words)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}" class="wc-svg" font-family="{FONTS}" font-weight="700" '
        f'text-anchor="middle">{texts}</svg>'
    )


# ---- writing ----------------------------------------------------------------------------------------
