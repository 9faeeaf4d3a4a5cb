#!/usr/bin/env python3
"""Run symgrad over the adversarial corpus and compare its verdicts with the independent truth.

    python tests/adversarial/run_corpus.py [--symgrad PATH] [--only SUBSTRING] [--json OUT]

For every ``*.truth.json`` below this folder the matching document (``.md`` / ``.tex``) is
checked with ``symgrad check DOC --format json [args]`` (cwd: this folder), under a 4 GB
address-space cap and a hard wall-clock kill at budget + 30 s.  The outcome of each claim is
classed as

    ok        the verdict agrees with the truth
    LIE       a false or conditional claim called proven / numerically-equal, a true claim
              called fails, or a false claim silently taken as a definition
    wrong     another disagreement (true called ill-formed, a definition checked as a claim, …)
    weak      inconclusive / ill-formed where a verdict was expected (not a lie)
    missing   no result with that label (the line was not read: see the stderr of the case)

and every run is checked for: a traceback, an exit status outside {0, 1, 2}, an error line not
of the form FILE:LINE:COL: error:, more than budget_seconds, more than 2 GB, and (running-code
cases) a marker file left by a payload that must never run.  Exit status 1 when any LIE, crash,
hang, budget overrun or executed payload was seen.  This script never imports symgrad.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
GB = 1024**3
ERROR_LINE = re.compile(r"^(\S.*?):(\d+):(\d+): error: ")
USAGE_LINE = re.compile(r"^(usage: |symgrad( \w+)?: error: )")

ACCEPT = {
    # truth -> {verdict: class}
    "true": {"proven": "ok", "numerically-equal": "ok", "fails": "LIE", "ill-formed": "wrong",
             "inconclusive": "weak", "definition": "wrong"},
    "false": {"fails": "ok", "proven": "LIE", "numerically-equal": "LIE", "definition": "LIE",
              "ill-formed": "weak", "inconclusive": "weak"},
    "conditional": {"fails": "ok", "proven": "LIE", "numerically-equal": "LIE", "definition": "LIE",
                    "ill-formed": "weak", "inconclusive": "ok"},
    "definition": {"definition": "ok", "proven": "wrong", "numerically-equal": "wrong", "fails": "wrong",
                   "ill-formed": "wrong", "inconclusive": "wrong"},
    "update": {"definition": "wrong", "proven": "wrong", "numerically-equal": "wrong", "fails": "wrong",
               "ill-formed": "ok", "inconclusive": "weak"},
    "ill-formed": {"ill-formed": "ok", "fails": "weak", "inconclusive": "weak", "definition": "wrong",
                   "proven": "wrong", "numerically-equal": "wrong"},
}
SERIOUS = {"LIE", "CRASH", "HANG", "BUDGET", "RAN-CODE", "BAD-EXIT"}


def classify(truth: str, result: dict | None) -> str:
    if result is None:
        return "missing"
    verdict = result.get("verdict")
    if truth == "update" and result.get("kind") == "update":
        return "ok"
    if truth == "ill-formed" and result.get("kind") == "update":
        return "ok"
    if truth == "conditional" and verdict in ("proven", "numerically-equal") and result.get("conditions"):
        return "ok"
    return ACCEPT.get(truth, {}).get(verdict, "wrong")


def run_one(symgrad: str, truth_path: Path, data: dict) -> dict:
    stem = truth_path.name[: -len(".truth.json")]
    cwd = ROOT
    if data.get("class") == "running-code":
        target = data.get("target", "")
        if data.get("cwd"):
            cwd = ROOT / data["cwd"]
        paths = [target] if target else []
    else:
        doc = next((truth_path.with_name(stem + ext) for ext in (".md", ".tex")
                    if truth_path.with_name(stem + ext).exists()), None)
        if doc is None:
            return {"case": str(truth_path.relative_to(ROOT)), "problems": ["document missing"], "claims": {}}
        paths = [str(doc.relative_to(ROOT))]
    cmd = [symgrad, "check", *paths, "--format", "json", *data.get("args", [])]
    budget = float(data.get("budget_seconds", 30))
    markers = Path(tempfile.mkdtemp(prefix="symgrad-markers-"))
    env = dict(os.environ, SYMGRAD_ADVERSARIAL_MARKERS=str(markers))

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (4 * GB, 4 * GB))
        os.setsid()

    start = time.monotonic()
    out_f, err_f = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out_f, stderr=err_f, preexec_fn=limit)
    hung = False
    rusage = None
    status = None
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > budget + 30:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, rusage = os.wait4(proc.pid, 0)
            hung = True
            break
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - start
    out_f.seek(0), err_f.seek(0)
    stdout = out_f.read().decode("utf-8", "replace")
    stderr = err_f.read().decode("utf-8", "replace")
    maxrss = rusage.ru_maxrss * 1024 if rusage else 0
    problems = []
    if hung:
        problems.append(f"HANG: killed after {elapsed:.0f} s")
    elif elapsed > budget:
        problems.append(f"BUDGET: {elapsed:.1f} s > {budget:.0f} s")
    if maxrss > 2 * GB:
        problems.append(f"BUDGET: {maxrss / GB:.2f} GB > 2 GB")
    if "Traceback (most recent call last)" in stderr or "Traceback (most recent call last)" in stdout:
        last = [line for line in stderr.strip().splitlines() if line.strip()][-1:]
        problems.append("CRASH: traceback: " + (last[0][:200] if last else ""))
    if not hung and proc.returncode not in (0, 1, 2):
        problems.append(f"BAD-EXIT: exit status {proc.returncode}")
    for line in stderr.splitlines():
        if "error" in line and not ERROR_LINE.match(line) and not USAGE_LINE.match(line) \
                and not line.startswith((" ", "\t")) and "Traceback" not in stderr:
            problems.append(f"error line without FILE:LINE:COL: {line[:160]}")
            break
    ran = sorted(p.name for p in markers.iterdir())
    if ran:
        problems.append(f"RAN-CODE: payload executed, markers {ran}")
    shutil.rmtree(markers, ignore_errors=True)
    results = {}
    try:
        report = json.loads(stdout)
        for document in report.get("documents", []):
            for r in document.get("results", []):
                if r.get("label") is not None and r["label"] not in results:
                    results[r["label"]] = r
    except ValueError:
        pass
    claims = {}
    for label, entry in data.get("equations", {}).items():
        r = results.get(label)
        claims[label] = {
            "truth": entry["truth"],
            "verdict": None if r is None else r.get("verdict"),
            "kind": None if r is None else r.get("kind"),
            "outcome": classify(entry["truth"], r),
            "note": entry.get("note", ""),
            "counterexample": None if r is None else r.get("counterexample"),
        }
    errors = [line for line in stderr.splitlines() if ERROR_LINE.match(line) or USAGE_LINE.match(line)]
    return {"case": str(truth_path.relative_to(ROOT)), "class": data.get("class"), "cmd": cmd,
            "exit": proc.returncode, "seconds": round(elapsed, 2), "max_rss_mb": round(maxrss / 2**20),
            "problems": problems, "claims": claims, "errors": errors[:5]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--symgrad", default=os.environ.get("SYMGRAD", shutil.which("symgrad") or "symgrad"))
    ap.add_argument("--only", default="", help="run only cases whose path contains this text")
    ap.add_argument("--json", help="write all outcomes to this file")
    ap.add_argument("--quiet", action="store_true", help="print only problems and disagreements")
    args = ap.parse_args(argv)
    symgrad = str(Path(args.symgrad).resolve()) if os.sep in args.symgrad else args.symgrad
    cases = sorted(p for p in ROOT.rglob("*.truth.json") if args.only in str(p.relative_to(ROOT)))
    outcomes = []
    tally: dict[str, int] = {}
    for path in cases:
        data = json.loads(path.read_text(encoding="utf-8"))
        res = run_one(symgrad, path, data)
        outcomes.append(res)
        for p in res["problems"]:
            tally[p.split(":")[0]] = tally.get(p.split(":")[0], 0) + 1
        for c in res["claims"].values():
            tally[c["outcome"]] = tally.get(c["outcome"], 0) + 1
        bad = res["problems"] or any(c["outcome"] != "ok" for c in res["claims"].values())
        if args.quiet and not bad:
            continue
        print(f"{res['case']}  exit {res.get('exit')}  {res.get('seconds')} s  {res.get('max_rss_mb')} MB")
        for p in res["problems"]:
            print(f"    !! {p}")
        for label, c in res["claims"].items():
            if args.quiet and c["outcome"] == "ok":
                continue
            print(f"    ({label}) truth {c['truth']:<11} symgrad {str(c['verdict'] or c['kind']):<17} {c['outcome']}")
        if res.get("errors") and (bad or not args.quiet):
            for e in res["errors"][:3]:
                print(f"    stderr: {e[:160]}")
    print("\nsummary:", ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    if args.json:
        Path(args.json).write_text(json.dumps(outcomes, indent=1) + "\n", encoding="utf-8")
    return 1 if any(k in SERIOUS for k in tally) else 0


if __name__ == "__main__":
    sys.exit(main())
