"""Check a gradient against central finite differences, the notes' equation (1) made symmetric.

The one-sided quotient of (1) has error O(ε); the five-point central difference
[8(C(p+ε) − C(p−ε)) − (C(p+2ε) − C(p−2ε))] / 12ε has error O(ε⁴), which allows a step as
large as ε = 1e-3 and so keeps rounding small: float64 then confirms a correct gradient to
about 1e-9 relative error, even where the derivative is a millionth of the cost.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ParameterCheck:
    """One parameter's analytic and finite-difference derivatives and their relative error."""

    name: str
    analytic: float
    numeric: float
    relative_error: float


def gradcheck(cost_grad, params, inputs, y, names, epsilon: float = 1e-3) -> list[ParameterCheck]:
    """Compare ``cost_grad(params, inputs, y)[1]`` with central differences of its cost.

    The relative error is |analytic − numeric| / max(|analytic|, |numeric|, 1e-12): a
    derivative below 1e-12 is compared in absolute terms, since the difference of two costs
    cannot resolve it anyway.
    """
    params = np.asarray(params, dtype=float)
    _, analytic = cost_grad(params, inputs, y)
    checks = []
    for j, name in enumerate(names):
        step = epsilon * max(1.0, abs(params[j]))

        def cost(multiple):
            moved = params.copy()
            moved[j] += multiple * step
            return cost_grad(moved, inputs, y)[0]

        numeric = (8 * (cost(1) - cost(-1)) - (cost(2) - cost(-2))) / (12 * step)
        scale = max(abs(analytic[j]), abs(numeric), 1e-12)
        checks.append(ParameterCheck(name, float(analytic[j]), float(numeric), abs(analytic[j] - numeric) / scale))
    return checks
