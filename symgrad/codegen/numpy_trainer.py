"""The vectorised cost-and-gradient function of a model, compiled in memory."""

from __future__ import annotations

from functools import lru_cache

from symgrad.codegen import function_name, load, plan
from symgrad.codegen.numpy_source import numpy_source
from symgrad.models import Model, parse_model


def numpy_gradient(model: Model):
    """``f(params, inputs, y) -> (cost, gradient)`` over all samples at once (inputs: k arrays)."""
    return _compiled(model.name) if parse_model(model.name) == model else _compile(model)


@lru_cache(maxsize=64)
def _compiled(spec: str):
    return _compile(parse_model(spec))


def _compile(model: Model):
    name = function_name(model)
    return load(numpy_source(plan(model), name, model.name), name, model.name)
