"""`[tool.symgrad]` in a project's pyproject.toml: the defaults of `symgrad check` there.

    [tool.symgrad]
    paths = ["notes/", "homework/week3.tex"]   # what `symgrad check` with no path checks
    format = "text"
    timeout = 5          # seconds per equation
    budget = 60          # seconds for the whole run
    seed = 0
    fail-on = ["fails", "ill-formed"]

The nearest pyproject.toml at or above the working directory that has a `[tool.symgrad]` table
is used, as ruff and pytest find theirs; paths in it are relative to that file.  A flag on the
command line wins over the file, and PATHs on the command line replace its paths.  An unknown
key or a value of the wrong kind is an error at its line (exit 2), never ignored.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from symgrad.errors import DocumentError

FILE = "pyproject.toml"


def _text_of(value) -> list[str]:
    """A setting's value as command-line text: a string, a number, or a list of strings."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | list):
        raise ValueError("give a string, a number or a list of strings")
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            raise ValueError("give a list of strings")
        return value
    return [str(value)]


#: Each key and the `check` flag it stands for (paths stand for the positional PATHs).
KEYS = {"paths": None, "format": "--format", "timeout": "--timeout", "budget": "--budget", "seed": "--seed",
        "fail-on": "--fail-on"}


@dataclass(frozen=True)
class Setting:
    """One key of [tool.symgrad], as the command-line arguments it stands for, and where it is."""

    key: str
    arguments: list[str]
    line: int
    column: int


def find(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` with a [tool.symgrad] table."""
    for folder in (start, *start.parents):
        candidate = folder / FILE
        if candidate.is_file() and re.search(r"^\s*\[\s*tool\s*\.\s*symgrad\s*\]", _text(candidate), re.M):
            return candidate
    return None


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _position(text: str, key: str | None) -> tuple[int, int]:
    """Line and column of `key` in the [tool.symgrad] table (of the table itself without a key)."""
    lines = text.splitlines()
    table = next((n for n, line in enumerate(lines) if re.match(r"\s*\[\s*tool\s*\.\s*symgrad\s*\]", line)), 0)
    if key is not None:
        for n in range(table + 1, len(lines)):
            if re.match(r"\s*\[", lines[n]):
                break
            found = re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", lines[n])
            if found:
                return n + 1, len(lines[n]) - len(lines[n].lstrip()) + 1
    return table + 1, 1


def load(path: Path) -> list[Setting]:
    """The settings of the [tool.symgrad] table of `path`, in the command line's words (paths made
    relative to the working directory).  A DocumentError at the line of anything not understood;
    the values themselves are checked by the command line's own parser (cli.configured)."""
    text = _text(path)
    try:
        table = tomllib.loads(text).get("tool", {}).get("symgrad", {})
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(at.group(1)), int(at.group(2))) if at else (1, 1)
        raise DocumentError(path, line, column, f"not valid TOML: {str(error).split(' (at ')[0]}") from None
    if not isinstance(table, dict):
        raise DocumentError(path, *_position(text, None), "[tool.symgrad] must be a table")
    settings = []
    for key, value in table.items():
        where = _position(text, key)
        if key not in KEYS:
            raise DocumentError(path, *where, f"[tool.symgrad] has no key {key!r} (known: {', '.join(KEYS)})")
        try:
            words = _text_of(value)
        except ValueError as error:
            raise DocumentError(path, *where, f"[tool.symgrad] {key}: {error}") from None
        if key == "paths":
            arguments = [_relative(path.parent / word) for word in words]
        else:
            arguments = [KEYS[key], ",".join(words)]
        settings.append(Setting(key, arguments, *where))
    return settings


def _relative(path: Path) -> str:
    """A configured path as the reports print it: relative to the working directory (../notes)."""
    return os.path.relpath(path)
