"""Check a derivation equation by equation: a verdict, a reason, and for a failure a diagnosis.

The engine walks the equations in order with a :class:`Scope` of the definitions in force.  A
claim is judged against the truth (the true derivative or value of its left side, computed from
the document's own definitions); a step is judged against the same truth, and also records
whether it follows from the line of its chain before it.  Each equation's :class:`Finding` is
built once, in :meth:`Checker.check_equation`.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from symgrad.check.algorithms import check_algorithm
from symgrad.check.approximations import check_approximation, defines_the_derivative
from symgrad.check.calculus import Calculus, UnsupportedDerivative
from symgrad.check.diagnose import (
    describe_change,
    explain_failure,
    first_difference,
    index_mismatch,
)
from symgrad.check.domain import always_holds, describe, without_implied
from symgrad.check.equivalence import decide, shown_form
from symgrad.check.layers import LayerInstances
from symgrad.check.scope import (
    KNOWN_FUNCTIONS,
    CircularDefinition,
    DefinitionConflict,
    Scope,
    head_of,
    head_of_any,
)
from symgrad.check.timing import TimeLimitExceeded, time_limit
from symgrad.derivation import Derivation, Equation
from symgrad.notation import layer_of, plain, sigma
from symgrad.printing import latex, readable, readable_name
from symgrad.results import (
    Diagnosis,
    DiagnosisKind,
    DocumentReport,
    Finding,
    Kind,
    Method,
    Verdict,
)

#: Seconds an equation's proof may take, and again its numeric trials.
DEFAULT_TIMEOUT = 5.0
#: Seconds the explanation of a failure may take (its counterexample is already found).
DIAGNOSIS_TIMEOUT = 2.0


def evaluate_in(scope: Scope, expr: sp.Expr) -> sp.Expr:
    """The true value of `expr` in `scope` (a fresh calculus: definitions may differ)."""
    return Calculus(scope).evaluate(expr)


@dataclass(frozen=True)
class Judged:
    """What a claim or step was found to be, for the step after it to compare with."""

    claimed: sp.Expr
    verdict: Verdict


class Checker:
    """Walks one derivation; `seed` and `timeout` make the numeric part reproducible and bounded."""

    def __init__(self, derivation: Derivation, seed: int = 0, timeout: float = DEFAULT_TIMEOUT, deadline: float | None = None):
        self.derivation = derivation
        self.seed = seed
        self.timeout = timeout
        self.deadline = deadline  # time.monotonic() at which the whole run's budget is spent
        self.scope = Scope(derivation.notation)
        self.scope.defined_below = {head_of(eq.lhs): _label_of(eq) for eq in reversed(derivation.equations)
                                    if eq.kind == Kind.DEFINITION and not eq.assumed and head_of(eq.lhs) is not None}
        self.calculus = Calculus(self.scope)
        self.judged: dict[Equation, Judged] = {}
        # a name whose defining line could not be read, or whose value could not be computed →
        # (that line's label, why): a line that uses it is not checked against a stand-in
        self.undetermined: dict[str, tuple[str, str]] = {}
        # lines that could not be read and whose name is not known either: any of them may define
        # a name the document never declares (φ = σ(w x + b) typed in Unicode)
        self.unread_unnamed: list[str] = []
        self.defined_in_prose: set[str] = set()  # undetermined names a later display cannot define again
        self.definitions: list[Equation] = []  # the defining lines so far, as written: replayed per chain
        self._layers: LayerInstances | None = None

    def run(self) -> DocumentReport:
        started = time.perf_counter()
        findings = [self._timed(eq) for eq in self.derivation.equations]
        findings = [f for f, eq in zip(findings, self.derivation.equations) if not eq.assumed]
        truths: dict = {}
        for algorithm in self.derivation.algorithms:
            findings += check_algorithm(algorithm, self.derivation.notation, self.seed, self._limit(), truths)
        return DocumentReport(
            path=self.derivation.path,
            title=self.derivation.title,
            readings=tuple(self.derivation.notation.readings),
            findings=tuple(findings),
            seconds=time.perf_counter() - started,
            sections=dict(self.derivation.section_titles),
        )

    def _timed(self, equation: Equation) -> Finding:
        started = time.perf_counter()
        fields = self.check_equation(equation)
        return Finding(
            label=equation.label,
            kind=equation.kind,
            section=equation.section,
            line=equation.line,
            latex=equation.latex,
            text=equation.text,
            seconds=time.perf_counter() - started,
            **{**fields, "readings": equation.readings + tuple(fields.get("readings", ()))},
        )

    # -- one equation ---------------------------------------------------------------------
    def _limit(self) -> float:
        """The time one operation may take now: the timeout, or what is left of the run's budget."""
        if self.deadline is None:
            return self.timeout
        return min(self.timeout, self.deadline - time.monotonic())

    def check_equation(self, equation: Equation) -> dict:
        """The finding's fields for one equation, within the time limit (past it: `inconclusive`)."""
        limit = self._limit()
        if limit <= 0 and equation.kind != Kind.DEFINITION:
            text = "not checked: the run's time budget is spent (--budget gives it more)"
            return dict(verdict=Verdict.INCONCLUSIVE, diagnosis=Diagnosis(DiagnosisKind.LIMIT, text, text))
        try:
            with time_limit(max(limit, 0.05)):
                if equation.kind == Kind.UNREAD:
                    return self._unread(equation)
                resting = self._rests_on_undetermined(equation)
                if resting is not None:
                    if equation.kind == Kind.DEFINITION and equation.lhs is not None:  # C = … h … with h unread: C is unknown too
                        self.undetermined.setdefault(_name_of(equation.lhs), (_label_of(equation), "rests on a line that could not be read"))
                    return self._layer_by_layer(equation, limit) or resting
                if equation.kind == Kind.DEFINITION:
                    return self._definition(equation)
                if equation.kind == Kind.UPDATE:
                    return dict(verdict=Verdict.DEFINITION, note=_update_note(equation))
                if equation.kind == Kind.APPROXIMATION:
                    return check_approximation(equation, self.calculus, self.scope, self.seed, limit)
                return self._claim(equation, limit)
        except (UnsupportedDerivative, TimeLimitExceeded) as error:
            if isinstance(error, UnsupportedDerivative):
                by_layers = self._layer_by_layer_in_time(equation)
                if by_layers is not None:
                    return by_layers
            text = str(error)
            return dict(
                verdict=Verdict.INCONCLUSIVE,
                method=Method.SYMBOLIC,
                diagnosis=Diagnosis(DiagnosisKind.LIMIT, text, text),
            )
        except Exception as error:  # noqa: BLE001
            # A bug of symgrad's or a limit of SymPy's: the line is not judged, the run goes on, and
            # the report says so (diagnosis kind "internal"; the test suite fails on any).
            text = f"symgrad could not check this line ({type(error).__name__}: {' '.join(str(error).split())[:200]})"
            return dict(verdict=Verdict.INCONCLUSIVE, diagnosis=Diagnosis(DiagnosisKind.INTERNAL, text, text))

    def _unread(self, equation: Equation) -> dict:
        if not equation.unread_name and equation.kind == Kind.UNREAD and not equation.assumed:
            self.unread_unnamed.append(_label_of(equation))
        if equation.unread_name:
            name = equation.unread_name
            self.undetermined[name] = (_label_of(equation), "could not be read")
            if equation.assumed:  # defined in the prose: δ^L = … below is a claim about it, which cannot be judged
                self.defined_in_prose.add(name)
        text = f"could not be read: {equation.note}"
        return dict(verdict=Verdict.ILL_FORMED, diagnosis=Diagnosis(DiagnosisKind.UNREAD, "could not be read", text))

    def _rests_on_undetermined(self, equation: Equation) -> dict | None:
        """A line that uses a name whose definition was not read, or could not be computed, is
        not checked against a stand-in for it."""
        if not self.undetermined and not self.unread_unnamed:
            return None
        if equation.kind == Kind.DEFINITION and equation.lhs is not None and _name_of(equation.lhs) not in self.defined_in_prose:
            self.undetermined.pop(_name_of(equation.lhs), None)  # defined again, and understood this time
        sides = [side for side in (equation.left_side, equation.rhs) if side is not None]
        arguments = _arguments_named(equation.left_side)  # z of σ(z) = …: the function's own variable
        names = {_name_of(leaf) for side in sides for leaf in self.scope.leaves(side) if leaf not in arguments}
        names |= {str(f.func) for side in sides for f in side.atoms(sp.Function)}
        missing = sorted(entry for name, entry in self.undetermined.items() if name in names)
        undeclared = {_name_of(s) for s in self.derivation.notation.stand_ins} & names
        if self.unread_unnamed and undeclared:
            missing += [(label, f"could not be read, and may define {', '.join(map(readable_name, sorted(undeclared)))}")
                        for label in self.unread_unnamed]
        if not missing:
            return None
        where = "; ".join(f"({label}), which {why}" for label, why in missing)
        text = f"rests on {where}"
        kind = DiagnosisKind.UNREAD if all(why == "could not be read" for _, why in missing) else DiagnosisKind.LIMIT
        return dict(verdict=Verdict.INCONCLUSIVE, diagnosis=Diagnosis(kind, text, text))

    def _definition(self, equation: Equation) -> dict:
        note = equation.note or None
        if equation.defines:
            self.definitions.append(equation)
            self._layers = None
            try:
                value = self._definition_value(equation)
            except UnsupportedDerivative as error:
                why = f"symgrad could not compute ({error})"
                self.undetermined[_name_of(equation.lhs)] = (_label_of(equation), why)
                layered = isinstance(equation.lhs, sp.Symbol) and layer_of(equation.lhs.name) is not None
                then = ("lines that use it are checked on concrete chains, layer by layer" if layered
                        else "lines that use it are not checked")
                return dict(verdict=Verdict.DEFINITION, note=f"its value is not known: {why}; {then}")
            try:
                self.scope.define(equation.lhs, value, equation.label)
            except DefinitionConflict as error:
                text = str(error)
                self.undetermined[_name_of(equation.lhs)] = (_label_of(equation), "defines it differently from how symgrad reads it")
                return dict(verdict=Verdict.ILL_FORMED, diagnosis=Diagnosis(DiagnosisKind.REDEFINITION, text, text))
            except CircularDefinition as error:
                text = str(error)
                self.undetermined[_name_of(equation.lhs)] = (_label_of(equation), "defines it through itself")
                return dict(verdict=Verdict.ILL_FORMED, diagnosis=Diagnosis(DiagnosisKind.CIRCULAR, text, text))
            self.calculus = Calculus(self.scope)
            if head_of(equation.lhs) in KNOWN_FUNCTIONS and self._judged_with(equation):
                # σ'(z) = σ(1 − σ) judged above, then σ(z) = e^z/(1 + e^z): a claim about that σ, and it holds
                return dict(verdict=Verdict.PROVEN, method=Method.SYMBOLIC, evidence=(
                    "restates σ, which symgrad reads as the logistic sigmoid 1/(1 + e^(-z)): the two are equal"))
        return dict(verdict=Verdict.DEFINITION, note=note)

    def _judged_with(self, equation: Equation) -> bool:
        """Whether a claim before `equation` was judged with the name it defines as symgrad reads
        it, directly or through a definition (∂a_i/∂w with a_i = σ(w x_i)); a definition that uses
        it (output = σ(…) before σ(x) = …) fixes nothing yet."""
        head = head_of(equation.lhs)
        return any(head_of_any(line.lhs, head) or head_of_any(line.rhs, head) or head_of_any(self.scope.unfold(judged.claimed), head)
                   for line, judged in self.judged.items() if line.lhs is not None and line.rhs is not None)

    def _definition_value(self, equation: Equation) -> sp.Expr:
        """The right side's value, in the document's names, but never folded into the name being
        defined (a_i = w x_i + b after a_i = w x_i is not a_i = a_i + b)."""
        value = self.calculus.differentiate(equation.rhs)
        folded = self.scope.fold(value)
        head = head_of(equation.lhs)
        return value if head is not None and head_of_any(folded, head) and not head_of_any(value, head) else folded

    def _claim(self, equation: Equation, limit: float) -> dict:
        lhs = equation.left_side
        if defines_the_derivative(lhs, equation.rhs):
            return dict(verdict=Verdict.PROVEN, method=Method.SYMBOLIC, evidence=(
                "the definition of the derivative: the difference quotient tends to it, for any differentiable function"))
        elsewhere = self._defined_only_at_other_layers(lhs)
        if elsewhere:
            return dict(verdict=Verdict.INCONCLUSIVE, diagnosis=Diagnosis(DiagnosisKind.LIMIT, elsewhere, elsewhere))
        truth = self.calculus.evaluate(lhs)
        claimed = self.calculus.evaluate(equation.rhs)
        mismatch = index_mismatch(truth, claimed, self.scope.notation.count, (lhs, equation.rhs))
        rests_on = tuple(self.scope.labels_used(lhs, equation.rhs))
        if mismatch:
            self.judged[equation] = Judged(claimed, Verdict.ILL_FORMED)
            diagnosis = _with_correction(mismatch, equation, lhs, truth, self.scope.notation.index)
            return dict(verdict=Verdict.ILL_FORMED, method=Method.SYMBOLIC, diagnosis=diagnosis, rests_on=rests_on)
        outcome = decide(truth, claimed, self.scope, self.seed, limit)
        self.judged[equation] = Judged(claimed, outcome.verdict)
        diagnosis = None
        if outcome.verdict == Verdict.FAILS:
            if truth == lhs and (value := self.scope.value_of(lhs)) is not None:  # k = w after k = √(w²): say what k is
                truth = value
            diagnosis = _with_correction(self._explained(claimed, truth, equation.rhs, lhs), equation, lhs, truth,
                                         self.scope.notation.index)
        follows = None
        if equation.kind == Kind.STEP:
            follows, diagnosis = self._relation_to_previous(equation, claimed, outcome.verdict, diagnosis)
        conditions = outcome.conditions
        if outcome.verdict.is_true:
            conditions = tuple(dict.fromkeys(self._written_conditions(equation, rests_on) + conditions))
        evidence = outcome.evidence or None
        count = self.scope.notation.count
        if outcome.verdict == Verdict.PROVEN and evidence is None and count.name != "n":  # Ng's m samples
            evidence = f"holds for every {plain(count)}" + (f" where {', '.join(conditions)}" if conditions else "")
        return dict(
            verdict=outcome.verdict,
            method=outcome.method,
            evidence=evidence,
            conditions=conditions,
            counterexample=outcome.counterexample if outcome.verdict == Verdict.FAILS else None,
            diagnosis=diagnosis,
            follows=follows,
            rests_on=rests_on,
        )

    def _layer_by_layer_in_time(self, equation: Equation) -> dict | None:
        limit = self._limit()
        if limit <= 0:
            return None
        try:
            with time_limit(limit):
                return self._layer_by_layer(equation, limit)
        except (UnsupportedDerivative, TimeLimitExceeded):
            return None

    def _layer_by_layer(self, equation: Equation, limit: float) -> dict | None:
        """A claim about a generic layer, decided on every chain of 1 … 4 layers (layers.py); None
        when that does not apply (no layer to vary, or it rests on a line that could not be read)."""
        if equation.kind not in (Kind.CLAIM, Kind.STEP) or self._uses_unread(equation):
            return None
        if self._defined_only_at_other_layers(equation.left_side):
            return None
        if self._layers is None:
            self._layers = LayerInstances(self.scope.notation, list(self.definitions))
        try:
            found = self._layers.check(equation.left_side, equation.rhs, self.seed, limit)
        except UnsupportedDerivative:
            return None
        if found is None:
            return None
        diagnosis = None
        if found.verdict in (Verdict.FAILS, Verdict.INCONCLUSIVE):
            kind = DiagnosisKind.DIFFERENCE if found.verdict == Verdict.FAILS else DiagnosisKind.LIMIT
            diagnosis = Diagnosis(kind, found.reason, found.reason)
        return dict(verdict=found.verdict, method=found.method, evidence=found.evidence or None,
                    counterexample=found.counterexample, diagnosis=diagnosis, readings=found.readings)

    def _uses_unread(self, equation: Equation) -> bool:
        sides = [side for side in (equation.left_side, equation.rhs) if side is not None]
        names = {_name_of(leaf) for side in sides for leaf in self.scope.leaves(side)}
        return any(why == "could not be read" and name in names for name, (_, why) in self.undetermined.items())

    def _defined_only_at_other_layers(self, lhs) -> str | None:
        """δ^{(L-1)} = … after only δ^{(L)} = …: the left side has no value to judge the line by."""
        name = lhs.name if isinstance(lhs, sp.Symbol) else None
        layered = layer_of(name) if name else None
        if layered is None or self.scope.is_defined(lhs):
            return None
        stem = layered[0]
        others = [d for head, d in self.scope.definitions.items() if isinstance(head, sp.Symbol) and (layer_of(head.name) or ("",))[0] == stem]
        if not others:
            return None
        where = ", ".join(f"({d.label})" for d in others if d.label) or "above"
        return (f"{plain(lhs)} has no value here: {stem.replace('{}', '')} is defined at other layers only "
                f"({where}), so there is nothing to judge this line against")

    def _explained(self, claimed, truth, written, head) -> Diagnosis:
        """The failure's diagnosis, within a share of the time left: a verdict with its
        counterexample is not lost to a slow explanation."""
        try:
            with time_limit(max(min(DIAGNOSIS_TIMEOUT, self._limit()), 0.05)):
                return explain_failure(claimed, truth, self.scope, written=written, head=head, evaluate_in=evaluate_in)
        except (TimeLimitExceeded, UnsupportedDerivative):
            text = "the claimed value differs from the true one (no simpler explanation was found in time)"
            return Diagnosis(DiagnosisKind.DIFFERENCE, text, text)

    def _written_conditions(self, equation: Equation, rests_on: tuple) -> tuple[str, ...]:
        """Where the line as written is defined (ln w: w > 0), and the definitions it rests on (f = ln w
        makes df/dw = 1/w hold where w > 0), unless the definitions make that always so."""
        written = equation.domain + (equation.chain.claim.domain if equation.kind == Kind.STEP else ())
        written += tuple(c for d in self.definitions if d.label in rests_on and isinstance(d.lhs, (sp.Symbol, sp.Indexed))
                         for c in d.domain)
        needed = [c for c in dict.fromkeys(written) if not always_holds(self.scope.unfold(c.lhs - c.rhs), c)]
        return tuple(describe(c) for c in without_implied(needed))

    def _relation_to_previous(self, equation: Equation, claimed, verdict: Verdict, diagnosis: Diagnosis | None):
        """Does this step follow from the line before it?  Say so when the answer is telling.

        Returns `follows` (None when unknown) and the step's diagnosis, which names the wrong
        step when this is where the chain goes wrong.
        """
        before = equation.previous
        judged = self.judged.get(before)
        if judged is None or Verdict.INCONCLUSIVE in (judged.verdict, verdict):  # nothing known either way
            return None, diagnosis
        holds, held = verdict.is_true, judged.verdict.is_true
        if holds and held:
            return True, diagnosis
        if holds != held and judged.verdict != Verdict.ILL_FORMED:
            follows = False
        else:
            same = decide(judged.claimed, claimed, self.scope, self.seed, max(self._limit(), 0.05))
            follows = same.verdict.is_true if same.verdict != Verdict.INCONCLUSIVE else None
        if follows is not False:
            return follows, diagnosis
        if holds:
            headline = f"true, but it does not follow from {_called(before)}, which is wrong"
            text = f"{headline}: {_called(equation)} is right again"
            return False, Diagnosis(DiagnosisKind.DOES_NOT_FOLLOW, headline, text)
        step = "the first wrong step" if held else "another wrong step"
        within = before.label is not None and before.label == equation.label
        where = f"{step}, within {_called(equation)}" if within else f"{step}, from {_called(before)} to {_called(equation)}"
        change = first_difference(before.rhs, equation.rhs)
        if change is not None:
            headline = where
            text = f"{where}: {describe_change(*change)}; {diagnosis.text}"
        else:
            headline = f"{where}; {diagnosis.headline}"
            text = f"{where}; {diagnosis.text}"
        return False, dataclasses.replace(diagnosis, headline=headline, text=text)


def _arguments_named(lhs) -> set:
    """The variables a left side names as a function's arguments: z in σ(z) = … and σ'(z) = …."""
    if lhs is None:
        return set()
    applied = lhs.atoms(AppliedUndef, sigma)
    return {arg for function in applied for arg in function.args if isinstance(arg, sp.Symbol)}


def _label_of(equation: Equation) -> str:
    """What stands in a report's "(…)" for a line: its label, or "line 40" for an unnumbered one."""
    return equation.label or f"line {equation.line}"


def _called(equation: Equation) -> str:
    """How a report names a line: (7), or the unnumbered line 40."""
    return f"({equation.label})" if equation.label is not None else f"the unnumbered line {equation.line}"


def _name_of(expr) -> str:
    """The written name of a leaf: C for C, a for a[i] or a_i, C for C(w)."""
    if isinstance(expr, sp.Indexed):
        expr = expr.base
    if isinstance(expr, sp.IndexedBase):
        return str(expr.label).split("^")[0]
    if isinstance(expr, sp.Symbol):
        return expr.name.split("_")[0].split("^")[0]
    return str(getattr(expr, "func", expr))


def _update_note(equation: Equation) -> str:
    return f"an update rule: it gives {plain(equation.lhs)} a new value; nothing to check as an equation"


def _with_correction(diagnosis: Diagnosis, equation: Equation, lhs, truth, index) -> Diagnosis:
    """The diagnosis with the line as it should read: the author's left side, the true value
    (simplified, its sums over `index`); none where the true value is the left side itself
    (w = Σ x_i y_i / Σ x_i about a parameter w)."""
    if equation.kind != Kind.STEP and truth == lhs:
        return diagnosis
    shown = shown_form(truth, index)
    if equation.kind == Kind.STEP:
        corrected, corrected_plain = f"= {latex(shown)}", f"= {readable(shown)}"
    else:
        left = _left_side_written(equation.latex) or latex(lhs)
        corrected, corrected_plain = f"{left} = {latex(shown)}", f"{readable(lhs)} = {readable(shown)}"
    return Diagnosis(diagnosis.kind, diagnosis.headline, diagnosis.text, diagnosis.factor, corrected, corrected_plain)


def _left_side_written(text: str) -> str | None:
    """What is written before the line's first '=' outside braces (\\sum_{i=1}^{n} … = … keeps its
    limits), or None when there is no such '='."""
    depth = 0
    for k, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "=" and depth == 0 and text[k - 1 : k] not in (":", "<", ">", "!"):
            return text[:k].strip()
    return None


def check(derivation: Derivation, seed: int = 0, timeout: float = DEFAULT_TIMEOUT, deadline: float | None = None) -> DocumentReport:
    """Check every equation and algorithm of `derivation` (within `deadline`, a time.monotonic())."""
    return Checker(derivation, seed, timeout, deadline).run()
