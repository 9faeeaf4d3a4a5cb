"""Lines written with ≈, and limits that define a derivative: what each claims, and its check.

- With a small step (h, ε, δ, Δ) on one side, that side tends to the other as the step goes to 0.
- With the step on both sides, ``f(w + h) ≈ f(w) + f′(w) h`` is an expansion to order k in h:
  the sides differ by less than h^k, (left − right)/h^k → 0.
- Between numbers, ``σ'(0) ≈ 0.25`` holds to the digits written.
- Otherwise (``dC/dw ≈ …`` with no step) nothing says how close is meant: sides that are equal
  hold, sides that differ are inconclusive, never passed unchecked.
"""

from __future__ import annotations

import re

import sympy as sp

from symgrad.check.calculus import Calculus, difference_quotient
from symgrad.check.equivalence import decide
from symgrad.check.scope import Scope, head_of
from symgrad.derivation import Equation
from symgrad.notation import plain
from symgrad.results import Diagnosis, DiagnosisKind, Method, Verdict

#: Names of a small step: what an approximation lets go to 0.
SMALL_STEPS = ("h", "\\epsilon", "\\varepsilon", "\\delta", "\\Delta")


def check_approximation(equation: Equation, calculus: Calculus, scope: Scope, seed: int, limit: float) -> dict:
    """The verdict on lhs ≈ rhs, as a result's fields."""
    lhs, rhs = equation.lhs, equation.rhs
    small = sorted((s for s in lhs.free_symbols | rhs.free_symbols if _is_small_step(s)), key=str)
    if len(small) > 1:
        return dict(verdict=Verdict.DEFINITION, note="an approximation (≈) in several small steps: nothing to check")
    if not small:
        return _without_step(equation, calculus, scope, seed, limit)
    step = small[0]
    if step in lhs.free_symbols and step in rhs.free_symbols:
        order = _order_in(rhs, step)
        scaled = f"(left − right)/{plain(step ** order)}" if order else "left − right"
        reading = f"≈ is read as: {scaled} → 0 as {plain(step)} → 0 (an expansion to order {order} in {plain(step)})"
        truth, near = sp.S.Zero, (lhs - rhs) / step**order
        failed = f"as {plain(step)} → 0, {scaled} tends to {{}}, not 0: the expansion is wrong at order {order}"
    else:
        far, near = (lhs, rhs) if step in rhs.free_symbols else (rhs, lhs)
        reading = f"≈ is read as: equal in the limit {plain(step)} → 0"
        truth = calculus.evaluate(far)
        failed = f"as {plain(step)} → 0 the side with {plain(step)} tends to {{}}, not to the other side"
    approached = calculus.evaluate(sp.Limit(near, step, 0, dir="+-"))
    if approached.has(sp.Limit):
        text = f"the limit as {plain(step)} → 0 was not found"
        return dict(verdict=Verdict.INCONCLUSIVE, readings=(reading,), diagnosis=Diagnosis(DiagnosisKind.LIMIT, text, text))
    sides = (approached, truth) if near is lhs else (truth, approached)  # as written, left first
    outcome = decide(*sides, scope, seed, limit)
    diagnosis = None
    if outcome.verdict == Verdict.FAILS:
        text = failed.format(plain(approached))
        diagnosis = Diagnosis(DiagnosisKind.DIFFERENCE, text, text)
    return dict(verdict=outcome.verdict, method=outcome.method, evidence=outcome.evidence or None,
                counterexample=outcome.counterexample, diagnosis=diagnosis, readings=(reading,))


def _without_step(equation: Equation, calculus: Calculus, scope: Scope, seed: int, limit: float) -> dict:
    """≈ with no small step: numbers to the digits written; expressions equal or inconclusive."""
    left, right = calculus.evaluate(equation.lhs), calculus.evaluate(equation.rhs)
    difference = scope.unfold(left - right)
    if not difference.free_symbols and not difference.has(sp.Derivative, sp.Limit, sp.Sum):
        tolerance = sp.Rational(1, 2) / 10 ** _decimals(equation.latex)
        exact = sp.simplify(difference.rewrite(sp.exp))
        gap, within = (sp.S.Zero if exact == 0 else abs(sp.N(exact, 30))), f"{float(tolerance):g}"
        reading = f"≈ between numbers is read as: equal to the digits written (within {within})"
        if not gap.is_number or not gap.is_finite:
            return dict(verdict=Verdict.INCONCLUSIVE, readings=(reading,))
        if gap <= tolerance:
            return dict(verdict=Verdict.PROVEN, method=Method.SYMBOLIC, readings=(reading,),
                        evidence=f"the sides differ by {float(gap):.3g}, within {within}")
        text = f"the sides differ by {float(gap):.6g}, more than the digits written allow ({within})"
        return dict(verdict=Verdict.FAILS, method=Method.SYMBOLIC, readings=(reading,),
                    diagnosis=Diagnosis(DiagnosisKind.DIFFERENCE, text, text))
    reading = "≈ with no small step (h, ε, δ, Δ): nothing says how close is meant, so the sides are compared as ="
    outcome = decide(left, right, scope, seed, limit)
    if outcome.verdict.is_true:
        return dict(verdict=outcome.verdict, method=outcome.method, evidence=outcome.evidence or None, readings=(reading,))
    text = ("the sides are not equal, and ≈ with no small step does not say how close is meant: "
            "write the step (h → 0) or the condition under which it holds")
    return dict(verdict=Verdict.INCONCLUSIVE, readings=(reading,), counterexample=outcome.counterexample,
                diagnosis=Diagnosis(DiagnosisKind.DIFFERENCE, text, text))


def defines_the_derivative(lhs, rhs) -> bool:
    """∂C/∂w = lim_{h → 0} (C(w + h, b) − C(w, b))/h, or a central difference: true of every C
    differentiable there, whatever C is (and checked like any claim if the quotient is off)."""
    if not (isinstance(lhs, sp.Derivative) and isinstance(rhs, sp.Limit) and rhs.args[2] == 0):
        return False
    quotient = difference_quotient(rhs.args[0], rhs.args[1])
    return (isinstance(quotient, sp.Derivative) and str(head_of(quotient.expr)) == str(head_of(lhs.expr))
            and quotient.variable_count == lhs.variable_count)


def _is_small_step(symbol) -> bool:
    return symbol.is_Symbol and symbol.name in SMALL_STEPS


def _order_in(expr: sp.Expr, step: sp.Symbol) -> int:
    """The highest power of the step in an expansion (1 in f(w) + f′(w) h), 0 where it is not a polynomial in it."""
    expanded = sp.expand(expr)
    return int(sp.degree(expanded, step)) if expanded.is_polynomial(step) else 0


def _decimals(latex: str) -> int:
    """The most digits after a decimal point among the numbers a line writes (0.25: 2)."""
    return max((len(digits) for digits in re.findall(r"\d\.(\d+)", latex)), default=0)
