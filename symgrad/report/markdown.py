"""The Markdown report: GitHub-flavoured Markdown with ``$…$`` and ``$$…$$`` math.

Document text is backslash-escaped so a diagnosis cannot start a link, a table cell or math;
LaTeX that could close its own ``$`` delimiters is shown as code instead.
"""

from __future__ import annotations

import re

from symgrad.report import common
from symgrad.results import Counterexample, DocumentReport, Finding, Verdict

_SPECIAL = re.compile(r"([\\`*_\[\]<>|$~&#!])")


def escape(text: str) -> str:
    """`text` as literal Markdown on one line: specials backslash-escaped, newlines as spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def code(text: str) -> str:
    """An inline code span, its fence longer than any run of backticks inside."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def math(latex: str) -> str:
    """Inline math, or code when the LaTeX contains a dollar sign or spans lines."""
    latex = latex.strip()
    if "$" in latex or "\n" in latex or not latex:
        return code(latex)
    return f"${latex}$"


def display_math(latex: str) -> str:
    """A display-math paragraph."""
    latex = latex.strip()
    if "$" in latex or not latex:
        return code(latex)
    return f"$$\n{latex}\n$$"


def badge(verdict: str) -> str:
    symbol, words = common.BADGES[verdict]
    strong = Verdict(verdict).is_wrong
    return f"{symbol} **{words.upper()}**" if strong else f"{symbol} {words}"


def _cell(text: str) -> str:
    return text.replace("|", r"\|")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def _counterexample(example: Counterexample) -> list[str]:
    rows = [[math(name), value] for name, value in common.counterexample_rows(example)]
    rows += [[side, value] for side, value in common.sides(example)]
    return _table(["variable", "value"], rows)


_CELLS = {
    "missing": lambda value: "—",
    "math": math,
    "badge": badge,
    "code": code,
    "number": lambda value: escape(str(value)),
}


def _layer_table(finding: Finding) -> list[str]:
    columns, rows = common.layer_table(finding)
    return _table(columns, [[_CELLS[kind](value) for kind, value in row] for row in rows])


def _note(note: common.Note) -> list[str]:
    """A note's paragraph(s): short ones on the term's line, math and tables below it."""
    term = f"**{escape(note.term)}:**"
    if note.kind == "math":
        return [term, "", display_math(note.value)]
    if note.kind == "counterexample":
        return [term, ""] + _counterexample(note.value)
    if note.kind == "layers":
        return [term, ""] + _layer_table(note.value)
    if note.kind == "code":
        return [f"{term} {code(note.value)}"]
    if note.kind == "labels":
        return [term + " " + ", ".join(f"({escape(label)})" for label in note.value)]
    return [f"{term} {escape(note.value)}"]


def _notes(finding: Finding) -> list[str]:
    return [line for note in common.notes(finding) for line in _note(note) + [""]]


def _headline(finding: Finding, title: str, chain: str | None) -> str:
    parts = [title, badge(finding.verdict)]
    if reason := common.reason(finding):
        parts.append(escape(reason))
    if chain:
        parts.append(("✗ **" + escape(chain) + "**") if finding.follows is False else "↳ " + escape(chain))
    return " — ".join(parts)


def _entry(entry: common.Entry) -> list[str]:
    finding = entry.finding
    title = f"**{escape(finding.name)}**" if finding.label is not None else ""
    prose = [_prose(finding.text), ""] if finding.text else []
    headline = _headline(finding, title, entry.chain).lstrip(" —")
    return prose + [headline, "", display_math(finding.latex), ""] + _notes(finding)


def _prose(text: str) -> str:
    """The author's prose, escaped, its inline math as $…$."""
    def words(value: str) -> str:  # escaped, the spaces around the math kept
        return (" " if value[:1].isspace() else "") + escape(value) + (" " if value[-1:].isspace() and value.strip() else "")

    return "".join(math(value) if kind == "math" else words(value) for kind, value in common.prose_pieces(text))


def _algorithm(finding: Finding) -> list[str]:
    return [_headline(finding, f"**{escape(str(finding.id))}**", None), "", _prose(finding.latex), ""] + _notes(finding)


def document_markdown(document: DocumentReport) -> str:
    lines = [f"## {escape(document.title)}", "",
             f"{code(document.path)} · {escape(common.summary_line([document], document.seconds))}", ""]
    if document.readings:
        lines += ["**Readings of the notation**", ""] + [f"- {_prose(r)}" for r in document.readings] + [""]
    for section, entries in common.sections(document):
        if section:
            lines += [f"### {escape(document.section_heading(section))}", ""]
        for entry in entries:
            lines += _entry(entry)
    checks = common.algorithm_checks(document)
    if checks:
        lines += ["### Algorithm checks", ""]
        for finding in checks:
            lines += _algorithm(finding)
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(documents: list[DocumentReport], seconds: float) -> str:
    head = f"# symgrad report\n\n**{escape(common.summary_line(documents, seconds))}**\n\n"
    return head + "\n".join(document_markdown(document) for document in documents)
