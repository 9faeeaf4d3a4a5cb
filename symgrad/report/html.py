"""The HTML report: one self-contained page, math as MathML, readable without JavaScript.

Nothing is fetched: the style sheet is inline and browsers render MathML natively.  Every piece
of document text is escaped; LaTeX goes through :mod:`symgrad.report.mathml`'s whitelist, and a
line it cannot convert is shown as its LaTeX source in a ``<code>`` element.
"""

from __future__ import annotations

from html import escape

from symgrad.report import common
from symgrad.report.mathml import to_mathml
from symgrad.results import Counterexample, DocumentReport, Finding, Kind

#: The style sheet, every rule under .symgrad (a notebook's own styles stay untouched).  A formula
#: wider than its box scrolls, and a shadow at the clipped edge says so (no script needed).
STYLE = """
.symgrad { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bad: #b42318; --bad-bg: #fff1f0;
  --good: #1a7f37; --warn: #8a4b00; font: 16px/1.5 system-ui, sans-serif; color: var(--ink);
  max-width: 60rem; margin: 0 auto; padding: 1rem; }
.symgrad h1, .symgrad h2, .symgrad h3 { line-height: 1.2; }
.symgrad math { font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", math; font-size: 1.1em; }
.symgrad .summary { font-weight: 600; }
.symgrad .path, .symgrad .reason, .symgrad .muted { color: var(--muted); }
.symgrad .reason { font-size: 0.9em; }
.symgrad .entry { display: grid; grid-template-columns: 3.5rem minmax(0, 1fr) 15rem;
  grid-template-areas: "label math verdict" ". notes notes"; gap: 0.25rem 0.75rem;
  padding: 0.5rem 0.5rem 0.5rem 0.75rem; border-left: 0.3rem solid transparent;
  border-bottom: 1px solid var(--line); break-inside: avoid; }
.symgrad .entry.check { grid-template-areas: "math math verdict" "notes notes notes"; }
.symgrad .entry.wrong { border-left-color: var(--bad); background: var(--bad-bg); }
.symgrad nav.failures { border-left: 4px solid var(--bad); padding: .2rem .8rem; margin: .8rem 0; }
.symgrad nav.failures li { margin: .2rem 0; }
.symgrad .label { grid-area: label; font-weight: 700; align-self: center; }
.symgrad .formula { grid-area: math; overflow-x: auto; overflow-y: hidden; align-self: center; padding: 0.2rem 0; }
.symgrad .formula, .symgrad .notes dd { --cover: #fff;
  background: linear-gradient(to right, var(--cover) 30%, #fff0) left / 2rem 100%,
    linear-gradient(to left, var(--cover) 30%, #fff0) right / 2rem 100%,
    radial-gradient(farthest-side at 0 50%, #0004, #0000) left / .8rem 100%,
    radial-gradient(farthest-side at 100% 50%, #0004, #0000) right / .8rem 100%;
  background-repeat: no-repeat; background-attachment: local, local, scroll, scroll; }
.symgrad .entry.wrong .formula, .symgrad .entry.wrong .notes dd { --cover: var(--bad-bg); }
.symgrad details > summary { cursor: pointer; }
.symgrad section > details > summary h3 { display: inline; }
.symgrad .prose math { font-size: 1em; }
.symgrad math[display="block"] { display: inline math; math-style: normal; }
.symgrad .verdict { grid-area: verdict; align-self: center; }
.symgrad .notes { grid-area: notes; }
.symgrad .notes dt { font-weight: 700; margin-top: 0.4rem; }
.symgrad .notes dd { margin: 0 0 0 1rem; overflow-x: auto; overflow-y: hidden; }
.symgrad .badge { display: inline-block; padding: 0 0.5rem; border: 1px solid currentColor;
  border-radius: 1rem; font-weight: 700; white-space: nowrap; }
.symgrad .badge.proven, .symgrad .badge.numerically-equal { color: var(--good); }
.symgrad .badge.fails, .symgrad .badge.ill-formed { color: #fff; background: var(--bad); border-color: var(--bad); }
.symgrad .badge.inconclusive { color: var(--warn); }
.symgrad .badge.definition { color: var(--muted); }
.symgrad .chain { display: block; font-size: 0.9em; }
.symgrad .chain.broken { color: var(--bad); font-weight: 700; }
.symgrad table { border-collapse: collapse; margin: 0.25rem 0; }
.symgrad th, .symgrad td { border: 1px solid var(--line); padding: 0.15rem 0.6rem; text-align: left; }
.symgrad td.num { font-variant-numeric: tabular-nums; text-align: right; }
.symgrad code { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  .symgrad .entry { grid-template-columns: auto 1fr;
    grid-template-areas: "label verdict" "math math" "notes notes"; }
  .symgrad .entry.check { grid-template-areas: "math math" "verdict verdict" "notes notes"; }
}
@media print {
  .symgrad { max-width: none; font-size: 11pt; }
  .symgrad .entry.wrong, .symgrad .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .symgrad a { color: inherit; text-decoration: none; }
  .symgrad details::details-content { content-visibility: visible; display: contents; }
}
"""


#: An algorithm check's per-layer table longer than this is folded (<details>), its size said.
FOLDED_ROWS = 8


def prose(text: str) -> str:
    """The author's prose, escaped, its inline math as MathML."""
    return "".join(math(value) if kind == "math" else escape(value) for kind, value in common.prose_pieces(text))


def math(latex: str, display: bool = False) -> str:
    """MathML for `latex`, or its escaped source in <code> when it cannot be converted."""
    return to_mathml(latex, display) or f'<code class="latex">{escape(latex)}</code>'


def badge(verdict: str) -> str:
    symbol, words = common.BADGES[verdict]
    return f'<span class="badge {verdict}"><span aria-hidden="true">{symbol}</span> {words}</span>'


def _counterexample(example: Counterexample) -> str:
    rows = "".join(f'<tr><th scope="row">{math(name)}</th><td class="num">{value}</td></tr>'
                   for name, value in common.counterexample_rows(example))
    rows += "".join(f'<tr><th scope="row">{side}</th><td class="num">{value}</td></tr>'
                    for side, value in common.sides(example))
    head = '<thead><tr><th scope="col">variable</th><th scope="col">value</th></tr></thead>'
    return f'<table class="counterexample">{head}<tbody>{rows}</tbody></table>'


_CELLS = {
    "missing": lambda value: "<td>—</td>",
    "math": lambda value: f"<td>{math(value)}</td>",
    "badge": lambda value: f"<td>{badge(value)}</td>",
    "code": lambda value: f"<td><code>{escape(value)}</code></td>",
    "number": lambda value: f'<td class="num">{escape(str(value))}</td>',
}


def _layer_table(finding: Finding) -> str:
    """The per-layer rows; a long table is folded, with its size and its failing rows said."""
    columns, rows = common.layer_table(finding)
    head = "".join(f'<th scope="col">{column}</th>' for column in columns)
    body = "".join("<tr>" + "".join(_CELLS[kind](value) for kind, value in row) + "</tr>" for row in rows)
    table = f'<table class="layers"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    if len(rows) <= FOLDED_ROWS:
        return table
    wrong = sum(1 for row in finding.rows if row.verdict.is_wrong)
    said = f"{len(rows)} rows" + (f", {wrong} wrong" if wrong else ", all right")
    return f"<details><summary>{said}</summary>{table}</details>"


def _note(note: common.Note, document_index: int) -> str:
    if note.kind == "math":
        return math(note.value, display=True)
    if note.kind == "code":
        return f"<code>{escape(note.value)}</code>"
    if note.kind == "counterexample":
        return _counterexample(note.value)
    if note.kind == "labels":
        return ", ".join(f'<a href="#{escape(common.equation_anchor(document_index, label))}">({escape(label)})</a>'
                         for label in note.value)
    if note.kind == "layers":
        return _layer_table(note.value)
    return escape(note.value)


def _notes(finding: Finding, document_index: int) -> str:
    items = "".join(f"<dt>{escape(note.term)}</dt><dd>{_note(note, document_index)}</dd>"
                    for note in common.notes(finding))
    return f'<dl class="notes">{items}</dl>' if items else ""


def _verdict(finding: Finding, chain: str | None) -> str:
    parts = [badge(finding.verdict)]
    if reason := common.reason(finding):
        parts.append(f'<span class="reason">{escape(reason)}</span>')
    if chain:
        broken = finding.follows is False
        symbol = "✗" if broken else "↳"
        parts.append(f'<span class="chain{" broken" if broken else ""}">'
                     f'<span aria-hidden="true">{symbol}</span> {escape(chain)}</span>')
    return '<div class="verdict">' + " ".join(parts) + "</div>"


def _entry(entry: common.Entry, document_index: int) -> str:
    finding = entry.finding
    wrong = " wrong" if finding.verdict.is_wrong else ""
    if finding.label is None:
        id_attribute, label = "", ""
    else:
        id_attribute = f' id="{escape(common.equation_anchor(document_index, finding.label))}"'
        label = escape(finding.name)
    before = f'<p class="prose">{prose(finding.text)}</p>' if finding.text else ""
    return (f'{before}<div class="entry{wrong}"{id_attribute}>'
            f'<div class="label">{label}</div>'
            f'<div class="formula">{math(finding.latex, display=True)}</div>'
            f"{_verdict(finding, entry.chain)}{_notes(finding, document_index)}</div>")


def _algorithm(finding: Finding, document_index: int, position: int) -> str:
    wrong = " wrong" if finding.verdict.is_wrong else ""
    return (f'<div class="entry check{wrong}" id="{common.algorithm_anchor(document_index, position)}">'
            f'<div class="formula"><strong>{escape(str(finding.id))}</strong>'
            f'<br><span class="muted">{prose(finding.latex)}</span></div>'
            f"{_verdict(finding, None)}{_notes(finding, document_index)}</div>")


def _failure_list(document: DocumentReport, document_index: int) -> str:
    """The lines that do not hold, first, each a link to its entry (what a teacher looks for)."""
    checks = common.algorithm_checks(document)
    items = []
    for finding in document.findings:
        if finding.verdict.holds:
            continue
        if finding.kind == Kind.ALGORITHM:
            name = escape(str(finding.id))
            link = f'<a href="#{common.algorithm_anchor(document_index, checks.index(finding) + 1)}">{name}</a>'
        elif finding.label is not None:
            link = f'<a href="#{escape(common.equation_anchor(document_index, finding.label))}">{escape(finding.name)}</a>'
        else:
            link = f"line {finding.line}"
        reason = common.reason(finding)
        items.append(f"<li>{link} {badge(finding.verdict)}" + (f" {escape(reason)}" if reason else "") + "</li>")
    if not items:
        return ""
    return '<nav class="failures"><h3>Lines that do not hold</h3><ul>' + "".join(items) + "</ul></nav>"


def document_html(document: DocumentReport, document_index: int = 1) -> str:
    """One document as an <article>, styled by the report's sheet (classes under .symgrad)."""
    parts = [f'<article class="document" id="d{document_index}">',
             f"<h2>{escape(document.title)}</h2>",
             f'<p class="path"><code>{escape(document.path)}</code></p>',
             f'<p class="summary">{escape(common.summary_line([document], document.seconds))}</p>']
    parts.append(_failure_list(document, document_index))
    if document.readings:
        parts.append("<h3>Readings of the notation</h3><ul class=\"readings\">"
                     + "".join(f"<li>{prose(reading)}</li>" for reading in document.readings) + "</ul>")
    for section, entries in common.sections(document):
        parts.append(_section(document, section, entries, document_index))
    checks = common.algorithm_checks(document)
    if checks:
        parts.append("<section class=\"algorithms\"><h3>Algorithm checks</h3>")
        parts += [_algorithm(finding, document_index, k) for k, finding in enumerate(checks, 1)]
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts)


def _section(document: DocumentReport, section: str, entries: list[common.Entry], document_index: int) -> str:
    """A section of equations, foldable by its heading (open: a teacher reads the derivation)."""
    lines = "".join(_entry(entry, document_index) for entry in entries)
    if not section:
        return f"<section>{lines}</section>"
    heading = escape(document.section_heading(section))
    counts = escape(common.tally(entry.finding for entry in entries))
    return (f'<section><details open><summary><h3>{heading}</h3> <span class="muted">{counts}</span></summary>'
            f"{lines}</details></section>")


def fragment(document: DocumentReport) -> str:
    """A document with its style sheet, for a notebook cell (rules are scoped to .symgrad)."""
    return f'<style>{STYLE}</style><div class="symgrad">{document_html(document)}</div>'


def render_html(documents: list[DocumentReport], seconds: float) -> str:
    body = "\n".join(document_html(document, k) for k, document in enumerate(documents, 1))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>symgrad report</title>
<style>{STYLE}</style>
</head>
<body>
<main class="symgrad">
<h1>symgrad report</h1>
<p class="summary">{escape(common.summary_line(documents, seconds))}</p>
{body}
</main>
</body>
</html>
"""
