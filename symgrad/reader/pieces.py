"""The pieces a document is cut into (by :mod:`markdown` or :mod:`latex`), in the order written."""

from __future__ import annotations

from dataclasses import dataclass

from symgrad.reader.errors import ReadError
from symgrad.reader.source import Snippet


@dataclass
class Heading:
    number: str
    title: str


@dataclass
class Title:
    """The document's own title (LaTeX's \\title{…}), which names the report."""

    text: str


@dataclass
class Prose:
    text: str


@dataclass
class Display:
    """A displayed formula: its text (label removed), label, and first line in the file."""

    snippet: Snippet
    label: str | None
    line: int


@dataclass
class ProseDefinition:
    """A definition written in the prose's inline math (``$\\delta^l \\equiv \\partial C/\\partial z^l$``):
    in force from the first display that uses its name."""

    snippet: Snippet
    line: int
    equals: bool = False  # written with = ($a_i = \\sigma(w x_i)$): a definition only of a name no display defines


@dataclass
class NotationBlock:
    snippet: Snippet


@dataclass
class Problem:
    """Something a reader could not cut out of the document (an unclosed $$, a broken macro)."""

    error: ReadError
