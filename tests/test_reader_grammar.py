"""The grammar, syntax and resolver: the math people write in notes, read into SymPy objects."""

from pathlib import Path

import pytest
import sympy as sp

from symgrad import reader
from symgrad.notation import COUNT as n
from symgrad.notation import SAMPLE as i
from symgrad.notation import family, layer_name, parameter, sigma
from symgrad.reader import ReadError, Vocabulary, read_formula
from symgrad.reader.resolver import PRIME

x, y, a = family("x"), family("y"), family("a")
w, b = parameter("w"), parameter("b")
C = sp.Function("C")
NOTES = Vocabulary(functions=frozenset({"C"}), names=(("w1", "w_1"),), implicit=frozenset({"i_1"}))


def side(text, vocabulary=NOTES, k=0):
    return read_formula(text, vocabulary).sides[k]


def test_sum_over_samples_takes_the_rest_of_the_product():
    assert side(r"\frac{1}{n} \sum_{i=1}^n 2x_i (x_i w - y_i) + w") == (
        sp.Sum(2 * x[i] * (x[i] * w - y[i]), (i, 1, n)) / n + w
    )
    assert side(r"\sum_{i=1}^{n} x_i") == side(r"\sum_i^n x_i") == sp.Sum(x[i], (i, 1, n))


def test_a_declared_function_is_applied_and_a_family_multiplied():
    assert side(r"\sigma(x)(1 - \sigma(x))") == sigma(sp.Symbol("x", real=True)) * (1 - sigma(sp.Symbol("x", real=True)))
    assert side(r"a_i(1 - a_i)") == a[i] * (1 - a[i])
    assert side(r"C(w + 1) - C") == C(w + 1) - sp.Symbol("C", real=True)
    assert side(r"C{\left(w \right)}") == C(w)


def test_primes_on_functions_and_on_parentheses():
    assert side("C'(w)") == sp.Derivative(C(w), w)
    assert side(r"\left(w^2\right)'") == sp.Derivative(w**2, PRIME)
    assert side(r"\sigma''(w)") == sp.Derivative(sigma(w), (w, 2))


def test_partial_derivatives_take_the_whole_product_unless_the_notation_says_factor():
    assert side(r"2 \partial_{w} a_i b") == 2 * sp.Derivative(a[i] * b, w)
    assert side(r"\partial_{w} a_i b + b") == sp.Derivative(a[i] * b, w) + b
    assert read_formula(r"2 \partial_{w} a_i b", NOTES).readings == [
        "∂/∂w is read as applying to the whole product after it, b·aᵢ"
    ]
    factor = NOTES.with_(partial="factor")
    assert side(r"2 \partial_{w_1} a_i b", factor) == 2 * sp.Derivative(a[i], parameter("w_1")) * b
    assert side(r"\frac{\partial C}{\partial w}") == sp.Derivative(sp.Symbol("C", real=True), w)
    assert side(r"\frac{d}{d w} x_i^2") == sp.Derivative(x[i] ** 2, w)
    assert side(r"\frac{d^{2}}{d w^{2}} x_i^3") == sp.Derivative(x[i] ** 3, (w, 2))
    layer = family(layer_name("a", 1))
    assert side(r"\partial_{a_i^{(1)}} C^{(2)}") == sp.Derivative(sp.Symbol("C^{(2)}", real=True), layer[i])


def test_ellipsis_is_a_sum_over_the_index():
    assert side(r"(x_1 w - y_1)^2 + \dots + (x_n w - y_n)^2") == sp.Sum((x[i] * w - y[i]) ** 2, (i, 1, n))
    with pytest.raises(ReadError, match="differ"):
        read_formula(r"x_1 + \dots + y_n", NOTES)


def test_layer_superscripts_and_powers():
    assert side(r"a_i^{(l-1)}") == family(layer_name("a", "l-1"))[i]
    assert side(r"w^{( 2 )} x^2") == parameter(layer_name("w", 2)) * sp.Symbol("x", real=True) ** 2
    powers = NOTES.with_(layers=False)
    assert side(r"w^{(2)}", powers) == w**2


def test_names_subscripts_and_aliases():
    assert side("w1 + w_{1}") == 2 * parameter("w_1")
    assert side("i_1") == family("i_1")[i]  # declared implicit: the input of sample i
    assert side("x_1 + x_n") == x[1] + x[n]
    assert side(r"xw^{(1)}") == sp.Symbol("x", real=True) * parameter(layer_name("w", 1))
    assert side("{x}_{i}^{2}") == x[i] ** 2
    assert side(r"output", NOTES.with_(symbols=frozenset({"output"}))) == sp.Symbol("output", real=True)


def test_exponentials_limits_products_and_remarks():
    assert side(r"\frac{1}{1 + e^{-x}}") == 1 / (1 + sp.exp(-sp.Symbol("x", real=True)))
    assert side(r"\exp(w) * 2 \cdot w") == 2 * w * sp.exp(w)
    eps = sp.Symbol(r"\epsilon", real=True)
    assert side(r"\lim_{\epsilon \rightarrow 0} \frac{C(w + \epsilon) - C(w)}{\epsilon}") == sp.Limit(
        (C(w + eps) - C(w)) / eps, eps, 0, dir="+-"
    )
    assert side(r"\lim_{\epsilon \to 0} \epsilon") == sp.Limit(eps, eps, 0, dir="+-")
    remark = read_formula(r"(z_i : )", NOTES)
    assert remark.remark and remark.sides == [family("z")[i]]


def test_statements_continue_and_chain():
    step = read_formula(r"= \frac{2}{n} w =", NOTES)
    assert step.leading and step.trailing and step.sides == [2 * w / n]
    assert len(read_formula("output = y = w", NOTES.with_(symbols=frozenset({"output"}))).sides) == 3


@pytest.mark.parametrize(
    "text, message",
    [
        (r"\foo(x)", r"unknown command \\foo"),
        (r"x & y", "stray '&'"),
        (r"\frac{1}{n", "never closed"),
        (r"x + }", "nothing to close"),
        (r"\sum_{i=1}^n", "nothing after it"),
        (r"w +", "ends too early"),
        (r"\dots + x_n", r"\\dots must stand between"),
    ],
)
def test_malformed_formulas_are_read_errors_at_a_position(text, message):
    with pytest.raises(ReadError, match=message) as raised:
        read_formula(text, NOTES)
    assert 0 <= raised.value.at <= len(text)


def test_the_reader_never_evaluates_text_as_python():
    """No evaluating call in the reader's source, and code in a formula is only a parse error."""
    for module in Path(reader.__file__).parent.glob("*.py"):
        source = module.read_text()
        for call in ("eval(", "exec(", "sympify", "parse_expr", "parse_latex", "S("):
            assert call not in source.replace("Snippet(", "").replace("_S(", ""), f"{call} in {module.name}"
    for text in ["__import__('os').system('true')", "exec('1')", "lambda: 1"]:
        with pytest.raises(ReadError):
            read_formula(text, NOTES)
