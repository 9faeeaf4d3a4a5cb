"""Print SymPy expressions as LaTeX that symgrad's reader reads again to the same expression
(corrected lines, round trips).

SymPy's printer writes ``\\frac{\\partial}{\\partial w} a x`` both for ∂(a x) and for (∂a) x;
this one brackets a derivative's body unless it is a single name, a negated summand
(``\\sum - w``), and a power of an applied function (SymPy writes ``C^{2}{\\left(w \\right)}``).
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.str import StrPrinter


class ReadableLatexPrinter(LatexPrinter):
    def _print_Derivative(self, expr):
        body = expr.expr
        if isinstance(body, (sp.Symbol, sp.Indexed)) or body.is_Function:
            return super()._print_Derivative(expr)
        operator = super()._print_Derivative(sp.Derivative(sp.Dummy("body"), *expr.variable_count))
        operator = operator[: operator.rindex(" ")]
        return rf"{operator} \left({self._print(body)}\right)"

    def _print_Mul(self, expr):
        """A derivative among factors is bracketed: ∂ takes the whole product after it when read."""
        if not any(isinstance(arg, sp.Derivative) for arg in expr.args):
            return super()._print_Mul(expr)
        others = [arg for arg in expr.args if not isinstance(arg, sp.Derivative)]
        derivatives = [rf"\left({self._print(arg)}\right)" for arg in expr.args if isinstance(arg, sp.Derivative)]
        if not others:
            return " ".join(derivatives)
        rest = others[0] if len(others) == 1 else sp.Mul(*others, evaluate=False)
        head = rf"\left({self._print(rest)}\right)" if isinstance(rest, sp.Add) else self._print(rest)
        return " ".join(([] if rest == 1 else [head]) + derivatives)

    def _print_Sum(self, expr):
        if expr.function.could_extract_minus_sign():
            inner = self._print(sp.Sum(sp.Dummy("body"), *expr.limits))
            return inner[: inner.rindex(" ")] + rf" \left({self._print(expr.function)}\right)"
        return super()._print_Sum(expr)

    def _print_Pow(self, expr):
        if isinstance(expr.base, AppliedUndef):
            return rf"\left({self._print(expr.base)}\right)^{{{self._print(expr.exp)}}}"
        return super()._print_Pow(expr)


def latex(expr) -> str:
    return ReadableLatexPrinter().doprint(expr)


# -- the math a person reads: (2/n)^(m−l), Σᵢ₌₁ⁿ, xᵢ, ∂C/∂w, σ(z) ------------------------------------

#: The Greek letters LaTeX names, and their characters.
GREEK_LETTERS = {name: chr(code) for name, code in (
    ("alpha", 0x3B1), ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4), ("epsilon", 0x3B5), ("varepsilon", 0x3B5),
    ("zeta", 0x3B6), ("eta", 0x3B7), ("theta", 0x3B8), ("iota", 0x3B9), ("kappa", 0x3BA), ("lambda", 0x3BB),
    ("mu", 0x3BC), ("nu", 0x3BD), ("xi", 0x3BE), ("pi", 0x3C0), ("rho", 0x3C1), ("sigma", 0x3C3), ("tau", 0x3C4),
    ("phi", 0x3C6), ("varphi", 0x3C6), ("chi", 0x3C7), ("psi", 0x3C8), ("omega", 0x3C9), ("Delta", 0x394),
    ("Gamma", 0x393), ("Lambda", 0x39B), ("Phi", 0x3A6), ("Sigma", 0x3A3), ("Theta", 0x398), ("Omega", 0x3A9),
    ("vartheta", 0x3D1), ("upsilon", 0x3C5), ("Xi", 0x39E), ("Pi", 0x3A0), ("Psi", 0x3A8))}
_GREEK_NAME = re.compile(r"\\?\b(" + "|".join(sorted(GREEK_LETTERS, key=len, reverse=True)) + r")\b")
_SUBSCRIPTS = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_SUPERSCRIPTS = dict(zip("0123456789+-=()abdeghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
                         "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᵈᵉᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ"))


def _scripted(text: str, table: dict, mark: str) -> str:
    """`text` in Unicode sub- or superscripts where every character has one, else mark(text)."""
    if text and all(char in table for char in text):
        return "".join(table[char] for char in text)
    return f"{mark}({text})" if len(text) > 1 else f"{mark}{text}"


def readable_name(name: str) -> str:
    """A symbol's name as a reader writes it: \\delta^{(l)} is δ^(l), \\hat{y} is ŷ, theta_1 is θ_1."""
    name = re.sub(r"\\(?:hat)\s*\{?([A-Za-z])\}?", lambda m: m.group(1) + "\u0302", name)
    name = re.sub(r"\\(?:bar|overline)\s*\{?([A-Za-z])\}?", lambda m: m.group(1) + "\u0304", name)
    name = re.sub(r"\\(?:tilde)\s*\{?([A-Za-z])\}?", lambda m: m.group(1) + "\u0303", name)
    name = re.sub(r"\\(?:mathrm|operatorname|text|mathbf|boldsymbol|vec)\s*\{([^{}]*)\}", r"\1", name)
    name = _GREEK_NAME.sub(lambda m: GREEK_LETTERS[m.group(1)], name)
    return name.replace("{", "").replace("}", "").replace("\\", "")


def readable_value_name(name: str) -> str:
    """A counterexample's variable as a reader writes it: x[1] is x₁, w^(1) stays w^(1)."""
    indexed = re.fullmatch(r"(.+)\[([^\[\]]+)\]", name)
    if indexed is None:
        return readable_name(name)
    return readable_name(indexed.group(1)) + _scripted(indexed.group(2).replace(" ", ""), _SUBSCRIPTS, "_")


class ReadablePrinter(StrPrinter):
    """One line of math as a person writes it in plain text (terminal reports, messages)."""

    printmethod = "_symgrad_readable"  # not Indexed's own _sympystr, which writes x[i]

    def parenthesize(self, item, level, strict=False):
        """A sum (Σ) inside a product or power is bracketed: Σᵢ xᵢ² would read as a sum of squares."""
        if isinstance(item, sp.Sum) and level >= 40:
            return f"({self._print(item)})"
        return super().parenthesize(item, level, strict)

    def _print_Symbol(self, expr):
        return readable_name(expr.name)

    _print_Dummy = _print_Symbol

    def _print_IndexedBase(self, expr):
        return readable_name(str(expr.label))

    def _print_Indexed(self, expr):
        base = self._print(expr.base)
        indices = [self._print(index) for index in expr.indices]
        joined = ",".join(index.replace(" ", "") for index in indices)
        if all(char in _SUBSCRIPTS for char in joined.replace(",", "")) and len(indices) == 1:
            return base + _scripted(joined, _SUBSCRIPTS, "_")
        return f"{base}_{joined}" if len(indices) == 1 and len(joined) == 1 else f"{base}_({joined})"

    def _print_Pow(self, expr, rational=False):
        if expr.exp == sp.S.Half:
            return f"√({self._print(expr.base)})"
        if expr.exp.is_negative and expr.exp.is_Rational:
            inverse = expr.base if expr.exp == -1 else sp.Pow(expr.base, -expr.exp, evaluate=False)
            return f"1/{self.parenthesize(inverse, 60)}"
        base = self.parenthesize(expr.base, 60)  # a power's base is bracketed unless it is an atom
        if expr.exp.is_Integer and expr.exp > 0:
            return base + _scripted(str(expr.exp), _SUPERSCRIPTS, "^")
        exponent = self._print(expr.exp)
        return f"{base}^{exponent}" if expr.exp.is_Symbol or expr.exp.is_Integer else f"{base}^({exponent})"

    def _print_Mul(self, expr):
        return super()._print_Mul(expr).replace("*", "·")

    def _print_Add(self, expr, order=None):
        """Positive terms first, as people write m − l and 1 − a (SymPy writes −l + m)."""
        terms = self._as_ordered_terms(expr, order=order)
        ordered = [t for t in terms if not t.could_extract_minus_sign()] + [t for t in terms if t.could_extract_minus_sign()]
        text = ""
        for term in ordered:
            negative = term.could_extract_minus_sign()
            shown = self.parenthesize(-term if negative else term, 40)  # a sum inside is bracketed
            text += (" − " if text else "−") + shown if negative else (" + " if text else "") + shown
        return text

    def _print_Sum(self, expr):
        text = self._print(expr.function)
        if isinstance(expr.function, sp.Add):
            text = f"({text})"
        for variable, low, high in expr.limits:  # the first is the innermost: written last
            below = _scripted(f"{self._print(variable)}={self._print(low)}", _SUBSCRIPTS, "_")
            above = _scripted(self._print(high), _SUPERSCRIPTS, "^")
            text = f"Σ{below}{above} {text}"
        return text

    def _print_Derivative(self, expr):
        order = sum(count for _, count in expr.variable_count)
        top = "∂" + (_scripted(str(order), _SUPERSCRIPTS, "^") if order > 1 else "")
        below = "".join("∂" + self.parenthesize(v, 60) + (_scripted(str(c), _SUPERSCRIPTS, "^") if c > 1 else "")
                        for v, c in expr.variable_count)
        body = self._print(expr.expr)
        if not (expr.expr.is_Atom or isinstance(expr.expr, (sp.Indexed, AppliedUndef))):
            body = f"({body})"
        return f"{top}{body}/{below}"

    def _print_KroneckerDelta(self, expr):
        return "δ" + _scripted("".join(self._print(arg) for arg in expr.args), _SUBSCRIPTS, "_")

    def _print_exp(self, expr):
        exponent = self._print(expr.args[0])
        return f"e^{exponent}" if expr.args[0].is_Symbol or expr.args[0].is_Integer else f"e^({exponent})"

    def _print_log(self, expr):
        return f"ln({self._print(expr.args[0])})"

    def _print_Abs(self, expr):
        return f"|{self._print(expr.args[0])}|"

    def _print_Function(self, expr):
        name = readable_name(getattr(expr.func, "__name__", str(expr.func)))
        return f"{name}({', '.join(self._print(arg) for arg in expr.args)})"

    def _print_Piecewise(self, expr):
        pieces = [self._print(value) + ("" if condition is sp.true else f" if {self._print(condition)}")
                  for value, condition in expr.args]
        return "{" + "; ".join(pieces) + "}"

    def _print_Relational(self, expr):
        symbol = {"==": "=", "!=": "≠", ">=": "≥", "<=": "≤"}.get(expr.rel_op, expr.rel_op)
        return f"{self._print(expr.lhs)} {symbol} {self._print(expr.rhs)}"

    def _print_Heaviside(self, expr):
        return f"1[{self._print(expr.args[0])} > 0]"

    def _print_Max(self, expr):  # max(0, z), min(a, b)
        return f"{type(expr).__name__.lower()}({', '.join(self._print(arg) for arg in expr.args)})"

    _print_Min = _print_Max


def value_name(name) -> str:
    """A symbol's or family's name where a counterexample gives it a value (w^(L-1), θ, x in x[1]):
    as readable as a name, and with the document's own ASCII signs, so a program can look it up."""
    return readable_name(str(getattr(name, "label", name)))


def readable(expr) -> str:
    """`expr` in one line of plain-text math: (2/n)^(m − l), Σᵢ₌₁ⁿ (a_i − y_i)·x_i, ∂C/∂w."""
    if isinstance(expr, str):
        return readable_name(expr)
    return ReadablePrinter().doprint(expr).replace("-", "−")
