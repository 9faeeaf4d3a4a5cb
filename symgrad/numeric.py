"""Evaluate a claim's sides at concrete numbers, in high precision.

A small evaluator dispatching per node type (like SymPy's printers): sums over samples run as
loops over the concrete n, families are 1-based lists, σ is the logistic function.  mpmath at 40
digits keeps a counterexample's two sides honest: a difference it reports is not rounding noise.
"""

from __future__ import annotations

import mpmath
import sympy as sp

from symgrad.notation import sigma

DIGITS = 40


class NotNumeric(ValueError):
    """The expression has a part with no numeric value here (an unknown name, say)."""


def _sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


FUNCTIONS = {
    sigma: _sigmoid,
    sp.exp: mpmath.exp,
    sp.log: mpmath.log,
    sp.tanh: mpmath.tanh,
    sp.sin: mpmath.sin,
    sp.cos: mpmath.cos,
    sp.Abs: abs,
}


class Evaluator:
    """Numeric value of an expression given values for its names.

    `values` maps Symbols to numbers and IndexedBases to sequences (index 1 is the first item).
    Names defined in `scope` (a_i^{(l)}, C) are computed from their definitions, once per sample:
    nothing is unfolded, so a deep chain costs its depth, not the size of its composed formula.
    """

    def __init__(self, values: dict, scope=None):
        self.values = dict(values)
        self.scope = scope
        self._looping: set = set()
        self._sums: dict = {}
        self._defined: dict = {}

    def __call__(self, expr):
        with mpmath.workdps(DIGITS):
            return self._eval(expr)

    def _eval(self, expr):
        method = getattr(self, "_eval_" + type(expr).__name__, None)
        if method is None:
            for cls in type(expr).__mro__:
                method = getattr(self, "_eval_" + cls.__name__, None)
                if method is not None:
                    break
        if method is None:
            raise NotNumeric(f"no numeric value for {expr}")
        return method(expr)

    def _eval_Number(self, expr):
        return mpmath.mpf(expr.p) / expr.q if expr.is_Rational else mpmath.mpf(float(expr))

    def _eval_NumberSymbol(self, expr):
        return mpmath.mpf(expr.evalf(DIGITS))

    def _eval_Symbol(self, expr):
        if expr in self.values:
            return self.values[expr]
        return self._by_definition(expr, expr, ())

    def _eval_Indexed(self, expr):
        positions = tuple(int(self._eval(index)) for index in expr.indices)
        base = self.values.get(expr.base)
        if base is None:
            return self._by_definition(expr, expr.base, positions)
        item = base
        for position in positions:
            if not 1 <= position <= len(item):
                raise NotNumeric(f"{expr} is outside the samples 1..{len(item)}")
            item = item[position - 1]
        return item

    def _by_definition(self, expr, head, positions):
        """A defined name's value, computed once per concrete sample."""
        key = (head, positions)
        if key in self._defined:
            return self._defined[key]
        definition = self.scope.definitions.get(head) if self.scope is not None else None
        if definition is None or len(definition.params) != len(positions):
            raise NotNumeric(f"no value for {expr}")
        saved = {param: self.values.get(param) for param in definition.params}
        self.values.update({param: mpmath.mpf(p) for param, p in zip(definition.params, positions)})
        try:
            value = self._eval(definition.body)
        finally:
            for param, old in saved.items():
                if old is None:
                    self.values.pop(param, None)
                else:
                    self.values[param] = old
        self._defined[key] = value
        return value

    def _eval_Add(self, expr):
        return mpmath.fsum(self._eval(arg) for arg in expr.args)

    def _eval_Mul(self, expr):
        result = mpmath.mpf(1)
        for arg in expr.args:
            result *= self._eval(arg)
        return result

    def _eval_Pow(self, expr):
        base, exponent = self._eval(expr.base), self._eval(expr.exp)
        if base == 0 and exponent < 0:
            raise NotNumeric("division by zero")
        return base**exponent

    def _eval_AppliedUndef(self, expr):
        arguments = tuple(self._eval(arg) for arg in expr.args)
        return self._by_definition(expr, expr.func, arguments)

    def _eval_Function(self, expr):
        function = FUNCTIONS.get(expr.func)
        if function is None:
            raise NotNumeric(f"no numeric value for the function {expr.func}")
        return function(*(self._eval(arg) for arg in expr.args))

    def _eval_KroneckerDelta(self, expr):
        left, right = (self._eval(arg) for arg in expr.args)
        return mpmath.mpf(1 if left == right else 0)

    def _eval_Sum(self, expr):
        """Loop over the samples; a sum that uses no index being looped over is computed once."""
        reusable = not (expr.free_symbols & self._looping)
        if reusable and expr in self._sums:
            return self._sums[expr]
        index, low, high = expr.limits[0]
        inner = sp.Sum(expr.function, *expr.limits[1:]) if len(expr.limits) > 1 else expr.function
        first, last = int(self._eval(low)), int(self._eval(high))
        saved = self.values.get(index)
        was_looping = index in self._looping
        self._looping.add(index)
        total = mpmath.mpf(0)
        for position in range(first, last + 1):
            self.values[index] = mpmath.mpf(position)
            total += self._eval(inner)
        if not was_looping:
            self._looping.discard(index)
        if saved is None:
            self.values.pop(index, None)
        else:
            self.values[index] = saved
        if reusable:
            self._sums[expr] = total
        return total
