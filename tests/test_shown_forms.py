"""What a report shows of a difference or a corrected value is the same value, only easier to read."""

import pytest
import sympy as sp

from symgrad.check.equivalence import shown_form
from symgrad.notation import COUNT as n
from symgrad.notation import SAMPLE as i

a, x, y = sp.IndexedBase("a"), sp.IndexedBase("x"), sp.IndexedBase("y")
w, b, lam = sp.symbols("w b lambda", real=True)


@pytest.mark.parametrize("expr, expected", [
    (2 * (lam * b + (b * sp.Sum(1, (i, 1, n)) + sp.Sum(w * x[i] - y[i], (i, 1, n))) / n
          - sp.Sum(b + w * x[i] - y[i], (i, 1, n)) / n), 2 * lam * b),
    (sp.Sum((y[i] / a[i] - (1 - y[i]) / (1 - a[i])) * a[i] * (1 - a[i]) * x[i], (i, 1, n)) / n,
     sp.Sum((y[i] - a[i]) * x[i], (i, 1, n)) / n),
    (-2 * w * (a[i] - 1) * (a[i] - y[i]) * a[i] / n, 2 * w * (1 - a[i]) * (a[i] - y[i]) * a[i] / n),
])
def test_the_shown_form_is_the_same_value_simplified(expr, expected):
    shown = shown_form(expr, i)
    assert sp.simplify((shown - expected).doit()) == 0
    assert sp.count_ops(shown) <= sp.count_ops(expected) + 2
