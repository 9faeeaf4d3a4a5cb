"""Check a derivation equation by equation: a verdict, a reason, and for a failure a diagnosis.

The engine walks the equations in order with a :class:`Scope` of the definitions in force.  A
claim is judged against the truth (the true derivative or value of its left side, computed from
the document's own definitions); a step continues the chain before it, is judged against the
same truth, and also records whether it follows from the step before it.
"""

from __future__ import annotations

import time

import sympy as sp

from symgrad.algorithms import check_algorithm
from symgrad.calculus import Calculus, UnsupportedDerivative
from symgrad.derivation import Derivation, Equation
from symgrad.diagnose import describe_change, explain_failure, factor_string, first_difference, index_mismatch
from symgrad.equivalence import Outcome, decide
from symgrad.findings import DocumentReport, Finding
from symgrad.scope import DefinitionConflict, Scope
from symgrad.timing import TimeLimitExceeded, time_limit

TRUE = ("proven", "numerically-equal")


def evaluate_in(scope: Scope, expr: sp.Expr) -> sp.Expr:
    """The true value of `expr` in `scope` (a fresh calculus: definitions may differ)."""
    return Calculus(scope).evaluate(expr)


class Checker:
    """Walks one derivation; `seed` and `timeout` make the numeric part reproducible and bounded."""

    def __init__(self, derivation: Derivation, seed: int = 0, timeout: float = 10.0):
        self.derivation = derivation
        self.seed = seed
        self.timeout = timeout
        self.scope = Scope(derivation.notation)
        self.calculus = Calculus(self.scope)
        self.head: Equation | None = None
        self.previous: tuple[Equation, sp.Expr, Finding] | None = None

    def run(self) -> DocumentReport:
        started = time.perf_counter()
        findings = [self._timed(eq) for eq in self.derivation.equations]
        findings = [f for f, eq in zip(findings, self.derivation.equations) if not eq.assumed]
        truths: dict = {}
        for algorithm in self.derivation.algorithms:
            findings += check_algorithm(algorithm, self.derivation.notation, self.seed, self.timeout, truths)
        return DocumentReport(
            path=self.derivation.path,
            title=self.derivation.title,
            readings=list(self.derivation.notation.readings),
            findings=findings,
            seconds=time.perf_counter() - started,
        )

    def _timed(self, equation: Equation) -> Finding:
        started = time.perf_counter()
        finding = self.check_equation(equation)
        finding.seconds = time.perf_counter() - started
        return finding

    def _finding(self, equation: Equation, verdict: str, **fields) -> Finding:
        return Finding(
            label=equation.label,
            kind=equation.kind,
            verdict=verdict,
            section=equation.section,
            line=equation.line,
            latex=equation.latex,
            text=equation.text,
            **fields,
        )

    # -- one equation ---------------------------------------------------------------------
    def check_equation(self, equation: Equation) -> Finding:
        """One equation, within the time limit: past it, the verdict is `inconclusive`."""
        if equation.kind == "claim":
            self.head, self.previous = equation, None
        try:
            with time_limit(self.timeout):
                if equation.kind == "definition":
                    return self._definition(equation)
                return self._claim(equation, equation.lhs if equation.kind == "claim" else self.head.lhs)
        except (UnsupportedDerivative, TimeLimitExceeded) as error:
            self.previous = None
            return self._finding(equation, "inconclusive", method="symbolic", diagnosis=str(error))

    def _definition(self, equation: Equation) -> Finding:
        self.head = self.previous = None
        if not equation.defines:
            return self._finding(equation, "definition", diagnosis=equation.note or None)
        try:
            self.scope.define(equation.lhs, self.calculus.evaluate(equation.rhs), equation.label)
        except DefinitionConflict as error:
            return self._finding(equation, "ill-formed", diagnosis=str(error))
        self.calculus = Calculus(self.scope)
        return self._finding(equation, "definition", diagnosis=equation.note or None)

    def _claim(self, equation: Equation, lhs: sp.Expr) -> Finding:
        mismatch = index_mismatch(lhs, equation.rhs)
        truth = self.calculus.evaluate(lhs)
        claimed = self.calculus.evaluate(equation.rhs)
        rests_on = self.scope.labels_used(lhs, equation.rhs)
        if mismatch:
            finding = self._finding(
                equation,
                "ill-formed",
                method="symbolic",
                diagnosis=f"cannot be read as a claim: {mismatch}",
                corrected=_corrected_line(equation, lhs, truth),
                rests_on=rests_on,
            )
        else:
            outcome = decide(truth, claimed, self.scope, self.seed, self.timeout)
            finding = self._finding(
                equation, outcome.verdict, method=outcome.method, evidence=outcome.evidence or None, rests_on=rests_on
            )
            if outcome.verdict == "fails":
                self._explain(finding, outcome, claimed, truth, lhs, equation)
            if equation.kind == "step":
                self._judge_step(finding, equation, claimed)
        self.previous = (equation, claimed, finding)
        return finding

    def _explain(self, finding: Finding, outcome: Outcome, claimed, truth, lhs, equation) -> None:
        diagnosis = explain_failure(
            claimed, truth, self.scope, written=equation.rhs, head=lhs, evaluate_in=evaluate_in
        )
        finding.counterexample = outcome.counterexample.as_dict() if outcome.counterexample else None
        finding.factor = factor_string(diagnosis.factor)
        finding.diagnosis = diagnosis.text
        finding.corrected = _corrected_line(equation, lhs, truth)

    def _judge_step(self, finding: Finding, equation: Equation, claimed) -> None:
        """Does this step follow from the one before it?  Say so when the answer is telling."""
        if self.previous is None:
            return
        before, before_claimed, before_finding = self.previous
        holds, held = finding.verdict in TRUE, before_finding.verdict in TRUE
        if holds and held:
            finding.follows = True
        elif holds != held and before_finding.verdict != "ill-formed":
            finding.follows = False
        else:
            same = decide(before_claimed, claimed, self.scope, self.seed, self.timeout)
            finding.follows = same.verdict in TRUE if same.verdict != "inconclusive" else None
        if finding.follows is not False:
            return
        if holds:
            finding.diagnosis = (
                f"true, but it does not follow from ({before.label}), which is wrong: "
                f"({equation.label}) is right again"
            )
            return
        change = first_difference(before.rhs, equation.rhs)
        what = f": {describe_change(*change)}" if change is not None else ""
        step = "the first wrong step" if held else "another wrong step"
        finding.diagnosis = f"{step}, from ({before.label}) to ({equation.label}){what}; {finding.diagnosis}"


def _corrected_line(equation: Equation, lhs, truth) -> str:
    """The line as it should read: the author's left side, the true value on the right."""
    value = sp.latex(sp.factor_terms(truth))
    if equation.kind == "step":
        return f"= {value}"
    left = equation.latex.split("=", 1)[0].strip() if "=" in equation.latex else sp.latex(lhs)
    return f"{left} = {value}"


def check(derivation: Derivation, seed: int = 0, timeout: float = 10.0) -> DocumentReport:
    """Check every equation and algorithm of `derivation`."""
    return Checker(derivation, seed, timeout).run()
