"""Reports and derivations display themselves in Jupyter (HTML / Markdown / LaTeX reprs)."""

import re

import pytest
import sympy as sp
from report_sample import sample_document

from symgrad import Derivation
from symgrad.display import bundle
from symgrad.report.markdown import document_markdown


def tiny_derivation() -> Derivation:
    w = sp.Symbol("w")
    derivation = Derivation("tiny <title>")
    derivation.define("1", sp.Function("C")(w), w**2, latex="C(w) = w^2")
    derivation.claim("2", sp.Derivative(w**2, w), 2 * w, latex=r"C'(w) = 2 w")
    derivation.step("3", 2 * w, latex="= 2w")
    return derivation


def test_a_document_report_shows_itself_as_styled_html_with_math():
    markup = bundle(sample_document())["text/html"]
    assert markup.startswith("<style>") and '<div class="symgrad"><article class="document" id="d1">' in markup
    # every rule is scoped to the report, so the notebook's own styles are untouched
    rules = re.findall(r"^([^@\s}][^{]*)\{", markup[7:markup.index("</style>")], re.M)
    assert rules and all(sel.strip().startswith(".symgrad") for rule in rules for sel in rule.split(","))
    assert markup.count("<math") >= 7 and 'id="d1-eq-7"' in markup


def test_a_document_report_shows_itself_as_markdown():
    document = sample_document()
    assert bundle(document)["text/markdown"] == document_markdown(document)
    assert "**(7)** — ✗ **FAILS**" in bundle(document)["text/markdown"]


def test_a_derivation_lists_its_equations_as_latex_with_numbers():
    latex = bundle(tiny_derivation())["text/latex"]
    assert latex == ("$$\\begin{array}{rl}\n"
                     "\\text{(1)} & \\displaystyle C(w) = w^2 \\\\\n"
                     "\\text{(2)} & \\displaystyle C'(w) = 2 w \\\\\n"
                     "\\text{(3)} & \\displaystyle = 2w\n"
                     "\\end{array}$$")


def test_a_derivation_lists_its_equations_as_markdown():
    assert bundle(tiny_derivation())["text/markdown"] == (
        "**tiny \\<title\\>**\n\n- (1) $C(w) = w^2$\n- (2) $C'(w) = 2 w$\n- (3) $= 2w$\n")


def test_jupyter_picks_the_reprs_up():
    formatters = pytest.importorskip("IPython.core.formatters")
    data, _ = formatters.DisplayFormatter().format(sample_document())
    assert "<math" in data["text/html"] and "**(7)**" in data["text/markdown"]
    data, _ = formatters.DisplayFormatter().format(tiny_derivation())
    assert data["text/latex"].startswith("$$\\begin{array}")


def test_check_file_from_python_and_print_shows_the_text_report(tmp_path, capsys):
    import symgrad

    path = tmp_path / "wrong.md"
    path.write_text("# t\n\n$$ C = w^2 \\quad (1) $$\n\n$$ \\frac{dC}{dw} = w \\quad (2) $$\n", encoding="utf-8")
    (report,) = symgrad.check_file(str(path))
    print(report)
    shown = capsys.readouterr().out
    assert "(2)    FAILS" in shown and "2 results: 1 failing, 1 definition" in shown
    wrong = report.findings[1]
    assert str(wrong).startswith("    (2)    FAILS") and "counterexample: n = 1" in str(wrong)
    assert wrong._repr_mimebundle_()["text/plain"] == str(wrong)
