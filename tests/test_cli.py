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
