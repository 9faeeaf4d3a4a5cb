"""Find and load the documents `symgrad check` is given.

A `.py` document is a Python program that builds a Derivation with symgrad's API (it runs as any
program does, so check only Python files you trust); every module-level Derivation in it is
checked.  Other formats register a loader in LOADERS.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path

from symgrad.derivation import Derivation


class DocumentError(Exception):
    """A document that cannot be read: `where` is FILE:LINE:COL."""

    def __init__(self, path, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: error: {message}")
        self.path, self.line, self.column = str(path), line, column


class DocumentErrors(DocumentError):
    """Every error of one document, and `partial`: the Derivations read from the rest of it."""

    def __init__(self, errors: list[DocumentError], partial: list[Derivation]):
        first = errors[0]
        Exception.__init__(self, "\n".join(str(error) for error in errors))
        self.path, self.line, self.column = first.path, first.line, first.column
        self.errors, self.partial = errors, partial


def load_python(path: Path) -> list[Derivation]:
    """Run a Python derivation file and collect the Derivations it defines."""
    name = f"symgrad_document_{abs(hash(path.resolve()))}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # the user's program failed: report where, as a document error
        frames = [f for f in traceback.extract_tb(error.__traceback__) if Path(f.filename) == path.resolve()]
        line = frames[-1].lineno if frames else 1
        raise DocumentError(path, line, 1, f"{type(error).__name__}: {error}") from None
    finally:
        sys.path.remove(str(path.parent))
    derivations = [value for value in vars(module).values() if isinstance(value, Derivation)]
    unique = list({id(d): d for d in derivations}.values())
    if not unique:
        raise DocumentError(path, 1, 1, "defines no Derivation")
    for derivation in unique:
        derivation.path = derivation.path or str(path)
    return unique


def load_notes(path: Path) -> list[Derivation]:
    """A Markdown or LaTeX document, read by symgrad.reader (imported when first needed)."""
    from symgrad import reader

    return reader.load(path)


LOADERS = {".py": load_python, ".md": load_notes, ".markdown": load_notes, ".tex": load_notes}


def documents_in(paths: list[str]) -> list[Path]:
    """The files to check: the given files, and every document in the given directories."""
    found = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in LOADERS and not p.name.startswith("_"))
        elif path.exists():
            found.append(path)
        else:
            raise DocumentError(path, 1, 1, "no such file or directory")
    return found


def load(path: Path) -> list[Derivation]:
    loader = LOADERS.get(path.suffix)
    if loader is None:
        known = ", ".join(sorted(LOADERS))
        raise DocumentError(path, 1, 1, f"cannot read {path.suffix or 'this'} files (symgrad reads {known})")
    return loader(path)
