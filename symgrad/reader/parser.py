"""Parse one formula into a Lark tree: LALR (linear time), nesting bounded, errors positioned.

Parsing knows no vocabulary and keeps no state between calls: what the names mean is the
resolver's business (:mod:`symgrad.reader.resolver`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from lark import Lark, Tree
from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)

from symgrad.reader.errors import ReadError
from symgrad.reader.source import Snippet
from symgrad.reader.syntax import SyntaxBuilder

#: Deeper nesting than this is refused before parsing (the tree walk is recursive).
MAX_DEPTH = 64
#: A single formula longer than this is refused (hand-written formulas are far shorter).
MAX_LENGTH = 20_000

_OPENERS = {"{": "}", "(": ")", "[": "]"}
#: Characters people paste from rendered math, read as the ASCII they stand for (one for one).
_SAME_AS_ASCII = str.maketrans({"\u2212": "-", "\u00b7": "*", "\u22c5": "*", "\u00d7": "*"})
_SIGN_RUN = re.compile(r"(?:[+-]\s*){%d,}" % (MAX_DEPTH + 1))
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_NAMES = {
    "EQ": "'='", "COLON": "':'", "ADDOP": "'+' or '-'", "MULOP": "'*'", "PRIME": "a prime",
    "DOTS": r"'\dots'", "LPAR": "'('", "RPAR": "')'", "LBRACE": "'{'", "RBRACE": "'}'",
    "ARROW": r"'\to'", "NAME": "a name", "COMMAND": "a name", "NUMBER": "a number",
    "SCRIPT_CHAR": "a letter or digit", "SIMPLE_SUB": "a subscript", "LAYER": "a layer superscript",
    "FRAC": r"'\frac'", "SUM": r"'\sum'", "PARTIAL": r"'\partial'", "$END": "the end",
    "CIRCUMFLEX": "'^'", "UNDERSCORE": "'_'", "COMMA": "','", "DEFINES": "':='", "GETS": r"'\leftarrow'",
    "APPROX": r"'\approx'", "COMPARE": "a comparison", "CASES_BEGIN": r"'\begin{cases}'",
    "CASES_END": r"'\end{cases}'", "ROW_BREAK": r"'\\'", "AMP": "'&'", "CASE_IF": "'if'",
    "CASE_OTHERWISE": "'otherwise'", "INDICATOR": r"'\mathbb{1}'", "ESC_LBRACE": r"'\{'", "ESC_RBRACE": r"'\}'",
    "STAR": r"'^\star'", "DIVOP": "'/'", "BRACE_LPAR": "'{('", "NABLA": r"'\nabla'", "ABS_OPEN": "'|'",
    "ABS_CLOSE": "'|'", "LEFT_DOT": r"'\left.'", "DFRAC": r"'\frac{d}{d…}'", "LIM": r"'\lim'",
    "SQRT": r"'\sqrt'", "DECORATED": "a name", "FRAC_DIGITS": "two digits",
}

#: What to do, for the mistakes people make most (checked before the generic message).
_HINTS = (
    (re.compile(r"\\sum\s*_\s*(\{[^}]*\}|\S)\s*$"), "CIRCUMFLEX",
     r"a sum needs both limits, as in \sum_{i=1}^{n} x_i"),
    (re.compile(r"\\left\s*\.(?!.*\\right\s*\|\s*_)", re.S), "$END",
     r"\left. … \right| needs the point it is taken at, as in \left. w^2 \right|_{w=1}"),
)


@lru_cache(maxsize=1)
def _lark() -> Lark:
    grammar = resources.files("symgrad.reader").joinpath("grammar.lark").read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
    )


def check_nesting(snippet: Snippet) -> None:
    """Balanced and shallow brackets, checked iteratively before the parser sees the text."""
    text, stack = snippet.text, []
    k = 0
    while k < len(text):
        char = text[k]
        if char == "\\":
            k += 2  # an escaped character such as \{ is not a bracket
            continue
        if char in _OPENERS:
            stack.append(k)
            if len(stack) > MAX_DEPTH:
                raise ReadError(f"brackets nested more than {MAX_DEPTH} deep", snippet, k)
        elif char in _CLOSERS:
            if not stack:
                raise ReadError(f"unbalanced '{char}': nothing to close", snippet, k)
            opened = text[stack.pop()]
            if char == "}" and opened != "{" or opened == "{" and char != "}":
                raise ReadError(f"unbalanced '{char}': it closes '{opened}'", snippet, k)
        k += 1
    if stack:
        opened = text[stack[-1]]
        raise ReadError(f"unbalanced '{opened}': never closed", snippet, stack[-1])


def parse(snippet: Snippet) -> Tree:
    """The Lark tree of one formula; a ReadError where it cannot be read."""
    check_nesting(snippet)
    if len(snippet.text) > MAX_LENGTH:
        raise ReadError(f"formula longer than {MAX_LENGTH} characters", snippet, 0)
    signs = _SIGN_RUN.search(snippet.text)
    if signs:
        raise ReadError(f"more than {MAX_DEPTH} signs in a row", snippet, signs.start())
    try:
        return _lark().parse(_marked_bars(snippet.text.translate(_SAME_AS_ASCII)))
    except UnexpectedInput as error:
        raise _read_error(error, snippet) from None


def _marked_bars(text: str) -> str:
    """Each plain | marked as opening ⦗ or closing ⦘ an absolute value (|a| |b|, |x - |y||): a bar
    closes when one is open and what stands before it can end a term, else it opens."""
    # the norm of a scalar is its absolute value: \lVert w \rVert and \left\| w \right\| (same lengths)
    text = re.sub(r"\\([lr])Vert(?![A-Za-z])", r"\\\1vert", text)
    text = re.sub(r"\\(left|right)\s*\\\|", lambda m: m.group()[:-2] + " |", text)
    if "|" not in text:
        return text
    out, depth, before = [], 0, ""
    for k, char in enumerate(text):
        if char == "|" and k > 0 and text[k - 1] == "\\":  # the norm bars \| of a scalar are |…| too
            out[-1] = " "
        if char == "|" and not text[max(0, k - 8) : k].rstrip().endswith(("\\left", "\\right", "\\big", "\\Big", "\\bigl", "\\bigr")):
            closes = depth > 0 and before and before not in "([{=+-*,^_⦗|"
            depth += -1 if closes else 1
            char = "⦘" if closes else "⦗"
        out.append(char)
        if not char.isspace():
            before = char
    return "".join(out)


def syntax_tree(snippet: Snippet):
    """The syntax tree of one formula (:mod:`symgrad.reader.syntax`); a ReadError where it cannot be read."""
    tree = parse(snippet)
    try:
        return SyntaxBuilder().transform(tree)
    except RecursionError:
        raise ReadError("the formula is nested too deeply to read", snippet, 0) from None


def _read_error(error: UnexpectedInput, snippet: Snippet) -> ReadError:
    text = snippet.text
    if isinstance(error, UnexpectedCharacters):
        at = error.pos_in_stream
        command = re.match(r"\\[A-Za-z]+", text[at:])
        if command and command.group() in (r"\text", r"\textrm", r"\mbox", r"\textit"):
            return ReadError(f"prose inside a formula ({command.group()}{{…}}) is not read: move it out of the display", snippet, at)
        if command and command.group() in (r"\left", r"\right"):
            return ReadError(f"{command.group()} is read before (, [, |, \\| or . only", snippet, at)
        if command:
            return ReadError(f"unknown command {command.group()}", snippet, at)
        if text[at] == "&":
            return ReadError("stray '&': alignment marks belong in an align environment", snippet, at)
        return ReadError(f"unexpected character {text[at]!r}", snippet, at)
    token = getattr(error, "token", None)
    ends = isinstance(error, UnexpectedEOF) or token is not None and token.type == "$END"
    before = text[: token.start_pos] if token is not None and not ends else text
    for pattern, expected, hint in _HINTS:
        if pattern.search(before) and (expected == "$END" and ends or expected in getattr(error, "expected", ())):
            return ReadError(hint, snippet, len(before.rstrip()))
    if ends:
        return ReadError("the formula ends too early", snippet, len(text.rstrip()))
    if isinstance(error, UnexpectedToken) and error.token.type == "COMPARE":
        return ReadError("a comparison is read only in cases or an indicator, \\mathbb{1}[z > 0]: a claim is written with =",
                         snippet, error.token.start_pos)
    if isinstance(error, UnexpectedToken) and error.token.type == "AMP":
        return ReadError("stray '&': alignment marks belong in an align environment", snippet, error.token.start_pos)
    if isinstance(error, UnexpectedToken):
        token = error.token
        expected = sorted({_NAMES.get(name, repr(name)) for name in error.expected})
        hint = f"; expected {', '.join(expected[:6])}" if expected else ""
        return ReadError(f"unexpected {token.value!r}{hint}", snippet, token.start_pos)
    return ReadError(str(error).splitlines()[0], snippet, 0)
