"""What the symbols of a derivation mean.

A derivation about gradient descent talks about samples (x_i, y_i for i = 1 … n), parameters
(w, b, w^{(l)}), activations (a_i^{(l)}) and a sigmoid σ.  This module gives those words SymPy
objects, and a :class:`Notation` that records every reading of ambiguous notation so the report
can print it: symgrad never guesses silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp

from symgrad.printing import readable

#: The sample index of the notes: a positive integer.
SAMPLE = sp.Symbol("i", integer=True, positive=True)
#: The sample count: a symbolic positive integer, so a proof holds for every n.
COUNT = sp.Symbol("n", integer=True, positive=True)


class sigma(sp.Function):
    """The logistic sigmoid σ(x) = 1/(1 + e^{-x}).

    Its derivative is σ(1 − σ) (equation (12) of the notes, which the engine proves from the
    exponential form); keeping σ opaque lets proofs compare polynomials in σ atoms instead of
    exponentials.
    """

    nargs = 1

    def fdiff(self, argindex=1):
        value = sigma(self.args[0])
        return value * (1 - value)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return True if self.args[0].is_real else None

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return 1 / (1 + sp.exp(-x))

    def _eval_evalf(self, prec):
        return self.rewrite(sp.exp)._eval_evalf(prec)

    def _latex(self, printer, exp=None):
        body = rf"\sigma\left({printer._print(self.args[0])}\right)"
        return body if exp is None else rf"{body}^{{{exp}}}"


def plain(expr) -> str:
    """An expression or name as a reader writes it in plain text: (w·xᵢ − yᵢ)², w^(2), σ(z)."""
    return readable(expr)


def parameter(name: str) -> sp.Symbol:
    """A trainable parameter (w, b, w_1, w^{(l)}): a real scalar shared by all samples."""
    return sp.Symbol(name, real=True)


def family(name: str) -> sp.IndexedBase:
    """A per-sample family (x, y, z, a^{(l)}): one real value per sample, written name[i]."""
    return sp.IndexedBase(name, real=True)


def layer_name(name: str, layer) -> str:
    """The name of a quantity of layer `layer`, written as the notes write it: a^{(l)}."""
    return f"{name}^{{({layer})}}"


_LAYERED = re.compile(r"^(?P<stem>.+?)\^\{\((?P<layer>[A-Za-z0-9+\- ]+)\)\}(?P<rest>.*)$")
LAYER_LETTERS = {letter: sp.Symbol(letter, integer=True) for letter in "lLkm"}


def layer_of(name: str) -> tuple[str, sp.Expr] | None:
    """(stem, layer) of a layered name: ("z", l + 1) for z^{(l+1)}, ("a_", 2) for a_^{(2)}; else None.
    The stem keeps what follows the layer (a subscript), marked by a placeholder {}."""
    match = _LAYERED.match(name)
    if match is None:
        return None
    text = match.group("layer").replace(" ", "")
    if not re.fullmatch(r"[A-Za-z]?([+-]?[0-9]+)?|[0-9]+", text) or not text:
        return None
    letter = re.match(r"[A-Za-z]", text)
    value = LAYER_LETTERS.get(letter.group(), sp.Symbol(letter.group(), integer=True)) if letter else sp.S.Zero
    offset = text[1:] if letter else text
    value = value + (int(offset) if offset else 0)
    return match.group("stem") + "{}" + match.group("rest"), value


def is_generic_layer(layer: sp.Expr) -> bool:
    """A layer written as a lowercase letter (l, k) stands for every layer; L names the last one."""
    return layer.is_Symbol and layer.name.islower()


def name_at_layer(stem: str, layer: sp.Expr) -> str:
    """The name of `stem` (from layer_of) at `layer`: z^{(L)}, a^{(l-1)}."""
    return stem.replace("{}", f"^{{({sp.sstr(layer).replace(' ', '')})}}")


def sample_sum(summand: sp.Expr, index: sp.Symbol = SAMPLE, count: sp.Expr = COUNT) -> sp.Sum:
    """Σ_{i=1}^{n} summand: the sum over every sample."""
    return sp.Sum(summand, (index, 1, count))


def mean(summand: sp.Expr, index: sp.Symbol = SAMPLE, count: sp.Expr = COUNT) -> sp.Expr:
    """(1/n) Σ_{i=1}^{n} summand, kept unevaluated the way the notes write it."""
    return sp.Mul(1 / count, sample_sum(summand, index, count), evaluate=False)


@dataclass
class Notation:
    """The meaning of a document's symbols.

    `held_constant` lists the families a derivative treats as constants even when they have a
    definition (targets such as y_i, z_i and the pseudo-targets e_i of back-propagation).
    `readings` are the sentences the report prints: how ambiguous notation was read.
    """

    index: sp.Symbol = SAMPLE
    count: sp.Symbol = COUNT
    held_constant: set = field(default_factory=set)
    readings: list[str] = field(default_factory=list)
    #: Names the document uses without declaring or defining them: read as numbers, but a
    #: derivative *of* one (∂J/∂w with J never defined) is not taken to be 0.
    stand_ins: set = field(default_factory=set)
    #: Stand-ins that may be computed from the parameters (h, not λ, and not a name the document
    #: differentiates by): a derivative *through* one is not taken to be 0 either.
    unknown_dependence: set = field(default_factory=set)
    #: Indices besides the sample index, and the count each runs to: k → d for Σ_{k=1}^{d}.
    ranges: dict = field(default_factory=dict)
    #: The words that name parameters (w, b): a parameter of a layer depends on nothing below it.
    parameters: frozenset = frozenset({"w", "b"})

    def read(self, sentence: str) -> None:
        """Record how a piece of notation is read; the report prints every reading."""
        if sentence not in self.readings:
            self.readings.append(sentence)

    def hold_constant(self, *families: sp.IndexedBase) -> None:
        """Treat these families as constants under ∂ (targets, pseudo-targets)."""
        self.held_constant.update(families)
