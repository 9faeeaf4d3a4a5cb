"""The HTML report: MathML for the author's LaTeX, verdicts as text and symbol, escaped text, no network."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_sample import sample_document

from symgrad.cli import main
from symgrad.report import FORMATS
from symgrad.report.html import render_html
from symgrad.report.mathml import to_mathml

ROOT = Path(__file__).resolve().parent.parent


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of elements with an id."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def entry(page: str, label: str) -> str:
    """The markup of equation `label`'s entry (up to the next entry)."""
    start = page.index(f'id="d1-eq-{label}"')
    end = page.find('<div class="entry', start)
    return page[start:end if end != -1 else None]


@pytest.fixture(scope="module")
def page():
    return render_html([sample_document()], 1.5)


def test_html_and_markdown_are_registered_formats():
    assert FORMATS["html"] is render_html and "markdown" in FORMATS


def test_each_equation_is_mathml_with_its_number(page):
    for label in ("3", "6", "7", "8", "9", "43"):
        markup = entry(page, label)
        assert f'<div class="label">({label})</div>' in markup
        assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in markup
    assert "<mfrac>" in entry(page, "3") and "&#x2211;" not in page  # characters, not references
    assert "∑" in entry(page, "3")
    assert '<code class="latex">' not in page


def test_a_failing_step_is_marked_with_text_symbol_correction_and_counterexample(page):
    seven = entry(page, "7")
    assert '<div class="entry wrong"' in page[page.index('id="d1-eq-7"') - 40:page.index('id="d1-eq-7"')]
    assert '<span class="badge fails"><span aria-hidden="true">✗</span> fails</span>' in seven
    assert "the power 2 was dropped" in seven
    should_be = seven[seven.index("<dt>Should be</dt>"):seven.index("<dt>Counterexample</dt>")]
    assert "<math" in should_be and "<mfrac>" in should_be
    table = seven[seven.index('<table class="counterexample">'):seven.index("</table>")]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td class=\"num\">(.*?)</td></tr>", table)
    assert [value for _, value in rows] == ["1", "0.5", "0.5", "1", "-0.75", "0.5"]
    assert "<msub><mi>x</mi><mn>1</mn></msub>" in rows[2][0].replace("<mrow>", "").replace("</mrow>", "")
    assert "<msup><mi>b</mi>" in rows[3][0]
    assert [side for side, _ in rows[4:]] == ["left side", "right side"]
    assert "does not follow from (6)" in seven


def test_steps_say_whether_they_follow_from_the_line_before(page):
    assert '<span class="chain broken"><span aria-hidden="true">✗</span> does not follow from (7)</span>' in entry(page, "8")
    assert "↳</span> follows from (8)" in entry(page, "9")
    assert "follow" not in entry(page, "6")  # a claim starts a chain


def test_only_failures_are_highlighted(page):
    highlighted = re.findall(r'<div class="entry wrong" id="d1-eq-(\d+)"', page)
    assert highlighted == ["7", "43"]
    assert '<span class="badge proven"><span aria-hidden="true">✓</span> proven</span>' in entry(page, "6")


def test_algorithm_checks_have_their_own_part_with_a_per_layer_table(page):
    part = page[page.index('<section class="algorithms">'):]
    assert "Algorithm checks" in part and "back-propagation: dC/dw^{(l)}" in part
    layers = part[part.index('<table class="layers">'):]
    layers = layers[:layers.index("</table>")]
    assert re.findall(r'<th scope="col">(\w+)</th>', layers) == ["m", "l", "parameter", "verdict", "factor"]
    assert layers.count("<tr>") == 3 and "<code>2/n</code>" in layers and "badge fails" in layers
    assert '<a href="#d1-eq-43">(43)</a>' in part
    factor = part[part.index("<dt>Factor (claimed ÷ true)</dt>"):]
    factor = factor[:factor.index("</dd>")]
    assert "<math" in factor and "<mfrac>" in factor and "**" not in factor  # math, not SymPy code


def test_document_summary_and_readings(page):
    assert "7 results: 3 proven, 2 failing, 1 ill-formed, 1 definition in 0.25 s" in page
    assert "<li>i is the sample index and n the number of samples.</li>" in page
    assert "<h3>Section 1.2</h3>" in page and "<h3>Section 1.4</h3>" in page


def test_document_text_cannot_inject_markup():
    page = render_html([sample_document(hostile=True)], 1.0)
    tags = {tag for tag, _ in Elements(page).tags}
    assert "img" not in tags and "script" not in tags and "b" not in tags
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; | $" in page
    # the LaTeX with markup in \text{} is not converted but shown, escaped, as its source
    assert r'<code class="latex">\text{&lt;script&gt;alert(1)&lt;/script&gt;} x</code>' in page


def test_the_page_references_no_network_resource_and_needs_no_script(page):
    tags = Elements(page).tags
    assert not [tag for tag, _ in tags if tag in ("script", "link", "img", "iframe", "object")]
    urls = re.findall(r"(?:https?:)?//[^\s\"'<>)]+", page)
    assert set(urls) == {"http://www.w3.org/1998/Math/MathML"}  # a namespace name, never fetched
    assert "@import" not in page and "url(" not in page


@pytest.mark.parametrize("latex", [r"\frac{1}{", r"\unknowncommand x", r"a & b", r"\text{<b>x</b>}"])
def test_latex_that_cannot_be_converted_safely_gives_none(latex):
    assert to_mathml(latex) is None


def test_mathml_of_the_notes_constructs_is_well_formed():
    for latex in (r"\partial_{w^{(1)}} a_i^{(1)}", r"\lim_{\epsilon \rightarrow 0} \frac{C(w + \epsilon) - C(w)}{\epsilon}",
                  r"\left(\sum_{i=1}^n x_i \right)'", r"x_1 + \dots + x_n", r"(z_i : \text{expected output})",
                  r"\sigma'(x)"):
        markup = to_mathml(latex, display=True)
        assert markup is not None, latex
        ET.fromstring(markup)


def test_every_line_of_the_notes_converts():
    sys.path.insert(0, str(ROOT / "derivations"))
    import notes

    failed = [eq.label for eq in notes.DERIVATION.equations if eq.latex and to_mathml(eq.latex, True) is None]
    assert failed == []


def test_check_writes_the_html_report(tmp_path):
    document = tmp_path / "linear.py"
    document.write_text(
        "import sympy as sp\n"
        "from symgrad import Derivation, mean, parameter, family\n"
        "from symgrad.notation import SAMPLE as i\n"
        "w, x = parameter('w'), family('x')\n"
        "DERIVATION = Derivation('tiny')\n"
        "DERIVATION.claim('1', sp.Derivative(mean(x[i] * w), w), mean(x[i]), latex=r'\\partial_w C = \\frac{1}{n} \\sum_{i=1}^n x_i')\n"
    )
    out = tmp_path / "report.html"
    assert main(["check", str(document), "--format", "html", "--output", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="d1-eq-1"' in page and "<mfrac>" in page


def test_the_authors_prose_is_shown_escaped_before_its_equation():
    import sympy as sp

    from symgrad import Derivation, check, family, mean, parameter
    from symgrad.notation import SAMPLE as i
    from symgrad.report.html import render_html

    x, y, w = family("x"), family("y"), parameter("w")
    derivation = Derivation("prose")
    derivation.define("1", sp.Function("C")(w), mean((x[i] * w - y[i]) ** 2)).text = "the <cost> & its data"
    page = render_html([check(derivation)], 0.1)
    prose = '<p class="prose">the &lt;cost&gt; &amp; its data</p>'
    assert prose in page
    assert page.index(prose) < page.index('id="d1-eq-1"')


def test_the_lines_that_do_not_hold_are_listed_first_and_link_to_their_entries():
    document = sample_document()
    page = render_html([document], 1.0)
    listed = page[page.index('<nav class="failures">'):]
    listed = listed[:listed.index("</nav>")]
    assert page.index('<nav class="failures">') < page.index('class="entry')  # before the first equation
    links = re.findall(r'href="#([^"]+)"', listed)
    wrong = [f for f in document.findings if not f.verdict.holds]
    assert len(re.findall(r"<li>", listed)) == len(wrong) and links
    for anchor in links:
        assert f'id="{anchor}"' in page


def test_the_authors_inline_math_is_rendered_and_dollars_stay_dollars(tmp_path, capsys):
    document = tmp_path / "prose.md"
    document.write_text("# Costs\n\nThe model is $a_i = \\sigma(z_i)$ where \\(z_i = w x_i + b\\); it costs \\$5.\n\n"
                        "$$C = \\frac{1}{n}\\sum_{i=1}^{n} (w x_i - y_i)^2 \\tag{1}$$\n")
    assert main(["check", str(document), "--format", "html", "--allow-empty"]) == 0
    page = capsys.readouterr().out
    prose = re.search(r'<p class="prose">(.*?)</p>', page, re.S).group(1)
    assert prose.startswith("The model is <math") and prose.count("<math") == 2 and "<msub>" in prose
    assert "it costs $5." in prose and "\\(" not in prose and "$a_i" not in prose


def test_sections_fold_under_their_heading_and_long_layer_tables_start_folded():
    page = html_report_of("derivations/notes.py")
    assert re.search(r'<details open><summary><h3>1\.2\.1 Cost</h3> <span class="muted">7 results: 5 proven, '
                     r"1 failing, 1 definition</span></summary>", page)
    folded = re.findall(r"<details><summary>(\d+) rows, (\d+) wrong</summary><table class=\"layers\">", page)
    assert folded and all(int(rows) > 8 for rows, _ in folded)
    assert '<details><summary>2 rows' not in page  # a short table is shown as it is


def html_report_of(path: str) -> str:
    run = subprocess.run([sys.executable, "-m", "symgrad", "check", path, "--format", "html"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    return run.stdout
