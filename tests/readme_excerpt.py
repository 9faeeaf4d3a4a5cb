"""The README's excerpt of `symgrad check`, cut from what the command prints now.

`python tests/readme_excerpt.py` rewrites the excerpt in README.md; the test suite checks that the
README holds exactly what this prints, so the excerpt cannot drift from the command.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

#: What the excerpt shows: a section's results, then single results, elided with "…" between.
SECTION = "1.2.1 Cost"
SINGLE = ("(43)", "(58) per sample: ∂C/∂w^(l)")

_FENCE = re.compile(r"(An excerpt of `symgrad check`[^\n]*\n\n```\n)(.*?)(```)", re.S)


def check_output() -> str:
    run = subprocess.run([sys.executable, "-m", "symgrad", "check"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    if run.returncode != 1:
        raise RuntimeError(f"symgrad check exited {run.returncode}: {run.stderr[-2000:]}")
    return run.stdout


def blocks(output: str) -> list[list[str]]:
    """The printed report cut into blocks: a heading line (2 spaces in) or a result with its
    indented detail lines (4 spaces in, then 8)."""
    found: list[list[str]] = []
    for line in output.splitlines():
        indent = len(line) - len(line.lstrip())
        if indent in (2, 4) or not found:
            found.append([line])
        else:
            found[-1].append(line)
    return found


def excerpt(output: str) -> str:
    cut = blocks(output)
    heading = next(k for k, block in enumerate(cut) if block[0] == f"  {SECTION}")
    section = [cut[heading]]
    for block in cut[heading + 1:]:
        if not block[0].startswith("    "):
            break
        section.append(block)
    lines = [line for block in section for line in block]
    for wanted in SINGLE:
        lines.append("…")
        match = next(block for block in cut if block[0].startswith("    ") and wanted in block[0])
        if "algorithm checks" not in lines and _in_algorithms(cut, match):
            lines.append("  algorithm checks")
        lines += match
    lines.append(output.rstrip().splitlines()[-1])  # the summary: how many results, of which kind
    return "\n".join(lines) + "\n"


def _in_algorithms(cut, block) -> bool:
    position = cut.index(block)
    return any(other[0] == "  algorithm checks" for other in cut[:position])


def without_timing(text: str) -> str:
    return re.sub(r" in \d+\.\d+ s$", " in T s", text, flags=re.M)


def written_excerpt() -> str:
    return _FENCE.search(README.read_text()).group(2)


def main() -> None:
    """Rewrite the excerpt, unless only its timing would change."""
    fresh = excerpt(check_output())
    if without_timing(fresh) != without_timing(written_excerpt()):
        text = README.read_text()
        README.write_text(_FENCE.sub(lambda m: m.group(1) + fresh + m.group(3), text, count=1))


if __name__ == "__main__":
    main()
