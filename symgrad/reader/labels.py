"""Equation numbers as authors write them: ``\\quad (7)`` at the end, ``\\tag{7}``; ``\\label{…}``
is dropped (reports print the number).  Removed text is blanked, so columns stay right."""

from __future__ import annotations

import re

from symgrad.reader.source import Snippet

_QUAD = re.compile(r"\\q?quad\s*\(\s*([\w.\-]+)\s*\)\s*$")
_TAG = re.compile(r"\\tag\*?\s*\{\s*([^{}]*?)\s*\}")
_LABEL = re.compile(r"\\label\s*\{[^{}]*\}")


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
