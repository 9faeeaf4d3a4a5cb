"""The text report: a line per equation (number, verdict, short reason), details under what does
not hold, and at the end, as pytest does, a short summary of those lines with their FILE:LINE.

Colour marks the verdicts when asked for (``--color``); the words are always there, so nothing
is told by colour alone.
"""

from __future__ import annotations

import textwrap

from symgrad.report.common import evidence_lines, explains, reason, summary_line
from symgrad.results import DocumentReport, Finding, Kind, Verdict

MARKS = {
    Verdict.PROVEN: "proven",
    Verdict.NUMERICALLY_EQUAL: "numerically equal",
    Verdict.FAILS: "FAILS",
    Verdict.ILL_FORMED: "ILL-FORMED",
    Verdict.INCONCLUSIVE: "inconclusive",
    Verdict.DEFINITION: "definition",
}
#: ANSI colours of the verdicts (green, green, red, red, yellow, none).
COLOURS = {
    Verdict.PROVEN: "32", Verdict.NUMERICALLY_EQUAL: "32", Verdict.FAILS: "1;31",
    Verdict.ILL_FORMED: "1;31", Verdict.INCONCLUSIVE: "33",
}
WIDTH = 100
DETAIL = " " * 8


def _mark(verdict: Verdict, color: bool, width: int = 18) -> str:
    text = f"{MARKS[verdict]:<{width}}"
    if not color or verdict not in COLOURS:
        return text
    word = MARKS[verdict]
    return f"\033[{COLOURS[verdict]}m{word}\033[0m" + text[len(word):]


def _why(finding: Finding) -> str | None:
    """The diagnosis beyond its headline (which the verdict's line shows already), if any."""
    if not explains(finding):
        return None
    headline, text = finding.diagnosis.headline, finding.diagnosis.text
    if text == headline:
        return None
    return text[len(headline):].lstrip(":; ") if text.startswith(headline) else text


def _details(finding: Finding, path: str) -> list[str]:
    lines = [f"read as: {reading}" for reading in finding.readings]
    why = _why(finding)
    if why:
        lines.append(f"why: {why}")
    lines += evidence_lines(finding)
    if finding.kind == Kind.ALGORITHM and finding.rests_on:
        lines.append("rests on: " + ", ".join(f"({label})" for label in finding.rests_on))
    if finding.kind == Kind.ALGORITHM and finding.evidence:
        lines.append(finding.evidence)
    if not finding.verdict.holds and finding.line is not None:
        lines.append(f"at {path}:{finding.line}")
    wrapped = []
    for line in lines:
        wrapped += textwrap.wrap(line, WIDTH, initial_indent=DETAIL, subsequent_indent=DETAIL + "  ")
    return wrapped


def _headline(finding: Finding, color: bool) -> list[str]:
    """The verdict's line, wrapped under the reason."""
    if finding.kind == Kind.ALGORITHM:
        return [f"    {_mark(finding.verdict, color)} {finding.id}"]
    first = f"    {finding.name:<6} {MARKS[finding.verdict]:<18} "
    text = reason(finding, mention_follows=True)
    lines = textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=" " * len(first)) or [first.rstrip()]
    lines[0] = f"    {finding.name:<6} {_mark(finding.verdict, color)} " + lines[0][len(first):]
    return [line.rstrip() for line in lines]


def render_finding(finding: Finding, path: str = "") -> str:
    """One finding as the text report shows it (its verdict's line and the details under it)."""
    return "\n".join(_headline(finding, False) + _details(finding, path)) + "\n"


def render_document(document: DocumentReport, color: bool = False, quiet: bool = False) -> list[str]:
    """One document's part of the report; `quiet` keeps only the lines that do not hold."""
    lines = [f"{document.path}: {document.title}"]
    if document.readings and not quiet:
        lines.append("  readings of the notation:")
        for reading in document.readings:
            lines += textwrap.wrap(reading, WIDTH, initial_indent="    - ", subsequent_indent="      ")
    section = None
    for finding in document.findings:
        if quiet and finding.verdict.holds:
            continue
        heading = "algorithm checks" if finding.kind == Kind.ALGORITHM else document.section_heading(finding.section)
        if heading != section:
            section = heading
            lines.append(f"  {section}")
        lines += _headline(finding, color) + _details(finding, document.path)
    return lines


def short_summary(documents: list[DocumentReport], color: bool = False) -> list[str]:
    """Every line that does not hold, one per line with its FILE:LINE (pytest's short summary)."""
    out = []
    for document in documents:
        for finding in document.findings:
            if finding.verdict.holds:
                continue
            where = f"{document.path}:{finding.line}" if finding.line is not None else document.path
            name = finding.name if finding.kind != Kind.ALGORITHM else finding.id
            headline = reason(finding)
            out.append(f"{_mark(finding.verdict, color, 0)} {where} {name}" + (f": {headline}" if headline else ""))
    if not out:
        return []
    return ["short summary of the lines that do not hold:"] + [
        line for entry in out for line in textwrap.wrap(entry, WIDTH, subsequent_indent="    ")
    ]


def render_text(documents: list[DocumentReport], seconds: float, color: bool = False, quiet: bool = False) -> str:
    lines = []
    for document in documents:
        lines += render_document(document, color, quiet) + [""]
    closing = short_summary(documents, color)
    if closing:
        lines += closing + [""]
    lines.append(summary_line(documents, seconds))
    return "\n".join(lines) + "\n"
