"""The `symgrad` command: check derivations, train models, generate code."""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from importlib import resources
from pathlib import Path

from symgrad.check.engine import DEFAULT_TIMEOUT
from symgrad.documents import check_document, documents_in
from symgrad.errors import DocumentError
from symgrad.report import FORMATS, render
from symgrad.results import Verdict
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
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=f"documents or directories, - for standard input (default: {SHIPPED})")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text",
                        help="text for people (default), json for programs, markdown or html for a report to share")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of standard output")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="text format: show only the lines that do not hold, and the summary")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the verdicts of the text format (auto: on a terminal, unless NO_COLOR is set)")
    parser.add_argument("--fail-on", type=verdict_list, default=FAIL_ON, metavar="VERDICTS",
                        help="the verdicts that make the exit status 1, comma-separated "
                             f"(default {','.join(FAIL_ON)}); --exit-zero for none")
    parser.add_argument("--exit-zero", action="store_const", const=(), dest="fail_on",
                        help="exit 0 whatever the verdicts (bad input still exits 2)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the numeric trials (default 0)")
    parser.add_argument("--timeout", type=positive_seconds, default=DEFAULT_TIMEOUT, metavar="S",
                        help=f"time limit of each equation's proof, and again of its numeric trials, in seconds (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--budget", type=positive_seconds, default=DEFAULT_BUDGET, metavar="S",
                        help=f"time limit of the whole run, in seconds: equations left when it is spent are "
                             f"inconclusive (default {DEFAULT_BUDGET:g})")
    parser.set_defaults(func=run_check)


#: The verdicts that fail a run by default: everything that does not hold.
FAIL_ON = tuple(verdict.value for verdict in Verdict if not verdict.holds)


def verdict_list(text: str) -> tuple[str, ...]:
    """--fail-on: verdicts, comma-separated (fails,ill-formed)."""
    chosen = tuple(word.strip() for word in text.split(",") if word.strip())
    unknown = [word for word in chosen if word not in {v.value for v in Verdict}]
    if unknown:
        raise argparse.ArgumentTypeError(f"{', '.join(unknown)}: not a verdict (choose from {', '.join(v.value for v in Verdict)})")
    return chosen


def use_colour(choice: str, output: str | None) -> bool:
    """Colour on a terminal unless NO_COLOR is set (https://no-color.org), or when asked for."""
    if choice != "auto":
        return choice == "always"
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


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
        found, errors = check_document(path, seed=args.seed, timeout=args.timeout, deadline=deadline)
        if errors:  # FILE:LINE:COL: error: …, each with its line and a caret
            print("\n".join(str(error) for error in errors), file=sys.stderr)
        failed = failed or bool(errors)
        reports += found
    text = render(args.format, reports, time.perf_counter() - started,
                  color=use_colour(args.color, args.output), quiet=args.quiet)
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
    failing = {finding.verdict.value for report in reports for finding in report.findings} & set(args.fail_on)
    return 1 if failing else 0


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
