"""Checking: from a derivation's notation to its findings.

``notation`` (in the package above) → :mod:`scope` (definitions in force) → :mod:`calculus` (the
chain rule through them) → :mod:`numeric` and :mod:`equivalence` (is A = B?) → :mod:`diagnose`
(why not) → :mod:`engine` (one finding per equation) and :mod:`algorithms` (procedures against
the true gradient).
"""

from symgrad.check.engine import check

__all__ = ["check"]
