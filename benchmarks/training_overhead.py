"""Per-step cost of training on tiny data: XOR on dense 2-2-1, symgrad against a NumPy loop.

On four samples a step is all overhead, so this compares ``symgrad.train.train`` (which runs
the generated scalar loop) with a hand-written loop calling the vectorised NumPy reference,
measured in the same run; it prints microseconds per step and the speed-up (median of rounds).

    python benchmarks/training_overhead.py [--json] [--steps 20000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy_reference as reference  # noqa: E402

from symgrad.train.datasets import load_dataset  # noqa: E402
from symgrad.train.descent import initial_parameters, train  # noqa: E402
from symgrad.train.models import parse_model  # noqa: E402


def numpy_loop(params, x, y, steps, rate):
    """Gradient descent as one would write it by hand around the NumPy reference."""
    weights = [params[0:4].reshape(2, 2).copy(), params[6:8].reshape(1, 2).copy()]
    biases = [params[4:6].copy(), params[8:9].copy()]
    for _ in range(steps):
        _, grad = reference.dense(weights, biases, x, y)
        weights[0] -= rate * grad[0:4].reshape(2, 2)
        biases[0] -= rate * grad[4:6]
        weights[1] -= rate * grad[6:8].reshape(1, 2)
        biases[1] -= rate * grad[8:9]
    return reference.dense(weights, biases, x, y)[0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--steps", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    model, data = parse_model("dense:2-2-1"), load_dataset("xor")
    x, y = np.ascontiguousarray(data.inputs.T), data.targets
    train(model, data, 1, 1.0, 0)  # generate and compile once, outside the timing
    times = {"symgrad": [], "numpy": []}
    for _ in range(args.rounds):
        start = time.perf_counter()
        ours = train(model, data, args.steps, 1.0, 0).final_cost
        times["symgrad"].append(time.perf_counter() - start)
        start = time.perf_counter()
        theirs = numpy_loop(initial_parameters(model, 0), x, y, args.steps, 1.0)
        times["numpy"].append(time.perf_counter() - start)
        assert abs(ours - theirs) < 1e-9, (ours, theirs)  # the same training, step for step
    median = {k: statistics.median(v) for k, v in times.items()}
    for name, seconds in median.items():
        record = {"model": "dense:2-2-1", "data": "xor", "n": 4, "steps": args.steps, "impl": name,
                  "seconds": seconds, "us_per_step": seconds / args.steps * 1e6,
                  "ratio_vs_numpy": seconds / median["numpy"]}
        if args.json:
            print(json.dumps(record))
        else:
            print(f"{name:>8}: {record['us_per_step']:6.2f} µs/step  ({record['ratio_vs_numpy']:.2f}x the NumPy loop)")
    if not args.json:
        print(f"speed-up: {median['numpy'] / median['symgrad']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
