"""Equation numbers as authors write them: ``\\quad (7)`` at the end, ``\\tag{7}``; ``\\label{…}``
is dropped (reports print the number).  Removed text is blanked, so columns stay right."""

from __future__ import annotations

import re

from symgrad.reader.errors import ReadError
from symgrad.reader.source import Snippet

_QUAD = re.compile(r"\\q?quad\s*\(\s*([\w.\-]+)\s*\)\s*$")
_TAG = re.compile(r"\\tag\*?\s*\{\s*([^{}]*?)\s*\}")
_LABEL = re.compile(r"\\label\s*\{[^{}]*\}")
#: ``… 2 (w) (5)``: a number in parentheses, after a space, ending a display written without \quad.
_BARE_NUMBER = re.compile(r"\s(\(\s*\d+\s*\))\s*$")


def bare_number(snippet: Snippet) -> ReadError | None:
    """The error for an unnumbered display ending in (5): its number, or a factor 5?"""
    match = _BARE_NUMBER.search(snippet.text)
    if match is None:
        return None
    return ReadError(f"{match.group(1)} at the end may be the equation's number or a factor: write \\quad {match.group(1)} "
                     f"or \\tag{{…}} for the number, \\cdot {match.group(1)} for the factor", snippet, match.start(1))


def take_label(snippet: Snippet) -> tuple[Snippet, str | None]:
    """The snippet without its number, and the number (None when unnumbered)."""
    label = None
    for pattern in (_TAG, _QUAD):
        match = pattern.search(snippet.text)
        if match:
            label = label or match.group(1)
            snippet = snippet.blank(match.start(), match.end())
    for match in list(_LABEL.finditer(snippet.text)):
        snippet = snippet.blank(match.start(), match.end())
    return snippet, label
