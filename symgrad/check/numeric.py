"""Evaluate a claim's sides at concrete numbers: fast in floats, or honest in 40 digits.

A small evaluator dispatching per node type (like SymPy's printers): sums over samples run as
loops over the concrete n, families are 1-based lists, σ is the logistic function, and names a
scope defines (a_i^{(l)}, C) are computed from their definitions once per sample, so a deep chain
costs its depth, not the size of its composed formula.  Floats screen many random trials
quickly; mpmath at 40 digits confirms a counterexample, so a difference it reports is not
rounding noise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import mpmath
import sympy as sp

from symgrad.notation import sigma

DIGITS = 40


class NotNumeric(ValueError):
    """The expression has a part with no numeric value here (an unknown name, say)."""


def _float_sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(frozen=True)
class Arithmetic:
    """The number type an evaluation runs in, and its elementary functions."""

    number: Callable
    total: Callable
    functions: dict


FLOAT = Arithmetic(
    float,
    math.fsum,
    {sigma: _float_sigmoid, sp.exp: math.exp, sp.log: math.log, sp.tanh: math.tanh, sp.sin: math.sin,
     sp.cos: math.cos, sp.Abs: abs},
)
PRECISE = Arithmetic(
    mpmath.mpf,
    mpmath.fsum,
    {sigma: lambda x: 1 / (1 + mpmath.exp(-x)), sp.exp: mpmath.exp, sp.log: mpmath.log, sp.tanh: mpmath.tanh,
     sp.sin: mpmath.sin, sp.cos: mpmath.cos, sp.Abs: abs},
)


class Evaluator:
    """Numeric value of expressions given values for their names.

    `values` maps Symbols to numbers and IndexedBases to {positions: number}, positions being
    tuples of indices ((1,) for x_1).
    """

    def __init__(self, values: dict, scope=None, arithmetic: Arithmetic = PRECISE):
        self.arithmetic = arithmetic
        number = arithmetic.number
        self.values = {
            key: {k: number(v) for k, v in value.items()} if isinstance(value, dict) else number(value)
            for key, value in values.items()
        }
        self.scope = scope
        #: The family elements the evaluation read, (base, position): what a counterexample shows.
        self.used: set = set()
        self._looping: set = set()
        self._sums: dict = {}
        self._defined: dict = {}

    def __call__(self, expr):
        with mpmath.workdps(DIGITS):
            return self._eval(expr)

    def _eval(self, expr):
        kind = type(expr)
        method = _DISPATCH.get(kind)
        if method is None:
            method = _DISPATCH[kind] = _method_for(kind)
        return method(self, expr)

    def _eval_Number(self, expr):
        number = self.arithmetic.number
        return number(expr.p) / number(expr.q) if expr.is_Rational else number(float(expr))

    def _eval_NumberSymbol(self, expr):
        return self.arithmetic.number(str(expr.evalf(DIGITS)))

    def _eval_Symbol(self, expr):
        if expr in self.values:
            return self.values[expr]
        return self._by_definition(expr, expr, ())

    def _eval_Indexed(self, expr):
        positions = tuple(int(self._eval(index)) for index in expr.indices)
        items = self.values.get(expr.base)
        if items is None:
            return self._by_definition(expr, expr.base, positions)
        if positions not in items:
            raise NotNumeric(f"{expr} has no value at {positions}")
        self.used.add((expr.base, positions))
        return items[positions]

    def _eval_AppliedUndef(self, expr):
        return self._by_definition(expr, expr.func, tuple(self._eval(arg) for arg in expr.args))

    def _by_definition(self, expr, head, arguments):
        """A defined name's value, computed once per concrete argument (sample)."""
        key = (head, arguments)
        if key in self._defined:
            return self._defined[key]
        definition = self.scope.definitions.get(head) if self.scope is not None else None
        if definition is None or len(definition.params) != len(arguments):
            raise NotNumeric(f"no value for {expr}")
        saved = {param: self.values.get(param) for param in definition.params}
        self.values.update(zip(definition.params, map(self.arithmetic.number, arguments)))
        try:
            value = self._eval(definition.body)
        finally:
            self._restore(saved)
        self._defined[key] = value
        return value

    def _restore(self, saved: dict) -> None:
        for name, old in saved.items():
            if old is None:
                self.values.pop(name, None)
            else:
                self.values[name] = old

    def _eval_Add(self, expr):
        return self.arithmetic.total([self._eval(arg) for arg in expr.args])

    def _eval_Mul(self, expr):
        result = self.arithmetic.number(1)
        for arg in expr.args:
            result *= self._eval(arg)
        return result

    def _eval_Pow(self, expr):
        base, exponent = self._eval(expr.base), self._eval(expr.exp)
        if base == 0 and exponent < 0:
            raise NotNumeric("division by zero")
        if expr.exp.is_Integer:
            return base ** int(expr.exp)
        return base**exponent

    def _eval_Function(self, expr):
        function = self.arithmetic.functions.get(expr.func)
        if function is None:
            raise NotNumeric(f"no numeric value for the function {expr.func}")
        return function(*(self._eval(arg) for arg in expr.args))

    def _eval_KroneckerDelta(self, expr):
        left, right = (self._eval(arg) for arg in expr.args)
        return self.arithmetic.number(1 if left == right else 0)

    def _eval_Sum(self, expr):
        """Loop over the samples; a sum that uses no index being looped over is computed once."""
        reusable = not (_free_symbols(expr) & self._looping)
        if reusable and expr in self._sums:
            return self._sums[expr]
        index, low, high = expr.limits[0]
        inner = sp.Sum(expr.function, *expr.limits[1:]) if len(expr.limits) > 1 else expr.function
        first, last = int(self._eval(low)), int(self._eval(high))
        saved, was_looping = {index: self.values.get(index)}, index in self._looping
        self._looping.add(index)
        terms = []
        for position in range(first, last + 1):
            self.values[index] = self.arithmetic.number(position)
            terms.append(self._eval(inner))
        if not was_looping:
            self._looping.discard(index)
        self._restore(saved)
        total = self.arithmetic.total(terms)
        if reusable:
            self._sums[expr] = total
        return total


@lru_cache(maxsize=4096)
def _free_symbols(expr) -> frozenset:
    """Sum.free_symbols walks the whole sum; expressions are immutable, so remember it."""
    return frozenset(expr.free_symbols)


def _method_for(kind):
    """The evaluator method for a node type: the first of its classes that has one."""
    for cls in kind.__mro__:
        method = getattr(Evaluator, "_eval_" + cls.__name__, None)
        if method is not None:
            return method

    def unknown(evaluator, expr):
        raise NotNumeric(f"no numeric value for {expr}")

    return unknown


_DISPATCH: dict = {}
