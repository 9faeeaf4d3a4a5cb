"""The shipped notes: every equation gets a verdict, and each failure can be recomputed.

These assert what the engine computes on the notes (nothing in the engine knows the notes); the
counterexamples are recomputed with plain SymPy on explicit sums.
"""


import re

import pytest
import sympy as sp
from symgrad_derivations import notes  # the Python encoding of the notes

from symgrad import check
from symgrad.notation import COUNT as n
from symgrad.results import Verdict, factor_string


@pytest.fixture(scope="module")
def report():
    return check(notes.DERIVATION, seed=0)


@pytest.fixture(scope="module")
def by_label(report):
    return {f.label: f for f in report.findings if f.label is not None}


def test_every_equation_of_the_notes_gets_one_verdict(by_label):
    assert sorted(by_label, key=int) == [str(k) for k in range(1, 59)]
    assert all(f.verdict in set(Verdict) for f in by_label.values())
    assert not [f.label for f in by_label.values() if f.verdict == "inconclusive"]


def test_the_dropped_square_in_seven_is_the_first_wrong_step(by_label):
    seven, eight, nine = by_label["7"], by_label["8"], by_label["9"]
    assert seven.verdict == "fails" and seven.follows is False
    assert "first wrong step, from (6) to (7)" in seven.diagnosis.text
    assert "power 2" in seven.diagnosis.text
    assert eight.verdict == "proven" and eight.follows is False
    assert nine.verdict == "proven" and nine.follows is True


def test_seven_counterexample_recomputes(by_label):
    example = by_label["7"].counterexample
    count, values = example.n, example.values
    weight = sp.Symbol("w")
    xs = [values[f"x[{k}]"] for k in range(1, count + 1)]
    ys = [values[f"y[{k}]"] for k in range(1, count + 1)]
    cost = sum((xk * weight - yk) ** 2 for xk, yk in zip(xs, ys)) / count
    true_derivative = float(sp.diff(cost, weight).subs(weight, values["w"]))
    written = float(sp.diff(sum(xk * weight - yk for xk, yk in zip(xs, ys)) / count, weight))
    assert example.lhs == pytest.approx(true_derivative, rel=1e-12)
    assert example.rhs == pytest.approx(written, rel=1e-12)


@pytest.mark.parametrize("label", ["43", "58"])
def test_a_sample_derivative_equated_to_a_sum_is_ill_formed(by_label, label):
    finding = by_label[label]
    assert finding.verdict == "ill-formed"
    assert "free on the left" in finding.diagnosis.text
    assert finding.corrected.startswith(r"\partial_{a_i^")


def test_the_remaining_claims_are_proven(by_label):
    claims = [f for f in by_label.values() if f.kind != "definition" and f.label not in ("7", "43", "58")]
    assert claims and all(f.verdict == "proven" for f in claims)


def algorithm(report, prefix):
    return {f.id.split("∂C/∂")[1]: f for f in report.findings if f.kind == "algorithm" and f.id.startswith(prefix + ":")}


def test_simple_models_train_on_the_true_gradient(report):
    for prefix in ("1.2 gradient descent", "1.3 neuron"):
        found = algorithm(report, prefix)
        assert found and all(f.verdict == "proven" for f in found.values())


def test_two_neuron_back_propagation_as_written_is_wrong_for_the_first_layer(report):
    found = algorithm(report, "1.4.2 back-propagation")
    assert found["w^(2)"].verdict == found["b^(2)"].verdict == "proven"
    assert found["w^(1)"].verdict == found["b^(1)"].verdict == "fails"
    assert found["w^(1)"].factor is None  # not even proportional
    per_sample = algorithm(report, "1.4.2 back-propagation, (43) per sample")
    assert factor_string(per_sample["w^(1)"].factor) == "2/n"


def test_chain_back_propagation_factor_is_a_formula_in_m_and_l(report):
    """The stated formula must agree with the factor measured at every m and l that was run."""
    found = algorithm(report, "1.5.2 back-propagation, (58) per sample")
    assert set(found) == {"w^(l)", "b^(l)"}
    for finding in found.values():
        assert finding.verdict == "fails"
        assert factor_string(finding.factor) == "(2/n)**(m - l)"
        l, m = sorted(finding.factor.free_symbols - {n}, key=str)  # the formula's own l and m
        assert sp.simplify(finding.factor - (2 / n) ** (m - l)) == 0
        assert {row.m for row in finding.rows} == set(range(1, 9))
        for row in finding.rows:
            assert sp.simplify(finding.factor.subs({m: row.m, l: row.l}) - row.factor) == 0
            assert (row.verdict == "proven") == (row.m == row.l)


def test_chain_back_propagation_as_written_is_not_even_proportional(report):
    found = algorithm(report, "1.5.2 back-propagation")
    for finding in found.values():
        assert finding.verdict == "fails" and finding.factor is None
        example = finding.counterexample
        assert example.values["m"] >= 2 and example.lhs != pytest.approx(example.rhs)


def test_chain_counterexample_recomputes_from_the_composed_network(report):
    """At the counterexample (n = 1), the notes' scheme and the true gradient, by hand in SymPy."""
    finding = algorithm(report, "1.5.2 back-propagation")["w^(l)"]
    example = finding.counterexample
    values = example.values
    assert example.n == 1 and (values["m"], values["l"]) == (2, 1)
    w1, w2, b1, b2 = sp.symbols("w1 w2 b1 b2")
    x, y = values["x[1]"], values["y[1]"]
    sigmoid = lambda t: 1 / (1 + sp.exp(-t))  # noqa: E731
    a1 = sigmoid(x * w1 + b1)
    a2 = sigmoid(a1 * w2 + b2)
    point = {w1: values["w^(1)"], w2: values["w^(2)"], b1: values["b^(1)"], b2: values["b^(2)"]}
    true_gradient = sp.diff((a2 - y) ** 2, w1).subs(point)
    signal = 2 * (a2 - y) * a2 * (1 - a2) * w2  # (58) at l = 2 with n = 1, δ^(2) = a^(2) - y
    scheme = (2 * signal * a1 * (1 - a1) * x).subs(point)  # (56) at l = 1
    assert example.lhs == pytest.approx(float(scheme), rel=1e-12)
    assert example.rhs == pytest.approx(float(true_gradient), rel=1e-12)


#: What SymPy's own printer writes and a reader of the reports should never see.
SYMPY_CODE = re.compile(r"\bSum\(|\*\*|\b[A-Za-z]\w*\[[a-z]|KroneckerDelta|Piecewise\(|Derivative\(|(?<!\\)\bsigma\(|Heaviside\(|\bMax\(")


def test_the_notes_report_speaks_math_not_sympy_code(report):
    """Diagnoses, readings, factors and evidence in plain-text math (the corrected lines are LaTeX)."""
    from symgrad.printing import readable

    words = list(report.readings)
    for finding in report.findings:
        words += [*finding.readings, *finding.conditions, finding.evidence or "", finding.note or ""]
        if finding.diagnosis is not None:
            words += [finding.diagnosis.headline, finding.diagnosis.text]
        if finding.factor is not None:
            words.append(readable(finding.factor))
    found = [text for text in words if SYMPY_CODE.search(text) and "symgrad writes" not in text]
    assert not found, found[:3]
    assert any("(2/n)^(m − l)" in text for text in words)  # the chain's factor, as people write it
