"""What the reports show, independent of markup.

The HTML and Markdown reports walk a document the same way (readings, summary, sections of
equations, then the algorithm checks) and show the same facts; the CI formats (JUnit, SARIF,
GitHub) report what does not hold, each at its place (:func:`problems`). This module decides those
facts, the renderers only mark them up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symgrad.printing import latex, readable, readable_value_name
from symgrad.results import (
    Counterexample,
    DiagnosisKind,
    DocumentReport,
    Finding,
    InputError,
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


#: Inline math in the author's prose: $…$ or \(…\) (an escaped \$ is a dollar).
_PROSE_MATH = re.compile(r"(?<!\\)\$(?!\$)(.+?)(?<!\\)\$|\\\((.+?)\\\)")


def prose_pieces(text: str) -> list[tuple[str, str]]:
    """The author's prose as ("text", words) and ("math", LaTeX) pieces, in order; an escaped dollar is a dollar."""
    pieces, k = [], 0
    for found in _PROSE_MATH.finditer(text):
        pieces += [("text", text[k : found.start()].replace(r"\$", "$")), ("math", found.group(1) or found.group(2))]
        k = found.end()
    return [piece for piece in pieces + [("text", text[k:].replace(r"\$", "$"))] if piece[1]]


def tally(findings) -> str:
    """'7 results: 5 proven, 1 failing, 1 definition', the counts that are not zero."""
    counts = {verdict: 0 for verdict in Verdict}
    for finding in findings:
        counts[finding.verdict] += 1
    total = sum(counts.values())
    parts = [f"{count} {COUNTED[verdict][count != 1]}" for verdict, count in counts.items() if count]
    return f"{total} {'result' if total == 1 else 'results'}" + (f": {', '.join(parts)}" if parts else "")


def summary_line(documents: list[DocumentReport], seconds: float) -> str:
    """'72 results: 44 proven, 9 failing … in 4.03 s'."""
    return f"{tally(f for document in documents for f in document.findings)} in {summary(documents, seconds)['seconds']:.2f} s"


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


#: The rule of a place that could not be read (the run's exit status is 2), beside the verdicts.
INPUT_ERROR = "input-error"


def headline(finding: Finding) -> str:
    """The reason beside the verdict, or the verdict itself where there is none."""
    return reason(finding) or finding.verdict.value


def counterexample_text(example: Counterexample) -> str:
    """A counterexample on one line: 'n = 1, w = -1, x₁ = 0.5: left side -1, right side 0.5'."""
    values = [(example.count_name, example.n)] + [(readable_value_name(k), v) for k, v in example.values.items()]
    where = ", ".join(f"{name} = {number(value)}" for name, value in values)
    return f"{where}: " + ", ".join(f"{side} {value}" for side, value in sides(example))


def plain_message(finding: Finding) -> str:
    """Why a line does not hold, in plain text for the CI formats' messages, one fact a line: the
    reason (the whole diagnosis where it begins with its headline), the factor, the
    counterexample and the corrected line."""
    lines = [headline(finding)]
    if explains(finding) and finding.diagnosis.text != lines[0]:
        text = finding.diagnosis.text
        lines = [text] if text.startswith(lines[0]) else lines + [f"why: {text}"]
    return "\n".join(lines + evidence_lines(finding))


def evidence_lines(finding: Finding) -> list[str]:
    """The factor, the counterexample and the corrected line, in plain text, one a line."""
    lines = []
    if finding.factor is not None:
        lines.append(f"factor (claimed ÷ true): {readable(finding.factor)}")
    if finding.counterexample:
        lines.append(f"counterexample: {counterexample_text(finding.counterexample)}")
    if finding.corrected:
        lines.append(f"corrected: {finding.diagnosis.corrected_plain or finding.corrected}")
    return lines


def shown_error(document: DocumentReport, finding: Finding) -> InputError | None:
    """The input error that an ill-formed line already reports: an equation that could not be
    read is a result of its own, at the error's line."""
    if finding.verdict != Verdict.ILL_FORMED or finding.diagnosis is None or finding.diagnosis.kind != DiagnosisKind.UNREAD:
        return None
    return next((error for error in document.errors if error.line == finding.line), None)


def unshown_errors(document: DocumentReport) -> list[InputError]:
    """The input errors that no result reports (a label numbered twice, a file that could not be
    opened): the CI formats report these on their own, and the others through their lines."""
    shown = {shown_error(document, finding) for finding in document.findings}
    return [error for error in document.errors if error not in shown]


@dataclass(frozen=True)
class Problem:
    """What the SARIF and GitHub formats report: a line that does not hold, or an input error
    that no line reports.  `column` is 1, the line's start, unless an input error gives it."""

    path: str
    line: int | None
    column: int
    rule: str  # the verdict (fails, ill-formed, inconclusive) or INPUT_ERROR
    title: str  # '(7) fails', 'input error'
    message: str  # plain text, one fact a line
    diagnosis: str | None = None  # the diagnosis kind, for programs

    @property
    def level(self) -> str:
        """'error', or 'warning' for a line not judged (the word of both SARIF and GitHub)."""
        return "warning" if self.rule == Verdict.INCONCLUSIVE else "error"


def problems(documents: list[DocumentReport]) -> list[Problem]:
    """Every line that does not hold and every input error no line reports, document by document."""
    found = []
    for document in documents:
        for finding in document.findings:
            if finding.verdict.holds:
                continue
            error = shown_error(document, finding)
            found.append(Problem(
                document.path, finding.line, error.column if error else 1, finding.verdict.value,
                f"{finding.name} {finding.verdict.value}", plain_message(finding),
                finding.diagnosis.kind.value if finding.diagnosis is not None else None,
            ))
        found += [Problem(document.path, error.line, error.column, INPUT_ERROR, "input error", error.message)
                  for error in unshown_errors(document)]
    return found
