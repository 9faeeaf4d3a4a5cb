"""Documents from the second outside attack (a tester who read only the README), each a class of
misjudgement it found, with the verdict its own oracle computed (plain SymPy, never symgrad)."""

import pytest

from symgrad.check import check
from symgrad.documents import read_document
from symgrad.errors import DocumentErrors
from symgrad.reader import ReadError
from symgrad.results import Verdict

D, P, F, I, X = Verdict.DEFINITION, Verdict.PROVEN, Verdict.FAILS, Verdict.INCONCLUSIVE, Verdict.ILL_FORMED


def verdicts_of(tmp_path, text: str) -> dict:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    try:
        (derivation,) = read_document(path)
    except DocumentErrors as errors:  # what did not read is a result (ill-formed) all the same
        (derivation,) = errors.partial
    return {f.label: f.verdict for f in check(derivation).findings}


CASES = {
    "a sample past the trial counts still counts (x_40 exists once n ≥ 40)": (
        r"""# Sample 40

$$C = \frac{1}{n}\sum_{i=1}^{n} (w x_i - y_i)^2 \quad (1)$$

$$\frac{\partial C}{\partial x_{40}} = 0 \quad (2)$$
""", {"1": D, "2": F}),
    "layers = true makes a numbered superscript a layer, not a power": (
        r"""# One neuron, layer 1

```symgrad
layers = true
```

$$z^1 = w^1 x + b^1 \quad (1)$$

$$a^1 = \sigma(z^1) \quad (2)$$

$$C = \frac{1}{2}(a^1 - y)^2 \quad (3)$$

$$\frac{\partial C}{\partial w^1} = 0 \quad (4)$$

$$\frac{\partial C}{\partial w^1} = (a^1 - y)\sigma'(z^1) x \quad (5)$$
""", {"1": D, "2": D, "3": D, "4": F, "5": P}),
    "a family redefined in a new section is not defined through itself": (
        r"""# Two models

## 1 Model A

$$a_i = w x_i \quad (1)$$

## 2 Model B

$$a_i = w x_i + b \quad (2)$$

$$\frac{\partial a_i}{\partial b} = 0 \quad (3)$$

$$\frac{\partial a_i}{\partial b} = 1 \quad (4)$$
""", {"1": D, "2": D, "3": F, "4": P}),
    "an undefined prediction ŷ is not a constant: its derivative is not known": (
        r"""# Squared error of the prediction

The prediction is $\hat{y} = w x$ (stated in the text, not numbered).

$$E = \frac{1}{2}(\hat{y} - t)^2 \quad (1)$$

$$\frac{\partial E}{\partial w} = (\hat{y} - t)\,x \quad (2)$$

$$\frac{\partial E}{\partial w} = 0 \quad (3)$$
""", {"1": D, "2": I, "3": I}),
    "Ng's h_θ(x) = Σ_j θ_j x_j takes x_j as feature j of the sample it is applied to": (
        r"""# Hypothesis with d features

$$h_\theta(x) = \sum_{j=1}^{d} \theta_j x_j \quad (1)$$

$$\frac{\partial}{\partial \theta_1} h_\theta(x^{(i)}) = x_1^{(i)} \quad (2)$$

$$\frac{\partial}{\partial \theta_1} h_\theta(x^{(i)}) = x_2^{(i)} \quad (3)$$
""", {"1": D, "2": P, "3": F}),
    "x_{i1} is sample i, feature 1": (
        r"""# Two-index data

$$\hat{y}_i = \sum_{k=1}^{d} w_k x_{i,k} \quad (1)$$

$$C = \frac{1}{n}\sum_{i=1}^{n} (\hat{y}_i - y_i)^2 \quad (2)$$

$$\frac{\partial C}{\partial w_1} = \frac{2}{n}\sum_{i=1}^{n} (\hat{y}_i - y_i) x_{i1} \quad (3)$$

$$\frac{\partial C}{\partial w_1} = \frac{2}{n}\sum_{i=1}^{n} (\hat{y}_i - y_i) x_{i2} \quad (4)$$
""", {"1": D, "2": D, "3": P, "4": F}),
    "∂C/∂x where C depends on x_1 … x_n is not a derivative by a single x": (
        r"""# Per-sample inputs

$$C = \frac{1}{n}\sum_{i=1}^{n} (w x_i - y_i)^2 \quad (1)$$

$$\frac{\partial C}{\partial x} = 0 \quad (2)$$
""", {"1": D, "2": I}),
    "a piecewise derivative wrong on a short interval is found there": (
        r"""# ReLU derivative

$$r(z) = \max(0, z) \quad (1)$$

$$r'(z) = \mathbb{1}[z > 0.3] \quad (2)$$

$$\frac{d}{dz}|z| = \operatorname{sign}(z + 0.2) \quad (3)$$

$$\frac{d}{dz}\max(0, z) = \mathbb{1}[z > 0] + \mathbb{1}[z > 10^6] \quad (4)$$

$$r'(z) = \mathbb{1}[z > 0] \quad (5)$$
""", {"1": D, "2": F, "3": F, "4": F, "5": Verdict.NUMERICALLY_EQUAL}),
    "a derivative at a kink has no value; where the one-sided limits agree, it has": (
        r"""# Kinks

$$\left.\frac{d}{dz}\max(0, z)\right|_{z=0} = \frac{1}{2} \quad (1)$$

$$\left.\frac{d}{dw}|w - 3|\right|_{w=3} = 0 \quad (2)$$

$$\left.\frac{d}{dz}\operatorname{sign}(z)\right|_{z=0} = 0 \quad (3)$$

$$\left.\frac{d}{dz}\max(0, z)^2\right|_{z=0} = 0 \quad (4)$$

$$\left.\frac{d}{dz}(\max(0, z) - \max(0, -z))\right|_{z=0} = 2 \quad (5)$$
""", {"1": I, "2": I, "3": I, "4": P, "5": F}),
    "a limit of a function the document defines is a claim; of one it leaves open, a definition": (
        r"""# Central difference

$$f'(x) = \lim_{h \to 0}\frac{f(x + h) - f(x)}{h} \quad (1)$$

$$J(\theta) = \theta^3 \quad (2)$$

$$J'(\theta) = \lim_{\epsilon \to 0}\frac{J(\theta + \epsilon) - J(\theta - \epsilon)}{\epsilon} \quad (3)$$

$$\frac{d}{d\theta}J(\theta) = \lim_{\epsilon \to 0}\frac{J(\theta + \epsilon) - J(\theta - \epsilon)}{2\epsilon} \quad (4)$$

$$J'(\theta) = 3\theta^2 \quad (5)$$
""", {"1": D, "2": D, "3": F, "4": P, "5": P}),
    "an approximation is checked in its small step, on either side or on both (an expansion)": (
        r"""# Expansions

$$f(w) = w^3 \quad (1)$$

$$f(w + h) \approx f(w) + 5 w^2 h \quad (2)$$

$$\frac{f(w+\epsilon) - f(w)}{\epsilon} \approx 3 w \quad (3)$$

$$f(w + h) \approx f(w) + 3 w^2 h \quad (4)$$

$$f(w + h) \approx f(w) + 3 w^2 h + 3 w h^2 \quad (5)$$

$$f(w + h) \approx f(w) + 3 w^2 h + 2 w h^2 \quad (6)$$

$$\frac{f(w+\epsilon) - f(w-\epsilon)}{2\epsilon} \approx 3 w^2 \quad (7)$$

$$3 w^2 \approx \frac{f(w+h) - f(w)}{h} \quad (8)$$
""", {"1": D, "2": F, "3": F, "4": P, "5": P, "6": F, "7": P, "8": P}),
    "an iterate w^{(t+1)} is defined by the one before it, and its derivative is checked": (
        r"""# Gradient descent iterates

$$w^{(t+1)} = w^{(t)} - \eta \frac{2}{n}\sum_{i=1}^{n}(w^{(t)} x_i - y_i)x_i \quad (1)$$

$$\frac{\partial w^{(t+1)}}{\partial w^{(t)}} = 1 - \frac{2\eta}{n}\sum_{i=1}^{n} x_i^2 \quad (2)$$

$$\frac{\partial w^{(t+1)}}{\partial w^{(t)}} = 1 - \frac{\eta}{n}\sum_{i=1}^{n} x_i^2 \quad (3)$$
""", {"1": D, "2": P, "3": F}),
    "a document with m samples keeps its count when a line slips to n": (
        r"""# m samples, and a slip

$$J(w) = \frac{1}{2m}\sum_{i=1}^{m} (w x_i - y_i)^2 \quad (1)$$

$$\frac{dJ}{dw} = \frac{1}{m}\sum_{i=1}^{n} (w x_i - y_i) x_i \quad (2)$$

$$\frac{\partial J}{\partial x_i} = \frac{1}{m} w (w x_i - y_i) \quad (3)$$
""", {"1": D, "2": F, "3": P}),
    "Ng's sums over features from j = 0 to n: n is a whole number, j within it": (
        r"""# Gradient of the linear-regression cost (Ng)

$$h_\theta(x) = \sum_{j=0}^{n} \theta_j x_j \quad (1)$$

$$J(\theta) = \frac{1}{2m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right)^2 \quad (2)$$

$$\frac{\partial J}{\partial \theta_j} = \frac{1}{m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right)x_j^{(i)} \quad (3)$$
""", {"1": D, "2": D, "3": P}),
    "a document that defines z^1 numbers its layers so, without a notation block": (
        r"""# Two layers, hidden unit h

$$h^1 = \sigma(w^1 x) \quad (1)$$

$$\hat{y} = w^2 h^1 \quad (2)$$

$$C = \frac{1}{2}(\hat{y} - y)^2 \quad (3)$$

$$\frac{\partial C}{\partial w^2} = (\hat{y} - y) h^1 \quad (4)$$

$$\frac{\partial C}{\partial w^1} = (\hat{y} - y) w^2 h^1 (1 - h^1) x \quad (5)$$

$$\frac{\partial C}{\partial w^1} = (\hat{y} - y) w^1 h^1 (1 - h^1) x \quad (6)$$

$$\frac{\partial C}{\partial w^1} = 0 \quad (7)$$
""", {"1": D, "2": D, "3": D, "4": P, "5": P, "6": F, "7": F}),
    "a sum that stops at min(n, 50) is tried past 50 samples": (
        r"""# Capped sums

$$\sum_{i=1}^{n} x_i = \sum_{i=1}^{\min(n, 50)} x_i \quad (1)$$

$$\sum_{i=1}^{\min(n, 5)} x_i = \sum_{i=1}^{n} x_i \quad (2)$$
""", {"1": F, "2": F}),
    "through a mean, every sample depends on z_i, whatever the sum's index is called": (
        r"""# Batch variance

$$\mu = \frac{1}{n}\sum_{i=1}^{n} z_i \quad (1)$$

$$v = \frac{1}{n}\sum_{i=1}^{n} (z_i - \mu)^2 \quad (2)$$

$$\frac{\partial v}{\partial z_i} = \frac{2}{n}(z_i - \mu)\left(1 - \frac{1}{n}\right) \quad (3)$$

$$\frac{\partial v}{\partial z_i} = \frac{2}{n}(z_i - \mu) \quad (4)$$

$$W = \sum_{i=1}^{n} y_i \mu \quad (5)$$

$$\frac{\partial W}{\partial z_i} = \frac{y_i}{n} \quad (6)$$
""", {"1": D, "2": D, "3": F, "4": Verdict.NUMERICALLY_EQUAL, "5": D, "6": F}),
    "h_θ is a function of θ: undefined, its derivative by θ is not known; defined per sample, it is used": (
        r"""# Ng's hypothesis

$$h_\theta(x^{(i)}) = \sum_{j=0}^{d} \theta_j x_j^{(i)} \quad (1)$$

$$J(\theta) = \frac{1}{2m}\sum_{i=1}^{m} \left(h_\theta(x^{(i)}) - y^{(i)}\right)^2 \quad (2)$$

$$\frac{\partial J}{\partial \theta_k} = \frac{1}{m}\sum_{i=1}^{m} \left(h_\theta(x^{(i)}) - y^{(i)}\right) x_k^{(i)} \quad (3)$$

$$\frac{\partial J}{\partial \theta_k} = 0 \quad (4)$$

$$K(\theta) = \sum_{i=1}^{m} g_\theta(x^{(i)})^2 \quad (5)$$

$$\frac{\partial K}{\partial \theta} = 0 \quad (6)$$
""", {"1": D, "2": D, "3": P, "4": F, "5": X, "6": I}),
    "≈ between numbers holds to the digits written; between expressions with no step it is not passed": (
        r"""# Approximations

$$C(w) = w^2 \quad (1)$$

$$\sigma'(0) \approx 0.5 \quad (2)$$

$$\sigma'(0) \approx 0.25 \quad (3)$$

$$C'(1.5) \approx 3 \quad (4)$$

$$\pi \approx 3.14 \quad (5)$$

$$\frac{dC}{dw} \approx w \quad (6)$$

$$\frac{dC}{dw} \approx 2 w \quad (7)$$
""", {"1": D, "2": F, "3": P, "4": P, "5": P, "6": I, "7": P}),
    "a restated σ that differs from the sigmoid leaves the lines that use it unchecked": (
        r"""# sigma defined the other way

$$\sigma(z) = \frac{1}{1+e^{z}} \quad (1)$$

$$\sigma'(z) = \sigma(z)(1-\sigma(z)) \quad (2)$$
""", {"1": X, "2": I}),
    "σ restated after it is used is a claim about it (proven when it matches); written first, it is a definition": (
        r"""# sigma restated

$$\sigma'(z) = \sigma(z)(1-\sigma(z)) \quad (1)$$

$$\sigma(z) = \frac{e^{z}}{1 + e^{z}} \quad (2)$$
""", {"1": P, "2": P}),
    "σ defined before it is used is a definition": (
        r"""# sigma defined

$$\sigma(z) = \frac{1}{1 + e^{-z}} \quad (1)$$

$$\sigma'(z) = \sigma(z)(1-\sigma(z)) \quad (2)$$
""", {"1": D, "2": P}),
    "a piecewise function of a defined residual is differentiated as a real function": (
        r"""# Huber loss on residuals

$$r_i = w x_i - y_i \quad (1)$$

$$H(r) = \begin{cases} \frac{1}{2} r^2 & |r| \le \delta \\ \delta (|r| - \frac{1}{2}\delta) & \text{otherwise} \end{cases} \quad (2)$$

$$C = \frac{1}{n}\sum_{i=1}^{n} H(r_i) \quad (3)$$

$$\frac{\partial C}{\partial w} = \frac{1}{n}\sum_{i=1}^{n} \begin{cases} r_i x_i & |r_i| \le \delta \\ \delta \operatorname{sign}(r_i) x_i & \text{otherwise} \end{cases} \quad (4)$$

$$\frac{\partial C}{\partial w} = \frac{1}{n}\sum_{i=1}^{n} \begin{cases} r_i x_i & |r_i| \le \delta \\ \delta x_i & \text{otherwise} \end{cases} \quad (5)$$
""", {"1": D, "2": D, "3": D, "4": P, "5": F}),
    "\\text{ReLU}(z) is the function, never prose blanked out of the formula": (
        r"""# ReLU written with \text

$$C = \frac{1}{2}\left(\text{ReLU}(w x) - y\right)^2 \quad (1)$$

$$\frac{\partial C}{\partial w} = (w x - y)\, x \quad (2)$$

$$\text{ReLU}(z) = \max(0, z) \quad (3)$$
""", {"1": D, "2": F, "3": P}),
    "an update rule after the derivation leaves the lines before it as they were": (
        r"""# Ng's linear regression

$$J(\theta_0, \theta_1) = \frac{1}{2m} \sum_{i=1}^{m} \left(\theta_0 + \theta_1 x^{(i)} - y^{(i)}\right)^2 \quad (1)$$

$$\frac{\partial J}{\partial \theta_0} = \frac{1}{m} \sum_{i=1}^{m} \left(\theta_0 + \theta_1 x^{(i)} - y^{(i)}\right) \quad (2)$$

$$\theta_j := \theta_j - \alpha \frac{\partial J}{\partial \theta_j} \quad (3)$$

$$\theta_1 := \theta_1 - \alpha \frac{1}{m} \sum_{i=1}^{m} \left(\theta_0 + \theta_1 x^{(i)} - y^{(i)}\right) x^{(i)} \quad (4)$$
""", {"1": D, "2": P, "3": D, "4": D}),
    "dσ/dz is the derivative of σ(z)": (
        r"""# The sigmoid's derivative

$$\frac{d\sigma}{dz} = \sigma(z)(1 - \sigma(z)) \quad (1)$$

$$\frac{d\sigma}{dz} = \sigma(z)^2 \quad (2)$$
""", {"1": P, "2": F}),
    "a rewritten iterate is a claim about it, and a second iterate line is checked": (
        r"""# Gradient descent on a quadratic

$$f(w) = (w - 3)^2 \quad (1)$$

$$w^{(t+1)} = w^{(t)} - \eta f'(w^{(t)}) \quad (2)$$

$$= w^{(t)} - 2\eta (w^{(t)} - 3) \quad (3)$$

$$w^{(t+1)} = w^{(t)} + 2\eta (w^{(t)} - 3) \quad (4)$$
""", {"1": D, "2": D, "3": P, "4": F}),
    "Σ_i with no limits is the sum over every sample": (
        r"""# Squared loss, short-hand sums

$$L(w) = \frac{1}{2} \sum_i (w x_i - y_i)^2 \quad (1)$$

$$\frac{\partial L}{\partial w} = \sum_i (w x_i - y_i)\, x_i \quad (2)$$

$$\frac{\partial L}{\partial w} = \sum_i (w x_i - y_i) \quad (3)$$
""", {"1": D, "2": P, "3": F}),
}


def test_a_proof_that_divides_says_where_the_denominator_is_not_0(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("# Divisions\n\n$$\\frac{w^2 - b^2}{w - b} = w + b \\quad (1)$$\n\n"
                    "$$\\frac{1}{n}\\sum_{i=1}^{n} 2 = 2 \\quad (2)$$\n", encoding="utf-8")
    first, second = check(read_document(path)[0]).findings
    assert first.verdict == P and first.conditions == ("w ≠ b",)
    assert second.verdict == P and second.conditions == ()  # n is a count: never 0


def test_a_proof_names_the_conditions_of_the_definitions_it_uses_once(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("# Logs\n\n$$f = \\ln w \\quad (1)$$\n\n$$\\frac{df}{dw} = \\frac{1}{w} \\quad (2)$$\n", encoding="utf-8")
    claim = check(read_document(path)[0]).findings[1]
    assert claim.verdict == P and claim.conditions == ("w > 0",)  # not also w ≠ 0, which w > 0 implies


@pytest.mark.parametrize("name", list(CASES))
def test_each_finding_is_judged_as_the_oracle_says(tmp_path, name):
    text, expected = CASES[name]
    assert verdicts_of(tmp_path, text) == expected


def test_a_counterexample_is_never_placed_on_a_kink(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("# Shifted ReLU\n\n$$\\frac{d}{dz}\\max(0, z - 1) = \\mathbb{1}[z > 0] \\quad (1)$$\n", encoding="utf-8")
    (finding,) = check(read_document(path)[0]).findings
    assert finding.verdict == F
    z = finding.counterexample.values["z"]
    assert 0 < z < 1  # where the claim says 1 and the derivative is 0, not z = 1 where it has no value


def test_a_leaky_relu_counterexample_is_not_on_its_kink(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(r"""# leaky ReLU

$$f(z) = \begin{cases} z & z > 0 \\ 0.01 z & z \le 0 \end{cases} \quad (1)$$

$$a_i = f(w x_i + b) \quad (2)$$

$$C = \frac{1}{2n}\sum_{i=1}^{n} (a_i - y_i)^2 \quad (3)$$

$$\frac{\partial C}{\partial b} = \frac{1}{n}\sum_{i=1}^{n} (a_i - y_i) \begin{cases} 1 & w x_i + b > 0 \\ 0.1 & w x_i + b \le 0 \end{cases} \quad (4)$$
""", encoding="utf-8")
    finding = check(read_document(path)[0]).findings[-1]
    assert finding.verdict == F
    values = finding.counterexample.values
    for k in range(1, finding.counterexample.n + 1):
        assert values["w"] * values[f"x[{k}]"] + values["b"] != 0


def test_an_unclosed_display_ends_at_the_blank_line_and_the_next_one_is_read(tmp_path, capsys):
    from symgrad.cli import main

    path = tmp_path / "doc.md"
    path.write_text("# d\n\n$$C = w^2 \\quad (1)$$\n\n$$\\frac{dC}{dw} = 2 w \\quad (2)\n\n"
                    "where the factor 2 comes from the square.\n\n$$\\frac{dC}{dw} = w \\quad (3)$$\n", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert f"{path}:5:1: error: '$$' opens a display that is never closed" in err
    assert "(3)    FAILS" in out and "comes" not in out  # the prose is never read as a formula


def test_a_wrong_claim_about_a_defined_name_says_its_value_not_a_swap_with_itself(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("# k\n\n$$k = (w^2)^{1/2} \\quad (1)$$\n\n$$k = w \\quad (2)$$\n\n"
                    "$$w = \\frac{1}{2} \\quad (3)$$\n", encoding="utf-8")
    _, about_k, about_w = check(read_document(path)[0]).findings
    assert about_k.verdict == F and about_k.diagnosis.kind != "swap"
    assert about_k.corrected == r"k = \left|{w}\right|"
    assert about_w.verdict == F and about_w.corrected is None  # not w = w


@pytest.mark.parametrize(
    "formula, says",
    [
        (r"\frac{dC}{dw^2}", r"write d\^2 above"),  # d/d(w²) or a second derivative with its ^2 forgotten
        (r"\frac{\partial^2 C}{\partial w}", "make order 1"),
        (r"\theta^T x", "transpose"),
        (r"C = 1/2n \sum_{i=1}^{n} x_i", r"may divide by b or by b c"),  # 1/(2n) or n/2
    ],
)
def test_what_has_two_readings_is_an_error_that_names_both(formula, says):
    from symgrad.reader import read_formula

    with pytest.raises(ReadError, match=says):
        read_formula(formula)
