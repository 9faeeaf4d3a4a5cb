"""Classes of misjudgement the eighth outside test found (tests/corpus/round8, README only), each
with the verdict a plain-SymPy oracle gives; the whole documents are in the corpus too."""

import pytest
from test_outside_findings import D, F, I, P, verdicts_of

from symgrad import check_file

CASES = {
    "a comment after a line is not multiplied into it": (
        r"""# Annotated

$$C(w) = \frac{1}{n}\sum_{i=1}^{n}(w x_i - y_i)^2 \tag{1}$$

$$\frac{dC}{dw} = \frac{1}{n}\sum_{i=1}^{n}(w x_i - y_i)x_i \quad \text{(the factor } 2 \text{ cancels)} \tag{2}$$

$$\frac{dC}{dw} = \frac{2}{n}\sum_{i=1}^{n}(w x_i - y_i)x_i \quad \text{for all } w \tag{3}$$
""", {"1": D, "2": F, "3": P}),
    "“at w = 3” after a line takes both sides at that point": (
        r"""# A parabola

$$C(w) = (w - 3)^2 \tag{1}$$

$$C'(w) = 0 \quad \text{at } w = 3 \tag{2}$$

$$C'(w) = 1 \quad \text{at } w = 3 \tag{3}$$
""", {"1": D, "2": P, "3": F}),
    "a sum that starts past the trial sizes is tried there": (
        r"""# A test set after the first 100 samples

$$V = \frac{1}{n}\sum_{i=101}^{n}(w x_i - y_i)^2 \tag{1}$$

$$\frac{\partial V}{\partial w} = 0 \tag{2}$$

$$\sum_{i=1}^{n} x_i \cdot \mathbb{1}[i > 50] = 0 \tag{3}$$
""", {"1": D, "2": F, "3": F}),
    "a cost named with a word in its subscript is a function, and another such name is unknown": (
        r"""# Test loss

$$C_{\text{test}}(w) = \frac{1}{n}\sum_{i=1}^{n}(w x_i - y_i)^2 \tag{1}$$

$$\frac{d C_{\text{test}}}{d w} = 0 \tag{2}$$

$$\frac{d C_{\text{train}}}{d w} = 0 \tag{3}$$
""", {"1": D, "2": F, "3": I}),
    "a name defined only further down is not data above it": (
        r"""# Used before it is defined

$$L = \frac{1}{n}\sum_{i=1}^{n}(p_i - y_i)^2 \tag{1}$$

$$\frac{\partial L}{\partial w} = 0 \tag{2}$$

$$p_i = w x_i \tag{3}$$
""", {"1": D, "2": I, "3": D}),
    "a prose definition holds until a display in a later section redefines the name": (
        r"""# Logistic model

Let $p_i = \sigma(w x_i)$ be the predicted probability of sample $i$.

$$L = -\frac{1}{n}\sum_{i=1}^{n}\left[y_i \ln p_i + (1 - y_i)\ln(1 - p_i)\right] \tag{1}$$

$$\frac{\partial L}{\partial w} = 0 \tag{2}$$

# A linear model for comparison

$$p_i = w x_i \tag{3}$$

$$\frac{\partial L}{\partial w} = -\frac{1}{n}\sum_{i=1}^{n}\left(\frac{y_i}{p_i} - \frac{1 - y_i}{1 - p_i}\right)x_i \tag{4}$$
""", {"1": D, "2": F, "3": D, "4": P}),
    "prose that solves for a parameter does not define it": (
        r"""# Ridge with an intercept

$$L(\beta_0, \beta_1) = \sum_{i=1}^{N}(y_i - \beta_0 - \beta_1 x_i)^2 + \lambda \beta_1^2 \tag{1}$$

Setting the derivative to zero gives $\beta_0 = \bar{y} - \beta_1 \bar{x}$.

$$\frac{\partial^2 L}{\partial \beta_1^2} = 2\sum_{i=1}^{N} x_i^2 + 2\lambda \tag{2}$$

$$\beta_1 \leftarrow \beta_1 - \eta \frac{\partial L}{\partial \beta_1} \tag{3}$$
""", {"1": D, "2": P, "3": D}),
}


@pytest.mark.parametrize("name", CASES)
def test_each_finding_is_judged_as_the_oracle_says(tmp_path, name):
    text, expected = CASES[name]
    assert verdicts_of(tmp_path, text) == expected


def test_the_comment_is_printed_as_a_reading(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(CASES["“at w = 3” after a line takes both sides at that point"][0])
    findings = {f.label: f for f in check_file(path)[0].findings}
    assert findings["2"].readings == ("“at w = 3”: the line is read at that point",)


def test_the_steps_of_a_one_line_chain_are_at_its_line_and_named_within_it(tmp_path):
    path = tmp_path / "doc.tex"
    path.write_text("\\begin{equation}\nC = \\frac{1}{n}\\sum_{i=1}^{n} (w x_i - y_i)^2 \\tag{1}\n\\end{equation}\n"
                    "\\begin{equation}\n\\frac{\\partial C}{\\partial w} = \\frac{2}{n}\\sum_{i=1}^{n} (w x_i - y_i) x_i"
                    " = \\frac{1}{n}\\sum_{i=1}^{n} (w x_i - y_i) x_i \\tag{2}\n\\end{equation}\n")
    step = [f for f in check_file(path)[0].findings if f.label == "2"][-1]
    assert step.kind == "step" and step.line == 5
    assert step.diagnosis.headline.startswith("the first wrong step, within (2)")


MORE_CASES = {
    "σ as an argument of the function a document defines is a variable, not the sigmoid": (
        r"""# Gaussian likelihood

$$\ell(w, \sigma) = \frac{n}{2}\ln\left(2\pi\sigma^2\right) + \frac{1}{2\sigma^2}\sum_{i=1}^{n}(y_i - w x_i)^2 \tag{1}$$

$$\frac{\partial \ell}{\partial \sigma} = \frac{n}{\sigma} - \frac{1}{\sigma^3}\sum_{i=1}^{n}(y_i - w x_i)^2 \tag{2}$$

$$\frac{\partial \ell}{\partial \sigma} = \frac{n}{\sigma} \tag{3}$$
""", {"1": D, "2": P, "3": F}),
    "a second derivative written with a slash": (
        r"""# Slash

$$C = (w - 1)^3 \tag{1}$$

$$\partial^2 C / \partial w^2 = 6(w - 1) \tag{2}$$

$$\partial^2 C / \partial w^2 = 3(w - 1) \tag{3}$$
""", {"1": D, "2": P, "3": F}),
    "an expansion in h of a sum over the samples is checked term by term": (
        r"""# Finite differences

$$C(w) = \frac{1}{n}\sum_{i=1}^{n}\ln\left(1 + e^{-w x_i}\right) \tag{1}$$

$$C(w + h) \approx C(w) + h\,C'(w) \tag{2}$$

$$C(w + h) \approx C(w) + 2h\,C'(w) \tag{3}$$
""", {"1": D, "2": P, "3": F}),
}


@pytest.mark.parametrize("name", MORE_CASES)
def test_each_further_finding_is_judged_as_the_oracle_says(tmp_path, name):
    text, expected = MORE_CASES[name]
    assert verdicts_of(tmp_path, text) == expected
