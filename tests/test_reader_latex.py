"""LaTeX documents: align rows, numbering, sections, \\def and \\newcommand macros, notation blocks."""

import dataclasses
from pathlib import Path

import pytest

from symgrad.check.engine import check
from symgrad.documents import read_document
from symgrad.errors import DocumentErrors
from symgrad.reader.errors import ReadError
from symgrad.reader.macros import Macros
from symgrad.reader.source import Source

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ROOT / "tests" / "data" / "notes_sections.tex"


def findings_of(derivation):
    return check(derivation, seed=0).findings


@pytest.fixture(scope="module")
def latex_and_python():
    latex = read_document(SECTIONS)[0]
    python = dataclasses.replace(read_document(ROOT / "derivations" / "notes.py")[0], algorithms=[])
    return latex, {f.label: f for f in findings_of(python)}


def test_align_rows_are_numbered_per_row_with_tags_nonumber_and_counters(latex_and_python):
    latex, _ = latex_and_python
    labels = [eq.label for eq in latex.equations]
    assert labels == ["3", "4", "5", "6", "7", "8", "9", "13", "14", "15", "16", None, "23", "24", None, "25", "26"]
    kinds = {eq.label: eq.kind for eq in latex.equations if eq.label}
    assert (kinds["3"], kinds["4"], kinds["5"], kinds["23"], kinds["24"]) == ("definition", "claim", "step", "definition", "claim")
    assert [eq.section for eq in latex.equations][::8] == ["1", "2", "2"]
    assert latex.title == "Linear model: cost"
    assert latex.equations[0].text == "The mean squared error and its derivative."


def test_the_latex_sections_read_like_the_notes(latex_and_python):
    latex, python = latex_and_python
    for finding in findings_of(latex):
        if finding.label is None:
            continue
        expected = python[finding.label]
        assert (finding.verdict, finding.follows, finding.factor) == (expected.verdict, expected.follows, expected.factor)
        assert finding.counterexample == expected.counterexample, finding.label


def test_macros_expand_with_delimited_and_braced_arguments():
    source = Source("m.tex", r"\def\pd[#1]{\partial_{#1}}\newcommand{\avg}[2]{\frac{#2}{n}#1}\def\sq#1{(#1)^2}")
    macros = Macros()
    macros.collect(source.snippet(0, len(source.text)))
    text = r"\pd[w_1] \avg{x_i}2 + \sq x"
    expanded = macros.expand(Source("e.tex", text).snippet(0, len(text)))
    assert expanded.text == r"\partial_{w_1} \frac{2}{n}x_i + (x)^2"
    # the argument keeps its place in the file, the body points at the macro's name
    assert expanded.offset(expanded.text.index("w_1")) == text.index("w_1")
    assert expanded.offset(0) == 0 and expanded.offset(expanded.text.index("frac")) == text.index(r"\avg")


def test_a_macro_missing_its_delimiter_is_an_error():
    macros = Macros()
    definition = r"\def\pd[#1]{\partial_{#1}}"
    macros.collect(Source("m.tex", definition).snippet(0, len(definition)))
    with pytest.raises(ReadError, match="expects '\\['"):
        macros.expand(Source("e.tex", r"\pd w").snippet(0, 5))


def test_an_error_in_a_latex_row_points_into_the_file(tmp_path):
    document = tmp_path / "bad.tex"
    document.write_text("\\section{S}\n\\begin{align}\ny &= w \\\\\n  &= \\foo w\n\\end{align}\n")
    with pytest.raises(DocumentErrors) as raised:
        read_document(document)
    assert (raised.value.line, raised.value.column) == (4, 6)
    equations = raised.value.partial[0].equations
    assert [(eq.label, eq.kind) for eq in equations] == [("1", "definition"), ("2", "unread")]
    assert equations[1].line == 4 and "unknown command \\foo" in equations[1].note


def test_a_row_that_starts_with_an_operator_continues_the_row_before(tmp_path):
    """Outside test round 7: `&\\qquad \\times …` and `&\\quad + λw` rows were checked on their own."""
    from symgrad.check import check
    from symgrad.documents import read_document

    latex = r"""\documentclass{article}
\begin{document}
\begin{equation} C = \frac{1}{2}(w x - y)^2 + \frac{\lambda}{2} w^2 \end{equation}
\begin{align}
\frac{\partial C}{\partial w} &= (w x - y) \nonumber\\
&\qquad\times x + \lambda w \\
-\frac{\partial C}{\partial w} &= (y - w x)\, x - \lambda w
\end{align}
\end{document}
"""
    markdown = "# R\n\n$$ C = \\frac{1}{2}(w x - y)^2 + \\frac{\\lambda}{2} w^2 \\quad (1) $$\n\n" \
               "$$\\begin{aligned} \\frac{\\partial C}{\\partial w} &= (w x - y)\\, x \\\\ &\\quad + \\lambda w \\end{aligned} \\quad (2) $$\n"
    for name, text, labels in (("doc.tex", latex, {"1", "2", "3"}), ("doc.md", markdown, {"1", "2"})):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        findings = {f.label: f.verdict for f in check(read_document(path)[0]).findings}
        assert set(findings) == labels and all(findings[label] == "proven" for label in labels - {"1"}), (name, findings)
