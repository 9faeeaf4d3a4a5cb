"""Definitions written in the prose's inline math (Nielsen's δ^l ≡ ∂C/∂z^l): in force from the
first display that uses the name, even when the names they use are defined after them.  The truth
of each claim is stated by hand from the chain rule (C = ½(σ(z) − y)² on one layer)."""

from symgrad.check import check
from symgrad.documents import read_document
from symgrad.errors import DocumentErrors
from symgrad.results import Verdict

CHAIN = r"""
$$ z^l = w^l a^{l-1} + b^l \quad (1) $$

$$ a^l = \sigma(z^l) \quad (2) $$

$$ C = \frac{1}{2}(a^L - y)^2 \quad (3) $$

$$ \delta^L = (a^L - y)\,\sigma'(z^L) \quad (4) $$

$$ \delta^L = a^L - y \quad (5) $$

$$ \frac{\partial C}{\partial b^l} = \delta^l \quad (6) $$
"""


def report_of(tmp_path, text: str, suffix: str = ".md"):
    path = tmp_path / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        (derivation,) = read_document(path)
    except DocumentErrors as errors:
        (derivation,) = errors.partial
    report = check(derivation)
    return {f.label: f for f in report.findings}, report.readings


def test_a_prose_definition_before_the_model_is_used_where_its_name_first_appears(tmp_path):
    findings, readings = report_of(tmp_path, "# Chain\n\nAs in the book, $\\delta^l := \\partial C / \\partial z^l$.\n" + CHAIN)
    assert findings["4"].verdict.is_true
    assert findings["5"].verdict == Verdict.FAILS  # σ' is missing
    assert findings["6"].verdict.is_true
    assert any("in the prose on line 3" in r and "definition of" in r for r in readings)
    assert set(findings) == {"1", "2", "3", "4", "5", "6"}  # the prose definition is a reading, not a result


def test_equiv_in_latex_inline_math_defines_too(tmp_path):
    body = "\n".join(
        f"\\begin{{equation}} {line.split('$$')[1].rsplit(chr(92) + 'quad', 1)[0]} \\end{{equation}}"
        for line in CHAIN.strip().splitlines() if line.strip())
    text = ("\\documentclass{article}\n\\begin{document}\n\\section{Chain}\n"
            "We write \\( \\delta^l \\equiv \\partial C / \\partial z^l \\).\n" + body + "\n\\end{document}\n")
    findings, _ = report_of(tmp_path, text, ".tex")
    assert findings["4"].verdict.is_true and findings["5"].verdict == Verdict.FAILS


def test_without_the_prose_definition_the_same_lines_are_definitions_not_claims(tmp_path):
    findings, readings = report_of(tmp_path, "# Chain\n\nAs in the book, $\\delta^l = \\partial C / \\partial z^l$.\n" + CHAIN)
    assert findings["4"].verdict == Verdict.DEFINITION  # plain = in prose is prose: nothing is read from it
    assert not any("in the prose" in r for r in readings)


def test_a_prose_definition_that_does_not_read_leaves_what_uses_it_unchecked(tmp_path):
    findings, readings = report_of(tmp_path, "# Chain\n\nHere $\\delta^l := \\partial C / \\partial \\zeta\\!\\!\\unknown z^l$.\n" + CHAIN)
    for label in ("4", "5", "6"):
        assert findings[label].verdict == Verdict.INCONCLUSIVE
        assert "could not be read" in findings[label].diagnosis.text
    assert any("looks like a definition" in r for r in readings)


def test_a_prose_definition_no_display_uses_changes_nothing(tmp_path):
    plain, _ = report_of(tmp_path, "# Chain\n" + CHAIN)
    findings, readings = report_of(tmp_path, "# Chain\n\nRecall $e \\equiv a - y$.\n" + CHAIN)
    assert {k: f.verdict for k, f in findings.items()} == {k: f.verdict for k, f in plain.items()}
    assert not any("in the prose" in r for r in readings)


def test_after_a_prose_definition_for_every_layer_a_numbered_layer_line_is_a_claim(tmp_path):
    """Outside test round 5: δ^1 = a^1 − y was a new definition, so the missing σ' passed silently."""
    text = r"""# One neuron

$$z^1 = w^1 x + b^1 \quad (1)$$

$$a^1 = \sigma(z^1) \quad (2)$$

$$C_x = \frac{1}{2}(a^1 - y)^2 \quad (3)$$

where $\delta^l \equiv \partial C_x/\partial z^l$.

$$\delta^1 = a^1 - y \quad (4)$$

$$\delta^1 = (a^1 - y)\,\sigma'(z^1) \quad (5)$$

$$\frac{\partial C_x}{\partial w^1} = x\,\delta^1 \quad (6)$$
"""
    findings, _ = report_of(tmp_path, text)
    assert findings["4"].verdict == Verdict.FAILS
    assert findings["5"].verdict.is_true and findings["6"].verdict.is_true
