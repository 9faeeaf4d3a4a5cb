import numpy as np
import pytest
from symgrad_derivations.notes_gradient import notes_gradient

import symgrad.train.descent as training
from symgrad.train.codegen.numpy_trainer import numpy_gradient
from symgrad.train.datasets import load_dataset
from symgrad.train.descent import initial_parameters, train
from symgrad.train.models import parse_model


@pytest.mark.parametrize("gate", ["xor", "and", "or", "nand"])
def test_dense_2_2_1_learns_every_gate(gate):
    result = train(parse_model("dense:2-2-1"), load_dataset(gate), steps=20000, rate=1.0, seed=0)
    assert result.final_cost < 0.01
    assert len(result.costs) == 20000 and result.costs[-1] < result.costs[0]


def test_linear_model_learns_w_equals_2():
    result = train(parse_model("linear"), load_dataset("linear"), steps=200, rate=0.05, seed=3)
    assert result.params["w"] == pytest.approx(2.0, abs=1e-9)
    assert result.final_cost < 1e-15


def test_training_is_reproducible_and_seeded():
    model, data = parse_model("dense:2-2-1"), load_dataset("xor")
    first, again, other = (train(model, data, 50, 1.0, seed) for seed in (5, 5, 6))
    assert first.params == again.params and first.costs == again.costs
    assert first.params != other.params


def test_scalar_and_vectorised_paths_agree(monkeypatch):
    model, data = parse_model("dense:2-3-1:tanh"), load_dataset("xor")
    scalar = train(model, data, 30, 0.5, seed=1)
    monkeypatch.setattr(training, "SCALAR_LIMIT", 0)
    vectorised = train(model, data, 30, 0.5, seed=1)
    np.testing.assert_allclose(list(scalar.params.values()), list(vectorised.params.values()), rtol=1e-12)
    np.testing.assert_allclose(scalar.costs, vectorised.costs, rtol=1e-12)


def test_notes_formulas_train_the_chain_differently():
    model, data = parse_model("chain:3"), load_dataset("linear")
    true = train(model, data, 100, 0.1, seed=0)
    notes = train(model, data, 100, 0.1, seed=0, gradient="notes", cost_gradient=notes_gradient(model))
    assert true.costs[0] == notes.costs[0]  # same start, same cost function
    assert notes.params["w3"] != true.params["w3"] and notes.params["w1"] != true.params["w1"]


def test_notes_formulas_equal_the_true_gradient_for_the_linear_model():
    model, data = parse_model("linear"), load_dataset("linear")
    notes = train(model, data, 20, 0.05, seed=0, gradient="notes", cost_gradient=notes_gradient(model))
    true = train(model, data, 20, 0.05, seed=0)
    assert notes.params["w"] == pytest.approx(true.params["w"], rel=1e-12)


def test_csv_data(tmp_path):
    path = tmp_path / "twice.csv"
    path.write_text("# y = 2x\nx,y\n1,2\n2, 4\n\n3,6\n")
    data = load_dataset(str(path))
    assert data.inputs.tolist() == [[1.0, 2.0, 3.0]] and data.targets.tolist() == [2.0, 4.0, 6.0]
    result = train(parse_model("linear"), data, 100, 0.05, seed=0)
    assert result.params["w"] == pytest.approx(2.0)


def test_a_chain_on_several_inputs_starts_with_a_neuron():
    """chain:M on k-input data: the first layer is the notes' neuron; the notes' formulas for a
    one-layer chain are then the true gradient, and finite differences agree with both."""
    model = parse_model("chain:1", inputs=2)
    assert len(model.inputs) == 2 and len(model.parameters) == 3
    data = load_dataset("and")
    params = initial_parameters(model, seed=3)
    true_cost, true_grad = numpy_gradient(model)(params, data.inputs, data.targets)
    notes_cost, notes_grad = notes_gradient(model)(params, data.inputs, data.targets)
    assert notes_cost == pytest.approx(true_cost, rel=1e-12)
    assert notes_grad == pytest.approx(true_grad, rel=1e-9)
    deeper = parse_model("chain:3", inputs=2)
    params = initial_parameters(deeper, seed=3)
    _, true_grad = numpy_gradient(deeper)(params, data.inputs, data.targets)
    _, notes_grad = notes_gradient(deeper)(params, data.inputs, data.targets)
    assert notes_grad[-2:] == pytest.approx(true_grad[-2:], rel=1e-9)  # the top layer is right
    assert notes_grad[:2] != pytest.approx(true_grad[:2], rel=1e-3)  # the first layer is not
