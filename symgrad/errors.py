"""Errors in a user's input, positioned in their file: ``FILE:LINE:COL: error: …``."""

from __future__ import annotations


class DocumentError(Exception):
    """A document that cannot be read: `where` is FILE:LINE:COL."""

    def __init__(self, path, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: error: {message}")
        self.path, self.line, self.column, self.message = str(path), line, column, message


class DocumentErrors(DocumentError):
    """Every error of one document, and `partial`: the Derivations read from the rest of it."""

    def __init__(self, errors: list[DocumentError], partial: list):
        first = errors[0]
        Exception.__init__(self, "\n".join(str(error) for error in errors))
        self.path, self.line, self.column, self.message = first.path, first.line, first.column, first.message
        self.errors, self.partial = errors, partial
