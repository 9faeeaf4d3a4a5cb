"""A gradient-descent loop in plain Python floats, for data sets of a handful of samples.

On four XOR samples every NumPy call costs more than the arithmetic it does, so a vectorised
step is dominated by call overhead.  This loop keeps the parameters in local variables and
walks the samples one by one with the math module: a few microseconds per step.
"""

from __future__ import annotations

from symgrad.train.codegen.printers import FloatPrinter
from symgrad.train.codegen.schedule import Assign, Schedule


def descent_source(plan: Schedule, name: str) -> str:
    """Source of ``name(params, samples, rate, steps, costs) -> params``.

    `samples` is a sequence of tuples (x_1, …, x_k, y); each step appends the cost at the
    parameters it starts from to the list `costs`, then moves every parameter by
    −rate · gradient.
    """
    printer = FloatPrinter()
    params = [p.name for p in plan.parameters]
    sums = ["cost"] + [f"g_{p}" for p in params]
    hoisted = [s for s in plan.statements if isinstance(s, Assign) and not s.per_sample]
    looped = [s for s in plan.statements if s not in hoisted]
    sample = ", ".join(s.name for s in plan.inputs + (plan.target,))
    lines = [
        "import math",
        "",
        "",
        f"def {name}(params, samples, rate, steps, costs):",
        f"    {', '.join(params)}, = params",
        "    n = len(samples)",
        "    step = rate/n",
        "    for _ in range(steps):",
        *(f"        {s.target.name} = {printer.doprint(s.expr)}" for s in hoisted),
        f"        {' = '.join(sums)} = 0.0",
        f"        for {sample}, in samples:",
    ]
    for statement in looped:
        if isinstance(statement, Assign):
            lines.append(f"            {statement.target.name} = {printer.doprint(statement.expr)}")
        else:
            product = "*".join(s.name for s in statement.operands)
            lines.append(f"            {sums[statement.slot]} += {product}")
    factors = {s.slot: s.factor for s in plan.statements if not isinstance(s, Assign)}
    lines.append(f"        costs.append({_times(printer, factors[0])}cost/n)")
    for slot, p in enumerate(params, start=1):
        lines.append(f"        {p} -= {_times(printer, factors[slot])}step*{sums[slot]}")
    lines.append(f"    return [{', '.join(params)}]")
    return "\n".join(lines) + "\n"


def _times(printer: FloatPrinter, factor) -> str:
    return "" if factor == 1 else f"{printer.doprint(factor)}*"
