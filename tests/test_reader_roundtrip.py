"""Every parsed formula prints back as LaTeX (SymPy's printer) and reads again to the same expression."""

from pathlib import Path

import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symgrad.documents import read_document
from symgrad.notation import COUNT as n
from symgrad.notation import SAMPLE as i
from symgrad.notation import family, layer_name, parameter, sigma
from symgrad.printing import latex
from symgrad.reader import Vocabulary, read_formula

ROOT = Path(__file__).resolve().parent.parent
#: Printed formulas name everything explicitly ({i_{1}}_{i}, w_{1}): only the functions and the
#: document's whole-word names need declaring to read them back.
PRINTED = Vocabulary(functions=frozenset({"C"}), symbols=frozenset({"output"}))


def reread(expr):
    return read_formula(latex(expr), PRINTED).sides[0]


def test_every_side_of_every_equation_of_the_notes_round_trips():
    derivation = read_document(ROOT / "derivations" / "notes.md")[0]
    sides = [s for eq in derivation.equations for s in (eq.lhs, eq.rhs) if s is not None]
    assert len(sides) > 80
    for side in sides:
        assert reread(side) == side, latex(side)


W = [parameter("w"), parameter("b"), parameter("w_1"), parameter(layer_name("w", "l"))]
PER_SAMPLE = [family("x")[i], family("y")[i], family(layer_name("a", 1))[i], family("i_1")[i], family("x")[1]]
leaves = st.sampled_from(W + PER_SAMPLE + [n, sp.Integer(2), sp.Rational(1, 2), sp.Symbol("C^{(2)}", real=True)])


def _combine(children):
    pair = st.tuples(children, children)
    return st.one_of(
        pair.map(lambda p: p[0] + p[1]),
        pair.map(lambda p: p[0] * p[1]),
        pair.map(lambda p: p[0] - p[1]),
        st.tuples(children, st.integers(2, 3)).map(lambda p: p[0] ** p[1]),
        children.map(lambda e: 1 / (1 + e)),
        children.map(sigma),
        children.map(sp.exp),
        children.filter(lambda e: not e.has(sp.Sum)).map(lambda e: sp.Sum(e, (i, 1, n))),
        st.tuples(children.filter(lambda e: not e.has(sp.Derivative)), st.sampled_from(W + PER_SAMPLE[:3])).map(
            lambda p: sp.Derivative(p[0], p[1])
        ),
        children.map(lambda e: sp.Function("C")(e)),
    )


expressions = st.recursive(leaves, _combine, max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(expressions)
def test_generated_expressions_round_trip(expr):
    """Equal, or equal once expanded: SymPy's printer writes (1/3)·1/(w+1) as 1/(3(w+1)), which
    SymPy itself evaluates to 1/(3w+3)."""
    back = reread(expr)
    assert back == expr or sp.expand(back - expr) == 0, latex(expr)
