import pytest
import sympy as sp

from symgrad.notation import sigma
from symgrad.train.models import ModelSpecError, parse_model, relu


@pytest.mark.parametrize(
    "spec, count, names",
    [
        ("linear", 1, ["w"]),
        ("neuron:3", 4, ["w1", "w2", "w3", "b"]),
        ("chain:3", 6, ["w1", "b1", "w2", "b2", "w3", "b3"]),
        ("dense:2-2-1", 9, ["w1_1_1", "w1_1_2", "w1_2_1", "w1_2_2", "b1_1", "b1_2", "w2_1_1", "w2_1_2", "b2_1"]),
        ("dense:8-16-16-1", 8 * 16 + 16 + 16 * 16 + 16 + 16 + 1, None),
    ],
)
def test_parameters_in_documented_order(spec, count, names):
    model = parse_model(spec)
    assert len(model.parameters) == count == len(set(model.parameter_names))
    if names:
        assert model.parameter_names == names


def test_chain_composes_the_notes_layers():
    x = sp.Symbol("x", real=True)
    model = parse_model("chain:2")
    w1, b1, w2, b2 = model.parameters
    assert model.output() == sigma(sigma(x * w1 + b1) * w2 + b2)
    assert str(w1) == "w^{(1)}"


def test_activation_suffix_sets_hidden_layers_and_keeps_sigmoid_output():
    out = parse_model("chain:2:tanh").output()
    assert out.func == sigma and out.has(sp.tanh)
    assert parse_model("neuron:2:relu").output().func == relu
    assert parse_model("dense:2-3-1:relu").name == "dense:2-3-1:relu"


def test_cost_is_the_notes_mean_over_samples():
    cost = parse_model("linear").cost()
    assert cost.has(sp.Sum) and cost.has(sp.Indexed)


def test_relu_derivative_is_zero_at_zero():
    x = sp.Symbol("x", real=True)
    d = sp.diff(relu(x), x)
    assert d.subs(x, 0) == 0 and d.subs(x, 1) == 1 and d.subs(x, -1) == 0


@pytest.mark.parametrize("spec", ["", "linear:2", "chain", "chain:0", "chain:x", "dense:2", "dense:2-2", "dense:2--1",
                                  "dense:2-2-1:softmax", "neuron:2:identity", "mlp:2", "chain:99999"])
def test_bad_specs_are_rejected_with_a_reason(spec):
    with pytest.raises(ModelSpecError):
        parse_model(spec)
