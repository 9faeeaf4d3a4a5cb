"""The README: its Python examples run as written, and its excerpt is what `symgrad check` prints."""

import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from readme_excerpt import check_output, excerpt, without_timing, written_excerpt

ROOT = Path(__file__).resolve().parent.parent


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)


@pytest.mark.parametrize("number", range(len(python_blocks())))
def test_every_python_example_in_the_readme_runs_as_written(tmp_path, number):
    """Each block runs as a script from the repository root, as a reader would paste it."""
    script = tmp_path / "example.py"
    script.write_text(python_blocks()[number])
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr


def test_the_python_derivation_example_finds_the_lost_factor(tmp_path):
    (code,) = [block for block in python_blocks() if "Derivation(" in block]
    script = tmp_path / "example.py"
    script.write_text(code)
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert "(3) proven" in run.stdout
    assert "(4) fails 1/2" in run.stdout


def test_readme_excerpt_is_what_symgrad_check_prints():
    """The README's excerpt is cut from what `symgrad check` prints now (python tests/readme_excerpt.py
    rewrites it)."""
    assert without_timing(written_excerpt()) == without_timing(excerpt(check_output()))


def test_the_readme_shows_both_screenshots_of_the_report():
    from readme_screenshots import SHOTS

    text = (ROOT / "README.md").read_text()
    for name, size in SHOTS.items():
        assert f'src="docs/{name}"' in text
        header = (ROOT / "docs" / name).read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", header[16:24]) == size


def test_the_readme_names_every_diagnosis_kind():
    from symgrad.results import DiagnosisKind

    text = (ROOT / "README.md").read_text()
    assert not [kind.value for kind in DiagnosisKind if f"`{kind.value}`" not in text]
    assert "../shared" not in text  # a reader of the README has only the repository
