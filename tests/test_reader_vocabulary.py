"""No silent reading: every construct of the grammar reads as documented here, or is an error at
its position.

The test walks the grammar's terminals (a new terminal without an entry here fails), every command
the grammar knows, and a list of common LaTeX it does not: each reads to the SymPy value written
next to it, or raises a ReadError that points into the formula.
"""

import re
from pathlib import Path

import pytest
import sympy as sp

from symgrad.reader import ReadError, read_formula
from symgrad.reader.vocabulary import BUILTIN_FUNCTIONS

GRAMMAR = (Path(__file__).resolve().parent.parent / "symgrad" / "reader" / "grammar.lark").read_text()

#: terminal → (formula, what it reads as: str of its sides, with " | op" for relation operators).
CONSTRUCTS = {
    "EQ": [("a = b", "[a, b] | =")],
    "COMPARE": [(r"\mathbb{1}[z > 0]", "[Piecewise((1, z > 0), (0, True))]"),
                (r"\mathbb{1}[z \le 0]", "[Piecewise((1, z <= 0), (0, True))]"),
                (r"\mathbb{1}[z \neq 0]", "[Piecewise((1, Ne(z, 0)), (0, True))]")],
    "CASES_BEGIN": [(r"\begin{cases} z & z > 0 \\ 0 & z \le 0 \end{cases}", "[Piecewise((z, z > 0), (0, True))]")],
    "CASES_END": [(r"\begin{cases} z & z > 0 \\ 0 & \end{cases}", "[Piecewise((z, z > 0), (0, True))]")],
    "ROW_BREAK": [(r"\begin{cases} 1 & z > 0 \\ 0 & z < 0 \end{cases}", "[Piecewise((1, z > 0), (0, z < 0))]")],
    "AMP": [(r"\begin{cases} z, & z > 0, \\ 0, & \end{cases}", "[Piecewise((z, z > 0), (0, True))]")],
    "CASE_IF": [(r"\begin{cases} z & \text{if } z > 0 \\ 0 & \text{for } z \le 0 \end{cases}", "[Piecewise((z, z > 0), (0, True))]"),
                (r"\begin{cases} 1 & if\ z > 0 \\ 0 & when\ z < 0 \end{cases}", "[Piecewise((1, z > 0), (0, z < 0))]")],
    "CASE_OTHERWISE": [(r"\begin{cases} z & z > 0 \\ 0 & \text{otherwise} \end{cases}", "[Piecewise((z, z > 0), (0, True))]"),
                       (r"\begin{cases} z & z > 0 \\ 0 & \mathrm{else.} \end{cases}", "[Piecewise((z, z > 0), (0, True))]")],
    "INDICATOR": [(r"\mathbf{1}(z > 0)", "[Piecewise((1, z > 0), (0, True))]"),
                  (r"\mathbb 1\{z > 0\}", "[Piecewise((1, z > 0), (0, True))]")],
    "ESC_LBRACE": [(r"\bm{1}\{z < 0\}", "[Piecewise((1, z < 0), (0, True))]")],
    "ESC_RBRACE": [(r"\mathbb{1}\{z < 0\}", "[Piecewise((1, z < 0), (0, True))]")],
    "STAR": [(r"w^\star", r"[w^\star]"), (r"w^*", r"[w^\star]"), (r"w^{*}", r"[w^\star]")],
    "DEFINES": [(r"g := w^2", "[g, w**2] | :="), (r"g \coloneqq w^2", "[g, w**2] | :="),
                (r"g \equiv w^2", "[g, w**2] | :="), (r"g \stackrel{\text{def}}{=} w^2", "[g, w**2] | :=")],
    "GETS": [(r"w \leftarrow w - \eta g", r"[w, -\eta*g + w] | ←"), (r"w \gets w - \eta g", r"[w, -\eta*g + w] | ←")],
    "APPROX": [(r"g \approx w", "[g, w] | ≈"), (r"g \simeq w", "[g, w] | ≈")],
    "COLON": [("(w:)", "remark")],
    "ADDOP": [("a + b - c", "[a + b - c]"), ("-a", "[-a]")],
    "MULOP": [("a * b", "[a*b]"), (r"a \cdot b", "[a*b]"), (r"a \times b", "[a*b]")],
    "DIVOP": [("a / b", "[a/b]")],
    "PRIME": [(r"\sigma'(z)", "[Derivative(sigma(z), z)]"), (r"\sigma''(z)", "[Derivative(sigma(z), (z, 2))]")],
    "DOTS": [(r"x_1 + \dots + x_n", "[Sum(x[i], (i, 1, n))]"), ("x_1 + ... + x_n", "[Sum(x[i], (i, 1, n))]"),
             (r"x_1 + \cdots + x_n", "[Sum(x[i], (i, 1, n))]")],
    "BRACE_LPAR": [(r"\sigma{\left(w \right)}", "[sigma(w)]")],
    "LPAR": [(r"\left( a + b \right) c", "[c*(a + b)]"), (r"\bigl( a + b \bigr) c", "[c*(a + b)]"), ("[a + b] c", "[c*(a + b)]")],
    "RPAR": [(r"\Big( a \Big)", "[a]")],
    "ARROW": [(r"\lim_{h \to 0} h", "[Limit(h, h, 0, dir='+-')]"), (r"\lim_{h \rightarrow 0} h", "[Limit(h, h, 0, dir='+-')]")],
    "PARTIAL": [(r"\partial_w (w^2)", "[Derivative(w**2, w)]"), (r"\partial_{b} w b", "[Derivative(b*w, b)]"),
                (r"g = \partial C / \partial w", "[g, Derivative(C, w)] | =")],
    "NABLA": [(r"\nabla_w (w^2)", "[Derivative(w**2, w)]")],
    "ABS_OPEN": [("|x|", "[Abs(x)]"), (r"\lvert x \rvert", "[Abs(x)]"), (r"\left| x \right|", "[Abs(x)]"), (r"\|w\|", "[Abs(w)]")],
    "ABS_CLOSE": [(r"\bigl| x \bigr|", "[Abs(x)]"), (r"\left\| w \right\|", "[Abs(w)]"), (r"\lVert w \rVert", "[Abs(w)]")],
    "LEFT_DOT": [(r"\left. w^2 \right|_{w=1}", "[Subs(w**2, w, 1)]"),
                 (r"\left. w b \right|_{w=1, b=2}", "[Subs(b*w, (w, b), (1, 2))]")],
    "FRAC": [(r"\frac{a}{b}", "[a/b]"), (r"\dfrac{a}{b}", "[a/b]"), (r"\tfrac{a}{b}", "[a/b]")],
    "DFRAC": [(r"\frac{d}{dw} w^2", "[Derivative(w**2, w)]"), (r"\frac{\partial^2}{\partial w^2} w^3", "[Derivative(w**3, (w, 2))]"),
              (r"\frac{\mathrm{d}}{\mathrm{d}w} w^2", "[Derivative(w**2, w)]")],
    "SUM": [(r"\sum_{i=1}^{n} x_i", "[Sum(x[i], (i, 1, n))]"), (r"\sum_i^n x_i", "[Sum(x[i], (i, 1, n))]"),
            (r"\sum_i x_i", "[Sum(x[i], (i, 1, n))]"), (r"\sum_{i} x_i", "[Sum(x[i], (i, 1, n))]"),
            (r"\sum_{i=1}^{n}\sum_{j=1}^{d} x_{ij}", "[Sum(x[i, j], (j, 1, d), (i, 1, n))]"),
            (r"\sum_{i<j} x_i x_j", "[Sum(x[i]*x[j], (i, 1, j - 1), (j, 1, n))]"),
            (r"\sum_{1 \le i < j \le n} x_i x_j", "[Sum(x[i]*x[j], (i, 1, j - 1), (j, 1, n))]"),
            (r"\sum_{i=1}^{n}\sum_{j \neq i} x_j", "[Sum(-x[i] + Sum(x[j], (j, 1, n)), (i, 1, n))]")],
    "LIM": [(r"\lim_{h \to 0} \frac{\sin(h)}{h}", "[Limit(sin(h)/h, h, 0, dir='+-')]")],
    "SQRT": [(r"\sqrt{w}", "[sqrt(w)]")],
    "LAYER": [("a^{(l)}", "[a^{(l)}]"), ("a^{(l-1)}", "[a^{(l-1)}]"), ("a^{[l]}", "[a^{(l)}]"), ("a^{[2]}", "[a^{(2)}]")],
    "SIMPLE_SUB": [("x_i", "[x[i]]"), ("x_{i}", "[x[i]]"), ("x_{i,k}", "[x[i,k]]"), (r"\theta_0", r"[\theta_0]")],
    "SCRIPT_CHAR": [("w^2", "[w**2]"), ("e^x", "[exp(x)]")],
    "NAME": [("w", "[w]"), ("w1", "[w1]"), ("lr", "[lr]"), ("xw", "[w*x]")],
    "COMMAND": [(r"\alpha", r"[\alpha]"), (r"\ln x", "[log(x)]"), (r"\log_2 x", "[log(x)/log(2)]"),
                (r"\tanh z\,(1 - z)", "[(1 - z)*tanh(z)]")],
    "DECORATED": [(r"\hat{y}_i", r"[\hat{y}[i]]"), (r"\bar x", r"[\bar{x}]"), (r"\tilde{w}", r"[\tilde{w}]"),
                  (r"\mathbf{w}", r"[\mathbf{w}]"), (r"\boldsymbol{\theta}", r"[\boldsymbol{\theta}]"),
                  (r"\operatorname{softplus}(z)", "[log(exp(z) + 1)]"), (r"\mathrm{ReLU}(z)", "[Max(0, z)]"),
                  (r"\text{lr}", "[lr]"), (r"\mathcal{L}", r"[\mathcal{L}]"), (r"\mathrm{e}^{x}", "[exp(x)]")],
    "NUMBER": [("2 3", "[23]"), ("0.5", "[1/2]"), ("12", "[12]")],
    "FRAC_DIGITS": [(r"\frac12 w", "[w/2]"), (r"\frac 1 2", "[1/2]")],
}

#: Common LaTeX symgrad does not read: each must be an error pointing into the formula, never a guess.
UNREAD = [
    r"\int_0^1 w\,dw", r"\prod_{i=1}^n x_i", r"\det A", r"\operatorname*{argmax}_w C", r"\mathrm{tr}(A)",
    r"\sin^{-1} x", r"\tanh^{-1}(z)", r"\arctan x", r"\binom{n}{k}", r"\sqrt[3]{w}", r"\lfloor w \rfloor",
    r"\langle w, x\rangle", r"\mathbb{E}[x]", r"\mathbb{P}(y = 1)", r"\log_b x", r"\max_i x_i", r"loss(w)",
    r"\sum_{j} x_j", r"x!", r"\begin{cases} z & z > 0 \\ 0 & \text{sometimes} \end{cases}",
    r"\begin{pmatrix} a \\ b \end{pmatrix}", r"w \in \mathbb{R}", r"\hat{\hat{y}}", r"\left\{ w \right\}",
]


def reading(text: str) -> str:
    formula = read_formula(text)
    if formula.remark:
        return "remark"
    shown = str(formula.sides)
    return f"{shown} | {' '.join(formula.operators)}" if formula.operators else shown


def terminals_of_the_grammar() -> set[str]:
    return set(re.findall(r"^([A-Z_]+)(?:\.\d+)?\s*:", GRAMMAR, re.M))


def test_every_terminal_of_the_grammar_is_documented_here():
    assert terminals_of_the_grammar() == set(CONSTRUCTS)


@pytest.mark.parametrize(
    "terminal, text, expected",
    [(terminal, text, expected) for terminal, examples in CONSTRUCTS.items() for text, expected in examples],
)
def test_each_construct_reads_as_documented(terminal, text, expected):
    assert reading(text) == expected


def _commands() -> list[str]:
    alternatives = re.search(r"^COMMAND: /\\\\\((.*?)\)", GRAMMAR, re.M).group(1)
    return ["\\" + word for word in alternatives.split("|")]


#: The commands that are names: letters (and \ell). Every other command is a function.
LETTERS = set(r"""\alpha \beta \gamma \delta \epsilon \varepsilon \zeta \eta \theta \vartheta \iota \kappa
\lambda \mu \nu \xi \pi \rho \tau \upsilon \phi \varphi \chi \psi \omega \Gamma \Delta \Theta \Lambda \Xi \Pi
\Sigma \Phi \Psi \Omega \ell""".split())


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_a_name_or_a_function_applied_to_what_follows(command):
    if command not in LETTERS:
        assert command in BUILTIN_FUNCTIONS or command == r"\sigma"
        with pytest.raises(ReadError, match="is a function"):
            read_formula(command)
        applied = read_formula(f"{command}(z)").sides[0]
        assert applied == read_formula(f"{command} z").sides[0] and applied.free_symbols
        assert "*" not in str(applied) or command == r"\sech"  # applied, not multiplied
    elif command == r"\pi":  # the number π, unless the document gives \pi a meaning of its own
        assert read_formula(command).sides == [sp.pi] and read_formula(r"\pi(z)").sides == [sp.pi * sp.Symbol("z", real=True)]
    else:
        (name,) = read_formula(command).sides
        assert str(name) == command  # a Greek letter (or \ell) is a name of its own
        assert str(read_formula(f"{command}(z)").sides[0]) == f"{command}*z"  # a name times (z)


@pytest.mark.parametrize("text", UNREAD)
def test_what_symgrad_does_not_read_is_an_error_at_its_position(text):
    with pytest.raises(ReadError) as raised:
        read_formula(text)
    error = raised.value
    assert error.snippet is not None and 0 <= error.at <= len(text)


def test_every_terminal_has_a_name_people_read_in_error_messages():
    from symgrad.reader.parser import _NAMES

    assert terminals_of_the_grammar() - set(_NAMES) == set()


@pytest.mark.parametrize("text, advice", [
    (r"\sum_{i=1} x_i", r"a sum needs both limits, as in \sum_{i=1}^{n}"),
    (r"\left. w^2 \right|", r"needs the point it is taken at, as in \left. w^2 \right|_{w=1}"),
    (r"C(w) = w^2 \text{ for all } w", "prose inside a formula"),
    (r"w \leq 2", "a claim is written with ="),
    (r"\left< w \right>", r"\left is read before (, [, |"),
    (r"\sin^{-1} x", "may be the inverse function or a power"),
    (r"loss(w) = w^2", "define it (loss(x) = …) or declare it"),
    (r"\ln", r"write what it applies to, \ln(z) or \ln z"),
])
def test_errors_say_what_to_do(text, advice):
    with pytest.raises(ReadError, match=re.escape(advice)):
        read_formula(text)
