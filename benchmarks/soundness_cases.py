"""The true claims the soundness benchmark mutates: the notes' proven ones and a small library.

A base claim is ``lhs = rhs`` with the definitions in force before it: a claim's own sides, or a
step's right side against its chain head's left side.  The library adds identities of the same
kind as the notes (sums over samples, σ derivatives, chain-rule products, layer recursions).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import sympy as sp

from symgrad import Derivation, check, family, mean, parameter, sample_sum, sigma
from symgrad.notation import COUNT as n
from symgrad.notation import SAMPLE as i
from symgrad.notation import Notation

ROOT = Path(__file__).resolve().parent.parent
d = sp.Derivative


@dataclass(frozen=True)
class Base:
    """A true claim and its context: the definitions in force, in order, and the notation."""

    name: str
    definitions: tuple
    notation: Notation
    lhs: sp.Expr
    rhs: sp.Expr


def claims_of(derivation: Derivation, prefix: str, verdicts=("proven",)) -> list[Base]:
    """The claims and steps of `derivation` whose verdict (from symgrad) is in `verdicts`;
    every claim and step when `verdicts` is None (symgrad is not asked)."""
    checked = check(derivation, seed=0).findings if verdicts is not None else []
    findings = {f.label: f for f in checked if f.label is not None}
    definitions, head, found = [], None, []
    for equation in derivation.equations:
        if equation.kind == "definition":
            if equation.defines:
                definitions.append((equation.lhs, equation.rhs))
            head = None
            continue
        head = equation if equation.kind == "claim" else head
        finding = findings.get(equation.label)
        if verdicts is None or finding is not None and finding.verdict in verdicts:
            found.append(Base(f"{prefix}({equation.label})", tuple(definitions), derivation.notation, head.lhs, equation.rhs))
    return found


def notes() -> Derivation:
    """The shipped notes (derivations/notes.py)."""
    sys.path.insert(0, str(ROOT / "derivations"))
    try:
        import notes as module
    finally:
        sys.path.remove(str(ROOT / "derivations"))
    return module.DERIVATION


def notes_claims() -> list[Base]:
    """Every claim of the shipped notes that symgrad proves."""
    return claims_of(notes(), "notes ")


def library() -> Derivation:
    """Correct identities written as a student would, each checkable on its own."""
    w, b, v, c = parameter("w"), parameter("b"), parameter("v"), parameter("c")
    x, y, a, h = family("x"), family("y"), family("a"), family("h")
    u = sp.Symbol("u", real=True)
    lib = Derivation("identities")

    lib.section("sums")
    C = sp.Function("C")(w, b)
    error = w * x[i] + b - y[i]
    lib.define("s1", C, mean(error**2))
    lib.claim("s2", d(C, w), mean(2 * error * x[i]))
    lib.step("s3", 2 * w * sample_sum(x[i] ** 2) / n + 2 * b * sample_sum(x[i]) / n - 2 * sample_sum(x[i] * y[i]) / n)
    lib.claim("s4", d(C, b), sp.Mul(2 / n, sample_sum(error), evaluate=False))
    lib.step("s5", 2 * w * sample_sum(x[i]) / n + 2 * b - 2 * sample_sum(y[i]) / n)
    S = sp.Symbol("S", real=True)
    lib.define("s6", S, sample_sum((w * x[i]) ** 2))
    lib.claim("s7", d(S, w), 2 * w * sample_sum(x[i] ** 2))
    lib.claim("s8", d(mean(x[i] * w**3), w), 3 * w**2 * mean(x[i]))
    lib.claim("s9", d(mean((x[i] - w) ** 2) / 2, w), w - mean(x[i]))

    lib.section("sigma")
    lib.claim("g1", d(sigma(u), u), sigma(u) * (1 - sigma(u)))
    lib.claim("g2", d(sigma(3 * u), u), 3 * sigma(3 * u) * (1 - sigma(3 * u)))
    lib.claim("g3", d(sigma(u) ** 2, u), 2 * sigma(u) ** 2 * (1 - sigma(u)))
    lib.claim("g4", d(sigma(u) * (1 - sigma(u)), u), sigma(u) * (1 - sigma(u)) * (1 - 2 * sigma(u)))

    lib.section("chain rule")
    lib.define("c1", a[i], sigma(w * x[i] + b))
    lib.define("c2", h[i], sigma(v * a[i] + c))
    lib.claim("c3", d(h[i], w), h[i] * (1 - h[i]) * v * a[i] * (1 - a[i]) * x[i])
    lib.claim("c4", d(h[i], b), h[i] * (1 - h[i]) * v * a[i] * (1 - a[i]))
    lib.claim("c5", d(h[i], a[i]), h[i] * (1 - h[i]) * v)
    E = sp.Symbol("E", real=True)
    lib.define("c6", E, mean((h[i] - y[i]) ** 2))
    lib.claim("c7", d(E, v), mean(2 * (h[i] - y[i]) * h[i] * (1 - h[i]) * a[i]))
    lib.claim("c8", d(E, w), mean(2 * (h[i] - y[i]) * h[i] * (1 - h[i]) * v * a[i] * (1 - a[i]) * x[i]))
    lib.claim("c9", d(E, c), sp.Mul(2 / n, sample_sum((h[i] - y[i]) * h[i] * (1 - h[i])), evaluate=False))

    lib.section("layers")
    ws = [parameter(f"w^{{({k})}}") for k in (1, 2, 3)]
    bs = [parameter(f"b^{{({k})}}") for k in (1, 2, 3)]
    acts = [family(f"a^{{({k})}}") for k in (1, 2, 3)]
    below = x
    for k in range(3):
        lib.define(f"l{k + 1}", acts[k][i], sigma(below[i] * ws[k] + bs[k]))
        below = acts[k]
    slopes = [act[i] * (1 - act[i]) for act in acts]
    L = sp.Symbol("L", real=True)
    lib.define("l4", L, mean((acts[2][i] - y[i]) ** 2))
    top = 2 * (acts[2][i] - y[i]) * slopes[2]
    lib.claim("l5", d(L, ws[2]), mean(top * acts[1][i]))
    lib.claim("l6", d(L, bs[1]), mean(top * ws[2] * slopes[1]))
    lib.claim("l7", d(L, ws[0]), mean(top * ws[2] * slopes[1] * ws[1] * slopes[0] * x[i]))
    lib.claim("l8", d(acts[2][i], acts[0][i]), slopes[2] * ws[2] * slopes[1] * ws[1])

    lib.section("cross-entropy")
    K = sp.Symbol("K", real=True)
    lib.define("x1", K, -mean(y[i] * sp.log(a[i]) + (1 - y[i]) * sp.log(1 - a[i])))
    lib.claim("x2", d(K, w), mean((a[i] - y[i]) * x[i]))
    lib.claim("x3", d(K, b), mean(a[i] - y[i]))
    return lib


def library_claims() -> list[Base]:
    """Every claim of the library (all true, as the oracle confirms; symgrad is not asked)."""
    return claims_of(library(), "library ", verdicts=None)


def all_claims() -> list[Base]:
    return notes_claims() + library_claims()
