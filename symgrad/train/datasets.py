"""Training data: the logic gates, the notes' "y = 2x" samples, or a CSV file of numbers.

A CSV row holds the inputs x_1 … x_k then the target y.  Blank lines and lines starting with
``#`` are skipped, and a first row that is not all numbers is a header.  Errors point at the
offending file, line and column, the way a compiler does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_GATES = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "nand": (1, 1, 1, 0), "xor": (0, 1, 1, 0)}
#: The linear model's data: y = 2x at x = 0 … 4, so training should find w = 2.
_LINEAR_X = (0.0, 1.0, 2.0, 3.0, 4.0)
BUILTIN = tuple(_GATES) + ("linear",)


@dataclass(frozen=True)
class Dataset:
    """Samples as columns: `inputs` of shape (k, n), `targets` of shape (n,)."""

    name: str
    inputs: np.ndarray
    targets: np.ndarray

    @property
    def samples(self) -> list[tuple[float, ...]]:
        """One tuple (x_1, …, x_k, y) per sample, for loops over samples."""
        return [tuple(row) for row in np.vstack([self.inputs, self.targets]).T.tolist()]


class DataError(ValueError):
    """Bad input data; `location` is ``FILE:LINE:COL`` or empty."""

    def __init__(self, message: str, location: str = ""):
        super().__init__(message)
        self.location = location


def load_dataset(spec: str) -> Dataset:
    """A built-in data set by name, otherwise the CSV file at that path."""
    if spec in _GATES:
        table = [(a, b) for a in (0.0, 1.0) for b in (0.0, 1.0)]
        return Dataset(spec, np.array(table).T.copy(), np.array(_GATES[spec], dtype=float))
    if spec == "linear":
        x = np.array(_LINEAR_X)
        return Dataset(spec, x[None, :].copy(), 2 * x)
    path = Path(spec)
    if not path.is_file():
        raise DataError(f"no built-in data set or file named {spec!r} (built-in: {', '.join(BUILTIN)})")
    return read_csv(path)


def read_csv(path: Path) -> Dataset:
    """Read rows of numbers; every row needs the same number (at least two) of columns."""
    rows: list[list[float]] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"cannot read {path}: {error}") from None
    first = True
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = _fields(line)
        values = [_number(field) for _, field in fields]
        if first and None in values:
            first = False  # a header
            continue
        first = False
        for (column, field), value in zip(fields, values):
            if value is None:
                raise DataError(f"expected a finite number, got {field.strip()!r}", f"{path}:{number}:{column}")
        if len(fields) < 2:
            raise DataError("a row needs at least one input and a target", f"{path}:{number}:1")
        if rows and len(values) != len(rows[0]):
            column = fields[len(rows[0])][0] if len(fields) > len(rows[0]) else len(line) + 1
            raise DataError(f"expected {len(rows[0])} columns, got {len(values)}", f"{path}:{number}:{column}")
        rows.append(values)
    if not rows:
        raise DataError("no samples in the file", f"{path}:1:1")
    table = np.array(rows)
    return Dataset(path.name, table[:, :-1].T.copy(), table[:, -1].copy())


def _fields(line: str) -> list[tuple[int, str]]:
    """Comma-separated fields with the 1-based column each starts at."""
    fields, start = [], 0
    for part in line.split(","):
        fields.append((start + 1 + len(part) - len(part.lstrip()), part))
        start += len(part) + 1
    return fields


def _number(field: str) -> float | None:
    try:
        value = float(field.strip().replace("_", "!"))
    except ValueError:
        return None
    return value if math.isfinite(value) else None
