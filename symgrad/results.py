"""The one result model the whole pipeline shares: what the checker found, typed.

A :class:`Finding` per equation or algorithm check, built once by the engine and never changed;
its :class:`Verdict` alone knows what holds.  A failure carries a :class:`Diagnosis` (a kind a
program can switch on, a headline, the full explanation, the exact factor, the corrected line)
and a :class:`Counterexample`.  Reports render these fields; the JSON report is the only place
that turns them into the contract's dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import sympy as sp

from symgrad.display import Displayable


class Verdict(StrEnum):
    """Exactly one per equation (DESIGN.md's table); its value is the JSON string."""

    PROVEN = "proven"
    NUMERICALLY_EQUAL = "numerically-equal"
    FAILS = "fails"
    ILL_FORMED = "ill-formed"
    INCONCLUSIVE = "inconclusive"
    DEFINITION = "definition"

    @property
    def holds(self) -> bool:
        """Nothing to object to: the run's exit status stays 0 (proven, evidence, or a definition)."""
        return self in (Verdict.PROVEN, Verdict.NUMERICALLY_EQUAL, Verdict.DEFINITION)

    @property
    def is_true(self) -> bool:
        """The claim was found to hold: proven, or equal on every numeric trial (evidence, not proof)."""
        return self in (Verdict.PROVEN, Verdict.NUMERICALLY_EQUAL)

    @property
    def is_wrong(self) -> bool:
        """A reader must notice it: the line is false or cannot be read as a claim."""
        return self in (Verdict.FAILS, Verdict.ILL_FORMED)


class Kind(StrEnum):
    """What a line is."""

    DEFINITION = "definition"
    CLAIM = "claim"
    STEP = "step"
    ALGORITHM = "algorithm"
    UPDATE = "update"
    APPROXIMATION = "approximation"
    UNREAD = "unread"


class Method(StrEnum):
    """How a verdict was reached."""

    SYMBOLIC = "symbolic"
    NUMERIC = "numeric"
    COUNTEREXAMPLE = "counterexample"


class DiagnosisKind(StrEnum):
    """What went wrong, for programs (the JSON's `diagnosis_kind`)."""

    FACTOR = "factor"  # claimed = factor × true, factor a constant (n allowed)
    SIGN = "sign"  # claimed = −true
    SWAP = "swap"  # two names exchanged
    DROPPED_POWER = "dropped-power"  # a power of a definition lost in differentiating
    WRONG_DERIVATIVE = "wrong-derivative"  # σ′ written as σ(1+σ), 1−σ or σ; tanh′ as 1 − tanh
    WRONG_VARIABLE = "wrong-variable"  # the derivative by another variable: ∂C/∂w's value for ∂C/∂b
    WRONG_NAME = "wrong-name"  # one name written where another belongs: a^(2) for a^(1)
    TERM_FACTOR = "term-factor"  # each term multiplied by a non-constant factor: an extra a(1 − a)
    INDEX = "index"  # an index free on one side, bound or absent on the other
    RANGE = "range"  # a sum over other samples than the true ones
    DIFFERENCE = "difference"  # none of the above: the difference itself
    DOES_NOT_FOLLOW = "does-not-follow"  # a true step that does not follow from a wrong one
    REDEFINITION = "redefinition"  # a function the notation knows, defined differently
    CIRCULAR = "circular"  # a definition that refers to itself
    LIMIT = "limit"  # past a time limit, or a derivative symgrad cannot take
    INTERNAL = "internal"  # symgrad failed on this line (a bug to report); the run went on
    UNREAD = "unread"  # the equation could not be read


@dataclass(frozen=True)
class Diagnosis:
    """Why a line is wrong (or not judged): `headline` is the short reason, `text` the whole
    explanation; `factor` is claimed ÷ true where the two are proportional, `corrected` the line
    as it should read (LaTeX) and `corrected_plain` the same line in plain-text math (Unicode)."""

    kind: DiagnosisKind
    headline: str
    text: str
    factor: sp.Expr | None = None
    corrected: str | None = None
    corrected_plain: str | None = None


@dataclass(frozen=True)
class Counterexample:
    """Concrete numbers at which the two sides differ; `values` uses plain names (x[1], w^(1))."""

    n: int
    values: dict
    lhs: float
    rhs: float
    count_name: str = "n"  # the document's name for the number of samples (m in Ng's notes)

    def with_values_first(self, extra: dict) -> "Counterexample":
        """The same counterexample with `extra` (the model size m, l, say) listed first."""
        return Counterexample(self.n, {**extra, **self.values}, self.lhs, self.rhs, self.count_name)


@dataclass(frozen=True)
class AlgorithmRow:
    """One parameter of one model size in an algorithm check."""

    m: int | None
    l: int | None  # noqa: E741 (the notes' name for a layer)
    parameter: str
    verdict: Verdict
    method: Method
    factor: sp.Expr | None = None
    counterexample: Counterexample | None = None
    reason: str | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class Finding(Displayable):
    """The checker's result for one equation (a `label`) or one algorithm check (an `id`)."""

    label: str | None
    kind: Kind
    verdict: Verdict
    section: str = ""
    line: int | None = None
    latex: str = ""
    id: str | None = None
    follows: bool | None = None
    method: Method | None = None
    counterexample: Counterexample | None = None
    diagnosis: Diagnosis | None = None
    note: str | None = None  # what a definition or remark says about itself
    evidence: str | None = None
    conditions: tuple[str, ...] = ()  # what the verdict needs (w > 0, 3 ≤ n)
    readings: tuple[str, ...] = ()  # how notation that could be read two ways was read
    rests_on: tuple[str, ...] = ()
    rows: tuple[AlgorithmRow, ...] | None = None
    text: str = ""  # the author's prose just before the equation
    seconds: float = 0.0

    def __post_init__(self):
        object.__setattr__(self, "verdict", Verdict(self.verdict))
        object.__setattr__(self, "kind", Kind(self.kind))

    @property
    def name(self) -> str:
        """How a report refers to it: (7) for an equation, the id for an algorithm check."""
        if self.label is not None:
            return f"({self.label})"
        return self.id if self.id is not None else "(—)"

    @property
    def factor(self) -> sp.Expr | None:
        return self.diagnosis.factor if self.diagnosis is not None else None

    @property
    def corrected(self) -> str | None:
        return self.diagnosis.corrected if self.diagnosis is not None else None

    @property
    def explanation(self) -> str | None:
        """The diagnosis in words, or what a definition says about itself."""
        return self.diagnosis.text if self.diagnosis is not None else self.note


@dataclass(frozen=True)
class InputError:
    """A place in a document that could not be read: FILE:LINE:COL and why."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class DocumentReport(Displayable):
    """Every finding of one document, with the readings of its notation and its input errors."""

    path: str
    title: str
    readings: tuple[str, ...]
    findings: tuple[Finding, ...]
    seconds: float = 0.0
    errors: tuple[InputError, ...] = ()
    #: The title of each numbered section that has one ("1.2.1": "Cost").
    sections: dict[str, str] = field(default_factory=dict)

    def section_heading(self, section: str) -> str:
        """A section as a reader knows it: "1.2.1 Cost", "Section 1.2.1" where it has no title,
        or its title where it has no number."""
        title = self.sections.get(section)
        if title:
            return f"{section} {title}"
        return f"Section {section}" if section[:1].isdigit() else section

    @property
    def holds(self) -> bool:
        return all(finding.verdict.holds for finding in self.findings)


def summary(documents, seconds: float) -> dict:
    """Counts per verdict over every document, in the contract's key order."""
    counts = {verdict.value: 0 for verdict in Verdict}
    for document in documents:
        for finding in document.findings:
            counts[finding.verdict.value] += 1
    return {"results": sum(counts.values()), **counts, "seconds": round(seconds, 3)}


def factor_string(factor: sp.Expr | None) -> str | None:
    """claimed ÷ true as a SymPy-readable string, written the way people do: (2/n)**(m - l)."""
    return None if factor is None else sp.sstr(factor, order="rev-lex")
