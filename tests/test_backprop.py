import pytest
import sympy as sp

from symgrad.notation import SAMPLE, family
from symgrad.train.backprop import backprop
from symgrad.train.models import parse_model


@pytest.mark.parametrize("spec", ["linear", "neuron:2", "chain:2", "chain:3", "chain:2:tanh", "dense:2-2-1", "neuron:1:relu"])
def test_agrees_with_diff_of_the_whole_cost(spec):
    """The layer-wise gradient equals sympy.diff of the composed cost (1/n) Σ (out_i − y_i)²."""
    model = backprop(parse_model(spec)).model
    program = backprop(model)
    loss, gradients = program.expanded()
    per_sample = {s: family(str(s))[SAMPLE] for s in model.inputs + (model.target,)}
    cost = model.cost()
    assert sp.expand(loss.xreplace(per_sample) - cost.args[1].function) == 0
    for p, g in zip(model.parameters, gradients):
        true = sp.diff(cost, p)  # (1/n) Sum(∂ summand)
        (total,) = [a for a in true.args if isinstance(a, sp.Sum)]
        assert sp.expand(total.function - g.xreplace(per_sample)) == 0, p


def test_program_grows_linearly_with_depth():
    sizes = {m: backprop(parse_model(f"chain:{m}")) for m in (4, 8, 16)}
    steps = {m: len(p.steps) for m, p in sizes.items()}
    assert steps[16] - steps[8] == 2 * (steps[8] - steps[4])
    largest = {m: max(sp.count_ops(e) for _, e in p.steps) for m, p in sizes.items()}
    assert largest[4] == largest[16]  # no step swells with depth


def test_local_derivatives_reuse_the_activation():
    program = backprop(parse_model("chain:1"))
    symbols = dict(program.steps)
    a = sp.Symbol("a1_1", real=True)
    dz = [e for s, e in program.steps if s.name == "dz1_1"][0]
    assert dz.has(a) and not dz.has(symbols[a])  # a(1 − a), not σ(z)(1 − σ(z))
    assert program.scale == 2
