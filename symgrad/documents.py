"""Find and read the documents `symgrad check` is given.

A `.py` document is a Python program that builds a Derivation with symgrad's API (it runs as any
program does, so check only Python files you trust); every module-level Derivation in it is
checked.  Markdown and LaTeX documents go to :mod:`symgrad.reader`.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import sys
import traceback
from pathlib import Path

from symgrad import reader
from symgrad.check import check
from symgrad.check.engine import DEFAULT_TIMEOUT
from symgrad.derivation import Derivation
from symgrad.errors import DocumentError
from symgrad.results import DocumentReport, InputError


def run_python_document(path: Path) -> list[Derivation]:
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
        derivation.notation.read(f"{path.name} is a Python program: symgrad ran it to build this derivation.")
    return unique


LOADERS = {".py": run_python_document, ".md": reader.read_file, ".markdown": reader.read_file, ".tex": reader.read_file}


#: What a directory is scanned for: documents.  A Python derivation is a program: it runs only
#: when it is named on the command line.
SCANNED = (".md", ".markdown", ".tex")


#: The name standing for standard input on the command line.
STDIN = Path("-")


def documents_in(paths: list[str]) -> list[Path]:
    """The files to check: the given files, every Markdown or LaTeX document in the given
    directories, and `-` for standard input."""
    found = []
    for text in paths:
        path = Path(text)
        if path == STDIN:
            found.append(STDIN)
        elif path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in SCANNED and p.is_file() and not p.name.startswith("_"))
        elif path.exists():
            found.append(path)
        else:
            raise DocumentError(path, 1, 1, "no such file or directory")
    return found


def read_document(path: Path) -> list[Derivation]:
    """The derivations of one document (a DocumentError where it cannot be read); `-` reads
    standard input, as LaTeX if it looks like LaTeX, else as Markdown."""
    if path == STDIN:
        source = reader.source_of(Path("<stdin>"), sys.stdin.buffer.read(reader.MAX_BYTES + 1))
        latex = re.search(r"\\(documentclass|begin\s*\{\s*(document|equation|align))", source.text)
        return reader.read_text(source, ".tex" if latex else ".md")
    loader = LOADERS.get(path.suffix)
    if loader is None:
        known = ", ".join(sorted(LOADERS))
        raise DocumentError(path, 1, 1, f"cannot read {path.suffix or 'this'} files (symgrad reads {known})")
    return loader(path)


def check_document(path: Path, seed: int = 0, timeout: float = DEFAULT_TIMEOUT,
                   deadline: float | None = None) -> tuple[list[DocumentReport], list[DocumentError]]:
    """The reports of one document (one per derivation in it) and its input errors: the equations
    that did read are checked all the same, and the first report carries the errors."""
    try:
        derivations, errors = read_document(path), []
    except DocumentError as error:
        derivations, errors = list(getattr(error, "partial", [])), list(getattr(error, "errors", [error]))
    problems = tuple(InputError(e.line, e.column, e.message.split("\n")[0]) for e in errors)
    if not derivations:
        return [DocumentReport(str(path), path.name, (), (), errors=problems)], errors
    reports = [check(derivation, seed=seed, timeout=timeout, deadline=deadline) for derivation in derivations]
    reports[0] = dataclasses.replace(reports[0], errors=problems)
    return reports, errors


def check_file(path: str | Path) -> list[DocumentReport]:
    """Check a Markdown, LaTeX or Python document from Python; ``print(report)`` shows each report
    as the terminal does, and a notebook shows it as HTML."""
    return check_document(Path(path))[0]
