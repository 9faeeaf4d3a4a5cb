"""Where an expression has a kink or a jump: |z| and sign(z) at z = 0, max(a, b) where a = b, a
case's condition at its boundary.  The trials sample inside every piece these points cut the line
into, and a derivative taken at one of them has no value."""

from __future__ import annotations

import sympy as sp
from sympy.core.relational import Relational

#: Functions with a kink or a jump where their argument is 0.
_KINKED = (sp.Abs, sp.sign, sp.Heaviside, sp.DiracDelta)


def kinks(expr: sp.Expr) -> set:
    """Expressions that are 0 exactly where `expr` has a kink or a jump."""
    found = {node.args[0] for node in expr.atoms(*_KINKED)}
    found |= {relation.lhs - relation.rhs for relation in expr.atoms(Relational)}
    for extreme in expr.atoms(sp.Max, sp.Min):
        found |= {a - b for k, a in enumerate(extreme.args) for b in extreme.args[k + 1:]}
    return found
