"""Read derivations the way people write them: Markdown and LaTeX notes, with a notation block.

``read_file`` reads a .md or .tex document into a Derivation; ``read_formula`` one formula.

The layers, in order: :mod:`markdown` / :mod:`latex` cut a document into pieces; :mod:`parser`
(a Lark grammar) and :mod:`syntax` build each formula's syntax tree, knowing no vocabulary;
:mod:`resolver` reads it through the notation (:mod:`vocabulary`, :mod:`notation_block`) into
SymPy; :mod:`classifier` decides what each line is; :mod:`document` runs them in order.  No text
of the document is ever evaluated as Python.
"""

from __future__ import annotations

import stat
from pathlib import Path

from symgrad.derivation import Derivation
from symgrad.errors import DocumentError, DocumentErrors
from symgrad.reader import latex, markdown
from symgrad.reader.document import Reader
from symgrad.reader.errors import ReadError, located
from symgrad.reader.parser import syntax_tree
from symgrad.reader.resolver import Formula, Resolver
from symgrad.reader.source import Source
from symgrad.reader.vocabulary import Vocabulary

__all__ = ["Formula", "ReadError", "Vocabulary", "read_file", "read_formula", "read_text", "source_of"]

#: Documents larger than this are refused: hand-written notes are far smaller.
MAX_BYTES = 1_000_000
TOO_LARGE = f"file too large (symgrad reads documents up to {MAX_BYTES / 1e6:.0f} MB)"


def read_source(path: Path) -> Source:
    """The document's text; a positioned error for anything but a regular file, one too large,
    binary or not UTF-8 (a FIFO or a link to /dev/zero is refused before reading)."""
    try:
        status = path.stat()
    except OSError as error:
        raise DocumentError(path, 1, 1, f"cannot read it: {error.strerror or error}") from None
    if not stat.S_ISREG(status.st_mode):
        raise DocumentError(path, 1, 1, "not a regular file (a directory, a device or a pipe): symgrad reads documents only")
    if status.st_size > MAX_BYTES:
        raise DocumentError(path, 1, 1, TOO_LARGE)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise DocumentError(path, 1, 1, f"cannot read it: {error.strerror or error}") from None
    return source_of(path, data)


def source_of(path: Path, data: bytes) -> Source:
    """The text of a document read as `data` (a file's bytes, or standard input's)."""
    if len(data) > MAX_BYTES:
        raise DocumentError(path, 1, 1, TOO_LARGE)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = Source(str(path), data[: error.start].decode("utf-8"))
        line, column = good.position(len(good.text))
        raise DocumentError(path, line, column, f"not a UTF-8 text file (byte {error.start}; a binary file?)") from None
    if "\x00" in text:
        source = Source(str(path), text)
        raise located(source, *source.position(text.index("\x00")), "not a text file: it contains NUL bytes")
    return Source(str(path), text.replace("\r\n", "\n").replace("\r", "\n"))


#: How each kind of document is cut into pieces (headings, prose, notation blocks, displays).
PIECES = {".md": markdown.pieces, ".markdown": markdown.pieces, ".tex": latex.pieces}


def read_file(path: Path) -> list[Derivation]:
    """Read a Markdown or LaTeX document; every error in it is reported at once (DocumentErrors)."""
    return read_text(read_source(path), path.suffix)


def read_text(source: Source, suffix: str) -> list[Derivation]:
    """Read a document's text as the kind of document `suffix` names (.md, .tex)."""
    reader = Reader(source, PIECES[suffix](source))
    derivation = reader.read()
    errors = reader.document_errors()
    if errors:
        raise DocumentErrors(errors, [derivation] if derivation is not None else [])
    return [derivation] if derivation is not None else []


def read_formula(text: str, vocabulary: Vocabulary | None = None) -> Formula:
    """One formula read on its own (for tools and tests); a ReadError where it cannot be read."""
    vocabulary = vocabulary or Vocabulary()
    snippet = Source("<formula>", text).snippet(0, len(text))
    return Resolver(vocabulary, snippet).formula(syntax_tree(snippet))
