"""User macros (``\\def\\pd[#1]{\\partial_{#1}}``, ``\\newcommand{\\avg}[1]{…}``), expanded before
parsing the way TeX does: parameters delimited by the text around them, or single tokens and
brace groups.  Expansion is bounded, so a macro that calls itself is an error, not a hang.
Expanded characters point at the macro's name in the file; arguments keep their own positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symgrad.reader.errors import ReadError
from symgrad.reader.source import Snippet

MAX_EXPANSIONS = 2_000
MAX_EXPANDED = 20_000

_DEFINITION = re.compile(
    r"\\def\s*(?P<def>\\[A-Za-z]+)(?P<parameters>[^{\n]{0,40})\{"
    r"|\\(?:re)?newcommand\*?\s*(?:\{\s*(?P<braced>\\[A-Za-z]+)\s*\}|(?P<bare>\\[A-Za-z]+))\s*(?:\[\s*(?P<count>\d)\s*\])?\s*\{"
)
_CONTROL = re.compile(r"\\[A-Za-z]+")


@dataclass
class Macro:
    parameters: list  # literal strings and parameter numbers, in order
    body: Snippet


def _group_end(text: str, start: int) -> int:
    """The index just past the brace group opening at `start` (len(text) + 1 if unclosed)."""
    depth = 0
    k = start
    while k < len(text):
        char = text[k]
        if char == "\\":
            k += 2
            continue
        depth += char == "{"
        depth -= char == "}"
        if depth == 0:
            return k + 1
        k += 1
    return len(text) + 1


def _parameter_text(text: str) -> list:
    parts = []
    for piece in re.split(r"(#\d)", text):
        if re.fullmatch(r"#\d", piece):
            parts.append(int(piece[1]))
        elif piece.strip():
            parts.append(piece.strip())
    return parts


class Macros:
    """The macros a document has defined so far."""

    def __init__(self):
        self.table: dict[str, Macro] = {}

    def collect(self, snippet: Snippet) -> Snippet:
        """Record the definitions in `snippet` and blank them out (one scan, one blanking)."""
        spans, k = [], 0
        while True:
            match = _DEFINITION.search(snippet.text, k)
            if match is None:
                return snippet.blank_all(spans)
            open_brace = match.end() - 1
            end = _group_end(snippet.text, open_brace)
            if end > len(snippet.text):
                raise ReadError("the macro's body is never closed", snippet, open_brace)
            if match.group("def"):
                name, parameters = match.group("def"), _parameter_text(match.group("parameters"))
            else:
                name = match.group("braced") or match.group("bare")
                parameters = list(range(1, int(match.group("count") or 0) + 1))
            self.table[name] = Macro(parameters, snippet.part(open_brace + 1, end - 1))
            spans.append((match.start(), end))
            k = end

    def expand(self, snippet: Snippet) -> Snippet:
        """`snippet` with every macro replaced by its body, arguments substituted."""
        if not self.table:
            return snippet
        text, offsets, k, count = snippet.text, list(snippet.offsets), 0, 0
        while True:
            match = _CONTROL.search(text, k)
            if match is None:
                return Snippet(text, offsets, snippet.source)
            macro = self.table.get(match.group())
            if macro is None:
                k = match.end()
                continue
            count += 1
            current = Snippet(text, offsets, snippet.source)
            if count > MAX_EXPANSIONS or len(text) > MAX_EXPANDED:
                raise ReadError(f"the expansion of {match.group()} does not end", current, match.start())
            arguments, end = self._arguments(macro, current, match)
            body_text, body_offsets = self._substitute(macro, arguments, offsets[match.start()])
            text = text[: match.start()] + body_text + text[end:]
            offsets = offsets[: match.start()] + body_offsets + offsets[end:]
            k = match.start()

    def _arguments(self, macro: Macro, snippet: Snippet, match) -> tuple[dict, int]:
        text, k, arguments = snippet.text, match.end(), {}
        parts = macro.parameters
        for n, part in enumerate(parts):
            while k < len(text) and text[k].isspace():
                k += 1
            if isinstance(part, str):
                if not text.startswith(part, k):
                    raise ReadError(f"{match.group()} expects {part!r} here", snippet, k)
                k += len(part)
                continue
            delimiter = parts[n + 1] if n + 1 < len(parts) and isinstance(parts[n + 1], str) else None
            start = k
            if delimiter is not None:
                k = self._until(snippet, k, delimiter, match.group())
            elif k < len(text) and text[k] == "{":
                k = _group_end(text, k)
                if k > len(text):
                    raise ReadError(f"an argument of {match.group()} is never closed", snippet, start)
            elif k < len(text):
                command = _CONTROL.match(text, k)
                k = command.end() if command else k + 1
            else:
                raise ReadError(f"{match.group()} is missing an argument", snippet, k)
            if text[start:k].startswith("{") and _group_end(text, start) == k:
                arguments[part] = snippet.part(start + 1, k - 1)
            else:
                arguments[part] = snippet.part(start, k)
        return arguments, k

    @staticmethod
    def _until(snippet: Snippet, k: int, delimiter: str, name: str) -> int:
        text, depth = snippet.text, 0
        while k < len(text):
            if depth == 0 and text.startswith(delimiter, k):
                return k
            depth += text[k] == "{"
            depth -= text[k] == "}"
            k += 1
        raise ReadError(f"{name}: no {delimiter!r} ends its argument", snippet, k)

    @staticmethod
    def _substitute(macro: Macro, arguments: dict, at: int) -> tuple[str, list]:
        body = macro.body.text
        text, offsets = [], []
        pieces = re.split(r"(##|#\d)", body)
        for piece in pieces:
            if piece == "##":
                text.append("#")
                offsets.append(at)
            elif re.fullmatch(r"#\d", piece) and int(piece[1]) in arguments:
                argument = arguments[int(piece[1])]
                text.append(argument.text)
                offsets += argument.offsets[: len(argument.text)]
            else:
                text.append(piece)
                offsets += [at] * len(piece)
        return "".join(text), offsets
