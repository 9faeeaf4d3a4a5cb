import argparse
import json
import subprocess
import sys

import pytest

from symgrad.train.commands import add_codegen_parser, add_train_parser


def run(*argv):
    parser = argparse.ArgumentParser(prog="symgrad")
    subparsers = parser.add_subparsers(required=True)
    add_train_parser(subparsers)
    add_codegen_parser(subparsers)
    args = parser.parse_args(argv)
    return args.func(args)


def test_train_xor_prints_progress_and_final_cost(capsys):
    assert run("train", "--model", "dense:2-2-1", "--data", "xor", "--steps", "20000", "--rate", "1", "--seed", "0") == 0
    out = capsys.readouterr().out
    assert out.count("\nstep ") == 10  # steps 0, 2000, …, 18000
    final = float(out.split("final cost ")[1].split()[0])
    assert final < 0.01


def test_train_json(capsys):
    assert run("train", "--model", "linear", "--data", "linear", "--steps", "100", "--rate", "0.05",
               "--every", "10", "--format", "json") == 0
    document = json.loads(capsys.readouterr().out)
    assert {"model", "final_cost", "costs", "params"} <= document.keys()
    assert document["model"] == "linear" and len(document["costs"]) == 11
    assert document["params"]["w"] == pytest.approx(2.0) and document["costs"][-1] == document["final_cost"]


def test_check_exposes_the_notes_chain(capsys):
    assert run("train", "--model", "chain:2", "--data", "linear", "--steps", "1", "--gradient", "notes",
               "--check", "--format", "json") == 0
    errors = {c["name"]: c["relative_error"] for c in json.loads(capsys.readouterr().out)["check"]}
    assert errors["w2"] < 1e-6 and errors["w1"] > 1e-3


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--model", "dense:2-x-1", "--data", "xor"], "symgrad: error: dense:A-B-…-1 needs positive layer sizes"),
        (["--model", "linear", "--data", "missing.csv"], "symgrad: error: no built-in data set or file named"),
        (["--model", "linear", "--data", "xor"], "symgrad: error: linear takes 1 input(s); xor has 2"),
        (["--model", "dense:2-2-1", "--data", "xor", "--gradient", "notes"], "symgrad: error: the notes give formulas"),
        (["--model", "linear", "--data", "linear", "--steps", "-1"], "symgrad: error: --steps"),
    ],
)
def test_input_errors_exit_2_with_a_message(argv, message, capsys):
    assert run("train", *argv) == 2
    assert capsys.readouterr().err.startswith(message)


def test_bad_csv_line_is_located(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("1,2\n2,4\n3,x6\n")
    assert run("train", "--model", "linear", "--data", str(path)) == 2
    assert capsys.readouterr().err == f"{path}:3:3: error: expected a finite number, got 'x6'\n"


def test_codegen_writes_a_file_and_rejects_bad_specs(tmp_path, capsys):
    out = tmp_path / "chain.c"
    assert run("codegen", "--model", "chain:3", "--target", "c", "-o", str(out)) == 0
    assert "void chain_3_grad(const double *params" in out.read_text()
    assert run("codegen", "--model", "chain:-3", "--target", "numpy") == 2
    assert "error" in capsys.readouterr().err


def test_codegen_numpy_to_stdout_runs_without_symgrad(tmp_path, capsys):
    assert run("codegen", "--model", "neuron:2", "--target", "numpy") == 0
    module = tmp_path / "neuron.py"
    module.write_text(capsys.readouterr().out)
    script = ("import sys, numpy; sys.modules['symgrad'] = None; sys.modules['sympy'] = None; import neuron; "
              "print(neuron.neuron_2_grad([1.0, -1.0, 0.5], [numpy.ones(3), numpy.zeros(3)], numpy.ones(3))[0])")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert 0 < float(done.stdout) < 1
