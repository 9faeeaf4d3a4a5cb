"""Hand-written vectorised NumPy back-propagation: the reference every benchmark measures against.

Written the way a careful person would, without symgrad: one forward pass keeping the
activations, one backward pass reusing them, matrix products for dense layers, and the same
overflow-free sigmoid as the generated code so that only the structure of the code is compared.
"""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    t = np.negative(z)
    np.minimum(t, 709.0, out=t)
    np.exp(t, out=t)
    t += 1.0
    return np.reciprocal(t, out=t)


def linear(w, x, y):
    """Cost and dC/dw of the linear model; x and y of shape (n,)."""
    r = w * x - y
    n = len(y)
    return r @ r / n, np.array([2 * (r @ x) / n])


def neuron(w, b, x, y):
    """Cost and gradient (w_1 … w_k, b) of a sigmoid neuron; x of shape (n, k)."""
    a = sigmoid(x @ w + b)
    r = a - y
    n = len(y)
    d = r * (a * (1 - a))
    return r @ r / n, np.concatenate([2 * (d @ x) / n, [2 * d.sum() / n]])


def chain(w, b, x, y):
    """Cost and gradient (w1, b1, w2, b2, …) of a chain of one-wide sigmoid layers."""
    acts = [x]
    for wl, bl in zip(w, b):
        acts.append(sigmoid(acts[-1] * wl + bl))
    a = acts.pop()
    r = a - y
    n = len(y)
    cost = r @ r / n
    grad = np.empty(2 * len(w))
    d = r * (a * (1 - a))
    for l in range(len(w) - 1, -1, -1):
        a = acts.pop()
        grad[2 * l] = 2 * (d @ a) / n
        grad[2 * l + 1] = 2 * d.sum() / n
        if l:
            d = (d * w[l]) * (a * (1 - a))
    return cost, grad


def dense(weights, biases, x, y):
    """Cost and gradient of a dense sigmoid network; weights[l] of shape (fan_out, fan_in).

    The gradient is ordered as symgrad orders parameters: per layer, weights row by row,
    then biases.
    """
    acts = [x]
    for W, b in zip(weights, biases):
        acts.append(sigmoid(acts[-1] @ W.T + b))
    a = acts.pop()
    n = len(y)
    r = a[:, 0] - y
    cost = r @ r / n
    d = (r * (a[:, 0] * (1 - a[:, 0])))[:, None]
    parts = []
    for l in range(len(weights) - 1, -1, -1):
        a = acts.pop()
        parts.append([2 * (d.T @ a).ravel() / n, 2 * d.sum(axis=0) / n])
        if l:
            d = (d @ weights[l]) * (a * (1 - a))
    return cost, np.concatenate([p for layer in reversed(parts) for p in layer])
