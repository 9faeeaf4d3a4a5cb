"""Claims about a generic layer (Nielsen's BP1–BP4), checked on chains of every length L = 1 … 4.

A claim such as δ^l = w^{l+1} δ^{l+1} σ'(z^l) relates layers whose distance is not known (l and
L): the chain rule cannot be taken through it symbolically.  Instead the document's definitions
are replayed on chains of L = 1 … MAX_LAYERS layers, every layer a number, and the claim is
decided at every layer l = 1 … L of each.  A claim that holds at every instance is
`numerically-equal`: instances, not a proof for every L, and the evidence says so.  A failure
gives its instance (L and l) first in the counterexample.

A line that names no layer letter, only numbered layers (∂C/∂w^1 = … "written out for L = 2"),
is read at L = its highest layer, and the report prints that reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import sympy as sp

from symgrad.check.calculus import Calculus, UnsupportedDerivative
from symgrad.check.equivalence import decide
from symgrad.check.scope import CircularDefinition, DefinitionConflict, Scope, at_layer
from symgrad.derivation import Equation
from symgrad.notation import Notation, is_generic_layer, layer_of
from symgrad.results import Method, Verdict

#: The longest chain tried: every instance is a concrete chain, and their number grows as L²/2.
MAX_LAYERS = 4

#: The last layer's letter: a document's L is the number of layers.
LAST = sp.Symbol("L", integer=True)


@dataclass(frozen=True)
class LayerCheck:
    verdict: Verdict
    method: Method | None = None
    evidence: str = ""
    counterexample: object = None
    readings: tuple[str, ...] = ()
    reason: str = ""


def layer_letters(*exprs) -> set:
    """The letters the layers of `exprs` are written with (l, L)."""
    found = set()
    for expr in exprs:
        for leaf in expr.atoms(sp.Symbol, sp.IndexedBase):
            layered = layer_of(_name(leaf))
            if layered is not None:
                found |= layered[1].free_symbols
    return found


def numbered_layers(*exprs) -> set[int]:
    found = set()
    for expr in exprs:
        for leaf in expr.atoms(sp.Symbol, sp.IndexedBase):
            layered = layer_of(_name(leaf))
            if layered is not None and layered[1].is_Integer:
                found.add(int(layered[1]))
    return found


def _name(leaf) -> str:
    return leaf.name if isinstance(leaf, sp.Symbol) else str(leaf.label)


def _at(expr, values: dict):
    for letter, value in values.items():
        expr = at_layer(expr, letter, value)
    return expr


def _within(expr, last: int, scope: Scope) -> bool:
    """Every layer `expr` names exists in a chain of `last` layers.  Layer 0 is the input: a^0 and
    what the document defines there exist, but not δ^0 or w^0 (δ^{L-1} at L = 1 is not claimed)."""
    for leaf in expr.atoms(sp.Symbol, sp.IndexedBase):
        layered = layer_of(_name(leaf))
        if layered is None or not layered[1].is_Integer:
            continue
        layer = int(layered[1])
        if not 0 <= layer <= last or (layer == 0 and layered[0] != "a{}" and not scope.is_defined(leaf)):
            return False
    return True


class LayerInstances:
    """The document's definitions so far, replayed on concrete chains, one scope per length L."""

    def __init__(self, notation: Notation, definitions: list[Equation]):
        self.notation = notation
        self.definitions = definitions
        self._scopes: dict[int, tuple[Scope, Calculus] | str] = {}

    def chain(self, last: int) -> tuple[Scope, Calculus]:
        """The scope of a chain of `last` layers; an UnsupportedDerivative if a definition cannot be replayed."""
        if last not in self._scopes:
            try:
                self._scopes[last] = self._replay(last)
            except (UnsupportedDerivative, DefinitionConflict, CircularDefinition) as error:
                self._scopes[last] = str(error)
        found = self._scopes[last]
        if isinstance(found, str):
            raise UnsupportedDerivative(found)
        return found

    def _replay(self, last: int):
        scope = Scope(self.notation)
        calculus = Calculus(scope)
        for equation in self.definitions:
            lhs, rhs = _at(equation.lhs, {LAST: last}), _at(equation.rhs, {LAST: last})
            generic = sorted((letter for letter in layer_letters(lhs) if is_generic_layer(letter)), key=str)
            for values in product(range(1, last + 1), repeat=len(generic)):
                at = dict(zip(generic, values))
                scope.define(_at(lhs, at), calculus.evaluate(_at(rhs, at)), equation.label)
                calculus = Calculus(scope)
        return scope, calculus

    def _input_as_layer_zero(self, lhs, rhs):
        """Nielsen's a^0 = x: a line that writes the input x where the chain's layer 0 is a^{(0)}."""
        zero = sp.Symbol("a^{(0)}", real=True)
        inputs = [s for s in (lhs.free_symbols | rhs.free_symbols) if isinstance(s, sp.Symbol) and s.name == "x" and not s.is_integer]
        computed = any(layer_of(_name(head)) is not None and layer_of(_name(head))[0] == "a{}" for head in
                       (equation.lhs for equation in self.definitions))
        written = any(inputs[0] in equation.rhs.free_symbols for equation in self.definitions
                      if inputs and equation.rhs is not None)  # z^1 = w^1 x + b^1: x is x there too
        if not inputs or not computed or written or zero in lhs.free_symbols | rhs.free_symbols:
            return lhs, rhs, ()
        swap = {inputs[0]: zero}
        return lhs.xreplace(swap), rhs.xreplace(swap), ("x is read as a^{(0)}, the input of layer 1 (a^0 = x)",)

    def check(self, lhs, rhs, seed: int, limit: float) -> LayerCheck | None:
        """The claim lhs = rhs decided at every instance; None when it names no layer to vary."""
        letters = layer_letters(lhs, rhs)
        generic = sorted((letter for letter in letters if is_generic_layer(letter)), key=str)
        readings: tuple[str, ...] = ()
        if letters - {LAST} - set(generic):
            return None
        heads = [equation.lhs for equation in self.definitions if equation.lhs is not None]
        defined = numbered_layers(*heads)
        if not letters:
            numbered = numbered_layers(lhs, rhs)
            if not numbered:
                return None
            last = max(numbered | defined)
            where = "the document defines" if last in defined - numbered else "this line names"
            lengths = [last]
            readings = (f"L, the number of layers, is read as {last}: the highest layer {where}",)
        elif defined and not layer_letters(*heads):  # z^1 = …, z^2 = …: a chain of 2 layers, and no other
            lengths = [max(defined)]
            readings = (f"L, the number of layers, is read as {max(defined)}: the document defines layers "
                        f"{', '.join(map(str, sorted(defined)))} only",)
        else:
            lengths = list(range(1, MAX_LAYERS + 1))
        lhs, rhs, input_reading = self._input_as_layer_zero(lhs, rhs)
        readings += input_reading
        checked, counted = [], 0
        for last in lengths:
            scope, calculus = self.chain(last)
            for values in product(range(1, last + 1), repeat=len(generic)):
                at = {LAST: last, **dict(zip(generic, values))}
                left, right = _at(lhs, at), _at(rhs, at)
                if not (_within(left, last, scope) and _within(right, last, scope)):
                    continue  # w^{(l+1)} at l = L: the claim is not made there
                missing = _missing_layer(scope, left, right)
                if missing is not None:
                    return LayerCheck(Verdict.INCONCLUSIVE, readings=readings, reason=(
                        f"{missing} is not defined: the document defines {missing.name.split('^')[0]} at other layers only"))
                outcome = decide(calculus.evaluate(left), calculus.evaluate(right), scope, seed, limit)
                counted += 1
                shown = {str(letter): value for letter, value in at.items() if letter in letters or letter is LAST}
                if outcome.verdict == Verdict.FAILS:
                    example = outcome.counterexample.with_values_first(shown)
                    layers = "1 layer" if last == 1 else f"{last} layers"
                    return LayerCheck(Verdict.FAILS, Method.COUNTEREXAMPLE, counterexample=example, readings=readings,
                                      reason=f"fails on a chain of {layers}" + (f", at {_describe(shown)}" if generic else ""))
                if not outcome.verdict.is_true:
                    return LayerCheck(Verdict.INCONCLUSIVE, readings=readings,
                                      reason=f"not decided on a chain of {last} layers at {_describe(shown)}")
                checked.append(last)
        if not counted:
            return None
        if not letters:
            return LayerCheck(Verdict.PROVEN, Method.SYMBOLIC, readings=readings,
                              evidence=f"holds for every n on a chain of {lengths[0]} layers")
        where = ", ".join(str(n) for n in sorted(set(checked)))
        every = f", at every layer {', '.join(map(str, generic))} of each" if generic else ""
        return LayerCheck(Verdict.NUMERICALLY_EQUAL, Method.SYMBOLIC, readings=readings,
                          evidence=f"proven on each of {counted} chains and layers: L = {where}{every}; not a proof for every L")


def _missing_layer(scope: Scope, *exprs):
    """A name of a layer ≥ 1 that the chain does not define, though it defines its stem elsewhere."""
    for expr in exprs:
        for leaf in sorted(expr.atoms(sp.Symbol), key=str):
            layered = layer_of(leaf.name)
            if layered is None or not layered[1].is_Integer or layered[1] < 1 or scope.is_defined(leaf):
                continue
            if scope.defined_at_some_layer(layered[0]):
                return leaf
    return None


def _describe(values: dict) -> str:
    return ", ".join(f"{name} = {value}" for name, value in values.items())
