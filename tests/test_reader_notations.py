"""Notations of other authors, read end to end: Nielsen's layers, Ng's x^{(i)}, several indices."""

from fractions import Fraction

import pytest
from sympy.core.function import AppliedUndef

from symgrad.check import check
from symgrad.check.numeric import Evaluator
from symgrad.check.scope import Scope
from symgrad.documents import read_document
from symgrad.report.text import render_document
from symgrad.results import Verdict

NIELSEN = r"""# One neuron per layer

$$ z^l = w^l a^{l-1} + b^l \tag{1} $$

$$ a^l = \sigma(z^l) \tag{2} $$

$$ C_x = \frac{1}{2}(a^L - y)^2 \tag{3} $$

$$ \frac{\partial C_x}{\partial w^L} = (a^L - y)\,\sigma'(z^L)\,a^{L-1} \tag{4} $$

$$ \frac{\partial C_x}{\partial w^L} = (a^L - y)\,\sigma'(z^L)\,a^{L} \tag{5} $$

$$ \frac{\partial C_x}{\partial b^L} = (a^L - y)\,a^L(1 - a^L) \tag{6} $$
"""


def report_of(tmp_path, text, name="doc.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check(read_document(path)[0])


def verdicts(report) -> dict:
    return {f.label: f.verdict for f in report.findings}


def test_nielsens_generic_layer_definitions_are_used_at_the_last_layer(tmp_path):
    report = report_of(tmp_path, NIELSEN)
    assert verdicts(report) == {
        "1": Verdict.DEFINITION, "2": Verdict.DEFINITION, "3": Verdict.DEFINITION,
        "4": Verdict.PROVEN, "5": Verdict.FAILS, "6": Verdict.PROVEN,
    }
    readings = " ".join(report.findings[0].readings)
    assert "z at layer l" in readings and "not a power" in readings
    wrong = report.findings[4]
    assert "a^(L)" in wrong.counterexample.values or "a^(L-1)" in wrong.counterexample.values


def test_a_definition_symgrad_cannot_compute_leaves_the_lines_that_use_it_inconclusive(tmp_path):
    text = r"""# A derivative of a name never defined

$$ h = \frac{\partial g}{\partial w} \tag{1} $$

$$ h = 0 \tag{2} $$

$$ 2 h = h + h \tag{3} $$
"""
    found = {f.label: f for f in report_of(tmp_path, text).findings}
    assert found["1"].verdict == Verdict.DEFINITION and "not known" in found["1"].note
    for label in ("2", "3"):  # neither a false nor a true line is judged against a stand-in for h
        assert found[label].verdict == Verdict.INCONCLUSIVE
        assert "rests on (1)" in found[label].diagnosis.text


def test_a_definition_at_the_last_layer_does_not_define_every_layer(tmp_path):
    text = NIELSEN.split("$$ \\frac")[0] + r"""
$$ \delta^L = (a^L - y)\,\sigma'(z^L) \tag{4} $$

$$ \delta^l = w^{l+1}\delta^{l+1}\sigma'(z^l) \tag{5} $$
"""
    found = {f.label: f for f in report_of(tmp_path, text).findings}
    assert found["4"].verdict == Verdict.DEFINITION
    assert found["5"].verdict == Verdict.INCONCLUSIVE
    assert "defined at other layers only" in found["5"].diagnosis.text


NG = r"""# Two features

$$ h_\theta(x) = \theta_0 + \theta_1 x_1 + \theta_2 x_2 \tag{1} $$

$$ J(\theta) = \frac{1}{2m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right)^2 \tag{2} $$

$$ \frac{\partial J}{\partial \theta_1} = \frac{1}{m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right) x_1^{(i)} \tag{3} $$

$$ \frac{\partial J}{\partial \theta_2} = \frac{1}{m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right) x_1^{(i)} \tag{4} $$
"""


def test_ngs_samples_and_features_are_read_and_a_counterexample_names_them(tmp_path):
    report = report_of(tmp_path, NG)
    found = {f.label: f for f in report.findings}
    assert found["3"].verdict == Verdict.PROVEN and found["4"].verdict == Verdict.FAILS
    example = found["4"].counterexample
    assert example.count_name == "m"
    assert {"x[1,1]", "x[1,2]"} <= set(example.values) and "x[1]" not in example.values
    # recompute (4) from the printed numbers: the true ∂J/∂θ_2 uses feature 2, the claim feature 1
    t0, t1, t2 = (Fraction(example.values[f"theta_{k}"]) for k in range(3))
    rows = range(1, example.n + 1)
    x = {(i, k): Fraction(example.values[f"x[{i},{k}]"]) for i in rows for k in (1, 2)}
    y = {i: Fraction(example.values[f"y[{i}]"]) for i in rows}
    residual = {i: t0 + t1 * x[i, 1] + t2 * x[i, 2] - y[i] for i in rows}
    assert float(sum(residual[i] * x[i, 2] for i in rows) / example.n) == pytest.approx(example.lhs)
    assert float(sum(residual[i] * x[i, 1] for i in rows) / example.n) == pytest.approx(example.rhs)
    assert f"counterexample: m = {example.n}," in "\n".join(render_document(report))


def test_a_function_of_a_sample_is_evaluated_on_that_samples_features(tmp_path):
    """h(x^{(i)}) at i = 2 is θ_0 + θ_1 x_{2,1} + θ_2 x_{2,2}, not h at the number x_2."""
    path = tmp_path / "doc.md"
    path.write_text(NG, encoding="utf-8")
    definition, cost = read_document(path)[0].equations[:2]
    scope = Scope(read_document(path)[0].notation)
    scope.define(definition.lhs, definition.rhs)
    applied = next(iter(cost.rhs.atoms(AppliedUndef)))
    (sample,) = applied.args
    thetas = sorted((s for s in definition.rhs.free_symbols if s.is_Symbol), key=str)
    values = {sample.indices[0]: 2, sample.base: {(1,): 100, (2,): 200, (2, 1): 5, (2, 2): 7}}
    values.update(zip(thetas, (1, 2, 3)))
    assert Evaluator(values, scope)(applied) == 1 + 2 * 5 + 3 * 7


SEVERAL = r"""# A linear model with d features

$$ f_i = \sum_{k=1}^{d} w_k x_{ik} \tag{1} $$

$$ C = \frac{1}{n}\sum_{i=1}^{n}(f_i - y_i)^2 \tag{2} $$

$$ \frac{\partial C}{\partial w_k} = \frac{2}{n}\sum_{i=1}^{n}(f_i - y_i)\,x_{ik} \tag{3} $$

$$ \frac{\partial C}{\partial w_k} = \frac{2}{n}\sum_{i=1}^{n}(f_i - y_i)\,x_{ki} \tag{4} $$
"""


def test_a_family_with_two_indices_is_differentiated_per_element(tmp_path):
    report = report_of(tmp_path, SEVERAL)
    found = {f.label: f for f in report.findings}
    assert found["3"].verdict.is_true, found["3"].diagnosis
    assert found["4"].verdict.is_wrong


BACKPROP = NIELSEN.split("$$ \\frac")[0] + r"""
$$ \delta^l = \frac{\partial C_x}{\partial z^l} \tag{4} $$

$$ \delta^l = w^{l+1}\delta^{l+1}\sigma'(z^l) \tag{5} $$

$$ \frac{\partial C_x}{\partial w^l} = a^{l-1}\delta^l \tag{6} $$

$$ \frac{\partial C_x}{\partial w^l} = a^{l}\delta^l \tag{7} $$

$$ \frac{\partial C_x}{\partial w^1} = (a^2 - y)\,\sigma'(z^2)\, w^2 \sigma'(z^1)\, x \tag{8} $$
"""


def test_claims_about_a_generic_layer_are_decided_on_every_chain_and_layer(tmp_path):
    found = {f.label: f for f in report_of(tmp_path, BACKPROP).findings}
    for label in ("5", "6"):  # BP2 and BP4: instances, not a proof for every L, and said so
        assert found[label].verdict == Verdict.NUMERICALLY_EQUAL
        assert "not a proof for every L" in found[label].evidence and "L = " in found[label].evidence
    wrong = found["7"]  # a^l where a^{l-1} belongs
    assert wrong.verdict == Verdict.FAILS
    assert list(wrong.counterexample.values)[:2] == ["L", "l"]
    assert wrong.counterexample.values["l"] <= wrong.counterexample.values["L"]


def test_a_line_with_numbered_layers_only_is_read_at_its_highest_layer(tmp_path):
    found = {f.label: f for f in report_of(tmp_path, BACKPROP).findings}
    unrolled = found["8"]
    assert unrolled.verdict == Verdict.PROVEN
    assert any("is read as 2" in reading for reading in unrolled.readings)
    assert any("x is read as a^{(0)}" in reading for reading in unrolled.readings)


PAIRS = r"""# Sums over pairs

$$ S = \sum_{i < j} (x_i - x_j)^2 \quad (1) $$

$$ S = n\sum_{i=1}^{n} x_i^2 - \left(\sum_{i=1}^{n} x_i\right)^2 \quad (2) $$

$$ S = \frac{1}{2}\sum_{i \neq j} (x_i - x_j)^2 \quad (3) $$

$$ S = \sum_{i \le j} (x_i - x_j)^2 \quad (4) $$

$$ S = 2\sum_{i<j} (x_i - x_j)^2 \quad (5) $$

$$ S = \sum_{j > i} x_i x_j \quad (6) $$
"""


@pytest.mark.parametrize("n", [2, 3, 4])
def test_a_sum_over_pairs_of_samples_is_the_sum_over_i_below_j(tmp_path, n):
    """The truth: S expanded by hand over the pairs 1 ≤ i < j ≤ n, in plain SymPy."""
    import sympy as sp
    x = sp.symbols(f"x1:{n + 1}")
    pairs = sum((x[i] - x[j]) ** 2 for j in range(n) for i in range(j))
    claims = {"2": n * sum(v**2 for v in x) - sum(x) ** 2,
              "3": sp.Rational(1, 2) * sum((x[i] - x[j]) ** 2 for i in range(n) for j in range(n) if i != j),
              "4": sum((x[i] - x[j]) ** 2 for j in range(n) for i in range(j + 1)),
              "5": 2 * pairs,
              "6": sum(x[i] * x[j] for i in range(n) for j in range(n) if j > i)}
    truth = {label: sp.expand(pairs - claim) == 0 for label, claim in claims.items()}
    assert truth == {"2": True, "3": True, "4": True, "5": False, "6": False}
    found = verdicts(report_of(tmp_path, PAIRS))
    assert {label: found[label].is_true for label in claims} == truth
    assert found["5"] == found["6"] == Verdict.FAILS


def test_a_sum_over_pairs_prints_its_reading_and_needs_the_sample_index(tmp_path):
    report = report_of(tmp_path, PAIRS)
    (first,) = [f for f in report.findings if f.label == "1"]
    assert any("pairs of samples with i < j, each from 1 to n" in r for r in first.readings)
    with pytest.raises(Exception, match="a sum over pairs runs over two sample numbers"):
        report_of(tmp_path, "# Bad\n\n$$ S = \\sum_{j<k} x_j x_k \\quad (1) $$\n")
