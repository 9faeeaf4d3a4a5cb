"""`symgrad check`: exit statuses, the JSON contract, positioned errors without tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESULT_KEYS = {
    "label", "id", "section", "line", "latex", "kind", "verdict", "follows", "method",
    "counterexample", "factor", "diagnosis", "rests_on", "seconds",
}
TRUE_DERIVATION = '''
import sympy as sp
from symgrad import Derivation, family, mean, parameter, sample_sum
from symgrad.notation import COUNT as n, SAMPLE as i

w, x, y = parameter("w"), family("x"), family("y")
C = sp.Function("C")
linear = Derivation("linear model")
linear.define("1", C(w), mean((x[i] * w - y[i]) ** 2))
linear.claim("2", sp.Derivative(C(w), w), sp.Mul(2 / n, sample_sum(x[i] * (x[i] * w - y[i])), evaluate=False))
'''


def symgrad(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "symgrad", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def notes_json():
    run = symgrad("check", "--format", "json", "derivations/notes.py")
    assert run.returncode == 1, run.stderr  # the notes contain mistakes
    return json.loads(run.stdout)


def test_json_matches_the_contract(notes_json):
    assert notes_json["symgrad"] == "0.1.0"
    (document,) = notes_json["documents"]
    assert document["path"] == "derivations/notes.py" and document["title"] == "Gradient Descent"
    for result in document["results"]:
        assert RESULT_KEYS <= set(result)
        if result["kind"] == "algorithm":
            assert result["id"] and result["label"] is None
        else:
            assert result["label"] and result["id"] is None
        if result["verdict"] == "fails":
            example = result["counterexample"]
            assert set(example) == {"n", "values", "lhs", "rhs"} and example["lhs"] != example["rhs"]
            assert result["diagnosis"]
    summary = notes_json["summary"]
    assert summary["results"] == len(document["results"])
    assert sum(summary[v] for v in ("proven", "numerically-equal", "fails", "ill-formed", "inconclusive", "definition")) == summary["results"]


def test_json_is_deterministic_for_a_seed(notes_json):
    again = json.loads(symgrad("check", "--format", "json", "--seed", "0", "derivations/notes.py").stdout)
    strip = lambda report: [{k: v for k, v in r.items() if k != "seconds"} for r in report["documents"][0]["results"]]  # noqa: E731
    assert strip(again) == strip(notes_json)


def test_exit_zero_when_every_claim_holds(tmp_path):
    document = tmp_path / "linear.py"
    document.write_text(TRUE_DERIVATION)
    run = symgrad("check", str(document))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "proven" in run.stdout


def test_output_file_and_text_report(tmp_path):
    target = tmp_path / "report.txt"
    run = symgrad("check", "derivations/notes.py", "--output", str(target))
    assert run.returncode == 1 and run.stdout == ""
    text = target.read_text()
    assert "(7)    FAILS" in text and "counterexample: n = 1" in text and "results:" in text


@pytest.mark.parametrize(
    "content, suffix, expected",
    [
        (None, ".py", "no such file"),
        ("x = 1\nraise ValueError('broken derivation')\n", ".py", ":2:1: error: ValueError: broken derivation"),
        ("x = 1\n", ".py", "defines no Derivation"),
        ("whatever", ".docx", "cannot read .docx files"),
    ],
)
def test_bad_input_is_a_positioned_error_with_status_two(tmp_path, content, suffix, expected):
    document = tmp_path / f"doc{suffix}"
    if content is not None:
        document.write_text(content)
    run = symgrad("check", str(document))
    assert run.returncode == 2
    assert expected in run.stderr and f"{document}:" in run.stderr
    assert "Traceback" not in run.stderr


def test_no_path_checks_the_shipped_derivations_from_anywhere(tmp_path):
    run = symgrad("check", "--format", "json", cwd=tmp_path)
    assert run.returncode == 1
    paths = [d["path"] for d in json.loads(run.stdout)["documents"]]
    assert any(p.endswith("notes.py") for p in paths)


WRONG_MARKDOWN = "# t\n\n$$ C = w^2 \\quad (1) $$\n\n$$ \\frac{dC}{dw} = w \\quad (2) $$\n"


def symgrad_with_input(*args, text: str, env: dict | None = None):
    environment = {**__import__("os").environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "symgrad", *args], cwd=ROOT, input=text, capture_output=True,
                          text=True, timeout=300, env=environment)


def test_standard_input_is_read_as_markdown_or_latex():
    run = symgrad_with_input("check", "-", text=WRONG_MARKDOWN)
    assert run.returncode == 1 and "(2)    FAILS" in run.stdout and "<stdin>:5" in run.stdout
    latex = "\\documentclass{article}\n\\begin{document}\n\\begin{equation} C = w^2 \\end{equation}\n" \
            "\\begin{equation} \\frac{dC}{dw} = 2 w \\end{equation}\n\\end{document}\n"
    run = symgrad_with_input("check", "-", text=latex)
    assert run.returncode == 0 and "(2)    proven" in run.stdout


def test_a_short_summary_lists_what_does_not_hold_with_its_file_and_line():
    run = symgrad_with_input("check", "-", text=WRONG_MARKDOWN)
    summary = run.stdout[run.stdout.index("short summary"):]
    assert "FAILS <stdin>:5 (2): off by a constant factor" in summary
    assert run.stdout.rstrip().endswith("s") and "2 results: 1 failing, 1 definition in" in run.stdout


def test_exit_zero_and_fail_on_choose_which_verdicts_fail_the_run():
    assert symgrad_with_input("check", "--exit-zero", "-", text=WRONG_MARKDOWN).returncode == 0
    assert symgrad_with_input("check", "--fail-on", "ill-formed", "-", text=WRONG_MARKDOWN).returncode == 0
    assert symgrad_with_input("check", "--fail-on", "fails", "-", text=WRONG_MARKDOWN).returncode == 1
    refused = symgrad_with_input("check", "--fail-on", "wrong", "-", text=WRONG_MARKDOWN)
    assert refused.returncode == 2 and "not a verdict" in refused.stderr


def test_quiet_keeps_only_what_does_not_hold_and_colour_is_asked_for():
    quiet = symgrad_with_input("check", "-q", "-", text=WRONG_MARKDOWN).stdout
    assert "(1)    definition" not in quiet and "readings of the notation" not in quiet and "(2)    FAILS" in quiet
    assert "\033[" not in quiet  # not a terminal: no colour by default
    coloured = symgrad_with_input("check", "--color", "always", "-", text=WRONG_MARKDOWN).stdout
    assert "\033[1;31mFAILS\033[0m" in coloured
    assert "\033[" not in symgrad_with_input("check", "--color", "never", "-", text=WRONG_MARKDOWN).stdout
