"""True derivatives, computed through the derivation's own definitions.

``∂_{w_1} C`` is found the way back-propagation finds it: by the chain rule through the defined
names (C, then a_i, then σ), never by expanding the composed expression, so results stay in the
notes' notation (``a_i (1 - a_i) i_1``) and the cost grows with depth, not with expression size.

Three readings matter here and are printed by the report:

* a derivative with respect to one sample's quantity, ``∂_{x_k} Σ_{i=a}^{b} f(x_i)``, is the
  single term i = k where a ≤ k ≤ b, and 0 elsewhere; where that depends on n or on a free index,
  the result is a :class:`sympy.Piecewise` whose condition the verdict reports (a free index
  such as i or j names one of the samples 1 … n);
* ``∂x_j / ∂x_k`` is the Kronecker delta δ_jk: 1 for the same sample, 0 for another;
* held-constant families (targets and pseudo-targets) are constants under ∂, whatever their value.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from symgrad.check.equivalence import (
    NotLinearInSums,
    canonical_index,
    sum_decomposition,
)
from symgrad.check.kinks import kinks
from symgrad.check.scope import Scope, head_of, outermost, rename_bound
from symgrad.notation import layer_of, plain, sigma


def _stem(name) -> str | None:
    text = name.name if isinstance(name, sp.Symbol) else str(name.base) if isinstance(name, sp.Indexed) else None
    found = layer_of(text) if text else None
    return found[0] if found else None


def _layer(name) -> sp.Expr | None:
    """The layer of a layered name (a^{(l-1)} → l − 1), or None."""
    text = name.name if isinstance(name, sp.Symbol) else str(name.base) if isinstance(name, sp.Indexed) else None
    found = layer_of(text) if text else None
    return found[1] if found else None


#: Decorations that mark a computed quantity (ŷ a prediction, θ̃ an estimate).
_ESTIMATES = ("\\hat", "\\tilde", "\\widehat", "\\widetilde")


def _depends(expr, var) -> bool:
    """Whether `expr` may change with `var`: x_j depends on x_k (they may be the same sample)."""
    if var in expr.free_symbols:
        return True
    return isinstance(var, sp.Indexed) and any(node.base == var.base for node in expr.atoms(sp.Indexed))


class UnsupportedDerivative(Exception):
    """A derivative symgrad cannot take in this form (the claim becomes inconclusive)."""


def _limit_through_sums(expr, variable, point):
    """The two-sided limit of `expr`; a sum over the samples (finitely many, n of them) term by term,
    the sums over one range merged first: (Σ f(w + h) − Σ f(w))/h → Σ f′(w)."""
    try:
        groups, rest = sum_decomposition(sp.expand(expr, deep=False) if expr.has(sp.Sum) else expr)
    except NotLinearInSums:
        groups, rest = {}, expr
    if not groups:
        return _two_sided_limit(expr, variable, point)
    value = _two_sided_limit(rest, variable, point)
    for (low, high), summand in groups.items():
        value += sp.Sum(_two_sided_limit(summand, variable, point), (canonical_index(low), low, high))
    return value


def _two_sided_limit(expr, variable, point):
    """The limit from both sides; from one where `expr` is meromorphic there (a Laurent series: a
    finite limit from one side is the limit from both), which halves the work."""
    side = "+" if expr.is_meromorphic(variable, point) else "+-"
    return sp.limit(expr, variable, point, dir=side)


def difference_quotient(body: sp.Expr, step: sp.Symbol) -> sp.Expr | None:
    """The derivative a difference quotient tends to as the step goes to 0, read off its form:
    (F(…, v + p h, …) − F(…, v + q h, …)) / (d h) → (p − q)/d · ∂F/∂v at v, for any function F the
    document defines (a forward, backward or central difference); None for another form."""
    numerator, denominator = sp.fraction(sp.together(body))
    scale = sp.cancel(denominator / step)
    terms = sp.Add.make_args(sp.expand(numerator, deep=False))
    if step in scale.free_symbols or len(terms) != 2:
        return None
    (c1, f1), (c2, f2) = (term.as_independent(AppliedUndef, as_Add=False) for term in terms)
    if not (isinstance(f1, AppliedUndef) and isinstance(f2, AppliedUndef)) or f1.func != f2.func or sp.simplify(c1 + c2) != 0:
        return None
    moved = [k for k, (a, b) in enumerate(zip(f1.args, f2.args)) if a != b]
    if len(moved) != 1 or step in c1.free_symbols:
        return None
    (k,) = moved
    shift = sp.expand(f1.args[k] - f2.args[k])
    at = [arg.subs(step, 0) for arg in f1.args]
    if [arg.subs(step, 0) for arg in f2.args] != at or not shift.is_polynomial(step) or sp.degree(shift, step) != 1 \
            or shift.subs(step, 0) != 0 or not isinstance(at[k], sp.Symbol) or step in sp.Add(*at).free_symbols:
        return None
    return c1 * shift.coeff(step) / scale * sp.Derivative(f1.func(*at), at[k])


class Calculus:
    """Derivatives and evaluation of claims within one scope."""

    def __init__(self, scope: Scope):
        self.scope = scope
        self._cache: dict = {}
        self._rules: dict = {}
        self._restore: dict = {}

    # -- evaluation -------------------------------------------------------------------------
    def evaluate(self, expr: sp.Expr) -> sp.Expr:
        """`expr` with every ∂ replaced by its true value, written in the notes' names."""
        return self.scope.fold(self.differentiate(expr))

    def differentiate(self, expr: sp.Expr) -> sp.Expr:
        """`expr` with every ∂ and every limit replaced by its true value (in the names it used)."""
        if expr.has(sp.Subs):  # f′ at a point, a value at w = 0: the derivative first, then the point
            expr = expr.replace(lambda e: isinstance(e, sp.Subs), self._at_point)
        if expr.has(sp.Derivative):
            expr = expr.replace(lambda e: isinstance(e, sp.Derivative), self._derivative_node)
        if expr.has(sp.Limit):
            expr = expr.replace(lambda e: isinstance(e, sp.Limit), self._limit_node)
        return expr

    def _at_point(self, node: sp.Subs) -> sp.Expr:
        """The expression at the point, through the definitions it uses (m_i = y_i w x_i at w = 0)."""
        point = dict(zip(node.variables, node.point))
        value = self.scope.unfold(self.differentiate(node.expr))
        kinked = [body for body in (self.scope.unfold(d.expr) for d in node.expr.atoms(sp.Derivative))
                  if self._kink_at(body, point)]
        return self.scope.fold(self._at_kink(value, point, kinked) if kinked else value.xreplace(point))

    @staticmethod
    def _kink_at(body: sp.Expr, point: dict) -> bool:
        """Whether a function has a kink or a jump at the point (max(0, z) and sign(z) at 0)."""
        return any(kink.free_symbols & set(point) and kink.xreplace(point).is_zero for kink in kinks(body))

    @staticmethod
    def _at_kink(value: sp.Expr, point: dict, functions: list) -> sp.Expr:
        """A derivative at a kink of its function: where the function is continuous there and the
        derivative's limits from both sides agree (max(0, z)² at 0), that limit; else no value
        (SymPy's Heaviside(0) = 1/2 and sign(0) = 0 are conventions, not derivatives)."""
        at = ", ".join(f"{plain(name)} = {plain(where)}" for name, where in point.items())
        if len(point) != 1:
            raise UnsupportedDerivative(f"the derivative is taken at {at}, a kink, where it may not exist")
        ((variable, where),) = point.items()

        def sides(expr):
            return [sp.limit(expr, variable, where, dir=d) for d in ("+", "-")]

        for function in functions:
            if not all(side == function.xreplace(point) for side in sides(function)):
                raise UnsupportedDerivative(f"{plain(function)} jumps at {at}: it has no derivative there")
        right, left = sides(value)
        if right == left and right.is_finite:
            return right
        raise UnsupportedDerivative(
            f"the derivative does not exist at {at}, a kink: from the right it is {plain(right)}, "
            f"from the left {plain(left)}, so no value of it can be checked")

    def _limit_node(self, node: sp.Limit) -> sp.Expr:
        """A limit's value, where SymPy finds it (two-sided) through the definitions; else the limit."""
        body, variable, point = node.args[0], node.args[1], node.args[2]
        quotient = difference_quotient(body, variable) if point == 0 else None
        if quotient is not None:
            return self.differentiate(quotient)
        try:
            written_out = self.scope.unfold(self.differentiate(body)).replace(sigma, lambda z: 1 / (1 + sp.exp(-z)))
            value = _limit_through_sums(written_out, variable, point)  # SymPy's limit knows σ only as exp
        except (ValueError, NotImplementedError, TypeError):
            return node
        if value.has(sp.Limit, sp.oo, -sp.oo, sp.zoo, sp.nan) or isinstance(value, sp.AccumBounds):
            return node
        return value

    def _derivative_node(self, node: sp.Derivative) -> sp.Expr:
        value = node.expr
        for variable in node.variables:
            if isinstance(variable, sp.Indexed) and self.scope.is_defined(variable) and not self.scope.uses_of(value, variable.base):
                # ∂L/∂h_i with h_i = tanh(w x_i + b) defined after L: L read through h_i, as the author means it
                value = self.scope.fold(self.scope.unfold(value))
        if isinstance(value, sp.Symbol) and value in self.scope.notation.stand_ins and self.scope.value_of(value) is None:
            raise UnsupportedDerivative(
                f"{value} is not defined in this document, so its derivative is not known (define it, or declare it)"
            )
        for variable, count in node.variable_count:
            self._one_variable_per_name(value, variable)
            for _ in range(int(count)):
                value = self.derivative(value, variable)
        return value

    def _one_variable_per_name(self, value, variable) -> None:
        """∂C/∂x where C depends on x_1 … x_n, and not on a bare x: by which x is not written."""
        if not isinstance(variable, sp.Symbol):
            return
        leaves = self.scope.leaves(value)
        if variable not in leaves and any(isinstance(leaf, sp.IndexedBase) and str(leaf) == variable.name for leaf in leaves):
            raise UnsupportedDerivative(
                f"{plain(value)} depends on {variable.name}_1 … {variable.name}_n, one per sample, not on one "
                f"{variable.name}: differentiate by {variable.name}_i")

    # -- the chain rule ---------------------------------------------------------------------
    def derivative(self, expr: sp.Expr, var: sp.Expr) -> sp.Expr:
        """d expr / d var, through every definition in scope."""
        key = (expr, var)
        if key not in self._cache:
            self._cache[key] = self._derivative(expr, var)
        return self._cache[key]

    def _derivative(self, expr, var):
        if expr == var:
            return sp.S.One
        if isinstance(expr, sp.Derivative):
            return self.derivative(self._derivative_node(expr), var)
        if isinstance(expr, sp.Sum):
            return self._sum_derivative(expr, var)
        if self.scope.is_held(expr):
            return sp.S.Zero
        if _stem(expr) is not None and _stem(expr) == _stem(var):
            unknown = self._unwritten_dependence(expr, var)
            if unknown:
                raise UnsupportedDerivative(unknown)
        value = self.scope.value_of(expr)
        if value is not None:
            return self.derivative(value, var)
        outer, partials = self._local_rule(expr)
        for leaf in outermost(outer, lambda node: isinstance(node, (sp.Symbol, sp.Indexed))):
            unknown = (self._unwritten_dependence(leaf, var) or self._undefined_quantity(leaf, var)
                       or self._defined_below(leaf, var)) if leaf != var else None
            if unknown:
                raise UnsupportedDerivative(unknown)
        unknown = self._undefined_function(outer, var)
        if unknown:
            raise UnsupportedDerivative(unknown)
        result = outer.diff(var) if _depends(outer, var) else sp.S.Zero
        for node, partial in partials:
            inner_derivative = self.derivative(node, var)
            if inner_derivative != 0:
                result += partial * inner_derivative
        return result.xreplace(self._restore[expr]) if partials else result

    def _local_rule(self, expr):
        """`expr` with its inner nodes (sums, defined names) as placeholders, and the partial
        derivative with respect to each: computed once per expression, reused for every variable."""
        if expr not in self._rules:
            inner = self._inner_nodes(expr)
            placeholders = {node: sp.Dummy(f"u{k}", real=True) for k, node in enumerate(inner)}  # values are real
            outer = expr.xreplace(placeholders)
            self._restore[expr] = {symbol: node for node, symbol in placeholders.items()}
            self._rules[expr] = (outer, [(node, outer.diff(symbol)) for node, symbol in placeholders.items()])
        return self._rules[expr]

    def _inner_nodes(self, expr) -> list:
        """Outermost sub-expressions that need their own rule: sums, defined names, ∂s."""
        scope = self.scope
        return outermost(
            expr,
            lambda node: isinstance(node, (sp.Sum, sp.Derivative)) or scope.is_defined(node) or scope.is_held(node),
        )

    @staticmethod
    def _undefined_function(outer, var) -> str | None:
        """h_θ(x) never defined, differentiated by θ: a function named for its parameter depends on
        it in a way not written.  (Through its arguments, f(w x), the chain rule holds for any f.)"""
        variable = str(var.base) if isinstance(var, sp.Indexed) else str(var)
        for applied in outer.atoms(AppliedUndef):
            if variable in str(applied.func).partition("_")[2]:
                return (f"{plain(applied)} is not defined in this document: how it depends on {plain(var)} is not "
                        f"written (define it)")
        return None

    def _undefined_quantity(self, leaf, var) -> str | None:
        """Why ∂leaf/∂var is not known, when `leaf` is a name the document never defines nor
        declares and that may be computed from the parameters (h, ŷ: the reader says which, in
        notation.unknown_dependence), so its derivative is not taken to be 0."""
        symbol = leaf.base.label if isinstance(leaf, sp.Indexed) else leaf
        name = getattr(symbol, "name", str(symbol))
        notation = self.scope.notation
        undeclared = {stand_in.name for stand_in in notation.stand_ins}
        unknown = {quantity.name for quantity in notation.unknown_dependence}
        if name not in undeclared or self.scope.is_defined(leaf) or self.scope.is_held(leaf):
            return None
        if name not in unknown and not name.startswith(_ESTIMATES):
            return None
        if isinstance(leaf, sp.Indexed) and self.scope.is_defined(leaf.base[sp.Dummy()]):
            return None
        return (f"{plain(leaf)} is not defined in this document: how it depends on {plain(var)} is not written "
                f"(define it, or declare it in the notation block's symbols to treat it as a constant)")

    def _defined_below(self, leaf, var) -> str | None:
        """Why ∂leaf/∂var is not known, when the document defines `leaf` only further down."""
        label = self.scope.defined_below.get(head_of(leaf))
        if label is None or self.scope.is_defined(leaf) or self.scope.is_held(leaf):
            return None
        return (f"{plain(leaf)} is defined only below, in ({label}): here it has no value, so how it depends on "
                f"{plain(var)} is not known (define it before it is used)")

    def _unwritten_dependence(self, leaf, var) -> str | None:
        """Why ∂leaf/∂var is not known, when `leaf` is a quantity of a layer that may lie above
        `var`'s with nothing written to say how it depends on it (a^{(L-1)} and z^{(l)}), or is
        `var` itself at a layer that may be the same (b^{(L)} and b^{(l)}).  A parameter
        (w^{(l)}), a target, or a quantity of a layer certainly below does not depend on it."""
        leaf_layer, var_layer = _layer(leaf), _layer(var)
        if leaf_layer is None or var_layer is None or self.scope.is_held(leaf):
            return None
        if _stem(leaf) == _stem(var):
            if (var_layer - leaf_layer).is_zero is None:
                return f"{leaf} and {var} may be the same quantity (when the layers are equal), or not"
            return None
        name = leaf.name if isinstance(leaf, sp.Symbol) else str(leaf.base)
        if name.split("^")[0] in self.scope.notation.parameters or (var_layer - leaf_layer).is_positive is True:
            return None
        if not self.scope.defined_at_some_layer(_stem(leaf)):  # W^{(l)}, never computed: a parameter
            return None
        return f"{leaf} comes from the layers below it, which may include {var}'s layer: how it depends on {var} is not written"

    def _sum_derivative(self, total: sp.Sum, var):
        """∂ of a sum: termwise for a shared variable, the single term j for a sample's a_j."""
        total = rename_bound(total, var.free_symbols)  # Σ_i of ∂/∂z_i: the sum's i is every sample
        if len(total.limits) != 1:  # a nested sum: termwise, and SymPy sums the Kronecker deltas
            derivative = self.derivative(total.function, var)
            if derivative == 0:
                return sp.S.Zero
            termwise = sp.Sum(derivative, *total.limits)
            return self._settled(termwise.doit()) if isinstance(var, sp.Indexed) else termwise
        index, low, high = total.limits[0]
        summand = total.function
        uses = self.scope.uses_of(summand, var.base) if isinstance(var, sp.Indexed) else set()
        if not uses:
            derivative = self.derivative(summand, var)
            return sp.S.Zero if derivative == 0 else sp.Sum(derivative, (index, low, high))
        if uses != {(index,)} or len(var.indices) != 1:
            # x_i x_{i+1}: every use of the family contributes a Kronecker delta, and SymPy sums them
            termwise = sp.Sum(self.derivative(summand, var), (index, low, high)).doit()
            return self._settled(termwise)
        sample = var.indices[0]
        inside = self._in_range(sample, low, high)
        if inside is sp.false:
            return sp.S.Zero
        term = sp.Dummy("k", integer=True)
        local = summand.xreplace({index: term})
        value = self.derivative(local, var.base[term]).xreplace({term: sample})
        return value if inside is sp.true else sp.Piecewise((value, inside), (sp.S.Zero, True))

    def _in_range(self, sample, low, high):
        """Whether low ≤ sample ≤ high: true, false, or the condition (3 ≤ n) when that depends.

        A free index (i, j) is one of the samples, 1 ≤ j ≤ n: that is how it is read.
        """
        return sp.And(*(self._decided(relation) for relation in (sp.Le(low, sample), sp.Le(sample, high))))

    def _decided(self, relation):
        """A relation in the counts and the indices, decided where the reading of indices decides
        it: a free index j runs from 1 to its count c (n for a sample, d for Σ_{k=1}^{d}), so with
        c = j + t (t ≥ 0), j ≤ c holds."""
        if relation in (sp.true, sp.false):
            return relation
        notation = self.scope.notation
        for index in sorted(relation.free_symbols, key=str):
            count = notation.ranges.get(index, notation.count)
            if index.is_integer and index.is_positive and index != count and count in relation.free_symbols:
                rest = sp.Dummy("t", integer=True, nonnegative=True)
                known = relation.subs(count, index + rest)
                if known in (sp.true, sp.false):
                    return known
        return relation

    def _settled(self, expr):
        """`expr` with the conditions of its Piecewise parts decided where the reading decides them."""

        def settle(piecewise):
            pieces = [(value, condition.replace(lambda c: isinstance(c, sp.core.relational.Relational), self._decided))
                      for value, condition in piecewise.args]
            return sp.Piecewise(*pieces)

        return expr.replace(lambda e: isinstance(e, sp.Piecewise), settle)
