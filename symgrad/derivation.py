"""The data model of a derivation: numbered equations, in the order their author wrote them.

A derivation is what a reader (LaTeX / Markdown) or a few lines of Python produce, and what the
engine checks.  Equations come in three kinds:

* ``definition`` introduces a name (``C(w) = …``, ``a_i = σ(…)``) or a notation; nothing to check;
* ``claim`` states ``lhs = rhs``;
* ``step`` continues the claim before it (``= rhs``), and is judged against that claim's left side.

Algorithms (a back-propagation scheme, say) are checked against the true gradient of a cost; see
:mod:`symgrad.algorithms`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Callable

import sympy as sp

from symgrad.notation import Notation

KINDS = ("definition", "claim", "step")


@dataclass
class Equation:
    """One numbered line of a derivation, as written and as a SymPy claim.

    For a definition, `lhs` is the name being defined (a Symbol, an Indexed ``a[i]`` or a function
    application ``C(w)``) and `rhs` its body; either may be None for a notation-only definition.
    For a step, `lhs` is None: the step continues the chain before it.
    """

    label: str | None
    kind: str
    lhs: sp.Expr | None
    rhs: sp.Expr | None
    latex: str = ""
    section: str = ""
    line: int | None = None
    note: str = ""
    assumed: bool = False
    text: str = ""  # the prose written before this equation in its document (for reports)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"equation kind must be one of {KINDS}, not {self.kind!r}")

    @property
    def defines(self) -> bool:
        """True when this definition gives a name a value the engine can substitute."""
        return self.kind == "definition" and self.lhs is not None and self.rhs is not None


@dataclass
class Algorithm:
    """A procedure that claims to compute the gradient of `cost` for each parameter.

    `build(size)` returns ``(definitions, cost, computes)`` for one size of the model (the number
    of layers m, say): extra definitions the procedure uses, the cost whose gradient is wanted, and
    a mapping parameter → what the procedure computes for it, keyed by a family name such as
    ``"w^{(l)}"`` with the layer number.  `sizes` are the sizes to check.
    """

    id: str
    section: str
    title: str
    rests_on: list[str]
    build: Callable
    sizes: tuple = (None,)
    reading: str = ""
    line: int | None = None


@dataclass
class Derivation:
    """An ordered set of numbered equations, with the notation that says what they mean."""

    title: str
    path: str = ""
    notation: Notation = field(default_factory=Notation)
    equations: list[Equation] = field(default_factory=list)
    algorithms: list[Algorithm] = field(default_factory=list)
    _section: str = ""

    # -- display in a notebook: the equations as written, with their numbers ----------------
    def _repr_latex_(self) -> str:
        rows = [(rf"\text{{({eq.label})}}" if eq.label is not None else "") + rf" & \displaystyle {eq.latex}"
                for eq in self.equations]
        return "$$\\begin{array}{rl}\n" + " \\\\\n".join(rows) + "\n\\end{array}$$"

    def _repr_markdown_(self) -> str:
        from symgrad.report.markdown import escape, math

        lines = [f"**{escape(self.title)}**", ""]
        lines += [f"- {f'({escape(eq.label)}) ' if eq.label is not None else ''}{math(eq.latex)}" for eq in self.equations]
        return "\n".join(lines) + "\n"

    # -- building, the way a person writes a derivation ------------------------------------
    def section(self, number: str) -> "Derivation":
        """Start a section: later equations are reported under it."""
        self._section = number
        return self

    def define(self, label, lhs=None, rhs=None, latex: str = "", note: str = "") -> Equation:
        """A definition: `lhs` is given the value `rhs` from here on."""
        return self._add(Equation(label, "definition", lhs, rhs, latex, note=note))

    def assume(self, lhs, rhs, reading: str) -> Equation:
        """A definition the document implies but does not number; its reading is printed."""
        self.notation.read(reading)
        return self._add(Equation(None, "definition", lhs, rhs, note=reading, assumed=True))

    def claim(self, label, lhs, rhs, latex: str = "") -> Equation:
        """A claim ``lhs = rhs``; following steps continue it."""
        return self._add(Equation(label, "claim", lhs, rhs, latex))

    def step(self, label, rhs, latex: str = "") -> Equation:
        """``= rhs``, continuing the claim or step before it."""
        if not any(eq.kind in ("claim", "step") for eq in self.equations):
            raise ValueError(f"step ({label}) has no claim before it to continue")
        return self._add(Equation(label, "step", None, rhs, latex))

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
    return f"= {text}" if equation.kind == "step" else text


def _caller_line() -> int | None:
    """The line of the user's file that called the builder (for FILE:LINE in reports)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    return frame.f_lineno if frame is not None else None
