"""Training on a NaN or infinite cost stops with the step and the parameters, never silently.

A learning rate of 10^6 on the linear model multiplies w by about -10^6 per step, so the cost
overflows to inf after a few dozen steps; both code paths (the scalar loop for small data, the
vectorised one otherwise) must say where, and the parameters they report must reproduce it.
"""

import math
import subprocess
import sys

import numpy as np
import pytest

import symgrad.train.descent as training
from symgrad.train.codegen.numpy_trainer import numpy_gradient
from symgrad.train.datasets import load_dataset
from symgrad.train.descent import TrainingDiverged, train
from symgrad.train.models import parse_model

MODEL, DATA = parse_model("linear"), load_dataset("linear")


@pytest.mark.parametrize("scalar_limit", [training.SCALAR_LIMIT, 0], ids=["scalar", "vectorised"])
def test_an_infinite_cost_stops_training_with_the_step_and_parameters(monkeypatch, scalar_limit):
    monkeypatch.setattr(training, "SCALAR_LIMIT", scalar_limit)
    with pytest.raises(TrainingDiverged) as raised:
        train(MODEL, DATA, steps=200, rate=1e6, seed=0)
    error = raised.value
    assert 0 < error.step < 200 and not math.isfinite(error.cost)
    assert f"at step {error.step}" in str(error) and "w = " in str(error)
    with np.errstate(over="ignore", invalid="ignore"):
        cost, _ = numpy_gradient(MODEL)(np.array([error.params["w"]]), DATA.inputs, DATA.targets)
    assert not np.isfinite(cost), "the reported parameters give the non-finite cost"


def test_both_paths_stop_at_the_same_step(monkeypatch):
    steps = []
    for limit in (training.SCALAR_LIMIT, 0):
        monkeypatch.setattr(training, "SCALAR_LIMIT", limit)
        with pytest.raises(TrainingDiverged) as raised:
            train(MODEL, DATA, steps=200, rate=1e6, seed=0)
        steps.append(raised.value.step)
    assert steps[0] == steps[1]


def test_a_stable_rate_trains_without_complaint():
    assert math.isfinite(train(MODEL, DATA, steps=50, rate=0.05, seed=0).final_cost)


def test_the_cli_reports_divergence_without_a_traceback():
    command = [sys.executable, "-m", "symgrad", "train", "--model", "linear", "--data", "linear", "--steps", "200", "--rate", "1e6"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "error: the cost is inf at step" in run.stderr and "Traceback" not in run.stderr
