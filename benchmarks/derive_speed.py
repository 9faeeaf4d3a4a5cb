"""Time to derive and generate code for chains of depth 2 … 64, and naive diff for comparison.

"derive" is the layer-wise back-propagation, CSE and scheduling, and printing the NumPy module
and the C file; "naive" differentiates the fully composed loss with sympy.diff for every
parameter (skipped beyond --naive-max-depth, since it grows much faster than linearly).

    python benchmarks/derive_speed.py [--json] [--depths 2 4 8 16 32 64] [--naive-max-depth 16]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

import sympy as sp

from symgrad.train.codegen import plan
from symgrad.train.codegen.c_source import c_source
from symgrad.train.codegen.numpy_source import numpy_source
from symgrad.train.models import parse_model


def derive_and_generate(depth: int) -> None:
    model = parse_model(f"chain:{depth}")
    schedule = plan(model)
    numpy_source(schedule, "grad", model.name)
    c_source(schedule, "grad", model.name)


def naive(depth: int) -> None:
    model = parse_model(f"chain:{depth}")
    loss = model.loss()
    for p in model.parameters:
        sp.diff(loss, p)


def seconds(f, depth: int, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        sp.core.cache.clear_cache()  # time the work, not SymPy's memo of the previous round
        start = time.perf_counter()
        f(depth)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--depths", nargs="+", type=int, default=[2, 4, 8, 16, 32, 64])
    parser.add_argument("--naive-max-depth", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    for depth in args.depths:
        record = {"model": f"chain:{depth}", "derive_seconds": seconds(derive_and_generate, depth, args.repeats)}
        record["naive_diff_seconds"] = seconds(naive, depth, 1) if depth <= args.naive_max_depth else None
        record["seconds_per_layer"] = record["derive_seconds"] / depth
        if args.json:
            print(json.dumps(record), flush=True)
        else:
            naive_text = "—" if record["naive_diff_seconds"] is None else f"{record['naive_diff_seconds']:.2f} s"
            print(f"chain:{depth:<3} derive+codegen {record['derive_seconds']:.3f} s "
                  f"({record['seconds_per_layer'] * 1e3:.1f} ms/layer)   naive diff {naive_text}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
