"""From a model's back-propagation program to code: NumPy trainers, scalar loops, Python and C source."""

from __future__ import annotations

from symgrad.train.backprop import backprop
from symgrad.train.codegen.schedule import Schedule, schedule
from symgrad.train.models import Model


def plan(model: Model) -> Schedule:
    """Derive the model's gradient layer by layer and schedule it for printing."""
    return schedule(backprop(model))


def compile_function(source: str, name: str, label: str):
    """Compile generated source (ours, never user text) and return the function `name`."""
    namespace: dict = {}
    exec(compile(source, f"<symgrad {label}>", "exec"), namespace)
    return namespace[name]


def function_name(model: Model) -> str:
    """A C and Python identifier for the model: ``dense:2-8-1:tanh`` → ``dense_2_8_1_tanh``."""
    return "".join(c if c.isalnum() else "_" for c in model.name)
