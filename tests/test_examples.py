"""The shipped examples: listed, copied, and checked; section titles and LaTeX's \\title kept."""

import json
import subprocess
import sys
from pathlib import Path

from symgrad_derivations import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent


def symgrad(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "symgrad", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_every_shipped_document_is_a_listed_example():
    shipped = {p.name for p in (ROOT / "derivations").iterdir() if p.suffix in (".md", ".tex")}
    assert shipped <= set(EXAMPLES) and all((ROOT / "derivations" / name).is_file() for name in EXAMPLES)
    listing = symgrad("examples")
    assert listing.returncode == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()[: len(EXAMPLES)]] == list(EXAMPLES)


def test_examples_are_copied_without_overwriting(tmp_path):
    target = tmp_path / "mine"
    first = symgrad("examples", "--copy", str(target))
    assert first.returncode == 0 and sorted(p.name for p in target.iterdir()) == sorted(EXAMPLES)
    (target / "notes.md").write_text("my own notes")
    again = symgrad("examples", "--copy", str(target))
    assert again.returncode == 0 and f"kept {target / 'notes.md'}" in again.stdout
    assert (target / "notes.md").read_text() == "my own notes"
    blocked = tmp_path / "a file"
    blocked.write_text("")
    refused = symgrad("examples", "--copy", str(blocked / "below"))
    assert refused.returncode == 2 and refused.stderr.startswith("symgrad: error: cannot copy into")


def test_the_worked_examples_hold_and_keep_their_titles():
    run = symgrad("check", "derivations/logistic_regression.md", "derivations/tanh_chain.tex", "--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    logistic, tanh = json.loads(run.stdout)["documents"]
    for document in (logistic, tanh):
        verdicts = {result["verdict"] for result in document["results"]}
        assert verdicts == {"proven", "definition"}, document["path"]
    assert tanh["title"] == "Back-propagation through two tanh neurons"  # \title{…}, not the first \section
    assert tanh["sections"] == {"1": "The network", "2": "The gradient"}
    assert logistic["title"] == "Logistic regression with cross-entropy"
    text = symgrad("check", "derivations/tanh_chain.tex").stdout
    assert "\n  1 The network\n" in text and "\n  2 The gradient\n" in text


def test_a_numbered_heading_keeps_its_title_in_every_format():
    text = symgrad("check", "derivations/notes.md", "-q").stdout
    assert "  1.2.1 Cost\n" in text
    markdown = symgrad("check", "derivations/notes.md", "--format", "markdown").stdout
    assert "### 1.4.2 Back-Propagation" in markdown
    page = symgrad("check", "derivations/notes.md", "--format", "html").stdout
    assert "<h3>1.5.2 Back-Propagation</h3>" in page
