"""A small hand-made DocumentReport for the report tests: each kind of line, and hostile text."""

import sympy as sp

from symgrad.notation import COUNT as n
from symgrad.results import (
    AlgorithmRow,
    Counterexample,
    Diagnosis,
    DiagnosisKind,
    DocumentReport,
    Finding,
    Method,
    Verdict,
)

HOSTILE = "<img src=x onerror=alert(1)> & | $ *bold* [link](http://example.com)"


def sample_document(hostile: bool = False) -> DocumentReport:
    """A definition, a chain with a wrong step, an ill-formed claim and a per-layer algorithm check.

    With `hostile`, the title, a reading, a diagnosis and one line's LaTeX carry markup.
    """
    m, l = sp.symbols("m l", integer=True, positive=True)  # noqa: E741
    ill_formed = "cannot be read as a claim: the index i is free on the left"
    first_line = r"C(w) = \frac{1}{n} \sum_{i=1}^n (x_i w - y_i)^2"
    if hostile:
        ill_formed = HOSTILE
        first_line = r"\text{<script>alert(1)</script>} x"
    findings = [
        Finding("3", "definition", "definition", section="1.2", latex=first_line),
        Finding("6", "claim", "proven", section="1.2", latex=r"C'(w) = \left(\frac{1}{n} \sum_{i=1}^n (x_i w - y_i)^2 \right)'",
                method="symbolic"),
        Finding("7", "step", "fails", section="1.2", latex=r"= \frac{1}{n} ((x_1 w - y_1) + \dots + (x_n w - y_n))'",
                follows=False, method="counterexample",
                counterexample=Counterexample(1, {"w": 0.5, "x[1]": 0.5, "b^(1)": 1}, -0.75, 0.5),
                diagnosis=Diagnosis(
                    DiagnosisKind.DROPPED_POWER,
                    "the first wrong step, from (6) to (7)",
                    "the first wrong step, from (6) to (7): the power 2 was dropped",
                    corrected=r"= \frac{2 \sum_{i=1}^{n} \left(w {x}_{i} - {y}_{i}\right) {x}_{i}}{n}",
                )),
        Finding("8", "step", "proven", section="1.2", latex=r"= \frac{2}{n} \sum_{i=1}^n x_i (x_i w - y_i)",
                follows=False, method="symbolic"),
        Finding("9", "step", "proven", section="1.2", latex=r"= \frac{2}{n} \sum_{i=1}^n x_i (w x_i - y_i)",
                follows=True, method="symbolic"),
        Finding("43", "claim", "ill-formed", section="1.4", latex=r"\partial_{a_i^{(1)}} C^{(2)} = \sigma(x)",
                diagnosis=Diagnosis(DiagnosisKind.INDEX, ill_formed.split(":")[0], ill_formed)),
        Finding(None, "algorithm", "fails", section="1.5", id="back-propagation: dC/dw^{(l)}",
                latex="(56), (57) with (58) as written", rests_on=("3", "43"),
                diagnosis=Diagnosis(DiagnosisKind.FACTOR, "off by a factor", "off by a factor", (2 / n) ** (m - l)),
                evidence="checked for m = 1, 2",
                rows=(
                    AlgorithmRow(1, 1, "w^{(1)}", Verdict.PROVEN, Method.SYMBOLIC, sp.Integer(1)),
                    AlgorithmRow(2, 1, "w^{(1)}", Verdict.FAILS, Method.SYMBOLIC, 2 / n),
                )),
    ]
    title, readings = "Gradient Descent", ("i is the sample index and n the number of samples.",)
    if hostile:
        title, readings = HOSTILE, (HOSTILE,)
    return DocumentReport("derivations/sample.py", title, readings, tuple(findings), seconds=0.25)
