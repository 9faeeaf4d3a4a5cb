"""Why a claim is wrong, in words a student understands.

Each explanation is checked, never guessed: a factor is the exact ratio claimed ÷ true, a swapped
pair or a wrong σ′ is reported only if undoing it gives the true value, and a change between two
steps is read off the two expressions themselves.
"""

from __future__ import annotations

import sympy as sp

from symgrad.check.calculus import UnsupportedDerivative
from symgrad.check.equivalence import (
    NotLinearInSums,
    is_identically_zero,
    shown_form,
    sum_decomposition,
    vanishes,
)
from symgrad.check.scope import Scope, free_indices, names_in
from symgrad.check.trials import may_be_equal
from symgrad.notation import layer_of, plain, sigma
from symgrad.results import Diagnosis, DiagnosisKind


def _plain_diagnosis(kind: DiagnosisKind, text: str) -> Diagnosis:
    """A diagnosis that is one sentence: its headline is the sentence."""
    return Diagnosis(kind, text, text)


# -- indices ---------------------------------------------------------------------------------
def index_mismatch(truth, claimed, count, written=()) -> Diagnosis | None:
    """An index the true value depends on that the claim sums over, or the reverse, if any.

    `truth` and `claimed` are the two sides' values (derivatives taken), `written` the sides as
    written, `count` the sample count (n is fixed, never an index): ∂_{a_i} C = (1/n) Σ_i …
    claims a per-sample value is a sum; Σ_k k = k n uses the bound k outside its sum.
    """
    left, right = _free_index_names(truth, count), _free_index_names(claimed, count)
    on_left, on_right = (truth, *written[:1]), (claimed, *written[1:])
    parts = []
    for index in sorted(left - right):
        if _binds(on_right, index):
            parts.append(
                f"the index {index} is free on the left (the result depends on which sample {index} is) "
                f"but bound by a sum on the right, so the right side is the same number for every sample"
            )
    for index in sorted(right - left):
        if _binds(on_left, index):
            parts.append(f"the index {index} is bound by a sum on the left but free on the right")
    if not parts:
        return None
    headline = "cannot be read as a claim"
    return Diagnosis(DiagnosisKind.INDEX, headline, f"{headline}: {'; '.join(parts)}")


def _free_index_names(expr, count) -> set[str]:
    """Names of the indices used free in `expr`: in family elements (x_i), and bare names that a
    sum elsewhere binds (k n); the sample count n is not an index."""
    names = {symbol.name for symbol in free_indices(expr) if symbol != count}
    return names | {symbol.name for symbol in expr.free_symbols if symbol.is_Symbol and symbol != count}


def _binds(exprs, name: str) -> bool:
    return any(name in {str(limit[0]) for limit in s.limits} for expr in exprs for s in expr.atoms(sp.Sum))


# -- proportionality -------------------------------------------------------------------------
def proportionality_factor(claimed, truth, scope: Scope, deep: bool = True) -> sp.Expr | None:
    """claimed ÷ true when it is a constant (it may involve n); `deep` also looks through
    activations' definitions, which costs the size of the composed formula."""
    allowed = {scope.notation.count}
    for left, right in scope.forms(claimed, truth, through_activations=deep):
        ratio = _summand_ratio(left, right)
        if ratio is not None and ratio != 0 and ratio.free_symbols <= allowed and not ratio.atoms(sp.Indexed):
            return ratio
    return None


def _summand_ratio(left, right, any_names: bool = False):
    """claimed ÷ true of the one sum both sides are (or of the two sides, without sums); a name on
    one side only makes it None unless `any_names` (an extra or missing factor xᵢ)."""
    try:
        left_groups, left_rest = sum_decomposition(left)
        right_groups, right_rest = sum_decomposition(right)
    except NotLinearInSums:
        return None
    if not left_groups and not right_groups:
        return None if right_rest == 0 else _ratio(left_rest, right_rest, any_names)
    if len(left_groups) != 1 or left_groups.keys() != right_groups.keys():
        return None
    if not (is_identically_zero(left_rest) and is_identically_zero(right_rest)):
        return None
    (key,) = left_groups
    if right_groups[key] == 0:
        return None
    return _ratio(left_groups[key], right_groups[key], any_names)


def _ratio(numerator, denominator, any_names: bool = False):
    """numerator ÷ denominator, cancelled (shared factors first, which is cheap)."""
    def names(expr):
        return expr.atoms(sp.Indexed, sp.Function, sp.Sum)

    if names(numerator) != names(denominator) and not any_names:
        return None  # a name on one side only cannot cancel: not a constant ratio
    quotient = sp.factor_terms(numerator / denominator)
    if names(quotient):
        quotient = sp.cancel(sp.together(quotient))
    return quotient


def describe_factor(factor: sp.Expr) -> Diagnosis:
    """claimed = factor × true: a sign error, or a constant factor (missing or extra)."""
    if factor == -1:
        headline = "sign error"
        return Diagnosis(DiagnosisKind.SIGN, headline, f"{headline}: the claimed value is the negative of the true one", factor)
    headline = "off by a constant factor"
    if factor.is_number and factor.is_Rational and factor.p == 1:
        detail = f"the claimed value is {factor} of the true one (a factor {1 / factor} is missing)"
    else:
        detail = f"the claimed value is {plain(factor)} times the true one"
    return Diagnosis(DiagnosisKind.FACTOR, headline, f"{headline}: {detail}", factor)


# -- typical slips, each confirmed by undoing it ------------------------------------------
#: Swaps are looked for among this many names of a line at most (pairs grow as its square).
MAX_SWAP_NAMES = 12


def swapped_names(written, truth, evaluate, scope: Scope, head=None) -> tuple | None:
    """A pair of names (i_1, i_2; w_1, w_2) whose exchange in the line as written gives the
    truth; `evaluate` computes the ∂s of the swapped line.  Each candidate is screened in floats
    before a proof is tried.  The name the line is about (k in k = w) is never one of the pair:
    written for w it gives k = k, true and empty."""
    symbols, families = names_in(written + truth)  # i_2 written where i_1 belongs: i_1 is in the truth only
    about = head.free_symbols if head is not None else set()
    for group in ({s for s in symbols if not s.is_integer} - about, families):
        group = sorted(group, key=str)[:MAX_SWAP_NAMES]
        for position, first in enumerate(group):
            for second in group[position + 1 :]:
                swapped = written.xreplace({first: second, second: first})
                if swapped == written:
                    continue
                value = evaluate(swapped)
                if may_be_equal(value, truth, scope) and vanishes(value - truth):
                    return first, second
    return None


def summation_range(claimed, truth) -> Diagnosis | None:
    """A sum over other samples than the true one: Σ_{i=0}^{n} for Σ_{i=1}^{n}, say."""
    try:
        claimed_ranges, _ = sum_decomposition(claimed)
        true_ranges, _ = sum_decomposition(truth)
    except NotLinearInSums:
        return None
    if len(claimed_ranges) != 1 or len(true_ranges) != 1 or claimed_ranges.keys() == true_ranges.keys():
        return None
    (low, high), (true_low, true_high) = next(iter(claimed_ranges)), next(iter(true_ranges))
    return _plain_diagnosis(
        DiagnosisKind.RANGE,
        f"the sum runs over i = {plain(low)} … {plain(high)}, "
        f"but the samples are i = {plain(true_low)} … {plain(true_high)}",
    )


def _activation(atom, scope: Scope):
    """The function an activation applies: σ or tanh (written, or the value of a name), else None."""
    value = atom if isinstance(atom, (sigma, sp.tanh)) else scope.value_of(atom)
    return value.func if isinstance(value, (sigma, sp.tanh)) else None


def wrong_activation_derivative(claimed, truth, scope: Scope) -> Diagnosis | None:
    """σ′ written as σ(1+σ), 1−σ or σ; tanh′ written as 1 − tanh or 1 + tanh²: undo each on the
    true value and compare."""
    for written, true_value in _as_named(claimed, truth, scope):
        found = _undone_activation_slip(written, true_value, scope)
        if found:
            return found
    return None


def _undone_activation_slip(claimed, truth, scope: Scope) -> Diagnosis | None:
    activations = {atom: _activation(atom, scope) for atom in truth.atoms(sp.Indexed, sp.Symbol, sigma, sp.tanh)}
    for atom in sorted((atom for atom, function in activations.items() if function), key=str):
        function = "the sigmoid" if activations[atom] is sigma else "tanh"
        if activations[atom] is sigma:
            complement, right = 1 - atom, "σ′ = σ(1 − σ)"
            variants = {"σ(1 + σ)": truth.xreplace({complement: 1 + atom}),
                        "1 − σ": truth.subs(atom * complement, complement), "σ": truth.subs(atom * complement, atom)}
        else:
            square, right = 1 - atom**2, "tanh′ = 1 − tanh²"
            variants = {"1 − tanh": truth.xreplace({square: 1 - atom}), "1 + tanh²": truth.xreplace({square: 1 + atom**2})}
        for written, variant in variants.items():
            if variant != truth and vanishes(claimed - variant):
                return _plain_diagnosis(
                    DiagnosisKind.WRONG_DERIVATIVE,
                    f"the derivative of {function} is written as {written} (at {plain(atom)}); {right}",
                )
    return None


def other_variable(claimed, head, scope: Scope, evaluate_in) -> Diagnosis | None:
    """The derivative by another variable written for this one: ∂C/∂w's value as ∂C/∂b."""
    if not (isinstance(head, sp.Derivative) and len(head.variable_count) == 1 and head.variable_count[0][1] == 1):
        return None
    variable = head.variables[0]
    count, index = scope.notation.count, scope.notation.index
    others = sorted((s for s in scope.unfold(head.expr).free_symbols
                     if s not in (variable, count, index) and not s.is_integer), key=str)
    for other in others[:MAX_SWAP_NAMES]:
        try:
            value = evaluate_in(sp.Derivative(head.expr, other))
        except UnsupportedDerivative:  # a variable C cannot be differentiated by explains nothing
            continue
        if may_be_equal(claimed, value, scope) and vanishes(claimed - value):
            function = plain(head.expr)
            return _plain_diagnosis(
                DiagnosisKind.WRONG_VARIABLE,
                f"this is the derivative by {plain(other)}, not by {plain(variable)}: "
                f"the value of ∂{function}/∂{plain(other)} is written for ∂{function}/∂{plain(variable)}",
            )
    return None


def _as_named(claimed, truth, scope: Scope):
    """The two sides with every value a family has folded back into its name (tanh(w₂hᵢ + b₂)
    is aᵢ, as the author writes it), then in the forms the proofs use."""
    yield tuple(_folded(side, scope) for side in (claimed, truth))
    yield from scope.forms(claimed, truth, through_activations=False)


def _folded(expr, scope: Scope, depth: int = 8):
    for _ in range(depth):  # hᵢ inside aᵢ's value folds first, then aᵢ
        folded = scope.fold(expr)
        if folded == expr:
            break
        expr = folded
    return expr


def name_for_another(claimed, truth, scope: Scope) -> Diagnosis | None:
    """One name written wherever another belongs: a^(2) for a^(1) (the wrong layer), h for x.
    Only names of the claim stand in for names of the truth, and only a proof confirms it."""
    for written, true_value in _as_named(claimed, truth, scope):
        claimed_symbols, claimed_families = names_in(written)
        true_symbols, true_families = names_in(true_value)
        for wrong_names, right_names in ((claimed_families, true_families), (claimed_symbols, true_symbols)):
            for right in sorted(right_names, key=str)[:MAX_SWAP_NAMES]:
                for wrong in sorted(wrong_names - {right}, key=str)[:MAX_SWAP_NAMES]:
                    value = true_value.xreplace({right: wrong})
                    if value != true_value and may_be_equal(written, value, scope) and vanishes(written - value):
                        return _plain_diagnosis(DiagnosisKind.WRONG_NAME,
                                                f"{plain(wrong)} is written where {plain(right)} belongs{_layers(wrong, right)}")
    return None


def _layers(wrong, right) -> str:
    """', the wrong layer (2 for 1)' where the two names are one name at two layers."""
    found = [layer_of(str(name.label if isinstance(name, sp.IndexedBase) else name)) for name in (wrong, right)]
    if all(found) and found[0][0] == found[1][0]:
        return f": the wrong layer ({plain(found[0][1])} for {plain(found[1][1])})"
    return ""


def term_factor(claimed, truth, scope: Scope) -> Diagnosis | None:
    """Each term of the sum multiplied by a factor that is not a constant: an extra aᵢ(1 − aᵢ)
    (σ′ kept where a cross-entropy cancels it), a missing xᵢ."""
    for written, true_value in _as_named(claimed, truth, scope):
        ratio = _summand_ratio(written, true_value, any_names=True)
        if (ratio is None or ratio.is_number or sp.count_ops(ratio) > 12 or ratio.has(sp.Piecewise, sp.zoo, sp.nan)
                or ratio.atoms(sp.Function)):
            continue  # only a factor in the document's names says something: aᵢ(1 − aᵢ), xᵢ, w
        dummies = {s for s in ratio.free_symbols if s.is_integer and s not in written.free_symbols}
        ratio = ratio.xreplace({dummy: scope.notation.index for dummy in dummies})  # Σ's own letter
        extra, missing = sp.fraction(sp.factor(ratio))
        extra_constant, extra = _as_people_write(extra, scope)
        missing_constant, missing = _as_people_write(missing, scope)
        if extra != 1 and missing != 1:
            continue  # a quotient of two expressions says less than the difference itself
        constant = extra_constant / missing_constant
        each = "each term of the sum" if written.has(sp.Sum) else "the value"
        if missing == 1:
            text = f"{each} has a factor {plain(extra)} too many{_derivative_note(extra, scope)}"
        else:
            text = f"{each} lacks a factor {plain(missing)}{_derivative_note(missing, scope)}"
        if constant != 1:
            text += f", and is {plain(constant)} times off besides"
        return _plain_diagnosis(DiagnosisKind.TERM_FACTOR, text)
    return None


def _as_people_write(factor, scope: Scope) -> tuple:
    """(constant, the rest) of a factor, an activation's derivative in its usual sign: −(a − 1)·a
    is a(1 − a)."""
    constant, rest = factor.as_independent(*factor.free_symbols, *factor.atoms(sp.Indexed))
    shape = _derivative_shape(rest, scope)
    if shape is not None and sp.expand(constant * rest - shape) == 0:
        return sp.S.One, shape
    return constant, rest


def _derivative_shapes(factor, scope: Scope):
    """(the derivative of an activation at one of its values, its name) for each activation in `factor`."""
    for atom in sorted(factor.atoms(sp.Indexed, sp.Symbol, sigma, sp.tanh), key=str):
        function = _activation(atom, scope)
        if function is sigma:
            yield atom * (1 - atom), f"σ′ at {plain(atom)}"
        elif function is sp.tanh:
            yield 1 - atom**2, f"tanh′ at {plain(atom)}"


def _derivative_shape(factor, scope: Scope):
    """The activation derivative `factor` is, up to its sign, as people write it: aᵢ(1 − aᵢ)."""
    return next((shape for shape, _ in _derivative_shapes(factor, scope) if sp.expand(factor**2 - shape**2) == 0), None)


def _derivative_note(factor, scope: Scope) -> str:
    """' (σ′ at aᵢ)' where the factor is an activation's derivative at one of its values."""
    return next((f" ({name})" for shape, name in _derivative_shapes(factor, scope) if sp.expand(factor - shape) == 0), "")


def dropped_power_in_definition(claimed, head, scope: Scope, evaluate_in) -> Diagnosis | None:
    """The claim equals the derivative of a definition with a power dropped (u² read as u)."""
    for name, definition in list(scope.definitions.items()):
        powers = [p for p in definition.body.atoms(sp.Pow) if p.exp.is_Integer and p.exp > 1]
        for power in powers:
            mutated = scope.redefine(name, definition.body.xreplace({power: power.base}))
            try:
                if vanishes(claimed - evaluate_in(mutated, head)):
                    k, u = power.exp, sp.Symbol("u")
                    headline = f"the value is what {plain(name)} would give without the power {k} on {plain(power.base)}"
                    text = f"{headline}: differentiating {plain(u ** k)} gives {plain(k * u ** (k - 1))}·u′"
                    return Diagnosis(DiagnosisKind.DROPPED_POWER, headline, text)
            except UnsupportedDerivative:  # a slip that cannot be differentiated explains nothing
                continue
    return None


# -- what changed between two steps ----------------------------------------------------------
def first_difference(old, new):
    """The smallest pair of sub-expressions where two steps part ways."""
    if old == new:
        return None
    if type(old) is type(new) and old.args and len(old.args) == len(new.args):
        differing = [(a, b) for a, b in zip(old.args, new.args) if a != b]
        if len(differing) == 1:
            return first_difference(*differing[0])
    return old, new


def describe_change(old, new) -> str:
    """In words: how `new` differs from `old` (a dropped power, a sign, a factor, a term)."""
    if isinstance(old, sp.Pow) and old.base == new:
        return f"the power {plain(old.exp)} on {plain(new)} was dropped"
    if isinstance(new, sp.Pow) and new.base == old:
        return f"a power {plain(new.exp)} appeared on {plain(old)}"
    if new == -old:
        return f"the sign of {plain(old)} flipped"
    if isinstance(old, sp.Add) and isinstance(new, sp.Add):
        missing = set(old.args) - set(new.args)
        if missing and set(new.args) <= set(old.args):
            terms = ", ".join(f"{plain(t)}" for t in missing)
            return f"the term {terms} was dropped"
    ratio = sp.cancel(new / old) if old != 0 else None
    if ratio is not None and ratio.is_number:
        return f"{plain(old)} was multiplied by {ratio}"
    return f"{plain(old)} became {plain(new)}"


def explain_failure(claimed, truth, scope: Scope, written=None, head=None, evaluate_in=None) -> Diagnosis:
    """The most specific confirmed explanation of claimed ≠ truth.

    `written` is the line before its ∂s were computed and `head` the left side of its chain;
    with `evaluate_in` they let slips be undone and re-derived.
    """
    factor = proportionality_factor(claimed, truth, scope)
    if factor is not None:
        return describe_factor(factor)
    if written is not None:
        pair = swapped_names(written, truth, lambda e: evaluate_in(scope, e), scope, head)
        if pair:
            return _plain_diagnosis(DiagnosisKind.SWAP, f"{plain(pair[0])} and {plain(pair[1])} are swapped")
    derivative = head is not None and head.has(sp.Derivative)
    for explain in (
        lambda: summation_range(claimed, truth),
        lambda: derivative and wrong_activation_derivative(claimed, truth, scope),
        lambda: head is not None and dropped_power_in_definition(claimed, head, scope, evaluate_in),
        lambda: derivative and evaluate_in and other_variable(claimed, head, scope, lambda e: evaluate_in(scope, e)),
        lambda: name_for_another(claimed, truth, scope),
        lambda: term_factor(claimed, truth, scope),
    ):
        diagnosis = explain()
        if diagnosis:
            return diagnosis
    return _additive_difference(claimed, truth, scope.notation.index)


def _additive_difference(claimed, truth, index) -> Diagnosis:
    difference = shown_form(claimed - truth, index)
    terms = sp.Add.make_args(difference)
    if len(terms) <= 2 and sp.count_ops(difference) <= 20:
        if difference.could_extract_minus_sign():
            return _plain_diagnosis(DiagnosisKind.DIFFERENCE, f"the claimed value is below the true one by {plain(-difference)}")
        return _plain_diagnosis(DiagnosisKind.DIFFERENCE, f"the claimed value exceeds the true one by {plain(difference)}")
    return _plain_diagnosis(
        DiagnosisKind.DIFFERENCE, "the claimed value differs from the true one by more than a factor, a sign or a swap"
    )
