"""Check an algorithm: does what it computes for each parameter equal the true gradient?

A derivation can describe a procedure (back-propagation through pseudo-targets, say) rather than
single lines.  For every size of the model (m layers) and every parameter, the procedure's value
is compared with the true derivative of the cost; where the two are proportional the exact factor
is recorded, and where the factors follow a pattern in m and l it is stated as a formula and
checked against every size that was run.
"""

from __future__ import annotations

import time

import sympy as sp

from symgrad.check.calculus import Calculus, UnsupportedDerivative
from symgrad.check.diagnose import describe_factor, proportionality_factor
from symgrad.check.equivalence import decide, find_counterexample
from symgrad.check.scope import Scope
from symgrad.check.timing import TimeLimitExceeded, time_limit
from symgrad.derivation import Algorithm, Computed
from symgrad.notation import Notation, plain
from symgrad.printing import readable_name
from symgrad.results import (
    AlgorithmRow,
    Diagnosis,
    DiagnosisKind,
    Finding,
    Kind,
    Method,
    Verdict,
)

M, L = sp.symbols("m l", integer=True, positive=True)
#: Exponents a per-layer factor may follow: base**(exponent) for every (m, l) checked.
PATTERNS = (M - L, M - L + 1, L, L - 1, M, M - 1)


def check_algorithm(
    algorithm: Algorithm, notation: Notation, seed: int, timeout: float, truths: dict | None = None
) -> list[Finding]:
    """One finding per parameter (or per layer family of parameters, w^{(l)}).

    `truths` remembers true gradients across algorithms: two readings of one scheme share the
    model and cost, so the gradient is derived once.
    """
    truths = {} if truths is None else truths
    rows: dict[str, list[AlgorithmRow]] = {}
    for size in algorithm.sizes:
        instance = algorithm.build(size)
        scope = Scope(notation)
        calculus = Calculus(scope)
        for lhs, rhs in instance.definitions:
            scope.define(lhs, calculus.evaluate(rhs))
            calculus = Calculus(scope)
        for computed in instance.computed:
            shown = any(row.counterexample is not None for row in rows.get(computed.key, []))
            row = _check_parameter(computed, size, instance.cost, scope, calculus, truths, seed, timeout, not shown)
            rows.setdefault(computed.key, []).append(row)
    return [_finding(algorithm, key, key_rows) for key, key_rows in rows.items()]


def true_gradient(cost, parameter, scope: Scope, calculus: Calculus, truths: dict) -> sp.Expr:
    """∂cost/∂parameter in this scope, derived once per model (keyed by what it depends on)."""
    key = (scope.definitions_used(cost), cost, parameter)
    if key not in truths:
        truths[key] = calculus.differentiate(sp.Derivative(cost, parameter))
    return scope.fold(truths[key])


def _check_parameter(computed: Computed, size, cost, scope, calculus, truths, seed, timeout, show: bool) -> AlgorithmRow:
    """One parameter of one model size, within the time limit.

    `show` asks for a shrunk counterexample if it fails: the report shows the first one per
    parameter, the other rows only need their verdict.
    """
    started = time.perf_counter()
    where = dict(m=size, l=computed.layer, parameter=str(computed.parameter))
    try:
        with time_limit(timeout):
            truth = true_gradient(cost, computed.parameter, scope, calculus, truths)
            fields = _compare(calculus.evaluate(computed.value), truth, scope, seed, timeout, show)
    except (TimeLimitExceeded, UnsupportedDerivative) as error:
        fields = dict(verdict=Verdict.INCONCLUSIVE, method=Method.SYMBOLIC, reason=str(error))
    return AlgorithmRow(**where, **fields, seconds=time.perf_counter() - started)


def _compare(claimed, truth, scope, seed, timeout, show: bool) -> dict:
    """The procedure's value against the true gradient; a counterexample lists it first."""
    # Both sides come out of the same layer-wise chain rule, written in the same activations:
    # a factor shows there, and unfolding a deep network's composed formula would cost seconds.
    factor = proportionality_factor(claimed, truth, scope, deep=False)
    if factor == 1:
        return dict(factor=factor, verdict=Verdict.PROVEN, method=Method.SYMBOLIC)
    if factor is not None and not show:  # claimed = factor × truth, factor ≠ 1: false
        return dict(factor=factor, verdict=Verdict.FAILS, method=Method.SYMBOLIC)
    example = find_counterexample(claimed, truth, scope, seed) if factor is not None else None
    if example is not None:
        return dict(factor=factor, verdict=Verdict.FAILS, method=Method.SYMBOLIC, counterexample=example)
    outcome = decide(claimed, truth, scope, seed, timeout, shrink=show)
    return dict(factor=factor, verdict=outcome.verdict, method=outcome.method, counterexample=outcome.counterexample)


#: The verdict of a whole check is its rows' worst, in this order.
_WORST_FIRST = (Verdict.FAILS, Verdict.INCONCLUSIVE, Verdict.NUMERICALLY_EQUAL, Verdict.PROVEN)


def _finding(algorithm: Algorithm, key: str, rows: list[AlgorithmRow]) -> Finding:
    verdicts = {row.verdict for row in rows}
    verdict = next(v for v in _WORST_FIRST if v in verdicts)
    failing = [row for row in rows if row.verdict == Verdict.FAILS]
    diagnosis = _diagnosis(algorithm, key, rows, fit_factor_pattern(rows)) if failing else None
    sizes = sorted({row.m for row in rows if row.m is not None})
    counterexample = None
    if failing and failing[0].counterexample is not None:
        example = failing[0].counterexample
        counterexample = example if failing[0].m is None else example.with_values_first({"m": failing[0].m, "l": failing[0].l})
    return Finding(
        label=None,
        id=f"{algorithm.id}: ∂C/∂{readable_name(key)}",
        kind=Kind.ALGORITHM,
        verdict=verdict,
        section=algorithm.section,
        line=algorithm.line,
        latex=algorithm.title,
        method=failing[0].method if failing else rows[0].method,
        counterexample=counterexample,
        diagnosis=diagnosis,
        evidence=f"checked for m = {', '.join(map(str, sizes))}" if sizes else None,
        rests_on=tuple(algorithm.rests_on),
        rows=tuple(rows),
        seconds=sum(row.seconds for row in rows),
    )


def _diagnosis(algorithm: Algorithm, key: str, rows: list[AlgorithmRow], factor) -> Diagnosis:
    reading = f" ({algorithm.reading})" if algorithm.reading else ""
    if factor is not None and len(rows) == 1:
        single = describe_factor(factor)
        return Diagnosis(single.kind, f"the procedure{reading}", f"the procedure{reading}: {single.text}", factor)
    if factor is not None:
        consequence = (
            "layers are scaled differently, so the update direction is not the gradient's"
            if L in factor.free_symbols
            else "the direction is the gradient's, the step size is not"
        )
        headline = f"the procedure{reading} computes {plain(factor)} times the true gradient of {readable_name(key)}, for every m and l checked"
        return Diagnosis(DiagnosisKind.FACTOR, headline, f"{headline}: {consequence}", factor)
    text = f"the procedure{reading} does not compute the gradient, not even up to a constant factor"
    failing = [row for row in rows if row.verdict == Verdict.FAILS and row.m is not None]
    if failing:
        where = ", ".join(f"(m, l) = ({row.m}, {row.l})" for row in failing[:4])
        text += f" (fails at {where}{' …' if len(failing) > 4 else ''})"
    return Diagnosis(DiagnosisKind.DIFFERENCE, text, text)


def fit_factor_pattern(rows: list[AlgorithmRow]) -> sp.Expr | None:
    """The factor claimed ÷ true as one formula, if every row has a factor that fits it."""
    values = [(row.m, row.l, row.factor) for row in rows]
    if any(f is None for _, _, f in values):
        return None
    if len({f for _, _, f in values}) == 1:
        return values[0][2]
    if any(m is None or l is None for m, l, _ in values):
        return None
    for exponent in PATTERNS:
        base = next((f for m, l, f in values if exponent.subs({M: m, L: l}) == 1), None)
        if base is None:
            continue
        formula = base**exponent
        if all(sp.simplify(formula.subs({M: m, L: l}) - f) == 0 for m, l, f in values):
            return formula
    return None
