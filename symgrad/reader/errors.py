"""Read errors, positioned in the author's file, printed with the line and a caret."""

from __future__ import annotations

from symgrad.errors import DocumentError
from symgrad.reader.source import Snippet, Source

#: A document with more errors than this stops being read (a binary or hostile file).
MAX_ERRORS = 50


class ReadError(Exception):
    """An error at character `at` of a snippet (or of the whole source)."""

    def __init__(self, message: str, snippet: Snippet | None = None, at: int = 0):
        super().__init__(message)
        self.message, self.snippet, self.at = message, snippet, at

    def position(self, source: Source) -> tuple[int, int]:
        return self.snippet.position(self.at) if self.snippet is not None else source.position(self.at)


def located(source: Source, line: int, column: int, message: str) -> DocumentError:
    """A DocumentError whose message shows the offending line and a caret under the column."""
    text = source.line_text(line) if source.text else ""
    shown = text.expandtabs(1)[:200]
    caret = " " * (min(column, len(shown) + 1) - 1) + "^"
    return DocumentError(source.path, line, column, f"{message}\n    {shown}\n    {caret}")


def to_document_error(source: Source, error: ReadError) -> DocumentError:
    line, column = error.position(source)
    return located(source, line, column, error.message)
