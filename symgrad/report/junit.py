"""The JUnit report: JUnit XML, the test-result file that GitHub, GitLab, Jenkins and Azure show.

The dialect is Ant's and Jenkins', as pytest's ``--junitxml`` writes it with ``file`` and ``line``
on each test case.  The choices:

* a ``<testsuite>`` per document (per derivation of a Python document that defines several),
  named by its path as given, under one ``<testsuites name="symgrad">`` with the totals;
* a ``<testcase>`` per claim, step, update and algorithm check: `classname` is the document's path,
  `name` the label and the line's LaTeX (``(7) = \\frac{1}{n} …``, which stays the same from run to
  run while the verdict changes) or the algorithm check's id.  Definitions claim nothing: they are
  not test cases, so the totals count what was checked;
* ``fails`` is a ``<failure>``; ``ill-formed`` an ``<error>``, a test that could not run as
  written; ``inconclusive`` is ``<skipped>``, a test that reached no verdict: whether it fails the
  job is ``--fail-on``'s choice (it does by default), and the exit status says so, not the report;
* each of those three has the short reason as its `message`, the verdict as its `type` and, as its
  text, what the text report prints for the line (why, the counterexample, the corrected line);
* proven and numerically-equal pass; numerically-equal says in ``<system-out>`` that its evidence
  is numeric, not a proof;
* an input error that no line reports (a label numbered twice, a document that could not be
  opened) is an ``<error type="input-error">`` test case at its line; an equation that could not
  be read is its own ill-formed test case already.

ElementTree builds and escapes the XML; characters that XML 1.0 cannot hold at all (control
characters from a document) become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from symgrad.report.common import INPUT_ERROR, headline, unshown_errors
from symgrad.report.text import render_finding
from symgrad.results import DocumentReport, Finding, InputError, Verdict

#: The element of each verdict that does not pass.
OUTCOMES = {Verdict.FAILS: "failure", Verdict.ILL_FORMED: "error", Verdict.INCONCLUSIVE: "skipped"}
#: testsuite attribute → the element whose test cases it counts ('tests' counts them all).
COUNTED = {"failures": "failure", "errors": "error", "skipped": "skipped"}
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _seconds(seconds: float) -> str:
    return f"{seconds:.3f}"


def _testcase(path: str, name: str, line: int | None, seconds: float) -> ET.Element:
    where = {"file": path} if line is None else {"file": path, "line": str(line)}
    return ET.Element("testcase", {"classname": path, "name": name, **where, "time": _seconds(seconds)})


def _outcome(case: ET.Element, tag: str, message: str, kind: str, text: str) -> None:
    ET.SubElement(case, tag, {"message": message, "type": kind}).text = text


def finding_case(document: DocumentReport, finding: Finding) -> ET.Element:
    """One checked line as a test case."""
    name = finding.name if finding.label is None else " ".join([finding.name, *finding.latex.split()])
    case = _testcase(document.path, name, finding.line, finding.seconds)
    if finding.verdict in OUTCOMES:
        _outcome(case, OUTCOMES[finding.verdict], headline(finding), finding.verdict.value,
                 render_finding(finding, document.path))
    elif finding.verdict == Verdict.NUMERICALLY_EQUAL:
        ET.SubElement(case, "system-out").text = f"{headline(finding)}: numeric evidence, not a proof\n"
    return case


def error_case(document: DocumentReport, error: InputError) -> ET.Element:
    """An input error as a test case in error, at its line."""
    case = _testcase(document.path, f"input error at {error.line}:{error.column}", error.line, 0.0)
    _outcome(case, "error", error.message, INPUT_ERROR,
             f"{document.path}:{error.line}:{error.column}: error: {error.message}\n")
    return case


def _counts(cases: list[ET.Element]) -> dict[str, int]:
    counts = {"tests": len(cases)}
    counts.update({key: sum(case.find(tag) is not None for case in cases) for key, tag in COUNTED.items()})
    return counts


def testsuite(document: DocumentReport) -> tuple[ET.Element, dict[str, int]]:
    """A document's test suite, and its counts."""
    cases = [finding_case(document, finding) for finding in document.findings if finding.verdict != Verdict.DEFINITION]
    cases += [error_case(document, error) for error in unshown_errors(document)]
    counts = _counts(cases)
    suite = ET.Element("testsuite", {"name": document.path, **{k: str(v) for k, v in counts.items()},
                                     "time": _seconds(document.seconds)})
    suite.extend(cases)
    return suite, counts


def render_junit(documents: list[DocumentReport], seconds: float) -> str:
    suites = [testsuite(document) for document in documents]
    totals = {key: sum(counts[key] for _, counts in suites) for key in ("tests", *COUNTED)}
    root = ET.Element("testsuites", {"name": "symgrad", **{k: str(v) for k, v in totals.items()}, "time": _seconds(seconds)})
    root.extend(suite for suite, _ in suites)
    ET.indent(root)
    xml = ET.tostring(root, encoding="UTF-8", xml_declaration=True).decode("utf-8")
    return NOT_XML.sub("\ufffd", xml) + "\n"
