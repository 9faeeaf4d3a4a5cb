"""The README's example derivation runs and finds the factor 2 it loses on purpose."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_python_example_runs(tmp_path):
    text = (ROOT / "README.md").read_text()
    code = re.search(r"## Your own derivation in Python\n\n```python\n(.*?)```", text, re.S).group(1)
    script = tmp_path / "example.py"
    script.write_text(code)
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "(3) proven" in run.stdout
    assert "(4) fails 1/2" in run.stdout


def test_readme_excerpt_is_what_symgrad_check_prints():
    """Every line of the README's excerpt appears, in order, in `symgrad check`'s output (timing aside)."""
    text = (ROOT / "README.md").read_text()
    excerpt = re.search(r"An excerpt of `symgrad check`.*?\n```\n(.*?)```", text, re.S).group(1)
    run = subprocess.run([sys.executable, "-m", "symgrad", "check"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 1, run.stderr
    def timeless(line):
        return re.sub(r" in \d+\.\d+ s$", " in T s", line.rstrip())

    printed = [timeless(line) for line in run.stdout.splitlines()]
    position = 0
    for line in excerpt.splitlines():
        if line.strip() == "…":
            continue
        position = printed.index(timeless(line), position) + 1  # ValueError: the line is not printed (in order)
