"""Numeric trials of a claim lhs = rhs: where to evaluate it, and what each trial says, rigorously.

Trials run at every sample count n from 1 to 8 and at larger random n, with values of both signs
and of small and large magnitude.  Floats screen quickly; a trial is *decided* only rigorously:
exactly in rationals when the expression allows, otherwise in interval arithmetic whose precision
grows until the difference is certainly non-zero or smaller than the precision can resolve.  A
value that is not a finite real number makes the trial undefined, never equal.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

import sympy as sp

from symgrad.check.kinks import kinks
from symgrad.check.numeric import (
    EXACT,
    FLOAT,
    INTERVAL,
    Evaluator,
    NotExact,
    NotNumeric,
    interval_precision,
    iv,
)
from symgrad.check.scope import Scope, free_indices
from symgrad.notation import plain
from symgrad.printing import value_name
from symgrad.results import Counterexample

#: Every n up to this is tried, then LARGER_COUNTS random n up to LARGEST_COUNT.
SMALL_COUNTS = 8
LARGER_COUNTS = 2
LARGEST_COUNT = 40
#: Sample numbers written in a document past this are not tried (their sums are too long to add up).
MAX_WRITTEN_COUNT = 1000
#: Floats count as different above this relative difference (only a screen: a rigorous check decides).
FLOAT_TOLERANCE = 1e-9
#: Interval precisions tried in turn, in bits.  A difference whose interval excludes 0 is certain.
#: From 1024 bits on, a difference whose interval lies within ±2^(−bits/2) of 0 is taken as equal
#: (an absolute bound: e^{1000} w + 1 and e^{1000} w differ by 1, relatively by 10^{−434}); one
#: still wider at the last precision (a cancellation it cannot resolve) leaves the trial undefined.
PRECISIONS = (64, 1024, 4096)
SIMPLE_VALUES = tuple(Fraction(v) for v in ("1", "2", "-1", "1/2", "-2", "3", "-1/2", "1/4", "3/2", "-3"))


def _small(rng: random.Random) -> Fraction:
    return Fraction(rng.randint(-2000, 2000), 1000)


def _wide(rng: random.Random) -> Fraction:
    return Fraction(rng.randint(-3000, 3000), 100)


def _integer(rng: random.Random) -> Fraction:
    return Fraction(rng.randint(-5, 5))


def _large(rng: random.Random) -> Fraction:
    return Fraction(rng.randint(-100000, 100000), 100)


#: How values are picked, in turn: decimals in [−2, 2], in [−30, 30], small integers, and in [−1000, 1000].
PICKERS = (_small, _wide, _integer, _large)
RANGES = "values in [−2, 2], [−30, 30] and [−1000, 1000], integers in [−5, 5]"


class Draws(dict):
    """A family's values, drawn the first time a trial reads them: x_1 … x_n, x_{n+1} for a sum
    over a wrong range, x_{ik} for every pair of indices.  Deterministic for the trial's seed."""

    def __init__(self, pick, rng: random.Random):
        super().__init__()
        self.pick, self.rng = pick, rng

    def __missing__(self, positions):
        value = self[positions] = self.pick(self.rng)
        return value


#: Counts besides n (d in Σ_{k=1}^{d}) take these values in turn: small, to keep nested sums cheap.
OTHER_COUNTS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Variables:
    """The names a numeric trial must give values to."""

    symbols: tuple
    integers: tuple  # integer-valued names (a sample index written bare): 1 … its count
    families: tuple
    indices: tuple
    count: sp.Symbol
    other_counts: tuple = ()  # counts besides n (d), each a whole number of its own
    ranges: tuple = ()  # (index, its count) for indices that do not run over the samples
    varies_with_n: bool = True
    thresholds: tuple = ()  # sample numbers written in the claim (x_{40}): n is tried at and past each

    @classmethod
    def of(cls, *exprs, scope: Scope) -> Variables:
        leaves, indices = set(), set()
        for expr in exprs:
            leaves |= scope.leaves(expr)
            indices |= free_indices(expr)
        notation = scope.notation
        count = notation.count
        counts = {c for c in notation.ranges.values()} & (leaves | {notation.ranges.get(i) for i in indices}
                                                           | {notation.ranges.get(s) for s in leaves})
        indices -= {count} | counts
        names = {leaf for leaf in leaves if isinstance(leaf, sp.Symbol)} - indices - {count} - counts
        integers = {name for name in names if name.is_integer}
        families = {leaf for leaf in leaves if isinstance(leaf, sp.IndexedBase)}
        varies = bool(families or indices or integers or count in leaves or any(e.has(sp.Sum) for e in exprs))
        key = str  # a deterministic order, so a seed gives the same trials
        ranges = tuple(sorted(((i, notation.ranges[i]) for i in indices | integers if i in notation.ranges), key=str))
        written = {int(k) for e in exprs for element in e.atoms(sp.Indexed) for k in element.indices
                   if k.is_Integer and k > SMALL_COUNTS}  # beyond what the trials can sum, they time out
        written |= {k for e in exprs for k in _count_kinks(e, count) if k > SMALL_COUNTS}  # min(n, 50)
        cuts = set().union(*map(_sum_cuts, exprs)) | scope.memo("sum cuts of the definitions", lambda: frozenset(
            k for definition in scope.definitions.values() for k in _sum_cuts(definition.body)))  # V = Σ_{i=101}^{n} …
        written |= {k for k in cuts if SMALL_COUNTS < k <= MAX_WRITTEN_COUNT}
        return cls(
            tuple(sorted(names - integers, key=key)),
            tuple(sorted(integers, key=key)),
            tuple(sorted(families, key=key)),
            tuple(sorted(indices, key=key)),
            count,
            tuple(sorted(counts, key=key)),
            ranges,
            varies,
            tuple(sorted(written)),
        )

    def assign(self, n: int, pick, rng: random.Random) -> dict:
        """Values for one trial: n samples, other counts small, indices within their counts,
        family values drawn as they are read."""
        values = {self.count: n}
        for k, other in enumerate(self.other_counts):
            values[other] = OTHER_COUNTS[(n + k) % len(OTHER_COUNTS)]
        for symbol in self.symbols:
            values[symbol] = pick(rng)
        for base in self.families:
            values[base] = Draws(pick, rng)
        ranged = dict(self.ranges)
        for index in self.indices + self.integers:
            values[index] = rng.randint(1, values[ranged[index]] if index in ranged else n)
        return values

    def shown(self, values: dict, used: set) -> dict:
        """The values a reader needs to recompute a trial, plain-named: x[1], w^(1)."""
        shown = {value_name(symbol): _plain_number(values[symbol]) for symbol in self.symbols}
        for base, positions in sorted(used, key=lambda item: (str(item[0]), item[1])):
            if base in self.families:
                shown[f"{value_name(base)}[{','.join(map(str, positions))}]"] = _plain_number(values[base][positions])
        shown.update({value_name(index): values[index] for index in self.indices + self.integers})
        shown.update({value_name(other): values[other] for other in self.other_counts})
        return shown

    def counts(self, rng: random.Random) -> list[int]:
        """The sample counts to try: 1 … 8 and larger random ones (just 1 when n cannot matter)."""
        if not self.varies_with_n:
            return [1]
        larger = rng.sample(range(SMALL_COUNTS + 1, LARGEST_COUNT + 1), LARGER_COUNTS)
        written = [n for k in self.thresholds for n in (k - 1, k, k + 1)]
        return list(range(1, SMALL_COUNTS + 1)) + sorted(set(larger + written) - set(range(1, SMALL_COUNTS + 1)))


def _sum_cuts(expr) -> set:
    """Sample numbers where a sum starts, ends or changes: Σ_{i=101}^{n}, Σᵢ xᵢ·1[i > 50]; a trial
    with fewer samples than that sees an empty or a plain sum."""
    found = set()
    for total in expr.atoms(sp.Sum):
        for variable, low, high in total.limits:
            found |= {int(end) for end in (low, high) if end.is_Integer}
            found |= _count_kinks(total.function, variable)
    return found


def _count_kinks(expr, count) -> set:
    """Sample counts where `expr` has a kink in n (min(n, 50) at 50, a case n > 12 at 12)."""
    found = set()
    for kink in kinks(expr):
        if kink.free_symbols == {count} and kink.is_polynomial(count) and sp.degree(kink, count) == 1:
            slope, at_zero = sp.Poly(kink, count).all_coeffs()
            found.add(int(sp.floor(-at_zero / slope)))
    return found


def _pieces(found_kinks, symbols) -> tuple:
    """For each name, a value inside every interval between the points where a kink or a jump
    lies (|z|, max(0, z − 1), sign(z + 0.2), 1[z > 0.3], a case's condition), and one beyond each
    end; only kinks in one name, where a polynomial of low degree locates them."""
    points: dict = {}
    for kink in found_kinks:
        if len(kink.free_symbols) != 1 or not kink.free_symbols <= set(symbols):
            continue
        (symbol,) = kink.free_symbols
        if kink.is_polynomial(symbol) and 0 < sp.degree(kink, symbol) <= 4:
            roots = sp.Poly(kink, symbol).nroots()
            points.setdefault(symbol, set()).update(float(r) for r in roots if abs(sp.im(r)) < 1e-12)
    found = []
    for symbol in sorted((symbol for symbol in points if points[symbol]), key=str):
        ends = sorted(points[symbol])
        inside = [ends[0] - 1] + [(a + b) / 2 for a, b in zip(ends, ends[1:])] + [ends[-1] + 1]
        found.append((symbol, tuple(Fraction(v).limit_denominator(10**6) for v in inside)))
    return tuple(found)


def _is_zero_at(expr, values: dict, scope: Scope) -> bool:
    try:
        return abs(float(Evaluator(values, scope, FLOAT)(expr))) < 1e-12
    except (NotNumeric, ZeroDivisionError, OverflowError, ValueError, TypeError):
        return False


def _plain_number(value):
    value = Fraction(value)
    return int(value) if value.denominator == 1 else float(value)


@dataclass(frozen=True)
class Trial:
    """One point, decided: `state` is "equal", "differ" or "undefined"; `how` says how it was decided."""

    n: int
    values: dict
    state: str
    lhs: float | None = None
    rhs: float | None = None
    used: frozenset = field(default_factory=frozenset)
    how: str = ""


def _evaluate(expr_pair, values, scope, arithmetic):
    evaluate = Evaluator(values, scope, arithmetic)
    return evaluate(expr_pair[0]), evaluate(expr_pair[1]), frozenset(evaluate.used)


def float_values(lhs, rhs, values, scope):
    """Both sides in floats, or None where a side is not a finite real number."""
    try:
        return _evaluate((lhs, rhs), values, scope, FLOAT)
    except (NotNumeric, ZeroDivisionError, OverflowError, ValueError, TypeError):
        return None


def floats_differ(pair) -> bool:
    """Relative to the sides' size (a deep chain's gradient is 1e-20 and may be wrong by a factor);
    against an exact 0, relative to 1 (a true 0 computes as rounding noise)."""
    left, right, _ = pair
    scale = max(abs(left), abs(right))
    if left == 0 or right == 0:
        scale = max(scale, 1.0)
    return abs(left - right) > FLOAT_TOLERANCE * scale


def may_be_equal(lhs, rhs, scope: Scope, seed: int = 0, points: int = 3) -> bool:
    """A cheap screen before a proof is tried: False when the two sides differ in floats at one of
    a few points (n = 2, 3, 4), True otherwise (equal there, or nowhere defined)."""
    rng = random.Random(seed)
    variables = Variables.of(lhs, rhs, scope=scope)
    for n in range(2, 2 + points):
        pair = float_values(lhs, rhs, variables.assign(n, _small, rng), scope)
        if pair is not None and floats_differ(pair):
            return False
    return True


def decide_trial(lhs, rhs, values: dict, scope: Scope, n: int) -> Trial:
    """Equal, different or undefined at `values`, decided exactly or with intervals."""
    try:
        left, right, used = _evaluate((lhs, rhs), values, scope, EXACT)
        state = "equal" if left == right else "differ"
        return Trial(n, values, state, float(left), float(right), used, "exactly, in rational arithmetic")
    except NotExact:
        pass
    except (NotNumeric, ZeroDivisionError, OverflowError):
        return Trial(n, values, "undefined")
    for bits in PRECISIONS:
        try:
            with interval_precision(bits):
                left, right, used = _evaluate((lhs, rhs), values, scope, INTERVAL)
                difference = left - right
                resolved = bits >= 1024 and difference.delta <= iv.mpf(2) ** -(bits // 2)
        except (NotNumeric, ZeroDivisionError, OverflowError, ValueError):
            return Trial(n, values, "undefined")
        shown = (_certified(left), _certified(right))
        if 0 not in difference:
            return Trial(n, values, "differ", *shown, used, f"with interval arithmetic at {bits} bits")
        if resolved:
            return Trial(n, values, "equal", *shown, used, f"with interval arithmetic, to within 2^-{bits // 2}")
    return Trial(n, values, "undefined")


def _certified(value) -> float:
    """A side's value to the digits its interval certifies: 0 where the interval holds 0 (a true 0
    computed through exp and log is a tiny interval around it, not −1.4e-20)."""
    return 0.0 if 0 in value else float(value.mid)


@dataclass
class Trials:
    """The trials of one claim: run lazily, in a fixed order for a seed."""

    lhs: sp.Expr
    rhs: sp.Expr
    scope: Scope
    seed: int
    variables: Variables

    def points(self, per_count: int = 2, pieces: bool = False):
        """(n, values) for every trial, deterministic for the seed; with `pieces`, also one inside
        every piece the kinks cut the line into (1[z > 0.3] against 1[z > 0] differ on (0, 0.3]
        only, which random values rarely hit)."""
        rng = random.Random(self.seed)
        counts = self.variables.counts(rng)
        per = per_count if len(counts) > 1 else 4 * per_count * len(PICKERS)
        for n in counts:
            for k in range(per):
                yield n, self.variables.assign(n, PICKERS[k % len(PICKERS)], rng)
            for symbol, inside in _pieces(self.kinks, self.variables.symbols) if pieces and n == counts[0] else ():
                for value in inside:
                    values = self.variables.assign(n, _small, rng)
                    values[symbol] = value
                    yield n, values

    @cached_property
    def kinks(self) -> set:
        """Where the sides, written out, have a kink or a jump (computed once, when first needed)."""
        return {k for side in (self.lhs, self.rhs) for k in kinks(self.scope.unfold(side)) if k.free_symbols}

    def _on_a_kink(self, trial: Trial) -> bool:
        """Whether a difference lies where the sides have a kink or a jump (w x_1 + b = 0 for a
        leaky ReLU): no counterexample there, where a derivative has no value to compare."""
        values = trial.values
        labels = {key.label for key in values if isinstance(key, sp.IndexedBase)}
        for kink in self.kinks:
            if not kink.atoms(sp.Indexed) and all(symbol.is_integer for symbol in kink.free_symbols):
                continue  # 1[i > 50] jumps between samples: nothing is differentiated there
            unknown = [s for s in kink.free_symbols if isinstance(s, sp.Symbol) and s not in values and s not in labels]
            if not unknown:
                points = [values]
            elif len(unknown) == 1 and unknown[0].is_integer:  # a sum's index: every sample in turn
                points = [{**values, unknown[0]: sample} for sample in range(1, trial.n + 1)]
            else:
                continue
            if any(_is_zero_at(kink, point, self.scope) for point in points):
                return True
        return False

    def screen(self) -> tuple[Trial | None, int]:
        """A difference found in floats and confirmed rigorously (or None), and how many trials were defined."""
        defined = 0
        for n, values in self.points():
            pair = float_values(self.lhs, self.rhs, values, self.scope)
            if pair is None:
                continue
            defined += 1
            if floats_differ(pair):
                trial = decide_trial(self.lhs, self.rhs, values, self.scope, n)
                if trial.state == "differ" and not self._on_a_kink(trial):
                    return trial, defined
        return None, defined

    def decided(self) -> tuple[Trial | None, list[Trial]]:
        """Every trial decided rigorously: the first difference (or None), and the trials that were equal."""
        equal = []
        for n, values in self.points(pieces=True):
            trial = decide_trial(self.lhs, self.rhs, values, self.scope, n)
            if trial.state == "differ" and not self._on_a_kink(trial):
                return trial, equal
            if trial.state == "equal":
                equal.append(trial)
        return None, equal

    def counterexample(self, trial: Trial, shrink: bool = True, max_count: int | None = None, attempts: int = 60) -> Counterexample:
        """The smallest n, and the simplest numbers, at which the sides differ (else `trial` itself)."""
        if shrink:
            found = self.simplest_difference(max_count or trial.n, attempts)
            if found is not None:
                trial = found
        shown = self.variables.shown(trial.values, trial.used)
        return Counterexample(trial.n, shown, trial.lhs, trial.rhs, plain(self.variables.count))

    def simplest_difference(self, max_count: int = LARGEST_COUNT, attempts: int = 60) -> Trial | None:
        """The first difference found trying n = 1 … max_count with simple numbers first."""
        rng = random.Random(self.seed)
        pickers = (
            lambda r: r.choice(SIMPLE_VALUES[:4]),
            lambda r: r.choice(SIMPLE_VALUES),
            lambda r: Fraction(r.randint(-300, 300), 100),
        )
        for n in range(1, max_count + 1):
            degenerate = None  # a difference where one side is 0 convinces less: look a little further
            for pick in pickers:
                for _ in range(attempts // len(pickers)):
                    values = self.variables.assign(n, pick, rng)
                    pair = float_values(self.lhs, self.rhs, values, self.scope)
                    if pair is not None and not floats_differ(pair):
                        continue  # where floats are undefined (overflow), only a rigorous look can tell
                    trial = decide_trial(self.lhs, self.rhs, values, self.scope, n)
                    if trial.state != "differ" or self._on_a_kink(trial):
                        continue
                    if trial.lhs != 0 and trial.rhs != 0:
                        return trial
                    degenerate = degenerate or trial
            if degenerate is not None:
                return degenerate
        return None


def evidence(equal: list[Trial]) -> str:
    """What a numerically-equal verdict rests on, in words."""
    counts = sorted({trial.n for trial in equal})
    hows = sorted({trial.how for trial in equal})
    return (
        f"equal on {len(equal)} trials at n = {', '.join(map(str, counts))}, {RANGES}; "
        f"each trial decided {' or '.join(hows)}"
    )
