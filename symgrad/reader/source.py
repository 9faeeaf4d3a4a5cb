"""Where each character of a formula came from, so every error points at the author's file.

Readers cut formulas out of a document, blank out labels and remarks, expand macros; a
:class:`Snippet` carries, for each of its characters, the offset of the character in the file
it stands for.  Blanking keeps lengths, expansion maps a macro's body to the macro's name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass
class Source:
    """A document's text and name."""

    path: str
    text: str

    def __post_init__(self):
        self._starts = [0] + [k + 1 for k, char in enumerate(self.text) if char == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a file offset."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.text)
        return self.text[start:end]

    def snippet(self, start: int, end: int) -> "Snippet":
        return Snippet(self.text[start:end], list(range(start, end + 1)), self)


@dataclass
class Snippet:
    """A piece of text and, for each character (and one past the end), its file offset."""

    text: str
    offsets: list[int]
    source: Source

    def offset(self, k: int) -> int:
        return self.offsets[max(0, min(k, len(self.offsets) - 1))]

    def position(self, k: int) -> tuple[int, int]:
        return self.source.position(self.offset(k))

    def blank(self, start: int, end: int) -> "Snippet":
        """The same snippet with text[start:end] replaced by spaces (newlines kept)."""
        return self.blank_all([(start, end)])

    def blank_all(self, spans) -> "Snippet":
        """The same snippet with every (start, end) span blanked, in one pass."""
        pieces, cursor = [], 0
        for start, end in sorted(spans):
            start = max(start, cursor)
            pieces += [self.text[cursor:start], re.sub(r"[^\n]", " ", self.text[start:end])]
            cursor = max(cursor, end)
        pieces.append(self.text[cursor:])
        return Snippet("".join(pieces), self.offsets, self.source)

    def part(self, start: int, end: int) -> "Snippet":
        return Snippet(self.text[start:end], self.offsets[start:end] + [self.offset(end)], self.source)

    def stripped(self) -> str:
        return " ".join(self.text.split())


def delimited_spans(text: str, opening: str, closing: str) -> list[tuple[int, int, int, bool]]:
    """Every ``opening … closing`` span of `text`, in one linear pass (a regular expression with a
    lazy ``.*?`` rescans to the end for every unclosed opening: quadratic on hostile input).

    Returns (start, inner start, end, closed) per span; an unclosed one runs to the end of the text.
    """
    spans, k = [], 0
    while True:
        start = text.find(opening, k)
        if start < 0:
            return spans
        inner = start + len(opening)
        stop = text.find(closing, inner)
        if stop < 0:
            spans.append((start, inner, len(text), False))
            return spans
        k = stop + len(closing)
        spans.append((start, inner, k, True))


def relations_outside_braces(text: str) -> int:
    """How many =, <, > a formula has outside braces (\\sum_{i=1}^n x_i = 1 has one)."""
    depth, found = 0, 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        found += depth == 0 and char in "=<>"
    return found


#: A row that starts with + − \times \cdot (after spacing): it may continue the row before.
_OPERATOR_FIRST = re.compile(r"\s*(?:\\q?quad\s*|\\[,;:!]\s*)*(\+|-|\\times(?![A-Za-z])|\\cdot(?![A-Za-z]))")


def continues_expression(row: str) -> bool:
    """Whether a row of an aligned block goes on with the expression of the row before
    (``&\\qquad \\times x_i``): it starts with an operator and has no =, <, > of its own."""
    return bool(_OPERATOR_FIRST.match(row)) and not relations_outside_braces(row)
