"""symgrad: checks hand-derived gradients, then turns the verified ones into fast code.

The public API: build a :class:`Derivation` (or read one from a document), :func:`check` it, and
print the :class:`DocumentReport` in any report format.

The pipeline, room by room: :mod:`symgrad.reader` (documents → Derivation), :mod:`symgrad.check`
(Derivation → findings), :mod:`symgrad.report` (findings → text, JSON, Markdown, HTML) and
:mod:`symgrad.train` (models → gradients → trainers and generated code); :mod:`symgrad.results`
is the result model they share.
"""

from symgrad.check import check
from symgrad.derivation import Algorithm, Computed, Derivation, Equation, Instance
from symgrad.documents import check_file
from symgrad.notation import (
    COUNT,
    SAMPLE,
    Notation,
    family,
    mean,
    parameter,
    sample_sum,
    sigma,
)
from symgrad.report import notebook  # noqa: F401  (registers the notebook displays)
from symgrad.results import (
    Counterexample,
    Diagnosis,
    DiagnosisKind,
    DocumentReport,
    Finding,
    Verdict,
)
from symgrad.version import __version__

__all__ = [
    "Algorithm",
    "COUNT",
    "Computed",
    "Counterexample",
    "Derivation",
    "Diagnosis",
    "DiagnosisKind",
    "DocumentReport",
    "Equation",
    "Finding",
    "Instance",
    "Notation",
    "SAMPLE",
    "Verdict",
    "__version__",
    "check",
    "check_file",
    "family",
    "mean",
    "parameter",
    "sample_sum",
    "sigma",
]
