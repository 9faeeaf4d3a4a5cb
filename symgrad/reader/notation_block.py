"""The notation block: TOML in which a document says what its symbols mean.

In Markdown it is a fenced code block ```` ```symgrad ````; in LaTeX the same fence inside
``%`` comment lines or a ``comment`` environment.  A block is in force from where it stands to the
end of the document; later blocks add to earlier ones (lists and tables grow, single values are
replaced).  Keys (all optional)::

    title       = "Gradient Descent"
    index       = "i"                    # the sample index (document-wide)
    count       = "n"                    # the number of samples (document-wide)
    families    = ["a", "e"]             # per-sample: a_i, a_1 … a_n   (x y z by default)
    data        = ["t"]                  # families that are data, never defined (x y by default)
    parameters  = ["w", "b"]             # shared by all samples          (w b by default)
    symbols     = ["output"]             # other names, read whole, never split into letters
    functions   = ["C"]                  # C(w) applies C; a_i(1 - a_i) multiplies
    activations = { '\\sigma' = "sigmoid" }   # sigmoid, tanh, exp or log
    implicit    = ["i_1", "i_2"]         # per-sample values written without the index
    names       = { w1 = "w_1" }         # how to read a name written another way
    held        = ["e", "e^{(l)}"]       # families held constant under ∂ (targets)
    layers      = true                   # ^{(l)} on a name is a layer, not a power
    partial     = "product"              # ∂_v takes the whole product after it ("factor": the next factor)
    prime       = "w"                    # the variable of (…)' when no C'(w) line is continued
    readings    = ["sentences the report prints"]

    [[denote]]                           # a written form that stands for a name
    written = '\\partial_{a_i^{(l)}} C^{(l+1)}'
    means   = '\\delta_i^{(l)}'

    [[assume]]                           # an unnumbered definition the text implies
    equation = '\\delta_i^{(l)} = a_i^{(l)} - e_i^{(l)}'
    reading  = "…"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

from symgrad.reader.errors import ReadError
from symgrad.reader.source import Snippet
from symgrad.reader.vocabulary import ACTIVATIONS, Vocabulary

_SETS = ("families", "data", "parameters", "symbols", "functions", "implicit")
_TABLES = ("activations", "names")
_STRINGS = ("title", "index", "count", "prime")
_KEYS = {*_SETS, *_TABLES, *_STRINGS, "held", "layers", "partial", "readings", "denote", "assume"}


@dataclass
class Block:
    """One notation block: the vocabulary from here on, and the formulas it declares."""

    vocabulary: Vocabulary
    title: str | None = None
    held: list[Snippet] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)
    denote: list[tuple[Snippet, Snippet]] = field(default_factory=list)
    assume: list[tuple[Snippet, str]] = field(default_factory=list)


#: A notation block is a few lines of declarations: larger or deeper ones are refused before parsing.
MAX_BLOCK_CHARACTERS = 20_000
MAX_NESTING = 8
MAX_ENTRIES = 500
_KEY_PATH = re.compile(r"^\s*\[*\s*([A-Za-z0-9_\-.\s\"']+?)\s*(?:\]+\s*$|=)", re.M)


def _check_size(snippet: Snippet) -> None:
    """Refuse blocks that would take TOML's parser deep or long (a 120 KB dotted key, [[[[…]]]])."""
    text = snippet.text
    if len(text) > MAX_BLOCK_CHARACTERS:
        raise ReadError(f"notation block: longer than {MAX_BLOCK_CHARACTERS} characters", snippet, 0)
    for match in _KEY_PATH.finditer(text):
        if match.group(1).count(".") >= MAX_NESTING:
            raise ReadError(f"notation block: a key nested more than {MAX_NESTING} deep", snippet, match.start(1))
    depth = 0
    for k, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise ReadError(f"notation block: brackets nested more than {MAX_NESTING} deep", snippet, k)
        elif char in "]}":
            depth = max(0, depth - 1)


def _names_a_known(word: str, vocabulary: Vocabulary) -> bool:
    """A parameter, family, symbol, function, the index or the count: a name with a meaning already."""
    known = (vocabulary.parameters, vocabulary.families, vocabulary.symbols, vocabulary.functions)
    return word in (vocabulary.index, vocabulary.count) or any(word in names for names in known)


def read_block(snippet: Snippet, vocabulary: Vocabulary) -> Block:
    """Parse a block's TOML; a ReadError at the offending line for anything malformed."""
    _check_size(snippet)
    try:
        table = tomllib.loads(snippet.text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(error, snippet) from None
    except RecursionError:
        raise ReadError("notation block: nested too deeply to read", snippet, 0) from None
    reader = _BlockReader(snippet, table)
    return reader.read(vocabulary)


def _toml_error(error: tomllib.TOMLDecodeError, snippet: Snippet) -> ReadError:
    message = str(error)
    where = re.search(r"\(at line (\d+), column (\d+)\)", message)
    at = 0
    if where:
        line, column = int(where.group(1)), int(where.group(2))
        starts = [0] + [k + 1 for k, c in enumerate(snippet.text) if c == "\n"]
        at = starts[min(line, len(starts)) - 1] + column - 1
    text = re.sub(r"\s*\(at line.*\)$", "", message)
    return ReadError(f"notation block: {text}", snippet, at)


class _BlockReader:
    def __init__(self, snippet: Snippet, table: dict):
        self.snippet, self.table = snippet, table

    def error(self, message: str, needle: str = "") -> ReadError:
        at = self.snippet.text.find(needle) if needle else 0
        return ReadError(f"notation block: {message}", self.snippet, max(at, 0))

    def formula(self, text) -> Snippet:
        """The snippet of a formula written as a TOML string (exact when written as a literal string)."""
        if not isinstance(text, str) or not text.strip():
            raise self.error(f"expected a formula in a string, not {text!r}")
        at = self.snippet.text.find(text)
        if at < 0:
            return Snippet(text, [self.snippet.offset(0)] * (len(text) + 1), self.snippet.source)
        return self.snippet.part(at, at + len(text))

    def strings(self, key) -> list[str]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(f"{key} must be a list of strings", key)
        if len(value) > MAX_ENTRIES:
            raise self.error(f"{key} lists more than {MAX_ENTRIES} names", key)
        return value

    def read(self, vocabulary: Vocabulary) -> Block:
        unknown = sorted(set(self.table) - _KEYS)
        if unknown:
            raise self.error(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})", unknown[0])
        changes = {key: getattr(vocabulary, key) | set(self.strings(key)) for key in _SETS if key in self.table}
        for key in _TABLES:
            value = self.table.get(key, {})
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise self.error(f"{key} must be a table of strings", key)
            if value:
                changes[key] = tuple({**dict(getattr(vocabulary, key)), **value}.items())
        for written, name in self.table.get("names", {}).items():
            if written != name and _names_a_known(written, vocabulary):
                raise self.error(f"names: {written} already means something; it cannot stand for {name}", written)
        for name, meaning in self.table.get("activations", {}).items():
            if meaning not in ACTIVATIONS:
                raise self.error(f"activation {name} = {meaning!r}: symgrad knows {', '.join(ACTIVATIONS)}", meaning)
        for key in _STRINGS:
            if key in self.table and not isinstance(self.table[key], str):
                raise self.error(f"{key} must be a string", key)
        changes.update({key: self.table[key] for key in ("index", "count", "prime") if key in self.table})
        if "layers" in self.table:
            if not isinstance(self.table["layers"], bool):
                raise self.error("layers must be true or false", "layers")
            changes["layers"] = changes["bare_layers"] = self.table["layers"]
        if "partial" in self.table:
            if self.table["partial"] not in ("factor", "product"):
                raise self.error('partial must be "factor" or "product"', "partial")
            changes["partial"] = self.table["partial"]
        return Block(
            vocabulary=vocabulary.with_(**changes),
            title=self.table.get("title"),
            held=[self.formula(name) for name in self.strings("held")],
            readings=self.strings("readings"),
            denote=[(self.formula(entry.get("written")), self.formula(entry.get("means"))) for entry in self.entries("denote", ("written", "means"))],
            assume=[(self.formula(entry.get("equation")), entry.get("reading", "")) for entry in self.entries("assume", ("equation", "reading"))],
        )

    def entries(self, key, fields) -> list[dict]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
            raise self.error(f"{key} must be written [[{key}]] with {' and '.join(fields)}", key)
        for entry in value:
            extra = set(entry) - set(fields)
            if extra or fields[0] not in entry:
                raise self.error(f"[[{key}]] takes {' and '.join(fields)}", key)
        return value
