"""Check an algorithm: does what it computes for each parameter equal the true gradient?

A derivation can describe a procedure (back-propagation through pseudo-targets, say) rather than
single lines.  For every size of the model (m layers) and every parameter, the procedure's value
is compared with the true derivative of the cost; where the two are proportional the exact factor
is recorded, and where the factors follow a pattern in m and l it is stated as a formula and
checked against every size that was run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import sympy as sp

from symgrad.calculus import Calculus, UnsupportedDerivative
from symgrad.derivation import Algorithm
from symgrad.diagnose import describe_factor, factor_string, proportionality_factor
from symgrad.equivalence import decide, find_counterexample
from symgrad.findings import Finding
from symgrad.notation import Notation
from symgrad.scope import Scope
from symgrad.timing import TimeLimitExceeded, time_limit

M, L = sp.symbols("m l", integer=True, positive=True)
#: Exponents a per-layer factor may follow: base**(exponent) for every (m, l) checked.
PATTERNS = (M - L, M - L + 1, L, L - 1, M, M - 1)


@dataclass
class Computed:
    """What the procedure computes for one parameter of one model size."""

    key: str
    layer: int | None
    parameter: sp.Symbol
    value: sp.Expr


@dataclass
class Instance:
    """One size of the model: its definitions (in order), its cost and what is computed."""

    definitions: list
    cost: sp.Expr
    computed: list


def check_algorithm(
    algorithm: Algorithm, notation: Notation, seed: int, timeout: float, truths: dict | None = None
) -> list[Finding]:
    """One finding per parameter (or per layer family of parameters, w^{(l)}).

    `truths` remembers true gradients across algorithms: two readings of one scheme share the
    model and cost, so the gradient is derived once.
    """
    truths = {} if truths is None else truths
    rows: dict[str, list] = {}
    for size in algorithm.sizes:
        instance = algorithm.build(size)
        scope = Scope(notation)
        calculus = Calculus(scope)
        for lhs, rhs in instance.definitions:
            scope.define(lhs, calculus.evaluate(rhs))
            calculus = Calculus(scope)
        for computed in instance.computed:
            shown = any("counterexample" in row for row in rows.get(computed.key, []))
            row = _check_parameter(computed, instance.cost, scope, calculus, truths, seed, timeout, not shown)
            rows.setdefault(computed.key, []).append({"m": size, "l": computed.layer, **row})
    return [_finding(algorithm, key, key_rows) for key, key_rows in rows.items()]


def true_gradient(cost, parameter, scope: Scope, calculus: Calculus, truths: dict) -> sp.Expr:
    """∂cost/∂parameter in this scope, derived once per model (keyed by what it depends on)."""
    key = (scope.definitions_used(cost), cost, parameter)
    if key not in truths:
        truths[key] = calculus.differentiate(sp.Derivative(cost, parameter))
    return scope.fold(truths[key])


def _check_parameter(computed: Computed, cost, scope, calculus, truths, seed, timeout, show: bool) -> dict:
    """One parameter of one model size, within the time limit.

    `show` asks for a shrunk counterexample if it fails: the report shows the first one per
    parameter, the other rows only need their verdict.
    """
    started = time.perf_counter()
    row = {"parameter": str(computed.parameter), "factor": None}
    try:
        with time_limit(timeout):
            truth = true_gradient(cost, computed.parameter, scope, calculus, truths)
            row.update(_compare(calculus.evaluate(computed.value), truth, scope, seed, timeout, show))
    except (TimeLimitExceeded, UnsupportedDerivative) as error:
        row.update(verdict="inconclusive", method="symbolic", reason=str(error))
    row["seconds"] = time.perf_counter() - started
    return row


def _compare(claimed, truth, scope, seed, timeout, show: bool) -> dict:
    """The procedure's value against the true gradient; a counterexample lists it first."""
    # Both sides come out of the same layer-wise chain rule, written in the same activations:
    # a factor shows there, and unfolding a deep network's composed formula would cost seconds.
    factor = proportionality_factor(claimed, truth, scope, deep=False)
    if factor == 1:
        return {"factor": factor, "verdict": "proven", "method": "symbolic"}
    if factor is not None and not show:  # claimed = factor × truth, factor ≠ 1: false
        return {"factor": factor, "verdict": "fails", "method": "symbolic"}
    example = find_counterexample(claimed, truth, scope, seed) if factor is not None else None
    if example is not None:
        result = {"factor": factor, "verdict": "fails", "method": "symbolic"}
    else:
        outcome = decide(claimed, truth, scope, seed, timeout, shrink=show)
        result = {"factor": factor, "verdict": outcome.verdict, "method": outcome.method}
        example = outcome.counterexample
    if example is not None:
        result["counterexample"] = example.as_dict()
    return result


def _finding(algorithm: Algorithm, key: str, rows: list) -> Finding:
    verdicts = {row["verdict"] for row in rows}
    for verdict in ("fails", "inconclusive", "numerically-equal", "proven"):
        if verdict in verdicts:
            break
    failing = [row for row in rows if row["verdict"] == "fails"]
    factor, diagnosis = None, None
    if failing:
        factor = fit_factor_pattern(rows)
        diagnosis = _diagnosis(algorithm, key, rows, factor)
    sizes = sorted({row["m"] for row in rows if row["m"] is not None})
    return Finding(
        label=None,
        id=f"{algorithm.id}: ∂C/∂{key}",
        kind="algorithm",
        verdict=verdict,
        section=algorithm.section,
        line=algorithm.line,
        latex=algorithm.title,
        method=failing[0]["method"] if failing else rows[0]["method"],
        counterexample=_with_size(failing[0]) if failing else None,
        factor=factor_string(factor),
        diagnosis=diagnosis,
        evidence=f"checked for m = {', '.join(map(str, sizes))}" if sizes else None,
        rests_on=list(algorithm.rests_on),
        details=[_detail(row) for row in rows],
        seconds=sum(row["seconds"] for row in rows),
    )


def _diagnosis(algorithm, key, rows, factor) -> str:
    reading = f" ({algorithm.reading})" if algorithm.reading else ""
    if factor is not None and len(rows) == 1:
        return f"the procedure{reading}: " + describe_factor(factor)
    if factor is not None:
        consequence = (
            "layers are scaled differently, so the update direction is not the gradient's"
            if L in factor.free_symbols
            else "the direction is the gradient's, the step size is not"
        )
        return (
            f"the procedure{reading} computes {factor_string(factor)} times the true gradient of {key}, "
            f"for every m and l checked: {consequence}"
        )
    text = f"the procedure{reading} does not compute the gradient, not even up to a constant factor"
    failing = [row for row in rows if row["verdict"] == "fails" and row["m"] is not None]
    if failing:
        where = ", ".join(f"(m, l) = ({row['m']}, {row['l']})" for row in failing[:4])
        text += f" (fails at {where}{' …' if len(failing) > 4 else ''})"
    return text


def _with_size(row: dict) -> dict | None:
    """The row's counterexample, with the model size (m, l) among its values."""
    example = row.get("counterexample")
    if example is None or row["m"] is None:
        return example
    return {**example, "values": {"m": row["m"], "l": row["l"], **example["values"]}}


def _detail(row: dict) -> dict:
    detail = {k: v for k, v in row.items() if k not in ("counterexample", "seconds")}
    detail["factor"] = factor_string(row["factor"])
    return detail


def fit_factor_pattern(rows: list) -> sp.Expr | None:
    """The factor claimed ÷ true as one formula, if every row has a factor that fits it."""
    values = [(row["m"], row["l"], row["factor"]) for row in rows]
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
