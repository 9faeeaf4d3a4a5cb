"""Does symgrad ever call a wrong step right, or a right step wrong?  A mutation benchmark.

From every claim of the notes symgrad proves, and a library of correct identities of the same
kind, it generates mutants (sign flips, changed factors, dropped powers and terms, swapped names
and indices, σ' slips, wrong summation ranges, a missing 1/n) and rewrites (expanded, factored,
collected, reordered, sums split and merged, constants moved across Σ).  An independent mpmath
oracle on explicit finite sums keeps only the mutants that are really false and the rewrites
that are really equal; then symgrad checks each one.  Goal: every mutant caught (`fails`, or
`ill-formed` when the mutation breaks index binding), no rewrite rejected, ≥ 90 % of rewrites
proven symbolically.  Run on demand:  python benchmarks/soundness.py [--json] [--limit K]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import soundness_outside
from benchmarks.soundness_cases import all_claims
from benchmarks.soundness_mutations import Variant, variants
from symgrad import Derivation, Verdict, check

#: What accepting a rewrite means: the verdicts that say a claim holds.
TRUE = {verdict for verdict in Verdict if verdict.is_true}


def verdicts(group: list[Variant], seed: int = 0, timeout: float = 10.0) -> list:
    """symgrad's finding for each variant of one base claim, checked in one document.

    Each variant is its own claim after the base's definitions, so it is judged against the
    truth alone.  A crash is a finding too (verdict "crash"), so it shows up as a miss.
    """
    if not group:
        return []
    base = group[0].base
    document = Derivation(base.name, notation=base.notation)
    for number, (lhs, rhs) in enumerate(base.definitions):
        document.define(f"d{number}", lhs, rhs)
    for number, variant in enumerate(group):
        document.claim(f"v{number}", base.lhs, variant.rhs)
    try:
        findings = check(document, seed=seed, timeout=timeout).findings
    except Exception as error:  # a crash is a result to report, not a reason to stop measuring
        if len(group) > 1:
            return [finding for variant in group for finding in verdicts([variant], seed, timeout)]
        return [Crash(f"{type(error).__name__}: {error}")]
    return findings[len(base.definitions):]


class Crash:
    """Stands in for a finding when checking raised."""

    method = None

    def __init__(self, message: str):
        self.verdict, self.diagnosis = "crash", message


def judged(variant: Variant, finding) -> bool:
    """Caught (a mutant) or accepted (a rewrite)?"""
    if variant.rewrite:
        return finding.verdict in TRUE
    return finding.verdict == "fails" or (finding.verdict == "ill-formed" and variant.breaks_binding)


def measure(bases, seed: int = 0, timeout: float = 10.0, limit: int | None = None) -> dict:
    """Generate, classify and check; `limit` keeps a seeded sample of that many variants per base."""
    rng = random.Random(seed)
    results, discarded, seconds = [], {"accidentally true": 0, "not a rewrite": 0}, 0.0
    for base in bases:
        found = variants(base, seed)
        discarded["accidentally true"] += found.accidentally_true
        discarded["not a rewrite"] += found.not_rewrites
        group = found.mutants + found.rewrites
        if limit is not None and len(group) > limit:
            group = rng.sample(group, limit)
        started = time.perf_counter()
        results += list(zip(group, verdicts(group, seed, timeout)))
        seconds += time.perf_counter() - started
    return summarise(results, discarded, seconds)


def summarise(results, discarded: dict, seconds: float) -> dict:
    mutants = [(v, f) for v, f in results if not v.rewrite]
    rewrites = [(v, f) for v, f in results if v.rewrite]
    misses = [f"missed mutant ({f.verdict}): {v.repro()}" for v, f in mutants if not judged(v, f)]
    misses += [f"rejected rewrite ({f.verdict}): {v.repro()}" for v, f in rewrites if not judged(v, f)]
    return {
        "mutants": len(mutants),
        "caught": sum(judged(v, f) for v, f in mutants),
        "caught as ill-formed": sum(f.verdict == "ill-formed" and judged(v, f) for v, f in mutants),
        "rewrites": len(rewrites),
        "rejected": sum(not judged(v, f) for v, f in rewrites),
        "proven": sum(f.verdict == "proven" for v, f in rewrites),
        "numerically-equal": sum(f.verdict == "numerically-equal" for v, f in rewrites),
        "discarded by the oracle": discarded,
        "seconds_per_claim": round(seconds / max(1, len(results)), 4),
        "misses": misses,
        "numeric_only": [v.repro() for v, f in rewrites if f.verdict == "numerically-equal"],
    }


def text(report: dict) -> str:
    share = report["proven"] / max(1, report["rewrites"])
    lines = [
        f"mutants caught:    {report['caught']} / {report['mutants']} "
        f"({report['caught as ill-formed']} as ill-formed, each breaking index binding)",
        f"rewrites accepted: {report['rewrites'] - report['rejected']} / {report['rewrites']} "
        f"({report['proven']} proven, {share:.0%}; {report['numerically-equal']} only numerically equal)",
        f"discarded by the oracle: {report['discarded by the oracle']}",
        f"time per claim:    {report['seconds_per_claim']:.3f} s",
    ]
    if report["numeric_only"]:
        lines += ["", "rewrites accepted but not proven:"] + [f"  {line}" for line in report["numeric_only"]]
    if report["misses"]:
        lines += ["", "misses (one-line repro each):"] + [f"  {miss}" for miss in report["misses"]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="symgrad's time limit per claim")
    parser.add_argument("--limit", type=int, default=None, help="check a seeded sample of K variants per base claim")
    args = parser.parse_args()
    report = measure(all_claims(), args.seed, args.timeout, args.limit)
    outside = soundness_outside.measure(args.seed)
    if args.json:
        print(json.dumps({**report, "outside": outside}, indent=2, ensure_ascii=False))
    else:
        print(text(report) + "\n\nclaims written as documents, in classes from outside the engine:\n" + soundness_outside.text(outside))


if __name__ == "__main__":
    main()
