"""Reads and validates the method library once per process; the files ship with the code and do not change
while it runs."""

from functools import cache
from pathlib import Path

import yaml

from .schema import MethodError, MethodSpec, parse_method

LIBRARY_DIR = Path(__file__).resolve().parent / "library"


class LibraryError(Exception):
    """A method file is broken. The message names the file and the field."""


def load_file(path: Path) -> MethodSpec:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LibraryError(f"{path.name}: geen geldige YAML ({exc})") from exc
    try:
        return parse_method(data, expected_slug=path.stem)
    except MethodError as exc:
        raise LibraryError(f"{path.name}: {exc.path}: {exc.message}") from exc


def load_library(directory: Path = LIBRARY_DIR) -> dict[str, MethodSpec]:
    return {path.stem: load_file(path) for path in sorted(directory.glob("*.yaml"))}


@cache
def library() -> dict[str, MethodSpec]:
    return load_library()


def get_method(slug: str) -> MethodSpec | None:
    return library().get(slug)
