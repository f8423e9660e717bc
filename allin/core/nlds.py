"""NL Design System files from npm (package.json) into our static folder, without a bundler.

`make install` runs `manage.py nlds_static` after `npm install`: it joins the minified CSS of the Utrecht components
the pages use (`@utrecht/component-library-css` brings them in), copies the open example tokens
(`@nl-design-system-unstable/voorbeeld-design-tokens`) without the token sets of components from other libraries
that we do not load, and copies the few fonts a workspace may choose. The result is committed, so a clone without
npm still looks right; a test checks that it is exactly what the installed packages give.
"""

from pathlib import Path

from django.conf import settings

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
TARGET = Path(__file__).resolve().parent / "static" / "nlds"

# The Utrecht components the templates use, in the order of the library's own bundle (later ones may refine earlier).
COMPONENTS = (
    "root",
    "document",
    "surface",
    "page-header",
    "page-body",
    "page-footer",
    "nav-bar",
    "nav-list",
    "skip-link",
    "breadcrumb-nav",
    "heading-1",
    "heading-2",
    "heading-3",
    "heading-4",
    "paragraph",
    "link",
    "link-button",
    "link-list",
    "unordered-list",
    "ordered-list",
    "button",
    "button-link",
    "button-group",
    "action-group",
    "form-fieldset",
    "form-field",
    "form-label",
    "form-field-description",
    "form-field-error-message",
    "textbox",
    "textarea",
    "select",
    "checkbox",
    "radio-button",
    "alert",
    "table",
    "status-badge",
    "data-list",
    "separator",
    "img",
)

# Token sets in the example theme for components of other libraries (Den Haag, Amsterdam, …) that we never load.
FOREIGN_TOKEN_PREFIXES = ("--denhaag-", "--ams-", "--todo-", "--lux-", "--rhc-")

# The fonts a workspace may choose (allin/workspaces/look.py names them): regular and bold, Latin.
FONTS = ("noto-sans", "source-sans-3", "atkinson-hyperlegible", "fira-sans")
FONT_WEIGHTS = ("400", "700")


def built_files():
    """The files as the installed packages give them: {relative path: bytes}. Raises FileNotFoundError without npm."""
    files = {}
    parts = []
    for name in COMPONENTS:
        css = (NODE_MODULES / "@utrecht" / f"{name}-css" / "dist" / "index.min.css").read_text()
        parts.append(f"/* @utrecht/{name}-css (EUPL-1.2) */\n{css.strip()}\n")
    files["utrecht-components.css"] = "".join(parts).encode()

    theme = NODE_MODULES / "@nl-design-system-unstable" / "voorbeeld-design-tokens" / "dist" / "theme.css"
    lines = [
        line for line in theme.read_text().splitlines() if not line.strip().startswith(FOREIGN_TOKEN_PREFIXES)
    ]
    header = "/* @nl-design-system-unstable/voorbeeld-design-tokens (EUPL-1.2), without other libraries' tokens */\n"
    files["voorbeeld-theme.css"] = (header + "\n".join(lines) + "\n").encode()

    for font in FONTS:
        for weight in FONT_WEIGHTS:
            name = f"{font}-latin-{weight}-normal.woff2"
            files[f"fonts/{name}"] = (NODE_MODULES / "@fontsource" / font / "files" / name).read_bytes()
    return files


def write(files):
    for relative, content in files.items():
        path = TARGET / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != content:
            path.write_bytes(content)


def differences(files):
    """Relative paths whose committed copy is missing or differs from what the packages give."""
    return sorted(rel for rel, content in files.items() if not _same(TARGET / rel, content))


def _same(path, content):
    return path.exists() and path.read_bytes() == content
