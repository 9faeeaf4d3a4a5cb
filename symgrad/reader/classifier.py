"""What a numbered line is: a definition, a claim, or a step continuing a claim.

The :class:`Classifier` adds each resolved formula to the Derivation as the kind of line it is
(the derivation attaches steps to their claim), and gives a prime on a parenthesis, ``(…)'``, the
variable of the ``C'(w) = …`` line it continues.
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from symgrad.derivation import Derivation, Equation
from symgrad.notation import sigma
from symgrad.reader.errors import ReadError
from symgrad.reader.resolver import PRIME, Formula
from symgrad.reader.source import Snippet

_REMARK = re.compile(r"\\(?:text|textrm|mbox)\s*\{([^{}]*)\}")


class Classifier:
    """Adds lines to a derivation; knows whether a chain is open and the variable its primes mean."""

    def __init__(self, derivation: Derivation, prime: str = ""):
        self.derivation = derivation
        self.default_prime = prime  # the notation's variable for a prime, when no C'(w) line gives one
        self.prime_variable: sp.Symbol | None = None
        self.broken = False  # the open claim did not read: its steps cannot be judged

    def close(self, broken: bool = False) -> None:
        """No chain is open from here (after a definition, a remark, or a claim that did not read)."""
        self.derivation.close_chain()
        self.prime_variable, self.broken = None, broken

    def skips(self, formula: Formula) -> bool:
        """A step of a claim that did not read is not judged (its error was reported)."""
        return formula.leading and self.broken

    def add(self, label, formula: Formula, latex: str, snippet: Snippet, remarks: list[str]) -> Equation:
        """Decide what a line is, and add it to the derivation (a ReadError if it cannot be one)."""
        derivation, sides = self.derivation, formula.sides
        note = _REMARK.sub(lambda m: m.group(1), latex) if remarks else ""
        if formula.leading:
            if not derivation.chain_open or self.broken:
                raise ReadError("'= …' continues no claim: the line before is not a claim or a step", snippet, 0)
            if len(sides) != 1:
                raise ReadError("one '=' per continuing line: put each step on its own line", snippet, 0)
            return derivation.step(label, self._primes(sides[0], formula, snippet), latex=latex)
        if len(sides) == 1 or formula.remark:
            self.close()
            return derivation.define(label, latex=latex, note=note or "a remark: nothing to check")
        lhs, rhs = sides[0], sides[-1]
        if isinstance(lhs, sp.Derivative) and rhs.has(sp.Limit):
            self.close()
            return derivation.define(label, latex=latex, note=f"defines the derivative {latex.split('=')[0].strip()} by a limit")
        if all(is_name(side) for side in sides[:-1]):
            self.close()
            also = ", ".join(sp.sstr(side) for side in sides[1:-1])
            return derivation.define(label, lhs, rhs, latex=latex, note=f"also written {also}" if also else note)
        if len(sides) > 2:
            raise ReadError("a claim with several '=' on one numbered line: put each step on its own line", snippet, 0)
        self.prime_variable, self.broken = prime_variable(lhs), False
        lhs, rhs = self._primes(lhs, formula, snippet), self._primes(rhs, formula, snippet)
        return derivation.claim(label, lhs, rhs, latex=latex)

    def _primes(self, expr, formula: Formula, snippet: Snippet):
        """Give (…)' the variable of the line it continues (or the notation's prime)."""
        if not expr.has(PRIME):
            return expr
        variable = self.prime_variable
        if variable is None and self.default_prime:
            variable = sp.Symbol(self.default_prime, real=True)
        if variable is None:
            at = formula.primes[0] if formula.primes else 0
            raise ReadError(
                "a prime needs a variable: continue a line such as C'(w) = …, or set prime = \"w\" in a notation block",
                snippet,
                at,
            )
        return expr.xreplace({PRIME: variable})


def remarks_in(snippet: Snippet) -> tuple[Snippet, list[str]]:
    """The snippet with ``\\text{…}`` remarks blanked, and the remarks."""
    remarks = []
    for match in reversed(list(_REMARK.finditer(snippet.text))):
        remarks.insert(0, match.group(1).strip())
        snippet = snippet.blank(match.start(), match.end())
    return snippet, remarks


def is_name(expr) -> bool:
    """A name a line can define: C, a_i, C(w), σ(x)."""
    if isinstance(expr, sp.Symbol):
        return True
    if isinstance(expr, sp.Indexed):
        return all(isinstance(index, sp.Symbol) for index in expr.indices)
    if isinstance(expr, (AppliedUndef, sigma)):
        return all(isinstance(arg, sp.Symbol) for arg in expr.args) and len(set(expr.args)) == len(expr.args)
    return False


def prime_variable(lhs):
    """w in C'(w): the variable a prime on a continuing line differentiates by."""
    if isinstance(lhs, sp.Derivative) and len(lhs.variables) == 1 and lhs.variables[0] in lhs.expr.args:
        return lhs.variables[0]
    return None
