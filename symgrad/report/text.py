"""The text report: a line per equation (number, verdict, short reason), details under failures."""

from __future__ import annotations

import textwrap

from symgrad.printing import readable
from symgrad.report.common import explains, reason
from symgrad.results import (
    DocumentReport,
    Finding,
    Kind,
    Verdict,
    summary,
)

MARKS = {
    Verdict.PROVEN: "proven",
    Verdict.NUMERICALLY_EQUAL: "numerically equal",
    Verdict.FAILS: "FAILS",
    Verdict.ILL_FORMED: "ILL-FORMED",
    Verdict.INCONCLUSIVE: "inconclusive",
    Verdict.DEFINITION: "definition",
}
WIDTH = 100


def _details(finding: Finding) -> list[str]:
    lines = [f"read as: {reading}" for reading in finding.readings]
    if explains(finding):
        lines.append(f"why: {finding.diagnosis.text}")
    if finding.factor is not None:
        lines.append(f"factor (claimed ÷ true): {readable(finding.factor)}")
    if finding.counterexample:
        example = finding.counterexample
        values = ", ".join([f"{example.count_name} = {example.n}"] + [f"{name} = {value}" for name, value in example.values.items()])
        lines.append(f"counterexample: {values}: left side {example.lhs:.6g}, right side {example.rhs:.6g}")
    if finding.corrected:
        lines.append(f"corrected: {finding.corrected}")
    if finding.kind == Kind.ALGORITHM and finding.rests_on:
        lines.append("rests on: " + ", ".join(f"({label})" for label in finding.rests_on))
    if finding.kind == Kind.ALGORITHM and finding.evidence:
        lines.append(finding.evidence)
    indent = " " * 8
    wrapped = []
    for line in lines:
        wrapped += textwrap.wrap(line, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")
    return wrapped


def render_document(document: DocumentReport) -> list[str]:
    lines = [f"{document.path}: {document.title}"]
    if document.readings:
        lines.append("  readings of the notation:")
        for reading in document.readings:
            lines += textwrap.wrap(reading, WIDTH, initial_indent="    - ", subsequent_indent="      ")
    section = None
    for finding in document.findings:
        heading = "algorithm checks" if finding.kind == Kind.ALGORITHM else finding.section
        if heading != section:
            section = heading
            lines.append(f"  {section}")
        if finding.kind == Kind.ALGORITHM:
            lines.append(f"    {MARKS[finding.verdict]:<18} {finding.id}")
        else:
            lines.append(f"    {finding.name:<6} {MARKS[finding.verdict]:<18} {reason(finding, mention_follows=True)}".rstrip())
        lines += _details(finding)
    return lines


def render_text(documents: list[DocumentReport], seconds: float) -> str:
    lines = []
    for document in documents:
        lines += render_document(document) + [""]
    counts = summary(documents, seconds)
    parts = [f"{counts[verdict]} {verdict}" for verdict in Verdict if counts[verdict]]
    lines.append(f"{counts['results']} results: {', '.join(parts)} in {counts['seconds']:.2f} s")
    return "\n".join(lines) + "\n"
