"""The `symgrad` command: check derivations, train models, generate code."""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
import time
from importlib import resources
from pathlib import Path

from symgrad.check import check
from symgrad.check.engine import DEFAULT_TIMEOUT
from symgrad.documents import documents_in, read_document
from symgrad.errors import DocumentError
from symgrad.report import FORMATS, render
from symgrad.results import DocumentReport, InputError, Verdict
from symgrad.version import __version__

#: Seconds the whole run may take (per-equation limits are DEFAULT_TIMEOUT).
DEFAULT_BUDGET = 25.0
#: What `symgrad check` checks when given no path: the notes, with their algorithm checks.
SHIPPED = "derivations/notes.py"


def shipped_derivation() -> Path:
    """The shipped notes as installed with symgrad (never a derivations/ folder of the working
    directory: a Python derivation runs only when named).  Relative to here when it lies below."""
    installed = Path(str(resources.files("symgrad_derivations").joinpath(Path(SHIPPED).name))).resolve()
    try:
        return installed.relative_to(Path.cwd().resolve())
    except ValueError:
        return installed


def add_check_parser(subparsers) -> None:
    parser = subparsers.add_parser("check", help="check every equation of derivations")
    parser.add_argument("paths", nargs="*", metavar="PATH", help=f"documents or directories (default: {SHIPPED})")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text")
    parser.add_argument("--output", metavar="FILE", help="write the report here instead of standard output")
    parser.add_argument("--seed", type=int, default=0, help="seed of the numeric trials (default 0)")
    parser.add_argument("--timeout", type=positive_seconds, default=DEFAULT_TIMEOUT, metavar="S",
                        help=f"time limit of each equation's proof, and again of its numeric trials, in seconds (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--budget", type=positive_seconds, default=DEFAULT_BUDGET, metavar="S",
                        help=f"time limit of the whole run, in seconds: equations left when it is spent are "
                             f"inconclusive (default {DEFAULT_BUDGET:g})")
    parser.set_defaults(func=run_check)


def positive_seconds(text: str) -> float:
    """A time limit: a positive, finite number of seconds (0, negative, inf and nan are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text!r}: give a positive, finite number of seconds")
    return value


def run_check(args) -> int:
    """Exit status: 0 every claim holds, 1 a claim fails, is ill-formed or inconclusive, 2 bad input
    (the equations that did read are still checked and reported), 5 nothing to check."""
    started = time.perf_counter()
    try:
        paths = documents_in(args.paths or [str(shipped_derivation())])
    except DocumentError as error:
        print(error, file=sys.stderr)
        return 2
    if not paths:
        print(f"symgrad: no Markdown or LaTeX documents to check in {', '.join(args.paths)}", file=sys.stderr)
        return 5
    deadline = time.monotonic() + args.budget
    reports, failed = [], False
    for path in paths:
        derivations, errors = read_reporting_errors(path)
        failed = failed or bool(errors)
        problems = tuple(InputError(e.line, e.column, e.message.split("\n")[0]) for e in errors)
        if not derivations:
            reports.append(DocumentReport(str(path), path.name, (), (), errors=problems))
            continue
        for k, derivation in enumerate(derivations):
            report = check(derivation, seed=args.seed, timeout=args.timeout, deadline=deadline)
            reports.append(dataclasses.replace(report, errors=problems) if k == 0 else report)
    text = render(args.format, reports, time.perf_counter() - started)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"symgrad: error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    if failed:
        return 2
    for report in reports:
        if not any(finding.verdict != Verdict.DEFINITION for finding in report.findings):
            what = "no displayed equations" if not report.findings else "only definitions, no claim"
            print(f"symgrad: {report.path}: nothing to check ({what})", file=sys.stderr)
    if not any(finding.verdict != Verdict.DEFINITION for report in reports for finding in report.findings):
        return 5  # nothing was checked
    return 0 if all(report.holds for report in reports) else 1


def read_reporting_errors(path: Path) -> tuple[list, list]:
    """The derivations read from `path` and its errors, each printed as FILE:LINE:COL: error: …"""
    try:
        return read_document(path), []
    except DocumentError as error:  # the equations that did read are still checked
        print(error, file=sys.stderr)
        return list(getattr(error, "partial", [])), list(getattr(error, "errors", [error]))


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; for `check` alone the training commands (and NumPy) are not loaded."""
    main_parser = argparse.ArgumentParser(prog="symgrad", description=__doc__)
    main_parser.add_argument("--version", action="version", version=f"symgrad {__version__}")
    subparsers = main_parser.add_subparsers(dest="command", required=True)
    add_check_parser(subparsers)
    if command != "check":
        from symgrad.train.commands import add_codegen_parser, add_train_parser

        add_train_parser(subparsers)
        add_codegen_parser(subparsers)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv[0] if argv else None).parse_args(argv)
    return args.func(args)
