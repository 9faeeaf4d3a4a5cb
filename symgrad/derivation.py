"""The data model of a derivation: numbered equations in the order their author wrote them.

A derivation is what a reader (LaTeX / Markdown) or a few lines of Python produce, and what the
checker checks.  Equations come in three kinds:

* ``definition`` introduces a name (``C(w) = …``, ``a_i = σ(…)``) or a notation; nothing to check;
* ``claim`` states ``lhs = rhs`` and opens a :class:`Chain`;
* ``step`` continues the open chain (``= rhs``): it is attached to the chain's claim, which
  gives it its left side, and to the line before it, which it may or may not follow from;
* ``update`` is a rule such as ``w ← w − η ∂C/∂w``: a new value, not an equality;
* ``approximation`` is ``lhs ≈ rhs``: checked as a limit where the right side has a small step h;
* ``unread`` is a line that could not be read: a result of its own (`note` says why), and what
  rests on a name it may have defined (`unread_name`) is not checked against a stand-in.

An :class:`Algorithm` is a procedure (back-propagation, say) that claims to compute the gradient
of a cost; the checker compares what it computes with the true gradient.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Callable

import sympy as sp

from symgrad.display import Displayable
from symgrad.notation import Notation
from symgrad.results import Kind

EQUATION_KINDS = (Kind.DEFINITION, Kind.CLAIM, Kind.STEP, Kind.UPDATE, Kind.APPROXIMATION, Kind.UNREAD)


@dataclass(eq=False)
class Equation:
    """One numbered line of a derivation, as written and as a SymPy claim.

    For a definition, `lhs` is the name being defined (a Symbol, an Indexed ``a[i]`` or a function
    application ``C(w)``) and `rhs` its body; either may be None for a notation-only definition.
    For a step, `lhs` is None: its `chain` says which claim it continues.
    """

    label: str | None
    kind: Kind
    lhs: sp.Expr | None
    rhs: sp.Expr | None
    latex: str = ""
    section: str = ""
    line: int | None = None
    note: str = ""
    assumed: bool = False  # implied by the text, not numbered: checked, never reported
    text: str = ""  # the prose written before this equation in its document (for reports)
    chain: Chain | None = None  # a claim's own chain, or the chain a step continues
    domain: tuple = ()  # where its written parts are real (ln u needs u > 0), before simplification
    readings: tuple = ()  # how a layout that could be read two ways was read (printed with the verdict)
    unread_name: str | None = None  # for an unread line: the name it seems to define

    def __post_init__(self):
        self.kind = Kind(self.kind)
        if self.kind not in EQUATION_KINDS:
            raise ValueError(f"equation kind must be one of {[k.value for k in EQUATION_KINDS]}, not {self.kind!r}")

    @property
    def defines(self) -> bool:
        """True when this definition gives a name a value the checker can substitute."""
        return self.kind == Kind.DEFINITION and self.lhs is not None and self.rhs is not None

    @property
    def left_side(self) -> sp.Expr | None:
        """What the line says something about: its own lhs, or its chain's claim's for a step."""
        return self.chain.claim.lhs if self.kind == Kind.STEP else self.lhs

    @property
    def previous(self) -> Equation | None:
        """The line of its chain this step continues (None for a claim or a definition)."""
        if self.kind != Kind.STEP:
            return None
        lines = self.chain.lines
        return lines[lines.index(self) - 1]


@dataclass(eq=False)
class Chain:
    """A claim and the steps that continue it, in order."""

    claim: Equation
    steps: list[Equation] = field(default_factory=list)

    @property
    def lines(self) -> list[Equation]:
        return [self.claim, *self.steps]


@dataclass
class Computed:
    """What a procedure computes for one parameter of one model size."""

    key: str
    layer: int | None
    parameter: sp.Symbol
    value: sp.Expr


@dataclass
class Instance:
    """One size of a model: its definitions (in order), its cost and what the procedure computes."""

    definitions: list
    cost: sp.Expr
    computed: list[Computed]


@dataclass
class Algorithm:
    """A procedure that claims to compute the gradient of a cost for each parameter.

    `build(size)` returns an :class:`Instance` for one size of the model (the number of layers
    m, say); `sizes` are the sizes to check.
    """

    id: str
    section: str
    title: str
    rests_on: list[str]
    build: Callable[[object], Instance]
    sizes: tuple = (None,)
    reading: str = ""
    line: int | None = None


@dataclass
class Derivation(Displayable):
    """An ordered set of numbered equations, with the notation that says what they mean."""

    title: str
    path: str = ""
    notation: Notation = field(default_factory=Notation)
    equations: list[Equation] = field(default_factory=list)
    algorithms: list[Algorithm] = field(default_factory=list)
    #: The title of each section that has one, by its number ("1.2.1": "Cost").
    section_titles: dict[str, str] = field(default_factory=dict)
    _section: str = ""
    _open: Chain | None = None

    # -- building, the way a person writes a derivation ------------------------------------
    def section(self, number: str, title: str = "") -> Derivation:
        """Start a section (its number, or its title where it has none): later equations are
        reported under it."""
        self._section = number
        if title and title != number:
            self.section_titles[number] = title
        return self

    def define(self, label, lhs=None, rhs=None, latex: str = "", note: str = "") -> Equation:
        """A definition: `lhs` is given the value `rhs` from here on.  It closes the open chain."""
        self._open = None
        return self._add(Equation(label, Kind.DEFINITION, lhs, rhs, latex, note=note))

    def assume(self, lhs, rhs, reading: str, closes: bool = True) -> Equation:
        """A definition the document implies but does not number; its reading is printed.  A
        definition taken from the prose leaves the chain open (`closes` False): it is context,
        not a line between a claim and its next step."""
        self.notation.read(reading)
        if closes:
            self._open = None
        return self._add(Equation(None, Kind.DEFINITION, lhs, rhs, note=reading, assumed=True))

    def update(self, label, lhs, rhs, latex: str = "") -> Equation:
        """An update rule ``lhs ← rhs``: nothing to check as an equation.  It closes the open chain."""
        self._open = None
        return self._add(Equation(label, Kind.UPDATE, lhs, rhs, latex))

    def unread(self, label, latex: str, why: str, line: int | None = None, name: str | None = None) -> Equation:
        """A line that could not be read (`why`), which may have defined `name`.  The reader says
        whether it breaks the open chain (a step that did not read leaves it open)."""
        equation = Equation(label, Kind.UNREAD, None, None, latex, line=line, note=why, unread_name=name)
        return self._add(equation)

    def approximate(self, label, lhs, rhs, latex: str = "") -> Equation:
        """``lhs ≈ rhs``.  It closes the open chain."""
        self._open = None
        return self._add(Equation(label, Kind.APPROXIMATION, lhs, rhs, latex))

    def claim(self, label, lhs, rhs, latex: str = "") -> Equation:
        """A claim ``lhs = rhs``; the steps after it continue it."""
        equation = Equation(label, Kind.CLAIM, lhs, rhs, latex)
        equation.chain = self._open = Chain(equation)
        return self._add(equation)

    def step(self, label, rhs, latex: str = "") -> Equation:
        """``= rhs``, continuing the open chain."""
        if self._open is None:
            raise ValueError(f"step ({label}) has no claim before it to continue")
        equation = Equation(label, Kind.STEP, None, rhs, latex, chain=self._open)
        self._open.steps.append(equation)
        return self._add(equation)

    def close_chain(self) -> None:
        """The next '= …' line continues nothing (a remark or an unread line stands between)."""
        self._open = None

    @property
    def current_section(self) -> str:
        return self._section

    @property
    def chain_open(self) -> bool:
        return self._open is not None

    def algorithm(self, algorithm: Algorithm) -> Algorithm:
        algorithm.line = algorithm.line or _caller_line()
        self.algorithms.append(algorithm)
        return algorithm

    def _add(self, equation: Equation) -> Equation:
        equation.section = equation.section or self._section
        if equation.line is None:
            equation.line = _caller_line()
        if not equation.latex:
            equation.latex = _latex_of(equation)
        self.equations.append(equation)
        return equation


def _latex_of(equation: Equation) -> str:
    """LaTeX for an equation written without one (SymPy's printer)."""
    parts = [sp.latex(side) for side in (equation.lhs, equation.rhs) if side is not None]
    text = " = ".join(parts)
    return f"= {text}" if equation.kind == Kind.STEP else text


def _caller_line() -> int | None:
    """The line of the user's file that called the builder (for FILE:LINE in reports)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    return frame.f_lineno if frame is not None else None
