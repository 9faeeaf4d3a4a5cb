"""Expression printers for the three targets: NumPy arrays, Python floats, C doubles.

Each prints the activations the stable way: σ through a helper that never overflows, ReLU as a
maximum, its derivative H(a) with H(0) = 0.  Symbols are already identifiers (the schedule
renames them), so nothing a user typed reaches generated code.
"""

from __future__ import annotations

from sympy.printing.c import C99CodePrinter
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import PythonCodePrinter


class NumpyArrayPrinter(NumPyPrinter):
    """Vectorised over samples: every per-sample symbol is a NumPy array."""

    def __init__(self):
        super().__init__({"fully_qualified_modules": True, "allow_unknown_functions": False})

    def _print_sigma(self, expr):
        return f"_sigmoid({self._print(expr.args[0])})"

    def _print_relu(self, expr):
        return f"numpy.maximum({self._print(expr.args[0])}, 0.0)"

    def _print_Heaviside(self, expr):
        return f"({self._print(expr.args[0])} > 0)"


class FloatPrinter(PythonCodePrinter):
    """One sample at a time, in Python floats and the math module."""

    def __init__(self):
        super().__init__({"fully_qualified_modules": True})

    def _print_sigma(self, expr):
        z = self._print(expr.args[0])
        # For z <= -700, e^z is σ(z) to full precision and e^{-z} would overflow.
        return f"(1.0/(1.0 + math.exp(-{z})) if {z} > -700.0 else math.exp({z}))"

    def _print_relu(self, expr):
        z = self._print(expr.args[0])
        return f"max({z}, 0.0)"

    def _print_Heaviside(self, expr):
        return f"(1.0 if {self._print(expr.args[0])} > 0.0 else 0.0)"


class CPrinter(C99CodePrinter):
    """C99 doubles; σ is the static helper ``symgrad_sigmoid`` of the generated file."""

    def _print_sigma(self, expr):
        return f"symgrad_sigmoid({self._print(expr.args[0])})"

    def _print_relu(self, expr):
        return f"fmax({self._print(expr.args[0])}, 0.0)"

    def _print_Heaviside(self, expr):
        return f"({self._print(expr.args[0])} > 0.0 ? 1.0 : 0.0)"

    def _print_Pow(self, expr):
        if expr.exp == 2:
            base = self._print(expr.base)
            return f"({base}*{base})"
        return super()._print_Pow(expr)
