"""A seeded sample of the soundness benchmark (benchmarks/soundness.py), held to its standard.

Every false mutant must fail (or be ill-formed when it breaks index binding), every rewrite must
be accepted, and at least 90 % of rewrites proven symbolically.  Which changes are false is
decided by the benchmark's own mpmath oracle on explicit sums, never by symgrad.
"""

import random
import sys
from functools import lru_cache
from pathlib import Path

import pytest
import sympy as sp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.soundness import judged, verdicts  # noqa: E402
from benchmarks.soundness_cases import claims_of, library, notes  # noqa: E402
from benchmarks.soundness_mutations import candidates, classify, oracle_for  # noqa: E402

SEED = 20240611
MUTANTS_PER_CLAIM, REWRITES_PER_CLAIM = 6, 3
NOTES_LABELS = ("notes (9)", "notes (16)", "notes (21)", "notes (33)", "notes (53)")
LIBRARY_LABELS = ("library (s2)", "library (s5)", "library (s9)", "library (g1)", "library (g3)", "library (x3)")


def _bases() -> dict:
    everything = claims_of(notes(), "notes ", verdicts=None) + claims_of(library(), "library ", verdicts=None)
    return {base.name: base for base in everything if base.name in NOTES_LABELS + LIBRARY_LABELS}


BASES = _bases()


def _sample() -> list:
    rng = random.Random(SEED)
    cases = []
    for name, base in BASES.items():
        found = candidates(base)
        numbered = [(f"{name} {'rewrite' if rw else 'mutant'} {k} [{kind}]", rw, kind, rhs) for k, (rw, kind, rhs) in enumerate(found)]
        mutants = [case for case in numbered if not case[1]]
        rewrites = [case for case in numbered if case[1]]
        cases += rng.sample(mutants, min(MUTANTS_PER_CLAIM, len(mutants)))
        cases += rng.sample(rewrites, min(REWRITES_PER_CLAIM, len(rewrites)))
    return cases


CASES = _sample()


@lru_cache(maxsize=None)
def _oracle(name):
    return oracle_for(BASES[name], seed=0)


@lru_cache(maxsize=None)
def _judged(case_id):
    """(variant or None when the oracle discards the change, symgrad's finding)."""
    _, rewrite, kind, rhs = next(case for case in CASES if case[0] == case_id)
    name = case_id.split(" mutant ")[0].split(" rewrite ")[0]
    variant = classify(BASES[name], _oracle(name), rewrite, kind, rhs)
    if variant is None:
        return None, None
    (finding,) = verdicts([variant], seed=0, timeout=10.0)
    return variant, finding


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_symgrad_agrees_with_the_oracle(case):
    variant, finding = _judged(case[0])
    if variant is None:
        pytest.skip("the oracle finds this mutant accidentally true (or this rewrite not equal)")
    assert judged(variant, finding), f"{finding.verdict}: {variant.repro()}"


def test_the_sample_has_enough_cases_of_both_kinds():
    assert sum(not case[1] for case in CASES) >= 50
    assert sum(case[1] for case in CASES) >= 20


def test_most_rewrites_are_proven_symbolically():
    found = [_judged(case[0]) for case in CASES if case[1]]
    kept = [finding for variant, finding in found if variant is not None]
    assert sum(f.verdict == "proven" for f in kept) >= 0.9 * len(kept)


# -- the oracle itself ----------------------------------------------------------------------
def test_the_oracle_confirms_every_library_identity():
    for base in claims_of(library(), "library ", verdicts=None):
        assert not oracle_for(base).differs(base.rhs), base.name


def test_the_oracle_finds_the_notes_wrong_step_and_accepts_the_right_one():
    steps = {base.name: base for base in claims_of(notes(), "notes ", verdicts=None)}
    wrong, right = steps["notes (7)"], steps["notes (9)"]
    assert oracle_for(wrong).differs(wrong.rhs)
    assert not oracle_for(right).differs(right.rhs)
    assert oracle_for(right).differs(right.rhs * (1 + 1 / sp.Integer(10) ** 20))


def test_claims_from_outside_the_engine_are_all_caught_and_no_true_one_rejected():
    """Sum ranges, empty ranges, capture, operator scope, differences only at n ≥ 6 or at large |x|,
    relative differences down to 1e-30, NaN and ∞ producers: written as documents, judged by the
    module's own mpmath oracle (benchmarks/soundness_outside.py)."""
    from benchmarks import soundness_outside

    report = soundness_outside.measure(seed=0)
    assert not report["misses"], report["misses"]
    for kind, row in report["classes"].items():
        assert row["mutants"] > 0 and row["caught"] == row["mutants"], kind
        assert row["true"] > 0 and row["accepted"] == row["true"], kind
