"""The vectorised cost-and-gradient function of a model, compiled in memory."""

from __future__ import annotations

from functools import lru_cache

from symgrad.train.codegen import compile_function, function_name, plan
from symgrad.train.codegen.numpy_source import numpy_source
from symgrad.train.models import Model


@lru_cache(maxsize=64)
def numpy_gradient(model: Model):
    """``f(params, inputs, y) -> (cost, gradient)`` over all samples at once (inputs: k arrays)."""
    name = function_name(model) + "_grad"
    return compile_function(numpy_source(plan(model), name, model.name), name, model.name)
