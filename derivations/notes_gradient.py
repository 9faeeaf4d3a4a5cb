"""The notes' own gradient formulas, implemented exactly as written, to train with.

A wrong derivation is easiest to understand by watching what it does to training.  For the
linear model (9) and the sigmoid neuron (26)–(28) the formulas are the true gradient.  For the
chain of m sigmoid layers this is the back-propagation of section 1.5.2 as written:

* δ^{(m)}_i = a^{(m)}_i − y_i  ("let's denote a_i^{(m)} − y_i as ∂_{a_i^{(m)}} C^{(m+1)}"),
* (56) ∂C/∂w^{(l)} = (1/n) Σ_i 2 δ^{(l)}_i a^{(l)}_i (1 − a^{(l)}_i) a^{(l−1)}_i,
* (57) ∂C/∂b^{(l)} = (1/n) Σ_i 2 δ^{(l)}_i a^{(l)}_i (1 − a^{(l)}_i),
* (58) δ^{(l−1)} = (1/n) Σ_i 2 δ^{(l)}_i a^{(l)}_i (1 − a^{(l)}_i) w^{(l)}.

(58) as written sums over the samples, so δ^{(l−1)} is one number, the same for every sample;
it is used that way (a scalar broadcast to all samples), not silently corrected.
"""

from __future__ import annotations

import numpy as np

from symgrad.train.codegen.numpy_source import numpy_sigmoid as _sigmoid
from symgrad.train.models import Model


class NotesFormulaError(ValueError):
    """The notes give no formulas for this model."""


def notes_gradient(model: Model):
    """``f(params, inputs, y) -> (cost, gradient)`` computing the gradient by the notes' formulas."""
    kind = model.name.split(":")[0]
    sigmoid_only = all(layer.activation == "sigmoid" for layer in model.layers)
    if kind == "linear":
        return _linear
    if kind == "neuron" and sigmoid_only:
        return _neuron
    if kind == "chain" and sigmoid_only:
        return _chain
    raise NotesFormulaError(
        f"the notes give formulas only for linear, neuron:K and chain:M with sigmoids, not {model.name}"
    )


def _linear(params, inputs, y):
    (w,), (x,) = params, inputs
    r = x * w - y
    return np.mean(r * r), np.array([2 * np.mean(x * r)])  # (3), (9)


def _neuron(params, inputs, z):
    *w, b = params
    a = _sigmoid(np.dot(w, inputs) + b)  # (13)
    s = 2 * (a - z) * a * (1 - a)
    return np.mean((a - z) ** 2), np.array([*(np.mean(s * i) for i in inputs), np.mean(s)])  # (23), (26)–(28)


def _chain(params, inputs, y):
    k = len(inputs)
    first, b1, rest = np.asarray(params[:k]), params[k], params[k + 1 :]
    w, b = [first, *rest[0::2]], [b1, *rest[1::2]]
    a = [np.asarray(inputs), _sigmoid(np.dot(first, inputs) + b1)]  # (51) at l = 1: a neuron on x
    for wl, bl in zip(w[1:], b[1:]):
        a.append(_sigmoid(a[-1] * wl + bl))  # (51)
    m = len(w)
    grads = []
    delta = a[m] - y
    for l in range(m, 0, -1):
        s = 2 * delta * a[l] * (1 - a[l])
        weight_grad = np.mean(s * a[l - 1], axis=-1)  # (56); a vector on the first layer
        grads.append(np.concatenate([np.atleast_1d(weight_grad), [np.mean(s)]]))  # (57)
        if l > 1:
            delta = np.mean(s * w[l - 1])  # (58): a sum over samples, one number for all samples
    return np.mean((a[m] - y) ** 2), np.concatenate(grads[::-1])
