"""Is A = B?  Numbers screen, a symbolic proof for every n decides, rigorous trials give evidence.

The proof normalises sums the way a person does: every sum is renamed to one index per kind of
range, constants are pulled in, sums over the same range are merged, and the merged summand and
the remainder must vanish identically.  That is sufficient for equality at every n.  It is tried
in stages, each sound on its own: with defined names (a_i) kept as opaque atoms, with every
definition substituted, with σ written as 1/(1 + e^{-x}), and, where a side is defined only on
part of the real line, assuming what definedness implies (reported as a condition).

A sum whose upper limit is below its lower limit is empty: it is 0 (Σ_{i=1}^{0} x_i = 0).

Equality is never decided by floats: floats only screen for differences, and a difference, or an
equality that no proof covers, is decided exactly or in interval arithmetic (:mod:`trials`).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from symgrad.check.domain import describe, domain_conditions, positive_symbols
from symgrad.check.scope import Scope
from symgrad.check.timing import TimeLimitExceeded, time_limit
from symgrad.check.trials import Trials, Variables, evidence
from symgrad.notation import sigma
from symgrad.results import Counterexample, Method, Verdict


class NotLinearInSums(Exception):
    """The expression is not a linear combination of sums (a product of sums, say)."""


@dataclass(frozen=True)
class Outcome:
    """The decision on lhs = rhs, and what it rests on: `conditions` a proof needed."""

    verdict: Verdict
    method: Method
    counterexample: Counterexample | None = None
    evidence: str = ""
    conditions: tuple[str, ...] = ()


# -- symbolic --------------------------------------------------------------------------------
_CANONICAL = {
    "positive": sp.Dummy("k", integer=True, positive=True),
    "nonnegative": sp.Dummy("k", integer=True, nonnegative=True),
    "integer": sp.Dummy("k", integer=True),
}


def canonical_index(low) -> sp.Dummy:
    """The one index sums from `low` are renamed to, with only the assumptions the range gives it."""
    if (low - 1).is_nonnegative:
        return _CANONICAL["positive"]
    if low.is_nonnegative:
        return _CANONICAL["nonnegative"]
    return _CANONICAL["integer"]


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
        if index in coefficient.free_symbols:
            raise NotLinearInSums("coefficient uses the summation index")
        summand = total.function.xreplace({index: canonical_index(low)})
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
    if not deep:
        return False
    try:
        return sp.simplify(expr) == 0
    except (RuntimeError, StopIteration, RecursionError):  # SymPy's sum simplification can fail: no proof
        return False


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
    """Σ_{i=low}^{high} c = (high − low + 1) c, where the range is never reversed: terms of a
    summand that do not depend on the sample move out of the sum, so Σ (x_i + c) = Σ x_i + n c
    can be seen.  A range that may be empty by more than one (Σ_{i=1}^{6−n}) keeps its terms."""
    remaining = {}
    for (low, high), summand in groups.items():
        index = canonical_index(low)
        terms = sp.Add.make_args(sp.expand(summand))
        constant = sp.Add(*[term for term in terms if index not in term.free_symbols])
        if constant != 0 and (high - low + 1).is_nonnegative:
            rest += (high - low + 1) * constant
            remaining[(low, high)] = sp.Add(*[term for term in terms if index in term.free_symbols])
        else:
            remaining[(low, high)] = summand
    return rest, remaining


def shown_form(expr: sp.Expr, index: sp.Symbol) -> sp.Expr:
    """`expr` as a reader should see a difference or a corrected value: sums over the same range merged, the terms
    that do not depend on the sample taken out, each part simplified, the sums written over
    `index` (2λb, not 2(λb + (bΣ1 + Σ(w x_i − y_i))/n − Σ(b + w x_i − y_i)/n))."""
    try:
        groups, rest = sum_decomposition(expr)
    except NotLinearInSums:
        return sp.factor_terms(expr)
    rest, groups = _constant_terms_summed(groups, rest)
    parts = [_minus_inside(sp.factor(rest))]
    for (low, high), summand in groups.items():
        summand = _minus_inside(sp.factor(summand))
        if summand != 0:  # the factors that do not depend on the sample stand outside: (1/n) Σ …
            outside, inside = summand.as_independent(canonical_index(low), as_Add=False)
            parts.append(outside * sp.Sum(inside.xreplace({canonical_index(low): index}), (index, low, high)))
    return sp.Add(*parts)


def _minus_inside(expr: sp.Expr) -> sp.Expr:
    """−(a − 1)·b as (1 − a)·b: a product's minus sign moves into a factor that then starts with a
    number, as people write 1 − a."""
    if not (isinstance(expr, sp.Mul) and expr.could_extract_minus_sign()):
        return expr
    for k, factor in enumerate(expr.args):
        if isinstance(factor, sp.Add) and any(term.is_Number and term.is_negative for term in factor.args):
            others = expr.args[:k] + expr.args[k + 1:]
            return -sp.Mul(*others) * -factor if others else -(-factor)
    return expr


#: A sum over a concrete range of at most this many terms may be written out in a proof.
WRITE_OUT = 64


def closed_forms(expr: sp.Expr) -> sp.Expr:
    """Sums written out or summed in closed form where that is exact: a concrete range of a few
    terms (x_1 + x_2 + x_3), or a summand of the index alone over a range that is never reversed
    (Σ_{j=1}^{n} j = n(n+1)/2; SymPy's closed forms assume that, and an empty range is 0 here)."""

    def one(summand, limit):
        """The sum of `summand` over one limit, or None when it stays a sum."""
        index, low, high = limit
        length = high - low + 1
        if length.is_Integer and 0 <= length <= WRITE_OUT:
            return sp.Add(*(summand.xreplace({index: low + k}) for k in range(int(length))))
        plain_summand = not summand.atoms(sp.Indexed, sp.Sum, sp.Derivative, sp.Function)
        if plain_summand and length.is_nonnegative and summand.is_polynomial(index):
            return sp.expand(sp.summation(summand, (index, low, high)))
        return None

    def closed(total: sp.Sum):
        summand, limits = total.function, list(total.limits)
        while limits:  # innermost first
            value = one(summand, limits[0])
            if value is None:
                return sp.Sum(summand, *limits)
            summand, limits = value, limits[1:]
        return summand

    return expr.replace(lambda e: isinstance(e, sp.Sum), closed)


def prove_equal(lhs: sp.Expr, rhs: sp.Expr, scope: Scope) -> tuple[bool, tuple[str, ...]]:
    """Try the proof stages: (proven, the conditions the proof needed)."""
    for left, right in scope.forms(lhs, rhs):
        if vanishes(left - right):
            return True, ()
    difference = left - right
    if difference.has(sp.Sum):
        written_out = closed_forms(difference)
        if written_out != difference and vanishes(written_out):
            return True, ()
    exponential = difference.has(sigma, sp.exp, sp.tanh, sp.sinh, sp.cosh)
    if exponential:
        in_exponentials = difference.rewrite(sp.exp)
        if vanishes(in_exponentials) or vanishes(in_exponentials, deep=True):
            return True, ()
    conditions = domain_conditions(left, right)
    assumed = positive_symbols(conditions)
    if assumed:
        restricted = difference.xreplace(assumed)
        if vanishes(restricted, deep=True) or exponential and vanishes(restricted.rewrite(sp.exp), deep=True):
            used = [c for c in conditions if c.args[0] in assumed]
            return True, tuple(describe(c) for c in used)
    return False, ()


def refuted(lhs: sp.Expr, rhs: sp.Expr, scope: Scope) -> bool:
    """The sides differ for sure: written out, their difference is a rational function of n and
    the values (no sums, functions or derivatives) that is not identically zero."""
    left, right = list(scope.forms(lhs, rhs))[-1]
    difference = left - right
    if difference.atoms(sp.Sum, sp.Function, sp.Derivative, sp.Indexed) or difference.has(sp.Piecewise):
        return False
    if not difference.free_symbols:
        return difference.is_zero is False
    try:
        return not is_identically_zero(difference)
    except (sp.PolynomialError, TypeError):
        return False


# -- the decision ----------------------------------------------------------------------------
def decide(
    lhs: sp.Expr, rhs: sp.Expr, scope: Scope, seed: int = 0, timeout: float = 10.0, shrink: bool = True
) -> Outcome:
    """The verdict on lhs = rhs: proven, numerically-equal, fails or inconclusive.

    Floats screen first (cheap; a difference they find is confirmed rigorously and shrunk into a
    counterexample), then a proof; a claim no proof covers gets rigorously decided trials.
    """
    trials = Trials(lhs, rhs, scope, seed, Variables.of(lhs, rhs, scope=scope))
    try:
        with time_limit(timeout):
            difference, _ = trials.screen()
            if difference is not None:
                return _fails(trials, difference, shrink)
            proven, needed = prove_equal(lhs, rhs, scope)
            if proven:
                return Outcome(Verdict.PROVEN, Method.SYMBOLIC, conditions=needed)
    except TimeLimitExceeded:
        pass
    try:
        with time_limit(timeout):
            difference, equal = trials.decided()
            if difference is not None:
                return _fails(trials, difference, shrink)
            if refuted(lhs, rhs, scope):
                found = trials.simplest_difference(200)
                if found is not None:
                    return _fails(trials, found, False)
    except TimeLimitExceeded as error:
        return Outcome(Verdict.INCONCLUSIVE, Method.NUMERIC, evidence=str(error))
    if not equal:
        return Outcome(Verdict.INCONCLUSIVE, Method.NUMERIC, evidence="no trial could be evaluated")
    return Outcome(Verdict.NUMERICALLY_EQUAL, Method.NUMERIC, evidence=evidence(equal))


def _fails(trials: Trials, trial, shrink: bool) -> Outcome:
    return Outcome(Verdict.FAILS, Method.COUNTEREXAMPLE, trials.counterexample(trial, shrink))


def find_counterexample(lhs, rhs, scope: Scope, seed: int) -> Counterexample | None:
    """The smallest n and simplest numbers at which lhs ≠ rhs, if trials find one."""
    trials = Trials(lhs, rhs, scope, seed, Variables.of(lhs, rhs, scope=scope))
    found = trials.simplest_difference()
    return trials.counterexample(found, shrink=False) if found is not None else None
