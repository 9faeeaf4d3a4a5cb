"""The README's example derivation runs and finds the factor 2 it loses on purpose."""

import re
import subprocess
import sys
from pathlib import Path

from readme_excerpt import check_output, excerpt, without_timing, written_excerpt

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
    """The README's excerpt is cut from what `symgrad check` prints now (python tests/readme_excerpt.py
    rewrites it)."""
    assert without_timing(written_excerpt()) == without_timing(excerpt(check_output()))
