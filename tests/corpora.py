"""The corpora whose truth was computed without symgrad: documents, truth files, and judging.

``tests/corpus/`` holds derivations written the way students, lecturers and bloggers write them;
``tests/adversarial/`` holds documents written to make symgrad lie.  Next to each document, a
``.truth.json`` says what each numbered equation is, computed by the corpus's own ``oracle.py``
(plain SymPy or mpmath on expanded sums; it never imports symgrad).

Run ``python tests/corpora.py`` for a scoreboard (read and judged-right rates per corpus).
"""

from __future__ import annotations

import json
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from isolated import check_isolated  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"corpus": ROOT / "tests" / "corpus", "adversarial": ROOT / "tests" / "adversarial"}
SUFFIXES = (".md", ".tex", ".markdown")
#: What each corpus allows per run (the hidden corpora are held to the same).
WALL_SECONDS = 30


@dataclass(frozen=True)
class Case:
    """One document and its truth file."""

    corpus: str
    document: Path
    truth: dict = field(hash=False, compare=False)

    @property
    def name(self) -> str:
        return f"{self.corpus}/{self.document.relative_to(CORPORA[self.corpus]).as_posix()}"

    @property
    def hostile(self) -> bool:
        return bool(self.truth.get("hostile"))


def cases(corpus: str) -> list[Case]:
    found = []
    for truth in sorted(CORPORA[corpus].rglob("*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        documents = [truth.with_name(stem + suffix) for suffix in SUFFIXES if truth.with_name(stem + suffix).exists()]
        target = truth.with_name(stem)  # a directory case (a folder to scan)
        if not documents and target.is_dir():
            documents = [target]
        if documents:
            found.append(Case(corpus, documents[0], json.loads(truth.read_text(encoding="utf-8"))))
    return found


@dataclass(frozen=True)
class Outcome:
    """What `symgrad check --format json` did on one document."""

    status: int | None
    seconds: float
    results: dict  # label → result dictionary
    errors: str
    crashed: bool
    ran_code: tuple = ()  # marker files left by a payload that must never run


@lru_cache(maxsize=None)
def run(case: Case) -> Outcome:
    """Check the case's document (or, for a folder case, run from `cwd` on `target`)."""
    truth = case.truth
    if truth.get("cwd"):
        cwd = CORPORA[case.corpus] / truth["cwd"]
        paths = [truth["target"]] if truth.get("target") else []
    else:
        cwd, paths = None, [str(case.document)]
    with tempfile.TemporaryDirectory() as workdir, tempfile.TemporaryDirectory() as markers:
        arguments = ["--format", "json", *truth.get("args", []), *paths]
        environment = {truth["marker_env"]: markers} if truth.get("marker_env") else {}
        done = check_isolated(arguments, Path(workdir), WALL_SECONDS, cwd, environment)
        ran_code = tuple(sorted(path.name for path in Path(markers).iterdir()))
    parts: dict = {}
    try:
        for document in json.loads(done.out)["documents"]:
            for result in document["results"]:
                if result["label"] is not None:
                    parts.setdefault(result["label"], []).append(result)
    except (ValueError, KeyError, TypeError):
        pass
    results = {label: line_result(found) for label, found in parts.items()}
    crashed = "Traceback" in done.err + done.out or done.status not in (0, 1, 2, 5)
    return Outcome(done.status, done.seconds, results, done.err, crashed, ran_code)


#: A line written a = b = c holds only if every part does: its verdict is its parts' worst.
WORST_FIRST = ("fails", "ill-formed", "inconclusive", "numerically-equal", "proven", "definition")


def line_result(parts: list[dict]) -> dict:
    """One result for a numbered line (several when it is written a = b = c)."""
    worst = min(parts, key=lambda part: WORST_FIRST.index(part["verdict"]))
    conditions = sorted({c for part in parts for c in part.get("conditions") or []})
    return {**parts[0], "verdict": worst["verdict"], "conditions": conditions}


def run_all(selected: list[Case]) -> None:
    """Run every case, two at a time (the machines have two cores)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(run, selected))


#: The verdicts that say a claim holds; and what each truth accepts.
TRUE = ("proven", "numerically-equal")


def judge(truth: dict, result: dict | None, strict: bool) -> str | None:
    """None when `result` is right for `truth`, else why not.  `strict` (the real-style corpus)
    wants false claims refuted; the adversarial corpus only forbids calling them true."""
    kind = truth["truth"]
    if result is None or result["kind"] == "unread" or result["diagnosis_kind"] == "unread":
        # unread is never "called true": only the real-style corpus must read false claims too
        return "not read" if strict or kind in ("true", "definition", "update", "approximation") else None
    verdict, conditions = result["verdict"], result.get("conditions") or []
    if kind == "true":
        return None if verdict in TRUE else f"a true claim is {verdict}"
    if kind == "false":
        if verdict in TRUE or verdict == "definition":
            return f"a false claim is {verdict}"
        return None if not strict or verdict in ("fails", "ill-formed") else f"a false claim is {verdict}"
    if kind == "conditional":
        if verdict == "definition" or verdict in TRUE and not conditions:
            return f"a claim true only on part of the domain is {verdict} with no condition"
        return None
    if kind == "definition":  # a definition that is also a true identity may be proven
        return None if verdict == "definition" or verdict in TRUE else f"a definition is {verdict}"
    if kind == "update":
        return None if result["kind"] == "update" else f"an update rule is read as a {result['kind']}"
    if kind == "approximation":
        return None if result["kind"] == "approximation" or verdict in TRUE else f"an approximation is {verdict}"
    if kind == "ill-formed":
        return None if verdict == "ill-formed" else f"an ill-formed line is {verdict}"
    return f"unknown truth {kind!r}"


GAPS = ROOT / "tests" / "corpus" / "known_gaps.txt"


def known_gaps() -> dict[str, str]:
    """`corpus/doc.md:label` → why symgrad does not get it right yet (tests/corpus/known_gaps.txt)."""
    gaps = {}
    if GAPS.exists():
        for line in GAPS.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, why = line.partition("  ")
                gaps[key.strip()] = why.strip()
    return gaps


def current_gaps() -> list[str]:
    """Every equation of the real-style corpus symgrad does not get right, and why (for known_gaps.txt)."""
    selected = cases("corpus")
    run_all(selected)
    lines = []
    for case in selected:
        outcome = run(case)
        for label, truth in case.truth.get("equations", {}).items():
            why = judge(truth, outcome.results.get(label), strict=True)
            if why:
                lines.append(f"{case.name}:{label}  {why}")
    return lines


def scoreboard() -> str:
    """Per corpus and per folder in it (each round of an outside test): read, judged right, and the
    false claims called true (proven or numerically-equal), the failure that matters most."""
    lines = []
    for corpus in CORPORA:
        selected = [case for case in cases(corpus) if not case.hostile]
        run_all(selected)
        groups: dict[str, list[int]] = {}
        for case in selected:
            outcome = run(case)
            folder = case.document.relative_to(CORPORA[corpus]).parts
            keys = [corpus] + ([f"{corpus}/{folder[0]}"] if len(folder) > 1 else [f"{corpus} (top level)"])
            for label, truth in case.truth.get("equations", {}).items():
                result = outcome.results.get(label)
                counts = [1, result is not None and result["kind"] != "unread",
                          judge(truth, result, strict=corpus == "corpus") is None,
                          truth.get("truth") == "false" and (result or {}).get("verdict") in ("proven", "numerically-equal")]
                for key in keys:
                    groups[key] = [a + b for a, b in zip(groups.get(key, [0, 0, 0, 0]), counts)]
        for key, (total, read, right, lies) in sorted(groups.items(), key=lambda item: (item[0] != corpus, item[0])):
            lines.append(f"{key}: {total} numbered equations, read {read} ({100 * read / total:.1f} %), judged right "
                         f"{right} ({100 * right / total:.1f} %), false claims called true {lies}")
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:] == ["--gaps"]:
        print("# Equations of tests/corpus symgrad does not yet judge right: `python tests/corpora.py --gaps`")
        print("\n".join(current_gaps()))
    else:
        print(scoreboard())
