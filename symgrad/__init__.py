"""symgrad: checks hand-derived gradients, then turns the verified ones into fast code.

The public API: build a :class:`Derivation` (or read one from a document), :func:`check` it, and
print the :class:`DocumentReport` in any report format.
"""

from symgrad.derivation import Algorithm, Derivation, Equation
from symgrad.engine import check
from symgrad.findings import DocumentReport, Finding
from symgrad.notation import COUNT, SAMPLE, Notation, family, mean, parameter, sample_sum, sigma

__version__ = "0.1.0"

__all__ = [
    "Algorithm",
    "COUNT",
    "Derivation",
    "DocumentReport",
    "Equation",
    "Finding",
    "Notation",
    "SAMPLE",
    "check",
    "family",
    "mean",
    "parameter",
    "sample_sum",
    "sigma",
]
