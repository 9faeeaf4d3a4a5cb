import ctypes
import shutil
import subprocess

import numpy as np
import pytest

from symgrad.train.codegen import function_name, plan
from symgrad.train.codegen.c_source import c_source
from symgrad.train.codegen.numpy_trainer import numpy_gradient
from symgrad.train.models import parse_model

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")


@pytest.mark.parametrize("spec", ["linear", "neuron:3", "chain:4", "chain:3:tanh", "dense:2-3-1", "dense:3-4-2-1:relu"])
def test_c_gradient_compiles_cleanly_and_matches_numpy(spec, tmp_path):
    model = parse_model(spec)
    name = function_name(model) + "_grad"
    source = c_source(plan(model), name, model.name)
    documented = [line.split("] ")[1] for line in source.splitlines() if line.startswith(" *   [")]
    assert documented == model.parameter_names
    (tmp_path / "model.c").write_text(source)
    library = tmp_path / "model.so"
    subprocess.run(["gcc", "-std=c99", "-O2", "-Wall", "-Werror", "-shared", "-fPIC", str(tmp_path / "model.c"),
                    "-o", str(library), "-lm"], check=True, capture_output=True, text=True)
    grad_c = getattr(ctypes.CDLL(str(library)), name)
    double_p = ctypes.POINTER(ctypes.c_double)
    grad_c.argtypes = [double_p, double_p, double_p, ctypes.c_size_t, double_p, double_p]
    rng = np.random.default_rng(3)
    n, k, count = 50, len(model.inputs), len(model.parameters)
    params, inputs, y = rng.normal(size=count) * 3, rng.normal(size=(k, n)), rng.normal(size=n)
    params[0] = 900.0  # saturate a unit: the C sigmoid must stay finite too
    rows = np.ascontiguousarray(inputs.T)
    cost, grad = ctypes.c_double(), np.zeros(count)
    grad_c(params.ctypes.data_as(double_p), rows.ctypes.data_as(double_p), y.ctypes.data_as(double_p), n,
           ctypes.byref(cost), grad.ctypes.data_as(double_p))
    expected_cost, expected_grad = numpy_gradient(model)(params, inputs, y)
    assert cost.value == pytest.approx(expected_cost, rel=1e-12)
    np.testing.assert_allclose(grad, expected_grad, rtol=1e-9, atol=1e-13)
