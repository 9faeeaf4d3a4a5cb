"""Turn a back-propagation program into an ordered list of statements every backend prints.

The schedule runs common-subexpression elimination over the whole program, places each
shared subexpression just before its first use, turns every mean over samples into a
reduction placed as soon as its operands exist (so the adjoint it reads can be freed early),
and records after which statement each per-sample value is dead.  NumPy code frees arrays
there; loop code (scalar Python, C) ignores it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from symgrad.train.backprop import Program
from symgrad.train.models import identifier


@dataclass(frozen=True)
class Assign:
    """``target = expr``; `per_sample` tells an array (one value per sample) from a scalar."""

    target: sp.Symbol
    expr: sp.Expr
    per_sample: bool


@dataclass(frozen=True)
class Reduce:
    """``slot = factor · (1/n) Σ_i Π operands``; slot 0 is the cost, slot p + 1 parameter p.

    `operands` are one or two per-sample symbols (two equal ones for a square); `factor` holds
    the scalar part: the loss constant, parameter-only factors and nothing per sample.
    """

    slot: int
    factor: sp.Expr
    operands: tuple[sp.Symbol, ...]


@dataclass
class Schedule:
    """The statements in order, the dead per-sample values after each, in identifier names."""

    inputs: tuple[sp.Symbol, ...]
    target: sp.Symbol
    parameters: tuple[sp.Symbol, ...]
    statements: list[Assign | Reduce] = field(default_factory=list)
    dead_after: list[list[sp.Symbol]] = field(default_factory=list)


def schedule(program: Program) -> Schedule:
    """Schedule `program` with CSE, early reductions and liveness, in identifier-named symbols."""
    program, names = _renamed(program)
    model = program.model
    out = Schedule(tuple(names[s] for s in model.inputs), names[model.target], tuple(names[p] for p in model.parameters))
    steps = list(program.steps)
    temps = sp.numbered_symbols("t", real=True)
    shared, reduced = sp.cse([e for _, e in steps] + [program.loss, *program.gradients], symbols=temps, order="none")
    definitions = dict(shared)
    per_sample = set(out.inputs) | {out.target} | {s for s, _ in steps}
    for symbol, expr in shared:
        if expr.free_symbols & per_sample:
            per_sample.add(symbol)
    defined = set(out.inputs) | {out.target} | set(out.parameters)
    aliases: dict[sp.Symbol, sp.Expr] = {}

    def available(symbol: sp.Symbol) -> bool:
        if symbol in defined:
            return True
        return symbol in definitions and all(available(s) for s in definitions[symbol].free_symbols)

    def define(symbol: sp.Symbol, expr: sp.Expr) -> sp.Symbol:
        for needed in sorted(expr.free_symbols - defined, key=sp.default_sort_key):
            define(needed, definitions[needed])
        expr = expr.xreplace(aliases)
        if expr.is_Symbol:
            aliases[symbol] = expr
        else:
            out.statements.append(Assign(symbol, expr, bool(expr.free_symbols & per_sample)))
            per_sample.update({symbol} if expr.free_symbols & per_sample else set())
        defined.add(symbol)
        return aliases.get(symbol, symbol)

    def reduce(slot: int, scale: sp.Expr, summand: sp.Expr) -> None:
        coefficient, rest = summand.xreplace(aliases).as_coeff_Mul()
        factors = sp.Mul.make_args(rest)
        scalar = [f for f in factors if not f.free_symbols & per_sample]
        arrays = [f for f in factors if f.free_symbols & per_sample]
        if len(arrays) == 1 and arrays[0].is_Pow and arrays[0].exp == 2:
            arrays = [arrays[0].base] * 2
        if len(arrays) != 2 and len(arrays) != 1:
            arrays = [sp.Mul(*arrays)]
        operands = tuple(define(a, definitions[a]) if a in definitions and a not in defined
                         else a if a.is_Symbol else define(next(temps), a) for a in arrays)
        out.statements.append(Reduce(slot, scale * coefficient * sp.Mul(*scalar), operands))

    pending = [(slot, 1 if slot == 0 else program.scale, summand)
               for slot, summand in enumerate(reduced[len(steps):])]
    for (symbol, _), expr in zip(steps, reduced):
        define(symbol, expr)
        ready = [r for r in pending if all(available(s) for s in r[2].free_symbols)]
        pending = [r for r in pending if r not in ready]
        for reduction in ready:
            reduce(*reduction)
    assert not pending, "every reduction's operands exist by the end of the program"
    out.dead_after = _liveness(out.statements, per_sample)
    return out


def _liveness(statements, per_sample) -> list[list[sp.Symbol]]:
    """For each statement, the per-sample values it is the last to read."""
    last_use: dict[sp.Symbol, int] = {}
    for index, statement in enumerate(statements):
        used = statement.expr.free_symbols if isinstance(statement, Assign) else set(statement.operands)
        for symbol in used:
            last_use[symbol] = index
    dead: list[list[sp.Symbol]] = [[] for _ in statements]
    defined_here = {s.target for s in statements if isinstance(s, Assign)}
    for symbol, index in last_use.items():
        if symbol in per_sample and symbol in defined_here:
            dead[index].append(symbol)
    for names in dead:
        names.sort(key=sp.default_sort_key)
    return dead


def _renamed(program: Program) -> tuple[Program, dict[sp.Symbol, sp.Symbol]]:
    """The same program with every parameter and sample symbol named by its identifier."""
    model = program.model
    names = {s: sp.Symbol(identifier(s), real=True) for s in model.parameters + model.inputs + (model.target,)}
    renamed = Program(
        model=model,
        steps=tuple((s, e.xreplace(names)) for s, e in program.steps),
        loss=program.loss.xreplace(names),
        gradients=tuple(g.xreplace(names) for g in program.gradients),
        scale=program.scale,
    )
    return renamed, names
