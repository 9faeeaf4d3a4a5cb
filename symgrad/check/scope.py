"""The names in force at a point of a derivation, and what they stand for.

Definitions are scoped: the notes define ``y`` three times and ``C`` twice, and a claim means the
definition written most recently before it.  A :class:`Scope` substitutes definitions (unfold),
puts defined names back in place of their bodies (fold, so results read like the notes), and says
which names a derivative must hold constant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from symgrad.notation import (
    Notation,
    is_generic_layer,
    layer_of,
    name_at_layer,
    plain,
    sigma,
)

#: Functions the notation itself knows; a document may restate them but not redefine them.
KNOWN_FUNCTIONS = {sigma: sigma(sp.Symbol("x")).rewrite(sp.exp)}


class DefinitionConflict(ValueError):
    """A document defines a function the notation already knows, differently."""


class CircularDefinition(ValueError):
    """A definition that refers to itself, directly or through other definitions."""


@dataclass(frozen=True)
class Definition:
    """``head(params) := body``; head is a Symbol, an IndexedBase or a function class."""

    head: object
    params: tuple
    body: sp.Expr
    label: str | None = field(default=None, compare=False)

    def apply(self, args) -> sp.Expr:
        """The body with the parameters replaced by `args`.

        A sum or limit in the body whose bound variable also occurs free in an argument is
        renamed first, so the argument is not captured: with a_i = Σ_j x_i x_j, a_j is
        Σ_{j'} x_j x_{j'}, not Σ_j x_j x_j.
        """
        if not self.params:
            return self.body
        taken = set().union(*(arg.free_symbols for arg in args if isinstance(arg, sp.Basic)))
        body = rename_bound(self.body, taken) if taken else self.body
        return body.xreplace({**_components(body, self.params, args), **dict(zip(self.params, args))})

    def reads_components(self, args) -> bool:
        """Whether applying to `args` reads their components (h(x^{(i)}) with x_1, x_2 in h's
        body): then only the written-out application has the right value, not the body at a number."""
        return bool(self.params) and bool(_components(self.body, self.params, args))


def _components(body, params, args) -> dict:
    """h(x) = θ_0 + θ_1 x_1 + θ_2 x_2 applied to sample i's x (x^{(i)}): its components x_1, x_2
    are sample i's features 1 and 2, x_1^{(i)} and x_2^{(i)} (x at (i, 1) and (i, 2))."""
    found = {}
    for param, arg in zip(params, args):
        if not (isinstance(param, sp.Symbol) and isinstance(arg, sp.Indexed) and str(arg.base) == param.name):
            continue
        for symbol in body.free_symbols:  # x_1 written as a name of its own
            head, _, component = getattr(symbol, "name", "").partition("_")
            if head == param.name and component.isdigit():
                found[symbol] = arg.base[(*arg.indices, sp.Integer(component))]
        for element in body.atoms(sp.Indexed):  # x_1 or x_j read as a family x: component 1 or j here
            if str(element.base) == param.name and len(element.indices) == 1:
                found[element] = arg.base[(*arg.indices, element.indices[0])]
    return found


def rename_bound(expr: sp.Expr, taken: set) -> sp.Expr:
    """`expr` with every Σ or lim variable in `taken` renamed to a fresh like-named variable (j → j')."""
    if not expr.has(sp.Sum, sp.Limit):
        return expr
    if isinstance(expr, sp.Sum):
        body, limits = rename_bound(expr.function, taken), []
        for variable, low, high in expr.limits:
            if variable in taken:
                new = _fresh(variable, taken)
                body, variable = body.xreplace({variable: new}), new
            limits.append((variable, low, high))
        return sp.Sum(body, *limits)
    if isinstance(expr, sp.Limit):
        body, variable = rename_bound(expr.args[0], taken), expr.args[1]
        if variable in taken:
            new = _fresh(variable, taken)
            body, variable = body.xreplace({variable: new}), new
        return sp.Limit(body, variable, *expr.args[2:])
    return expr.func(*(rename_bound(arg, taken) for arg in expr.args))


def _fresh(variable: sp.Symbol, taken: set) -> sp.Symbol:
    name = variable.name + "'"
    while any(getattr(symbol, "name", None) == name for symbol in taken):
        name += "'"
    return sp.Symbol(name, **variable.assumptions0)


def _instantiable(layer) -> bool:
    """A layer a generic definition is read at: a whole number from 1, or a letter plus k ≥ 0."""
    if layer.is_Integer:
        return layer >= 1
    letters = layer.free_symbols
    return len(letters) == 1 and (layer - next(iter(letters))).is_nonnegative is True


def at_layer(expr, letter, layer):
    """`expr` with every name at layer letter + k renamed to layer `layer` + k."""
    replacements = {}
    for leaf in expr.atoms(sp.Symbol, sp.IndexedBase):
        name = leaf.name if isinstance(leaf, sp.Symbol) else str(leaf.label)
        found = layer_of(name)
        if found is None or letter not in found[1].free_symbols:
            continue
        renamed = name_at_layer(found[0], sp.expand(found[1].subs(letter, layer)))
        replacements[leaf] = sp.Symbol(renamed, **leaf.assumptions0) if isinstance(leaf, sp.Symbol) else sp.IndexedBase(renamed, real=True)
    return expr.xreplace(replacements) if replacements else expr


def _same_names(body, params) -> sp.Expr:
    """The body with every name spelled like a parameter made that parameter: in g(k) = Σ_i x_i x_k,
    the k of x_k (an index) is the parameter k (a number)."""
    by_name = {param.name: param for param in params if isinstance(param, sp.Symbol)}
    renames = {s: by_name[s.name] for s in body.free_symbols if isinstance(s, sp.Symbol) and s.name in by_name and s != by_name[s.name]}
    return body.xreplace(renames) if renames else body


def head_of_any(expr, head) -> bool:
    """Whether `expr` contains an occurrence of `head` (a Symbol, a family, a function)."""
    if isinstance(head, sp.IndexedBase):
        return any(node.base == head for node in expr.atoms(sp.Indexed))
    if isinstance(head, sp.Symbol):
        return head in expr.free_symbols
    return expr.has(head)


def _uses(expr, base: sp.IndexedBase) -> set:
    """The index tuples at which `base` appears in `expr`, a sum's bound index as a fresh one."""
    if isinstance(expr, sp.Indexed):
        return {expr.indices} if expr.base == base else set()
    if isinstance(expr, sp.Sum):
        bound = {limit[0]: sp.Dummy(str(limit[0]), integer=True) for limit in expr.limits}
        found = _uses(expr.function.xreplace(bound), base)
        return found.union(*(_uses(end, base) for limit in expr.limits for end in limit[1:]))
    return set().union(*(_uses(arg, base) for arg in expr.args)) if expr.args else set()


def _is_parameter(param) -> bool:
    """A function's parameter written as a name: w, or one of a numbered family, θ_0."""
    return param.is_Symbol or isinstance(param, sp.Indexed) and all(i.is_Integer for i in param.indices)


def head_of(expr):
    """The name an expression is an occurrence of: C, a (for a[i]) or C (for C(w)); else None."""
    if isinstance(expr, sp.Symbol):
        return expr
    if isinstance(expr, sp.Indexed):
        return expr.base
    if isinstance(expr, (AppliedUndef, sigma)):
        return expr.func
    return None


def free_indices(expr, bound: frozenset = frozenset()) -> set:
    """Sample indices used in `expr` and not bound by a sum around them."""
    if isinstance(expr, sp.Sum):
        inner = bound | {limit[0] for limit in expr.limits}
        return free_indices(expr.function, inner)
    if isinstance(expr, sp.Indexed):
        return {index for index in expr.indices if index.is_Symbol and index not in bound}
    found = set()
    for arg in expr.args:
        found |= free_indices(arg, bound)
    return found


def outermost(expr, matches) -> list:
    """The sub-expressions of `expr` for which `matches` holds, not looking inside a match (nor
    inside a family element x[i], whose parts are a name and an index)."""
    found = []

    def visit(node):
        if matches(node):
            found.append(node)
        elif not isinstance(node, sp.Indexed):
            for arg in node.args:
                visit(arg)

    visit(expr)
    return found


def names_in(expr) -> tuple[set, set]:
    """The free Symbols and the families (IndexedBases) `expr` uses, as a reader sees them: a
    family's name and index are not Symbols of their own, a sum's bound variable is not free."""
    names = outermost(expr, lambda node: isinstance(node, (sp.Symbol, sp.Indexed)))
    free = expr.free_symbols
    symbols = {node for node in names if isinstance(node, sp.Symbol) and node in free}
    return symbols, {node.base for node in names if isinstance(node, sp.Indexed)}


def arguments_of(expr) -> tuple:
    if isinstance(expr, sp.Indexed):
        return expr.indices
    if isinstance(expr, sp.Function):
        return expr.args
    return ()


class Scope:
    """Definitions in force, in the order they were made (a later one replaces an earlier one)."""

    def __init__(self, notation: Notation):
        self.notation = notation
        self.definitions: dict[object, Definition] = {}
        #: Names the document defines further down, with the label that does: above it they have
        #: no value, and are not data either (p_i used before p_i = … is not independent of w).
        self.defined_below: dict[object, str] = {}
        self._cache: dict = {}

    def copy(self) -> "Scope":
        clone = Scope(self.notation)
        clone.definitions = dict(self.definitions)
        clone.defined_below = dict(self.defined_below)
        return clone

    def redefine(self, head, body) -> "Scope":
        """A copy in which `head` has a different body (to test a hypothesis about a slip)."""
        clone = self.copy()
        old = self.definitions[head]
        clone.definitions[head] = Definition(head, old.params, body, old.label)
        return clone

    def memo(self, key, compute):
        """`compute()`, once for the definitions in force (a new definition clears every memo)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def labels_used(self, *exprs) -> list[str]:
        """The labels of the definitions `exprs` rest on, in the document's order."""
        labels = {d.label for e in exprs for d in self.definitions_used(e) if d.label is not None}
        order = [d.label for d in self.definitions.values()]
        return sorted(labels, key=order.index)

    def define(self, lhs: sp.Expr, body: sp.Expr, label: str | None = None) -> None:
        """Record ``lhs := body`` (equation `label`); a known function must be restated, not redefined."""
        head = head_of(lhs)
        if head is None:
            raise ValueError(f"cannot define {lhs}: not a name, a family element or a function")
        params = tuple(arguments_of(lhs))
        body = _same_names(body, params)
        if head in KNOWN_FUNCTIONS:
            self._check_restatement(head, params, body)
            return
        candidate = Definition(head, params, body, label)
        self.defined_below.pop(head, None)
        if self._reaches(body, head):
            raise CircularDefinition(f"{plain(head)} is defined through itself: it has no value to substitute")
        self._record(candidate)
        if isinstance(head, sp.core.function.UndefinedFunction) and all(_is_parameter(p) for p in params):
            # after C(w) = …, a bare C is C(w): ∂C/∂w differentiates the definition, not a new name
            name = sp.Symbol(head.__name__, real=True)
            self._record(Definition(name, (), body, label))
        self._cache.clear()

    def _at_other_layer(self, head):
        """A definition written for a generic layer (z^{(l)} = w^{(l)} a^{(l-1)} + b^{(l)}) at the layer
        `head` names: L, l + 1 or 2 (not 0, nor a layer below a letter, such as l − 1: those stay
        whatever the layers below compute, which also keeps the recursion finite)."""
        name = head.name if isinstance(head, sp.Symbol) else str(head.label) if isinstance(head, sp.IndexedBase) else None
        found = layer_of(name) if name else None
        if found is None or not _instantiable(found[1]):
            return None
        stem, layer = found
        key = ("layer", stem, layer)
        if key not in self._cache:
            self._cache[key] = self._instantiated(head, stem, layer)
        return self._cache[key]

    def _instantiated(self, head, stem, layer):
        for other, definition in self.definitions.items():
            other_name = other.name if isinstance(other, sp.Symbol) else str(other.label) if isinstance(other, sp.IndexedBase) else None
            generic = layer_of(other_name) if other_name else None
            if generic is None or generic[0] != stem or not is_generic_layer(generic[1]) or type(other) is not type(head):
                continue
            letter = generic[1]
            body = at_layer(definition.body, letter, layer)
            params = tuple(at_layer(param, letter, layer) for param in definition.params)
            return Definition(head, params, body, definition.label)
        return None

    def _record(self, definition: Definition) -> None:
        """In force from now on; the definitions stay in the order they were made."""
        self.definitions.pop(definition.head, None)
        self.definitions[definition.head] = definition

    def _reaches(self, expr, head) -> bool:
        """Whether `expr` uses `head`, directly or through the definitions in force."""
        if head_of_any(expr, head):
            return True
        return any(head_of_any(d.body, head) for d in self.definitions_used(expr))

    def _check_restatement(self, head, params, body) -> None:
        known = KNOWN_FUNCTIONS[head].subs(sp.Symbol("x"), params[0])
        if sp.simplify(known - body.rewrite(sp.exp)) != 0:
            raise DefinitionConflict(
                f"{plain(head(params[0]))} is read as the logistic sigmoid 1/(1 + e^(−{plain(params[0])})); "
                f"this defines it as {plain(body)}"
            )

    # -- queries --------------------------------------------------------------------------
    def value_of(self, expr) -> sp.Expr | None:
        """The value of a defined occurrence (C, a[j], C(u)), or None if it is not defined.

        C(w) for C(w, b) = … is C with b as it is: the arguments written are the parameters by name.
        """
        definition = self._definition_for(expr)
        if definition is None:
            return None
        args = arguments_of(expr)
        if len(args) != len(definition.params):
            return definition.body
        if (isinstance(definition.head, sp.core.function.UndefinedFunction) and tuple(args) != tuple(definition.params)
                and self.defined_occurrences(definition.body)):
            # C(0, 0) with C(w, b) = (1/n) Σ (a_i − y_i)² and a_i = σ(w x_i + b): a_i at w = 0 too
            definition = Definition(definition.head, definition.params, self.unfold(definition.body), definition.label)
        return definition.apply(args)

    def is_defined(self, expr) -> bool:
        """True for an occurrence of a defined name (cheaper than computing its value)."""
        return self._definition_for(expr) is not None

    def definition_of(self, expr):
        """The definition an occurrence (C, a[j], C(u), z^{(L)}) uses, or None."""
        return self._definition_for(expr)

    def defined_at_some_layer(self, stem: str) -> bool:
        """Whether some layer of `stem` (as layer_of gives it: "a{}") is computed by a definition."""
        for head in self.definitions:
            name = head.name if isinstance(head, sp.Symbol) else str(head.label) if isinstance(head, sp.IndexedBase) else None
            found = layer_of(name) if name else None
            if found is not None and found[0] == stem:
                return True
        return False

    def _has_definition(self, head) -> bool:
        """Whether a name (C, the family a, z^{(L)} through z^{(l)}'s definition) is defined."""
        return head in self.definitions or self._at_other_layer(head) is not None

    def _definition_for(self, expr):
        head = head_of(expr)
        definition = self.definitions.get(head) if head is not None else None
        if definition is None and head is not None:
            definition = self._at_other_layer(head)
        if definition is None:
            return None
        args = arguments_of(expr)
        if len(args) == len(definition.params):
            return definition
        if isinstance(expr, AppliedUndef) and args and set(args) < set(definition.params):
            return definition  # C'(w) of C(w, b): the parameters not written stay as they are
        return None

    def is_held(self, expr) -> bool:
        """True for occurrences of a family a derivative treats as constant (targets)."""
        return isinstance(expr, sp.Indexed) and expr.base in self.notation.held_constant

    def defined_occurrences(self, expr) -> set:
        """The occurrences of defined names in `expr`, outermost only."""
        return set(outermost(expr, self.is_defined))

    # -- rewriting ------------------------------------------------------------------------
    def unfold(self, expr: sp.Expr, keep_activations: bool = False) -> sp.Expr:
        """Substitute definitions until only undefined names remain.

        With `keep_activations`, activations (a_i = σ(…)) stay as names: the other definitions
        (errors, costs, pseudo-targets) are written out in terms of them.
        """
        occurrences = self.defined_occurrences(expr)
        if keep_activations:
            occurrences = {occ for occ in occurrences if not self.is_activation(occ)}
        if not occurrences:
            return expr
        return expr.xreplace({occ: self._unfolded(occ, keep_activations) for occ in occurrences})

    def _unfolded(self, occurrence, keep_activations: bool) -> sp.Expr:
        key = ("unfold", occurrence, keep_activations)
        if key not in self._cache:
            self._cache[key] = self.unfold(self.value_of(occurrence), keep_activations)
        return self._cache[key]

    def forms(self, *exprs, through_activations: bool = True):
        """The expressions written in activations, then fully unfolded (if that differs).

        Each form is equal in value to the last, so an identity proven in any form is proven;
        the first is the cheap one, the second the one that can see through activations (and
        is large for a deep network: `through_activations=False` skips it).
        """
        in_activations = tuple(self.unfold(e, keep_activations=True) for e in exprs)
        yield in_activations
        if through_activations:
            unfolded = tuple(self.unfold(e) for e in in_activations)
            if unfolded != in_activations:
                yield unfolded

    def definitions_used(self, expr) -> frozenset:
        """Every definition `expr` depends on, directly or through other definitions."""
        found = set()
        for occurrence in self.defined_occurrences(expr):
            definition = self._definition_for(occurrence)
            if definition not in found:
                found.add(definition)
                found |= self.definitions_used(definition.body)
        return frozenset(found)

    def is_activation(self, occurrence) -> bool:
        """A family element whose definition applies a known function: a_i = σ(…)."""
        definition = self._definition_for(occurrence)
        body = definition.body if definition is not None else None
        return isinstance(occurrence, sp.Indexed) and isinstance(body, sp.Function) and body.func in KNOWN_FUNCTIONS

    def fold(self, expr: sp.Expr) -> sp.Expr:
        """Write family values back as their names: σ(x_i w + b) becomes a_i, as the notes do.

        Only per-sample families are folded (a plain name such as y = w x would swallow every
        product w x), and not held-constant ones (pseudo-targets read better unfolded).
        """
        indices = frozenset(idx for ind in expr.atoms(sp.Indexed) for idx in ind.indices if idx.is_Symbol)
        replacements = self._fold_map(indices) if indices else None
        return expr.xreplace(replacements) if replacements else expr

    def _fold_map(self, indices: frozenset) -> dict:
        key = ("fold", indices)
        if key not in self._cache:
            replacements = {}
            for head, definition in self.definitions.items():
                if not isinstance(head, sp.IndexedBase) or head in self.notation.held_constant:
                    continue
                if len(definition.params) != 1 or definition.body.is_Atom or definition.body.is_Indexed:
                    continue
                for index in indices:
                    replacements[definition.apply((index,))] = head[index]
            self._cache[key] = replacements
        return self._cache[key]

    def leaves(self, expr) -> set:
        """The undefined names `expr` depends on (Symbols and IndexedBases), through definitions."""
        key = ("leaves of", expr)
        if key not in self._cache:
            self._cache[key] = self._leaves(expr)
        return self._cache[key]

    def _leaves(self, expr) -> set:
        symbols, families = names_in(expr)
        found = {leaf for leaf in symbols | families if not self._has_definition(leaf)}
        for occurrence in self.defined_occurrences(expr):
            definition = self._definition_for(occurrence)
            key = ("leaves", definition)
            if key not in self._cache:
                self._cache[key] = self.leaves(definition.body) - set(definition.params)
            found |= self._cache[key]
        return found

    def uses_of(self, expr, base: sp.IndexedBase) -> set:
        """The index tuples at which family `base` is used in `expr`, through definitions.

        Held-constant families are not followed: a derivative does not look through them.  An
        index a sum binds is its own (μ = Σ_i z_i uses every z, not the z_i of a sum around it).
        """
        found = _uses(expr, base)
        for occurrence in self.defined_occurrences(expr):
            if self.is_held(occurrence) or head_of(occurrence) == base:
                continue
            key = ("uses", occurrence, base)
            if key not in self._cache:
                self._cache[key] = self.uses_of(self.value_of(occurrence), base)
            found |= self._cache[key]
        return found
