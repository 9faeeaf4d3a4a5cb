"""The reader's layers: syntax knows no vocabulary, meaning comes from the notation, reading is re-entrant."""

import threading
from pathlib import Path

import pytest
import sympy as sp

from symgrad.check import check
from symgrad.documents import read_document
from symgrad.notation import SAMPLE as i
from symgrad.notation import family, parameter, sigma
from symgrad.reader import ReadError, Vocabulary, read_formula, syntax
from symgrad.reader.parser import parse
from symgrad.reader.source import Source

ROOT = Path(__file__).resolve().parent.parent


def tree_of(text):
    return syntax.SyntaxBuilder().transform(parse(Source("<t>", text).snippet(0, len(text))))


def test_the_syntax_tree_is_the_same_whatever_the_names_mean():
    tree = tree_of(r"a_i(1 - a_i)")
    assert isinstance(tree.sides[0], syntax.Call) and tree.sides[0].name == syntax.Name("a", 0, "i")
    a = family("a")
    assert read_formula(r"a_i(1 - a_i)").sides[0] == a[i] * (1 - a[i])
    applied = read_formula(r"a(1 - w)", Vocabulary(functions=frozenset({"a"}))).sides[0]
    assert applied == sp.Function("a")(1 - parameter("w"))


def test_a_name_that_is_no_function_cannot_take_several_arguments():
    with pytest.raises(ReadError, match="not a function"):
        read_formula(r"w(x, y)")


def test_two_documents_read_at_once_read_as_they_do_alone(tmp_path):
    first = tmp_path / "first.md"
    first.write_text("```symgrad\nfunctions = [\"g\"]\n```\n\n$$ g(w) = \\sigma(w) \\quad (1) $$\n\n$$ q = g(w)(1 - w) \\quad (2) $$\n")
    second = ROOT / "derivations" / "notes.md"
    alone = [read_document(path)[0].equations for path in (first, second)]
    together: dict = {}

    def read(path):
        for _ in range(5):
            together.setdefault(path, []).append(read_document(path)[0].equations)

    threads = [threading.Thread(target=read, args=(path,)) for path in (first, second) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for path, equations in zip((first, second), alone):
        expected = [(eq.label, eq.kind, eq.lhs, eq.rhs) for eq in equations]
        for run in together[path]:
            assert [(eq.label, eq.kind, eq.lhs, eq.rhs) for eq in run] == expected
    w = parameter("w")
    assert alone[0][1].rhs == sp.Function("g")(w) * (1 - w) and alone[0][0].rhs == sigma(w)


def test_corrected_lines_read_back_and_are_proven(tmp_path):
    """Each corrected line of the notes, put in place of the wrong one, is proven."""
    notes = (ROOT / "derivations" / "notes.md").read_text(encoding="utf-8")
    report = check(read_document(ROOT / "derivations" / "notes.md")[0])
    wrong = [f for f in report.findings if f.corrected]
    assert {f.label for f in wrong} >= {"7", "43", "58"}
    for finding in wrong:
        document = notes.replace(finding.latex, finding.corrected)
        assert document != notes, finding.label
        path = tmp_path / f"corrected_{finding.label}.md"
        path.write_text(document, encoding="utf-8")
        fixed = {f.label: f for f in check(read_document(path)[0]).findings}
        assert fixed[finding.label].verdict == "proven", (finding.label, finding.corrected)
