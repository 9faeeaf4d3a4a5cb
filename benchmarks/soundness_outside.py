"""Mutants from outside the engine's own ideas: written as documents, judged by their own oracle.

The mutation benchmark (soundness.py) mutates SymPy claims the way the engine thinks; it could not
see the ways a reader misreads or a proof over-reaches.  This module writes claims as a person
types them (LaTeX in Markdown), in classes taken from an outside review: sum ranges, empty ranges,
capture of a sum's index by a definition, operator scope, differences only at n ≥ 6, differences
only at large |x|, relative differences down to 1e-30, NaN and infinity producers.  Each claim
carries its own meaning as a plain function of n and the values (explicit loops, mpmath at 1000
digits; symgrad is never asked), which decides whether it is true.

    python benchmarks/soundness_outside.py [--json]

A false claim is caught when symgrad says fails or ill-formed, or refuses to read it; a true one
is accepted when it says proven or numerically-equal.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import mpmath

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from symgrad.check import check
from symgrad.documents import read_document
from symgrad.errors import DocumentError

mpmath.mp.dps = 1000
#: Sides closer than this agree: the claims' values stay below 10^{500}, so at 1000 digits a true
#: claim's sides differ by far less, and a false one's (by 1, or by 10^{-30} w) by far more.
TOLERANCE = mpmath.mpf(10) ** -100


@dataclass(frozen=True)
class Claim:
    """One numbered line, what it means (left and right side at n and values), and its class."""

    kind: str
    latex: str
    meaning: Callable  # (n, values) -> (left, right), values: name → number or list by sample
    names: tuple = ("w",)
    families: tuple = ()
    definitions: tuple = ()  # LaTeX lines the claim's document defines first (unnumbered in the count)


def mean(f, n):
    return mpmath.fsum(f(i) for i in range(1, n + 1)) / n


def total(f, low, high):
    return mpmath.fsum(f(i) for i in range(low, high + 1))  # an empty range sums to 0


def sigma(z):
    return 1 / (1 + mpmath.exp(-z))


# -- the classes ---------------------------------------------------------------------------------
def sum_ranges():
    ranges = {"0": lambda n: 0, "1": lambda n: 1, "2": lambda n: 2}
    highs = {"n": lambda n: n, "n-1": lambda n: n - 1, "n+1": lambda n: n + 1}
    for low, lo in ranges.items():
        for high, hi in highs.items():
            yield Claim(
                "sum ranges",
                rf"\sum_{{i={low}}}^{{{high}}} x_i = \sum_{{i=1}}^{{n}} x_i",
                lambda n, v, lo=lo, hi=hi: (total(lambda i: v["x"][i], lo(n), hi(n)), total(lambda i: v["x"][i], 1, n)),
                (), ("x",),
            )
            yield Claim(
                "sum ranges",
                rf"\sum_{{i={low}}}^{{{high}}} (x_i + 1) = \sum_{{i={low}}}^{{{high}}} x_i + n",
                lambda n, v, lo=lo, hi=hi: (total(lambda i: v["x"][i] + 1, lo(n), hi(n)), total(lambda i: v["x"][i], lo(n), hi(n)) + n),
                (), ("x",),
            )


def empty_ranges():
    for k in range(1, 9):
        yield Claim(
            "empty ranges",
            rf"\sum_{{i=1}}^{{{k}-n}} w = ({k} - n) w",
            lambda n, v, k=k: (total(lambda i: v["w"], 1, k - n), (k - n) * v["w"]),
        )
        yield Claim(
            "empty ranges",
            rf"\sum_{{i=1}}^{{n+{k}}} w = (n + {k}) w",
            lambda n, v, k=k: (total(lambda i: v["w"], 1, n + k), (n + k) * v["w"]),
        )


def capture():
    for inner, outer in (("j", "i"), ("i", "j"), ("k", "j"), ("j", "k")):
        definition = rf"g_{outer} = \sum_{{{inner}=1}}^{{n}} x_{outer} x_{inner}"
        yield Claim(
            "capture",
            rf"\sum_{{{inner}=1}}^{{n}} g_{inner} = \left(\sum_{{i=1}}^{{n}} x_i\right)^2",
            lambda n, v: (total(lambda a: total(lambda b: v["x"][a] * v["x"][b], 1, n), 1, n), total(lambda i: v["x"][i], 1, n) ** 2),
            (), ("x", "g"), (definition,),
        )
        yield Claim(
            "capture",
            rf"\sum_{{{inner}=1}}^{{n}} g_{inner} = n \sum_{{i=1}}^{{n}} x_i^2",
            lambda n, v: (total(lambda a: total(lambda b: v["x"][a] * v["x"][b], 1, n), 1, n), n * total(lambda i: v["x"][i] ** 2, 1, n)),
            (), ("x", "g"), (definition,),
        )
        yield Claim(
            "capture",
            rf"\partial_w \sum_{{{inner}=1}}^{{n}} w g_{inner} = 0",
            lambda n, v: (total(lambda a: total(lambda b: v["x"][a] * v["x"][b], 1, n), 1, n), 0),
            ("w",), ("x", "g"), (definition,),
        )


def operator_scope():
    for c in (2, 3, 5):
        for p in (2, 3):
            yield Claim("operator scope", rf"\frac{{d}}{{dw}} {c} w^{p} = 0", lambda n, v, c=c, p=p: (c * p * v["w"] ** (p - 1), 0))
            yield Claim("operator scope", rf"\frac{{d}}{{dw}} {c} w^{p} = {c * p} w^{{{p - 1}}}",
                        lambda n, v, c=c, p=p: (c * p * v["w"] ** (p - 1), c * p * v["w"] ** (p - 1)))
            yield Claim("operator scope", rf"\partial_w {c} w x_1 = 0", lambda n, v, c=c: (c * v["x"][1], 0), ("w",), ("x",))
            yield Claim("operator scope", rf"\frac{{d}}{{dw}} {c}\sigma(w) = 0",
                        lambda n, v, c=c: (c * sigma(v["w"]) * (1 - sigma(v["w"])), 0))
            yield Claim("operator scope", rf"\partial_w \frac{{1}}{{n}}\sum_{{i=1}}^{{n}} {c} (x_i w)^{p} = 0",
                        lambda n, v, c=c, p=p: (mean(lambda i: c * p * v["x"][i] ** p * v["w"] ** (p - 1), n), 0), ("w",), ("x",))


def large_n():
    for roots in ((1, 2, 3, 5), (1, 2, 3, 4, 5), (1, 2, 3, 4, 5, 6, 7, 8), (2, 4, 6, 8, 9)):
        written = "".join(f"(n-{r})" for r in roots)
        yield Claim("only at n ≥ 6", rf"{written} w = 0",
                    lambda n, v, roots=roots: (mpmath.fprod(n - r for r in roots) * v["w"], 0))
        yield Claim("only at n ≥ 6", rf"{written} w = w {written}",
                    lambda n, v, roots=roots: (mpmath.fprod(n - r for r in roots) * v["w"],) * 2)
    yield Claim("only at n ≥ 6", r"(n-1)(n-2) w = (n^2 - 3n + 2) w", lambda n, v: ((n - 1) * (n - 2) * v["w"],) * 2)


def large_x():
    for k in (20, 25, 30, 40):
        yield Claim("only at large |x|", rf"\sigma(w + {k}) = 1", lambda n, v, k=k: (sigma(v["w"] + k), 1))
        yield Claim("only at large |x|", rf"\tanh({k} + w) = 1", lambda n, v, k=k: (mpmath.tanh(k + v["w"]), 1))
        yield Claim("only at large |x|", rf"\sqrt{{(w-{k})^2}} = {k} - w", lambda n, v, k=k: (abs(v["w"] - k), k - v["w"]))
        yield Claim("only at large |x|", rf"e^{{-{k}}} w = 0", lambda n, v, k=k: (mpmath.exp(-k) * v["w"], 0))
        yield Claim("only at large |x|", rf"\sigma(w + {k}) = 1 - \sigma(-w - {k})",
                    lambda n, v, k=k: (sigma(v["w"] + k), 1 - sigma(-v["w"] - k)))
        yield Claim("only at large |x|", rf"\tanh({k} + w) = 1 - \frac{{2}}{{e^{{2({k} + w)}} + 1}}",
                    lambda n, v, k=k: (mpmath.tanh(k + v["w"]), 1 - 2 / (mpmath.exp(2 * (k + v["w"])) + 1)))


def relative():
    for k in (5, 10, 14, 16, 20, 30):
        tiny = mpmath.mpf(10) ** -k
        yield Claim("relative differences", rf"(1 + 10^{{-{k}}}) w = w", lambda n, v, t=tiny: ((1 + t) * v["w"], v["w"]))
        yield Claim("relative differences", rf"w + 10^{{-{k}}} = w", lambda n, v, t=tiny: (v["w"] + t, v["w"]))
        yield Claim("relative differences", rf"10^{{{k}}} + w = 10^{{{k}}}", lambda n, v, k=k: (mpmath.mpf(10) ** k + v["w"], mpmath.mpf(10) ** k))
        yield Claim("relative differences", rf"(10^{{{k}}} + w)^2 - 10^{{{2 * k}}} - 2 \cdot 10^{{{k}}} w = w^2",
                    lambda n, v: (v["w"] ** 2, v["w"] ** 2))


def nan_and_infinity():
    yield Claim("NaN and ∞", r"2 w = w + \frac{0}{0}", lambda n, v: (2 * v["w"], mpmath.nan))
    yield Claim("NaN and ∞", r"\frac{w - w}{w - w} = 1", lambda n, v: (mpmath.nan, 1))
    yield Claim("NaN and ∞", r"\frac{1}{0} = \frac{2}{0}", lambda n, v: (mpmath.inf, mpmath.inf))
    yield Claim("NaN and ∞", r"e^{1000} w = e^{1000} w + 1", lambda n, v: (mpmath.exp(1000) * v["w"], mpmath.exp(1000) * v["w"] + 1))
    yield Claim("NaN and ∞", r"\ln(w - w) = \ln(w - w)", lambda n, v: (mpmath.nan, mpmath.nan))
    yield Claim("NaN and ∞", r"\frac{w^2 - 1}{w - 1} = w + 1", lambda n, v: ((v["w"] ** 2 - 1) / (v["w"] - 1), v["w"] + 1))
    yield Claim("NaN and ∞", r"e^{1000} w - e^{1000} w = 0", lambda n, v: (0, 0))


CLASSES = (sum_ranges, empty_ranges, capture, operator_scope, large_n, large_x, relative, nan_and_infinity)


# -- the oracle ------------------------------------------------------------------------------------
def true_claim(claim: Claim, seed: int) -> bool:
    """True when both sides agree at every n = 0 … 12 and random values of three magnitudes; a
    side that is not a finite real number makes the claim false (it has nothing to hold)."""
    rng = random.Random(seed)
    for n in range(0, 13):
        for scale in (2, 30, 1000):
            values = {name: mpmath.mpf(rng.uniform(-scale, scale)) for name in claim.names}
            values.update({family: [mpmath.mpf(rng.uniform(-3, 3)) for _ in range(n + 3)] for family in claim.families})
            try:
                left, right = claim.meaning(n, values)
            except (ZeroDivisionError, ValueError):
                return False
            if not all(mpmath.isfinite(side) and mpmath.im(side) == 0 for side in (left, right)):
                return False
            if abs(left - right) > TOLERANCE:
                return False
    return True


# -- running ---------------------------------------------------------------------------------------
def verdicts(claims: list[Claim]) -> list[str]:
    """symgrad's verdict on each claim, read from a Markdown document of its own ("unread" when refused)."""
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for number, claim in enumerate(claims, 1):
            lines = [f"$$ {line} $$" for line in claim.definitions] + [f"$$ {claim.latex} \\quad ({number}) $$"]
            path = Path(folder) / f"claim{number}.md"
            path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
            try:
                (derivation,) = read_document(path)
            except DocumentError as error:
                derivation = (getattr(error, "partial", None) or [None])[0]
            report = check(derivation, seed=number) if derivation is not None else None
            results = [f for f in report.findings if f.label == str(number)] if report else []
            found.append(results[0].verdict.value if results else "unread")
    return found


def measure(seed: int = 0) -> dict:
    started = time.perf_counter()
    classes: dict = {}
    misses = []
    for make in CLASSES:
        claims = list(make())
        truths = [true_claim(claim, seed) for claim in claims]
        for claim, truth, verdict in zip(claims, truths, verdicts(claims)):
            row = classes.setdefault(claim.kind, {"mutants": 0, "caught": 0, "true": 0, "accepted": 0})
            if truth:
                row["true"] += 1
                accepted = verdict in ("proven", "numerically-equal")
                row["accepted"] += accepted
                if not accepted:
                    misses.append(f"rejected true claim ({verdict}): {claim.latex}")
            else:
                row["mutants"] += 1
                caught = verdict in ("fails", "ill-formed", "unread")
                row["caught"] += caught
                if not caught:
                    misses.append(f"missed false claim ({verdict}): {claim.latex}")
    return {"classes": classes, "misses": misses, "seconds": round(time.perf_counter() - started, 2)}


def text(report: dict) -> str:
    lines = [f"{'class':<22} {'caught':>14} {'accepted':>14}"]
    for kind, row in report["classes"].items():
        lines.append(f"{kind:<22} {row['caught']:>6} / {row['mutants']:<6} {row['accepted']:>6} / {row['true']:<6}")
    lines.append(f"in {report['seconds']} s")
    if report["misses"]:
        lines += ["", "misses:"] + [f"  {miss}" for miss in report["misses"]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    report = measure(args.seed)
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else text(report))


if __name__ == "__main__":
    main()
