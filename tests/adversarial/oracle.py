#!/usr/bin/env python3
"""Independent truth for the adversarial corpus of symgrad.

This script does NOT import symgrad.  For every document of the corpus it holds

* the document text (written out as ``<class>/<name>.md`` or ``.tex``), and
* for every numbered equation, a hand translation of the LaTeX into plain SymPy,
  with every sum over the samples EXPANDED at a concrete sample count n
  (empty ranges are empty: the ordinary convention, not SymPy's Karr convention).

The truth of a claim ``L = R`` is decided by evaluating both sides at exact
rationals (values of both signs, magnitudes up to about 30) for n = 1 … 10 and a
few larger n, and for every sample index i = 1 … n where the claim has one:

* ``true``         equal wherever both sides are defined (real and finite), and the
                    two sides are defined on the same set;
* ``conditional``  equal on part of the domain only, or equal where both are
                    defined while one side is defined on a strictly larger set
                    (e.g. e^{ln w} = w holds for w > 0 only);
* ``false``        for some admissible n (and sample i) the two sides differ at every
                    tried point, or no point exists where both sides are defined.

Exact rational arithmetic is used whenever both sides are rational; otherwise the
difference is evaluated by SymPy's adaptive evalf (up to ~900 digits), so a
counterexample is never rounding noise and a cancellation is never mistaken for
a difference.  Structural truths (definition, update rule, ill-formed, hostile
input) are stated by hand with a note.

Usage:
    python tests/adversarial/oracle.py          # (re)write documents and truth files
    python tests/adversarial/oracle.py --check  # exit 1 if any file is out of date
    python tests/adversarial/oracle.py --list   # print every claim and its truth
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import sympy as sp

ROOT = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------
# Vocabulary for the hand translations
# ---------------------------------------------------------------------------

w, b, eta, z, u, q, m, j_, k_ = sp.symbols("w b eta z u q m j k")


def x(k: int) -> sp.Symbol:
    """x_k, the value of sample k (k may be 0 or n+1: just another variable)."""
    return sp.Symbol(f"x_{k}")


def y(k: int) -> sp.Symbol:
    return sp.Symbol(f"y_{k}")


def a(k: int) -> sp.Symbol:
    return sp.Symbol(f"a_{k}")


def rsum(f: Callable[[int], sp.Expr], lo: int, hi: int) -> sp.Expr:
    """sum_{k=lo}^{hi} f(k) with the ordinary convention: empty (0) when hi < lo."""
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])


def I(v) -> sp.Expr:  # exact number
    return sp.nsimplify(v, rational=True) if isinstance(v, str) else sp.Integer(v)


def R(s: str) -> sp.Rational:
    """An exact decimal literal, e.g. R('1.00000000000001')."""
    return sp.Rational(s)


def SIG(e):
    return 1 / (1 + sp.exp(-e))


c1, c2, c3 = sp.symbols("c1 c2 c3")


def H(t):
    """A stand-in for an arbitrary differentiable function h, with random coefficients:
    a claim about every h must hold for this family, and a counterexample in it is one."""
    return c1 * t**3 + c2 * sp.sin(t) + c3


# Domain side channel: SQRT and LN record where they are real.
_CONDS: list[list] = []


def _cond(c):
    if _CONDS:
        _CONDS[-1].append(c)


def SQRT(e):
    _cond(sp.Ge(e, 0))
    return sp.sqrt(e)


def LN(e):
    _cond(sp.Gt(e, 0))
    return sp.log(e)


def D(e, v, order: int = 1):
    """Derivative; the domain conditions of e (recorded while building e) stay."""
    return sp.diff(e, v, order)


UNDEFINED = sp.nan  # a side that is nowhere defined (0/0)

# ---------------------------------------------------------------------------
# Claims and their evaluation
# ---------------------------------------------------------------------------

Side = Callable[..., sp.Expr]


@dataclass
class Claim:
    lhs: Side                      # lhs(n, [i]) -> SymPy expression with sums expanded
    rhs: Side
    per_sample: bool = False       # a free sample index i = 1 … n
    ns: tuple = tuple(range(1, 11)) + (13, 17)
    trials: int = 6


@dataclass
class Eq:
    label: str
    latex: str
    truth: str                      # expected truth (asserted against the computation)
    claim: Optional[Claim] = None   # None: structural truth stated by hand
    note: str = ""
    prose: str = ""                 # a sentence printed before the display


@dataclass
class Doc:
    cls: str
    name: str
    title: str
    intro: str
    items: list                     # Eq or str (prose / raw markdown)
    block: str = ""                 # TOML of a ```symgrad fence, placed after the intro
    hostile: bool = False
    args: list = field(default_factory=list)
    budget: int = 30
    ext: str = ".md"
    raw: Optional[Callable[[], str]] = None   # full text, for generated hostile documents
    note: str = ""


def _seed(*parts) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:12], 16)


def _value(rng: random.Random) -> sp.Rational:
    """A generic rational of either sign, magnitude up to 30: a prime denominator >= 7 keeps
    it off the small rational roots (0, ±1, 2, 1/2, …) where a false polynomial claim can
    hold by coincidence."""
    qd = rng.choice((7, 11, 13, 17, 19, 23, 29, 31))
    while True:
        p = rng.randint(-30 * qd, 30 * qd)
        if p % qd:
            return sp.Rational(p, qd)


def _build(f: Side, *args):
    _CONDS.append([])
    try:
        e = sp.sympify(f(*args))
    finally:
        conds = _CONDS.pop()
    return e, conds


def _defined(expr, conds, pt):
    for c in conds:
        cv = c.xreplace(pt) if hasattr(c, "xreplace") else c
        if cv in (sp.true, True):
            continue
        if cv in (sp.false, False):
            return None
        raise ValueError(f"undecidable condition {c} at {pt}")
    v = expr.xreplace(pt)
    if v.free_symbols:
        raise ValueError(f"untranslated symbols {v.free_symbols} in {expr}")
    if v.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    if v.is_Rational:
        return v
    f = sp.N(v, 40, maxn=3000)
    if f.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    re, im = f.as_real_imag()
    if im != 0 and getattr(im, "_prec", 100) > 10 and abs(im) > sp.Float(10) ** -30 * max(1, abs(re)):
        return None
    return v


def _equal(lv, rv) -> bool:
    if lv.is_Rational and rv.is_Rational:
        return lv == rv
    d = lv - rv
    if d == 0:
        return True
    dv = sp.N(d, 30, maxn=3000)
    return dv == 0 or getattr(dv, "_prec", 100) < 10


def _fmt(v) -> str:
    if v is None:
        return "undefined"
    if v.is_Rational and abs(v.p) < 10**25 and v.q < 10**6:
        return str(v)
    return f"{sp.N(v, 17, maxn=3000)}"


def decide(claim: Claim, key: str):
    """Return (truth, note) for a Claim, computed from expanded sums."""
    rng = random.Random(_seed(key))
    saw_equal = saw_unequal = one_sided = False
    false_example = cond_example = None
    equal_example = None
    seen = set()
    for n in claim.ns:
        samples = range(1, n + 1) if claim.per_sample else [None]
        for i in samples:
            args = (n, i) if claim.per_sample else (n,)
            L, lc = _build(claim.lhs, *args)
            Rr, rc = _build(claim.rhs, *args)
            group = (L, Rr, tuple(lc), tuple(rc))
            if group in seen:        # the same formulas as for a smaller n: nothing new to learn
                continue
            trials = claim.trials * (3 if not seen else 1)
            seen.add(group)
            syms = sorted((L.free_symbols | Rr.free_symbols
                           | {s for c in lc + rc if hasattr(c, "free_symbols") for s in c.free_symbols}),
                          key=str)
            g_equal = g_unequal = 0
            g_example = None
            for _ in range(trials if syms else 1):
                pt = {s: _value(rng) for s in syms}
                lv = _defined(L, lc, pt)
                rv = _defined(Rr, rc, pt)
                where = f"n = {n}" + (f", i = {i}" if i is not None else "") + "".join(
                    f", {s} = {pt[s]}" for s in syms)
                if lv is None and rv is None:
                    continue
                if lv is None or rv is None:
                    one_sided = True
                    cond_example = cond_example or f"at {where} the left side is {_fmt(lv)} and the right side {_fmt(rv)}"
                    continue
                if _equal(lv, rv):
                    g_equal += 1
                    equal_example = equal_example or where
                else:
                    g_unequal += 1
                    g_example = g_example or (f"at {where} the left side is {_fmt(lv)} and the right side "
                                              f"{_fmt(rv)} (left minus right: {_fmt(lv - rv)})")
            saw_equal |= g_equal > 0
            saw_unequal |= g_unequal > 0
            if g_unequal and not g_equal and false_example is None:
                false_example = g_example
            if g_unequal and cond_example is None:
                cond_example = g_example
    if false_example:
        return "false", false_example
    if not saw_equal and not saw_unequal:
        return "false", "no point where both sides are defined (real and finite): the claim has no content"
    if saw_unequal:
        return "conditional", f"holds at some points (e.g. {equal_example}) but not all: {cond_example}"
    if one_sided:
        return "conditional", f"equal where both sides are defined, but the domains differ: {cond_example}"
    return "true", ""


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

def render_md(doc: Doc) -> str:
    out = [f"# {doc.title}", "", doc.intro.strip(), ""]
    if doc.block:
        out += ["```symgrad", doc.block.strip("\n"), "```", ""]
    for item in doc.items:
        if isinstance(item, str):
            out += [item.rstrip(), ""]
            continue
        if item.prose:
            out += [item.prose, ""]
        out += [f"$${item.latex} \\quad ({item.label})$$", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render(doc: Doc) -> str:
    if doc.raw is not None:
        return doc.raw()
    if doc.ext == ".tex":
        raise ValueError("a .tex document needs raw text")
    return render_md(doc)


def truth_of(doc: Doc, check_expect: bool = True) -> dict:
    eqs = {}
    for item in doc.items:
        if not isinstance(item, Eq):
            continue
        if item.claim is None:
            entry = {"truth": item.truth}
            if item.note:
                entry["note"] = item.note
        else:
            t, auto = decide(item.claim, f"{doc.cls}/{doc.name}/{item.label}")
            if check_expect and t != item.truth:
                raise SystemExit(f"oracle: {doc.cls}/{doc.name} ({item.label}): computed {t!r} but the "
                                 f"document says {item.truth!r}: {auto}")
            note = "; ".join(s for s in (item.note, auto) if s)
            entry = {"truth": t}
            if note:
                entry["note"] = note
        eqs[item.label] = entry
    out = {
        "class": doc.cls,
        "hostile": doc.hostile,
        "args": list(doc.args),
        "budget_seconds": doc.budget,
        "equations": eqs,
    }
    if doc.note:
        out["note"] = doc.note
    return out


def load_docs() -> list[Doc]:
    return DOCS


def outputs(docs) -> dict[Path, str]:
    files: dict[Path, str] = {}
    for doc in docs:
        folder = ROOT / doc.cls.replace("-", "_")
        files[folder / f"{doc.name}{doc.ext}"] = render(doc)
        files[folder / f"{doc.name}.truth.json"] = json.dumps(truth_of(doc), indent=2, ensure_ascii=False) + "\n"
    folder = ROOT / "running_code"
    for case in RC_CASES:
        for rel, text in case["files"].items():
            files[folder / case["name"] / rel] = text
        truth = {
            "class": "running-code",
            "hostile": True,
            "args": case["args"],
            "budget_seconds": 30,
            "equations": {},
            "target": f"running_code/{case['name']}" if case["target"] is None else case["target"],
            "cwd": None if case["cwd"] is None else f"running_code/{case['name']}",
            "marker_env": MARKER_ENV,
            "note": case["note"] + f" Set {MARKER_ENV} to an empty directory; after the run it must still be "
                    "empty (the run itself must end cleanly like any hostile case).",
        }
        files[folder / f"{case['name']}.truth.json"] = json.dumps(truth, indent=2, ensure_ascii=False) + "\n"
    return files


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a document or truth file is out of date")
    ap.add_argument("--list", action="store_true", help="print every claim with its truth")
    args = ap.parse_args(argv)
    docs = load_docs()
    names = [f"{d.cls}/{d.name}" for d in docs]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        print(f"oracle: duplicate documents {sorted(dupes)}", file=sys.stderr)
        return 1
    files = outputs(docs)
    if args.list:
        for path, text in sorted(files.items()):
            if path.name.endswith(".truth.json"):
                data = json.loads(text)
                for label, e in data["equations"].items():
                    print(f"{path.relative_to(ROOT)}  ({label})  {e['truth']}  {e.get('note', '')[:150]}")
        return 0
    if args.check:
        stale = [p for p, t in sorted(files.items())
                 if not p.exists() or p.read_text(encoding="utf-8") != t]
        for p in stale:
            print(f"out of date: {p.relative_to(ROOT)}")
        print(f"{len(files)} files checked, {len(stale)} out of date")
        return 1 if stale else 0
    for p, t in sorted(files.items()):
        p.parent.mkdir(parents=True, exist_ok=True)
        if not p.exists() or p.read_text(encoding="utf-8") != t:
            p.write_text(t, encoding="utf-8")
    print(f"wrote {len(files)} files for {len(docs)} documents")
    return 0


# ===========================================================================
# THE CORPUS
# ===========================================================================

def C(lhs, rhs, **kw) -> Claim:
    return Claim(lhs, rhs, **kw)


def CS(lhs, rhs, **kw) -> Claim:
    """A claim with a free sample index i: lhs(n, i), rhs(n, i) for i = 1 … n."""
    return Claim(lhs, rhs, per_sample=True, **kw)


DOCS: list[Doc] = []


def doc(*args, **kw):
    DOCS.append(Doc(*args, **kw))


# @@SPEC@@
# ---------------------------------------------------------------------------
# 1. sums
# ---------------------------------------------------------------------------
SUMS = "sums"

doc(SUMS, "empty_range_six_minus_n", "Sums whose range empties only for n > 6",
    "The upper bound 6 - n is positive for the sample counts a screen usually tries (n = 1, 2, 3, 5) "
    "and negative from n = 7 on, where the sum is empty and equals 0. SymPy's Karr convention would "
    "give -1 there instead; the ordinary convention (an empty sum is 0) is the truth.",
    [
        Eq("1", r"\sum_{i=1}^{6-n} 1 = 6 - n", "false",
           C(lambda n: rsum(lambda k: 1, 1, 6 - n), lambda n: 6 - n),
           prose="Claim (1) is false: at n = 7 the sum is empty (0) and the right side is -1."),
        Eq("2", r"\sum_{i=n}^{5} 1 = 6 - n", "false",
           C(lambda n: rsum(lambda k: 1, n, 5), lambda n: 6 - n),
           prose="Claim (2) is false for the same reason, with the empty range written from below."),
        Eq("3", r"\sum_{i=1}^{6-n} x_1 = (6 - n) x_1", "false",
           C(lambda n: rsum(lambda k: x(1), 1, 6 - n), lambda n: (6 - n) * x(1)),
           prose="Claim (3) is false at n = 7 unless x_1 = 0."),
        Eq("4", r"\sum_{i=1}^{n} 1 = n", "true",
           C(lambda n: rsum(lambda k: 1, 1, n), lambda n: n),
           prose="Claim (4) is true: a control."),
    ])

doc(SUMS, "bound_index_in_summand", "A bound index other than i used bare in the summand",
    "The index of a sum is an integer running over the range; j and k below are bound by their sums "
    "and are not free variables.",
    [
        Eq("1", r"\sum_{j=1}^{n} j = \frac{n(n+1)}{2}", "true",
           C(lambda n: rsum(lambda k: k, 1, n), lambda n: sp.Rational(n * (n + 1), 2)),
           prose="Claim (1) is true (Gauss)."),
        Eq("2", r"\sum_{j=1}^{n} j = \frac{n(n-1)}{2}", "false",
           C(lambda n: rsum(lambda k: k, 1, n), lambda n: sp.Rational(n * (n - 1), 2)),
           prose="Claim (2) is false: at n = 1 the left side is 1 and the right side 0."),
        Eq("3", r"\sum_{k=1}^{3} k = 6", "true",
           C(lambda n: rsum(lambda k: k, 1, 3), lambda n: 6),
           prose="Claim (3) is true: 1 + 2 + 3 = 6."),
        Eq("4", r"\sum_{k=1}^{n} k w = \frac{n(n+1)}{2} w", "true",
           C(lambda n: rsum(lambda k: k * w, 1, n), lambda n: sp.Rational(n * (n + 1), 2) * w),
           prose="Claim (4) is true."),
        Eq("5", r"\sum_{j=1}^{n} j^2 = \frac{n(n+1)(2n+1)}{6}", "true",
           C(lambda n: rsum(lambda k: k**2, 1, n), lambda n: sp.Rational(n * (n + 1) * (2 * n + 1), 6)),
           prose="Claim (5) is true."),
    ])

doc(SUMS, "bound_index_weights", "Samples weighted by their own index",
    "The bound index j weights the sample x_j; renaming the bound index changes nothing.",
    [
        Eq("1", r"\sum_{j=1}^{n} j x_j = \sum_{i=1}^{n} i x_i", "true",
           C(lambda n: rsum(lambda k: k * x(k), 1, n), lambda n: rsum(lambda k: k * x(k), 1, n)),
           prose="Claim (1) is true: only the name of the bound index differs."),
        Eq("2", r"\sum_{j=1}^{n} (j x_j) = \sum_{i=1}^{n} i x_i", "true",
           C(lambda n: rsum(lambda k: k * x(k), 1, n), lambda n: rsum(lambda k: k * x(k), 1, n)),
           prose="Claim (2) is true: the same with explicit parentheses."),
        Eq("3", r"\sum_{j=1}^{n} (j + 1) x_j = \sum_{j=1}^{n} j x_j + \sum_{j=1}^{n} x_j", "true",
           C(lambda n: rsum(lambda k: (k + 1) * x(k), 1, n),
             lambda n: rsum(lambda k: k * x(k), 1, n) + rsum(lambda k: x(k), 1, n)),
           prose="Claim (3) is true."),
        Eq("4", r"\sum_{j=1}^{n} j x_j = \sum_{j=1}^{n} x_j", "false",
           C(lambda n: rsum(lambda k: k * x(k), 1, n), lambda n: rsum(lambda k: x(k), 1, n)),
           prose="Claim (4) is false from n = 2 on."),
    ])

doc(SUMS, "range_from_zero", "Ranges that start at 0",
    "A sum from i = 0 has one term more than a sum from i = 1.",
    [
        Eq("1", r"\sum_{i=0}^{n} x_i = \sum_{i=1}^{n} x_i", "false",
           C(lambda n: rsum(x, 0, n), lambda n: rsum(x, 1, n)),
           prose="Claim (1) is false unless x_0 = 0."),
        Eq("2", r"\sum_{i=0}^{n} x_i = x_0 + \sum_{i=1}^{n} x_i", "true",
           C(lambda n: rsum(x, 0, n), lambda n: x(0) + rsum(x, 1, n)),
           prose="Claim (2) is true."),
        Eq("3", r"\sum_{i=0}^{n-1} 1 = n", "true",
           C(lambda n: rsum(lambda k: 1, 0, n - 1), lambda n: n),
           prose="Claim (3) is true: i = 0 … n-1 is n terms."),
        Eq("4", r"\sum_{i=0}^{n} 1 = n", "false",
           C(lambda n: rsum(lambda k: 1, 0, n), lambda n: n),
           prose="Claim (4) is false: i = 0 … n is n + 1 terms."),
    ])

doc(SUMS, "reversed_ellipsis", "Ellipses written downwards",
    "x_3 + \\dots + x_1 is the sum x_3 + x_2 + x_1 written from the top; it is not an empty sum.",
    [
        Eq("1", r"x_3 + \dots + x_1 = x_1 + x_2 + x_3", "true",
           C(lambda n: x(3) + x(2) + x(1), lambda n: x(1) + x(2) + x(3)),
           note="read as x_3 + x_2 + x_1",
           prose="Claim (1) is true."),
        Eq("2", r"x_3 + \dots + x_1 = 0", "false",
           C(lambda n: x(3) + x(2) + x(1), lambda n: 0),
           note="read as x_3 + x_2 + x_1, which is not identically 0",
           prose="Claim (2) is false."),
        Eq("3", r"x_1 + \dots + x_3 = x_1 + x_2 + x_3", "true",
           C(lambda n: x(1) + x(2) + x(3), lambda n: x(1) + x(2) + x(3)),
           prose="Claim (3) is true: the usual direction, a control."),
        Eq("4", r"x_n + \dots + x_1 = \sum_{i=1}^{n} x_i", "true",
           C(lambda n: rsum(x, 1, n), lambda n: rsum(x, 1, n)),
           note="read as x_n + x_{n-1} + … + x_1",
           prose="Claim (4) is true."),
    ])

doc(SUMS, "definition_index_capture", "Substituting a definition that contains a sum",
    "u_i is defined with a sum over j; substituting u_j into a sum that is itself over j must rename "
    "the inner bound index, or the two indices are captured.",
    [
        Eq("1", r"u_i = \sum_{j=1}^{n} x_j x_i", "definition",
           prose="Equation (1) defines u_i."),
        Eq("2", r"\sum_{j=1}^{n} u_j = \left(\sum_{i=1}^{n} x_i\right)^2", "true",
           C(lambda n: rsum(lambda jj: rsum(lambda kk: x(kk) * x(jj), 1, n), 1, n),
             lambda n: rsum(x, 1, n) ** 2),
           prose="Claim (2) is true: the double sum of x_k x_j is the square of the sum."),
        Eq("3", r"\sum_{k=1}^{n} u_k = \left(\sum_{i=1}^{n} x_i\right)^2", "true",
           C(lambda n: rsum(lambda jj: rsum(lambda kk: x(kk) * x(jj), 1, n), 1, n),
             lambda n: rsum(x, 1, n) ** 2),
           prose="Claim (3) is true: the same with another outer index."),
        Eq("4", r"\sum_{j=1}^{n} u_j = n \sum_{i=1}^{n} x_i^2", "false",
           C(lambda n: rsum(lambda jj: rsum(lambda kk: x(kk) * x(jj), 1, n), 1, n),
             lambda n: n * rsum(lambda k: x(k) ** 2, 1, n)),
           note="this is what a captured index (x_j x_j) would give",
           prose="Claim (4) is false: it is what capturing the index would give."),
        Eq("5", r"u_1 = x_1 \sum_{j=1}^{n} x_j", "true",
           C(lambda n: rsum(lambda kk: x(kk) * x(1), 1, n), lambda n: x(1) * rsum(x, 1, n)),
           prose="Claim (5) is true: u at sample 1."),
    ])

doc(SUMS, "definition_with_range_parameter", "A function whose parameter is a sum's range",
    "f(k) sums the first k samples; h(m) counts to m. An empty range (m < 1) gives 0.",
    [
        Eq("1", r"f(k) = \sum_{i=1}^{k} x_i", "definition", prose="Equation (1) defines f."),
        Eq("2", r"f(2) = x_1 + x_2", "true",
           C(lambda n: rsum(x, 1, 2), lambda n: x(1) + x(2)), prose="Claim (2) is true."),
        Eq("3", r"f(3) - f(2) = x_3", "true",
           C(lambda n: rsum(x, 1, 3) - rsum(x, 1, 2), lambda n: x(3)), prose="Claim (3) is true."),
        Eq("4", r"h(m) = \sum_{i=1}^{m} 1", "definition", prose="Equation (4) defines h."),
        Eq("5", r"h(3) = 3", "true", C(lambda n: rsum(lambda k: 1, 1, 3), lambda n: 3),
           prose="Claim (5) is true."),
        Eq("6", r"h(n - 7) = n - 7", "false",
           C(lambda n: rsum(lambda k: 1, 1, n - 7), lambda n: n - 7),
           prose="Claim (6) is false: for n < 7 the range is empty, h is 0 and n - 7 is negative."),
        Eq("7", r"h(n) = n", "true", C(lambda n: rsum(lambda k: 1, 1, n), lambda n: n),
           prose="Claim (7) is true."),
    ],
    block='functions = ["f", "h"]')

doc(SUMS, "prefix_sums", "Prefix sums and their sum",
    "v_i is the sum of the first i samples. Summing v_j over j counts sample x_j once for every "
    "j' >= j, that is n - j + 1 times.",
    [
        Eq("1", r"v_i = \sum_{j=1}^{i} x_j", "definition", prose="Equation (1) defines v_i."),
        Eq("2", r"\sum_{j=1}^{n} v_j = \sum_{j=1}^{n} (n - j + 1) x_j", "true",
           C(lambda n: rsum(lambda jj: rsum(x, 1, jj), 1, n),
             lambda n: rsum(lambda jj: (n - jj + 1) * x(jj), 1, n)),
           prose="Claim (2) is true."),
        Eq("3", r"\sum_{j=1}^{n} v_j = n \sum_{j=1}^{n} x_j", "false",
           C(lambda n: rsum(lambda jj: rsum(x, 1, jj), 1, n), lambda n: n * rsum(x, 1, n)),
           prose="Claim (3) is false from n = 2 on."),
        Eq("4", r"v_1 = x_1", "true", C(lambda n: x(1), lambda n: x(1)),
           prose="Claim (4) is true."),
    ])

doc(SUMS, "reversed_range_is_empty", "Ranges whose lower bound exceeds the upper bound",
    "With the ordinary convention a sum whose lower bound exceeds its upper bound is empty and "
    "equals 0. (SymPy's Sum uses Karr's convention, under which such a sum is minus the sum over the "
    "gap; that convention is not what a reader of these notes means.)",
    [
        Eq("1", r"\sum_{i=n}^{1} x_i = \sum_{i=1}^{n} x_i", "false",
           C(lambda n: rsum(x, n, 1), lambda n: rsum(x, 1, n)),
           prose="Claim (1) is false: at n = 2 the left side is the empty sum 0."),
        Eq("2", r"\sum_{i=3}^{n} 1 = n - 2", "false",
           C(lambda n: rsum(lambda k: 1, 3, n), lambda n: n - 2),
           prose="Claim (2) is false at n = 1: the left side is 0, the right side -1."),
        Eq("3", r"\sum_{i=5}^{1} 1 = -3", "false",
           C(lambda n: rsum(lambda k: 1, 5, 1), lambda n: -3),
           prose="Claim (3) is false: the sum is empty (Karr's convention would give -3)."),
        Eq("4", r"\sum_{i=1}^{-1} 1 = -1", "false",
           C(lambda n: rsum(lambda k: 1, 1, -1), lambda n: -1),
           prose="Claim (4) is false: the sum is empty."),
        Eq("5", r"\sum_{i=1}^{0} x_i = 0", "true",
           C(lambda n: rsum(x, 1, 0), lambda n: 0), prose="Claim (5) is true."),
    ])

doc(SUMS, "nested_sums", "Nested sums, shadowed and independent indices",
    "An inner sum over the same letter shadows the outer index; independent indices multiply out.",
    [
        Eq("1", r"\sum_{i=1}^{n} \sum_{i=1}^{n} x_i = n \sum_{i=1}^{n} x_i", "true",
           C(lambda n: rsum(lambda o: rsum(x, 1, n), 1, n), lambda n: n * rsum(x, 1, n)),
           prose="Claim (1) is true: the inner i shadows the outer one."),
        Eq("2", r"\sum_{i=1}^{n} \sum_{j=1}^{n} x_i x_j = \left(\sum_{i=1}^{n} x_i\right)^2", "true",
           C(lambda n: rsum(lambda ii: rsum(lambda jj: x(ii) * x(jj), 1, n), 1, n),
             lambda n: rsum(x, 1, n) ** 2),
           prose="Claim (2) is true."),
        Eq("3", r"\sum_{i=1}^{n} \sum_{j=1}^{n} x_i x_j = \sum_{i=1}^{n} x_i^2", "false",
           C(lambda n: rsum(lambda ii: rsum(lambda jj: x(ii) * x(jj), 1, n), 1, n),
             lambda n: rsum(lambda k: x(k) ** 2, 1, n)),
           prose="Claim (3) is false from n = 2 on."),
        Eq("4", r"\sum_{i=1}^{n} \sum_{j=1}^{i} 1 = \frac{n(n+1)}{2}", "true",
           C(lambda n: rsum(lambda ii: rsum(lambda jj: 1, 1, ii), 1, n),
             lambda n: sp.Rational(n * (n + 1), 2)),
           prose="Claim (4) is true."),
        Eq("5", r"\sum_{i=1}^{n} \sum_{j=i}^{n} x_j = \sum_{j=1}^{n} j x_j", "true",
           C(lambda n: rsum(lambda ii: rsum(x, ii, n), 1, n), lambda n: rsum(lambda k: k * x(k), 1, n)),
           prose="Claim (5) is true: x_j is counted once for every i <= j."),
    ])

doc(SUMS, "last_sample_x_n", "The last sample x_n and ranges ending at n - 1 or n + 1",
    "n is the number of samples, so x_n is the last sample and a range from n to n has one term.",
    [
        Eq("1", r"\sum_{i=n}^{n} x_i = x_n", "true",
           C(lambda n: rsum(x, n, n), lambda n: x(n)), prose="Claim (1) is true."),
        Eq("2", r"\sum_{i=1}^{n} x_i = \sum_{i=1}^{n-1} x_i + x_n", "true",
           C(lambda n: rsum(x, 1, n), lambda n: rsum(x, 1, n - 1) + x(n)),
           prose="Claim (2) is true (at n = 1 the sum on the right is empty)."),
        Eq("3", r"\sum_{i=2}^{n} x_i = \sum_{i=1}^{n} x_i - x_1", "true",
           C(lambda n: rsum(x, 2, n), lambda n: rsum(x, 1, n) - x(1)), prose="Claim (3) is true."),
        Eq("4", r"\sum_{i=1}^{n} x_i = \sum_{i=1}^{n+1} x_i - x_{n+1}", "true",
           C(lambda n: rsum(x, 1, n), lambda n: rsum(x, 1, n + 1) - x(n + 1)),
           prose="Claim (4) is true."),
        Eq("5", r"\sum_{i=1}^{n-1} x_i = \sum_{i=1}^{n} x_i", "false",
           C(lambda n: rsum(x, 1, n - 1), lambda n: rsum(x, 1, n)),
           prose="Claim (5) is false unless x_n = 0."),
    ])

doc(SUMS, "differences_from_n_six", "Sums that differ only from n = 6 on",
    "Every claim below holds for n = 1 … 5 and fails from n = 6 on.",
    [
        Eq("1", r"\sum_{i=6}^{n} x_i = 0", "false",
           C(lambda n: rsum(x, 6, n), lambda n: 0),
           prose="Claim (1) is false: at n = 6 the left side is x_6."),
        Eq("2", r"\sum_{i=1}^{n} (i-1)(i-2)(i-3)(i-4)(i-5) = 0", "false",
           C(lambda n: rsum(lambda k: (k - 1) * (k - 2) * (k - 3) * (k - 4) * (k - 5), 1, n), lambda n: 0),
           prose="Claim (2) is false: at n = 6 the left side is 120."),
        Eq("3", r"\sum_{i=1}^{n-5} w = 0", "false",
           C(lambda n: rsum(lambda k: w, 1, n - 5), lambda n: 0),
           prose="Claim (3) is false: at n = 6 the left side is w."),
    ])

# ---------------------------------------------------------------------------
# 2. sample-derivatives
# ---------------------------------------------------------------------------
SD = "sample-derivatives"

doc(SD, "partial_x1_of_sum_from_2", "Derivative with respect to a sample outside the range",
    "x_1 does not occur in a sum that starts at i = 2, so the derivative with respect to x_1 is 0.",
    [
        Eq("1", r"\partial_{x_1} \sum_{i=2}^{n} x_i^2 = 0", "true",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 2, n), x(1)), lambda n: 0),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_{x_1} \sum_{i=2}^{n} x_i^2 = 2 x_1", "false",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 2, n), x(1)), lambda n: 2 * x(1)),
           prose="Claim (2) is false."),
        Eq("3", r"\partial_{x_2} \sum_{i=3}^{n} x_i^2 = 2 x_2", "false",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 3, n), x(2)), lambda n: 2 * x(2)),
           prose="Claim (3) is false."),
        Eq("4", r"\partial_{x_1} \sum_{i=1}^{n} x_i^2 = 2 x_1", "true",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n), x(1)), lambda n: 2 * x(1)),
           prose="Claim (4) is true: a control."),
    ])

doc(SD, "partial_x0", "Derivative with respect to x_0",
    "The samples are x_1 … x_n; x_0 is not among them unless a range starts at 0.",
    [
        Eq("1", r"\partial_{x_0} \sum_{i=1}^{n} x_i^2 = 0", "true",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n), x(0)), lambda n: 0),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_{x_0} \sum_{i=1}^{n} x_i^2 = 2 x_0", "false",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n), x(0)), lambda n: 2 * x(0)),
           prose="Claim (2) is false."),
        Eq("3", r"\partial_{x_0} \sum_{i=0}^{n} x_i^2 = 2 x_0", "true",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 0, n), x(0)), lambda n: 2 * x(0)),
           prose="Claim (3) is true: here the range starts at 0."),
    ])

doc(SD, "partial_x_n_plus_1", "Derivative with respect to x_{n+1}",
    "x_{n+1} lies one past the last sample.",
    [
        Eq("1", r"\partial_{x_{n+1}} \sum_{i=1}^{n} x_i^2 = 0", "true",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n), x(n + 1)), lambda n: 0),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_{x_{n+1}} \sum_{i=1}^{n} x_i^2 = 2 x_{n+1}", "false",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n), x(n + 1)), lambda n: 2 * x(n + 1)),
           prose="Claim (2) is false."),
        Eq("3", r"\partial_{x_n} \sum_{i=1}^{n} x_i^2 = 2 x_n", "true",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n), x(n)), lambda n: 2 * x(n)),
           prose="Claim (3) is true."),
        Eq("4", r"\partial_{x_{n+1}} \sum_{i=1}^{n+1} x_i^2 = 2 x_{n+1}", "true",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n + 1), x(n + 1)), lambda n: 2 * x(n + 1)),
           prose="Claim (4) is true."),
    ])

doc(SD, "partial_short_ranges", "Derivatives of sums that stop at n - 1",
    "A sum up to n - 1 does not contain x_n, and is empty when n = 1.",
    [
        Eq("1", r"\partial_{x_n} \sum_{i=1}^{n-1} x_i^2 = 0", "true",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n - 1), x(n)), lambda n: 0),
           prose="Claim (1) is true: x_n is the last sample, n is not a free index."),
        Eq("2", r"\partial_{x_1} \sum_{i=1}^{n-1} x_i^2 = 2 x_1", "false",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n - 1), x(1)), lambda n: 2 * x(1)),
           prose="Claim (2) is false at n = 1, where the sum is empty."),
        Eq("3", r"\partial_{x_n} \sum_{i=1}^{n} (w x_i)^2 = 2 w^2 x_n", "true",
           C(lambda n: D(rsum(lambda k: (w * x(k)) ** 2, 1, n), x(n)), lambda n: 2 * w**2 * x(n)),
           prose="Claim (3) is true."),
    ])

doc(SD, "partial_fixed_sample_small_n", "A fixed sample that exists only for larger n",
    "x_2 is a sample only when n >= 2, x_3 is never in a sum that stops at 2.",
    [
        Eq("1", r"\partial_{x_2} \sum_{i=1}^{n} w x_i = w", "false",
           C(lambda n: D(rsum(lambda k: w * x(k), 1, n), x(2)), lambda n: w),
           note="holds for n >= 2 only",
           prose="Claim (1) is false at n = 1 (x_2 is not in the sum); it holds for n >= 2."),
        Eq("2", r"\partial_{x_3} \sum_{i=1}^{2} x_i = 1", "false",
           C(lambda n: D(rsum(x, 1, 2), x(3)), lambda n: 1),
           prose="Claim (2) is false: x_3 is not in x_1 + x_2."),
        Eq("3", r"\partial_{x_3} \sum_{i=1}^{2} x_i = 0", "true",
           C(lambda n: D(rsum(x, 1, 2), x(3)), lambda n: 0),
           prose="Claim (3) is true."),
        Eq("4", r"\partial_{x_2} \sum_{i=1}^{n} x_i^2 = 2 x_2", "false",
           C(lambda n: D(rsum(lambda k: x(k) ** 2, 1, n), x(2)), lambda n: 2 * x(2)),
           note="holds for n >= 2 only",
           prose="Claim (4) is false at n = 1; it holds for n >= 2."),
    ])

doc(SD, "partial_xi_and_xj", "Free sample indices i and j",
    "A free index on both sides means: for every sample. Claim (4) sums j on the left and leaves "
    "it free on the right.",
    [
        Eq("1", r"\partial_{x_j} \sum_{i=1}^{n} x_i^2 = 2 x_j", "true",
           CS(lambda n, i: D(rsum(lambda k: x(k) ** 2, 1, n), x(i)), lambda n, i: 2 * x(i)),
           prose="Claim (1) is true for every sample j."),
        Eq("2", r"\partial_{x_i} \sum_{j=2}^{n} x_j^2 = 2 x_i", "false",
           CS(lambda n, i: D(rsum(lambda k: x(k) ** 2, 2, n), x(i)), lambda n, i: 2 * x(i)),
           prose="Claim (2) is false for the sample i = 1."),
        Eq("3", r"\partial_{x_i} \left(\sum_{j=1}^{n} x_j\right)^2 = 2 \sum_{j=1}^{n} x_j", "true",
           CS(lambda n, i: D(rsum(x, 1, n) ** 2, x(i)), lambda n, i: 2 * rsum(x, 1, n)),
           note="the right side does not depend on i, and need not",
           prose="Claim (3) is true for every sample i."),
        Eq("4", r"\partial_{x_i} \sum_{j=1}^{n} x_j^2 = 2 x_j", "ill-formed",
           note="j is bound by the sum on the left and free on the right",
           prose="Equation (4) is ill-formed."),
    ])

doc(SD, "partial_xi_product_with_sum", "The i-th sample inside every term",
    "Differentiating x_j x_i summed over j with respect to x_i hits every term once and the "
    "term j = i twice (product rule).",
    [
        Eq("1", r"\partial_{x_i} \sum_{j=1}^{n} x_j x_i = \sum_{j=1}^{n} x_j + x_i", "true",
           CS(lambda n, i: D(rsum(lambda k: x(k) * x(i), 1, n), x(i)), lambda n, i: rsum(x, 1, n) + x(i)),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_{x_i} \sum_{j=1}^{n} x_j x_i = \sum_{j=1}^{n} x_j", "false",
           CS(lambda n, i: D(rsum(lambda k: x(k) * x(i), 1, n), x(i)), lambda n, i: rsum(x, 1, n)),
           prose="Claim (2) is false: it forgets the term j = i."),
        Eq("3", r"\partial_{x_i} \sum_{j=1}^{n} x_j = 1", "true",
           CS(lambda n, i: D(rsum(x, 1, n), x(i)), lambda n, i: 1),
           prose="Claim (3) is true."),
    ])

doc(SD, "index_is_an_integer", "Sums up to the sample index i",
    "i is a sample index: a positive integer, so a sum of i equal terms is i times the term.",
    [
        Eq("1", r"\sum_{k=1}^{i} w = i w", "true",
           CS(lambda n, i: rsum(lambda k: w, 1, i), lambda n, i: i * w),
           prose="Claim (1) is true for every sample i."),
        Eq("2", r"\sum_{k=1}^{i} 1 = i", "true",
           CS(lambda n, i: rsum(lambda k: 1, 1, i), lambda n, i: i),
           prose="Claim (2) is true."),
        Eq("3", r"\partial_w \sum_{k=1}^{i} w^2 = 2 i w", "true",
           CS(lambda n, i: D(rsum(lambda k: w**2, 1, i), w), lambda n, i: 2 * i * w),
           prose="Claim (3) is true."),
        Eq("4", r"\sum_{k=1}^{i} w = (i + 1) w", "false",
           CS(lambda n, i: rsum(lambda k: w, 1, i), lambda n, i: (i + 1) * w),
           prose="Claim (4) is false."),
    ])

doc(SD, "partial_sample_of_mean", "Derivative of the mean squared error with respect to one sample",
    "The operator applies to the whole product that follows it: the factor 1/n and the sum.",
    [
        Eq("1", r"\partial_{x_1} \frac{1}{n} \sum_{i=1}^{n} (w x_i - y_i)^2 = \frac{2}{n} w (w x_1 - y_1)", "true",
           C(lambda n: D(sp.Rational(1, n) * rsum(lambda k: (w * x(k) - y(k)) ** 2, 1, n), x(1)),
             lambda n: sp.Rational(2, n) * w * (w * x(1) - y(1))),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_{y_1} \sum_{i=1}^{n} (w x_i - y_i)^2 = -2 (w x_1 - y_1)", "true",
           C(lambda n: D(rsum(lambda k: (w * x(k) - y(k)) ** 2, 1, n), y(1)),
             lambda n: -2 * (w * x(1) - y(1))),
           prose="Claim (2) is true."),
        Eq("3", r"\partial_{x_1} \frac{1}{n} \sum_{i=1}^{n} (w x_i - y_i)^2 = 0", "false",
           C(lambda n: D(sp.Rational(1, n) * rsum(lambda k: (w * x(k) - y(k)) ** 2, 1, n), x(1)),
             lambda n: 0),
           note="0 is what reading the operator as applying to 1/n alone gives",
           prose="Claim (3) is false."),
    ])

doc(SD, "partial_neighbouring_samples", "Sums that couple neighbouring samples",
    "Each term x_i x_{i+1} couples a sample with the next one.",
    [
        Eq("1", r"\partial_{x_1} \sum_{i=1}^{n} x_i x_{i+1} = x_2", "true",
           C(lambda n: D(rsum(lambda k: x(k) * x(k + 1), 1, n), x(1)), lambda n: x(2)),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_{x_1} \sum_{i=1}^{n} x_i x_{i+1} = x_2 + x_0", "false",
           C(lambda n: D(rsum(lambda k: x(k) * x(k + 1), 1, n), x(1)), lambda n: x(2) + x(0)),
           prose="Claim (2) is false: there is no term x_0 x_1."),
        Eq("3", r"\partial_{x_{n+1}} \sum_{i=1}^{n} x_i x_{i+1} = x_n", "true",
           C(lambda n: D(rsum(lambda k: x(k) * x(k + 1), 1, n), x(n + 1)), lambda n: x(n)),
           prose="Claim (3) is true."),
    ])

doc(SD, "partial_activation_value", "Derivative with respect to one sample's activation",
    "a_i is a per-sample value; the derivative with respect to a_1 of a sum that starts at 2 is 0.",
    [
        Eq("1", r"\partial_{a_1} \sum_{i=2}^{n} (a_i - y_i)^2 = 0", "true",
           C(lambda n: D(rsum(lambda k: (a(k) - y(k)) ** 2, 2, n), a(1)), lambda n: 0),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_{a_1} \sum_{i=2}^{n} (a_i - y_i)^2 = 2 (a_1 - y_1)", "false",
           C(lambda n: D(rsum(lambda k: (a(k) - y(k)) ** 2, 2, n), a(1)), lambda n: 2 * (a(1) - y(1))),
           prose="Claim (2) is false."),
        Eq("3", r"\partial_{a_i} \sum_{j=1}^{n} (a_j - y_j)^2 = 2 (a_i - y_i)", "true",
           CS(lambda n, i: D(rsum(lambda k: (a(k) - y(k)) ** 2, 1, n), a(i)), lambda n, i: 2 * (a(i) - y(i))),
           prose="Claim (3) is true."),
    ],
    block='families = ["x", "y", "a"]')


def zs(k: int) -> sp.Symbol:
    return sp.Symbol(f"z_{k}")


def MEAN(n: int) -> sp.Expr:
    return rsum(zs, 1, n) / n


doc(SD, "through_a_mean", "Derivatives with respect to one sample through the mean of all",
    "Every term of a sum depends on z_i through the mean, whatever the sum's index is called "
    "(found by an outside tester: only the i-th term was kept when the sum's index was i).",
    [
        Eq("1", r"\mu = \frac{1}{n}\sum_{i=1}^{n} z_i", "definition"),
        Eq("2", r"v = \frac{1}{n}\sum_{i=1}^{n} (z_i - \mu)^2", "definition"),
        Eq("3", r"\frac{\partial v}{\partial z_i} = \frac{2}{n}(z_i - \mu)\left(1 - \frac{1}{n}\right)", "false",
           CS(lambda n, i: D(rsum(lambda k: (zs(k) - MEAN(n)) ** 2, 1, n) / n, zs(i)),
              lambda n, i: sp.Rational(2, n) * (zs(i) - MEAN(n)) * (1 - sp.Rational(1, n))),
           prose="Claim (3) keeps only the i-th term: false from n = 2 on."),
        Eq("4", r"\frac{\partial v}{\partial z_i} = \frac{2}{n}(z_i - \mu)", "true",
           CS(lambda n, i: D(rsum(lambda k: (zs(k) - MEAN(n)) ** 2, 1, n) / n, zs(i)),
              lambda n, i: sp.Rational(2, n) * (zs(i) - MEAN(n))),
           prose="Claim (4) is true: the other terms add -2/n^2 times a sum of deviations, which is 0."),
        Eq("5", r"W = \sum_{i=1}^{n} y_i \mu", "definition"),
        Eq("6", r"\frac{\partial W}{\partial z_i} = \frac{y_i}{n}", "false",
           CS(lambda n, i: D(rsum(lambda k: y(k) * MEAN(n), 1, n), zs(i)), lambda n, i: y(i) / n),
           prose="Claim (6) is false from n = 2 on."),
        Eq("7", r"\frac{\partial W}{\partial z_i} = \frac{1}{n}\sum_{k=1}^{n} y_k", "true",
           CS(lambda n, i: D(rsum(lambda k: y(k) * MEAN(n), 1, n), zs(i)), lambda n, i: rsum(y, 1, n) / n),
           prose="Claim (7) is true."),
    ])

doc(SD, "approximate_numbers", "Approximations between numbers",
    "An approximation between numbers holds to the digits written (an outside tester found them passed "
    "as definitions).",
    [
        Eq("1", r"C(w) = w^2", "definition"),
        Eq("2", r"\sigma'(0) \approx 0.5", "false",
           C(lambda n: D(SIG(z), z).subs(z, 0), lambda n: R("0.5")), prose="Claim (2) is false: σ'(0) = 1/4."),
        Eq("3", r"\sigma'(0) \approx 0.25", "true",
           C(lambda n: D(SIG(z), z).subs(z, 0), lambda n: R("0.25")), prose="Claim (3) is true."),
        Eq("4", r"C'(1.5) \approx 30", "false",
           C(lambda n: D(w ** 2, w).subs(w, R("1.5")), lambda n: 30), prose="Claim (4) is false: C'(1.5) = 3."),
        Eq("5", r"C'(1.5) \approx 3", "true",
           C(lambda n: D(w ** 2, w).subs(w, R("1.5")), lambda n: 3), prose="Claim (5) is true."),
    ])

# ---------------------------------------------------------------------------
# 3. operator-scope
#    The conventional reading: d/dw, \partial_w and \frac{\partial}{\partial w} take the whole
#    product that follows them, up to the next + or - at the same level.
# ---------------------------------------------------------------------------
OS = "operator-scope"
SCOPE_INTRO = ("The operator takes the whole product that follows it, up to the next + or - at the "
               "same level (the conventional reading, as in d/dx 3x^2 = 6x).")

doc(OS, "d_dw_three_w_squared", "d/dw of a constant times a power", SCOPE_INTRO,
    [
        Eq("1", r"\frac{d}{dw} 3 w^2 = 0", "false", C(lambda n: D(3 * w**2, w), lambda n: 0),
           note="0 is what applying d/dw to the 3 alone gives", prose="Claim (1) is false."),
        Eq("2", r"\frac{d}{dw} 3 w^2 = 6 w", "true", C(lambda n: D(3 * w**2, w), lambda n: 6 * w),
           prose="Claim (2) is true."),
    ])

doc(OS, "partial_two_w_x1", "A partial derivative followed by a product", SCOPE_INTRO,
    [
        Eq("1", r"\partial_w 2 w x_1 = 0", "false", C(lambda n: D(2 * w * x(1), w), lambda n: 0),
           prose="Claim (1) is false."),
        Eq("2", r"\partial_w 2 w x_1 = 2 x_1", "true", C(lambda n: D(2 * w * x(1), w), lambda n: 2 * x(1)),
           prose="Claim (2) is true."),
    ])

doc(OS, "d_dw_two_sigma", "d/dw of a multiple of the sigmoid", SCOPE_INTRO,
    [
        Eq("1", r"\frac{d}{dw} 2\sigma(w) = 0", "false", C(lambda n: D(2 * SIG(w), w), lambda n: 0),
           prose="Claim (1) is false."),
        Eq("2", r"\frac{d}{dw} 2\sigma(w) = 2 \sigma(w)(1 - \sigma(w))", "true",
           C(lambda n: D(2 * SIG(w), w), lambda n: 2 * SIG(w) * (1 - SIG(w))),
           prose="Claim (2) is true."),
    ])

doc(OS, "frac_partial_five_w", "Leibniz notation followed by a product", SCOPE_INTRO,
    [
        Eq("1", r"\frac{\partial}{\partial w} 5 w = 5", "true", C(lambda n: D(5 * w, w), lambda n: 5),
           prose="Claim (1) is true."),
        Eq("2", r"\frac{\partial}{\partial w} 5 w = 0", "false", C(lambda n: D(5 * w, w), lambda n: 0),
           prose="Claim (2) is false."),
    ])

doc(OS, "parenthesis_then_factor", "A parenthesised factor followed by another factor", SCOPE_INTRO,
    [
        Eq("1", r"\frac{d}{dw} (w^2) w = 3 w^2", "true", C(lambda n: D(w**2 * w, w), lambda n: 3 * w**2),
           prose="Claim (1) is true: d/dw of w^3."),
        Eq("2", r"\frac{d}{dw} (w^2) w = 2 w^2", "false", C(lambda n: D(w**2 * w, w), lambda n: 2 * w**2),
           note="2 w^2 is (d/dw w^2) times w", prose="Claim (2) is false."),
    ])

doc(OS, "cdot_product", "A product written with \\cdot", SCOPE_INTRO,
    [
        Eq("1", r"\partial_w w \cdot w = 2 w", "true", C(lambda n: D(w * w, w), lambda n: 2 * w),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_w w \cdot w = w", "false", C(lambda n: D(w * w, w), lambda n: w),
           prose="Claim (2) is false."),
    ])

doc(OS, "scope_stops_at_plus_minus", "The operator stops at + and -", SCOPE_INTRO,
    [
        Eq("1", r"\frac{d}{dw} w^2 + w = 3 w", "true", C(lambda n: D(w**2, w) + w, lambda n: 3 * w),
           prose="Claim (1) is true: (2w) + w."),
        Eq("2", r"\frac{d}{dw} w^2 + w = 2 w + 1", "false", C(lambda n: D(w**2, w) + w, lambda n: 2 * w + 1),
           prose="Claim (2) is false."),
        Eq("3", r"\frac{d}{dw} 2 w - w = 2 - w", "true", C(lambda n: D(2 * w, w) - w, lambda n: 2 - w),
           prose="Claim (3) is true."),
        Eq("4", r"\frac{d}{dw} 2 w - w = 1", "false", C(lambda n: D(2 * w, w) - w, lambda n: 1),
           prose="Claim (4) is false."),
    ])

doc(OS, "partial_of_mean", "The gradient of the mean squared error, operator before 1/n", SCOPE_INTRO,
    [
        Eq("1", r"\partial_w \frac{1}{n} \sum_{i=1}^{n} (w x_i - y_i)^2 = \frac{2}{n} \sum_{i=1}^{n} x_i (w x_i - y_i)", "true",
           C(lambda n: D(sp.Rational(1, n) * rsum(lambda k: (w * x(k) - y(k)) ** 2, 1, n), w),
             lambda n: sp.Rational(2, n) * rsum(lambda k: x(k) * (w * x(k) - y(k)), 1, n)),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_w \frac{1}{n} \sum_{i=1}^{n} (w x_i - y_i)^2 = 0", "false",
           C(lambda n: D(sp.Rational(1, n) * rsum(lambda k: (w * x(k) - y(k)) ** 2, 1, n), w),
             lambda n: 0),
           prose="Claim (2) is false."),
    ])

doc(OS, "exp_times_w", "d/dw of e^w times w", SCOPE_INTRO,
    [
        Eq("1", r"\partial_w e^{w} w = e^{w} (w + 1)", "true",
           C(lambda n: D(sp.exp(w) * w, w), lambda n: sp.exp(w) * (w + 1)), prose="Claim (1) is true."),
        Eq("2", r"\partial_w e^{w} w = e^{w} w", "false",
           C(lambda n: D(sp.exp(w) * w, w), lambda n: sp.exp(w) * w), prose="Claim (2) is false."),
    ])

doc(OS, "partial_sample_times_constant", "A derivative with respect to a sample, followed by a product",
    SCOPE_INTRO,
    [
        Eq("1", r"\partial_{x_1} 3 x_1^2 = 6 x_1", "true", C(lambda n: D(3 * x(1) ** 2, x(1)), lambda n: 6 * x(1)),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_{x_1} 3 x_1^2 = 0", "false", C(lambda n: D(3 * x(1) ** 2, x(1)), lambda n: 0),
           prose="Claim (2) is false."),
    ])

doc(OS, "sigma_times_w", "d/dw of sigma(w) times w", SCOPE_INTRO,
    [
        Eq("1", r"\frac{d}{dw} \sigma(w) w = \sigma(w)(1 - \sigma(w)) w + \sigma(w)", "true",
           C(lambda n: D(SIG(w) * w, w), lambda n: SIG(w) * (1 - SIG(w)) * w + SIG(w)),
           prose="Claim (1) is true (product rule)."),
        Eq("2", r"\frac{d}{dw} \sigma(w) w = \sigma(w)(1 - \sigma(w)) w", "false",
           C(lambda n: D(SIG(w) * w, w), lambda n: SIG(w) * (1 - SIG(w)) * w),
           prose="Claim (2) is false."),
    ])

doc(OS, "second_derivative_of_product", "A second derivative followed by a product", SCOPE_INTRO,
    [
        Eq("1", r"\frac{d^2}{dw^2} 3 w^3 = 18 w", "true", C(lambda n: D(3 * w**3, w, 2), lambda n: 18 * w),
           prose="Claim (1) is true."),
        Eq("2", r"\frac{d^2}{dw^2} 3 w^3 = 0", "false", C(lambda n: D(3 * w**3, w, 2), lambda n: 0),
           prose="Claim (2) is false."),
    ])

# ---------------------------------------------------------------------------
# 4. claims-as-definitions
#    Only a left side written as a bare name or a function head defines, never a parameter or a
#    data family; a name written again in the same section is a claim about the first definition.
# ---------------------------------------------------------------------------
CD = "claims-as-definitions"

doc(CD, "two_b_over_two", "A left side that simplifies to a parameter",
    "b is a parameter; 2b/2 is an expression, not a name being defined.",
    [
        Eq("1", r"b + b = 2 b", "true", C(lambda n: b + b, lambda n: 2 * b), prose="Claim (1) is true."),
        Eq("2", r"\frac{2b}{2} = 3b + 1", "false", C(lambda n: 2 * b / 2, lambda n: 3 * b + 1),
           note="must be checked, not taken as a definition of b", prose="Claim (2) is false (it holds only at b = -1/2)."),
    ])

doc(CD, "one_times_z", "One times a name",
    "1 \\cdot z is an expression whose value is z; the line is a claim about z.",
    [
        Eq("1", r"z + z = 2 z", "true", C(lambda n: z + z, lambda n: 2 * z), prose="Claim (1) is true."),
        Eq("2", r"1 \cdot z = 2 z", "false", C(lambda n: 1 * z, lambda n: 2 * z),
           note="must be checked, not taken as a definition of z", prose="Claim (2) is false (unless z = 0)."),
    ])

doc(CD, "w_to_the_one", "A parameter to the first power", "w^1 is w; the line is a claim.",
    [
        Eq("1", r"w^2 = w \cdot w", "true", C(lambda n: w**2, lambda n: w * w), prose="Claim (1) is true."),
        Eq("2", r"w^1 = w + 1", "false", C(lambda n: w**1, lambda n: w + 1),
           note="must be checked, not taken as a definition of w", prose="Claim (2) is false for every w."),
    ])

doc(CD, "b_plus_w_minus_w", "A left side that cancels down to a parameter",
    "b + w - w is b; the line is a claim about b.",
    [
        Eq("1", r"b + w - w = 5", "false", C(lambda n: b + w - w, lambda n: 5),
           note="must be checked, not taken as a definition of b", prose="Claim (1) is false."),
        Eq("2", r"b \cdot 1 = b", "true", C(lambda n: b * 1, lambda n: b), prose="Claim (2) is true."),
    ])

doc(CD, "parameter_on_the_left", "A parameter alone on the left",
    "b and w are parameters (the defaults); b = w is a claim, and a false one.",
    [
        Eq("1", r"b = w", "false", C(lambda n: b, lambda n: w),
           note="b is a parameter, not a name being defined", prose="Claim (1) is false."),
        Eq("2", r"b - w = 0", "false", C(lambda n: b - w, lambda n: 0), prose="Claim (2) is false."),
        Eq("3", r"b + w = w + b", "true", C(lambda n: b + w, lambda n: w + b), prose="Claim (3) is true."),
    ])

doc(CD, "redefined_delta", "A name written again is a claim about the first definition",
    "delta is defined once as the gradient of C; writing delta = … again in the same section claims "
    "something about that gradient.",
    [
        Eq("1", r"C(w) = (w x_1 - y_1)^2", "definition", prose="Equation (1) defines C."),
        Eq("2", r"\delta = \frac{\partial C}{\partial w}", "definition", prose="Equation (2) defines delta."),
        Eq("3", r"\delta = 0", "false", C(lambda n: D((w * x(1) - y(1)) ** 2, w), lambda n: 0),
           note="a claim about (2): delta is 2 x_1 (w x_1 - y_1)", prose="Claim (3) is false."),
        Eq("4", r"\delta = 2 x_1 (w x_1 - y_1)", "true",
           C(lambda n: D((w * x(1) - y(1)) ** 2, w), lambda n: 2 * x(1) * (w * x(1) - y(1))),
           note="a claim about (2)", prose="Claim (4) is true."),
    ],
    block='functions = ["C"]')

doc(CD, "redefined_name", "A plain name redefined in the same section",
    "u is defined by (1); (2) is a claim about that u, and (3) still means the u of (1).",
    [
        Eq("1", r"u = w + 1", "definition", prose="Equation (1) defines u."),
        Eq("2", r"u = w + 2", "false", C(lambda n: w + 1, lambda n: w + 2),
           note="a claim about (1)", prose="Claim (2) is false."),
        Eq("3", r"2 u = 2 w + 2", "true", C(lambda n: 2 * (w + 1), lambda n: 2 * w + 2),
           note="u is still w + 1", prose="Claim (3) is true."),
    ])

doc(CD, "redefined_function_range", "A function redefined with another body",
    "f is defined by (1); (2) writes f again in the same section and is a claim about it.",
    [
        Eq("1", r"f(k) = \sum_{i=1}^{k} x_i", "definition", prose="Equation (1) defines f."),
        Eq("2", r"f(n) = \sum_{i=1}^{n} x_i^2", "false",
           C(lambda n: rsum(x, 1, n), lambda n: rsum(lambda k: x(k) ** 2, 1, n)),
           note="a claim about (1)", prose="Claim (2) is false."),
        Eq("3", r"f(1) = x_1", "true", C(lambda n: x(1), lambda n: x(1)), prose="Claim (3) is true."),
    ],
    block='functions = ["f"]')

doc(CD, "redefined_function_power", "A function head written again with another argument",
    "f(w) = w^2 defines f; f(b) = b^3 in the same section is a claim about that f.",
    [
        Eq("1", r"f(w) = w^2", "definition", prose="Equation (1) defines f."),
        Eq("2", r"f(b) = b^3", "false", C(lambda n: b**2, lambda n: b**3),
           note="a claim about (1)", prose="Claim (2) is false."),
        Eq("3", r"f(2) = 4", "true", C(lambda n: sp.Integer(2) ** 2, lambda n: 4), prose="Claim (3) is true."),
    ],
    block='functions = ["f"]')

doc(CD, "data_family_on_the_left", "A data family alone on the left",
    "x is a data family (one value per sample): x_i = … is a claim about the data, never a definition.",
    [
        Eq("1", r"\sum_{i=1}^{n} x_i = n x_1", "false",
           C(lambda n: rsum(x, 1, n), lambda n: n * x(1)), prose="Claim (1) is false."),
        Eq("2", r"x_i = x_1", "false", CS(lambda n, i: x(i), lambda n, i: x(1)),
           note="x is a data family; false for every sample i >= 2", prose="Claim (2) is false."),
    ])

doc(CD, "data_family_then_use", "A data-family line followed by a use of the family",
    "x_i = 0 is a (false) claim about the data; the sum after it is about the data too.",
    [
        Eq("1", r"x_i = 0", "false", CS(lambda n, i: x(i), lambda n, i: 0),
           note="x is a data family", prose="Claim (1) is false."),
        Eq("2", r"\sum_{i=1}^{n} x_i = n x_1", "false",
           C(lambda n: rsum(x, 1, n), lambda n: n * x(1)), prose="Claim (2) is false."),
    ])

doc(CD, "update_rule_equals", "The gradient-descent update written with =",
    "(3) is the update rule w <- w - eta C'(w): it neither defines w nor claims an identity. "
    "After it, (4) is an ordinary claim about C'.",
    [
        Eq("1", r"C(w) = (w - 3)^2", "definition", prose="Equation (1) defines C."),
        Eq("2", r"C'(w) = 2(w - 3)", "true", C(lambda n: D((w - 3) ** 2, w), lambda n: 2 * (w - 3)),
           prose="Claim (2) is true."),
        Eq("3", r"w = w - \eta C'(w)", "update", note="the gradient-descent update rule",
           prose="Equation (3) is the update rule."),
        Eq("4", r"C'(w) = 2 w - 6", "true", C(lambda n: D((w - 3) ** 2, w), lambda n: 2 * w - 6),
           prose="Claim (4) is true."),
    ],
    block='parameters = ["w", "b", \'\\eta\']\nfunctions = ["C"]')

doc(CD, "update_rule_leftarrow", "The gradient-descent update written with \\leftarrow",
    "(3) is the update rule w <- w - eta C'(w).",
    [
        Eq("1", r"C(w) = (w - 3)^2", "definition", prose="Equation (1) defines C."),
        Eq("2", r"C'(w) = 2(w - 3)", "true", C(lambda n: D((w - 3) ** 2, w), lambda n: 2 * (w - 3)),
           prose="Claim (2) is true."),
        Eq("3", r"w \leftarrow w - \eta C'(w)", "update", note="the gradient-descent update rule",
           prose="Equation (3) is the update rule."),
        Eq("4", r"C'(w) = 2 w - 6", "true", C(lambda n: D((w - 3) ** 2, w), lambda n: 2 * w - 6),
           prose="Claim (4) is true."),
    ],
    block='parameters = ["w", "b", \'\\eta\']\nfunctions = ["C"]')

doc(CD, "self_reference", "Lines that refer to themselves",
    "q = q + 1 has no solution and defines nothing; u_i = u_i + x_i accumulates into u_i.",
    [
        Eq("1", r"q = q + 1", "ill-formed", note="circular: q is defined in terms of itself",
           prose="Equation (1) is ill-formed."),
        Eq("2", r"u_i = u_i + x_i", "ill-formed",
           note="circular (u_i is not defined before); an update rule reading is acceptable too",
           prose="Equation (2) is ill-formed (or an update rule)."),
        Eq("3", r"w + 1 = 1 + w", "true", C(lambda n: w + 1, lambda n: 1 + w),
           prose="Claim (3) is true: checking goes on."),
    ])

doc(CD, "trivial_identity_then_use", "A trivially true line whose left side simplifies to w",
    "w \\cdot 1 = w is a (true) claim about the parameter w, not a definition of w; the next line uses w.",
    [
        Eq("1", r"w \cdot 1 = w", "true", C(lambda n: w * 1, lambda n: w), prose="Claim (1) is true."),
        Eq("2", r"w^2 = w \cdot w", "true", C(lambda n: w**2, lambda n: w * w), prose="Claim (2) is true."),
        Eq("3", r"w^2 = 2 w", "false", C(lambda n: w**2, lambda n: 2 * w), prose="Claim (3) is false."),
    ])

doc(CD, "parameter_self_reference", "A parameter equated to an expression in itself",
    "b is a parameter; b = 3b + 1 holds only at b = -1/2 and is a (false) claim, not a definition.",
    [
        Eq("1", r"b = 3 b + 1", "false", C(lambda n: b, lambda n: 3 * b + 1), prose="Claim (1) is false."),
        Eq("2", r"b + 1 = 2", "false", C(lambda n: b + 1, lambda n: 2), prose="Claim (2) is false."),
    ])

doc(CD, "function_head_claims", "Lines that look like function heads but are claims",
    "\\ln, e^{…} and \\sqrt are known functions; a line with one of them on the left is a claim.",
    [
        Eq("1", r"\ln(e^{w}) = w", "true", C(lambda n: LN(sp.exp(w)), lambda n: w), prose="Claim (1) is true."),
        Eq("2", r"\ln(e^{w}) = 2 w", "false", C(lambda n: LN(sp.exp(w)), lambda n: 2 * w),
           prose="Claim (2) is false."),
        Eq("3", r"e^{\ln(w)} = 2 w", "false", C(lambda n: sp.exp(LN(w)), lambda n: 2 * w),
           prose="Claim (3) is false wherever the left side is defined."),
        Eq("4", r"e^{40} + w - e^{40} = w", "true", C(lambda n: sp.exp(40) + w - sp.exp(40), lambda n: w),
           prose="Claim (4) is true."),
        Eq("5", r"\sqrt{w}^2 = 2 w", "false", C(lambda n: SQRT(w) ** 2, lambda n: 2 * w),
           prose="Claim (5) is false wherever the left side is defined."),
    ])

# ---------------------------------------------------------------------------
# 5. notation-rewrites
#    A notation block that rewrites a number, a parameter or a whole claim must not make a false
#    claim proven silently. The truth is the claim as written.
# ---------------------------------------------------------------------------
NR = "notation-rewrites"

doc(NR, "denote_two_as_three", "A notation block that rewrites the number 2",
    "The block below maps the number 2 to 3. The claims mean what they say.",
    [
        Eq("1", r"2 w = 3 w", "false", C(lambda n: 2 * w, lambda n: 3 * w), prose="Claim (1) is false."),
        Eq("2", r"w + w = 2 w", "true", C(lambda n: w + w, lambda n: 2 * w), prose="Claim (2) is true."),
        Eq("3", r"2 \cdot 2 = 4", "true", C(lambda n: 2 * 2, lambda n: 4), prose="Claim (3) is true."),
    ],
    block="[[denote]]\nwritten = '2'\nmeans = '3'")

doc(NR, "denote_b_as_w", "A notation block that rewrites a parameter into another",
    "The block below maps the parameter b to the parameter w.",
    [
        Eq("1", r"b - w = 0", "false", C(lambda n: b - w, lambda n: 0), prose="Claim (1) is false."),
        Eq("2", r"b^2 = w b", "false", C(lambda n: b**2, lambda n: w * b), prose="Claim (2) is false."),
        Eq("3", r"b + w = w + b", "true", C(lambda n: b + w, lambda n: w + b), prose="Claim (3) is true."),
    ],
    block="[[denote]]\nwritten = 'b'\nmeans = 'w'")

doc(NR, "names_b_as_w", "A names entry that maps one parameter onto another",
    "The block below says the written b is the symbol w.",
    [
        Eq("1", r"b - w = 0", "false", C(lambda n: b - w, lambda n: 0), prose="Claim (1) is false."),
        Eq("2", r"b w = w^2", "false", C(lambda n: b * w, lambda n: w**2), prose="Claim (2) is false."),
    ],
    block='names = { b = "w" }')

doc(NR, "denote_derivative_as_zero", "A notation block that rewrites a derivative to 0",
    "The block below maps the derivative of w^2 to 0.",
    [
        Eq("1", r"\partial_w w^2 = 0", "false", C(lambda n: D(w**2, w), lambda n: 0), prose="Claim (1) is false."),
        Eq("2", r"\partial_w w^3 = 3 w^2", "true", C(lambda n: D(w**3, w), lambda n: 3 * w**2),
           prose="Claim (2) is true."),
    ],
    block="[[denote]]\nwritten = '\\partial_w w^2'\nmeans = '0'")

doc(NR, "denote_sigma_zero", "A notation block that rewrites sigma(0)",
    "The block below maps sigma(0) to 0; the sigmoid at 0 is 1/2.",
    [
        Eq("1", r"\sigma(0) = 0", "false", C(lambda n: SIG(0), lambda n: 0), prose="Claim (1) is false."),
        Eq("2", r"\sigma(0) = \frac{1}{2}", "true", C(lambda n: SIG(0), lambda n: sp.Rational(1, 2)),
           prose="Claim (2) is true."),
    ],
    block="[[denote]]\nwritten = '\\sigma(0)'\nmeans = '0'")

doc(NR, "assume_parameter_value", "An assumption that pins a parameter, with a misleading reading",
    "The block assumes w = 3 while its reading only says that w is positive. w is a parameter: a "
    "claim about it must hold for every w.",
    [
        Eq("1", r"w^2 = 9", "false", C(lambda n: w**2, lambda n: 9), prose="Claim (1) is false."),
        Eq("2", r"w^2 - 9 = (w - 3)(w + 3)", "true", C(lambda n: w**2 - 9, lambda n: (w - 3) * (w + 3)),
           prose="Claim (2) is true."),
    ],
    block="[[assume]]\nequation = 'w = 3'\nreading = \"w is positive.\"")

doc(NR, "held_parameter", "A parameter declared held (constant under the derivative)",
    "Holding the very variable one differentiates by does not change the derivative of w^2.",
    [
        Eq("1", r"\partial_w w^2 = 0", "false", C(lambda n: D(w**2, w), lambda n: 0), prose="Claim (1) is false."),
        Eq("2", r"\partial_w w^2 = 2 w", "true", C(lambda n: D(w**2, w), lambda n: 2 * w),
           prose="Claim (2) is true."),
    ],
    block='held = ["w"]')

doc(NR, "denote_one_as_zero", "A notation block that rewrites the number 1",
    "The block below maps the number 1 to 0.",
    [
        Eq("1", r"(w + 1)^2 = w^2 + 2 w", "false", C(lambda n: (w + 1) ** 2, lambda n: w**2 + 2 * w),
           prose="Claim (1) is false."),
        Eq("2", r"w \cdot 1 = 0", "false", C(lambda n: w * 1, lambda n: 0), prose="Claim (2) is false."),
        Eq("3", r"(w + 1)^2 = w^2 + 2 w + 1", "true", C(lambda n: (w + 1) ** 2, lambda n: w**2 + 2 * w + 1),
           prose="Claim (3) is true."),
    ],
    block="[[denote]]\nwritten = '1'\nmeans = '0'")

doc(NR, "implicit_parameter", "A parameter declared implicit (one value per sample)",
    "Declaring w implicit makes it w_i on both sides; the derivative of w^2 is still 2w.",
    [
        Eq("1", r"\partial_w w^2 = 2 w", "true", C(lambda n: D(w**2, w), lambda n: 2 * w),
           note="true whether w is one value or w_i on both sides", prose="Claim (1) is true."),
        Eq("2", r"\partial_w w^2 = w", "false", C(lambda n: D(w**2, w), lambda n: w),
           prose="Claim (2) is false."),
    ],
    block='implicit = ["w"]')

doc(NR, "activation_sigma_as_tanh", "sigma declared to be tanh",
    "The block declares that sigma means tanh here; the claims are read with that declared meaning, "
    "which the report should print.",
    [
        Eq("1", r"\sigma(0) = 0", "true", C(lambda n: sp.tanh(0), lambda n: 0),
           note="with sigma declared as tanh", prose="Claim (1) is true for tanh."),
        Eq("2", r"\sigma(w) + \sigma(-w) = 1", "false", C(lambda n: sp.tanh(w) + sp.tanh(-w), lambda n: 1),
           note="with sigma declared as tanh", prose="Claim (2) is false for tanh."),
    ],
    block="activations = { '\\sigma' = \"tanh\" }")

doc(NR, "denote_claim_side", "A notation block that rewrites the left side of a false claim",
    "The block maps the expression w + w to the expression 3 w: a rewrite of a claim, not a notation.",
    [
        Eq("1", r"w + w = 3 w", "false", C(lambda n: w + w, lambda n: 3 * w), prose="Claim (1) is false."),
        Eq("2", r"w + b = b + w", "true", C(lambda n: w + b, lambda n: b + w), prose="Claim (2) is true."),
    ],
    block="[[denote]]\nwritten = 'w + w'\nmeans = '3 w'")

# ---------------------------------------------------------------------------
# 6. numeric-screen
# ---------------------------------------------------------------------------
NS = "numeric-screen"

doc(NS, "tiny_relative_factor", "Factors a hair away from 1",
    "Every claim below is false: the factors differ from 1 by 1e-14, 1e-9 and 1e-30.",
    [
        Eq("1", r"1.00000000000001 w = w", "false", C(lambda n: R("1.00000000000001") * w, lambda n: w),
           prose="Claim (1) is false for every w other than 0."),
        Eq("2", r"1.000000001 w = w", "false", C(lambda n: R("1.000000001") * w, lambda n: w),
           prose="Claim (2) is false."),
        Eq("3", r"1.000000000000000000000000000001 w = w", "false",
           C(lambda n: R("1.000000000000000000000000000001") * w, lambda n: w), prose="Claim (3) is false."),
    ])

doc(NS, "tiny_additive_offsets", "Offsets of 1e-10 and 1e-30",
    "Adding a tiny constant changes the value.",
    [
        Eq("1", r"w + 10^{-10} = w", "false", C(lambda n: w + sp.Rational(1, 10**10), lambda n: w),
           prose="Claim (1) is false."),
        Eq("2", r"w + 10^{-30} = w", "false", C(lambda n: w + sp.Rational(1, 10**30), lambda n: w),
           prose="Claim (2) is false."),
        Eq("3", r"w \cdot 10^{-30} = 0", "false", C(lambda n: w * sp.Rational(1, 10**30), lambda n: 0),
           prose="Claim (3) is false."),
        Eq("4", r"w + 10^{-6} = w", "false", C(lambda n: w + sp.Rational(1, 10**6), lambda n: w),
           prose="Claim (4) is false (a control that a float screen catches)."),
    ])

doc(NS, "cancellation_at_large_magnitude", "A small term next to a huge one",
    "In doubles 1e20 + w rounds to 1e20; the claims are still false.",
    [
        Eq("1", r"10^{20} + w = 10^{20}", "false", C(lambda n: sp.Integer(10) ** 20 + w, lambda n: sp.Integer(10) ** 20),
           prose="Claim (1) is false."),
        Eq("2", r"e^{40} + w = e^{40}", "false", C(lambda n: sp.exp(40) + w, lambda n: sp.exp(40)),
           prose="Claim (2) is false."),
        Eq("3", r"2^{53} + 1 = 2^{53}", "false", C(lambda n: sp.Integer(2) ** 53 + 1, lambda n: sp.Integer(2) ** 53),
           prose="Claim (3) is false."),
        Eq("4", r"10^{16} + 1 = 10^{16}", "false", C(lambda n: sp.Integer(10) ** 16 + 1, lambda n: sp.Integer(10) ** 16),
           prose="Claim (4) is false."),
    ])

doc(NS, "nan_producers", "Sides that are nowhere defined",
    "0/0 and 1/0 have no value; an equation with such a side cannot hold.",
    [
        Eq("1", r"2 w = w + \frac{0}{0}", "false", C(lambda n: 2 * w, lambda n: w + UNDEFINED),
           note="the right side is 0/0 for every w", prose="Claim (1) is false: the right side is undefined."),
        Eq("2", r"\frac{w - w}{w - w} = 1", "false", C(lambda n: UNDEFINED, lambda n: 1),
           note="the left side is 0/0 for every w", prose="Claim (2) is false: the left side is undefined."),
        Eq("3", r"\frac{1}{0} = \frac{2}{0}", "false", C(lambda n: sp.zoo, lambda n: sp.zoo),
           note="division by zero on both sides", prose="Claim (3) is false: neither side has a value."),
    ])

doc(NS, "differences_only_at_large_n", "Differences that appear only at n = 4 or n >= 6",
    "A screen that samples n = 1, 2, 3, 5 never sees these differences.",
    [
        Eq("1", r"(n-1)(n-2)(n-3)(n-4)(n-5) w = 0", "false",
           C(lambda n: (n - 1) * (n - 2) * (n - 3) * (n - 4) * (n - 5) * w, lambda n: 0),
           prose="Claim (1) is false at n = 6."),
        Eq("2", r"(n-1)(n-2)(n-3)(n-5) w = 0", "false",
           C(lambda n: (n - 1) * (n - 2) * (n - 3) * (n - 5) * w, lambda n: 0),
           prose="Claim (2) is false at n = 4."),
        Eq("3", r"0^{(n-4)^2} = 0", "false",
           C(lambda n: sp.Integer(0) ** ((n - 4) ** 2), lambda n: 0),
           prose="Claim (3) is false at n = 4, where the left side is 0^0 = 1."),
    ])

doc(NS, "differences_only_at_large_values", "Differences that need large |w|",
    "Saturating functions look constant near the values a screen usually picks.",
    [
        Eq("1", r"\sigma(w + 25) = 1", "false", C(lambda n: SIG(w + 25), lambda n: 1),
           prose="Claim (1) is false (at w = -25 the left side is 1/2)."),
        Eq("2", r"\tanh(20 + w) = 1", "false", C(lambda n: sp.tanh(20 + w), lambda n: 1),
           prose="Claim (2) is false."),
        Eq("3", r"\sqrt{(w-3)^2} = 3 - w", "conditional",
           C(lambda n: SQRT((w - 3) ** 2), lambda n: 3 - w),
           note="holds for w <= 3 only", prose="Claim (3) holds for w <= 3 only."),
    ])

doc(NS, "true_but_hard_in_floats", "True identities that floats get wrong",
    "Each claim below is an exact identity; doubles lose the small terms.",
    [
        Eq("1", r"(10^{20} + w)^2 - 10^{40} - 2 \cdot 10^{20} w = w^2", "true",
           C(lambda n: (sp.Integer(10) ** 20 + w) ** 2 - sp.Integer(10) ** 40 - 2 * sp.Integer(10) ** 20 * w,
             lambda n: w**2),
           prose="Claim (1) is true."),
        Eq("2", r"(w + 10^{10})^2 - (w - 10^{10})^2 = 4 \cdot 10^{10} w", "true",
           C(lambda n: (w + sp.Integer(10) ** 10) ** 2 - (w - sp.Integer(10) ** 10) ** 2,
             lambda n: 4 * sp.Integer(10) ** 10 * w),
           prose="Claim (2) is true."),
        Eq("3", r"\sigma(w + 40) - 1 = -\sigma(-w - 40)", "true",
           C(lambda n: SIG(w + 40) - 1, lambda n: -SIG(-w - 40)), prose="Claim (3) is true."),
        Eq("4", r"(1 + 10^{-20} w)^2 = 1 + 2 \cdot 10^{-20} w + 10^{-40} w^2", "true",
           C(lambda n: (1 + sp.Rational(1, 10**20) * w) ** 2,
             lambda n: 1 + 2 * sp.Rational(1, 10**20) * w + sp.Rational(1, 10**40) * w**2),
           prose="Claim (4) is true."),
    ])

doc(NS, "decimal_literals", "Decimal literals are exact decimals",
    "0.1 means 1/10 exactly; 0.3333333333333333 is not 1/3.",
    [
        Eq("1", r"0.1 + 0.2 = 0.3", "true", C(lambda n: R("0.1") + R("0.2"), lambda n: R("0.3")),
           prose="Claim (1) is true."),
        Eq("2", r"\frac{1}{3} = 0.3333333333333333", "false",
           C(lambda n: sp.Rational(1, 3), lambda n: R("0.3333333333333333")), prose="Claim (2) is false."),
        Eq("3", r"(w+1)^2 = w^2 + 2w + 1.0000000001", "false",
           C(lambda n: (w + 1) ** 2, lambda n: w**2 + 2 * w + R("1.0000000001")), prose="Claim (3) is false."),
    ])

doc(NS, "underflow", "Values below the smallest double",
    "10^{-400} and e^{-800} underflow to 0 in doubles but are not 0.",
    [
        Eq("1", r"w \cdot 0 = \frac{w}{10^{400}}", "false",
           C(lambda n: w * 0, lambda n: w / sp.Integer(10) ** 400), prose="Claim (1) is false."),
        Eq("2", r"e^{-800} w = 0", "false", C(lambda n: sp.exp(-800) * w, lambda n: 0), prose="Claim (2) is false."),
        Eq("3", r"\frac{w}{10^{400}} \cdot 10^{400} = w", "true",
           C(lambda n: w / sp.Integer(10) ** 400 * sp.Integer(10) ** 400, lambda n: w), prose="Claim (3) is true."),
    ])

doc(NS, "overflow", "Values beyond the largest double",
    "e^{800} overflows doubles; exact arithmetic does not care.",
    [
        Eq("1", r"e^{800} - e^{800} = 0", "true", C(lambda n: sp.exp(800) - sp.exp(800), lambda n: 0),
           prose="Claim (1) is true."),
        Eq("2", r"\frac{e^{800 w}}{e^{800 w}} = 1", "true", C(lambda n: sp.exp(800 * w) / sp.exp(800 * w), lambda n: 1),
           prose="Claim (2) is true."),
        Eq("3", r"e^{1000 w} = e^{1000 w} + 1", "false", C(lambda n: sp.exp(1000 * w), lambda n: sp.exp(1000 * w) + 1),
           prose="Claim (3) is false."),
        Eq("4", r"e^{800} w = e^{800} w + 1", "false", C(lambda n: sp.exp(800) * w, lambda n: sp.exp(800) * w + 1),
           prose="Claim (4) is false."),
    ])

doc(NS, "tiny_offsets_in_sums", "Tiny offsets inside and next to sums",
    "Tiny per-sample offsets add up; they never vanish.",
    [
        Eq("1", r"\sum_{i=1}^{n} (x_i + 10^{-12}) = \sum_{i=1}^{n} x_i", "false",
           C(lambda n: rsum(lambda k: x(k) + sp.Rational(1, 10**12), 1, n), lambda n: rsum(x, 1, n)),
           prose="Claim (1) is false."),
        Eq("2", r"\frac{1}{n} \sum_{i=1}^{n} x_i + 10^{-15} n = \frac{1}{n} \sum_{i=1}^{n} x_i", "false",
           C(lambda n: sp.Rational(1, n) * rsum(x, 1, n) + sp.Rational(n, 10**15),
             lambda n: sp.Rational(1, n) * rsum(x, 1, n)),
           prose="Claim (2) is false."),
        Eq("3", r"\sum_{i=1}^{n} 10^{-20} x_i = 0", "false",
           C(lambda n: rsum(lambda k: sp.Rational(1, 10**20) * x(k), 1, n), lambda n: 0),
           prose="Claim (3) is false."),
    ])

doc(NS, "sigmoid_identities", "Sigmoid and tanh identities",
    "Controls: true identities (1)-(3) and a false one (4).",
    [
        Eq("1", r"\sigma(w) + \sigma(-w) = 1", "true", C(lambda n: SIG(w) + SIG(-w), lambda n: 1),
           prose="Claim (1) is true."),
        Eq("2", r"1 - \sigma(w) = \sigma(-w)", "true", C(lambda n: 1 - SIG(w), lambda n: SIG(-w)),
           prose="Claim (2) is true."),
        Eq("3", r"\tanh(w) = 2\sigma(2w) - 1", "true", C(lambda n: sp.tanh(w), lambda n: 2 * SIG(2 * w) - 1),
           prose="Claim (3) is true."),
        Eq("4", r"\tanh(w) = 2\sigma(w) - 1", "false", C(lambda n: sp.tanh(w), lambda n: 2 * SIG(w) - 1),
           prose="Claim (4) is false."),
    ])

doc(NS, "big_integers_exact", "Big integers are exact",
    "Integers beyond 2^53 are still exact in mathematics.",
    [
        Eq("1", r"2^{60} + 1 - 2^{60} = 1", "true",
           C(lambda n: sp.Integer(2) ** 60 + 1 - sp.Integer(2) ** 60, lambda n: 1), prose="Claim (1) is true."),
        Eq("2", r"3^{40} = 3^{40} + 1", "false",
           C(lambda n: sp.Integer(3) ** 40, lambda n: sp.Integer(3) ** 40 + 1), prose="Claim (2) is false."),
        Eq("3", r"10^{30} w + 1 = 10^{30} w", "false",
           C(lambda n: sp.Integer(10) ** 30 * w + 1, lambda n: sp.Integer(10) ** 30 * w), prose="Claim (3) is false."),
    ])

# ---------------------------------------------------------------------------
# 7. domains
# ---------------------------------------------------------------------------
DM = "domains"

doc(DM, "exp_of_ln", "e^{ln w}",
    "ln w is defined for w > 0 only; e^{ln w} = w is an identity there and nowhere else.",
    [
        Eq("1", r"e^{\ln(w)} = w", "conditional", C(lambda n: sp.exp(LN(w)), lambda n: w),
           note="holds for w > 0 only", prose="Claim (1) holds for w > 0 only."),
        Eq("2", r"e^{\ln(w^2)} = w^2", "true", C(lambda n: sp.exp(LN(w**2)), lambda n: w**2),
           note="both sides defined for every w != 0", prose="Claim (2) is true (w != 0)."),
    ])

doc(DM, "ln_of_product", "ln of a product",
    "ln(wb) is defined when wb > 0, ln w + ln b only when w > 0 and b > 0.",
    [
        Eq("1", r"\ln(w b) = \ln(w) + \ln(b)", "conditional",
           C(lambda n: LN(w * b), lambda n: LN(w) + LN(b)),
           note="holds for w > 0 and b > 0 only", prose="Claim (1) holds for w, b > 0 only."),
        Eq("2", r"\ln(w^2) = 2 \ln(w)", "conditional", C(lambda n: LN(w**2), lambda n: 2 * LN(w)),
           note="holds for w > 0 only", prose="Claim (2) holds for w > 0 only."),
    ])

doc(DM, "sqrt_shifted", "sqrt(w - 5)",
    "sqrt(w - 5) is real for w >= 5 only.",
    [
        Eq("1", r"\sqrt{w - 5} = 1", "false", C(lambda n: SQRT(w - 5), lambda n: 1),
           prose="Claim (1) is false (it holds at w = 6 alone)."),
        Eq("2", r"\sqrt{w - 5}^2 = w - 5", "conditional", C(lambda n: SQRT(w - 5) ** 2, lambda n: w - 5),
           note="holds for w >= 5 only", prose="Claim (2) holds for w >= 5 only."),
        Eq("3", r"\frac{d}{dw} \sqrt{w - 5} = \frac{1}{2\sqrt{w - 5}}", "true",
           C(lambda n: D(SQRT(w - 5), w), lambda n: 1 / (2 * SQRT(w - 5))),
           note="both sides defined for w > 5", prose="Claim (3) is true (w > 5)."),
    ])

doc(DM, "ln_shifted", "ln(w - 5)",
    "ln(w - 5) is defined for w > 5 only.",
    [
        Eq("1", r"\ln(w - 5) = 0", "false", C(lambda n: LN(w - 5), lambda n: 0),
           prose="Claim (1) is false (it holds at w = 6 alone)."),
        Eq("2", r"\frac{d}{dw} \ln(w - 5) = \frac{1}{w - 5}", "conditional",
           C(lambda n: D(LN(w - 5), w), lambda n: 1 / (w - 5)),
           note="the left side exists for w > 5 only, the right side for every w != 5",
           prose="Claim (2) holds for w > 5 only."),
        Eq("3", r"\ln(w - 5) - \ln(w - 5) = 0", "conditional",
           C(lambda n: LN(w - 5) - LN(w - 5), lambda n: 0),
           note="the left side exists for w > 5 only", prose="Claim (3) holds for w > 5 only."),
    ])

doc(DM, "sqrt_of_product", "sqrt of a product",
    "sqrt(w) sqrt(b) needs w >= 0 and b >= 0; sqrt(wb) only wb >= 0.",
    [
        Eq("1", r"\sqrt{w} \sqrt{b} = \sqrt{w b}", "conditional",
           C(lambda n: SQRT(w) * SQRT(b), lambda n: SQRT(w * b)),
           note="holds for w, b >= 0 only", prose="Claim (1) holds for w, b >= 0 only."),
        Eq("2", r"\sqrt{w b} = \sqrt{w} \sqrt{b}", "conditional",
           C(lambda n: SQRT(w * b), lambda n: SQRT(w) * SQRT(b)),
           note="holds for w, b >= 0 only", prose="Claim (2) holds for w, b >= 0 only."),
    ])

doc(DM, "sqrt_of_square", "sqrt(w^2) is |w|",
    "Both sides are defined for every w; they agree for w >= 0 only.",
    [
        Eq("1", r"\sqrt{w^2} = w", "conditional", C(lambda n: SQRT(w**2), lambda n: w),
           note="holds for w >= 0 only", prose="Claim (1) holds for w >= 0 only."),
        Eq("2", r"(w^2)^{\frac{1}{2}} = w", "conditional", C(lambda n: SQRT(w**2), lambda n: w),
           note="holds for w >= 0 only", prose="Claim (2) holds for w >= 0 only."),
    ])

doc(DM, "never_defined", "Sides that are never real",
    "ln and sqrt of a negative number are not real numbers.",
    [
        Eq("1", r"\ln(-w^2 - 1) = 0", "false", C(lambda n: LN(-w**2 - 1), lambda n: 0),
           note="the left side is not real for any w", prose="Claim (1) is false: the left side is never real."),
        Eq("2", r"\sqrt{-1 - w^2} = 0", "false", C(lambda n: SQRT(-1 - w**2), lambda n: 0),
           note="the left side is not real for any w", prose="Claim (2) is false: the left side is never real."),
    ])

doc(DM, "sample_domains", "Domains of per-sample values",
    "The samples x_i may be negative.",
    [
        Eq("1", r"\ln(x_1 x_2) = \ln(x_1) + \ln(x_2)", "conditional",
           C(lambda n: LN(x(1) * x(2)), lambda n: LN(x(1)) + LN(x(2))),
           note="holds for x_1, x_2 > 0 only", prose="Claim (1) holds for positive samples only."),
        Eq("2", r"\frac{1}{n} \sum_{i=1}^{n} e^{\ln(x_i)} = \frac{1}{n} \sum_{i=1}^{n} x_i", "conditional",
           C(lambda n: sp.Rational(1, n) * rsum(lambda k: sp.exp(LN(x(k))), 1, n),
             lambda n: sp.Rational(1, n) * rsum(x, 1, n)),
           note="holds when every x_i > 0", prose="Claim (2) holds for positive samples only."),
    ])

doc(DM, "half_powers", "Half powers",
    "w^{1/2} is sqrt(w); (w^2)^{3/2} is |w|^3.",
    [
        Eq("1", r"w^{\frac{1}{2}} w^{\frac{1}{2}} = w", "conditional", C(lambda n: SQRT(w) * SQRT(w), lambda n: w),
           note="the left side exists for w >= 0 only", prose="Claim (1) holds for w >= 0 only."),
        Eq("2", r"(w^2)^{\frac{3}{2}} = w^3", "conditional", C(lambda n: SQRT(w**2) ** 3, lambda n: w**3),
           note="holds for w >= 0 only", prose="Claim (2) holds for w >= 0 only."),
    ])

doc(DM, "derivative_domains", "Derivatives of ln and sqrt",
    "d/dw ln w exists for w > 0 only; 1/w exists for every w != 0.",
    [
        Eq("1", r"\frac{d}{dw} \ln(w) = \frac{1}{w}", "conditional",
           C(lambda n: D(LN(w), w), lambda n: 1 / w),
           note="the left side exists for w > 0 only", prose="Claim (1) holds for w > 0 only."),
        Eq("2", r"\frac{d}{dw} \sqrt{w} = \frac{1}{2\sqrt{w}}", "true",
           C(lambda n: D(SQRT(w), w), lambda n: 1 / (2 * SQRT(w))),
           note="both sides exist for w > 0", prose="Claim (2) is true."),
        Eq("3", r"\frac{d}{dw} w \ln(w) = \ln(w) + 1", "true",
           C(lambda n: D(w * LN(w), w), lambda n: LN(w) + 1),
           note="both sides exist for w > 0", prose="Claim (3) is true."),
    ])

doc(DM, "removable_points", "Claims that fail only at an isolated point",
    "A single point where one side is undefined does not make an identity conditional in this corpus.",
    [
        Eq("1", r"\frac{w^2 - 1}{w - 1} = w + 1", "true",
           C(lambda n: (w**2 - 1) / (w - 1), lambda n: w + 1),
           note="the left side is undefined at w = 1 alone", prose="Claim (1) is true (w != 1)."),
        Eq("2", r"\frac{w}{w} = 1", "true", C(lambda n: w / w, lambda n: 1),
           note="undefined at w = 0 alone", prose="Claim (2) is true (w != 0)."),
        Eq("3", r"\frac{w^2 - 1}{w - 1} = w - 1", "false",
           C(lambda n: (w**2 - 1) / (w - 1), lambda n: w - 1), prose="Claim (3) is false."),
    ])

# ---------------------------------------------------------------------------
# 10. misreadings (own class): operator names without parentheses, TeX tokenisation
# ---------------------------------------------------------------------------
MR = "misreadings"

doc(MR, "ln_without_parentheses", "\\ln written without parentheses",
    "\\ln x means ln(x), as \\sin x means sin(x); \\ln is never a variable called ln.",
    [
        Eq("1", r"\ln x_1 = \ln(x_1)", "true", C(lambda n: LN(x(1)), lambda n: LN(x(1))),
           note="both sides are ln(x_1), defined for x_1 > 0", prose="Claim (1) is true."),
        Eq("2", r"\ln 1 = 0", "true", C(lambda n: sp.log(1), lambda n: 0), prose="Claim (2) is true."),
        Eq("3", r"\ln 5 = 7", "false", C(lambda n: sp.log(5), lambda n: 7), prose="Claim (3) is false."),
        Eq("4", r"e^{\ln w} = w", "conditional", C(lambda n: sp.exp(LN(w)), lambda n: w),
           note="holds for w > 0 only", prose="Claim (4) holds for w > 0 only."),
    ])

doc(MR, "exp_without_parentheses", "\\exp written without parentheses",
    "\\exp 0 means exp(0) = 1.",
    [
        Eq("1", r"\exp 0 = 0", "false", C(lambda n: sp.exp(0), lambda n: 0),
           note="0 is what reading \\exp as a variable times 0 gives", prose="Claim (1) is false."),
        Eq("2", r"\exp 0 = 1", "true", C(lambda n: sp.exp(0), lambda n: 1), prose="Claim (2) is true."),
        Eq("3", r"\exp(w) = e^{w}", "true", C(lambda n: sp.exp(w), lambda n: sp.exp(w)), prose="Claim (3) is true."),
    ])

doc(MR, "sigma_without_parentheses", "\\sigma applied without parentheses",
    "\\sigma 0 is the sigmoid at 0, which is 1/2.",
    [
        Eq("1", r"\sigma 0 = 0", "false", C(lambda n: SIG(0), lambda n: 0), prose="Claim (1) is false."),
        Eq("2", r"\sigma 0 = \frac{1}{2}", "true", C(lambda n: SIG(0), lambda n: sp.Rational(1, 2)),
           prose="Claim (2) is true."),
        Eq("3", r"\sigma w = \sigma(w)", "true", C(lambda n: SIG(w), lambda n: SIG(w)), prose="Claim (3) is true."),
    ])

doc(MR, "tanh_without_parentheses", "\\tanh applied without parentheses",
    "\\tanh w is tanh(w), an odd function.",
    [
        Eq("1", r"\tanh w = -\tanh(-w)", "true", C(lambda n: sp.tanh(w), lambda n: -sp.tanh(-w)),
           prose="Claim (1) is true."),
        Eq("2", r"\tanh 0 = 0", "true", C(lambda n: sp.tanh(0), lambda n: 0), prose="Claim (2) is true."),
        Eq("3", r"\tanh 1 = 1", "false", C(lambda n: sp.tanh(1), lambda n: 1), prose="Claim (3) is false."),
    ])

doc(MR, "tex_single_token_scripts", "TeX subscripts and superscripts take one token",
    "In TeX x_12 is x_1 followed by 2, and w^23 is w^2 followed by 3.",
    [
        Eq("1", r"x_12 = 2 x_1", "true", C(lambda n: x(1) * 2, lambda n: 2 * x(1)),
           note="x_12 renders as x with subscript 1, times 2", prose="Claim (1) is true."),
        Eq("2", r"w^23 = 3 w^2", "true", C(lambda n: w**2 * 3, lambda n: 3 * w**2),
           note="w^23 renders as w squared, times 3", prose="Claim (2) is true."),
        Eq("3", r"x_12 = x_{12}", "false", C(lambda n: 2 * x(1), lambda n: x(12)),
           prose="Claim (3) is false: x_1 times 2 is not the twelfth sample."),
    ])

doc(MR, "digits_separated_by_space", "Digits separated by a space",
    "TeX ignores spaces in math mode: 2 3 renders as 23, the number twenty-three.",
    [
        Eq("1", r"2 3 = 6", "false", C(lambda n: 23, lambda n: 6),
           note="renders as 23 = 6", prose="Claim (1) is false: it reads 23 = 6."),
        Eq("2", r"1 0 w = 10 w", "true", C(lambda n: 10 * w, lambda n: 10 * w),
           note="renders as 10 w = 10 w", prose="Claim (2) is true."),
    ])

doc(MR, "count_as_bound_index", "n used as a sum's bound index",
    "A sum may bind any letter, even n; inside it n is 1, 2, 3.",
    [
        Eq("1", r"\sum_{n=1}^{3} n = 6", "true", C(lambda n: rsum(lambda k: k, 1, 3), lambda n: 6),
           prose="Claim (1) is true."),
        Eq("2", r"\sum_{n=1}^{3} n = 7", "false", C(lambda n: rsum(lambda k: k, 1, 3), lambda n: 7),
           prose="Claim (2) is false."),
    ])

doc(MR, "frac_shorthand", "\\frac12 without braces",
    "\\frac12 is standard TeX for one half.",
    [
        Eq("1", r"\frac12 = 0.5", "true", C(lambda n: sp.Rational(1, 2), lambda n: R("0.5")), prose="Claim (1) is true."),
        Eq("2", r"\frac12 w = w", "false", C(lambda n: sp.Rational(1, 2) * w, lambda n: w), prose="Claim (2) is false."),
    ])

doc(MR, "second_derivatives", "Second derivatives in Leibniz notation",
    "Controls: d^2/dw^2 w^3 = 6w.",
    [
        Eq("1", r"\frac{\partial^2}{\partial w^2} w^3 = 6w", "true", C(lambda n: D(w**3, w, 2), lambda n: 6 * w),
           prose="Claim (1) is true."),
        Eq("2", r"\frac{d^2}{dw^2} w^3 = 3 w^2", "false", C(lambda n: D(w**3, w, 2), lambda n: 3 * w**2),
           prose="Claim (2) is false."),
    ])

doc(MR, "unicode_minus", "A Unicode minus sign",
    "Copy-pasted formulas often contain U+2212 (−) instead of '-'. Either read it as minus or say so "
    "with a positioned error.",
    [
        Eq("1", "w − w = 0", "true", C(lambda n: w - w, lambda n: 0), prose="Claim (1) is true."),
        Eq("2", "w − w = w", "false", C(lambda n: w - w, lambda n: w), prose="Claim (2) is false."),
    ])

# ---------------------------------------------------------------------------
# 11. functions (own class): functions declared in a block, primes, several arguments
# ---------------------------------------------------------------------------
FN = "functions"

doc(FN, "declared_function_prime", "A declared function and its prime",
    "f is declared in the block and defined by (1).",
    [
        Eq("1", r"f(w) = w^2", "definition", prose="Equation (1) defines f."),
        Eq("2", r"f'(w) = 2w", "true", C(lambda n: D(w**2, w), lambda n: 2 * w), prose="Claim (2) is true."),
        Eq("3", r"f'(w) = w", "false", C(lambda n: D(w**2, w), lambda n: w), prose="Claim (3) is false."),
        Eq("4", r"f(w + 1) = w^2 + 1", "false", C(lambda n: (w + 1) ** 2, lambda n: w**2 + 1),
           prose="Claim (4) is false."),
        Eq("5", r"f(w + 1) = w^2 + 2w + 1", "true", C(lambda n: (w + 1) ** 2, lambda n: w**2 + 2 * w + 1),
           prose="Claim (5) is true."),
    ],
    block='functions = ["f"]')

doc(FN, "two_arguments", "A function of two parameters",
    "g is declared and defined with two arguments.",
    [
        Eq("1", r"g(w, b) = w b^2", "definition", prose="Equation (1) defines g."),
        Eq("2", r"\partial_b g(w, b) = 2 w b", "true", C(lambda n: D(w * b**2, b), lambda n: 2 * w * b),
           prose="Claim (2) is true."),
        Eq("3", r"\partial_w g(w, b) = 2 w b", "false", C(lambda n: D(w * b**2, w), lambda n: 2 * w * b),
           prose="Claim (3) is false."),
        Eq("4", r"g(b, w) = b w^2", "true", C(lambda n: b * w**2, lambda n: b * w**2),
           prose="Claim (4) is true: the arguments are swapped on both sides."),
    ],
    block='functions = ["g"]')

doc(FN, "undefined_declared_function", "A declared function that is never defined",
    "h is declared but has no definition: claims about h must hold for every function h.",
    [
        Eq("1", r"\frac{d}{dw} h(w)^2 = 2 h(w) h'(w)", "true",
           C(lambda n: D(H(w) ** 2, w), lambda n: 2 * H(w) * D(H(w), w)),
           note="checked with h(t) = c1 t^3 + c2 sin t + c3 for random c1, c2, c3",
           prose="Claim (1) is true (chain rule)."),
        Eq("2", r"\frac{d}{dw} h(w)^2 = 2 h'(w)", "false",
           C(lambda n: D(H(w) ** 2, w), lambda n: 2 * D(H(w), w)),
           note="checked with h(t) = c1 t^3 + c2 sin t + c3 for random c1, c2, c3",
           prose="Claim (2) is false."),
    ],
    block='functions = ["h"]')

doc(FN, "cost_and_prime", "A cost C(w) and C'(w) over the samples",
    "The linear model's cost, as in the notes.",
    [
        Eq("1", r"C(w) = \frac{1}{n} \sum_{i=1}^{n} (x_i w - y_i)^2", "definition", prose="Equation (1) defines C."),
        Eq("2", r"C'(w) = \frac{2}{n} \sum_{i=1}^{n} x_i (x_i w - y_i)", "true",
           C(lambda n: D(sp.Rational(1, n) * rsum(lambda k: (x(k) * w - y(k)) ** 2, 1, n), w),
             lambda n: sp.Rational(2, n) * rsum(lambda k: x(k) * (x(k) * w - y(k)), 1, n)),
           prose="Claim (2) is true."),
        Eq("3", r"C'(w) = \frac{1}{n} \sum_{i=1}^{n} x_i (x_i w - y_i)", "false",
           C(lambda n: D(sp.Rational(1, n) * rsum(lambda k: (x(k) * w - y(k)) ** 2, 1, n), w),
             lambda n: sp.Rational(1, n) * rsum(lambda k: x(k) * (x(k) * w - y(k)), 1, n)),
           prose="Claim (3) is false: a factor 2 is missing."),
        Eq("4", r"C(0) = \frac{1}{n} \sum_{i=1}^{n} y_i^2", "true",
           C(lambda n: sp.Rational(1, n) * rsum(lambda k: y(k) ** 2, 1, n),
             lambda n: sp.Rational(1, n) * rsum(lambda k: y(k) ** 2, 1, n)),
           prose="Claim (4) is true."),
    ],
    block='functions = ["C"]')

doc(FN, "redefined_sigma", "A document that redefines sigma",
    "sigma is the sigmoid by default; (1) redefines it as the identity, which the README calls "
    "ill-formed (a redefined sigma).",
    [
        Eq("1", r"\sigma(x) = x", "ill-formed", note="a redefined sigma",
           prose="Equation (1) is ill-formed."),
        Eq("2", r"b + w = w + b", "true", C(lambda n: b + w, lambda n: w + b),
           prose="Claim (2) is true: checking goes on."),
    ])

doc(FN, "sigma_prime_forms", "Forms of sigma'",
    "sigma'(w) = sigma(w)(1 - sigma(w)).",
    [
        Eq("1", r"\sigma'(w) = \sigma(w)(1 - \sigma(w))", "true",
           C(lambda n: D(SIG(w), w), lambda n: SIG(w) * (1 - SIG(w))), prose="Claim (1) is true."),
        Eq("2", r"\sigma'(w) = \sigma(w)(1 + \sigma(w))", "false",
           C(lambda n: D(SIG(w), w), lambda n: SIG(w) * (1 + SIG(w))), prose="Claim (2) is false."),
        Eq("3", r"\sigma'(w) = \sigma(w)\sigma(-w)", "true",
           C(lambda n: D(SIG(w), w), lambda n: SIG(w) * SIG(-w)), prose="Claim (3) is true."),
    ])

# ---------------------------------------------------------------------------
# 8. hostile: must end cleanly (exit 0, 1 or 2, errors as FILE:LINE:COL: error:, no traceback)
#    within budget_seconds and 2 GB.  Big documents are generated here (each under 1 MB).
# ---------------------------------------------------------------------------
HO = "hostile"
CONTROL = Eq("1", r"w + w = 2 w", "true", C(lambda n: w + w, lambda n: 2 * w), prose="Claim (1) is true.")


def _page(title, body, before=r"$$w + w = 2 w \quad (1)$$"):
    return f"# {title}\n\nA hostile input: symgrad must end cleanly, quickly and in bounded memory.\n\n{before}\n\n{body}\n"


doc(HO, "toml_nested_arrays", "A notation block with 50 000 nested arrays", "", [CONTROL], hostile=True,
    raw=lambda: _page("A notation block with 50 000 nested arrays",
                      "```symgrad\nreadings = " + "[" * 50000 + "]" * 50000 + "\n```\n\n$$b + b = 2 b \\quad (2)$$"))

doc(HO, "toml_nested_tables", "A notation block with 20 000 nested inline tables", "", [CONTROL], hostile=True,
    raw=lambda: _page("A notation block with 20 000 nested inline tables",
                      "```symgrad\nnames = " + "{a = " * 20000 + "1" + "}" * 20000 + "\n```\n\n$$b + b = 2 b \\quad (2)$$"))

doc(HO, "toml_dotted_key_120k", "A 120 KB dotted TOML key", "", [CONTROL], hostile=True,
    raw=lambda: _page("A 120 KB dotted TOML key",
                      "```symgrad\n" + ".".join(["a"] * 60000) + " = 1\n```\n\n$$b + b = 2 b \\quad (2)$$"))

doc(HO, "unary_minus_3000", "3000 unary minus signs", "",
    [CONTROL, Eq("2", "-" * 3000 + "w = w", "true", C(lambda n: w, lambda n: w),
                 note="an even number of minus signs")],
    hostile=True,
    raw=lambda: _page("3000 unary minus signs", "$$" + "-" * 3000 + r"w = w \quad (2)$$"))

doc(HO, "power_ten_5000", "10^{5000}", "Exact integers with 5000 digits.",
    [CONTROL,
     Eq("2", r"10^{5000} w = w", "false", C(lambda n: sp.Integer(10) ** 5000 * w, lambda n: w), prose="Claim (2) is false."),
     Eq("3", r"10^{5000} = 10^{5000} + 1", "false",
        C(lambda n: sp.Integer(10) ** 5000, lambda n: sp.Integer(10) ** 5000 + 1), prose="Claim (3) is false.")],
    hostile=True)

doc(HO, "power_huge_fraction", "2 to the power (10^12 + 1)/2", "A number with about 1.5e11 digits.",
    [CONTROL,
     Eq("2", r"2^{\frac{10^{12}+1}{2}} = 0", "false",
        note="the left side is a positive real number (about 10^(1.5e11)), never 0; stated without computation",
        prose="Claim (2) is false.")],
    hostile=True)

doc(HO, "html_comment_runs", "200 KB of unclosed HTML comment openers", "", [CONTROL], hostile=True,
    raw=lambda: _page("200 KB of unclosed HTML comment openers", "<!--" * 50000 + "\n\n$$b = 2 b \\quad (2)$$"))

doc(HO, "begin_comment_runs", "20 000 \\begin{comment} lines", "", [CONTROL], hostile=True,
    raw=lambda: _page("20 000 begin-comment lines", "\\begin{comment}\n" * 20000 + "\n$$b = 2 b \\quad (2)$$"))

doc(HO, "sum_to_ten_to_twelve", "A sum with 10^12 terms", "Closed forms exist; expanding is not an option.",
    [CONTROL,
     Eq("2", r"\sum_{k=1}^{10^{12}} k = 500000000000500000000000", "true",
        note="Gauss: 10^12 (10^12 + 1) / 2 = 500000000000500000000000; stated without expansion",
        prose="Claim (2) is true."),
     Eq("3", r"\sum_{i=1}^{10^{12}} 1 = 10^{12} + 1", "false",
        note="the sum is 10^12; stated without expansion", prose="Claim (3) is false.")],
    hostile=True)

doc(HO, "define_sample_index", "Defining the sample index i and the count n",
    "The sample index i and the count n are not names one can define.",
    [
        Eq("1", r"i = 3", "ill-formed", note="i is the sample index"),
        Eq("2", r"\sum_{i=1}^{n} x_i = n x_i", "ill-formed", note="i bound on the left, free on the right"),
        Eq("3", r"n = 3", "ill-formed", note="n is the number of samples"),
        Eq("4", r"\sum_{i=1}^{n} 1 = 4", "false", C(lambda n: rsum(lambda k: 1, 1, n), lambda n: 4),
           note="n is any sample count"),
    ],
    hostile=True)

doc(HO, "functions_70000", "A functions list with 70 000 names", "", [CONTROL], hostile=True,
    raw=lambda: _page("A functions list with 70 000 names",
                      "```symgrad\nfunctions = [" + ", ".join(f'"f{k}"' for k in range(70000)) + "]\n```\n\n$$b + b = 2 b \\quad (2)$$"))

doc(HO, "long_document_2500", "2500 numbered equations", "", [CONTROL], hostile=True,
    raw=lambda: _page("2500 numbered equations",
                      "\n\n".join(f"$$w + {k} = {k} + w \\quad ({k})$$" for k in range(2, 2501))))

doc(HO, "duplicate_labels_300", "300 equations all numbered (1)", "", [], hostile=True,
    raw=lambda: "# 300 equations all numbered (1)\n\n" + "\n\n".join(
        f"$$w + {k} = {k} + w \\quad (1)$$" for k in range(300)) + "\n")

doc(HO, "deep_brackets", "3000 nested parentheses", "", [CONTROL], hostile=True,
    raw=lambda: _page("3000 nested parentheses", "$$" + "(" * 3000 + "w" + ")" * 3000 + r" = w \quad (2)$$"))

doc(HO, "huge_sample_count_power", "A sum up to n^{n^n}", "",
    [Eq("1", r"\sum_{i=1}^{n^{n^{n}}} 1 = n^{n^{n}}", "true", note="a sum of N ones is N; stated without expansion"),
     Eq("2", r"(w+1)^{10^{6}} = (w+1)^{10^{6}} + 0", "true",
        note="both sides are the same expression; stated without expansion")],
    hostile=True)

SMALL = [
    Eq("1", r"w + w = 2 w", "true", C(lambda n: w + w, lambda n: 2 * w), prose="Claim (1) is true."),
    Eq("2", r"\sum_{i=1}^{n} (x_i w - y_i)^2 = \sum_{i=1}^{n} (y_i - x_i w)^2", "true",
       C(lambda n: rsum(lambda k: (x(k) * w - y(k)) ** 2, 1, n), lambda n: rsum(lambda k: (y(k) - x(k) * w) ** 2, 1, n)),
       prose="Claim (2) is true."),
    Eq("3", r"w + w = 3 w", "false", C(lambda n: w + w, lambda n: 3 * w), prose="Claim (3) is false."),
]
for _name, _args, _why in [
    ("cli_timeout_inf", ["--timeout", "inf"], "an infinite time limit"),
    ("cli_timeout_zero", ["--timeout", "0"], "a zero time limit"),
    ("cli_timeout_negative", ["--timeout", "-1"], "a negative time limit"),
    ("cli_timeout_nan", ["--timeout", "nan"], "a NaN time limit"),
    ("cli_timeout_huge", ["--timeout", "1e308"], "a time limit beyond time_t"),
    ("cli_output_is_directory", ["--output", "."], "--output naming a directory"),
    ("cli_output_missing_directory", ["--output", "no/such/directory/report.txt"], "--output into a missing directory"),
    ("cli_output_device_full", ["--output", "/dev/full"], "--output to a full device (Linux)"),
]:
    doc(HO, _name, f"Command line: {_why}",
        f"Run with {' '.join(_args)}. The expected outcome is a usage error (exit 2, no traceback) or a normal "
        "report; the claims' truths are those stated.", SMALL, hostile=True, args=_args,
        note=f"{_why}: expect a usage error (exit 2) or a normal run, never a traceback")

TEX_BOMB = "\\documentclass{article}\n\\newcommand{\\ma}{w+}\n" + "".join(
    "\\newcommand{\\m%s}{\\m%s\\m%s}\n" % (chr(ord("a") + k), chr(ord("a") + k - 1), chr(ord("a") + k - 1))
    for k in range(1, 26)) + (
    "\\begin{document}\n\\section{Bomb}\n\\begin{equation}\nw + w = 2 w \\tag{1}\n\\end{equation}\n"
    "\\begin{equation}\n\\mz 0 = w \\tag{2}\n\\end{equation}\n\\end{document}\n")
doc(HO, "macro_bomb", "A LaTeX macro that expands to 2^25 copies", "",
    [CONTROL], hostile=True, ext=".tex", raw=lambda: TEX_BOMB)

doc(HO, "macro_self_recursive", "A LaTeX macro that expands into itself", "",
    [CONTROL], hostile=True, ext=".tex",
    raw=lambda: "\\documentclass{article}\n\\def\\a{\\a w}\n\\begin{document}\n\\section{Loop}\n"
                "\\begin{equation}\nw + w = 2 w \\tag{1}\n\\end{equation}\n"
                "\\begin{equation}\n\\a = w \\tag{2}\n\\end{equation}\n\\end{document}\n")

doc(HO, "complex_value_counterexample", "A claim whose counterexample search meets complex values",
    "sqrt of a negative number is not real.",
    [CONTROL,
     Eq("2", r"\sqrt{w - 5} = 1", "false", C(lambda n: SQRT(w - 5), lambda n: 1), prose="Claim (2) is false.")],
    hostile=True)

doc(HO, "update_rule_then_claim", "The gradient-descent update followed by a claim",
    "The most common line in gradient-descent notes, followed by an ordinary claim.",
    [
        Eq("1", r"C(w) = (w - 3)^2", "definition"),
        Eq("2", r"w = w - \eta C'(w)", "update", note="the gradient-descent update rule"),
        Eq("3", r"C'(w) = 2 w - 6", "true", C(lambda n: D((w - 3) ** 2, w), lambda n: 2 * w - 6)),
    ],
    block='parameters = ["w", "b", \'\\eta\']\nfunctions = ["C"]', hostile=True)

doc(HO, "nul_bytes", "NUL bytes in a document", "", [], hostile=True,
    raw=lambda: "# NUL\n\n$$w + w = 2 w \\quad (1)$$\n\n\x00\x01 garbage \x00\n\n$$w \x00 = w \\quad (2)$$\n")

# ---------------------------------------------------------------------------
# 9. running-code: `symgrad check DIR` scans only .md / .tex documents; a .py file in a scanned
#    directory must never run.  Every payload below writes a marker file when executed:
#    $SYMGRAD_ADVERSARIAL_MARKERS/symgrad-ran-<case>-<file> (the temp directory if unset).
#    Each case is a directory running_code/<case>/ and a truth file running_code/<case>.truth.json.
# ---------------------------------------------------------------------------
RC = "running-code"
MARKER_ENV = "SYMGRAD_ADVERSARIAL_MARKERS"


def payload(case: str, stem: str) -> str:
    return (
        '"""Adversarial payload for symgrad: it must NEVER be executed by `symgrad check`.\n\n'
        "If it runs, it leaves a marker file and nothing else.\n\"\"\"\n"
        "import os\nimport pathlib\nimport tempfile\n\n"
        f'_where = pathlib.Path(os.environ.get("{MARKER_ENV}") or tempfile.gettempdir())\n'
        f'(_where / "symgrad-ran-{case}-{stem}").write_text("executed by symgrad check\\n")\n'
    )


def shell_marker(case: str, stem: str) -> str:
    return f"touch ${{{MARKER_ENV}:-/tmp}}/symgrad-ran-{case}-{stem}"


NOTES = "# Harmless notes\n\nA small valid document next to the payload.\n\n$$w + w = 2 w \\quad (1)$$\n"

RC_CASES: list[dict] = []


def rc_case(name, files, note, args=(), cwd=None, target=None):
    RC_CASES.append({"name": name, "files": files, "note": note, "args": list(args), "cwd": cwd,
                     "target": target})


rc_case("dir_with_python_file",
        {"notes.md": NOTES, "evil.py": payload("dir_with_python_file", "evil")},
        "symgrad check running_code/dir_with_python_file must read notes.md and must not execute evil.py "
        "(README and DESIGN: a directory is scanned for .md and .tex documents only).")
rc_case("double_extension",
        {"notes.md": NOTES, "notes.md.py": payload("double_extension", "notes.md")},
        "notes.md.py ends in .py, not .md: scanning the directory must not execute it.")
rc_case("uppercase_extension",
        {"notes.md": NOTES, "EVIL.PY": payload("uppercase_extension", "EVIL"),
         "Other.Py": payload("uppercase_extension", "Other")},
        "EVIL.PY and Other.Py are Python files under another case: scanning must not execute them.")
rc_case("pyw_extension",
        {"notes.md": NOTES, "evil.pyw": payload("pyw_extension", "evil")},
        "evil.pyw is a Python file: scanning must not execute it.")
rc_case("hidden_python_file",
        {"notes.md": NOTES, ".evil.py": payload("hidden_python_file", ".evil")},
        "a hidden .py file: scanning must not execute it.")
rc_case("nested_directory",
        {"notes.md": NOTES, "sub/evil.py": payload("nested_directory", "evil"),
         "sub/more.md": NOTES},
        "a .py file in a subdirectory of the scanned directory must not run, recursive scan or not.")
rc_case("default_derivations_in_cwd",
        {"derivations/notes.md": NOTES, "derivations/evil.py": payload("default_derivations_in_cwd", "evil")},
        "run `symgrad check` with NO path from inside running_code/default_derivations_in_cwd: the shipped "
        "derivations are checked (or ./derivations/*.md), but ./derivations/evil.py is not a document named "
        "explicitly and must not run.",
        cwd=".", target="")
rc_case("markdown_python_fence",
        {"notes.md": (
            "# Notes with code fences\n\nNothing in a document is run (README).\n\n"
            "```python\nimport os, pathlib, tempfile\n"
            f"(pathlib.Path(os.environ.get('{MARKER_ENV}') or tempfile.gettempdir())/'symgrad-ran-markdown_python_fence-fence').write_text('ran')\n"
            "```\n\n"
            "```symgrad\n"
            "title = \"__import__('os').system('" + shell_marker("markdown_python_fence", "title") + "')\"\n"
            "readings = [\"__import__('os').system('touch /nonexistent')\"]\n"
            "```\n\n$$w + w = 2 w \\quad (1)$$\n")},
        "neither the ```python fence nor the strings of the notation block may be executed.")
rc_case("notation_injection",
        {"notes.md": (
            "# Notation values that look like code\n\n"
            "```symgrad\n"
            "activations = { '\\sigma' = \"__import__('os').system('" + shell_marker("notation_injection", "act") + "')\" }\n"
            "names = { w = \"__import__('os').system('" + shell_marker("notation_injection", "names") + "')\" }\n"
            "functions = [\"exec\", \"eval\", \"__import__\"]\n"
            "\n[[denote]]\nwritten = 'q'\nmeans = \"__import__('os').system('touch /nonexistent')\"\n"
            "\n[[assume]]\nequation = \"q = eval('1')\"\nreading = \"eval is a function\"\n"
            "```\n\n$$\\sigma(w) + \\sigma(-w) = 1 \\quad (1)$$\n\n$$eval(w) = w \\quad (2)$$\n")},
        "notation values are text, never code: no marker may appear (positioned errors are fine).")
rc_case("tex_shell_escape",
        {"notes.tex": (
            "\\documentclass{article}\n"
            "\\immediate\\write18{" + shell_marker("tex_shell_escape", "write18") + "}\n"
            "\\input{macros.py}\n"
            "\\begin{document}\n\\section{Shell escape}\n"
            "\\begin{equation}\nw + w = 2 w \\tag{1}\n\\end{equation}\n\\end{document}\n"),
         "macros.py": payload("tex_shell_escape", "macros")},
        "\\write18 must not run a shell and \\input{macros.py} must not execute Python (an error is fine).")

# ---------------------------------------------------------------------------
# 12. source-informed (phase 2: written after reading symgrad's source; every document below
#     targets a mechanism seen there, and its truth is computed like every other one)
# ---------------------------------------------------------------------------
SI = "source-informed"

doc(SI, "cached_sum_in_definition", "A definition whose sum depends on its parameter, used at several arguments",
    "v_i sums the first i samples. v_1, v_2, … are different numbers; a claim that they are all equal is false.",
    [
        Eq("1", r"v_i = \sum_{j=1}^{i} x_j", "definition", prose="Equation (1) defines v_i."),
        Eq("2", r"\sum_{j=1}^{n} v_j = n v_1", "false",
           C(lambda n: rsum(lambda jj: rsum(x, 1, jj), 1, n), lambda n: n * x(1)),
           prose="Claim (2) is false from n = 2 on."),
        Eq("3", r"v_2 = v_1", "false", C(lambda n: x(1) + x(2), lambda n: x(1)),
           prose="Claim (3) is false unless x_2 = 0."),
    ])

doc(SI, "cached_sum_in_function", "A function whose sum's range is its argument, at two arguments",
    "f(3) and f(2) differ by x_3.",
    [
        Eq("1", r"f(k) = \sum_{i=1}^{k} x_i", "definition", prose="Equation (1) defines f."),
        Eq("2", r"f(3) - f(2) = 0", "false", C(lambda n: x(3), lambda n: 0), prose="Claim (2) is false."),
        Eq("3", r"f(3) = f(1)", "false", C(lambda n: x(1) + x(2) + x(3), lambda n: x(1)),
           prose="Claim (3) is false."),
        Eq("4", r"f(3) - f(2) = x_3", "true", C(lambda n: x(3), lambda n: x(3)), prose="Claim (4) is true."),
    ])

doc(SI, "cached_sum_in_family", "A per-sample definition with a sum over all samples",
    "u_i = x_i times the sum of the samples; summing u_k over k gives the square of the sum.",
    [
        Eq("1", r"u_i = \sum_{j=1}^{n} x_j x_i", "definition", prose="Equation (1) defines u_i."),
        Eq("2", r"\sum_{k=1}^{n} u_k = n u_1", "false",
           C(lambda n: rsum(x, 1, n) ** 2, lambda n: n * x(1) * rsum(x, 1, n)),
           prose="Claim (2) is false from n = 2 on."),
    ])

doc(SI, "limit_hides_a_claim", "A derivative equated to a limit plus something",
    "A line whose left side is a derivative and whose right side contains a limit is still a claim.",
    [
        Eq("1", r"\frac{d}{dw} w^2 = \lim_{\epsilon \to 0} \frac{(w + \epsilon)^2 - w^2}{\epsilon} + 1", "false",
           C(lambda n: D(w**2, w),
             lambda n: sp.limit(((w + sp.Symbol("eps")) ** 2 - w**2) / sp.Symbol("eps"), sp.Symbol("eps"), 0) + 1),
           note="the limit is 2w, so the right side is 2w + 1", prose="Claim (1) is false."),
        Eq("2", r"\frac{d}{dw} w^2 = 5 + \lim_{\epsilon \to 0} \epsilon", "false",
           C(lambda n: D(w**2, w), lambda n: 5 + sp.limit(sp.Symbol("eps"), sp.Symbol("eps"), 0)),
           prose="Claim (2) is false."),
        Eq("3", r"\frac{d}{dw} w^3 = \lim_{\epsilon \to 0} \frac{(w + \epsilon)^3 - w^3}{\epsilon}", "definition",
           note="the notes' way of defining a derivative by a limit (eq. (1) of the notes); it is also true",
           prose="Equation (3) defines the derivative by a limit (and is true)."),
    ])

doc(SI, "chained_names_hide_a_claim", "Several '=' whose middle side is a parameter",
    "u = w = 5 defines u and claims that the parameter w is 5; u = b = w claims b = w.",
    [
        Eq("1", r"u = w = 5", "false", C(lambda n: w, lambda n: 5),
           note="the claim inside the line is w = 5 (w is a parameter)", prose="Equation (1) claims w = 5: false."),
        Eq("2", r"v = b = w", "false", C(lambda n: b, lambda n: w),
           note="the claim inside the line is b = w (both parameters)", prose="Equation (2) claims b = w: false."),
    ])

doc(SI, "tiny_values_screened_as_zero", "Small values next to 0",
    "A difference between 1e-13 and 0 is a difference.",
    [
        Eq("1", r"e^{-30} = 0", "false", C(lambda n: sp.exp(-30), lambda n: 0), prose="Claim (1) is false."),
        Eq("2", r"\sigma(-25) = 0", "false", C(lambda n: SIG(-25), lambda n: 0), prose="Claim (2) is false."),
        Eq("3", r"10^{-10} = 0", "false", C(lambda n: sp.Rational(1, 10**10), lambda n: 0), prose="Claim (3) is false."),
        Eq("4", r"\sigma(1000 (w - 3)) = 0", "false", C(lambda n: SIG(1000 * (w - 3)), lambda n: 0),
           note="at w = 4 the left side is 1 to 400 digits", prose="Claim (4) is false."),
    ])

doc(SI, "values_beyond_two", "Claims that fail only for values above 2",
    "Random values should reach the tens, not stop at 2.",
    [
        Eq("1", r"\sqrt{(w - 5)^2} + w = 5", "conditional", C(lambda n: SQRT((w - 5) ** 2) + w, lambda n: 5),
           note="holds for w <= 5 only", prose="Claim (1) holds for w <= 5 only."),
        Eq("2", r"\sigma(100 (w - 2.5)) = 0", "false", C(lambda n: SIG(100 * (w - R("2.5"))), lambda n: 0),
           prose="Claim (2) is false."),
        Eq("3", r"\sqrt{(x_1 - 3)^2} = 3 - x_1", "conditional", C(lambda n: SQRT((x(1) - 3) ** 2), lambda n: 3 - x(1)),
           note="holds for x_1 <= 3 only", prose="Claim (3) holds for x_1 <= 3 only."),
    ])

doc(SI, "complex_values_agree", "Identities that hold for complex values but not on the reals",
    "ln and sqrt of negative numbers are not real; an identity that needs them is conditional.",
    [
        Eq("1", r"2 e^{\ln(w)} = 2 w", "conditional", C(lambda n: 2 * sp.exp(LN(w)), lambda n: 2 * w),
           note="holds for w > 0 only", prose="Claim (1) holds for w > 0 only."),
        Eq("2", r"\sqrt{w} \sqrt{w} + 1 = w + 1", "conditional", C(lambda n: SQRT(w) * SQRT(w) + 1, lambda n: w + 1),
           note="holds for w >= 0 only", prose="Claim (2) holds for w >= 0 only."),
        Eq("3", r"\sqrt{w - 5} \sqrt{w - 5} + 1 = w - 4", "conditional",
           C(lambda n: SQRT(w - 5) * SQRT(w - 5) + 1, lambda n: w - 4),
           note="holds for w >= 5 only", prose="Claim (3) holds for w >= 5 only."),
    ])

doc(SI, "bound_index_leaks_out", "A bound index written again outside its sum",
    "k and j are bound by their sums on the left and free on the right: these lines are ill-formed.",
    [
        Eq("1", r"\sum_{k=1}^{n} k = k n", "ill-formed", note="k is bound on the left and free on the right",
           prose="Equation (1) is ill-formed."),
        Eq("2", r"\sum_{j=1}^{n} j x_j = j \sum_{j=1}^{n} x_j", "ill-formed",
           note="the j in front of the sum on the right is free", prose="Equation (2) is ill-formed."),
        Eq("3", r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}", "true",
           C(lambda n: rsum(lambda k: k, 1, n), lambda n: sp.Rational(n * (n + 1), 2)), prose="Claim (3) is true."),
    ])

doc(SI, "ellipsis_inside_sum", "An ellipsis inside a sum over the same index",
    "x_1 + … + x_n is a sum of its own; the i of the outer sum does not enter it.",
    [
        Eq("1", r"\sum_{i=1}^{n} x_i (x_1 + \dots + x_n) = \left(\sum_{i=1}^{n} x_i\right)^2", "true",
           C(lambda n: rsum(lambda k: x(k) * rsum(x, 1, n), 1, n), lambda n: rsum(x, 1, n) ** 2),
           prose="Claim (1) is true."),
        Eq("2", r"\sum_{i=1}^{n} x_i (x_1 + \dots + x_n) = n \sum_{i=1}^{n} x_i^2", "false",
           C(lambda n: rsum(lambda k: x(k) * rsum(x, 1, n), 1, n), lambda n: n * rsum(lambda k: x(k) ** 2, 1, n)),
           prose="Claim (2) is false."),
    ])

doc(SI, "partial_product_option", "The notation option partial = \"product\"",
    "With partial = \"product\" the operator takes the whole product; the truth is the same as without "
    "the option (the conventional reading).",
    [
        Eq("1", r"\frac{d}{dw} 3 w^2 = 6 w", "true", C(lambda n: D(3 * w**2, w), lambda n: 6 * w),
           prose="Claim (1) is true."),
        Eq("2", r"\partial_w 2 w x_1 = 0", "false", C(lambda n: D(2 * w * x(1), w), lambda n: 0),
           prose="Claim (2) is false."),
        Eq("3", r"\frac{d}{dw} w^2 + w = 3 w", "true", C(lambda n: D(w**2, w) + w, lambda n: 3 * w),
           prose="Claim (3) is true."),
    ],
    block='partial = "product"')

doc(SI, "definition_argument_capture", "A definition applied to the index its sum binds",
    "g(k) sums x_i x_k over i. Applied at k = i inside a sum over i, the inner index must be renamed.",
    [
        Eq("1", r"g(k) = \sum_{i=1}^{n} x_i x_k", "definition", prose="Equation (1) defines g."),
        Eq("2", r"\sum_{i=1}^{n} g(i) = \left(\sum_{i=1}^{n} x_i\right)^2", "true",
           C(lambda n: rsum(lambda o: rsum(lambda k: x(k) * x(o), 1, n), 1, n), lambda n: rsum(x, 1, n) ** 2),
           prose="Claim (2) is true."),
        Eq("3", r"\sum_{i=1}^{n} g(i) = n \sum_{i=1}^{n} x_i^2", "false",
           C(lambda n: rsum(lambda o: rsum(lambda k: x(k) * x(o), 1, n), 1, n),
             lambda n: n * rsum(lambda k: x(k) ** 2, 1, n)),
           note="what a captured index gives", prose="Claim (3) is false."),
    ])

for _t in ("0", "nan", "-1"):
    doc(HO, f"cli_timeout_{_t.replace('-', 'minus_')}_disables_limit",
        f"Command line: --timeout {_t} with a slow claim",
        f"With --timeout {_t} the run must still end within the budget (or be refused as a usage error): a "
        "time limit that is zero, negative or NaN must not switch the limit off.",
        [CONTROL,
         Eq("2", r"\sum_{k=1}^{10^{12}} k = 500000000000500000000000", "true",
            note="Gauss; stated without expansion", prose="Claim (2) is true.")],
        hostile=True, args=["--timeout", _t],
        note=f"--timeout {_t}: expect a usage error (exit 2) or a bounded run; symgrad 0.1.0 runs without any limit")

if __name__ == "__main__":
    sys.exit(main())
