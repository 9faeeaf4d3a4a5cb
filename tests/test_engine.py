"""The verifier against true and deliberately broken derivations.

Every broken claim must fail with the right diagnosis, every true one must be proven, and every
counterexample is recomputed here with plain SymPy on the explicit sum (not with symgrad's
evaluator), so a wrong counterexample cannot pass.
"""

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symgrad import (
    Derivation,
    Notation,
    check,
    check_file,
    family,
    mean,
    parameter,
    sample_sum,
    sigma,
)
from symgrad.notation import COUNT as n
from symgrad.notation import SAMPLE as i
from symgrad.results import factor_string

w, w1, w2, b = parameter("w"), parameter("w_1"), parameter("w_2"), parameter("b")
x, y, z, a = family("x"), family("y"), family("z"), family("a")
i1, i2 = family("i_1"), family("i_2")
C = sp.Function("C")
d = sp.Derivative
TRUE_GRADIENT = sp.Mul(2 / n, sample_sum(x[i] * (x[i] * w - y[i])), evaluate=False)


def linear(claimed):
    """C(w) = (1/n) Σ (x_i w - y_i)^2, then the claim C'(w) = claimed."""
    derivation = Derivation("linear")
    derivation.define("1", C(w), mean((x[i] * w - y[i]) ** 2))
    derivation.claim("2", d(C(w), w), claimed)
    return check(derivation).findings[-1]


def neuron(claims):
    """a_i = σ(i_1 w_1 + i_2 w_2 + b), C = (1/n) Σ (a_i - z_i)^2, then `claims` [(lhs, rhs)]."""
    derivation = Derivation("neuron")
    cost = sp.Symbol("C", real=True)
    derivation.define("1", a[i], sigma(i1[i] * w1 + i2[i] * w2 + b))
    derivation.define("2", cost, mean((a[i] - z[i]) ** 2))
    for number, (lhs, rhs) in enumerate(claims, start=3):
        derivation.claim(str(number), lhs.subs(sp.Symbol("C"), cost), rhs)
    return check(derivation).findings[2:]


def explicit_cost_gradient(values: dict, count: int) -> float:
    """The true C'(w) of the linear model at `values`, by SymPy on the explicit finite sum."""
    xs = sp.symbols(f"x1:{count + 1}")
    ys = sp.symbols(f"y1:{count + 1}")
    weight = sp.Symbol("w")
    cost = sum((xk * weight - yk) ** 2 for xk, yk in zip(xs, ys)) / count
    numbers = {weight: values["w"]}
    numbers.update({xs[k]: values[f"x[{k + 1}]"] for k in range(count)})
    numbers.update({ys[k]: values[f"y[{k + 1}]"] for k in range(count)})
    return float(sp.diff(cost, weight).subs(numbers))


def explicit_value(expr_of_k, values: dict, count: int) -> float:
    """(1/n) Σ_k expr_of_k(k) at `values`, summed by hand."""
    total = sum(expr_of_k(k, values) for k in range(1, count + 1))
    return total / count


# -- true claims are proven ------------------------------------------------------------------
@pytest.mark.parametrize(
    "claimed",
    [
        TRUE_GRADIENT,
        mean(2 * x[i] * (x[i] * w - y[i])),
        d(mean((x[i] * w - y[i]) ** 2), w),
        sp.Mul(1 / n, d(sample_sum((x[i] * w - y[i]) ** 2), w), evaluate=False),
        sp.Mul(2 / n, sample_sum(x[i] ** 2 * w) - sample_sum(x[i] * y[i]), evaluate=False),
        2 * w * sample_sum(x[i] ** 2) / n - 2 * sample_sum(x[i] * y[i]) / n,
    ],
)
def test_true_linear_gradients_are_proven(claimed):
    finding = linear(claimed)
    assert finding.verdict == "proven"
    assert finding.method == "symbolic"
    assert finding.counterexample is None


def test_sigmoid_derivative_is_proven_from_its_definition():
    u = sp.Symbol("u", real=True)
    derivation = Derivation("sigma")
    derivation.define("11", sigma(u), 1 / (1 + sp.exp(-u)))
    derivation.claim("12", d(sigma(u), u), sigma(u) * (1 - sigma(u)))
    derivation.claim("13", d(sigma(u), u), sp.exp(-u) / (1 + sp.exp(-u)) ** 2)
    findings = check(derivation).findings
    assert [f.verdict for f in findings] == ["definition", "proven", "proven"]


def test_a_wrong_definition_of_sigma_is_refused():
    u = sp.Symbol("u", real=True)
    derivation = Derivation("sigma")
    derivation.define("11", sigma(u), 1 / (1 + sp.exp(u)))
    (finding,) = check(derivation).findings
    assert finding.verdict == "ill-formed"
    assert "logistic" in finding.diagnosis.text


# -- broken claims fail with the right diagnosis ---------------------------------------------
@pytest.mark.parametrize(
    "scale, factor, words",
    [(-1, "-1", "sign error"), (sp.Rational(1, 2), "1/2", "factor 2 is missing"), (3, "3", "3 times")],
)
def test_changed_factors_are_named_exactly(scale, factor, words):
    finding = linear(scale * TRUE_GRADIENT)
    assert finding.verdict == "fails"
    assert factor_string(finding.factor) == factor
    assert words in finding.diagnosis.text


def test_a_missing_one_over_n_is_a_factor_n():
    finding = linear(2 * sample_sum(x[i] * (x[i] * w - y[i])))
    assert finding.verdict == "fails"
    assert factor_string(finding.factor) == "n"


def test_a_dropped_square_is_diagnosed_and_its_counterexample_recomputes():
    finding = linear(sp.Mul(1 / n, d(sample_sum(x[i] * w - y[i]), w), evaluate=False))
    assert finding.verdict == "fails"
    assert "power 2" in finding.diagnosis.text
    example = finding.counterexample
    count, values = example.n, example.values
    assert count == 1, "the smallest n is preferred"
    assert example.lhs == pytest.approx(explicit_cost_gradient(values, count), rel=1e-12)
    claimed = explicit_value(lambda k, v: v[f"x[{k}]"], values, count)
    assert example.rhs == pytest.approx(claimed, rel=1e-12)
    assert abs(example.lhs - example.rhs) > 1e-6


def test_counterexample_of_a_sign_error_recomputes():
    finding = linear(-TRUE_GRADIENT)
    example = finding.counterexample
    truth = explicit_cost_gradient(example.values, example.n)
    assert example.lhs == pytest.approx(truth, rel=1e-12)
    assert example.rhs == pytest.approx(-truth, rel=1e-12)


@pytest.mark.parametrize(
    "written, words",
    [
        (a[i] * (1 + a[i]) * i1[i], "σ(1 + σ)"),
        ((1 - a[i]) * i1[i], "1 − σ"),
    ],
)
def test_a_wrong_sigmoid_derivative_is_named(written, words):
    (finding,) = neuron([(d(a[i], w1), written)])
    assert finding.verdict == "fails"
    assert words in finding.diagnosis.text


def test_swapped_inputs_are_named():
    slope = a[i] * (1 - a[i])
    (finding,) = neuron([(d(sp.Symbol("C"), w1), mean(2 * (a[i] - z[i]) * slope * i2[i]))])
    assert finding.verdict == "fails"
    assert "swapped" in finding.diagnosis.text
    assert "i_1" in finding.diagnosis.text and "i_2" in finding.diagnosis.text


def test_true_neuron_gradients_are_proven_in_the_notes_notation():
    slope = a[i] * (1 - a[i])
    findings = neuron(
        [
            (d(a[i], w1), slope * i1[i]),
            (d(sp.Symbol("C"), w1), mean(2 * (a[i] - z[i]) * slope * i1[i])),
            (d(sp.Symbol("C"), b), mean(2 * (a[i] - z[i]) * d(a[i], b))),
        ]
    )
    assert [f.verdict for f in findings] == ["proven"] * 3


def test_an_index_free_on_one_side_and_summed_on_the_other_is_ill_formed():
    slope = a[i] * (1 - a[i])
    (finding,) = neuron([(d(sp.Symbol("C"), a[i]), mean(2 * (a[i] - z[i])))])
    assert finding.verdict == "ill-formed"
    assert "free on the left" in finding.diagnosis.text
    assert finding.corrected is not None and "2" in finding.corrected
    del slope


def test_per_sample_derivative_is_the_single_term():
    (finding,) = neuron([(d(sp.Symbol("C"), a[i]), 2 * (a[i] - z[i]) / n)])
    assert finding.verdict == "proven"


# -- chains of steps -----------------------------------------------------------------------
def test_a_step_that_is_right_again_does_not_follow_from_a_wrong_one():
    derivation = Derivation("chain")
    derivation.define("1", C(w), mean((x[i] * w - y[i]) ** 2))
    derivation.claim("2", d(C(w), w), d(mean((x[i] * w - y[i]) ** 2), w))
    derivation.step("3", mean(x[i]))
    derivation.step("4", TRUE_GRADIENT)
    derivation.step("5", mean(2 * x[i] * (x[i] * w - y[i])))
    second, third, fourth, fifth = check(derivation).findings[1:]
    assert second.verdict == "proven" and second.follows is None
    assert third.verdict == "fails" and third.follows is False
    assert "first wrong step" in third.diagnosis.text
    assert fourth.verdict == "proven" and fourth.follows is False
    assert "does not follow from (3)" in fourth.diagnosis.text
    assert fifth.verdict == "proven" and fifth.follows is True


def test_two_wrong_steps_in_a_row_are_compared_with_each_other():
    derivation = Derivation("chain")
    derivation.define("1", C(w), mean((x[i] * w - y[i]) ** 2))
    derivation.claim("2", d(C(w), w), 2 * TRUE_GRADIENT)
    derivation.step("3", sp.Mul(4 / n, sample_sum(x[i] * (x[i] * w - y[i])), evaluate=False))
    derivation.step("4", 3 * TRUE_GRADIENT)
    second, third, fourth = check(derivation).findings[1:]
    assert (second.verdict, third.verdict, fourth.verdict) == ("fails", "fails", "fails")
    assert third.follows is True
    assert fourth.follows is False


# -- properties ------------------------------------------------------------------------------
@settings(max_examples=15, deadline=None)
@given(st.fractions(min_value=-5, max_value=5).filter(lambda q: q not in (0, 1)))
def test_any_constant_multiple_fails_with_that_factor(scale):
    factor = sp.Rational(scale.numerator, scale.denominator)
    finding = linear(factor * TRUE_GRADIENT)
    assert finding.verdict == "fails"
    assert finding.factor == factor


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=1, max_value=4), st.integers(min_value=-3, max_value=3))
def test_rewrites_of_the_gradient_are_proven(split, shift):
    """Split the true gradient into two sums and add a term that cancels: still proven."""
    part = sample_sum(split * x[i] ** 2 * w) / n
    rest = sample_sum((2 - split) * x[i] ** 2 * w - 2 * x[i] * y[i]) / n
    finding = linear(part + rest + shift * w - shift * w)
    assert finding.verdict == "proven"


def test_notation_readings_are_reported():
    notation = Notation()
    notation.read("x_i is the input of sample i")
    derivation = Derivation("readings", notation=notation)
    derivation.define("1", C(w), mean((x[i] * w - y[i]) ** 2))
    assert check(derivation).readings == ("x_i is the input of sample i",)


NAMED_SLIPS = {  # a document with one slip each, and the words that must name it
    "extra σ′ kept with cross-entropy": (
        r"$$\frac{\partial C}{\partial w} = \frac{1}{n} \sum_{i=1}^{n} (a_i - y_i) a_i (1 - a_i) x_i \tag{4}$$",
        "each term of the sum has a factor", "(σ′ at aᵢ)", "term-factor"),
    "a missing input": (
        r"$$\frac{\partial C}{\partial w} = \frac{1}{n} \sum_{i=1}^{n} (a_i - y_i) \cdot 2 \tag{4}$$",
        "each term of the sum lacks a factor xᵢ, and is 2 times off besides", "", "term-factor"),
    "∂/∂w reused for ∂/∂b": (
        r"$$\frac{\partial C}{\partial b} = \frac{1}{n} \sum_{i=1}^{n} (a_i - y_i) x_i \tag{4}$$",
        "this is the derivative by w, not by b", "", "wrong-variable"),
}
LOGISTIC = r"""# Logistic

$$z_i = w x_i + b \tag{1}$$
$$a_i = \sigma(z_i) \tag{2}$$
$$C = -\frac{1}{n} \sum_{i=1}^{n} \left( y_i \ln a_i + (1 - y_i) \ln (1 - a_i) \right) \tag{3}$$
"""
TANH_CHAIN = r"""# Tanh chain

$$h_i = \tanh(w_1 x_i + b_1) \tag{1}$$
$$a_i = \tanh(w_2 h_i + b_2) \tag{2}$$
$$C = \frac{1}{2n} \sum_{i=1}^{n} (a_i - y_i)^2 \tag{3}$$
"""
SIGMOID_LAYERS = r"""# Two layers

$$a^{(1)}_i = \sigma(w^{(1)} x_i + b^{(1)}) \tag{1}$$
$$a^{(2)}_i = \sigma(w^{(2)} a^{(1)}_i + b^{(2)}) \tag{2}$$
$$C = \frac{1}{n} \sum_{i=1}^{n} (a^{(2)}_i - y_i)^2 \tag{3}$$
"""


def slip(tmp_path, document: str, line: str):
    path = tmp_path / "slip.md"
    path.write_text(document + line + "\n")
    (finding,) = [f for f in check_file(path)[0].findings if f.label == "4"]
    assert finding.verdict == "fails"
    return finding.diagnosis


@pytest.mark.parametrize("name", NAMED_SLIPS)
def test_a_non_proportional_slip_in_logistic_regression_is_named(tmp_path, name):
    line, words, note, kind = NAMED_SLIPS[name]
    diagnosis = slip(tmp_path, LOGISTIC, line)
    assert words in diagnosis.text and note in diagnosis.text and diagnosis.kind == kind, diagnosis.text


@pytest.mark.parametrize("line, words, kind", [
    (r"$$\frac{\partial C}{\partial w_2} = \frac{1}{n} \sum_{i=1}^{n} (a_i - y_i)(1 - a_i) h_i \tag{4}$$",
     "the derivative of tanh is written as 1 − tanh (at aᵢ); tanh′ = 1 − tanh²", "wrong-derivative"),
    (r"$$\frac{\partial C}{\partial b_1} = \frac{1}{n} \sum_{i=1}^{n} (a_i - y_i)(1 - a_i^2) w_2 (1 - a_i^2) \tag{4}$$",
     "a is written where h belongs", "wrong-name"),
])
def test_a_slip_in_a_tanh_chain_is_named(tmp_path, line, words, kind):
    diagnosis = slip(tmp_path, TANH_CHAIN, line)
    assert words in diagnosis.text and diagnosis.kind == kind, diagnosis.text


def test_the_wrong_layer_is_named(tmp_path):
    line = (r"$$\frac{\partial C}{\partial w^{(2)}} = \frac{2}{n} \sum_{i=1}^{n} (a^{(2)}_i - y_i) "
            r"a^{(2)}_i (1 - a^{(2)}_i) a^{(2)}_i \tag{4}$$")
    diagnosis = slip(tmp_path, SIGMOID_LAYERS, line)
    assert diagnosis.text == "a^(2) is written where a^(1) belongs: the wrong layer (2 for 1)"
    assert diagnosis.kind == "wrong-name"
