"""The JSON report: the stable interface of DESIGN.md's `symgrad check` contract."""

from __future__ import annotations

import json

from symgrad import __version__
from symgrad.findings import DocumentReport, summary


def report_dict(documents: list[DocumentReport], seconds: float) -> dict:
    return {
        "symgrad": __version__,
        "documents": [
            {
                "path": document.path,
                "title": document.title,
                "readings": list(document.readings),
                "results": [finding.as_dict() for finding in document.findings],
            }
            for document in documents
        ],
        "summary": summary(documents, seconds),
    }


def render_json(documents: list[DocumentReport], seconds: float) -> str:
    return json.dumps(report_dict(documents, seconds), indent=2, ensure_ascii=False) + "\n"
