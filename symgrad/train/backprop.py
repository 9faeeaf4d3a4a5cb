"""Layer-wise symbolic gradients: back-propagation as a straight-line program.

Differentiating the composed cost of a chain of m layers repeats every inner activation in
every outer derivative, so the expressions (and the time to derive them) swell with depth.
Back-propagation avoids that by naming every intermediate value: the forward pass assigns
z = Σ w·a + b and a = f(z) to fresh symbols, each local derivative is one small
``sympy.diff`` (∂a/∂z = σ(z)(1 − σ(z)) rewritten as a(1 − a)), and the backward pass chains
local derivatives through named adjoints.  Every step is O(1) in the depth, so deriving a
model costs time linear in its size, and the program maps one to one onto generated code.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from symgrad.train.models import ACTIVATIONS, Model


@dataclass(frozen=True)
class Program:
    """Cost and gradient of one sample, as assignments to named intermediates.

    Evaluate ``steps`` in order (each right-hand side uses only sample symbols, parameters and
    earlier step symbols); then the cost is mean(loss) and the gradient of parameter p is
    ``scale · mean(gradients[p])``.  The constant factor of the loss derivative (the 2 of
    (a − y)²) is kept out of the per-sample adjoints as ``scale`` so that no generated code
    multiplies a whole array by it.
    """

    model: Model
    steps: tuple[tuple[sp.Symbol, sp.Expr], ...]
    loss: sp.Expr
    gradients: tuple[sp.Expr, ...]
    scale: sp.Expr

    def per_sample(self) -> frozenset[sp.Symbol]:
        """The symbols that take one value per sample (the others are parameters)."""
        return frozenset(self.model.inputs + (self.model.target,) + tuple(s for s, _ in self.steps))

    def expanded(self) -> tuple[sp.Expr, tuple[sp.Expr, ...]]:
        """Loss and gradient summands (scale included) with every intermediate substituted."""
        values: dict[sp.Symbol, sp.Expr] = {}
        for symbol, expr in self.steps:
            values[symbol] = expr.xreplace(values)
        return self.loss.xreplace(values), tuple(self.scale * g.xreplace(values) for g in self.gradients)


def backprop(model: Model) -> Program:
    """Derive the model's cost gradient layer by layer (reverse mode over named intermediates)."""
    steps: list[tuple[sp.Symbol, sp.Expr]] = []
    values: tuple[sp.Symbol, ...] = model.inputs
    for l, layer in enumerate(model.layers, start=1):
        f = ACTIVATIONS[layer.activation]
        biases = layer.biases or (0,) * len(layer.weights)
        outputs = []
        for j, (row, bias) in enumerate(zip(layer.weights, biases), start=1):
            z = _node(steps, f"z{l}_{j}", sum((w * v for w, v in zip(row, values)), sp.Integer(0)) + bias)
            outputs.append(z if layer.activation == "identity" else _node(steps, f"a{l}_{j}", f(z)))
        values = tuple(outputs)
    (output,) = values
    loss = (output - model.target) ** 2
    scale, seed = sp.diff(loss, output).as_content_primitive()
    gradients = _reverse(model, steps, output, seed)
    return Program(model, tuple(steps), loss, gradients, scale)


def _node(steps: list, name: str, expr: sp.Expr) -> sp.Symbol:
    symbol = sp.Symbol(name, real=True)
    steps.append((symbol, expr))
    return symbol


def _reverse(model: Model, steps: list, output: sp.Symbol, seed: sp.Expr) -> tuple[sp.Expr, ...]:
    """The backward pass: append adjoint steps and return each parameter's gradient summand.

    The adjoint of a node is the sum, over the nodes that use it, of their adjoint times the
    local derivative, ``diff(expr, node)`` with the node's own expression replaced by its symbol
    (so σ(z)(1 − σ(z)) becomes a(1 − a) and reuses the forward value).
    """
    parameters = set(model.parameters)
    data = set(model.inputs) | {model.target}
    adjoints: dict[sp.Symbol, sp.Expr] = {output: seed}
    gradients: dict[sp.Symbol, sp.Expr] = {p: sp.Integer(0) for p in model.parameters}
    for symbol, expr in reversed(list(steps)):
        adjoint = adjoints.pop(symbol, sp.Integer(0))
        if adjoint == 0:
            continue
        if not adjoint.is_Atom:
            adjoint = _node(steps, f"d{symbol.name}", adjoint)
        for operand in sorted(expr.free_symbols, key=sp.default_sort_key):
            if operand in data:
                continue
            local = sp.diff(expr, operand).xreplace({expr: symbol})
            if operand in parameters:
                gradients[operand] += adjoint * local
            else:
                adjoints[operand] = adjoints.get(operand, sp.Integer(0)) + adjoint * local
    return tuple(gradients[p] for p in model.parameters)
