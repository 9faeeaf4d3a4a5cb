"""What the HTML and Markdown reports show, independent of markup.

Both reports walk a document the same way (readings, summary, sections of equations, then the
algorithm checks) and show the same facts; this module decides those facts, the renderers only
mark them up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symgrad.printing import latex, readable
from symgrad.results import (
    Counterexample,
    DocumentReport,
    Finding,
    Kind,
    Verdict,
    summary,
)

#: verdict → (symbol, words): the badge text, so a verdict is never told by colour alone.
BADGES = {
    Verdict.PROVEN: ("✓", "proven"),
    Verdict.NUMERICALLY_EQUAL: ("≈", "numerically equal"),
    Verdict.FAILS: ("✗", "fails"),
    Verdict.ILL_FORMED: ("⚠", "ill-formed"),
    Verdict.INCONCLUSIVE: ("?", "inconclusive"),
    Verdict.DEFINITION: ("≔", "definition"),
}


@dataclass
class Entry:
    """One equation as shown: its finding and the line of the chain it continues (for a step)."""

    finding: Finding
    before: Finding | None = None

    @property
    def chain(self) -> str | None:
        """'follows from (6)' or 'does not follow from (6)' for a step whose relation is known."""
        if self.finding.kind != Kind.STEP or self.finding.follows is None or self.before is None:
            return None
        verb = "follows" if self.finding.follows else "does not follow"
        return f"{verb} from {self.before.name}"


def reason(finding: Finding, mention_follows: bool = False) -> str:
    """The short reason beside the verdict: the diagnosis' headline, the evidence, a definition's note.

    With `mention_follows`, a true step that does not follow from the line before says so (the
    text report; the others show a step's relation to the line before as an Entry's chain).
    """
    if finding.verdict == Verdict.PROVEN and finding.evidence:
        text = f"{finding.evidence} (symbolic proof)"  # proven for what it was read as: a chain of 2 layers
    elif finding.verdict == Verdict.PROVEN and finding.conditions:
        text = f"holds for every n where {', '.join(finding.conditions)} (symbolic proof)"
    elif finding.verdict == Verdict.PROVEN:
        text = "holds for every n (symbolic proof)"
    elif finding.verdict == Verdict.DEFINITION:
        text = finding.note or ""
    elif finding.verdict == Verdict.NUMERICALLY_EQUAL:
        text = finding.evidence or "equal on every numeric trial"
    elif finding.diagnosis is not None:
        text = finding.diagnosis.headline
    else:
        text = finding.evidence or ""
    if mention_follows and finding.follows is False and finding.verdict.is_true:
        text += "; does not follow from the step before"
    return text


def explains(finding: Finding) -> bool:
    """Whether the report shows why: a line that does not hold and has a diagnosis."""
    return not finding.verdict.holds and finding.diagnosis is not None


def sections(document: DocumentReport) -> list[tuple[str, list[Entry]]]:
    """The equations grouped by section, in document order (algorithm checks excluded)."""
    groups: list[tuple[str, list[Entry]]] = []
    before = None
    for finding in document.findings:
        if finding.kind == Kind.ALGORITHM:
            continue
        if not groups or groups[-1][0] != finding.section:
            groups.append((finding.section, []))
        groups[-1][1].append(Entry(finding, before if finding.kind == Kind.STEP else None))
        before = finding
    return groups


def algorithm_checks(document: DocumentReport) -> list[Finding]:
    return [finding for finding in document.findings if finding.kind == Kind.ALGORITHM]


#: How the summary counts a verdict: (one, several).
COUNTED = {
    Verdict.PROVEN: ("proven", "proven"),
    Verdict.NUMERICALLY_EQUAL: ("numerically equal", "numerically equal"),
    Verdict.FAILS: ("failing", "failing"),
    Verdict.ILL_FORMED: ("ill-formed", "ill-formed"),
    Verdict.INCONCLUSIVE: ("inconclusive", "inconclusive"),
    Verdict.DEFINITION: ("definition", "definitions"),
}


def summary_line(documents: list[DocumentReport], seconds: float) -> str:
    """'72 results: 44 proven, 9 failing … in 4.03 s', the counts that are not zero."""
    counts = summary(documents, seconds)
    parts = [f"{counts[verdict]} {COUNTED[verdict][counts[verdict] != 1]}" for verdict in Verdict if counts[verdict]]
    results = "result" if counts["results"] == 1 else "results"
    counted = f": {', '.join(parts)}" if parts else ""
    return f"{counts['results']} {results}{counted} in {counts['seconds']:.2f} s"


def number(value) -> str:
    """A counterexample's value as people read it: 6 significant digits, integers as integers."""
    return str(value) if isinstance(value, int) else f"{value:.6g}"


def name_latex(name: str) -> str:
    """LaTeX for a counterexample's variable name: ``x[1]`` → ``{x}_{1}``, ``b^(1)`` → ``b^{(1)}``."""
    name = re.sub(r"\^\(([^()]*)\)", r"^{(\1)}", name)
    return re.sub(r"^(.+)\[([^\[\]]*)\]$", r"{\1}_{\2}", name)


def counterexample_rows(example: Counterexample) -> list[tuple[str, str]]:
    """(LaTeX of a variable, its value) for n and every value, in the engine's order."""
    return [(name_latex(example.count_name), number(example.n))] + [(name_latex(k), number(v)) for k, v in example.values.items()]


def sides(example: Counterexample) -> list[tuple[str, str]]:
    """The two sides' numbers at the counterexample."""
    return [("left side", number(example.lhs)), ("right side", number(example.rhs))]


LAYER_COLUMNS = ("m", "l", "parameter", "verdict", "factor")


#: How each per-layer column is marked up; the others are numbers.
LAYER_CELL_KINDS = {"parameter": "math", "verdict": "badge", "factor": "code"}


def layer_table(finding: Finding) -> tuple[list[str], list[list[tuple[str, object]]]]:
    """The columns worth showing of an algorithm check's per-layer rows, and the rows as
    (kind, value) cells: kind is math, badge, code, number or missing; renderers mark it up.

    m and l are left out when no row has them (a model without layers).
    """
    rows = finding.rows or ()
    columns = [c for c in LAYER_COLUMNS if c not in ("m", "l") or any(getattr(row, c) is not None for row in rows)]

    def cell(row, column):
        value = (None if row.factor is None else readable(row.factor)) if column == "factor" else getattr(row, column)
        return ("missing", None) if value is None else (LAYER_CELL_KINDS.get(column, "number"), value)

    return columns, [[cell(row, column) for column in columns] for row in rows]


@dataclass
class Note:
    """One fact under a line.  `kind` tells the renderer how to mark `value` up:
    text (prose), math (display LaTeX), code (a SymPy string), counterexample (the dict),
    labels (equation labels to link), layers (the Finding, for :func:`layer_table`)."""

    term: str
    kind: str
    value: object


def notes(finding: Finding) -> list[Note]:
    """What to show under a line, in order: why, what it should be, the factor, the counterexample …"""
    found = [Note("Read as", "text", reading) for reading in finding.readings]
    if explains(finding):
        found.append(Note("Why", "text", finding.diagnosis.text))
    if finding.corrected:
        found.append(Note("Should be", "math", finding.corrected))
    if finding.factor is not None:
        found.append(Note("Factor (claimed ÷ true)", "math", latex(finding.factor)))
    if finding.counterexample:
        found.append(Note("Counterexample", "counterexample", finding.counterexample))
    if finding.kind == Kind.ALGORITHM:
        if finding.rests_on:
            found.append(Note("Rests on", "labels", finding.rests_on))
        if finding.rows and (len(finding.rows) > 1 or finding.rows[0].m is not None):
            found.append(Note("Per layer", "layers", finding))
        if finding.evidence:
            found.append(Note("Evidence", "text", finding.evidence))
    return found


def equation_anchor(document_index: int, label: str) -> str:
    """The fragment id of an equation, unique over a multi-document report: d1-eq-7."""
    return f"d{document_index}-eq-{label}"


def algorithm_anchor(document_index: int, position: int) -> str:
    """The fragment id of the document's `position`-th algorithm check: d1-alg-3."""
    return f"d{document_index}-alg-{position}"
