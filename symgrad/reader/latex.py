"""LaTeX notes: ``equation`` and ``align`` environments (``&=`` rows split at ``\\\\``, numbered
per row unless starred, ``\\nonumber`` or ``\\tag``; ``\\setcounter{equation}{N}``), ``\\[ … \\]``,
``\\section``-style headings, ``\\def``/``\\newcommand`` macros, and notation blocks: the Markdown
fence inside ``%`` comment lines or a ``comment`` environment::

    % ```symgrad
    % functions = ["C"]
    % ```
"""

from __future__ import annotations

import re

from symgrad.reader.errors import ReadError
from symgrad.reader.inline import prose_definitions
from symgrad.reader.labels import take_label
from symgrad.reader.macros import Macros, _group_end
from symgrad.reader.pieces import Display, Heading, NotationBlock, Problem, Prose, Title
from symgrad.reader.source import (
    Snippet,
    Source,
    continues_expression,
    delimited_spans,
)

_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_PIECE = re.compile(
    r"(?P<section>\\(?P<level>(?:sub){0,2})section(?P<star>\*?)\s*\{)"
    r"|\\begin\{(?P<env>equation|align|gather)(?P<estar>\*?)\}"
    r"|(?<!\\)\\\[|\$\$"
    r"|\\setcounter\s*\{equation\}\s*\{\s*(?P<counter>\d+)\s*\}"
)
#: Commands that read or write other files or run programs: refused anywhere in a document.
_REFUSED = re.compile(r"\\(input|include|includeonly|InputIfFileExists|write|write18|immediate|openin|openout|read|directlua|special)(?![A-Za-z])")
_UNNUMBERED = re.compile(r"\\(nonumber|notag)(?![A-Za-z])")
_ROW_BREAK = re.compile(r"\\\\(\s*\[[^\]]*\])?")


def _blocks_in_comment_lines(source: Source) -> list[NotationBlock]:
    """Fenced ```symgrad blocks written in % comment lines, with the % prefixes taken off."""
    out, lines, offset = [], source.text.split("\n"), 0
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    k = 0
    while k < len(lines):
        if re.match(r"\s*%+\s?```symgrad\s*$", lines[k]):
            text, offsets = [], []
            j = k + 1
            while j < len(lines) and re.match(r"\s*%", lines[j]) and not re.match(r"\s*%+\s?```", lines[j]):
                prefix = re.match(r"\s*%+ ?", lines[j]).end()
                text.append(lines[j][prefix:] + "\n")
                offsets += list(range(starts[j] + prefix, starts[j] + len(lines[j]) + 1))
                j += 1
            offsets.append(offsets[-1] + 1 if offsets else starts[k])
            out.append((starts[k], NotationBlock(Snippet("".join(text), offsets, source))))
            k = j
        k += 1
    return out


def _comment_environments(text: str) -> list[tuple[int, int, int]]:
    """(start, body start, end) of every comment environment (an unclosed one runs to the end)."""
    return [(start, inner, end) for start, inner, end, _ in delimited_spans(text, r"\begin{comment}", r"\end{comment}")]


def _blocks_in_comment_environments(source: Source) -> list:
    out = []
    for start, inner, end in _comment_environments(source.text):
        body = source.text[inner:end]
        opening = body.find("```symgrad")
        if opening < 0:
            continue
        first = body.find("\n", opening)
        closing = body.find("```", first + 1) if first >= 0 else -1
        if closing >= 0:
            out.append((inner + first + 1, NotationBlock(source.snippet(inner + first + 1, inner + closing))))
    return out


#: Text LaTeX never typesets as math: verbatim and code listings, \iffalse … \fi, \verb|…|.
_NOT_TYPESET = re.compile(
    r"\\begin\s*\{(verbatim\*?|Verbatim|lstlisting|minted|alltt)\}.*?(\\end\s*\{\1\}|\Z)"
    r"|\\iffalse(?![A-Za-z]).*?(\\fi(?![A-Za-z])|\Z)"
    r"|\\verb\*?(\S).*?\4",
    re.S,
)


def _uncommented(source: Source) -> Snippet:
    """The document with what is never typeset blanked: comment environments, code, \\iffalse, % comments."""
    snippet = source.snippet(0, len(source.text))
    snippet = snippet.blank_all([(start, end) for start, _, end in _comment_environments(snippet.text)])
    snippet = snippet.blank_all([match.span() for match in _NOT_TYPESET.finditer(snippet.text)])
    return snippet.blank_all([match.span() for match in _COMMENT.finditer(snippet.text)])


class _Numbering:
    def __init__(self):
        self.equation, self.sections = 0, [0, 0, 0]

    def next_equation(self) -> str:
        self.equation += 1
        return str(self.equation)

    def heading(self, level: int, starred: bool, title: str) -> Heading:
        if starred:
            return Heading("", title)
        self.sections[level] += 1
        self.sections[level + 1 :] = [0] * (2 - level)
        return Heading(".".join(str(n) for n in self.sections[: level + 1]), title)


def pieces(source: Source) -> list:
    """The document's pieces in order."""
    macros, numbering = Macros(), _Numbering()
    placed = _blocks_in_comment_lines(source) + _blocks_in_comment_environments(source)
    text = _uncommented(source)
    try:
        text = macros.collect(text)
    except ReadError as error:
        return [Problem(error)]
    for command in _REFUSED.finditer(text.text):
        message = f"\\{command.group(1)} is refused: symgrad reads this one file and runs nothing"
        placed.append((command.start(), Problem(ReadError(message, text, command.start()))))
    title = re.search(r"\\title\s*\{", text.text)
    if title and _group_end(text.text, title.end() - 1) <= len(text.text):
        words = text.text[title.end() : _group_end(text.text, title.end() - 1) - 1]
        placed.append((title.start(), Title(" ".join(re.sub(r"\\\\|\\thanks\s*\{[^{}]*\}", " ", words).split()))))
    body = re.search(r"\\begin\{document\}", text.text)
    k = body.end() if body else 0  # the preamble is macros and packages, not prose
    while True:
        match = _PIECE.search(text.text, k)
        end = match.start() if match else len(text.text)
        prose = " ".join(text.text[k:end].replace(r"\end{document}", "").split())
        if prose:
            placed.append((k, Prose(prose)))
            placed += [(k + at, definition) for at, definition in prose_definitions(text.part(k, end), macros)]
        if match is None:
            break
        try:
            found, k = _piece(text, match, macros, numbering)
        except ReadError as error:
            placed.append((match.start(), Problem(error)))
            break
        placed += [(match.start(), piece) for piece in found]
    placed.sort(key=lambda pair: pair[0])
    return [piece for _, piece in placed]


def _piece(text: Snippet, match, macros: Macros, numbering: _Numbering) -> tuple[list, int]:
    """The pieces one heading or math environment gives, and where reading goes on."""
    if match.group("counter"):
        numbering.equation = int(match.group("counter"))
        return [], match.end()
    if match.group("section"):
        end = _group_end(text.text, match.end() - 1)
        if end > len(text.text):
            raise ReadError("the section title is never closed", text, match.end() - 1)
        level = len(match.group("level")) // 3
        return [numbering.heading(level, bool(match.group("star")), text.text[match.end() : end - 1].strip())], end
    if match.group("env"):
        name = match.group("env") + match.group("estar")
        closing = f"\\end{{{name}}}"
    else:
        closing = r"\]" if match.group() == r"\[" else "$$"
    stop = text.text.find(closing, match.end())
    if stop < 0:
        raise ReadError(f"{match.group()} is never closed by {closing}", text, match.start())
    numbered = match.group("env") is not None and not match.group("estar")
    rows = _rows(text.part(match.end(), stop), aligned=match.group("env") in ("align", "gather"))
    found = []
    for row in rows:
        row = macros.expand(macros.collect(row))
        row, label = take_label(row)
        unnumbered = _UNNUMBERED.search(row.text)
        if unnumbered:
            row = row.blank(unnumbered.start(), unnumbered.end())
        if label is None and numbered and not unnumbered:
            label = numbering.next_equation()
        if row.text.strip():
            first = len(row.text) - len(row.text.lstrip())
            found.append(Display(row, label, row.position(first)[0]))
    return found, stop + len(closing)


def _rows(body: Snippet, aligned: bool) -> list[Snippet]:
    """The rows of an align (split at \\\\ outside braces, & blanked), or the one formula."""
    if not aligned:
        return [body]
    spans, start, depth = [], 0, 0  # (start, end, the row breaks inside it)
    text = body.text
    k = 0
    while k < len(text):
        char = text[k]
        if char == "\\":
            brk = _ROW_BREAK.match(text, k) if depth == 0 else None
            if brk:
                spans.append((start, k, []))
                start = k = brk.end()
            else:
                k += 2  # an escaped character such as \{ is not a brace
            continue
        depth += char == "{"
        depth -= char == "}"
        k += 1
    spans.append((start, len(text), []))
    merged = []
    for start, end, breaks in spans:
        rest = re.sub(r"(?<!\\)&", " ", text[start:end])
        if merged and continues_expression(rest):  # &\qquad \times …: the row before goes on
            first, last, inner = merged.pop()
            earlier = [m.span() for m in _UNNUMBERED.finditer(text, first, last)]  # its number is this row's
            merged.append((first, end, inner + [(last, start)] + earlier))
        else:
            merged.append((start, end, breaks))
    rows = [body.part(0, len(text)).blank_all(breaks).part(start, end) for start, end, breaks in merged]
    return [row.blank_all([m.span() for m in re.finditer(r"(?<!\\)&", row.text)]) for row in rows]
