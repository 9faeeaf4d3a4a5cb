"""The models symgrad trains: their parameters, their layers and their cost.

Every model is a stack of fully connected layers with one output and a mean squared error
cost, which covers the notes' linear model, the neuron, the chain of one-wide layers and dense
networks alike; keeping one shape means one back-propagation and one code generator serve all
of them.  Models are named by a short spec (``linear``, ``neuron:2``, ``chain:8``,
``dense:2-8-1``, optionally ``:tanh`` or ``:relu``) that the command line accepts.

The activation suffix names the neuron's function, and the hidden layers' function of a chain
or dense network; their output layer stays a sigmoid, so that outputs lie in (0, 1) like the
targets of the logic gates (a ReLU output unit that starts negative never recovers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import sympy as sp

from symgrad.notation import SAMPLE, family, layer_name, mean, parameter, sigma


class relu(sp.Function):
    """max(0, x), with derivative 0 at 0 (the convention of PyTorch and of most trainers).

    SymPy's ``Max(0, x)`` differentiates to ``Heaviside(x)``, which is undefined at 0 and prints
    as a NaN in generated code; this function states the convention instead.  The derivative is
    written through the output, H(relu(x)), so back-propagation can reuse the activation the
    way σ' = σ(1 − σ) does.
    """

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x.is_nonnegative:
            return x
        if x.is_nonpositive:
            return sp.Integer(0)
        return None

    def fdiff(self, argindex=1):
        return sp.Heaviside(relu(self.args[0]), 0)

    def _eval_rewrite_as_Max(self, x, **kwargs):
        return sp.Max(0, x)

    def _eval_evalf(self, prec):
        return self.rewrite(sp.Max)._eval_evalf(prec)


#: Activation name → the SymPy function applied to a pre-activation.
ACTIVATIONS: dict[str, Callable[[sp.Expr], sp.Expr]] = {
    "sigmoid": sigma,
    "tanh": sp.tanh,
    "relu": relu,
    "identity": lambda z: z,
}


class ModelSpecError(ValueError):
    """A model spec the command line cannot read."""


@dataclass(frozen=True)
class Layer:
    """A fully connected layer: ``a_j = f(Σ_k weights[j][k] · input_k + biases[j])``."""

    weights: tuple[tuple[sp.Symbol, ...], ...]
    biases: tuple[sp.Symbol, ...] | None
    activation: str

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        """Weights row by row, then biases: the order gradients and generated code use."""
        flat = tuple(w for row in self.weights for w in row)
        return flat + (self.biases or ())


@dataclass(frozen=True)
class Model:
    """A network with inputs x_1 … x_k, one output and the cost (1/n) Σ_i (output_i − y_i)²."""

    name: str
    inputs: tuple[sp.Symbol, ...]
    target: sp.Symbol
    layers: tuple[Layer, ...]

    @property
    def parameters(self) -> tuple[sp.Symbol, ...]:
        return tuple(p for layer in self.layers for p in layer.parameters)

    @property
    def parameter_names(self) -> list[str]:
        """Identifier-safe parameter names, in parameter order (``w1``, ``b1``, ``w2_1_2``)."""
        return [identifier(p) for p in self.parameters]

    def output(self) -> sp.Expr:
        """The composed output for one sample, in the per-sample symbols x_1 … x_k."""
        values: tuple[sp.Expr, ...] = self.inputs
        for layer in self.layers:
            values = _apply(layer, values)
        return values[0]

    def loss(self) -> sp.Expr:
        """The loss of one sample, (output − y)²."""
        return (self.output() - self.target) ** 2

    def cost(self) -> sp.Expr:
        """The cost in the notes' language: (1/n) Σ_{i=1}^{n} (output_i − y_i)², unevaluated."""
        per_sample = {s: family(str(s))[SAMPLE] for s in self.inputs + (self.target,)}
        return mean(self.loss().xreplace(per_sample))


def _apply(layer: Layer, values: tuple[sp.Expr, ...]) -> tuple[sp.Expr, ...]:
    f = ACTIVATIONS[layer.activation]
    biases = layer.biases or (0,) * len(layer.weights)
    return tuple(
        f(sum((w * v for w, v in zip(row, values)), sp.Integer(0)) + b)
        for row, b in zip(layer.weights, biases)
    )


def identifier(symbol: sp.Symbol) -> str:
    """The identifier a symbol has in generated code and reports: ``w^{(2)}_{1,3}`` → ``w2_1_3``."""
    letters, *numbers = re.findall(r"[A-Za-z]+|\d+", symbol.name)
    return letters + "_".join(numbers)


def linear() -> Model:
    """The notes' linear model (2): output w·x, no bias."""
    w = parameter("w")
    layer = Layer(((w,),), None, "identity")
    return Model("linear", (sp.Symbol("x", real=True),), sp.Symbol("y", real=True), (layer,))


def neuron(k: int = 2, activation: str = "sigmoid") -> Model:
    """The notes' neuron (10) with k inputs: f(Σ_j w_j x_j + b)."""
    weights = tuple(parameter(f"w_{j}") for j in range(1, k + 1))
    layer = Layer((weights,), (parameter("b"),), activation)
    return Model(_spec("neuron", str(k), activation), _inputs(k), sp.Symbol("y", real=True), (layer,))


def chain(m: int, activation: str = "sigmoid", inputs: int = 1) -> Model:
    """The notes' chain (51) of m one-wide layers a^{(l)} = f(a^{(l-1)} w^{(l)} + b^{(l)}), σ last.

    With k > 1 inputs the first layer is the notes' neuron (10) on x_1 … x_k (weights
    w^{(1)}_1 … w^{(1)}_k), so a chain can learn the logic gates; the layers above stay one wide.
    """
    first = (
        (parameter(layer_name("w", 1)),)
        if inputs == 1
        else tuple(parameter(f"{layer_name('w', 1)}_{{{j}}}") for j in range(1, inputs + 1))
    )
    layers = tuple(
        Layer(
            (first if l == 1 else (parameter(layer_name("w", l)),),),
            (parameter(layer_name("b", l)),),
            _hidden(activation, l, m),
        )
        for l in range(1, m + 1)
    )
    x = (sp.Symbol("x", real=True),) if inputs == 1 else _inputs(inputs)
    return Model(_spec("chain", str(m), activation), x, sp.Symbol("y", real=True), layers)


def dense(sizes: tuple[int, ...], activation: str = "sigmoid") -> Model:
    """A dense network with the given layer sizes (inputs first, one output last).

    The weight from unit k of layer l − 1 to unit j of layer l is w^{(l)}_{j,k} (identifier
    ``w{l}_{j}_{k}``, counted from 1); the bias of unit j is b^{(l)}_{j} (``b{l}_{j}``).
    """
    layers = []
    for l, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:]), start=1):
        weights = tuple(
            tuple(parameter(f"{layer_name('w', l)}_{{{j},{k}}}") for k in range(1, fan_in + 1))
            for j in range(1, fan_out + 1)
        )
        biases = tuple(parameter(f"{layer_name('b', l)}_{{{j}}}") for j in range(1, fan_out + 1))
        layers.append(Layer(weights, biases, _hidden(activation, l, len(sizes) - 1)))
    name = _spec("dense", "-".join(map(str, sizes)), activation)
    return Model(name, _inputs(sizes[0]), sp.Symbol("y", real=True), tuple(layers))


def _hidden(activation: str, layer: int, depth: int) -> str:
    return "sigmoid" if layer == depth else activation


def _inputs(k: int) -> tuple[sp.Symbol, ...]:
    return tuple(sp.Symbol(f"x{j}", real=True) for j in range(1, k + 1))


def _spec(kind: str, shape: str, activation: str) -> str:
    return f"{kind}:{shape}" + ("" if activation == "sigmoid" else f":{activation}")


_MAX_UNITS = 4096


def parse_model(spec: str, inputs: int = 1) -> Model:
    """Build the model a spec names; raise ModelSpecError with a readable reason otherwise.

    `inputs` is the number of inputs of the data, which only a chain adapts to (its first
    layer is a neuron on all of them); the other specs state their inputs themselves.
    """
    kind, _, rest = spec.strip().partition(":")
    shape, _, activation = rest.partition(":")
    activation = activation or "sigmoid"
    if activation not in ACTIVATIONS or activation == "identity":
        raise ModelSpecError(f"unknown activation {activation!r} (sigmoid, tanh or relu)")
    if kind == "linear":
        if rest:
            raise ModelSpecError("the linear model takes no size: write 'linear'")
        return linear()
    if kind == "neuron":
        return neuron(_positive(shape or "2", "neuron:N needs a positive size N"), activation)
    if kind == "chain":
        return chain(_positive(shape, "chain:N needs a positive size N"), activation, inputs)
    if kind == "dense":
        sizes = tuple(_positive(part, "dense:A-B-…-1 needs positive layer sizes") for part in shape.split("-"))
        if len(sizes) < 2 or sizes[-1] != 1:
            raise ModelSpecError("dense:A-B-…-1 needs at least two layer sizes and one output")
        return dense(sizes, activation)
    raise ModelSpecError(f"unknown model {kind!r} (linear, neuron:K, chain:M, dense:A-B-…-1)")


def _positive(text: str, message: str) -> int:
    if not text.isdigit() or not 0 < int(text) <= _MAX_UNITS:
        raise ModelSpecError(f"{message}, got {text!r}")
    return int(text)
