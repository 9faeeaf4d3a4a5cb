#!/usr/bin/env python3
"""Run symgrad on every corpus document and score its verdicts against the oracle's truth files.

    python tests/corpus/compare.py [--symgrad PATH] [--json OUT] [DOC ...]

symgrad is run as a command (``symgrad check FILE --format json``), never imported.  Scoring:

* truth ``true``           right if the verdict is ``proven`` or ``numerically-equal``
* truth ``false``          right if ``fails`` (``ill-formed`` is counted separately as "flagged")
* truth ``definition``     right if ``definition``
* truth ``update``         right if ``definition`` (symgrad has no verdict for an update rule;
                           reading it as a definition, nothing to check, is acceptable)
* truth ``approximation``  right if not judged as an equality (not proven / fails)
* truth ``conditional``    right if ``fails`` or ``inconclusive`` (``proven`` claims too much)

"read" means symgrad returned a result carrying that label.  A wrong verdict on an equation
whose line had no error message is a *silent misreading*.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = "symgrad"

RIGHT = {
    "true": {"proven", "numerically-equal"},
    "false": {"fails"},
    "definition": {"definition"},
    "update": {"definition"},
    "approximation": {"definition", "inconclusive", "ill-formed"},
    "conditional": {"fails", "inconclusive"},
}
ERR = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$", re.M)


TAG = re.compile(r"\\tag\{([^}]*)\}|(?:\\q?quad\s*|\s)\(([0-9][0-9.a-z]*)\)\s*$")


def label_lines(path: Path) -> dict[str, tuple[int, int]]:
    """Where each numbered equation stands: label -> (first line, last line), 1-based."""
    lines = path.read_text().split("\n")
    spans = {}
    if path.suffix == ".md":
        i = 0
        while i < len(lines):
            if lines[i].lstrip().startswith("$$"):
                j = i
                if lines[i].strip() == "$$" or lines[i].strip().count("$$") < 2:
                    j = i + 1
                    while j < len(lines) and "$$" not in lines[j]:
                        j += 1
                block = " ".join(lines[i:j + 1]).replace("$$", " ").strip()
                m = TAG.search(block)
                if m:
                    spans[m.group(1) or m.group(2)] = (i + 1, j + 1)
                i = j + 1
            else:
                i += 1
        return spans
    counter = 0
    env = re.compile(r"\\begin\{(equation|align)\}(.*?)\\end\{\1\}", re.S)
    text = "\n".join(lines)
    for m in env.finditer(text):
        start = text.count("\n", 0, m.start(2)) + 1
        rows = m.group(2).split("\\\\") if m.group(1) == "align" else [m.group(2)]
        offset = 0
        for row in rows:
            first = start + m.group(2).count("\n", 0, offset)
            last = first + row.count("\n")
            offset += len(row) + 2
            if "\\nonumber" in row or "\\notag" in row or not row.strip():
                continue
            t = re.search(r"\\tag\{([^}]*)\}", row)
            if t:
                label = t.group(1)
            else:
                counter += 1
                label = str(counter)
            spans[label] = (first, last)
    return spans


def run(symgrad, path):
    p = subprocess.run(["timeout", "60", symgrad, "check", str(path), "--format", "json"],
                       capture_output=True, text=True, cwd=HERE)
    try:
        data = json.loads(p.stdout) if p.stdout.strip() else None
    except json.JSONDecodeError:
        data = None
    errors = [m.groupdict() for m in ERR.finditer(p.stderr)]
    return p.returncode, data, errors, p.stderr


def score(name, symgrad):
    truth = json.loads((HERE / f"{name}.truth.json").read_text())
    eqs = truth["equations"]
    doc = next(p for p in HERE.iterdir() if p.stem == name and p.suffix in (".md", ".tex"))
    rc, data, errors, stderr = run(symgrad, doc.name)
    results = {}
    extra = []
    if data:
        for d in data["documents"]:
            for r in d["results"]:
                key = r.get("label") or r.get("id")
                if key in eqs and key not in results:
                    results[key] = r
                else:
                    extra.append(r)
    error_lines = {int(e["line"]) for e in errors}
    spans = label_lines(doc)
    rows = []
    for label, e in eqs.items():
        r = results.get(label)
        verdict = r["verdict"] if r else None
        right = verdict in RIGHT[e["truth"]] if r else False
        flagged = bool(r) and e["truth"] == "false" and verdict == "ill-formed"
        rows.append({
            "label": label, "truth": e["truth"], "note": e.get("note"), "verdict": verdict,
            "right": right, "flagged": flagged, "line": r.get("line") if r else None,
            "diagnosis": (r.get("diagnosis") if r else None),
            "silent": bool(r) and not right and not flagged and (r.get("line") not in error_lines),
            "span": spans.get(label),
            "error": next((e["msg"] for e in errors if label in spans
                           and spans[label][0] <= int(e["line"]) <= spans[label][1]), None),
        })
        rows[-1]["dropped"] = r is None and rows[-1]["error"] is None
    return {"name": name, "file": doc.name, "style": truth["style"], "rc": rc,
            "errors": errors, "rows": rows, "extra": [
                {"label": r.get("label"), "line": r.get("line"), "verdict": r.get("verdict")}
                for r in extra]}


def markdown(out) -> str:
    """The per-document detail: one table row per numbered equation."""
    md = []
    for d in out:
        n = len(d["rows"])
        read = sum(r["verdict"] is not None for r in d["rows"])
        right = sum(r["right"] for r in d["rows"])
        md.append(f"### `{d['file']}` — {d['style']}\n")
        md.append(f"exit {d['rc']}; read {read}/{n}; judged right {right}/{n}; "
                  f"{len(d['errors'])} error message(s)\n")
        md.append("| eq | truth | symgrad | right? | error message / diagnosis |")
        md.append("| --- | --- | --- | --- | --- |")
        for r in d["rows"]:
            if r["verdict"] is None:
                got, ok = "—", "not read"
                msg = r["error"] or "**no result and no error** (dropped silently)"
            else:
                got = r["verdict"]
                ok = "yes" if r["right"] else ("flagged" if r["flagged"] else
                                                "**SILENT**" if r["silent"] else "no")
                msg = (r["diagnosis"] or "")
            msg = msg.replace("|", "\\|").replace("\n", " ")
            if len(msg) > 160:
                msg = msg[:157] + "..."
            md.append(f"| ({r['label']}) | {r['truth']} | {got} | {ok} | {msg} |")
        md.append("")
    return "\n".join(md)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--symgrad", default=DEFAULT)
    ap.add_argument("--json", help="write the per-equation comparison here")
    ap.add_argument("--markdown", help="write the per-document tables here")
    ap.add_argument("docs", nargs="*")
    args = ap.parse_args(argv)
    names = args.docs or sorted(p.name[: -len(".truth.json")] for p in HERE.glob("*.truth.json"))
    out = [score(n, args.symgrad) for n in names]
    tot = {"eq": 0, "read": 0, "right": 0, "silent": 0, "dropped": 0}
    print(f"{'document':32} rc  eqs read right silent dropped errors")
    for d in out:
        n = len(d["rows"])
        read = sum(r["verdict"] is not None for r in d["rows"])
        right = sum(r["right"] for r in d["rows"])
        silent = sum(r["silent"] for r in d["rows"])
        dropped = sum(r["dropped"] for r in d["rows"])
        tot["eq"] += n; tot["read"] += read; tot["right"] += right; tot["silent"] += silent
        tot["dropped"] += dropped
        print(f"{d['name']:32} {d['rc']:2} {n:4} {read:4} {right:5} {silent:6} {dropped:7} {len(d['errors']):6}")
    print(f"{'TOTAL':32}    {tot['eq']:4} {tot['read']:4} {tot['right']:5} {tot['silent']:6} {tot['dropped']:7}")
    print(f"read rate {tot['read'] / tot['eq']:.1%}, judged right {tot['right'] / tot['eq']:.1%} of all, "
          f"{tot['right'] / max(tot['read'], 1):.1%} of those read")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False))
    if args.markdown:
        Path(args.markdown).write_text(markdown(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
