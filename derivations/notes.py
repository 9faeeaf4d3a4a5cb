"""The notes "Gradient Descent", equations (1)–(58), encoded with symgrad's Python API.

Transcribed exactly as written, mistakes included: finding them is symgrad's job.  Each equation
carries the notes' own LaTeX; the SymPy expression beside it says the same thing.
"""

import re
from functools import lru_cache

import sympy as sp

from symgrad import Algorithm, Computed, Derivation, Instance, Notation
from symgrad.notation import COUNT as n
from symgrad.notation import SAMPLE as i
from symgrad.notation import family, layer_name, mean, parameter, sample_sum, sigma

CHAIN_SIZES = tuple(range(1, 9))
_LAYER = re.compile(r"\^\{\(l(?:\s*([+-])\s*(\d+))?\)\}")


@lru_cache(maxsize=1024)
def at_layer(expr: sp.Expr, layer: int) -> sp.Expr:
    """A per-layer formula (written with ^{(l)}, ^{(l-1)}, ^{(l+1)}) at a concrete layer.

    Names are matched by their layer superscript, so (56) written for layer l becomes the formula
    for layer 3 with a^{(2)}, a^{(3)}, w^{(3)}.
    """

    def concrete(name: str) -> str:
        def number(match):
            sign, offset = match.group(1), int(match.group(2) or 0)
            return "^{(%d)}" % (layer + offset if sign != "-" else layer - offset)

        return _LAYER.sub(number, name)

    replacements = {}
    for symbol in expr.atoms(sp.Symbol):
        if _LAYER.search(symbol.name):
            replacements[symbol] = sp.Symbol(concrete(symbol.name), **symbol.assumptions0)
    for indexed in expr.atoms(sp.Indexed):
        base = indexed.base
        if _LAYER.search(str(base.label)):
            replacements[base] = family(concrete(str(base.label)))
    return expr.xreplace(replacements)


def per_sample(expr: sp.Expr, index: sp.Symbol = i) -> sp.Expr:
    """A sum over the samples read as its i-th term: Σ_i f_i becomes f_i."""
    return expr.replace(
        lambda e: isinstance(e, sp.Sum) and e.limits[0][0] == index,
        lambda e: e.function,
    )


def times(*factors):
    """A product kept as written (1/n kept outside the sum, as the notes write it)."""
    return sp.Mul(*factors, evaluate=False)


def d(expr, variable):
    """∂_{variable} expr, unevaluated: symgrad computes its true value."""
    return sp.Derivative(expr, variable)


notation = Notation()
notation.read("i is the sample index and n the number of samples, a positive integer; proofs hold for every n.")
notation.read("A prime, as in C'(w) or (…)', is the derivative with respect to w, the variable of the C'(w) it continues.")
notation.read("w1 and w2 in (10)–(21) are the parameters w_1 and w_2 that (14) writes as ∂_{w_1}.")
notation.read("In (13)–(28), i_1 and i_2 are the two inputs of sample i.")
notation.read(
    "y is the model's output in (2), (10) and (30), and y_i the expected output (target) of sample i in (38)–(58)."
)
notation.read(
    "∂_{a_i} of a sum over the samples is the derivative with respect to sample i's value: only the i-th term depends on it."
)
notation.read(
    "In a line, ∂_{a_i^{(1)}} C^{(2)} means its true value; an algorithm check instead uses the notes' formula for it, (43) or (58)."
)
notes = Derivation("Gradient Descent", notation=notation)

# 1 Gradient Descent ----------------------------------------------------------------------
w = parameter("w")
x, y, z = family("x"), family("y"), family("z")
C = sp.Function("C")

notes.section("1.1", "Finite difference")
notes.define(
    "1",
    latex=r"C'(w) = \lim_{\epsilon \rightarrow 0} \frac{C(w + \epsilon) - C(w)}{\epsilon}",
    note="defines the derivative C' by finite differences",
)

notes.section("1.2", "Linear Model")
notes.define("2", sp.Symbol("y", real=True), w * sp.Symbol("x", real=True), latex=r"y = w * x")

notes.section("1.2.1", "Cost")
squared_error = (x[i] * w - y[i]) ** 2
eq3 = notes.define("3", C(w), mean(squared_error), latex=r"C(w) = \frac{1}{n} \sum_{i=1}^n (x_i w - y_i)^2")
notes.claim(
    "4",
    d(C(w), w),
    d(mean(squared_error), w),
    latex=r"C'(w) = \left(\frac{1}{n} \sum_{i=1}^n (x_i w - y_i)^2 \right)'",
)
notes.step("5", times(1 / n, d(sample_sum(squared_error), w)), latex=r"= \frac{1}{n} \left(\sum_{i=1}^n (x_i w - y_i)^2 \right)'")
notes.step(
    "6",
    times(1 / n, d(sample_sum(squared_error), w)),
    latex=r"= \frac{1}{n} ((x_1 w - y_1)^2 + \dots + (x_n w - y_n)^2)'",
)
notes.step(
    "7",
    times(1 / n, d(sample_sum(x[i] * w - y[i]), w)),
    latex=r"= \frac{1}{n} ((x_1 w - y_1) + \dots + (x_n w - y_n))'",
)
notes.step("8", mean(2 * x[i] * (x[i] * w - y[i])), latex=r"= \frac{1}{n} \sum_{i=1}^n 2x_i (x_i w - y_i)")
eq9 = notes.step(
    "9", times(2 / n, sample_sum(x[i] * (x[i] * w - y[i]))), latex=r"= \frac{2}{n} \sum_{i=1}^n x_i (x_i w - y_i)"
)

# 1.3 One neuron with two inputs ------------------------------------------------------------
w1, w2, b = parameter("w_1"), parameter("w_2"), parameter("b")
i1, i2, a = family("i_1"), family("i_2"), family("a")
u = sp.Symbol("x", real=True)

notes.section("1.3", "One Neuron Model with 2 inputs")
notes.define(
    "10",
    sp.Symbol("output", real=True),
    sigma(sp.Symbol("i_1", real=True) * w1 + sp.Symbol("i_2", real=True) * w2 + b),
    latex=r"output = y = \sigma(i_1 * w1 + i_2 * w2 + b)",
)
notes.define("11", sigma(u), 1 / (1 + sp.exp(-u)), latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}")
notes.claim("12", d(sigma(u), u), sigma(u) * (1 - sigma(u)), latex=r"\sigma'(x) = \sigma(x)(1 - \sigma(x))")

notes.section("1.3.1", "Cost")
pre_activation = i1[i] * w1 + i2[i] * w2 + b
eq13 = notes.define("13", a[i], sigma(pre_activation), latex=r"a_i = \sigma(i_1 * w1 + i_2 * w2 + b)")
slope = a[i] * (1 - a[i])
notes.claim(
    "14",
    d(a[i], w1),
    d(sigma(pre_activation), w1),
    latex=r"\partial_{w_1} a_i = \partial_{w_1} (\sigma(i_1 * w1 + i_2 * w2 + b))",
)
notes.step("15", slope * d(pre_activation, w1), latex=r"= a_i(1 - a_i) \partial_{w_1} (i_1 w1 + i_2 w2 + b)")
notes.step("16", slope * i1[i], latex=r"= a_i(1 - a_i) i_1")
notes.claim(
    "17",
    d(a[i], w2),
    d(sigma(pre_activation), w2),
    latex=r"\partial_{w_2} a_i = \partial_{w_2} (\sigma(i_1 * w1 + i_2 * w2 + b))",
)
notes.step("18", slope * d(pre_activation, w2), latex=r"= a_i(1 - a_i) \partial_{w_2} (i_1 w1 + i_2 w2 + b)")
notes.step("19", slope * i2[i], latex=r"= a_i(1 - a_i) i_2")
notes.claim("20", d(a[i], b), d(sigma(pre_activation), b), latex=r"\partial_b a_i = \partial_b (\sigma(i_1 w1 + i_2 w2 + b))")
notes.step("21", slope, latex=r"= a_i(1 - a_i)")
notes.define("22", latex=r"(z_i : \text{expected output})", note="z_i is the expected output (target) of sample i")
cost = sp.Symbol("C", real=True)
eq23 = notes.define("23", cost, mean((a[i] - z[i]) ** 2), latex=r"C = \frac{1}{n} \sum_{i=1}^n (a_i - z_i)^2")
notes.claim(
    "24",
    d(cost, w1),
    mean(d((a[i] - z[i]) ** 2, w1)),
    latex=r"\partial_{w_1} C = \frac{1}{n} \sum_{i=1}^n \partial_{w_1} ((a_i - z_i)^2) =",
)
notes.step("25", mean(2 * (a[i] - z[i]) * d(a[i], w1)), latex=r"= \frac{1}{n} \sum_{i=1}^n 2(a_i - z_i) \partial_{w_1} a_i =")
eq26 = notes.step(
    "26", mean(2 * (a[i] - z[i]) * slope * i1[i]), latex=r"= \frac{1}{n} \sum_{i=1}^n 2(a_i - z_i) a_i (1 - a_i) i_1"
)
eq27 = notes.claim(
    "27",
    d(cost, w2),
    mean(2 * (a[i] - z[i]) * slope * i2[i]),
    latex=r"\partial_{w_2} C = \frac{1}{n} \sum_{i=1}^n 2(a_i - z_i) a_i (1 - a_i) i_2",
)
eq28 = notes.claim(
    "28",
    d(cost, b),
    mean(2 * (a[i] - z[i]) * slope),
    latex=r"\partial_b C = \frac{1}{n} \sum_{i=1}^n 2(a_i - z_i) a_i (1 - a_i)",
)

# 1.4 Two neurons with one input ------------------------------------------------------------
W1, W2 = parameter(layer_name("w", 1)), parameter(layer_name("w", 2))
B1, B2 = parameter(layer_name("b", 1)), parameter(layer_name("b", 2))
a1, a2, e = family(layer_name("a", 1)), family(layer_name("a", 2)), family("e")
C1, C2 = sp.Symbol(layer_name("C", 1), real=True), sp.Symbol(layer_name("C", 2), real=True)

notes.section("1.4", "Two Neurons Model with 1 input")
notes.define(
    "29",
    sp.Symbol(layer_name("a", 1), real=True),
    sigma(sp.Symbol("x", real=True) * W1 + B1),
    latex=r"a^{(1)} = \sigma(xw^{(1)} + b^{(1)})",
)
notes.define(
    "30",
    sp.Symbol("y", real=True),
    sigma(sp.Symbol(layer_name("a", 1), real=True) * W2 + B2),
    latex=r"y = \sigma(a^{(1)}w^{(2)} + b^{(2)})",
)

notes.section("1.4.1", "Feed-Forward")
slope1, slope2 = a1[i] * (1 - a1[i]), a2[i] * (1 - a2[i])
eq31 = notes.define("31", a1[i], sigma(x[i] * W1 + B1), latex=r"a_i^{(1)} = \sigma(x_i w^{(1)} + b^{(1)})")
notes.claim("32", d(a1[i], W1), slope1 * x[i], latex=r"\partial_{w^{(1)}} a_i^{(1)} = a_i^{(1)}(1 - a_i^{(1)})x_i")
notes.claim("33", d(a1[i], B1), slope1, latex=r"\partial_{b^{(1)}} a_i^{(1)} = a_i^{(1)}(1 - a_i^{(1)})")
eq34 = notes.define("34", a2[i], sigma(a1[i] * W2 + B2), latex=r"a_i^{(2)} = \sigma(a_i^{(1)}w^{(2)} + b^{(2)})")
notes.claim(
    "35", d(a2[i], W2), slope2 * a1[i], latex=r"\partial_{w^{(2)}} a_i^{(2)} = a_i^{(2)}(1 - a_i^{(2)})a_i^{(1)}"
)
notes.claim("36", d(a2[i], B2), slope2, latex=r"\partial_{b^{(2)}} a_i^{(2)} = a_i^{(2)}(1 - a_i^{(2)})")
notes.claim(
    "37", d(a2[i], a1[i]), slope2 * W2, latex=r"\partial_{a_i^{(1)}} a_i^{(2)} = a_i^{(2)}(1 - a_i^{(2)})w^{(2)}"
)

notes.section("1.4.2", "Back-Propagation")
error2 = a2[i] - y[i]
eq38 = notes.define("38", C2, mean(error2**2), latex=r"C^{(2)} = \frac{1}{n} \sum_{i=1}^n (a_i^{(2)} - y_i)^2")
notes.claim(
    "39",
    d(C2, W2),
    mean(d(error2**2, W2)),
    latex=r"\partial_{w^{(2)}} C^{(2)} = \frac{1}{n} \sum_{i=1}^n \partial_{w^{(2)}} ((a_i^{(2)} - y_i)^2)",
)
notes.step(
    "40",
    mean(2 * error2 * d(a2[i], W2)),
    latex=r"= \frac{1}{n} \sum_{i=1}^n 2(a_i^{(2)} - y_i) \partial_{w^{(2)}} a_i^{(2)}",
)
eq41 = notes.step(
    "41",
    mean(2 * error2 * slope2 * a1[i]),
    latex=r"= \frac{1}{n} \sum_{i=1}^n 2(a_i^{(2)} - y_i) a_i^{(2)} (1 - a_i^{(2)}) a_i^{(1)}",
)
eq42 = notes.claim(
    "42",
    d(C2, B2),
    mean(2 * error2 * slope2),
    latex=r"\partial_{b^{(2)}} C^{(2)} = \frac{1}{n} \sum_{i=1}^n 2(a_i^{(2)} - y_i) a_i^{(2)} (1 - a_i^{(2)})",
)
signal1 = d(C2, a1[i])
eq43 = notes.claim(
    "43",
    signal1,
    mean(2 * error2 * slope2 * W2),
    latex=r"\partial_{a_i^{(1)}} C^{(2)} = \frac{1}{n} \sum_{i=1}^n 2(a_i^{(2)} - y_i) a_i^{(2)} (1 - a_i^{(2)}) w^{(2)}",
)
notation.hold_constant(e)
notation.read(
    "e_i in (44) is a pseudo-target for the first neuron: like the targets y_i and z_i it is held constant under ∂ "
    "(its value is computed before the gradients), which is how (47)–(48) differentiate C^{(1)}."
)
notes.define("44", e[i], a1[i] - signal1, latex=r"e_i = a_i^{(1)} - \partial_{a_i^{(1)}} C^{(2)}")
error1 = a1[i] - e[i]
eq45 = notes.define("45", C1, mean(error1**2), latex=r"C^{(1)} = \frac{1}{n} \sum_{i=1}^n (a_i^{(1)} - e_i)^2")
notes.claim(
    "46",
    d(C1, W1),
    d(mean(error1**2), W1),
    latex=r"\partial_{w^{(1)}} C^{(1)} = \partial_{w^{(1)}} \left(\frac{1}{n} \sum_{i=1}^n (a_i^{(1)} - e_i)^2 \right)",
)
notes.step(
    "47", mean(d(error1**2, W1)), latex=r"= \frac{1}{n} \sum_{i=1}^n \partial_{w^{(1)}} ((a_i^{(1)} - e_i)^2)"
)
notes.step(
    "48",
    mean(2 * error1 * d(a1[i], W1)),
    latex=r"= \frac{1}{n} \sum_{i=1}^n 2(a_i^{(1)} - e_i) \partial_{w^{(1)}} a_i^{(1)}",
)
eq49 = notes.step(
    "49",
    mean(2 * signal1 * slope1 * x[i]),
    latex=r"= \frac{1}{n} \sum_{i=1}^n 2(\partial_{a_i^{(1)}} C^{(2)}) a_i^{(1)} (1 - a_i^{(1)}) x_i",
)
eq50 = notes.claim(
    "50",
    d(C1, B1),
    mean(2 * signal1 * slope1),
    latex=r"\partial_{b^{(1)}} C^{(1)} = \frac{1}{n} \sum_{i=1}^n 2(\partial_{a_i^{(1)}} C^{(2)}) a_i^{(1)} (1 - a_i^{(1)})",
)

# 1.5 A chain of m neurons ----------------------------------------------------------------
A, A_below, A_above = family(layer_name("a", "l")), family(layer_name("a", "l-1")), family(layer_name("a", "l+1"))
W, B = parameter(layer_name("w", "l")), parameter(layer_name("b", "l"))
signal, target = family(layer_name(r"\delta", "l")), family(layer_name("e", "l"))
Cl = sp.Symbol(layer_name("C", "l"), real=True)
slope_l = A[i] * (1 - A[i])

notes.section("1.5", "Arbitrary Neurons Model with 1 input")
notation.read("Let's assume that a_i^{(0)} is x_i: layer 1 reads the input.")
notation.read(
    "(51)–(58) are checked for a generic layer l: a_i^{(l-1)} is whatever the layers below compute, "
    "so it does not depend on w^{(l)} or b^{(l)}."
)

notes.section("1.5.1", "Feed-Forward")
eq51 = notes.define("51", A[i], sigma(A_below[i] * W + B), latex=r"a_i^{(l)} = \sigma(a_i^{(l-1)} w^{(l)} + b^{(l)})")
notes.claim(
    "52", d(A[i], W), slope_l * A_below[i], latex=r"\partial_{w^{(l)}} a_i^{(l)} = a_i^{(l)} (1 - a_i^{(l)}) a_i^{(l-1)}"
)
notes.claim("53", d(A[i], B), slope_l, latex=r"\partial_{b^{(l)}} a_i^{(l)} = a_i^{(l)} (1 - a_i^{(l)})")
notes.claim(
    "54",
    d(A[i], A_below[i]),
    slope_l * W,
    latex=r"\partial_{a_i^{(l-1)}} a_i^{(l)} = a_i^{(l)} (1 - a_i^{(l)}) w^{(l)}",
)

notes.section("1.5.2", "Back-Propagation")
notation.hold_constant(target)
notes.assume(
    signal[i],
    A[i] - target[i],
    "δ_i^{(l)} stands for ∂_{a_i^{(l)}} C^{(l+1)}, the error layer l receives from above; for l = m the notes "
    "denote it a_i^{(m)} − y_i. As with e_i in (44), C^{(l)} is read as the squared error of layer l against a "
    "pseudo-target e_i^{(l)} = a_i^{(l)} − δ_i^{(l)} held constant under ∂ (for l = m the target is y_i).",
)
eq55 = notes.define(
    "55", Cl, mean(signal[i] ** 2), latex=r"C^{(l)} = \frac{1}{n} \sum_{i=1}^n (\partial_{a_i^{(l)}} C^{(l+1)})^2"
)
eq56 = notes.claim(
    "56",
    d(Cl, W),
    mean(2 * signal[i] * slope_l * A_below[i]),
    latex=r"\partial_{w^{(l)}} C^{(l)} = \frac{1}{n} \sum_{i=1}^n 2(\partial_{a_i^{(l)}} C^{(l+1)}) a_i^{(l)} (1 - a_i^{(l)}) a_i^{(l-1)}",
)
eq57 = notes.claim(
    "57",
    d(Cl, B),
    mean(2 * signal[i] * slope_l),
    latex=r"\partial_{b^{(l)}} C^{(l)} = \frac{1}{n} \sum_{i=1}^n 2(\partial_{a_i^{(l)}} C^{(l+1)}) a_i^{(l)} (1 - a_i^{(l)})",
)
eq58 = notes.claim(
    "58",
    d(Cl, A_below[i]),
    mean(2 * signal[i] * slope_l * W),
    latex=r"\partial_{a_i^{(l-1)}} C^{(l)} = \frac{1}{n} \sum_{i=1}^n 2(\partial_{a_i^{(l)}} C^{(l+1)}) a_i^{(l)} (1 - a_i^{(l)}) w^{(l)}",
)


# Algorithms: what the notes' formulas compute when used for training -----------------------
def linear_model(_size):
    return Instance([], eq3.rhs, [Computed("w", None, w, eq9.rhs)])


def neuron(_size):
    computed = [Computed(str(p), None, p, eq.rhs) for p, eq in ((w1, eq26), (w2, eq27), (b, eq28))]
    return Instance([(eq13.lhs, eq13.rhs)], eq23.rhs, computed)


def two_neurons(signal_formula, gradients):
    """Back-propagation of 1.4.2, with ∂_{a_i^{(1)}} C^{(2)} computed by `signal_formula`."""

    def build(_size):
        definitions = [(eq.lhs, eq.rhs) for eq in (eq31, eq34)]
        computed = [
            Computed(str(p), None, p, eq.rhs.xreplace({signal1: signal_formula(eq43.rhs)}))
            for p, eq in gradients
        ]
        return Instance(definitions, eq38.rhs, computed)

    return build


def chain(signal_formula):
    """Back-propagation of 1.5.2 through m layers, with (58) computed by `signal_formula`."""

    def build(m):
        definitions = [(family(layer_name("a", 0))[i], x[i])]
        definitions += [(at_layer(eq51.lhs, k), at_layer(eq51.rhs, k)) for k in range(1, m + 1)]
        top = family(layer_name(r"\delta", m))
        definitions.append((top[i], family(layer_name("a", m))[i] - y[i]))
        for k in range(m, 1, -1):
            definitions.append((at_layer(signal[i], k - 1), signal_formula(at_layer(eq58.rhs, k))))
        cost = mean((family(layer_name("a", m))[i] - y[i]) ** 2)
        computed = []
        for k in range(1, m + 1):
            computed.append(Computed(layer_name("w", "l"), k, at_layer(W, k), at_layer(eq56.rhs, k)))
            computed.append(Computed(layer_name("b", "l"), k, at_layer(B, k), at_layer(eq57.rhs, k)))
        return Instance(definitions, cost, computed)

    return build


def as_written(formula):
    return formula


AS_WRITTEN = "as written, the sum over samples included"
PER_SAMPLE = "reading the sum as its i-th term, the per-sample derivative"

notes.algorithm(Algorithm("1.2 gradient descent", "1.2.1", "gradient descent on $C(w)$ with (9)", ["3", "9"], linear_model))
notes.algorithm(Algorithm("1.3 neuron", "1.3.1", "gradient descent on $C$ with (26)–(28)", ["13", "23", "26", "27", "28"], neuron))
notes.algorithm(
    Algorithm(
        "1.4.2 back-propagation",
        "1.4.2",
        "(41), (42), (49), (50) with $\\partial_{a_i^{(1)}} C^{(2)}$ from (43) " + AS_WRITTEN,
        ["31", "34", "38", "41", "42", "43", "44", "49", "50"],
        two_neurons(as_written, [(W2, eq41), (B2, eq42), (W1, eq49), (B1, eq50)]),
        reading="with (43) " + AS_WRITTEN,
    )
)
notes.algorithm(
    Algorithm(
        "1.4.2 back-propagation, (43) per sample",
        "1.4.2",
        "(49), (50) with $\\partial_{a_i^{(1)}} C^{(2)}$ from (43) " + PER_SAMPLE,
        ["31", "34", "38", "43", "44", "49", "50"],
        two_neurons(per_sample, [(W1, eq49), (B1, eq50)]),
        reading="with (43) " + PER_SAMPLE,
    )
)
notes.algorithm(
    Algorithm(
        "1.5.2 back-propagation",
        "1.5.2",
        "(56), (57) with $\\partial_{a_i^{(m)}} C^{(m+1)} = a_i^{(m)} - y_i$ and (58) " + AS_WRITTEN,
        ["51", "55", "56", "57", "58"],
        chain(as_written),
        sizes=CHAIN_SIZES,
        reading="with (58) " + AS_WRITTEN,
    )
)
notes.algorithm(
    Algorithm(
        "1.5.2 back-propagation, (58) per sample",
        "1.5.2",
        "(56), (57) with $\\partial_{a_i^{(m)}} C^{(m+1)} = a_i^{(m)} - y_i$ and (58) " + PER_SAMPLE,
        ["51", "55", "56", "57", "58"],
        chain(per_sample),
        sizes=CHAIN_SIZES,
        reading="with (58) " + PER_SAMPLE,
    )
)

DERIVATION = notes
