"""The JSON report: the stable interface of DESIGN.md's `symgrad check` contract.

This is the one place the typed results become dictionaries: fields that do not apply are
None (null), never missing.
"""

from __future__ import annotations

import json

from symgrad.results import (
    AlgorithmRow,
    Counterexample,
    DocumentReport,
    Finding,
    factor_string,
    summary,
)
from symgrad.version import __version__


def counterexample_dict(example: Counterexample | None) -> dict | None:
    if example is None:
        return None
    return {"n": example.n, "values": dict(example.values), "lhs": example.lhs, "rhs": example.rhs}


def row_dict(row: AlgorithmRow) -> dict:
    """One size and parameter of an algorithm check (its counterexample is the finding's)."""
    fields = {
        "m": row.m,
        "l": row.l,
        "parameter": row.parameter,
        "factor": factor_string(row.factor),
        "verdict": row.verdict.value,
        "method": row.method.value,
    }
    if row.reason is not None:
        fields["reason"] = row.reason
    return fields


def finding_dict(finding: Finding) -> dict:
    diagnosis = finding.diagnosis
    return {
        "label": finding.label,
        "id": finding.id,
        "section": finding.section,
        "line": finding.line,
        "latex": finding.latex,
        "kind": finding.kind.value,
        "verdict": finding.verdict.value,
        "follows": finding.follows,
        "method": finding.method.value if finding.method is not None else None,
        "counterexample": counterexample_dict(finding.counterexample),
        "factor": factor_string(finding.factor),
        "diagnosis": finding.explanation,
        "diagnosis_kind": diagnosis.kind.value if diagnosis is not None else None,
        "corrected": finding.corrected,
        "evidence": finding.evidence,
        "conditions": list(finding.conditions),
        "readings": list(finding.readings),
        "rests_on": list(finding.rests_on),
        "details": [row_dict(row) for row in finding.rows] if finding.rows is not None else None,
        "text": finding.text or None,
        "seconds": round(finding.seconds, 4),
    }


def report_dict(documents: list[DocumentReport], seconds: float) -> dict:
    return {
        "symgrad": __version__,
        "documents": [
            {
                "path": document.path,
                "title": document.title,
                "errors": [{"line": e.line, "column": e.column, "message": e.message} for e in document.errors],
                "readings": list(document.readings),
                "sections": document.sections,
                "results": [finding_dict(finding) for finding in document.findings],
            }
            for document in documents
        ],
        "summary": summary(documents, seconds),
    }


def render_json(documents: list[DocumentReport], seconds: float) -> str:
    return json.dumps(report_dict(documents, seconds), indent=2, ensure_ascii=False) + "\n"
