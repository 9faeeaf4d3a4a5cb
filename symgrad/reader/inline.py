r"""Definitions written in the prose's inline math, as Nielsen writes δ: ``$\delta^l \equiv
\partial C_x / \partial z^l$``.  Only an inline formula with a defining sign (``:=``,
``\coloneqq``, ``\equiv``, ``\triangleq``) is taken; every other inline formula stays prose.
"""

from __future__ import annotations

import re

from symgrad.reader.errors import ReadError
from symgrad.reader.macros import Macros
from symgrad.reader.pieces import ProseDefinition
from symgrad.reader.source import Snippet, relations_outside_braces

#: $…$ (not $$, not an escaped \$) within one paragraph, or \( … \).
_INLINE = re.compile(r"(?<![\\$])\$(?!\$)((?:[^$\\\n]|\\.|\n(?![ \t]*\n))+?)\$(?!\$)|\\\(((?:(?!\\\)).)+?)\\\)", re.S)
_DEFINES = re.compile(r":=|\\(?:coloneqq|eqqcolon|triangleq|equiv)(?![A-Za-z])")
#: NAME = … with one =, the name plain or with a subscript or superscript ($a_i = \sigma(w x_i + b)$).
_EQUALS = re.compile(r"^\s*(?:\\(?:hat|bar|tilde|widehat|widetilde|overline|vec|mathbf|boldsymbol)\s*(?:\{[^{}]*\}|\\?[A-Za-z]+)"
                     r"|\\?[A-Za-z]+)\s*(?:[_^]\s*(?:\{[^{}=]*\}|\\?\w)\s*)*=")


#: A Markdown code span: `$e_i := …$` there is code, not math.
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.S)


def prose_definitions(prose: Snippet, macros: Macros, code_spans: bool = False) -> list[tuple[int, ProseDefinition]]:
    """The defining inline formulas of `prose`, each with its offset in `prose` (with
    `code_spans`, Markdown's `…` spans are code, never read)."""
    found = []
    if code_spans:
        prose = prose.blank_all([match.span() for match in _CODE_SPAN.finditer(prose.text)])
    for match in _INLINE.finditer(prose.text):
        group = 1 if match.group(1) is not None else 2
        equals = not _DEFINES.search(match.group(group))
        if equals and not (_EQUALS.match(match.group(group)) and relations_outside_braces(match.group(group)) == 1):
            continue
        try:
            formula = macros.expand(macros.collect(prose.part(match.start(group), match.end(group))))
        except ReadError:
            continue  # a broken macro in prose: the prose stays prose
        found.append((match.start(), ProseDefinition(formula, formula.position(0)[0], equals)))
    return found
