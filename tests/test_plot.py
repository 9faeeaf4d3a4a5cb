"""`symgrad train --plot` and `--compare-notes`: cost curves of the true gradient and the notes' formulas."""

import json
import sys

import numpy as np
import pytest

from symgrad.cli import main


@pytest.fixture
def step_data(tmp_path):
    """One input, a step from 0.1 to 0.9: the chain learns it, the notes' back-propagation does not."""
    x = np.linspace(-2, 2, 8)
    path = tmp_path / "step.csv"
    path.write_text("".join(f"{a:.4f},{0.9 if a > 0 else 0.1}\n" for a in x))
    return str(path)


def test_compare_notes_trains_with_both_gradients(step_data, capsys):
    assert main(["train", "--model", "chain:3", "--data", step_data, "--steps", "1500", "--rate", "1",
                 "--compare-notes", "--format", "json"]) == 0
    runs = json.loads(capsys.readouterr().out)["runs"]
    assert [run["gradient"] for run in runs] == ["true", "notes"]
    assert runs[0]["costs"][0] == pytest.approx(runs[1]["costs"][0])  # the same start
    assert runs[0]["final_cost"] < 0.01 < runs[1]["final_cost"]


def test_compare_notes_and_gradient_exclude_each_other(capsys):
    assert main(["train", "--model", "linear", "--data", "linear", "--compare-notes", "--gradient", "notes"]) == 2
    assert "symgrad: error: --compare-notes" in capsys.readouterr().err


def test_without_matplotlib_plot_says_how_to_install_it(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib raises ImportError
    figure = tmp_path / "cost.svg"
    assert main(["train", "--model", "linear", "--data", "linear", "--plot", str(figure)]) == 2
    out, err = capsys.readouterr()
    assert err == "symgrad: error: --plot needs matplotlib, which is not installed; " \
                  "install it with: pip install 'symgrad[plot]'\n"
    assert out == "" and not figure.exists()  # refused before training


def test_plot_refuses_an_unknown_file_type(tmp_path, capsys):
    assert main(["train", "--model", "linear", "--data", "linear", "--plot", str(tmp_path / "cost.txt")]) == 2
    assert "--plot FILE must end in .svg, .png, .pdf" in capsys.readouterr().err


def test_compare_notes_draws_both_curves_on_a_log_scale(step_data, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    figure = tmp_path / "cost.svg"
    assert main(["train", "--model", "chain:3", "--data", step_data, "--steps", "1000", "--rate", "1",
                 "--compare-notes", "--plot", str(figure)]) == 0
    assert capsys.readouterr().out.count("final cost") == 2
    svg = figure.read_text()
    # matplotlib's SVG names every text it draws in a comment, and every curve a line2d group
    for text in ("true gradient", "the notes' formulas", "cost C (log scale)", "gradient-descent step",
                 "chain:3 on step.csv: rate 1.0, seed 0", r"$\mathdefault{10^{-1}}$", r"$\mathdefault{10^{-2}}$"):
        assert f"<!-- {text} -->" in svg, text
    curves = svg.split('<g id="line2d_')[1:]
    assert any("#1f77b4" in c for c in curves)  # the true gradient, solid
    assert any("#d62728" in c and "stroke-dasharray" in c for c in curves)  # the notes' formulas, dashed


def test_plot_writes_a_png(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    figure = tmp_path / "cost.png"
    assert main(["train", "--model", "linear", "--data", "linear", "--steps", "50", "--plot", str(figure)]) == 0
    assert figure.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
