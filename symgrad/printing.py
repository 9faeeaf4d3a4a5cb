"""Print SymPy expressions as LaTeX that symgrad's reader reads again to the same expression
(corrected lines, round trips).

SymPy's printer writes ``\\frac{\\partial}{\\partial w} a x`` both for ∂(a x) and for (∂a) x;
this one brackets a derivative's body unless it is a single name, a negated summand
(``\\sum - w``), and a power of an applied function (SymPy writes ``C^{2}{\\left(w \\right)}``).
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter


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
