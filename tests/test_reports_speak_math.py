"""No report of the shipped derivations shows SymPy code (Sum(, **, x[i], Piecewise(…)) outside
the author's own LaTeX: diagnoses, corrections, readings, factors and counterexamples are math."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_corpora import SYMPY_CODE

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ["derivations/notes.py", "derivations/notes.md", "derivations/logistic_regression.md", "derivations/tanh_chain.tex"]
#: What is the author's LaTeX or markup in each format, cut out before looking.
NOT_OURS = {
    "text": [],
    "markdown": [r"\$\$.*?\$\$", r"\$[^$\n]+\$", r"\*\*"],
    "html": [r"<math.*?</math>", r'<code class="latex">.*?</code>', r"<style>.*?</style>", r"<[^>]+>"],
}


@pytest.mark.parametrize("fmt", NOT_OURS)
def test_the_shipped_reports_speak_math(fmt):
    run = subprocess.run([sys.executable, "-m", "symgrad", "check", *DOCUMENTS, "--format", fmt],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr  # the notes hold mistakes
    text = run.stdout
    for pattern in NOT_OURS[fmt]:
        text = re.sub(pattern, " ", text, flags=re.S)
    found = [line for line in text.splitlines() if SYMPY_CODE.search(line)]
    assert not found, found[:5]
