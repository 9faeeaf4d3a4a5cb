"""Gradient evaluation time: generated code against a hand-written NumPy reference.

For each model and sample count this times, in the same run and interleaved so machine noise
hits all alike, the generated NumPy function, the hand-written back-propagation in
``numpy_reference.py``, plain ``lambdify`` of the composed gradient without CSE, and PyTorch
autograd on the CPU when torch is installed.  It prints medians and the ratio to the reference.

    python benchmarks/gradient_speed.py [--json] [--sizes 1000 100000 1000000] [--models chain:8 …]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import sympy as sp

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy_reference as reference  # noqa: E402

from symgrad.notation import sigma  # noqa: E402
from symgrad.train.backprop import backprop  # noqa: E402
from symgrad.train.codegen.numpy_trainer import numpy_gradient  # noqa: E402
from symgrad.train.models import parse_model  # noqa: E402

MODELS = ["linear", "neuron:2", "chain:2", "chain:4", "chain:8", "chain:16", "chain:32", "dense:2-8-1"]
SIZES = [10**3, 10**5, 10**6]


def hand_written(model):
    """The reference for `model`, taking the parameter vector and the data in its own layout."""
    kind = model.name.split(":")[0]
    if kind == "linear":
        return lambda p, x, y: reference.linear(p[0], x[:, 0], y)
    if kind == "neuron":
        return lambda p, x, y: reference.neuron(p[:-1], p[-1], x, y)
    if kind == "chain":
        return lambda p, x, y: reference.chain(p[0::2], p[1::2], x[:, 0], y)
    shapes = [(len(layer.weights), len(layer.weights[0])) for layer in model.layers]

    def dense(p, x, y):
        weights, biases, at = [], [], 0
        for rows, cols in shapes:
            weights.append(p[at:at + rows * cols].reshape(rows, cols))
            biases.append(p[at + rows * cols:at + rows * cols + rows])
            at += rows * cols + rows
        return reference.dense(weights, biases, x, y)

    return dense


def plain_lambdify(model):
    """lambdify of the composed per-sample loss and gradients, no CSE, reduced by numpy.mean."""
    loss, gradients = backprop(model).expanded()
    exprs = [e.replace(sigma, lambda z: 1 / (1 + sp.exp(-z))) for e in (loss, *gradients)]
    f = sp.lambdify([model.parameters, model.inputs, model.target], exprs, "numpy", cse=False)

    def run(p, inputs, y):
        with np.errstate(over="ignore"):
            values = f(p, inputs, y)
        return np.mean(values[0]), np.array([np.mean(v) for v in values[1:]])

    return run


def torch_autograd(model):
    """The same network in PyTorch, or None when torch is not installed."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    layers = model.layers

    def run(p, inputs, y):
        params = torch.tensor(p, requires_grad=True)
        values, at = [torch.from_numpy(v) for v in inputs], 0
        for layer in layers:
            act = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "identity": lambda z: z}[layer.activation]
            out = []
            for row in layer.weights:
                z = sum(params[at + k] * v for k, v in enumerate(values))
                at += len(row)
                out.append(z)
            if layer.biases:
                out = [z + params[at + j] for j, z in enumerate(out)]
                at += len(out)
            values = [act(z) for z in out]
        cost = ((values[0] - torch.from_numpy(y)) ** 2).mean()
        cost.backward()
        return cost.item(), params.grad.numpy()

    return run


def median_seconds(functions, args, repeats, batch_seconds=0.2):
    """Median wall time per call of each function, batches interleaved round by round.

    Each timed batch repeats a call for about `batch_seconds`, so the scheduler's time slices
    on a busy machine do not quantise short calls.
    """
    calls = []
    for f, arg in zip(functions, args):
        start = time.perf_counter()
        f(*arg)
        calls.append(max(1, round(batch_seconds / (time.perf_counter() - start))))
    times = [[] for _ in functions]
    for _ in range(repeats):
        for f, arg, count, samples in zip(functions, args, calls, times):
            start = time.perf_counter()
            for _ in range(count):
                f(*arg)
            samples.append((time.perf_counter() - start) / count)
    return [statistics.median(t) for t in times]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--models", nargs="+", default=MODELS)
    parser.add_argument("--sizes", nargs="+", type=int, default=SIZES)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--lambdify-max-depth", type=int, default=16,
                        help="skip plain lambdify for deeper chains (its expressions grow quadratically)")
    args = parser.parse_args(argv)
    rng = np.random.default_rng(0)
    for spec in args.models:
        model = parse_model(spec)
        depth = len(model.layers)
        candidates = {"generated": numpy_gradient(model), "numpy": hand_written(model)}
        if depth <= args.lambdify_max_depth:
            candidates["lambdify"] = plain_lambdify(model)
        if (torch := torch_autograd(model)) is not None:
            candidates["torch"] = torch
        params = rng.normal(size=len(model.parameters))
        for n in args.sizes:
            rows = rng.uniform(-1, 1, size=(n, len(model.inputs)))
            columns, y = np.ascontiguousarray(rows.T), rng.uniform(0, 1, size=n)
            data = {"generated": (params, columns, y), "numpy": (params, rows, y),
                    "lambdify": (params, columns, y), "torch": (params, columns, y)}
            expected = candidates["numpy"](*data["numpy"])[1]
            for name, f in candidates.items():
                np.testing.assert_allclose(f(*data[name])[1], expected, rtol=1e-6, atol=1e-12)
            seconds = dict(zip(candidates, median_seconds(candidates.values(), [data[k] for k in candidates], args.repeats)))
            for name, s in seconds.items():
                record = {"model": spec, "n": n, "impl": name, "seconds": s, "ratio_vs_numpy": s / seconds["numpy"]}
                if args.json:
                    print(json.dumps(record), flush=True)
                else:
                    print(f"{spec:>12} n={n:<8} {name:>9} {s * 1e3:10.3f} ms  {record['ratio_vs_numpy']:6.2f}x numpy",
                          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
