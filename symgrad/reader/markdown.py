"""Markdown notes: ``$$ … $$`` displays numbered ``\\quad (N)`` or ``\\tag{N}``, headings written
``# Title`` or as a numbered line (``1.2.1 Cost``), prose, and ```` ```symgrad ```` notation blocks.
"""

from __future__ import annotations

import re

from symgrad.reader.errors import ReadError
from symgrad.reader.inline import prose_definitions
from symgrad.reader.labels import bare_number, take_label
from symgrad.reader.macros import Macros
from symgrad.reader.pieces import Display, Heading, NotationBlock, Problem, Prose
from symgrad.reader.source import Source, delimited_spans

_FENCE = re.compile(r"^\s*(```+|~~~+)\s*([\w-]*)")
_ATX = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
_NUMBERED = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s+([A-Z][^$]{0,80}?)\s*$")
#: A display: $$ … $$ within one paragraph (a blank line ends it, as in Markdown's math), \[ … \], or an
#: environment MathJax and KaTeX show as one (equation, align, gather, multline), begin and end kept.
_DISPLAY = re.compile(
    r"\$\$((?:(?!\n[ \t]*\n).)*?)\$\$"
    r"|\\\[(.*?)\\\]"
    r"|(\\begin\s*\{(equation|align|gather|multline|eqnarray)\*?\}.*?\\end\s*\{\4\*?\})",
    re.S,
)
#: The underline of a Setext heading: === (level 1) or --- (level 2), under a line of its own.
_SETEXT = re.compile(r"^ {0,3}(=+|-{3,})\s*$")
_EQUATION_ENV = re.compile(r"\\(begin|end)\s*\{equation\*?\}")


def heading(line: str) -> Heading | None:
    """A heading line: '## 1.2 Linear Model', '# Notes', or a bare numbered title '1.2.1 Cost'."""
    match = _ATX.match(line)
    if match:
        numbered = _NUMBERED.match(match.group(1))
        return Heading(*numbered.groups()) if numbered else Heading("", match.group(1))
    match = _NUMBERED.match(line)
    if match and not match.group(2).endswith((".", ",", ":")):
        return Heading(*match.groups())
    return None


def pieces(source: Source) -> list:
    """The document's pieces in order (HTML comments and code are not part of the notes' math)."""
    hidden = [(start, end) for start, _, end, _ in delimited_spans(source.text, "<!--", "-->")]
    hidden += [match.span() for match in _PRE.finditer(source.text)] + _indented_code(source.text)
    source = Source(source.path, source.snippet(0, len(source.text)).blank_all(sorted(hidden)).text)
    text, out, macros = source.text, [], Macros()
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    k = 0
    prose_start = 0
    while k < len(lines):
        fence = _FENCE.match(lines[k])
        if fence:
            end = next((j for j in range(k + 1, len(lines)) if lines[j].strip().startswith(fence.group(1))), None)
            out += _prose(source, starts[prose_start], starts[k], macros)
            if end is None:
                out.append(Problem(ReadError(f"the {fence.group(1)} fence opened here is never closed", None, starts[k])))
                return out
            inside = source.snippet(starts[k + 1], max(starts[k + 1], starts[end] - 1))
            if fence.group(2) == "symgrad":
                out.append(NotationBlock(inside))
            elif fence.group(2) == "math":  # GitHub's ```math block: a display
                out += _display(inside, macros.expand)
            k = prose_start = end + 1
            continue
        found, height = heading(lines[k]), 1
        if found is None and _underlined(lines, k):
            found, height = Heading("", lines[k].strip()), 2  # a title underlined with === or ---
        if found and "$$" not in lines[k]:
            out += _prose(source, starts[prose_start], starts[k], macros)
            out.append(found)
            k = prose_start = k + height
            continue
        k += 1
    out += _prose(source, starts[prose_start], len(text), macros)
    return out


def _underlined(lines: list[str], k: int) -> bool:
    """Whether line k is a Setext heading: a line of its own, without math, underlined by the next."""
    return (k + 1 < len(lines) and bool(_SETEXT.match(lines[k + 1])) and bool(lines[k].strip())
            and "$" not in lines[k] and (k == 0 or not lines[k - 1].strip()))


#: HTML code blocks: shown as code, never as math.
_PRE = re.compile(r"<(pre|code)\b[^>]*>.*?(</\1\s*>|\Z)", re.S | re.I)
_LIST_ITEM = re.compile(r"\s*([-*+]|\d+[.)])\s")


def _indented_code(text: str) -> list[tuple[int, int]]:
    """The spans of Markdown's indented code blocks: lines indented by four spaces or a tab after a
    blank line, outside a list (where indentation continues an item)."""
    spans, offset, previous, in_list, in_code = [], 0, "", False, False
    for line in text.split("\n"):
        indented = line.startswith(("    ", "\t")) and line.strip()
        if not line.strip():
            pass  # a blank line neither opens nor closes a block
        elif indented and (in_code or not previous.strip()) and not in_list:
            in_code = True
            spans.append((offset, offset + len(line)))
        else:
            in_code = False
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and bool(indented))
        previous = line
        offset += len(line) + 1
    return spans


def _unclosed(position: int) -> Problem:
    return Problem(ReadError("'$$' opens a display that is never closed (before a blank line ends the paragraph)",
                             None, position))


def _prose(source: Source, start: int, end: int, macros: Macros) -> list:
    """Prose with its $$ displays cut out."""
    out, cursor = [], start
    chunk = source.text[start:end]
    for match in _DISPLAY.finditer(chunk):
        raw = chunk[cursor - start : match.start()]
        if "$$" in raw:
            out.append(_unclosed(cursor + raw.index("$$")))
        before = raw.strip()
        if before:
            out.append(Prose(before))
            out += _definitions_in(source.snippet(cursor, start + match.start()), macros)
        cursor = start + match.end()
        body = next(group for group in (1, 2, 3) if match.group(group) is not None)
        written = source.snippet(start + match.start(body), start + match.end(body))
        out += _display(written, lambda snippet: macros.expand(macros.collect(snippet)))
    rest = chunk[cursor - start :]
    if "$$" in rest:
        out.append(_unclosed(cursor + rest.index("$$")))
    if rest.strip():
        out.append(Prose(rest.strip()))
        out += _definitions_in(source.snippet(cursor, end), macros)
    return out


def _display(snippet, expand) -> list:
    """A display's piece: its formula with macros expanded (`expand`) and the equation environment's
    begin and end left out, and its label (a problem where a bare number may be either)."""
    try:
        snippet = expand(snippet)
    except ReadError as error:
        return [Problem(error)]
    snippet = snippet.blank_all([m.span() for m in _EQUATION_ENV.finditer(snippet.text)])
    if not snippet.text.strip():
        return []
    snippet, label = take_label(snippet)
    ambiguous = bare_number(snippet) if label is None else None
    if ambiguous is not None:
        return [Problem(ambiguous)]
    return [Display(snippet, label, snippet.position(0)[0])]


def _definitions_in(prose, macros: Macros) -> list:
    return [definition for _, definition in prose_definitions(prose, macros, code_spans=True)]
