"""Evaluate a claim's sides at concrete numbers: fast in floats, or rigorously.

A small evaluator dispatching per node type (like SymPy's printers): sums over samples run as
loops over the concrete n, families are lists indexed by sample, σ is the logistic function,
and names a scope defines (a_i^{(l)}, C) are computed from their definitions once per sample, so
a deep chain costs its depth, not the size of its composed formula.

Three arithmetics share the evaluator:

* :data:`FLOAT` screens many trials quickly; it never decides anything on its own;
* :data:`EXACT` computes with rationals, exactly, where the expression allows (no exp, log, σ …);
* :func:`interval` encloses the true value in an interval at a given precision (mpmath.iv), so
  "the sides differ" is certain when the difference's interval excludes 0.

A value that is not a finite real number (a logarithm of a negative number, 0/0, an overflow)
makes the trial not evaluable: it never counts as equal.
"""

from __future__ import annotations

import dataclasses
import math
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Callable

import mpmath
import sympy as sp

from symgrad.notation import sigma

#: A sum over more terms than this is not run numerically (Σ_{i=1}^{10^{12}}).
MAX_TERMS = 100_000


class NotNumeric(ValueError):
    """The expression has no finite real value here (an unknown name, a domain error, an overflow)."""


class NotExact(NotNumeric):
    """The expression needs more than rational arithmetic (exp, log, σ, a non-integer power)."""


@dataclass(frozen=True)
class Arithmetic:
    """The number type an evaluation runs in, and its elementary operations."""

    name: str
    number: Callable  # a Python int or Fraction → a number of this arithmetic
    functions: dict
    power: Callable  # (base, exponent, integer exponent or None) → base**exponent
    check: Callable  # raises NotNumeric for a value that is not a finite real number
    to_int: Callable  # an integer-valued number → int (indices, sum bounds)
    compare: Callable = None  # (difference, "<=" …) → whether the relation holds; raises if undecidable


# -- floats ----------------------------------------------------------------------------------
def _float_sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _float_power(base, exponent, integer):
    if integer is not None:
        if base == 0 and integer < 0:
            raise NotNumeric("division by zero")
        return base**integer
    if base < 0 or base == 0 and exponent < 0:
        raise NotNumeric("a power outside its domain")
    return base**exponent


def _float_check(value):
    if not isinstance(value, float) or not math.isfinite(value):
        raise NotNumeric(f"not a finite real number: {value}")
    return value


def _guarded(function):
    """A math function whose domain errors and overflows make the trial not evaluable."""

    def guarded(*args):
        try:
            return function(*args)
        except (ValueError, OverflowError, ZeroDivisionError) as error:
            raise NotNumeric(str(error)) from None

    return guarded


def _sign(x):
    """sign(0) is not a value: sign is the derivative of |z|, which has none at its kink."""
    return (x > 0) - (x < 0) if x != 0 else _not_defined_at_zero()


def _heaviside(x, at_zero=None):
    """The derivative of max(0, z): 1 or 0, and no value at the kink (not SymPy's 1/2 there)."""
    return 1 if x > 0 else 0 if x < 0 else _not_defined_at_zero()


def _not_defined_at_zero():
    raise NotNumeric("a derivative at a kink")


def _dirac(x, *order):
    """The derivative of a step, almost everywhere: 0 away from the kink, no value at it."""
    if x == 0:
        raise NotNumeric("a derivative at a kink")
    return 0 * x


def _interval_dirac(x, *order):
    if _interval_sign(x) == 0:
        raise NotNumeric("a derivative at a kink")
    return iv.mpf(0)


FLOAT = Arithmetic(
    "float",
    lambda value: float(value),
    {sigma: _float_sigmoid, sp.exp: _guarded(math.exp), sp.log: _guarded(math.log), sp.tanh: math.tanh,
     sp.sinh: _guarded(math.sinh), sp.cosh: _guarded(math.cosh), sp.sin: math.sin, sp.cos: math.cos, sp.Abs: abs,
     sp.sign: _sign, sp.Heaviside: _heaviside, sp.DiracDelta: _dirac, sp.Max: max, sp.Min: min},
    _guarded(_float_power),
    _float_check,
    lambda value: int(value) if float(value).is_integer() else _not_integer(value),
)


# -- exact rationals -------------------------------------------------------------------------
def _no_function(name):
    def refuse(*args):
        raise NotExact(f"{name} is not rational")

    return refuse


def _exact_power(base, exponent, integer):
    if integer is None:
        raise NotExact("a non-integer power")
    if base == 0 and integer < 0:
        raise NotNumeric("division by zero")
    return base**integer


EXACT = Arithmetic(
    "exact",
    Fraction,
    {sigma: _no_function("σ"), sp.exp: _no_function("exp"), sp.log: _no_function("log"), sp.tanh: _no_function("tanh"),
     sp.sinh: _no_function("sinh"), sp.cosh: _no_function("cosh"), sp.sin: _no_function("sin"), sp.cos: _no_function("cos"),
     sp.Abs: abs, sp.sign: _sign, sp.Heaviside: _heaviside, sp.DiracDelta: _dirac, sp.Max: max, sp.Min: min},
    _exact_power,
    lambda value: value,
    lambda value: value.numerator if value.denominator == 1 else _not_integer(value),
)


# -- intervals -------------------------------------------------------------------------------
iv = mpmath.iv


def _interval_sigmoid(x):
    return 1 / (1 + iv.exp(-x))


def _interval_tanh(x):
    return 1 - 2 / (iv.exp(2 * x) + 1)


def _interval_log(x):
    if float(x.a) <= 0:
        raise NotNumeric("a logarithm of a number that may not be positive")
    return iv.log(x)


def _interval_power(base, exponent, integer):
    if integer is not None:
        if integer < 0 and 0 in base:
            raise NotNumeric("division by a number that may be zero")
        return base**integer
    low = float(base.a)
    if low < 0 or low == 0 and float(exponent.a) < 0:
        raise NotNumeric("a power outside its domain")
    return iv.exp(exponent * iv.log(base)) if low > 0 else base**exponent


def _interval_sign(x):
    if float(x.a) > 0:
        return iv.mpf(1)
    if float(x.b) < 0:
        return iv.mpf(-1)
    raise NotNumeric("the sign of a number that may be 0")


def _interval_heaviside(x, at_zero=None):
    return iv.mpf(1) if float(_interval_sign(x).a) > 0 else iv.mpf(0)


def _ends(value) -> tuple:
    """An interval's two ends as mpmath numbers (exactly)."""
    low, high = value._mpi_
    return mpmath.mpf(low), mpmath.mpf(high)


def _interval_max(*values):
    ends = [_ends(value) for value in values]
    return iv.mpf([max(low for low, _ in ends), max(high for _, high in ends)])


def _interval_min(*values):
    ends = [_ends(value) for value in values]
    return iv.mpf([min(low for low, _ in ends), min(high for _, high in ends)])


def _interval_check(value):
    if not isinstance(value, iv.mpf) or not (math.isfinite(float(value.a)) and math.isfinite(float(value.b))):
        raise NotNumeric(f"not a finite real interval: {value}")
    return value


@contextmanager
def interval_precision(bits: int):
    """Interval arithmetic at `bits` of working precision inside the block (mpmath's iv context)."""
    saved = iv.prec
    iv.prec = bits
    try:
        yield
    finally:
        iv.prec = saved


def _interval_number(value):
    if isinstance(value, Fraction):
        return iv.mpf(value.numerator) / value.denominator
    return iv.mpf(value)


def _interval_to_int(value):
    low, high = float(value.a), float(value.b)
    if low == high and low.is_integer():
        return int(low)
    return _not_integer(value)


def _not_integer(value):
    raise NotNumeric(f"an index is not an integer: {value}")


INTERVAL = Arithmetic(
    "interval",
    _interval_number,
    {sigma: _interval_sigmoid, sp.exp: iv.exp, sp.log: _interval_log, sp.tanh: _interval_tanh,
     sp.sinh: lambda x: (iv.exp(x) - iv.exp(-x)) / 2, sp.cosh: lambda x: (iv.exp(x) + iv.exp(-x)) / 2,
     sp.sin: iv.sin, sp.cos: iv.cos, sp.Abs: abs, sp.sign: _interval_sign, sp.Heaviside: _interval_heaviside,
     sp.DiracDelta: _interval_dirac,
     sp.Max: _interval_max, sp.Min: _interval_min},
    _interval_power,
    _interval_check,
    _interval_to_int,
)


class Evaluator:
    """Numeric value of expressions given values for their names.

    `values` maps Symbols to numbers (ints or Fractions, converted to the arithmetic) and
    IndexedBases to {positions: number}, positions being tuples of indices ((1,) for x_1).
    """

    def __init__(self, values: dict, scope=None, arithmetic: Arithmetic = EXACT):
        self.arithmetic = arithmetic
        number = arithmetic.number
        self.values = {
            key: _Numbers(value, number) if isinstance(value, dict) else number(value) for key, value in values.items()
        }
        self.scope = scope
        #: The family elements the evaluation read, (base, position): what a counterexample shows.
        self.used: set = set()
        #: Symbols whose value changes during the evaluation: loop indices and definitions' parameters.
        self._varying: set = set()
        self._sums: dict = {}
        self._defined: dict = {}
        self._applied: dict = {}

    def __call__(self, expr):
        value = self._eval(expr)
        return self.arithmetic.check(value)

    def _eval(self, expr):
        kind = type(expr)
        method = _DISPATCH.get(kind)
        if method is None:
            method = _DISPATCH[kind] = _method_for(kind)
        return method(self, expr)

    def _eval_Number(self, expr):
        if expr.is_Rational:
            return self.arithmetic.number(Fraction(int(expr.p), int(expr.q)))
        if self.arithmetic is EXACT:
            raise NotExact("a floating-point number")
        return self.arithmetic.number(Fraction(str(expr)))

    def _eval_NumberSymbol(self, expr):
        if self.arithmetic is EXACT:
            raise NotExact(f"{expr} is not rational")
        if self.arithmetic is FLOAT:
            return float(expr)
        if expr is sp.E:
            return iv.e
        if expr is sp.pi:
            return iv.pi
        return _unknown(self, expr)

    def _eval_Symbol(self, expr):
        if expr in self.values:
            return self.values[expr]
        return self._by_definition(expr, expr, ())

    def _eval_Indexed(self, expr):
        positions = tuple(self._integer(index) for index in expr.indices)
        items = self.values.get(expr.base)
        if items is None:
            return self._by_definition(expr, expr.base, positions)
        try:
            value = items[positions]
        except KeyError:
            raise NotNumeric(f"{expr} has no value at {positions}") from None
        self.used.add((expr.base, positions))
        return value

    def _integer(self, expr) -> int:
        return self.arithmetic.to_int(self._eval(expr))

    def _eval_AppliedUndef(self, expr):
        definition = self.scope.definition_of(expr) if self.scope is not None else None
        if definition is not None and definition.reads_components(expr.args):
            if expr not in self._applied:  # h(x^{(i)}) is θ_0 + θ_1 x_1^{(i)} + …: sample i's features
                self._applied[expr] = definition.apply(expr.args)
            return self._eval(self._applied[expr])
        return self._by_definition(expr, expr.func, tuple(self._eval(arg) for arg in expr.args))

    def _by_definition(self, expr, head, arguments):
        """A defined name's value, computed once per concrete argument (sample)."""
        key = (head, tuple(map(_key, arguments)))
        if key in self._defined:
            return self._defined[key]
        definition = self.scope.definition_of(expr) if self.scope is not None else None
        if definition is None:
            raise NotNumeric(f"no value for {expr}")
        if len(definition.params) != len(arguments):  # C(w) for C(w, b): the parameters by name
            value = self._defined[key] = self._eval(definition.body)
            return value
        params = definition.params
        saved = {param: self.values.get(param) for param in params}
        was_varying = self._varying & set(params)
        bound = [a if not isinstance(a, int) else self.arithmetic.number(a) for a in arguments]
        rebinds = any(saved[param] is not value for param, value in zip(params, bound))  # C(0, 0), not C(w, b)
        self.values.update(zip(params, bound))
        self._varying |= set(params)
        cached = self._defined, self._sums  # values computed at the outer bindings: C(0, 0) needs a_i at w = 0
        if rebinds:
            self._defined, self._sums = {}, {}
        try:
            value = self._eval(definition.body)
        finally:
            self._restore(saved)
            self._varying -= set(params) - was_varying
            self._defined, self._sums = cached
        self._defined[key] = value
        return value

    def _restore(self, saved: dict) -> None:
        for name, old in saved.items():
            if old is None:
                self.values.pop(name, None)
            else:
                self.values[name] = old

    def _eval_Add(self, expr):
        return sum((self._eval(arg) for arg in expr.args[1:]), self._eval(expr.args[0]))

    def _eval_Mul(self, expr):
        result = self._eval(expr.args[0])
        for arg in expr.args[1:]:
            result = result * self._eval(arg)
        return result

    def _eval_Pow(self, expr):
        base = self._eval(expr.base)
        integer = int(expr.exp) if expr.exp.is_Integer else None
        exponent = None if integer is not None else self._eval(expr.exp)
        if integer is None and self.arithmetic is EXACT:
            raise NotExact("a non-integer power")
        return self.arithmetic.power(base, exponent, integer)

    def _eval_Function(self, expr):
        function = self.arithmetic.functions.get(expr.func)
        if function is None:
            raise NotNumeric(f"no numeric value for the function {expr.func}")
        return function(*(self._eval(arg) for arg in expr.args))

    def _eval_MinMaxBase(self, expr):
        return self._eval_Function(expr)

    def _eval_Piecewise(self, expr):
        """The first piece whose condition holds; conditions are about integers (n, indices)."""
        for piece, condition in expr.args:
            if self._holds(condition):
                return self._eval(piece)
        raise NotNumeric(f"no piece of {expr} applies here")

    def _holds(self, condition) -> bool:
        if condition in (sp.true, sp.false):
            return bool(condition)
        if isinstance(condition, sp.And):
            return all(self._holds(part) for part in condition.args)
        if isinstance(condition, sp.Or):
            return any(self._holds(part) for part in condition.args)
        if isinstance(condition, sp.Not):
            return not self._holds(condition.args[0])
        if isinstance(condition, sp.core.relational.Relational):
            difference = self._eval(condition.lhs - condition.rhs)
            return self.arithmetic.compare(difference, condition.rel_op)
        raise NotNumeric(f"cannot decide {condition}")

    def _eval_KroneckerDelta(self, expr):
        left, right = (self._integer(arg) for arg in expr.args)
        return self.arithmetic.number(1 if left == right else 0)

    def _eval_Sum(self, expr):
        """Loop over the samples (an empty range sums to 0); a sum using nothing that varies is computed once."""
        reusable = not (_free_symbols(expr) & self._varying)
        if reusable and expr in self._sums:
            return self._sums[expr]
        index, low, high = expr.limits[-1]  # SymPy lists a nested sum's limits innermost first
        inner = sp.Sum(expr.function, *expr.limits[:-1]) if len(expr.limits) > 1 else expr.function
        first, last = self._integer(low), self._integer(high)
        if last - first + 1 > MAX_TERMS:
            raise NotNumeric(f"a sum of {last - first + 1} terms is too long to run")
        saved, was_varying = {index: self.values.get(index)}, index in self._varying
        self._varying.add(index)
        total = self.arithmetic.number(0)
        for position in range(first, last + 1):
            self.values[index] = self.arithmetic.number(position)
            total = total + self._eval(inner)
        if not was_varying:
            self._varying.discard(index)
        self._restore(saved)
        if reusable:
            self._sums[expr] = total
        return total


class _Numbers:
    """A family's values, converted to the evaluation's arithmetic as they are read."""

    def __init__(self, values: dict, number):
        self.values, self.number, self.converted = values, number, {}

    def __getitem__(self, positions):
        if positions not in self.converted:
            self.converted[positions] = self.number(self.values[positions])
        return self.converted[positions]


def _key(value):
    """A hashable key for an argument value (intervals are not hashable)."""
    return (str(value.a), str(value.b)) if isinstance(value, iv.mpf) else value


@lru_cache(maxsize=4096)
def _free_symbols(expr) -> frozenset:
    """Sum.free_symbols walks the whole sum; expressions are immutable, so remember it."""
    return frozenset(expr.free_symbols)


def _unknown(evaluator, expr):
    raise NotNumeric(f"no numeric value for {expr}")


def _method_for(kind):
    """The evaluator method for a node type: the first of its classes that has one."""
    for cls in kind.__mro__:
        method = getattr(Evaluator, "_eval_" + cls.__name__, None)
        if method is not None:
            return method
    return _unknown


_DISPATCH: dict = {}


def _compare_numbers(difference, operator) -> bool:
    """A relation between two numbers, given their difference."""
    return {"<=": difference <= 0, "<": difference < 0, ">=": difference >= 0, ">": difference > 0,
            "==": difference == 0, "!=": difference != 0}[operator]


def _compare_intervals(difference, operator) -> bool:
    """Decided only where the interval tells: a difference that may be 0 (or straddles it) raises."""
    low, high = _ends(difference)
    if low > 0 or high < 0:
        return _compare_numbers(low, operator)
    if low == high == 0:
        return _compare_numbers(0, operator)
    raise NotNumeric("a condition that rounding could decide either way")


FLOAT = dataclasses.replace(FLOAT, compare=_compare_numbers)
EXACT = dataclasses.replace(EXACT, compare=_compare_numbers)
INTERVAL = dataclasses.replace(INTERVAL, compare=_compare_intervals)
