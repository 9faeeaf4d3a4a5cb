"""Where a claim's sides are defined, and what a proof may assume there.

Claims are about real numbers: ``\\ln u`` needs u > 0, ``\\sqrt{u}`` needs u ≥ 0, a non-integer
power needs a positive base.  A claim is checked where both its sides are defined, so a proof may
assume what definedness implies; every such assumption a proof needed is reported with the
verdict as a condition (``e^{\\ln w} = w`` holds for w > 0).
"""

from __future__ import annotations

import sympy as sp

from symgrad.notation import plain, sigma


def domain_conditions(*exprs) -> list[sp.Basic]:
    """The relations that must hold for every part of `exprs` to be a real number, in order."""
    found: list = []
    for expr in exprs:
        for node in sp.preorder_traversal(expr):
            condition = None
            if isinstance(node, sp.log):
                condition = sp.StrictGreaterThan(node.args[0], 0, evaluate=False)
            elif isinstance(node, sp.Pow) and not node.exp.is_integer:
                base, exponent = node.args
                if exponent.is_negative:
                    condition = sp.StrictGreaterThan(base, 0, evaluate=False)
                else:
                    condition = sp.GreaterThan(base, 0, evaluate=False)
            if condition is not None and condition not in found and _may_fail(condition):
                found.append(condition)
    return found


def _may_fail(condition) -> bool:
    """False when SymPy knows the relation always holds (e.g. e^x > 0)."""
    return sp.simplify(condition) is not sp.true


def positive_symbols(conditions) -> dict:
    """Symbols that the conditions make positive (u > 0) or nonnegative (u ≥ 0), as replacements
    by like-named symbols carrying that assumption."""
    replacements = {}
    for condition in conditions:
        left, right = condition.args
        if isinstance(left, sp.Symbol) and right == 0 and left not in replacements:
            assumption = "positive" if isinstance(condition, sp.StrictGreaterThan) else "nonnegative"
            replacements[left] = sp.Symbol(left.name, real=True, **{assumption: True})
    return replacements


def without_implied(conditions) -> list:
    """The conditions less those another one implies (w ≠ 0, w ≥ 0 and w² > 0 beside w > 0)."""
    kept = []
    for condition in conditions:
        others = [other for other in conditions if other is not condition]
        if not any(_implies(other, condition) for other in others):
            kept.append(condition)
    return kept


def _implies(premise, condition) -> bool:
    replacements = positive_symbols([premise]) if isinstance(premise, (sp.StrictGreaterThan, sp.GreaterThan)) else {}
    if not replacements or premise == condition:
        return False
    return sp.simplify(condition.xreplace(replacements)) is sp.true


_SYMBOLS = {sp.StrictGreaterThan: ">", sp.GreaterThan: "≥", sp.StrictLessThan: "<", sp.LessThan: "≤", sp.Unequality: "≠"}


def describe(condition) -> str:
    """A condition as people write it: w > 0, w*b > 0, 3 ≤ n."""
    symbol = _SYMBOLS.get(type(condition))
    if symbol is None:
        return plain(condition)
    left, right = condition.args
    if isinstance(condition, sp.Unequality) and right == 0 and isinstance(left, sp.Add):  # w − b ≠ 0: w ≠ b
        terms = sp.Add.make_args(left)
        taken = [-t for t in terms if t.could_extract_minus_sign()]
        if taken and len(taken) < len(terms):
            left, right = sp.Add(*(t for t in terms if not t.could_extract_minus_sign())), sp.Add(*taken)
    return f"{plain(left)} {symbol} {plain(right)}"


def always_holds(difference, condition) -> bool:
    """Whether `difference` (a side minus the other of `condition`) has the condition's sign for
    every real value (or is never 0, for ≠): 1 − σ(z) > 0 does, σ written as 1/(1 + e^{−z})."""
    value = sp.together(difference.rewrite(sp.exp)) if difference.has(sigma) else difference
    if isinstance(condition, sp.Unequality):
        return bool(value.is_nonzero)
    strict = isinstance(condition, (sp.StrictGreaterThan, sp.StrictLessThan))
    sign = 1 if isinstance(condition, (sp.StrictGreaterThan, sp.GreaterThan)) else -1
    value = sign * value
    return bool(value.is_positive) if strict else bool(value.is_nonnegative)
