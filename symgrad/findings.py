"""What the engine found: one Finding per equation or algorithm check, grouped per document.

These are the plain dataclasses every report format prints; `as_dict` is the JSON contract of
DESIGN.md (fields that do not apply are None, never missing).
"""

from __future__ import annotations

from dataclasses import dataclass, field

VERDICTS = ("proven", "numerically-equal", "fails", "ill-formed", "inconclusive", "definition")
HOLDS = ("proven", "numerically-equal", "definition")


@dataclass
class Finding:
    label: str | None
    kind: str
    verdict: str
    section: str = ""
    line: int | None = None
    latex: str = ""
    id: str | None = None
    follows: bool | None = None
    method: str | None = None
    counterexample: dict | None = None
    factor: str | None = None
    diagnosis: str | None = None
    corrected: str | None = None
    evidence: str | None = None
    rests_on: list = field(default_factory=list)
    details: list | None = None
    text: str = ""  # the author's prose just before the equation
    seconds: float = 0.0

    def __post_init__(self):
        if self.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {self.verdict!r}")

    @property
    def name(self) -> str:
        """How a report refers to it: (7) for an equation, the id for an algorithm check."""
        if self.label is not None:
            return f"({self.label})"
        return self.id if self.id is not None else "(—)"

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "id": self.id,
            "section": self.section,
            "line": self.line,
            "latex": self.latex,
            "kind": self.kind,
            "verdict": self.verdict,
            "follows": self.follows,
            "method": self.method,
            "counterexample": self.counterexample,
            "factor": self.factor,
            "diagnosis": self.diagnosis,
            "corrected": self.corrected,
            "evidence": self.evidence,
            "rests_on": list(self.rests_on),
            "details": self.details,
            "text": self.text or None,
            "seconds": round(self.seconds, 4),
        }


@dataclass
class DocumentReport:
    path: str
    title: str
    readings: list[str]
    findings: list[Finding]
    seconds: float = 0.0

    @property
    def holds(self) -> bool:
        return all(f.verdict in HOLDS for f in self.findings)

    def _repr_html_(self) -> str:
        """Jupyter shows the report as the HTML report's math (imported late: reports import this module)."""
        from symgrad.report.html import fragment

        return fragment(self)

    def _repr_markdown_(self) -> str:
        from symgrad.report.markdown import document_markdown

        return document_markdown(self)


def summary(documents: list[DocumentReport], seconds: float) -> dict:
    """Counts per verdict over every document, in the contract's key order."""
    counts = {verdict: 0 for verdict in VERDICTS}
    for document in documents:
        for finding in document.findings:
            counts[finding.verdict] += 1
    return {"results": sum(counts.values()), **counts, "seconds": round(seconds, 3)}
