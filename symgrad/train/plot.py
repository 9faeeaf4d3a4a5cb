"""Cost curves of training runs, to see what a wrong gradient does to training.

matplotlib is an optional extra, imported only here and only when a figure is asked for; the
object-oriented API (no pyplot) keeps it free of global state and of any display backend.
"""

from __future__ import annotations

from pathlib import Path

from symgrad.train.descent import TrainResult

INSTALL = "pip install 'symgrad[plot]'"
SUFFIXES = (".svg", ".png", ".pdf")
#: How each gradient's curve is told apart, in colour and in line style.
STYLES = {
    "true": {"label": "true gradient", "color": "#1f77b4", "linestyle": "-"},
    "notes": {"label": "the notes' formulas", "color": "#d62728", "linestyle": "--"},
}


class PlotError(Exception):
    """A figure cannot be drawn: no matplotlib, or a file type it is not asked to write."""


def check_can_plot(path: str) -> None:
    """Fail before training, not after, when the figure could not be written."""
    if Path(path).suffix.lower() not in SUFFIXES:
        raise PlotError(f"--plot FILE must end in {', '.join(SUFFIXES)}, not {path!r}")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise PlotError(f"--plot needs matplotlib, which is not installed; install it with: {INSTALL}") from None


def cost_figure(runs: list[TrainResult], path: str) -> None:
    """Draw the cost before every step, and the final cost, of each run on one log-scale plot."""
    check_can_plot(path)
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 4.2), layout="constrained")
    axes = figure.add_subplot()
    for run in runs:
        costs = run.costs + [run.final_cost]
        axes.plot(range(len(costs)), costs, linewidth=1.8, **STYLES[run.gradient])
    first = runs[0]
    axes.set_yscale("log")
    axes.set_xlabel("gradient-descent step")
    axes.set_ylabel("cost C (log scale)")
    axes.set_title(f"{first.model} on {first.data}: rate {first.rate}, seed {first.seed}")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.savefig(path)
