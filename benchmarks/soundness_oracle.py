"""An oracle independent of symgrad: is a claim true, judged on explicit finite sums in mpmath?

symgrad's verdicts are what the soundness benchmark measures, so they cannot also decide which
mutants are false.  This oracle shares none of its code: at a concrete n every Σ_{i=lo}^{hi} is
written out term by term, every family element x_k becomes its own variable, defined names are
substituted (definitions in force, later ones replacing earlier ones), σ is 1/(1 + e^{-u}), ∂ is
SymPy's `diff` of the explicit expression (held-constant families stay variables while
differentiating, as targets do), and both sides are evaluated at random points with 50 digits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

COUNTS = (1, 2, 3)
TRIALS = 2
DIGITS = 50
TOLERANCE = mpmath.mpf(10) ** -30


def free_index_symbols(expr, bound=frozenset()) -> set:
    """Index symbols used by family elements in `expr` and not bound by a Σ around them."""
    if isinstance(expr, sp.Sum):
        return free_index_symbols(expr.function, bound | {lim[0] for lim in expr.limits})
    if isinstance(expr, sp.Indexed):
        return {s for idx in expr.indices for s in idx.free_symbols if s not in bound}
    if isinstance(expr, sp.Derivative):
        found = free_index_symbols(expr.expr, bound)
        for variable in expr.variables:
            found |= free_index_symbols(variable, bound)
        return found
    found = set()
    for arg in expr.args:
        found |= free_index_symbols(arg, bound)
    return found


def _head(expr):
    if isinstance(expr, sp.Indexed):
        return expr.base
    if isinstance(expr, AppliedUndef):
        return expr.func
    return expr


@dataclass
class World:
    """The definitions in force and the held-constant families, at one concrete sample count."""

    definitions: dict
    held: frozenset
    count_symbol: sp.Symbol
    n: int
    atoms: dict = field(default_factory=dict)
    origin: dict = field(default_factory=dict)
    memo: dict = field(default_factory=dict)

    def atom(self, base, k: int) -> sp.Dummy:
        """The variable standing for family element base[k]."""
        key = (base, k)
        if key not in self.atoms:
            self.atoms[key] = sp.Dummy(f"{base}[{k}]", real=True)
            self.origin[self.atoms[key]] = key
        return self.atoms[key]

    def explicit(self, expr, env: dict, opaque: frozenset) -> sp.Expr:
        """`expr` written out at this n: no Σ, no ∂, no defined name outside `opaque`."""
        if isinstance(expr, sp.Sum):
            (index, low, high), = expr.limits
            low, high = (int(self.explicit(limit, env, opaque)) for limit in (low, high))
            return sp.Add(*[self.explicit(expr.function, {**env, index: k}, opaque) for k in range(low, high + 1)])
        if isinstance(expr, sp.Derivative):
            return self._derivative(expr, env, opaque)
        if isinstance(expr, sp.Indexed):
            (index,) = expr.indices
            k = int(self.explicit(index, env, opaque))
            return self._element(expr.base, k, opaque)
        if isinstance(expr, sp.Symbol):
            if expr in env:
                return sp.Integer(env[expr])
            if expr == self.count_symbol:
                return sp.Integer(self.n)
            if expr in self.definitions and expr not in opaque:
                return self.explicit(self.definitions[expr][1], {}, opaque)
            return expr
        if isinstance(expr, AppliedUndef):
            params, body = self.definitions[expr.func]
            args = [self.explicit(arg, env, opaque) for arg in expr.args]
            return self.explicit(body, {}, opaque).xreplace(dict(zip(params, args)))
        if isinstance(expr, sp.Function) and expr.func.__name__ == "sigma":
            (argument,) = expr.args
            return 1 / (1 + sp.exp(-self.explicit(argument, env, opaque)))
        if not expr.args:
            return expr
        return expr.func(*[self.explicit(arg, env, opaque) for arg in expr.args])

    def _element(self, base, k: int, opaque: frozenset):
        if base not in self.definitions or base in opaque:
            return self.atom(base, k)
        key = (base, k, opaque)
        if key not in self.memo:
            (param,), body = self.definitions[base]
            self.memo[key] = self.explicit(body, {param: k}, opaque)
        return self.memo[key]

    def _derivative(self, expr: sp.Derivative, env: dict, opaque: frozenset):
        key = (expr, frozenset(env.items()), opaque)
        if key not in self.memo:
            self.memo[key] = self._differentiate(expr, env, opaque)
        return self.memo[key]

    def _differentiate(self, expr: sp.Derivative, env: dict, opaque: frozenset):
        value = expr.expr
        for variable, times in expr.variable_count:
            if isinstance(variable, sp.Indexed):
                (index,) = variable.indices
                target = self.atom(variable.base, int(self.explicit(index, env, opaque)))
                keep = {variable.base}
            else:
                target, keep = variable, {variable}
            inner = self.explicit(value, env, opaque | self.held | keep)
            value = sp.diff(inner, target, int(times))
            env = {}
        return self._unfold(value, opaque)

    def _unfold(self, expr, opaque: frozenset):
        """Substitute the definitions of variables a derivative kept (a_k, held targets)."""
        replacements = {}
        for symbol in expr.free_symbols:
            if symbol in self.origin:
                base, k = self.origin[symbol]
                value = self._element(base, k, opaque)
                if value != symbol:
                    replacements[symbol] = value
            elif symbol in self.definitions and symbol not in opaque:
                replacements[symbol] = self.explicit(symbol, {}, opaque)
        return expr.xreplace(replacements) if replacements else expr


def scope_of(definitions) -> dict:
    """{head: (params, body)} from (lhs, rhs) pairs in order; σ restated is left to the oracle."""
    table = {}
    for lhs, rhs in definitions:
        if isinstance(lhs, sp.Function) and lhs.func.__name__ == "sigma":
            continue
        if isinstance(lhs, sp.Indexed):
            params = tuple(lhs.indices)
        elif isinstance(lhs, AppliedUndef):
            params = lhs.args
        else:
            params = ()
        table[_head(lhs)] = (params, rhs)
    return table


class Oracle:
    """Decides ``lhs = rhs`` for many right sides of one base claim: the left side's values are
    computed once, at fixed points (n, free indices, values); a right side differs if any point
    shows a 50-digit relative difference.  Points where a side has no real value are skipped."""

    def __init__(self, lhs, definitions, held, count_symbol, seed: int = 0):
        table = scope_of(definitions)
        self.indices = sorted(free_index_symbols(lhs), key=str)
        rng = random.Random(seed)
        self.points = []
        with mpmath.workdps(DIGITS):
            for n in COUNTS:
                world = World(table, frozenset(held), count_symbol, n)
                for trial in range(TRIALS):
                    env = {index: rng.randint(1, n) for index in self.indices}
                    point = (world, env, f"{seed}/{n}/{trial}/")
                    self.points.append((point, self._value(lhs, point)))

    def _value(self, expr, point):
        world, env, salt = point
        explicit = world.explicit(expr, env, frozenset())
        if explicit.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        symbols = sorted(explicit.free_symbols, key=str)
        values = [mpmath.mpf(random.Random(salt + str(s)).uniform(-2, 2)) for s in symbols]
        try:
            value = sp.lambdify(symbols, explicit, modules="mpmath")(*values)
        except (ZeroDivisionError, ValueError, TypeError):
            return None
        return None if isinstance(value, mpmath.mpc) else value

    def differs(self, rhs) -> bool:
        """True when the left side and `rhs` differ at some point."""
        if free_index_symbols(rhs) - set(self.indices):
            raise ValueError("rhs has a free index the left side does not bind")
        with mpmath.workdps(DIGITS):
            for point, left in self.points:
                right = None if left is None else self._value(rhs, point)
                if right is not None and abs(left - right) > TOLERANCE * max(1, abs(left), abs(right)):
                    return True
        return False
