"""Mutants (the slips students make) and rewrites (the same value, written differently) of a claim.

Every candidate is classified by the independent oracle (:mod:`soundness_oracle`), never by
symgrad: a mutant that happens to be true is dropped, and so is a rewrite that is not one.  A
mutant that breaks index binding (an index free on one side only, or summed on the right but free
on the left, or a sum over samples that do not exist) is false by construction; for it
`ill-formed` is a correct verdict too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import sympy as sp

from benchmarks.soundness_cases import Base
from benchmarks.soundness_oracle import Oracle, free_index_symbols

OTHER_INDEX = sp.Symbol("j", integer=True, positive=True)


@dataclass(frozen=True)
class Variant:
    base: Base
    kind: str
    rhs: sp.Expr
    rewrite: bool
    breaks_binding: bool = False

    def repro(self) -> str:
        """One line that rebuilds the case: the base claim, the change, the right side."""
        what = "rewrite" if self.rewrite else "mutant"
        return f"{self.base.name} {what} [{self.kind}]: {sp.sstr(self.base.lhs)} = {sp.sstr(self.rhs)}"


# -- walking an expression: every place a slip can be made -------------------------------------
def places(expr) -> Iterator[tuple[sp.Expr, Callable]]:
    """(node, put) for every sub-expression; put(new) is `expr` with that node replaced.

    Sums are entered through their summand, ∂ through its expression (never its variables),
    powers through their base; family elements and atoms are leaves.
    """
    yield expr, lambda new: new
    if isinstance(expr, sp.Indexed) or not expr.args:
        return
    if isinstance(expr, sp.Sum):
        children = {0: expr.function}
    elif isinstance(expr, sp.Derivative):
        children = {0: expr.expr}
    elif isinstance(expr, sp.Pow):
        children = {0: expr.base}
    else:
        children = dict(enumerate(expr.args))
    for position, child in children.items():
        for node, put in places(child):
            yield node, _rebuilder(expr, position, put)


def _rebuilder(parent, position, put):
    def rebuild(new):
        args = list(parent.args)
        args[position] = put(new)
        return parent.func(*args)

    return rebuild


def _leaves(base: Base) -> tuple[list, list]:
    """Parameters and families of the claim and its definitions (swap candidates)."""
    exprs = [base.lhs, base.rhs] + [side for pair in base.definitions for side in pair]
    families = {ind.base for e in exprs for ind in e.atoms(sp.Indexed)}
    labels = {str(f.label) for f in families}
    symbols = {
        s for e in exprs for s in e.free_symbols
        if isinstance(s, sp.Symbol) and not s.is_integer and str(s) not in labels
    }
    return sorted(symbols, key=str), sorted(families, key=str)


# -- mutants ---------------------------------------------------------------------------------
def mutants(base: Base) -> Iterator[tuple[str, sp.Expr]]:
    rhs, n = base.rhs, base.notation.count
    yield "sign flip", -rhs
    for factor in (2, sp.Rational(1, 2), 3):
        yield "constant factor", factor * rhs
    for node, put in places(rhs):
        if isinstance(node, sp.Add):
            for term in node.args:
                yield "sign flip", put(node.func(*[-t if t is term else t for t in node.args]))
                yield "dropped term", put(node.func(*[t for t in node.args if t is not term]))
        if isinstance(node, sp.Number) and abs(node) != 1 and node != 0:
            yield "constant factor", put(node + 1)
        if isinstance(node, sp.Pow) and node.exp.is_Integer and node.exp > 1:
            yield "dropped power", put(node.base ** (node.exp - 1))
        if isinstance(node, sp.Pow) and node.base == n and node.exp == -1:
            yield "missing 1/n", put(sp.S.One)
            yield "missing 1/n", put(1 / (n - 1))
        if isinstance(node, sp.Mul):
            yield from _sigma_prime_slips(node, put)
            factors = [f for f in node.args if not f.is_Number and not isinstance(f, sp.Pow)]
            for f in factors[:2]:
                yield "added power", put(node.func(*[g**2 if g is f else g for g in node.args]))
        if isinstance(node, sp.Sum):
            yield from _sum_slips(node, put)
    yield from _swaps(base)


def _sigma_prime_slips(node: sp.Mul, put):
    """σ' = σ(1 − σ) written as σ(1 + σ), or as 1 − σ."""
    for slope in node.args:
        other = 1 - slope
        if isinstance(slope, sp.Add) or other not in node.args:
            continue
        rest = [f for f in node.args if f != other and f != slope]
        yield "sigma prime as s(1+s)", put(sp.Mul(*rest, slope, 1 + slope))
        yield "sigma prime as 1-s", put(sp.Mul(*rest, other))


def _sum_slips(node: sp.Sum, put):
    (index, low, high), = node.limits
    for limits in ((index, low - 1, high), (index, low + 1, high), (index, low, high - 1), (index, low, high + 1)):
        yield "summation range", put(sp.Sum(node.function, limits))
    yield "missing sum", put(node.function)
    uses = sorted(node.function.atoms(sp.Indexed), key=str)
    if uses:
        yield "swapped index", put(sp.Sum(node.function.xreplace({uses[0]: uses[0].base[OTHER_INDEX]}), node.limits))


def _swaps(base: Base):
    symbols, families = _leaves(base)
    for group in (symbols, families):
        present = [leaf for leaf in group if base.rhs.has(leaf)]
        for leaf in present:
            for other in [o for o in group if o != leaf][:3]:
                yield "swapped name", base.rhs.xreplace({leaf: other, other: leaf})
    if free_index_symbols(base.lhs):
        (index,) = free_index_symbols(base.lhs)
        yield "summed a per-sample claim", sp.Sum(base.rhs, (index, 1, base.notation.count))


# -- rewrites --------------------------------------------------------------------------------
def rewrites(base: Base) -> Iterator[tuple[str, sp.Expr]]:
    rhs = base.rhs
    if isinstance(rhs, (sp.Add, sp.Mul)):
        yield "terms reordered", rhs.func(*reversed(rhs.args), evaluate=False)
    yield "expanded", sp.expand(rhs)
    yield "summands expanded", _map_sums(rhs, lambda f, limits: sp.Sum(sp.expand(f), limits))
    yield "factored", sp.factor_terms(rhs)
    yield "summands factored", _map_sums(rhs, lambda f, limits: sp.Sum(sp.factor(f), limits))
    yield "collected", _map_sums(rhs, _collected)
    yield "index renamed", _map_sums(rhs, lambda f, limits: sp.Sum(f.xreplace({limits[0]: OTHER_INDEX}), (OTHER_INDEX, *limits[1:])))
    yield "constants out of sums", _map_sums(rhs, _constants_out)
    yield "sums split", _map_sums(rhs, _split)
    for node, put in places(rhs):
        if isinstance(node, sp.Mul) and sum(f.has(sp.Sum) for f in node.args) == 1:
            total = next(f for f in node.args if f.has(sp.Sum))
            if isinstance(total, sp.Sum):
                outside = sp.Mul(*[f for f in node.args if f is not total])
                yield "constants into sums", put(sp.Sum(outside * total.function, total.limits))
    merged = _merge(sp.expand(_map_sums(rhs, _split)))
    if merged is not None:
        yield "sums merged", merged
    yield from _unfold_activations(base)


def _map_sums(expr, change):
    """Every Σ replaced by change(summand, limits) (summands changed first, inside out)."""
    def visit(node):
        if isinstance(node, sp.Sum):
            (limits,) = node.limits
            return change(visit(node.function), limits)
        if isinstance(node, sp.Indexed) or not node.args:
            return node
        if isinstance(node, sp.Derivative):
            return sp.Derivative(visit(node.expr), *node.variable_count)
        return node.func(*[visit(arg) for arg in node.args])

    return visit(expr)


def _collected(summand, limits):
    parameters = sorted(summand.free_symbols - {limits[0]}, key=str)
    return sp.Sum(sp.collect(sp.expand(summand), parameters), limits)


def _constants_out(summand, limits):
    constant, rest = summand.as_independent(limits[0], as_Add=False)
    return constant * sp.Sum(rest, limits)


def _split(summand, limits):
    """Σ (f + g + …) as Σ f + Σ (g + …)."""
    terms = sp.Add.make_args(sp.expand(summand))
    if len(terms) < 2:
        return sp.Sum(summand, limits)
    return sp.Sum(terms[0], limits) + sp.Sum(sp.Add(*terms[1:]), limits)


def _merge(expr):
    """c_1 Σ f_1 + c_2 Σ f_2 + … over one range as a single Σ (None when there is nothing to merge)."""
    terms = sp.Add.make_args(expr)
    sums = []
    for term in terms:
        coefficient, total = term.as_independent(sp.Sum, as_Add=False)
        if not isinstance(total, sp.Sum):
            return None
        sums.append((coefficient, total))
    if len(sums) < 2 or len({s.limits for _, s in sums}) != 1:
        return None
    return sp.Sum(sp.Add(*[c * s.function for c, s in sums]), sums[0][1].limits)


def _unfold_activations(base: Base):
    """a_i written as its definition σ(…), outside ∂ variables (a layer recursion unrolled)."""
    bodies = {}
    for lhs, body in base.definitions:
        if isinstance(lhs, sp.Indexed) and getattr(body, "func", None).__name__ == "sigma":
            bodies[lhs.base] = (lhs.indices[0], body)
    for node, put in places(base.rhs):
        if isinstance(node, sp.Indexed) and node.base in bodies and base.rhs.has(node):
            param, body = bodies[node.base]
            yield "definition substituted", put(body.xreplace({param: node.indices[0]}))
            return


# -- classification by the oracle ----------------------------------------------------------
def breaks_binding(lhs, rhs, count) -> bool:
    """An index free on the right only, free on the left but summed on the right, or summed over
    samples that do not exist (i = 0 or i = n + 1)."""
    left, right = free_index_symbols(lhs), free_index_symbols(rhs)
    sums = rhs.atoms(sp.Sum)
    summed = {lim[0] for total in sums for lim in total.limits}
    outside = any(low < 1 or (high - count).is_positive for total in sums for _, low, high in total.limits)
    return bool(right - left) or bool((left - right) & summed) or outside


def candidates(base: Base) -> list[tuple[bool, str, sp.Expr]]:
    """(is a rewrite, kind, right side) for every distinct change of `base`, unclassified."""
    found, seen = [], {sp.srepr(base.rhs)}
    for rewrite, generator in ((False, mutants), (True, rewrites)):
        for kind, rhs in generator(base):
            key = sp.srepr(rhs)
            if key not in seen:
                seen.add(key)
                found.append((rewrite, kind, rhs))
    return found


def oracle_for(base: Base, seed: int = 0) -> Oracle:
    return Oracle(base.lhs, base.definitions, base.notation.held_constant, base.notation.count, seed)


def classify(base: Base, oracle: Oracle, rewrite: bool, kind: str, rhs) -> Variant | None:
    """The candidate as a Variant if the oracle agrees it is one (a false mutant, a true
    rewrite); None for a mutant that is accidentally true or a rewrite that changed the value."""
    broken = breaks_binding(base.lhs, rhs, base.notation.count)
    false = broken or oracle.differs(rhs)
    if rewrite == false:
        return None
    return Variant(base, kind, rhs, rewrite, broken)


@dataclass
class Variants:
    """A base claim's classified variants, and what the oracle threw away."""

    mutants: list
    rewrites: list
    accidentally_true: int = 0
    not_rewrites: int = 0


def variants(base: Base, seed: int = 0) -> Variants:
    """The false mutants and the true rewrites of `base`, confirmed by the oracle."""
    oracle, result = oracle_for(base, seed), Variants([], [])
    for rewrite, kind, rhs in candidates(base):
        variant = classify(base, oracle, rewrite, kind, rhs)
        if variant is None and rewrite:
            result.not_rewrites += 1
        elif variant is None:
            result.accidentally_true += 1
        else:
            (result.rewrites if rewrite else result.mutants).append(variant)
    return result
