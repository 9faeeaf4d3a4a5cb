"""How reports and derivations show themselves in Jupyter: registered with :mod:`symgrad.display`.

A document report is its HTML fragment (math as MathML, styles scoped to the report) and its
Markdown; a derivation lists its equations with their numbers, as LaTeX and as Markdown.
"""

from __future__ import annotations

from symgrad import display
from symgrad.derivation import Derivation
from symgrad.report.html import fragment
from symgrad.report.markdown import document_markdown, escape, math
from symgrad.report.text import render_finding, render_text
from symgrad.results import DocumentReport, Finding


def derivation_latex(derivation: Derivation) -> str:
    """The equations as written, numbered, in one LaTeX array."""
    rows = [(rf"\text{{({eq.label})}}" if eq.label is not None else "") + rf" & \displaystyle {eq.latex}"
            for eq in derivation.equations]
    return "$$\\begin{array}{rl}\n" + " \\\\\n".join(rows) + "\n\\end{array}$$"


def derivation_markdown(derivation: Derivation) -> str:
    """The title and a list of the equations with their numbers."""
    lines = [f"**{escape(derivation.title)}**", ""]
    lines += [f"- {f'({escape(eq.label)}) ' if eq.label is not None else ''}{math(eq.latex)}"
              for eq in derivation.equations]
    return "\n".join(lines) + "\n"


display.register(DocumentReport, "text/plain", lambda report: render_text([report], report.seconds))
display.register(Finding, "text/plain", render_finding)
display.register(DocumentReport, "text/html", fragment)
display.register(DocumentReport, "text/markdown", document_markdown)
display.register(Derivation, "text/latex", derivation_latex)
display.register(Derivation, "text/markdown", derivation_markdown)
