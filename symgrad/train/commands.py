"""The ``symgrad train`` and ``symgrad codegen`` subcommands.

Input errors (a bad model spec, a missing or malformed CSV file) print ``symgrad: error: …``
or ``FILE:LINE:COL: error: …`` on stderr and exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from symgrad_derivations.notes_gradient import NotesFormulaError, notes_gradient

from symgrad.train.codegen import function_name, plan
from symgrad.train.codegen.c_source import c_source
from symgrad.train.codegen.numpy_source import numpy_source
from symgrad.train.codegen.numpy_trainer import numpy_gradient
from symgrad.train.datasets import BUILTIN, DataError, load_dataset
from symgrad.train.descent import (
    TrainingDiverged,
    TrainResult,
    initial_parameters,
    train,
)
from symgrad.train.gradcheck import gradcheck
from symgrad.train.models import ModelSpecError, parse_model
from symgrad.train.plot import INSTALL, SUFFIXES, PlotError, check_can_plot, cost_figure

_MODEL_HELP = "linear, neuron:K, chain:M or dense:A-B-…-1, optionally :tanh or :relu"


def add_train_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``train``: gradient descent on built-in data or a CSV file."""
    parser = subparsers.add_parser("train", help="train a model by gradient descent")
    parser.add_argument("--model", required=True, help=_MODEL_HELP)
    parser.add_argument("--data", required=True, help=f"{', '.join(BUILTIN)}, or a CSV file (inputs, then target)")
    parser.add_argument("--steps", type=int, default=1000, help="gradient-descent steps (default 1000)")
    parser.add_argument("--rate", type=float, default=0.1, help="learning rate (default 0.1)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the initial parameters (default 0)")
    parser.add_argument("--gradient", choices=("true", "notes"),
                        help="the derived gradient, or the notes' formulas as written (default true)")
    parser.add_argument("--compare-notes", action="store_true",
                        help="train twice, with the true gradient and with the notes' formulas")
    parser.add_argument("--every", type=int, help="report the cost every K steps (default steps/10)")
    parser.add_argument("--check", action="store_true",
                        help="first compare the gradient with central finite differences")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text, or JSON: one object, or {\"runs\": [...]} with --compare-notes")
    parser.add_argument("--plot", metavar="FILE", help=f"draw the cost curve(s) to FILE ({', '.join(SUFFIXES)}); "
                        f"needs matplotlib: {INSTALL}")
    parser.set_defaults(func=run_train)
    return parser


def add_codegen_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``codegen``: write standalone NumPy or C source for a model's cost and gradient."""
    parser = subparsers.add_parser("codegen", help="write standalone source computing cost and gradient")
    parser.add_argument("--model", required=True, help=_MODEL_HELP)
    parser.add_argument("--target", choices=("numpy", "c"), default="numpy")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    parser.set_defaults(func=run_codegen)
    return parser


class _UsageError(Exception):
    pass


def run_train(args) -> int:
    """Train (twice with --compare-notes) and print progress and the final cost, or JSON; draw --plot."""
    if args.compare_notes and args.gradient:
        return _fail("--compare-notes trains with both gradients; leave out --gradient")
    gradients = ("true", "notes") if args.compare_notes else (args.gradient or "true",)
    try:
        data = load_dataset(args.data)
        model = parse_model(args.model, inputs=data.inputs.shape[0])
        if args.steps < 0 or args.every is not None and args.every < 1 or not math.isfinite(args.rate):
            raise _UsageError("--steps must be at least 0, --every at least 1 and --rate finite")
        if data.inputs.shape[0] != len(model.inputs):
            raise _UsageError(f"{model.name} takes {len(model.inputs)} input(s); {data.name} has {data.inputs.shape[0]}")
        cost_grads = {g: numpy_gradient(model) if g == "true" else notes_gradient(model) for g in gradients}
        if args.plot:
            check_can_plot(args.plot)
    except (ModelSpecError, NotesFormulaError, PlotError, _UsageError) as error:
        return _fail(str(error))
    except DataError as error:
        return _fail(str(error), error.location)
    every = args.every or max(1, args.steps // 10)
    runs = []
    for gradient, cost_grad in cost_grads.items():
        checks = []
        if args.check:
            params = initial_parameters(model, args.seed)
            checks = gradcheck(cost_grad, params, data.inputs, data.targets, model.parameter_names)
        try:
            stand_in = None if gradient == "true" else cost_grad  # the true gradient picks its fastest code
            runs.append((train(model, data, args.steps, args.rate, args.seed, gradient, stand_in), checks))
        except TrainingDiverged as error:
            return _fail(str(error))
    if args.format == "json":
        documents = [_train_document(result, checks, every, args.check) for result, checks in runs]
        print(json.dumps({"runs": documents} if args.compare_notes else documents[0]))
    else:
        for result, checks in runs:
            _print_run(result, checks, every)
    if args.plot:
        try:
            cost_figure([result for result, _ in runs], args.plot)
        except OSError as error:
            return _fail(f"cannot write {args.plot}: {error.strerror or error}")
    return 0


def _train_document(result: TrainResult, checks: list, every: int, checked: bool) -> dict:
    """One run as JSON: the cost every `every` steps and at the end, the parameters, the check."""
    return {
        "model": result.model, "data": result.data, "gradient": result.gradient,
        "steps": result.steps, "rate": result.rate, "seed": result.seed, "every": every,
        "final_cost": result.final_cost,
        "costs": [result.costs[s] for s in range(0, result.steps, every)] + [result.final_cost],
        "params": result.params,
        "check": [vars(c) for c in checks] if checked else None,
    }


def _print_run(result: TrainResult, checks: list, every: int) -> None:
    print(f"{result.model} on {result.data}: {result.steps} steps at rate {result.rate}, "
          f"seed {result.seed}, {result.gradient} gradient")
    for c in checks:
        print(f"  check {c.name}: analytic {c.analytic:.6g}, finite difference {c.numeric:.6g}, "
              f"relative error {c.relative_error:.1e}")
    for s in range(0, result.steps, every):
        print(f"step {s:>8}  cost {result.costs[s]:.6g}")
    print(f"final cost {result.final_cost:.6g}")
    print("params " + ", ".join(f"{k} = {v:.6g}" for k, v in result.params.items()))


def run_codegen(args) -> int:
    """Write the NumPy module or C file for the model."""
    try:
        model = parse_model(args.model)
    except ModelSpecError as error:
        return _fail(str(error))
    name = function_name(model) + "_grad"
    emit = numpy_source if args.target == "numpy" else c_source
    source = emit(plan(model), name, model.name)
    if args.output is None:
        sys.stdout.write(source)
        return 0
    try:
        Path(args.output).write_text(source, encoding="utf-8")
    except OSError as error:
        return _fail(f"cannot write {args.output}: {error.strerror}")
    return 0


def _fail(message: str, location: str = "") -> int:
    print(f"{location or 'symgrad'}: error: {message}", file=sys.stderr)
    return 2
