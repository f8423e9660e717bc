"""Our own CSS names no colour: every colour is a token from core/tokens.css (or the NL Design System files copied
from npm), so a workspace's look and the design tokens decide every colour on screen and on paper."""

import re
from pathlib import Path

import pytest

ALLIN = Path(__file__).resolve().parents[2] / "allin"
TOKENS = ALLIN / "core" / "static" / "core" / "tokens.css"
VENDORED = ALLIN / "core" / "static" / "nlds"

# The CSS named colours (CSS Color 4), without the keywords transparent and currentColor, which are no literal.
NAMED = set(
    """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
    cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
    darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue
    firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
    hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
    lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue
    mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred
    midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple
    rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue
    slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white
    whitesmoke yellow yellowgreen""".split()
)
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
FUNCTION = re.compile(r"\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|color-mix)\(", re.IGNORECASE)
DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;{}]+)")


def colour_literals(css: str) -> list[str]:
    """The colour literals in the values of a stylesheet's declarations (selectors and custom property names aside)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    found = []
    for _prop, value in DECLARATION.findall(css):
        bare = re.sub(r"var\(--[\w-]+\)", "", value)
        found += HEX.findall(bare)
        found += [f"{name}(" for name in FUNCTION.findall(bare)]
        found += [word for word in re.findall(r"(?<![\w-])[a-zA-Z]+(?![\w-])", bare) if word.lower() in NAMED]
    return found


def our_stylesheets():
    return sorted(p for p in ALLIN.rglob("*.css") if p != TOKENS and VENDORED not in p.parents)


def test_the_scan_finds_every_kind_of_colour_literal():
    css = """/* #123456 in a comment is fine */ .a { color: #fff; background: rgba(0, 0, 0, .2); }
    .b { border: 1px solid white; white-space: nowrap; } .c { fill: var(--allin-primary); color: currentColor; }
    .d { outline-color: hsl(10 50% 50%); }"""
    assert colour_literals(css) == ["#fff", "rgba(", "white", "hsl("]


def test_there_are_stylesheets_to_scan():
    names = {p.name for p in our_stylesheets()}
    assert {"allin.css", "live.css", "print.css", "voting.css"} <= names


@pytest.mark.parametrize("path", our_stylesheets(), ids=lambda p: str(p.relative_to(ALLIN)))
def test_our_css_has_no_colour_literal(path):
    assert colour_literals(path.read_text()) == [], (
        f"{path.relative_to(ALLIN)}: use a token from core/tokens.css"
    )


def test_the_token_file_defines_every_token_our_css_uses():
    defined = set(re.findall(r"(--allin-[\w-]+)\s*:", TOKENS.read_text()))
    used = set()
    for path in our_stylesheets():
        used |= set(re.findall(r"var\((--allin-[\w-]+)\)", path.read_text()))
    assert used - defined == set()
