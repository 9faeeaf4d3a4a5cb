"""How long `symgrad check` takes on the notes, against SymPy's own import in the same run.

Each repetition is a fresh process (the time a user waits, imports included).  Prints medians:
the whole notes, `import sympy` alone (the floor no check can go below), their ratio, and the
slowest single result.  Run on demand:  python benchmarks/check_speed.py [--repeats 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "derivations" / "notes.py"


def timed(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - started, run.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    check = [sys.executable, "-m", "symgrad", "check", "--format", "json", str(NOTES.relative_to(ROOT))]
    reference = [sys.executable, "-c", "import sympy"]
    whole, imports, slowest = [], [], []
    for _ in range(args.repeats):
        seconds, output = timed(check)
        whole.append(seconds)
        results = json.loads(output)["documents"][0]["results"]
        worst = max(results, key=lambda r: r["seconds"])
        slowest.append((worst["seconds"], worst["label"] or worst["id"]))
        imports.append(timed(reference)[0])
    median_whole, median_import = statistics.median(whole), statistics.median(imports)
    worst_seconds, worst_name = sorted(slowest)[len(slowest) // 2]
    result = {
        "notes_seconds": round(median_whole, 3),
        "import_sympy_seconds": round(median_import, 3),
        "ratio_vs_import_sympy": round(median_whole / median_import, 2),
        "slowest_result": worst_name,
        "slowest_result_seconds": round(worst_seconds, 3),
        "repeats": args.repeats,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"whole notes (median of {args.repeats}): {median_whole:.2f} s")
    print(f"import sympy alone (median):     {median_import:.2f} s")
    print(f"ratio notes / import sympy:      {median_whole / median_import:.1f}x")
    print(f"slowest single result:           {worst_name} in {worst_seconds:.3f} s")


if __name__ == "__main__":
    main()
