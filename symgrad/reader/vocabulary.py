"""What the names of a document mean, as far as reading its formulas goes.

A :class:`Vocabulary` starts from conventional defaults (i the sample index, n the count, x y z
per-sample families, w b parameters, σ the sigmoid, ^{(l)} a layer superscript) and grows with
each notation block of the document, from the block on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

import sympy as sp

from symgrad.notation import COUNT, SAMPLE, sigma

#: What an activation name may stand for.
ACTIVATIONS = {"sigmoid": sigma, "tanh": sp.tanh, "exp": sp.exp, "log": sp.log}
def softplus(z):
    """ln(1 + e^z), written out: SymPy differentiates it to σ(z)."""
    return sp.log(1 + sp.exp(z))


def relu(z):
    return sp.Max(0, z)


#: Functions every document knows: as commands (\exp) and as operator names (\operatorname{softplus}).
BUILTIN_FUNCTIONS = {
    r"\exp": sp.exp, r"\ln": sp.log, r"\log": sp.log, r"\tanh": sp.tanh, r"\sinh": sp.sinh, r"\cosh": sp.cosh,
    r"\sin": sp.sin, r"\cos": sp.cos, r"\tan": sp.tan, r"\max": sp.Max, r"\min": sp.Min, r"\sgn": sp.sign,
    "softplus": softplus, "ReLU": relu, "relu": relu, "sign": sp.sign, "sgn": sp.sign,
    "sech": lambda z: 1 / sp.cosh(z), r"\sech": lambda z: 1 / sp.cosh(z), r"\sign": sp.sign,
}


@dataclass(frozen=True)
class Vocabulary:
    index: str = "i"
    count: str = "n"
    families: frozenset = frozenset({"x", "y", "z"})
    data: frozenset = frozenset({"x", "y"})  # families that are data (inputs, targets): never defined
    parameters: frozenset = frozenset({"w", "b"})
    symbols: frozenset = frozenset()
    functions: frozenset = frozenset({"f", "g", "h"})
    activations: tuple = ((r"\sigma", "sigmoid"),)
    implicit: frozenset = frozenset()
    names: tuple = ()
    layers: bool = True
    bare_layers: bool = False  # the notation block said layers = true: z^1 and a^l are layers too
    partial: str = "product"
    prime: str = ""
    #: filled by the document reader: names the document itself defines or indexes by i, the
    #: letters its sums bind (j, k), and the counts its sums run to besides n (d in Σ_{k=1}^{d})
    defined: frozenset = field(default=frozenset(), compare=False)
    indexed: frozenset = field(default=frozenset(), compare=False)
    index_letters: frozenset = field(default=frozenset(), compare=False)
    counts: frozenset = field(default=frozenset(), compare=False)
    #: names written with a bare layer superscript (Nielsen's a^l, w^{l+1}): a^2 is then layer 2
    layered: frozenset = field(default=frozenset(), compare=False)
    #: e is Euler's number, unless the document defines a bare e (e := w x + b − y)
    euler: bool = field(default=True, compare=False)

    def with_(self, **changes) -> "Vocabulary":
        return replace(self, **changes)

    # -- symbols --------------------------------------------------------------------------
    @property
    def index_symbol(self) -> sp.Symbol:
        return SAMPLE if self.index == "i" else sp.Symbol(self.index, integer=True, positive=True)

    @property
    def count_symbol(self) -> sp.Symbol:
        return COUNT if self.count == "n" else sp.Symbol(self.count, integer=True, positive=True)

    def function(self, name: str):
        """The SymPy function a name applies: an activation, a builtin, or an undefined C."""
        activation = dict(self.activations).get(name)
        if activation is not None:
            return ACTIVATIONS[activation]
        # an undefined function is named as written (\\ell, \\mathcal{L}, C), like the bare name
        # the reader makes of it, so that after ℓ(w, b) = … a bare ℓ is the same ℓ
        return BUILTIN_FUNCTIONS.get(name) or sp.Function(name)

    @cached_property
    def applied(self) -> frozenset:
        """Names that apply to what follows them: declared functions, activations, \\exp, \\ln …"""
        return self.functions | {name for name, _ in self.activations} | set(BUILTIN_FUNCTIONS)

    @cached_property
    def typographic(self) -> frozenset:
        """Functions that apply without parentheses (\\ln a_i, \\sigma z, \\operatorname{sech}^2 z): the
        builtin ones and the activations; one the document defines (\\ell(w) = …) is also a name on its own."""
        return frozenset({name for name, _ in self.activations} | set(BUILTIN_FUNCTIONS))

    def alias(self, word: str) -> str | None:
        return dict(self.names).get(word)

    def is_family(self, base: str) -> bool:
        return base in self.families or base in self.indexed

    def knows(self, word: str) -> bool:
        """A name the notation declares or the document defines (layers and subscripts aside)."""
        return word in self.applied or self.knows_value(word)

    def knows_value(self, word: str) -> bool:
        """A name that has a value where it is written bare: declared or defined, not only a
        function's name (a bare g, with g a function by default, is a name like any other)."""
        return (
            word in (self.index, self.count, "e")
            or word in self.counts
            or any(word in names for names in (self.families, self.parameters, self.symbols, self.defined, self.indexed))
            or any(name.split("_")[0] == word for name in self.implicit)
            or word in dict(self.names)
        )
