"""The notes as a Markdown document read the same as their Python encoding, equation by equation."""

import dataclasses
from pathlib import Path

import pytest
import sympy as sp

from symgrad.check.engine import check
from symgrad.documents import read_document

ROOT = Path(__file__).resolve().parent.parent
LABELS = [str(k) for k in range(1, 59)]


@pytest.fixture(scope="module")
def derivations():
    python = read_document(ROOT / "derivations" / "notes.py")[0]
    markdown = read_document(ROOT / "derivations" / "notes.md")[0]
    return python, markdown


@pytest.fixture(scope="module")
def findings(derivations):
    """Both checked by the engine (the Python file's algorithm checks left out: the .md has none)."""
    python, markdown = derivations
    equations_only = dataclasses.replace(python, algorithms=[])
    return [{f.label: f for f in check(d, seed=0).findings if f.label} for d in (equations_only, markdown)]


def test_every_equation_of_the_notes_is_read(derivations):
    _, markdown = derivations
    assert [eq.label for eq in markdown.equations if not eq.assumed] == LABELS
    assert markdown.title == "Gradient Descent"


@pytest.mark.parametrize("label", LABELS)
def test_same_verdict_as_the_python_encoding(findings, label):
    python, markdown = (by_label[label] for by_label in findings)
    assert (markdown.kind, markdown.section, markdown.verdict) == (python.kind, python.section, python.verdict)
    assert markdown.follows == python.follows
    assert markdown.counterexample == python.counterexample
    assert markdown.factor == python.factor


def _same(left, right) -> bool:
    if left is None or right is None:
        return left is right
    return left == right or sp.expand(left - right) == 0


def test_each_equation_becomes_the_sympy_objects_of_the_python_encoding(derivations):
    python, markdown = derivations
    for mine, theirs in zip(markdown.equations, python.equations, strict=True):
        assert (mine.label, mine.kind, mine.assumed) == (theirs.label, theirs.kind, theirs.assumed)
        assert _same(mine.lhs, theirs.lhs) and _same(mine.rhs, theirs.rhs), mine.label
        if mine.label:
            assert mine.latex == theirs.latex


def test_the_notation_blocks_give_the_python_encodings_readings_and_held_families(derivations):
    python, markdown = derivations
    ran = "notes.py is a Python program: symgrad ran it to build this derivation."
    assert python.notation.readings[-1] == ran  # the report says a Python document was run
    assert markdown.notation.readings == python.notation.readings[:-1]
    assert markdown.notation.held_constant == python.notation.held_constant


def test_prose_between_equations_is_kept(derivations):
    _, markdown = derivations
    by_label = {eq.label: eq for eq in markdown.equations}
    assert by_label["1"].text == "using finite difference to get derivative of cost function"
    assert "superscript in parenthesis denotes the current layer" in by_label["31"].text
    assert by_label["5"].text == ""
