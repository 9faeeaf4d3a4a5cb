"""The SARIF report: SARIF 2.1.0 (OASIS), the static-analysis log that GitHub code scanning
uploads and other dashboards read.

The choices:

* one run; ``tool.driver`` is symgrad with its version, and its rules are the kinds of problem
  that appear: ``symgrad/fails``, ``symgrad/ill-formed``, ``symgrad/inconclusive`` and
  ``symgrad/input-error`` (a place that could not be read).  The diagnosis kind (dropped-power,
  factor, index …) is a result's property ``diagnosisKind``, not a rule, so the rules stay few and
  stable while a line's diagnosis changes;
* a result for each line that does not hold and each input error no line reports: fails,
  ill-formed and input errors are level ``error``, inconclusive a ``warning``.  Lines that hold are
  left out, not written as ``kind: "pass"``: code scanning shows no passes, and closes an alert
  when its result is no longer in the log;
* a result's message is its title and then plain text, one fact a line (the reason, why, the
  counterexample, the corrected line); its location is the document's path as given, as a URI
  reference (an absolute path becomes a file: URI), and the line, from column 1 unless an input
  error gives the column (in Unicode code points).
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from symgrad.report.common import INPUT_ERROR, Problem, problems
from symgrad.results import DocumentReport, Verdict
from symgrad.version import __version__

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

#: rule → (short description, full description), in the order rules are listed.
RULES = {
    Verdict.FAILS.value: (
        "A line that does not hold",
        "symgrad found the claim or step false: numbers at which its two sides differ, and, where it "
        "could, why (a dropped power, a constant factor …) and the line as it should read.",
    ),
    Verdict.ILL_FORMED.value: (
        "A line that cannot be read as a claim",
        "The equation could not be read, or it cannot mean what it says (an index free on one side "
        "and bound on the other, a definition that refers to itself …).",
    ),
    Verdict.INCONCLUSIVE.value: (
        "A line symgrad could not judge",
        "Neither proven nor refuted within the time limits (--timeout, --budget), or it rests on a "
        "line that could not be read.",
    ),
    INPUT_ERROR: (
        "A place in a document that could not be read",
        "symgrad could not read the document here; the lines that did read are checked all the same.",
    ),
}


def uri(path: str) -> str:
    """A document's path as a URI reference: relative stays relative (code scanning resolves it
    against the repository), absolute becomes a file: URI."""
    where = PurePath(path)
    return where.as_uri() if where.is_absolute() else quote(where.as_posix())


def rule(name: str, level: str) -> dict:
    short, full = RULES[name]
    return {
        "id": f"symgrad/{name}",
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": level},
    }


def result(problem: Problem, rule_index: int) -> dict:
    location = {"artifactLocation": {"uri": uri(problem.path)}}
    if problem.line is not None:
        location["region"] = {"startLine": problem.line, "startColumn": problem.column}
    found = {
        "ruleId": f"symgrad/{problem.rule}",
        "ruleIndex": rule_index,
        "level": problem.level,
        "message": {"text": f"{problem.title}: {problem.message}"},
        "locations": [{"physicalLocation": location}],
    }
    if problem.diagnosis is not None:
        found["properties"] = {"diagnosisKind": problem.diagnosis}
    return found


def sarif_log(documents: list[DocumentReport]) -> dict:
    found = problems(documents)
    appearing = {problem.rule: problem.level for problem in found}
    names = [name for name in RULES if name in appearing]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "symgrad",
                "version": __version__,
                "rules": [rule(name, appearing[name]) for name in names],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [result(problem, names.index(problem.rule)) for problem in found],
        }],
    }


def render_sarif(documents: list[DocumentReport], seconds: float) -> str:
    """The SARIF log (`seconds` is not part of it: SARIF times are timestamps, not durations)."""
    return json.dumps(sarif_log(documents), indent=2, ensure_ascii=False) + "\n"
