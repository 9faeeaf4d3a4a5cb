r"""Definitions written in the prose's inline math, as Nielsen writes δ: ``$\delta^l \equiv
\partial C_x / \partial z^l$``.  Only an inline formula with a defining sign (``:=``,
``\coloneqq``, ``\equiv``, ``\triangleq``) is taken; every other inline formula stays prose.
"""

from __future__ import annotations

import re

from symgrad.reader.errors import ReadError
from symgrad.reader.macros import Macros
from symgrad.reader.pieces import ProseDefinition
from symgrad.reader.source import Snippet

#: $…$ (not $$, not an escaped \$) within one paragraph, or \( … \).
_INLINE = re.compile(r"(?<![\\$])\$(?!\$)((?:[^$\\\n]|\\.|\n(?![ \t]*\n))+?)\$(?!\$)|\\\(((?:(?!\\\)).)+?)\\\)", re.S)
_DEFINES = re.compile(r":=|\\(?:coloneqq|eqqcolon|triangleq|equiv)(?![A-Za-z])")


def prose_definitions(prose: Snippet, macros: Macros) -> list[tuple[int, ProseDefinition]]:
    """The defining inline formulas of `prose`, each with its offset in `prose`."""
    found = []
    for match in _INLINE.finditer(prose.text):
        group = 1 if match.group(1) is not None else 2
        if not _DEFINES.search(match.group(group)):
            continue
        try:
            formula = macros.expand(macros.collect(prose.part(match.start(group), match.end(group))))
        except ReadError:
            continue  # a broken macro in prose: the prose stays prose
        found.append((match.start(), ProseDefinition(formula, formula.position(0)[0])))
    return found
