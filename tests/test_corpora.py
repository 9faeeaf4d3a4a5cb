"""symgrad against corpora whose truth was computed without it (tests/corpora.py).

* tests/adversarial: no false claim is called true (proven, numerically-equal, definition), every
  true claim is proven or numerically-equal, and every hostile input ends cleanly (exit 0, 1 or 2,
  no traceback, no code run) within 30 s and 2 GB.
* tests/corpus: every numbered equation of the real-style documents is read and judged right;
  the ones symgrad does not manage yet are listed in tests/corpus/known_gaps.txt and expected to
  fail (strictly: one that starts passing must come off the list).
"""

import re

import pytest
from corpora import WALL_SECONDS, cases, judge, known_gaps, run, run_all

ADVERSARIAL = cases("adversarial")
CORPUS = cases("corpus")
GAPS = known_gaps()


@pytest.fixture(scope="module", autouse=True)
def ran():
    run_all(ADVERSARIAL + CORPUS)  # two at a time; each test then reads its case's run


def equations(selected):
    return [
        pytest.param(case, label, truth, id=f"{case.name}:{label}")
        for case in selected
        if not case.hostile
        for label, truth in case.truth.get("equations", {}).items()
    ]


@pytest.mark.parametrize("case, label, truth", equations(ADVERSARIAL))
def test_an_adversarial_claim_is_never_called_true_when_false(case, label, truth):
    outcome = run(case)
    assert not outcome.crashed, outcome.errors[-1500:]
    assert (outcome.results.get(label) or {}).get("diagnosis_kind") != "internal", outcome.results[label]["diagnosis"]
    why = judge(truth, outcome.results.get(label), strict=False)
    assert why is None, f"({label}) {why}: {truth.get('note', '')}"


@pytest.mark.parametrize("case", [c for c in ADVERSARIAL if c.hostile], ids=lambda case: case.name)
def test_a_hostile_input_ends_cleanly_within_its_budget(case):
    outcome = run(case)
    assert outcome.status is not None, f"killed after {WALL_SECONDS} s"
    assert not outcome.crashed, f"exit {outcome.status}: {outcome.errors[-1500:]}"
    assert outcome.seconds < case.truth.get("budget_seconds", WALL_SECONDS)
    assert not outcome.ran_code, f"code in the document ran: {outcome.ran_code}"
    for line in outcome.errors.splitlines():
        if "error" in line and not line.startswith((" ", "\t")):
            assert ": error: " in line, line  # FILE:LINE:COL: error: … or symgrad: error: …


def corpus_equations():
    params = []
    for param in equations(CORPUS):
        key = param.id
        marks = [pytest.mark.xfail(reason=GAPS[key], strict=True)] if key in GAPS else []
        params.append(pytest.param(*param.values, id=key, marks=marks))
    return params


@pytest.mark.parametrize("case, label, truth", corpus_equations())
def test_a_real_style_equation_is_read_and_judged_right(case, label, truth):
    outcome = run(case)
    assert not outcome.crashed, outcome.errors[-1500:]
    assert (outcome.results.get(label) or {}).get("diagnosis_kind") != "internal", outcome.results[label]["diagnosis"]
    why = judge(truth, outcome.results.get(label), strict=True)
    assert why is None, f"({label}) {why}: {truth.get('note', '')}"


def test_the_known_gaps_name_real_equations():
    ids = {param.id for param in equations(CORPUS)}
    assert set(GAPS) <= ids, sorted(set(GAPS) - ids)


#: What SymPy's own printer writes and a reader of the reports should never see.
SYMPY_CODE = re.compile(r"\bSum\(|\*\*|\b[A-Za-z]\w*\[[a-z]|KroneckerDelta|Piecewise\(|Derivative\(|(?<!\\)\bsigma\(|Heaviside\(|\bMax\(")


@pytest.mark.parametrize("case", [c for c in ADVERSARIAL + CORPUS if not c.hostile], ids=lambda case: case.name)
def test_diagnoses_are_written_in_math_not_sympy_code(case):
    for label, result in run(case).results.items():
        text = " | ".join([result.get("diagnosis") or "", *(result.get("conditions") or [])])
        assert not SYMPY_CODE.search(text), f"({label}) {text}"
