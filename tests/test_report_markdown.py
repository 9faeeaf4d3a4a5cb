"""The Markdown report: display math for each line, verdicts in words, tables, escaped text."""

import dataclasses
import re

import pytest
from report_sample import HOSTILE, sample_document

from symgrad.report.markdown import code, escape, render_markdown


@pytest.fixture(scope="module")
def text():
    return render_markdown([sample_document()], 1.5)


def block(text: str, label: str) -> str:
    """The lines of equation `label`, up to the next bold headline."""
    start = text.index(f"**({label})**")
    end = text.find("\n**(", start + 1)
    return text[start:end if end != -1 else None]


def test_each_line_is_display_math_under_its_number_and_verdict(text):
    six = block(text, "6")
    assert six.startswith("**(6)** — ✓ proven — holds for every n (symbolic proof)\n\n$$\n")
    assert "$$\nC'(w) = \\left(\\frac{1}{n} \\sum_{i=1}^n (x_i w - y_i)^2 \\right)'\n$$" in six


def test_a_failing_step_has_its_diagnosis_correction_and_counterexample_table(text):
    seven = block(text, "7")
    assert seven.startswith("**(7)** — ✗ **FAILS** — the first wrong step, from (6) to (7) — ✗ **does not follow from (6)**")
    assert "**Why:** the first wrong step, from (6) to (7): the power 2 was dropped" in seven
    assert "**Should be:**\n\n$$\n= \\frac{2 \\sum_{i=1}^{n}" in seven
    table = seven[seven.index("| variable | value |"):].strip().splitlines()
    assert table[1] == "|---|---|"
    assert table[2:] == ["| $n$ | 1 |", "| $w$ | 0.5 |", "| ${x}_{1}$ | 0.5 |", "| $b^{(1)}$ | 1 |",
                         "| left side | -0.75 |", "| right side | 0.5 |"]


def test_chain_relations_and_the_ill_formed_claim(text):
    assert "↳ follows from (8)" in block(text, "9")
    assert "✗ **does not follow from (7)**" in block(text, "8")
    assert block(text, "43").startswith("**(43)** — ⚠ **ILL-FORMED** — cannot be read as a claim")


def test_algorithm_checks_get_a_per_layer_table(text):
    part = text[text.index("### Algorithm checks"):]
    assert "**back-propagation: dC/dw^{(l)}** — ✗ **FAILS**" in part
    assert "| m | l | parameter | verdict | factor |" in part
    assert "| 2 | 1 | $w^{(1)}$ | ✗ **FAILS** | `2/n` |" in part
    assert "**Rests on:** (3), (43)" in part
    assert "**Factor (claimed ÷ true):**\n\n$$\n\\left(\\frac{2}{n}\\right)^{- l + m}\n$$" in part


def test_headings_readings_and_summary(text):
    assert text.startswith("# symgrad report\n\n**7 results: 3 proven, 2 failing, 1 ill-formed, 1 definition in 1.50 s**")
    assert "## Gradient Descent" in text and "### Section 1.2" in text
    assert "- i is the sample index and n the number of samples." in text


def test_document_text_is_escaped():
    text = render_markdown([sample_document(hostile=True)], 1.0)
    escaped = r"\<img src=x onerror=alert(1)\> \& \| \$ \*bold\* \[link\](http://example.com)"
    assert escape(HOSTILE) == escaped
    assert f"## {escaped}" in text and f"- {escaped}" in text and f"**Why:** {escaped}" in text
    assert not re.search(r"(?<!\\)<img", text)


def test_latex_with_a_dollar_becomes_code_and_code_spans_outgrow_backticks():
    sample = sample_document()
    document = dataclasses.replace(sample, findings=(dataclasses.replace(sample.findings[0], latex="a $ b"), *sample.findings[1:]))
    assert "\n`a $ b`\n" in render_markdown([document], 0.0)
    assert code("x ` y") == "``x ` y``" and code("`x`") == "`` `x` ``"
