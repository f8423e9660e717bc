"""A workspace's own look: a logo, a primary and a secondary colour and a font from a short list, mapped onto the
design tokens of core/tokens.css (and through them onto the NL Design System tokens the components read).

The owner picks two colours; everything else is derived so that it keeps its contrast: the hover shade is darker,
the soft tint is light enough for the primary colour to stay readable on it, and the text on the secondary colour
is white or ink, whichever reads better. A pair that fails WCAG 2.1 AA is refused with the pair and its ratio."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

WHITE = "#ffffff"
INK = "#001a40"  # --allin-color-text in core/tokens.css
TEXT_RATIO = 4.5  # WCAG 2.1 success criterion 1.4.3, normal text
GRAPHIC_RATIO = 3.0  # WCAG 2.1 success criterion 1.4.11, bars, bands and markings
HEX = re.compile(r"^#[0-9a-f]{6}$")

# ALL-IN's own look, the one every workspace has until its owner sets another (the values of core/tokens.css).
DEFAULT_PRIMARY = "#0b5394"
DEFAULT_SECONDARY = "#c05a00"


@dataclass(frozen=True)
class Font:
    key: str
    label: str
    name: str = (
        ""  # the family name of a font we ship (woff2 files in core/static/nlds/fonts, copied from npm)
    )

    @property
    def family(self):
        return f'"{self.name}", {SYSTEM_STACK}' if self.name else SYSTEM_STACK


SYSTEM_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
FONTS = (
    Font("system", gettext_lazy("Letter van het apparaat (standaard, laadt niets)")),
    Font("noto-sans", "Noto Sans", "Noto Sans"),
    Font("source-sans-3", "Source Sans 3", "Source Sans 3"),
    Font(
        "atkinson-hyperlegible",
        gettext_lazy("Atkinson Hyperlegible (extra goed leesbaar)"),
        "Atkinson Hyperlegible",
    ),
    Font("fira-sans", "Fira Sans", "Fira Sans"),
)
FONTS_BY_KEY = {font.key: font for font in FONTS}
FONT_CHOICES = [(font.key, font.label) for font in FONTS]
PRINT_FALLBACK = '"DejaVu Sans", sans-serif'  # PDFs: covers Dutch diacritics and the checklists' ballot boxes


def font_for(key) -> Font:
    return FONTS_BY_KEY.get(key) or FONTS[0]


# ---- colour arithmetic (WCAG 2.1 relative luminance and contrast ratio) ------------------------------------------


def normalise(value) -> str:
    """'#ABC', 'abc123' and ' #AbC123 ' become '#aabbcc' style lower-case six-digit hex; anything else is refused."""
    text = (value or "").strip().lower()
    if not text.startswith("#"):
        text = "#" + text
    if re.fullmatch(r"#[0-9a-f]{3}", text):
        text = "#" + "".join(ch * 2 for ch in text[1:])
    if not HEX.match(text):
        raise ValidationError(
            _("Schrijf een kleur als # met zes tekens 0-9 of a-f, bijvoorbeeld #0b5394."), code="colour"
        )
    return text


def _rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _hex(rgb):
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(colour) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, other) -> float:
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def mix(colour, other, amount) -> str:
    """`amount` of `other` mixed into `colour` (0: colour itself, 1: other)."""
    return _hex(c + (o - c) * amount for c, o in zip(_rgb(colour), _rgb(other), strict=True))


def ratio_text(ratio) -> str:
    return f"{ratio:.1f}".replace(".", ",") + ":1"  # Dutch decimal comma


# ---- the check --------------------------------------------------------------------------------------------------


def check_pair(primary, secondary) -> list[ValidationError]:
    """The reasons this pair cannot be used, each naming the pair, its ratio and what it is for (empty: fine)."""
    problems = []
    ratio = contrast(primary, WHITE)
    if ratio < TEXT_RATIO:
        problems.append(
            ValidationError(
                _(
                    "Hoofdkleur %(colour)s en wit hebben te weinig contrast: %(ratio)s, nodig is 4,5:1. Knoppen "
                    "hebben witte tekst op de hoofdkleur en links staan in de hoofdkleur op wit, dus die zouden "
                    "slecht leesbaar zijn (WCAG 1.4.3). Kies een donkerdere hoofdkleur."
                )
                % {"colour": primary, "ratio": ratio_text(ratio)},
                code="contrast_primary",
            )
        )
    ratio = contrast(secondary, WHITE)
    if ratio < GRAPHIC_RATIO:
        problems.append(
            ValidationError(
                _(
                    "Tweede kleur %(colour)s en wit hebben te weinig contrast: %(ratio)s, nodig is 3:1. De tweede "
                    "kleur staat als band, balk en markering op wit, en die moeten goed te zien zijn "
                    "(WCAG 1.4.11). Kies een donkerdere tweede kleur."
                )
                % {"colour": secondary, "ratio": ratio_text(ratio)},
                code="contrast_secondary",
            )
        )
    return problems


# ---- the tokens -------------------------------------------------------------------------------------------------


def _hover(primary):
    """A darker shade for hover and for headings in the primary colour."""
    return mix(primary, "#000000", 0.3)


def _subtle(colour):
    """A light tint that the colour itself still reads on at 4.5:1 (for a soft background behind a link)."""
    for amount in (0.9, 0.93, 0.96, 1.0):
        tint = mix(colour, WHITE, amount)
        if contrast(colour, tint) >= TEXT_RATIO:
            return tint
    return WHITE


def _on(colour):
    """White or ink on this colour, whichever reads better."""
    return WHITE if contrast(colour, WHITE) >= contrast(colour, INK) else INK


def tokens(*, primary, secondary, font_key) -> dict[str, str]:
    """The ALL-IN tokens (core/tokens.css names) for this look."""
    font = font_for(font_key)
    return {
        "--allin-primary": primary,
        "--allin-primary-hover": _hover(primary),
        "--allin-primary-subtle": _subtle(primary),
        "--allin-on-primary": _on(primary),
        "--allin-secondary": secondary,
        "--allin-secondary-subtle": mix(secondary, WHITE, 0.9),
        "--allin-on-secondary": _on(secondary),
        "--allin-font": font.family,
        "--allin-font-print": f'"{font.name}", {PRINT_FALLBACK}' if font.name else PRINT_FALLBACK,
    }


def font_faces(font_key, url_for) -> str:
    """@font-face rules for a font we ship, with `url_for(file name)` giving each file's address."""
    font = font_for(font_key)
    if not font.name:
        return ""
    faces = []
    for weight in ("400", "700"):
        url = url_for(f"{font.key}-latin-{weight}-normal.woff2")
        faces.append(
            f'@font-face {{ font-family: "{font.name}"; font-style: normal; font-weight: {weight}; '
            f'font-display: swap; src: url("{url}") format("woff2"); }}'
        )
    return "\n".join(faces) + "\n"


def stylesheet(*, primary, secondary, font_key, selector=":root, .allin-theme", url_for=None) -> str:
    """The CSS that puts this look on the page (after core/tokens.css) or, with a selector, on a preview box."""
    url_for = url_for or (lambda name: static(f"nlds/fonts/{name}"))
    declarations = "\n".join(
        f"  {name}: {value};"
        for name, value in tokens(primary=primary, secondary=secondary, font_key=font_key).items()
    )
    return f"{font_faces(font_key, url_for)}{selector} {{\n{declarations}\n}}\n"
