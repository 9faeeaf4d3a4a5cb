import numpy as np
import pytest
from symgrad_derivations.notes_gradient import notes_gradient

from symgrad.train.codegen.numpy_trainer import numpy_gradient
from symgrad.train.gradcheck import gradcheck
from symgrad.train.models import parse_model


def _point(model, n=6, seed=0):
    rng = np.random.default_rng(seed)
    params = rng.normal(size=len(model.parameters))
    if model.name.startswith("chain"):
        # w ≈ 4, b ≈ −2 keeps every unit near σ'(0), so gradients of deep chains stay
        # large enough for finite differences to measure
        params[0::2] = 4 + 0.2 * params[0::2]
        params[1::2] = -2 + 0.2 * params[1::2]
    return params, rng.uniform(0, 1, size=(len(model.inputs), n)), rng.uniform(0, 1, size=n)


@pytest.mark.parametrize("spec", ["linear", "neuron:2", "neuron:5:tanh", "chain:1", "chain:3", "chain:8", "chain:32",
                                  "chain:4:tanh", "dense:2-2-1", "dense:2-8-1", "dense:2-8-1:relu", "dense:8-16-16-1"])
def test_generated_gradients_pass_the_finite_difference_check(spec):
    model = parse_model(spec)
    params, inputs, y = _point(model)
    checks = gradcheck(numpy_gradient(model), params, inputs, y, model.parameter_names)
    assert [c.name for c in checks] == model.parameter_names
    worst = max(checks, key=lambda c: c.relative_error)
    assert worst.relative_error < 1e-6, worst


def test_a_wrong_gradient_is_caught():
    model = parse_model("neuron:2")
    f = numpy_gradient(model)

    def halved_bias(params, inputs, y):
        cost, grad = f(params, inputs, y)
        return cost, np.concatenate([grad[:-1], grad[-1:] / 2])

    checks = gradcheck(halved_bias, *_point(model), model.parameter_names)
    assert [c.relative_error > 0.4 for c in checks] == [False, False, True]


@pytest.mark.parametrize("spec", ["linear", "neuron:2", "neuron:4", "chain:1"])
def test_notes_formulas_are_the_true_gradient_for_linear_neuron_and_one_layer(spec):
    model = parse_model(spec)
    params, inputs, y = _point(model)
    np.testing.assert_allclose(notes_gradient(model)(params, inputs, y)[1], numpy_gradient(model)(params, inputs, y)[1],
                               rtol=1e-12)


def test_notes_chain_back_propagation_is_right_only_for_the_last_layer():
    model = parse_model("chain:3")
    params, inputs, y = _point(model)
    checks = gradcheck(notes_gradient(model), params, inputs, y, model.parameter_names)
    errors = {c.name: c.relative_error for c in checks}
    assert errors["w3"] < 1e-6 and errors["b3"] < 1e-6
    assert errors["w1"] > 1e-3 and errors["w2"] > 1e-3
