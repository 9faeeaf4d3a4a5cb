"""Is A = B?  A symbolic proof for every n first, then numeric evidence, then a counterexample.

The proof normalises sums the way a person does: every sum over the samples is renamed to one
index, constants are pulled in, sums over the same range are merged, and the merged summand and
the remainder must vanish identically.  That is sufficient for equality at every n.  It is tried
three times, each stage sound on its own: with defined names (a_i) kept as opaque atoms, with
every definition substituted, and with σ written as 1/(1 + e^{-x}).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import mpmath
import sympy as sp

from symgrad.check.numeric import FLOAT, PRECISE, Evaluator, NotNumeric
from symgrad.check.scope import Scope, free_indices
from symgrad.check.timing import TimeLimitExceeded, time_limit
from symgrad.notation import plain, sigma
from symgrad.results import Counterexample, Method, Verdict

SAMPLE_COUNTS = (1, 2, 3, 5)
TRIALS_PER_COUNT = 4
SIMPLE_VALUES = (1, 2, -1, 0.5, -2, 3, -0.5, 0.25, 1.5, -3)
#: Relative differences that count: floats screen (rounding stays far below 1e-9), 40-digit
#: evaluation confirms (rounding stays far below 1e-20).
FLOAT_TOLERANCE = 1e-9
PRECISE_TOLERANCE = mpmath.mpf(10) ** -20
#: The one index every sum is renamed to, so summands of different sums can be compared.
CANONICAL_INDEX = sp.Dummy("k", integer=True, positive=True)


class NotLinearInSums(Exception):
    """The expression is not a linear combination of sums (a product of sums, say)."""


@dataclass(frozen=True)
class Outcome:
    """The decision on lhs = rhs, and what it rests on."""

    verdict: Verdict
    method: Method
    counterexample: Counterexample | None = None
    evidence: str = ""


# -- symbolic --------------------------------------------------------------------------------
def sum_decomposition(expr: sp.Expr) -> tuple[dict, sp.Expr]:
    """Write `expr` as Σ_range Sum(summand_range) + rest, merging sums over the same range.

    Returns ({(low, high): summand in the canonical index}, rest).  Raises NotLinearInSums when
    sums appear non-linearly (inside a power or a function, or multiplied together).
    """
    groups: dict = {}
    rest = sp.S.Zero
    for coefficient, total in _linear_terms(expr):
        if total is None:
            rest += coefficient
            continue
        if len(total.limits) != 1:
            raise NotLinearInSums("sum over several indices")
        index, low, high = total.limits[0]
        if coefficient.has(index) and index in coefficient.free_symbols:
            raise NotLinearInSums("coefficient uses the summation index")
        summand = total.function.xreplace({index: CANONICAL_INDEX})
        groups[(low, high)] = groups.get((low, high), sp.S.Zero) + coefficient * summand
    return groups, rest


def _linear_terms(expr):
    """Yield (coefficient, Sum or None) pairs whose combination is `expr`."""
    if not expr.has(sp.Sum):
        yield expr, None
    elif isinstance(expr, sp.Sum):
        yield sp.S.One, expr
    elif isinstance(expr, sp.Add):
        for arg in expr.args:
            yield from _linear_terms(arg)
    elif isinstance(expr, sp.Mul):
        with_sums = [arg for arg in expr.args if arg.has(sp.Sum)]
        if len(with_sums) != 1:
            raise NotLinearInSums("a product of sums")
        scale = sp.Mul(*[arg for arg in expr.args if not arg.has(sp.Sum)])
        for coefficient, total in _linear_terms(with_sums[0]):
            yield scale * coefficient, total
    else:
        raise NotLinearInSums(f"a sum inside {type(expr).__name__}")


def is_identically_zero(expr: sp.Expr, deep: bool = False) -> bool:
    """True only if `expr` is 0 for all values (a rational identity; `deep` adds simplify)."""
    if expr == 0:
        return True
    numerator = sp.numer(sp.together(expr))
    if sp.expand(numerator) == 0:
        return True
    return deep and sp.simplify(expr) == 0


def vanishes(difference: sp.Expr, deep: bool = False) -> bool:
    """A proof that `difference` is 0 for every n (sufficient, not necessary)."""
    try:
        groups, rest = sum_decomposition(difference)
    except NotLinearInSums:
        return False
    parts = [rest, *groups.values()]
    if all(is_identically_zero(part, deep) for part in parts):
        return True
    rest, groups = _constant_terms_summed(groups, rest)
    return all(is_identically_zero(part, deep) for part in (rest, *groups.values()))


def _constant_terms_summed(groups: dict, rest: sp.Expr) -> tuple[sp.Expr, dict]:
    """Σ_{i=low}^{high} c = (high - low + 1) c: terms of a summand that do not depend on the
    sample move out of the sum, so Σ (x_i + c) = Σ x_i + n c can be seen."""
    remaining = {}
    for (low, high), summand in groups.items():
        terms = sp.Add.make_args(sp.expand(summand))
        constant = sp.Add(*[term for term in terms if CANONICAL_INDEX not in term.free_symbols])
        rest += (high - low + 1) * constant
        remaining[(low, high)] = sp.Add(*[term for term in terms if CANONICAL_INDEX in term.free_symbols])
    return rest, remaining


def prove_equal(lhs: sp.Expr, rhs: sp.Expr, scope: Scope) -> bool:
    """Try the proof stages; True means proven for every n and every value."""
    for left, right in scope.forms(lhs, rhs):
        if vanishes(left - right):
            return True
    difference = left - right
    if difference.has(sigma) or difference.has(sp.exp):
        return vanishes(difference.rewrite(sigma, sp.exp), deep=True)
    return False


# -- numeric ---------------------------------------------------------------------------------
@dataclass
class Variables:
    """The names a numeric trial must give values to."""

    symbols: list
    families: list
    indices: list

    @classmethod
    def of(cls, *exprs, scope: Scope) -> "Variables":
        leaves, indices = set(), set()
        for expr in exprs:
            leaves |= scope.leaves(expr)
            indices |= free_indices(expr)
        count = scope.notation.count
        symbols = {leaf for leaf in leaves if isinstance(leaf, sp.Symbol)} - indices - {count}
        families = {leaf for leaf in leaves if isinstance(leaf, sp.IndexedBase)}
        key = str  # a deterministic order, so a seed gives the same trials
        return cls(sorted(symbols, key=key), sorted(families, key=key), sorted(indices, key=key))

    def assign(self, n: int, pick, rng: random.Random, count: sp.Symbol) -> dict:
        """Values for one trial.  Families get a value for the samples 1 … n and one on either
        side, so that a sum over a wrong range (0 … n, 1 … n+1) has a value to show."""
        values = {count: n}
        for symbol in self.symbols:
            values[symbol] = pick()
        for base in self.families:
            values[base] = {(position,): pick() for position in range(0, n + 2)}
        for index in self.indices:
            values[index] = rng.randint(1, n)
        return values

    def shown(self, values: dict, used: set) -> dict:
        """The values a reader needs to recompute a trial, plain-named: x[1], w^(1)."""
        shown = {plain(symbol): values[symbol] for symbol in self.symbols}
        for base, positions in sorted(used, key=lambda item: (str(item[0]), item[1])):
            if base in self.families:
                shown[f"{plain(base)}[{','.join(map(str, positions))}]"] = values[base][positions]
        shown.update({plain(index): values[index] for index in self.indices})
        return shown


def _differ(left, right, tolerance) -> bool:
    scale = max(1, abs(left), abs(right))
    return abs(left - right) > tolerance * scale


def _evaluate_pair(lhs, rhs, values, scope, arithmetic):
    """Both sides at `values`, and the family elements they read; None where undefined."""
    evaluate = Evaluator(values, scope, arithmetic)
    try:
        return evaluate(lhs), evaluate(rhs), evaluate.used
    except (NotNumeric, ZeroDivisionError, OverflowError, ValueError):
        return None


def difference_at(lhs, rhs, values, scope) -> tuple | None | bool:
    """Both sides at `values`: their 40-digit values and the elements read if they differ,
    False if equal, None if they cannot be evaluated there.  Floats screen; only a float
    difference is recomputed."""
    fast = _evaluate_pair(lhs, rhs, values, scope, FLOAT)
    if fast is not None and not _differ(fast[0], fast[1], FLOAT_TOLERANCE):
        return False
    precise = _evaluate_pair(lhs, rhs, values, scope, PRECISE)
    if precise is None:
        return None
    return precise if _differ(precise[0], precise[1], PRECISE_TOLERANCE) else False


def compare_numerically(lhs, rhs, scope: Scope, seed: int, shrink: bool = True) -> Outcome:
    """Random trials at several n; a difference found is shrunk to small n and simple numbers."""
    count = scope.notation.count
    variables = Variables.of(lhs, rhs, scope=scope)
    rng = random.Random(seed)
    tried = 0
    for n in SAMPLE_COUNTS:
        for _ in range(TRIALS_PER_COUNT):
            values = variables.assign(n, lambda: round(rng.uniform(-2, 2), 3), rng, count)
            found = difference_at(lhs, rhs, values, scope)
            if found is None:
                continue
            tried += 1
            if found:
                simplest = find_counterexample(lhs, rhs, scope, seed) if shrink else None
                return Outcome(Verdict.FAILS, Method.COUNTEREXAMPLE, simplest or _example(variables, n, values, found))
    if tried == 0:
        return Outcome(Verdict.INCONCLUSIVE, Method.NUMERIC, evidence="no trial could be evaluated")
    return Outcome(
        Verdict.NUMERICALLY_EQUAL,
        Method.NUMERIC,
        evidence=f"equal on {tried} random trials at n = {', '.join(map(str, SAMPLE_COUNTS))}",
    )


def _example(variables: Variables, n: int, values: dict, found: tuple) -> Counterexample:
    left, right, used = found
    return Counterexample(n, variables.shown(values, used), float(left), float(right))


def find_counterexample(lhs, rhs, scope: Scope, seed: int, attempts: int = 60) -> Counterexample | None:
    """The smallest n, and the simplest numbers, at which the sides differ."""
    count = scope.notation.count
    variables = Variables.of(lhs, rhs, scope=scope)
    rng = random.Random(seed)
    pickers = (
        lambda: rng.choice(SIMPLE_VALUES[:4]),
        lambda: rng.choice(SIMPLE_VALUES),
        lambda: round(rng.uniform(-3, 3), 2),
    )
    for n in range(1, max(SAMPLE_COUNTS) + 1):
        degenerate = None  # a difference where one side is 0 convinces less: look a little further
        for pick in pickers:
            for _ in range(attempts // len(pickers)):
                values = variables.assign(n, pick, rng, count)
                found = difference_at(lhs, rhs, values, scope)
                if found and found[0] != 0 and found[1] != 0:
                    return _example(variables, n, values, found)
                if found and degenerate is None:
                    degenerate = _example(variables, n, values, found)
        if degenerate is not None:
            return degenerate
    return None


# -- the decision ----------------------------------------------------------------------------
def decide(
    lhs: sp.Expr, rhs: sp.Expr, scope: Scope, seed: int = 0, timeout: float = 10.0, shrink: bool = True
) -> Outcome:
    """The verdict on lhs = rhs: proven, numerically-equal, fails or inconclusive.

    Numbers first (cheap, and a difference at 40 digits is a counterexample), then a proof for
    the claims the numbers could not refute.
    """
    numeric = None
    try:
        with time_limit(timeout):
            numeric = compare_numerically(lhs, rhs, scope, seed, shrink)
            if numeric.verdict == Verdict.FAILS:
                return numeric
            if prove_equal(lhs, rhs, scope):
                return Outcome(Verdict.PROVEN, Method.SYMBOLIC)
    except TimeLimitExceeded as error:
        if numeric is None:
            return Outcome(Verdict.INCONCLUSIVE, Method.SYMBOLIC, evidence=str(error))
    return numeric

