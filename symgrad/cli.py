"""The `symgrad` command: check derivations, train models, generate code."""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from importlib import resources
from pathlib import Path

from symgrad_derivations import EXAMPLES

from symgrad import config
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
    add_check_arguments(subparsers.add_parser("check", help="check every equation of derivations"))


def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="documents or directories, - for standard input (default: the paths of [tool.symgrad] in "
                             f"pyproject.toml, else the shipped {SHIPPED})")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text",
                        help="text for people (default), json for programs, markdown or html for a report to share, "
                             "junit (test results), sarif (code scanning) or github (Actions annotations) for CI")
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
    parser.add_argument("--allow-empty", action="store_true",
                        help="documents with no claim are passed over in silence, and exit 0 (not 5) when "
                             "nothing at all was checked: for hooks that are given every Markdown file")
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
        paths = documents_in(args.paths or args.configured_paths or [str(shipped_derivation())])
    except DocumentError as error:
        print(error, file=sys.stderr)
        return 2
    if not paths:
        print(f"symgrad: no Markdown or LaTeX documents to check in {', '.join(args.paths)}", file=sys.stderr)
        return 0 if args.allow_empty else 5
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
        if not any(finding.verdict != Verdict.DEFINITION for finding in report.findings) and not args.allow_empty:
            what = "no displayed equations" if not report.findings else "only definitions, no claim"
            print(f"symgrad: {report.path}: nothing to check ({what})", file=sys.stderr)
    if not any(finding.verdict != Verdict.DEFINITION for report in reports for finding in report.findings):
        return 0 if args.allow_empty else 5  # nothing was checked
    failing = {finding.verdict.value for report in reports for finding in report.findings} & set(args.fail_on)
    return 1 if failing else 0


def add_examples_parser(subparsers) -> None:
    parser = subparsers.add_parser("examples", help="list the shipped example derivations, or copy them")
    parser.add_argument("--copy", metavar="DIR", help="copy them into DIR (created if missing; existing files are kept)")
    parser.set_defaults(func=run_examples)


def run_examples(args) -> int:
    """List the shipped examples with what each shows, or copy them (never over a file)."""
    folder = resources.files("symgrad_derivations")
    if not args.copy:
        width = max(map(len, EXAMPLES))
        for name, what in EXAMPLES.items():
            print(f"{name:<{width}}  {what}")
        print(f"\nin {folder}; `symgrad examples --copy DIR` copies them, `symgrad check DIR` checks the documents")
        return 0
    target = Path(args.copy)
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in EXAMPLES:
            destination = target / name
            if destination.exists():
                print(f"kept {destination} (it exists)")
                continue
            destination.write_bytes(folder.joinpath(name).read_bytes())
            print(f"copied {destination}")
    except OSError as error:
        print(f"symgrad: error: cannot copy into {target}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; for `check` alone the training commands (and NumPy) are not loaded."""
    main_parser = argparse.ArgumentParser(prog="symgrad", description=__doc__)
    main_parser.add_argument("--version", action="version", version=f"symgrad {__version__}")
    subparsers = main_parser.add_subparsers(dest="command", required=True)
    add_check_parser(subparsers)
    add_examples_parser(subparsers)
    if command != "check":
        from symgrad.train.commands import add_codegen_parser, add_train_parser

        add_train_parser(subparsers)
        add_codegen_parser(subparsers)
    return main_parser


def configured() -> tuple[list[str], list[str]]:
    """The flags and the paths that [tool.symgrad] in the nearest pyproject.toml sets, each value
    checked by the command line's own parser: a bad one is an error at its line in the file."""
    path = config.find(Path.cwd())
    if path is None:
        return [], []
    flags, paths = [], []
    validator = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    add_check_arguments(validator)
    for setting in config.load(path):
        if setting.key == "paths":
            paths = setting.arguments
            continue
        try:
            validator.parse_known_args(setting.arguments)
        except argparse.ArgumentError as error:
            raise DocumentError(path, setting.line, setting.column, f"[tool.symgrad] {setting.key}: {error.message}") from None
        flags += setting.arguments
    return flags, paths


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    paths = []
    if argv and argv[0] == "check":
        try:
            flags, paths = configured()
        except DocumentError as error:
            print(error, file=sys.stderr)
            return 2
        argv = ["check", *flags, *argv[1:]]  # a flag given on the command line comes later, and wins
    args = parser(argv[0] if argv else None).parse_args(argv)
    args.configured_paths = paths
    return args.func(args)
