"""What a formula means: its syntax tree, read in a document's notation, built into SymPy (never eval).

The :class:`Resolver` decides everything the grammar leaves open: whether ``a_i(1 - a_i)``
applies ``a`` or multiplies by it, whether ``x_i`` is sample i of a family, what ``^{(2)}`` is,
what a Σ, a lim or a ∂ applies to, what ``t_1 + … + t_n`` sums.  A prime on a parenthesis
differentiates by :data:`PRIME`, a placeholder the document reader replaces by the variable of
the line being continued.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from fractions import Fraction as Rational

import sympy as sp

from symgrad.notation import family, plain
from symgrad.reader import syntax as node
from symgrad.reader.errors import ReadError
from symgrad.reader.source import Snippet
from symgrad.reader.vocabulary import Vocabulary

#: The variable of a prime written on a parenthesis, ``(…)'``, until the reader knows it.
PRIME = sp.Dummy("prime", real=True)

#: The most digits a number written as a power may have (10^{10^{10}} is refused, not computed).
MAX_DIGITS = 1000


@dataclass
class Formula:
    """A resolved statement: its sides (and `written`, their syntax), whether it starts or ends
    with '=', or is a remark; `used` are the names it uses (with their positions), `primes` where
    it writes primes."""

    sides: list
    leading: bool = False
    trailing: bool = False
    remark: bool = False
    used: list = field(default_factory=list)
    primes: list = field(default_factory=list)
    written: tuple = ()
    operators: tuple = ()  # between the sides: "=", ":=", "←", "≈"
    domain: list = field(default_factory=list)  # where the written parts are real: ln u needs u > 0
    readings: list = field(default_factory=list)  # how layouts that could be read two ways were read


def _digits_of_power(base, exponent) -> float:
    """About how many digits base**exponent has when both are exact numbers (else 0): SymPy
    computes such a power at once, 2^{(10^{12}+1)/2} included."""
    if not (base.is_Rational and exponent.is_Rational) or abs(base) in (0, 1):
        return 0
    return abs(float(exponent)) * math.log10(max(abs(base.p), abs(base.q)))


class Resolver:
    """Builds the SymPy value of one formula's syntax tree in a vocabulary."""

    def __init__(self, vocabulary: Vocabulary, snippet: Snippet):
        self.vocab, self.snippet = vocabulary, snippet
        self.used: list[tuple[str, int]] = []
        self.primes: list[int] = []
        #: The variables bound by the Σ and lim being read, innermost last: name → symbol.
        self.bound: list[tuple[str, sp.Symbol]] = []
        #: Where the parts written so far are real numbers (before SymPy simplifies e^{ln w} to w).
        self.domain: list = []
        #: How a layout that could be read two ways was read (∂_w 2 w x: the whole product).
        self.readings: list[str] = []

    def error(self, message: str, at) -> ReadError:
        return ReadError(message, self.snippet, at if isinstance(at, int) else at.start)

    def formula(self, tree) -> Formula:
        """The statement: a relation, a remark, or a lone expression."""
        if isinstance(tree, node.Relation):
            formula = Formula([self.side(side) for side in tree.sides], tree.leading, tree.trailing,
                              written=tree.sides, operators=tree.operators)
        elif isinstance(tree, node.Remark):
            formula = Formula([self.side(tree.body)], remark=True, written=(tree.body,))
        else:
            formula = Formula([self.side(tree)], written=(tree,))
        formula.used, formula.primes = self.used, self.primes
        formula.domain = list(dict.fromkeys(self.domain))
        formula.readings = list(dict.fromkeys(self.readings))
        return formula

    def _needs(self, condition) -> None:
        """Record where a written part is defined (for every sample, inside a sum), unless it always is (e^x > 0)."""
        if condition is not sp.true:
            self.domain.append(condition)

    def side(self, item) -> sp.Expr:
        """One side of a statement: a real number wherever it is defined, never 0/0 or ∞ as written."""
        try:
            value = self.value(item)
        except RecursionError:
            raise self.error("the formula is nested too deeply to read", item) from None
        if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            raise self.error("this side has no value as written (a division by zero?)", item)
        if any(max(abs(r.p), abs(r.q)).bit_length() > 4 * MAX_DIGITS for r in value.atoms(sp.Rational)):
            raise self.error(f"a number on this side has more than {MAX_DIGITS} digits", item)
        return value

    def value(self, item) -> sp.Expr:
        """The SymPy value of a node (one method per node type, like SymPy's printers)."""
        method = getattr(self, "_" + type(item).__name__, None)
        if method is None:
            raise self.error(f"cannot read {type(item).__name__} here", item)
        return method(item)

    # -- sums and products ------------------------------------------------------------------
    def _Terms(self, item: node.Terms) -> sp.Expr:
        entries, terms, k = item.terms, [], 0
        while k < len(entries):
            sign, term = entries[k]
            if isinstance(term, node.Dots):
                if not terms or k + 1 == len(entries) or isinstance(entries[k + 1][1], node.Dots):
                    raise self.error(r"\dots must stand between two terms: t_1 + \dots + t_n", term)
                last_sign, last = entries[k + 1]
                terms.append(self._ellipsis(terms.pop(), last_sign * self.value(last), term))
                k += 2
                continue
            terms.append(sign * self.value(term))
            k += 1
        return sp.Add(*terms)

    def _ellipsis(self, first, last, dots: node.Dots) -> sp.Sum:
        """t_1 + … + t_n: the sum over the index of the term both ends are instances of."""
        index = self.vocab.index_symbol
        ends = []
        for term in (first, last):
            positions = {ind.indices for ind in term.atoms(sp.Indexed)}
            if len(positions) != 1 or len(next(iter(positions))) != 1:
                raise self.error(r"cannot read '\dots' as a sum: each end should use one sample, like x_1 … x_n", dots)
            (position,) = next(iter(positions))
            general = term.replace(
                lambda e, v=position: isinstance(e, sp.Indexed) and e.indices == (v,), lambda e: e.base[index]
            )
            ends.append((position, general))
        (low, body), (high, other) = ends
        if body != other:
            raise self.error(r"the terms around '\dots' differ by more than their sample index", dots)
        if _certainly_nonnegative(low - high) and low != high:  # x_n + … + x_1: written from the top down
            low, high = high, low
        elif not _certainly_nonnegative(high - low):
            raise self.error(r"cannot tell which way '\dots' runs: write the smaller end first", dots)
        if not (low - 1).is_nonnegative:  # x_0 + … + x_n: the index is not positive
            nonnegative = {"nonnegative": True} if low.is_nonnegative else {}
            variable = sp.Symbol(index.name, integer=True, **nonnegative)
            body = body.xreplace({index: variable})
            index = variable
        return sp.Sum(body, (index, low, high))

    def _Negated(self, item: node.Negated) -> sp.Expr:
        if isinstance(item.body, node.Dots):
            raise self.error(r"\dots must stand between two terms: t_1 + \dots + t_n", item.body)
        return -self.value(item.body)

    def _Dots(self, item: node.Dots):
        raise self.error(r"\dots must stand between two terms: t_1 + \dots + t_n", item)

    def _Product(self, item: node.Product) -> sp.Expr:
        return self._product(item.items, 0)

    def _product(self, items, k) -> sp.Expr:
        factors = []
        for item in items[k:]:
            if isinstance(item, node.Fraction) and item.juxtaposed:
                raise self.error("a / b c may divide by b or by b c: write \\frac{a}{b c}, or (a/b) c", item)
        first = next((j for j in range(k, len(items)) if self._typographic_function(items[j]) is not None), None)
        if first is not None:
            items = self._products_split(items, first + 1)
        while k < len(items):
            factor, k = self._factor(items, k)
            factors.append(factor)
        return sp.Mul(*factors)

    def _factor(self, items, k):
        """The value of items[k], and where the next factor starts: an operator takes what follows,
        and so does a function written without parentheses (\\ln a_i, \\tanh^2 z)."""
        item = items[k]
        function = self._typographic_function(item)
        if function is not None:
            return self._applied_without_parentheses(item, function, items, k)
        if not isinstance(item, node.OPERATORS):
            return self.value(item), k + 1
        if k + 1 == len(items):
            raise self.error(f"{_operator_symbol(item)} has nothing after it to apply to", item)
        if isinstance(item, node.DerivativeOperator):
            variable = self._differentiation_variable(item)
            if self.vocab.partial == "factor":
                body, end = self._factor(items, k + 1)
            else:
                body, end = self._product(items, k + 1), len(items)
                if end - k > 2:
                    self.readings.append(f"∂/∂{plain(variable)} is read as applying to the whole product after it, {plain(body)}")
            return sp.Derivative(body, (variable, item.order)), end
        if isinstance(item, node.PairSumOperator):
            return self._pair_sum(item, items, k + 1), len(items)
        if isinstance(item, node.SumOperator):
            low = sp.S.One if item.low is None else self.value(item.low)
            high = self._every_sample(item) if item.high is None else self.value(item.high)
            variable = self._bound(item.variable, low)
            body = self._bound_body(item.variable.word, variable, items, k + 1)
            return sp.Sum(body, (variable, low, high)), len(items)
        point = self.value(item.point)
        variable = self._bound(item.variable)
        body = self._bound_body(item.variable.word, variable, items, k + 1)
        return sp.Limit(body, variable, point, dir="+-"), len(items)

    def _pair_sum(self, item: node.PairSumOperator, items, k) -> sp.Expr:
        """Σ_{i<j} f: over the pairs of samples 1 ≤ i < j ≤ n (≤, ≠, >, ≥ likewise; the limits as
        written in Σ_{1 ≤ i < j ≤ n}); inside Σ_i, Σ_{j≠i} is a sum over j alone.  Printed."""
        low, high = self._pair_limits(item)
        names = (item.first, item.second)
        around = [name for name in names if self.bound_symbol(name.word) is not None]
        if len(around) == 1:
            return self._sum_beside(item, around[0], low, high, items, k)
        first, second = (self._bound(name, sp.S.One) for name in names)
        if first == second or self.vocab.index not in (item.first.word, item.second.word):
            raise self.error(f"a sum over pairs runs over two sample numbers, one of them {self.vocab.index}: "
                             f"\\sum_{{{self.vocab.index}<j}}", item)
        self.bound += [(item.first.word, first), (item.second.word, second)]
        try:
            body = self._product(items, k)
        finally:
            del self.bound[-2:]
        self.readings.append(f"Σ_{{{first} {item.relation} {second}}} is read as the sum over the pairs of samples "
                             f"with {first} {item.relation} {second}, each from {plain(low)} to {plain(high)}")
        if item.relation == "≠":
            every = sp.Sum(sp.Sum(body, (first, low, high)), (second, low, high))
            return every - sp.Sum(body.xreplace({second: first}), (first, low, high))
        if item.relation in (">", "≥"):
            first, second = second, first
        below = second - 1 if item.relation in ("<", ">") else second
        return sp.Sum(sp.Sum(body, (first, low, below)), (second, low, high))

    def _pair_limits(self, item: node.PairSumOperator) -> tuple:
        """The range both numbers run over: 1 … n, or as written (1 ≤ i < j ≤ n; 1 < i: from 2)."""
        if item.bounds is None:
            return sp.S.One, self.vocab.count_symbol
        low, low_relation, high_relation, high = item.bounds
        if low_relation not in ("<", "≤") or high_relation not in ("<", "≤"):
            raise self.error("write the limits of a sum over pairs in increasing order: \\sum_{1 \\le i < j \\le n}", item)
        low, high = self.value(low), self.value(high)
        return low + int(low_relation == "<"), high - int(high_relation == "<")

    def _sum_beside(self, item: node.PairSumOperator, around, low, high, items, k) -> sp.Expr:
        """Σ_{j≠i} inside Σ_i: a sum over j alone, beside the i of the sum around it."""
        fixed = self.bound_symbol(around.word)
        name = item.second if around is item.first else item.first
        relation = item.relation if name is item.first else {"<": ">", ">": "<", "≤": "≥", "≥": "≤"}.get(item.relation, item.relation)
        variable = self._bound(name, sp.S.One)
        body = self._bound_body(name.word, variable, items, k)
        self.readings.append(f"Σ_{{{item.first.word} {item.relation} {item.second.word}}} is read as the sum over "
                             f"{variable} = {plain(low)} … {plain(high)} with {variable} {relation} {fixed}, "
                             f"for the {fixed} of the sum around it")
        if relation == "≠":
            return sp.Sum(body, (variable, low, high)) - body.xreplace({variable: fixed})
        ranges = {"<": (low, fixed - 1), "≤": (low, fixed), ">": (fixed + 1, high), "≥": (fixed, high)}
        return sp.Sum(body, (variable, *ranges[relation]))

    def _every_sample(self, item: node.SumOperator) -> sp.Expr:
        """Σ_i with no limits: over every sample, i = 1 … n, when i is the sample index (printed)."""
        if item.variable.word != self.vocab.index:
            raise self.error(f"a sum over {item.variable.word} needs both limits, as in "
                             f"\\sum_{{{item.variable.word}=1}}^{{d}}: only the sample index runs over every sample", item)
        count = self.vocab.count_symbol
        self.readings.append(f"Σ_{item.variable.word} is read as the sum over every sample, "
                             f"{item.variable.word} = 1 … {plain(count)}")
        return count

    def _typographic_function(self, item):
        """The function a command names when it is written without parentheses (\\ln, \\tanh^2)."""
        name = item.base if isinstance(item, node.Power) else item
        if not isinstance(name, node.Name) or name.word not in self.vocab.typographic:
            return None
        if name.layer is not None:
            return None
        if name.sub is not None:
            return self._log_to_base(name)
        return self.vocab.function(name.word)

    def _applied_without_parentheses(self, item, function, items, k):
        """``\\ln a_i`` is ln(a_i): the function takes the factors after it, up to the next
        function or operator; ``\\tanh^2 z`` is tanh(z)²."""
        name = item.base if isinstance(item, node.Power) else item
        end = k + 1
        while end < len(items) and self._typographic_function(items[end]) is None and not isinstance(items[end], node.OPERATORS):
            if end > k + 1 and isinstance(items[end], node.Paren):
                # \tanh z\,(1 - \tanh^2 z): the parenthesis is the next factor, not more argument
                self.readings.append(f"{name.word} is read as applying to the factors before the parenthesis after it")
                break
            end += 1
        if end > k + 1 and isinstance(items[k + 1], node.Paren):
            end = k + 2  # \operatorname{sech}^2(u)\, x: the parenthesis is the argument, x a factor
        if end == k + 1 and end < len(items) and self._typographic_function(items[end]) is not None:
            argument, end = self._factor(items, end)  # \log\cosh r: log(cosh(r))
        elif end == k + 1:
            raise self.error(f"{name.word} has nothing after it to apply to", item)
        else:
            argument = self._product(items[k + 1 : end], 0)
        if end - k > 2:
            self.readings.append(f"{name.word} is read as applying to {plain(argument)}, the factors after it")
        self._logarithm_read(function, argument)
        value = function(argument)
        if isinstance(item, node.Power):
            self._refuse_inverse_notation(item)
            value = self._power_of(value, self.value(item.exponent), item)
        return value, end

    def _products_split(self, items, k):
        """\\tanh z(1 - z) and \\tanh z\\,(1 - z): z(1 - z) is z times a parenthesis (z is no function),
        so the parenthesis is a factor of its own after the function's argument."""
        splits = [j for j in range(k, len(items)) if isinstance(items[j], node.Call) and not items[j].primes
                  and len(items[j].args) == 1 and self._function_of(items[j].name) is None
                  and not self._looks_like_a_function(items[j].name)]
        for j in reversed(splits):
            call = items[j]
            items = (*items[:j], call.name, node.Paren(call.args[0], call.start), *items[j + 1:])
        return items

    def _refuse_inverse_notation(self, item: node.Power) -> None:
        """\\sin^{-1} x is arcsin x to some readers and 1/sin x to others: ask which."""
        name = item.base  # σ(z)^{-1} is 1/σ(z): only a power written on the function's name is ambiguous
        if not isinstance(name, node.Name) or self._function_of(name) is None and name.word not in self.vocab.typographic:
            return
        exponent = self.value(item.exponent)
        if exponent.is_number and exponent.is_negative:
            raise self.error(
                f"{name.word}^{{{exponent}}} may be the inverse function or a power: write 1/{name.word}(…) for the power",
                item)

    def _bound_body(self, name: str, variable: sp.Symbol, items, k) -> sp.Expr:
        """The rest of the product, read with `name` standing for the bound `variable`."""
        self.bound.append((name, variable))
        try:
            return self._product(items, k)
        finally:
            self.bound.pop()

    def bound_symbol(self, name: str) -> sp.Symbol | None:
        """The variable a Σ or lim around this point binds to `name`, if any."""
        for bound_name, symbol in reversed(self.bound):
            if bound_name == name:
                return symbol
        return None

    # -- operators --------------------------------------------------------------------------

    def _differentiation_variable(self, item: node.DerivativeOperator):
        variable = self._variable(item.variable) if item.order == 1 else self.value(item.variable)
        if item.order > 1:  # \frac{d^{2}}{d w^{2}}: the variable is written with the order as a power
            if not (isinstance(variable, sp.Pow) and variable.exp == item.order):
                raise self.error(f"a derivative of order {item.order} is written d w^{{{item.order}}} below", item)
            variable = variable.base
        if not isinstance(variable, (sp.Symbol, sp.Indexed)):
            raise self.error(f"∂ needs a variable to differentiate by, not {variable}", item)
        return variable

    def _PartialFraction(self, item: node.PartialFraction) -> sp.Expr:
        counts = [self._variable_and_order(variable) for variable in item.variables]
        self._orders_agree(self.value(item.order) if item.order is not None else 1, counts, item, "∂")
        return sp.Derivative(self.value(item.body), *counts)

    def _orders_agree(self, above, counts, item, d: str) -> None:
        """d^2 C over d w^2: the order written above is the one the variables below make.  dC/dw^2
        (a derivative with respect to w², or a second derivative with its ^2 forgotten) is refused."""
        below = sum(order for _, order in counts)
        if above != below:
            raise self.error(f"{d}^{above} above, but the variables below make order {below}: write "
                             f"{d}^{below} above for a derivative of order {below}", item)

    def _variable_and_order(self, variable) -> tuple:
        """w → (w, 1); w^2 → (w, 2): how a variable of differentiation is written below a fraction."""
        if self._layered_power(variable):
            return self.value(variable), 1  # ∂z^l: z at layer l
        if isinstance(variable, node.Power):
            order = self.value(variable.exponent)
            if not (order.is_Integer and order > 0):
                raise self.error("the order of a derivative is a positive whole number", variable)
            variable, count = variable.base, int(order)
        else:
            count = 1
        return self._variable(variable), count

    def _variable(self, variable) -> sp.Expr:
        """A variable to differentiate by: a name or one sample's value."""
        value = self.value(variable)
        if not isinstance(value, (sp.Symbol, sp.Indexed)):
            raise self.error(f"∂ needs a variable to differentiate by, not {plain(value)}", variable)
        return value

    def _Absolute(self, item: node.Absolute) -> sp.Expr:
        return sp.Abs(self.value(item.body))

    def _Evaluated(self, item: node.Evaluated) -> sp.Expr:
        """``\\left. f \\right|_{w=0, b=1}``: f there, after its derivatives are taken."""
        variables = [self.value(variable) for variable, _ in item.points]
        return sp.Subs(self.value(item.body), variables, [self.value(value) for _, value in item.points])

    def _Comparison(self, item: node.Comparison):
        """A condition: a < b, |r| ≤ δ, 0 < z < 1 (a chain is each neighbouring pair)."""
        sides = [self.value(side) for side in item.sides]
        relations = [_RELATION[op](left, right) for op, left, right in zip(item.operators, sides, sides[1:])]
        return sp.And(*relations)

    def _Cases(self, item: node.Cases) -> sp.Expr:
        """\\begin{cases}: the value of the first row whose condition holds (a row with none: otherwise)."""
        pieces = []
        for value, condition in item.rows:
            pieces.append((self.value(value), sp.true if condition is None else self.value(condition)))
        if pieces[-1][1] is not sp.true:
            self.readings.append("the cases are read as having no value where no condition holds")
        return sp.Piecewise(*pieces)

    def _Indicator(self, item: node.Indicator) -> sp.Expr:
        return sp.Piecewise((1, self.value(item.condition)), (0, True))

    def _DerivativeOperator(self, item):
        raise self.error("∂ has nothing after it to apply to", item)

    _SumOperator = _PairSumOperator = _LimitOperator = _DerivativeOperator

    def _bound(self, name: node.Name, low=None) -> sp.Symbol:
        """The variable a Σ (from `low`) or a lim binds: an integer that is positive only where the
        range says so (Σ_{i=0}^{n} includes i = 0), or a real variable for a lim."""
        if name.sub is not None or name.layer is not None or name.word.isdigit():
            raise self.error("a bound variable is a plain name", name)
        if low is None:
            return sp.Symbol(name.word, real=True)
        if (low - 1).is_nonnegative:
            if name.word == self.vocab.index:
                return self.vocab.index_symbol
            return sp.Symbol(name.word, integer=True, positive=True)
        if low.is_nonnegative:
            return sp.Symbol(name.word, integer=True, nonnegative=True)
        return sp.Symbol(name.word, integer=True)

    def _index(self, text: str) -> sp.Expr:
        """A sample number as written in a subscript: i, n, 3, a bound index or another index letter."""
        vocab = self.vocab
        if text.isdigit():
            return sp.Integer(int(text))
        bound = self.bound_symbol(text)
        if bound is not None:
            return bound
        if text == vocab.index:
            return vocab.index_symbol
        if text == vocab.count:
            return vocab.count_symbol
        return sp.Symbol(text, integer=True, positive=True)

    # -- powers, primes, groups, fractions ----------------------------------------------------
    def _layered_power(self, item) -> bool:
        """z^l, w^{l+1}, a^2 for a name the document writes with layer superscripts."""
        return (isinstance(item, node.Power) and isinstance(item.base, node.Name) and item.base.layer is None
                and item.base.word in self.vocab.layered and _layer_superscript(item) is not None)

    def _Power(self, item: node.Power) -> sp.Expr:
        base = item.base
        self._refuse_inverse_notation(item)
        exponent = item.exponent
        if isinstance(exponent, node.Name) and exponent.word == "T" and exponent.sub is None and not self.vocab.knows_value("T"):
            raise self.error("^T is a transpose (vectors and matrices are not read yet), or a power of an undeclared T: "
                             "declare T in the notation block's symbols for the power", item)
        layer = _layer_superscript(item) if self._layered_power(item) else None
        if layer is not None:
            self.readings.append(f"{base.word}^{layer} is read as {base.word} at layer {layer} (Nielsen's notation), not a power")
            return self._Name(node.Name(base.word, base.start, base.sub, layer, base.index))
        if isinstance(base, node.Call) and not base.primes and self._function_of(base.name) is None and len(base.args) == 1:
            # c_i (y_i - β x_i)^2 is c_i times the square, as it is typeset, not (c_i (…))^2
            if self._looks_like_a_function(base.name):
                self._Call(base)  # h_θ(x)^2 with h_θ unknown: the error _Call gives
            return self._Name(base.name) * self._power_of(self.value(base.args[0]), self.value(item.exponent), item)
        return self._power_of(self.value(base), self.value(item.exponent), item)

    def _power_of(self, base, exponent, item) -> sp.Expr:
        if _digits_of_power(base, exponent) > MAX_DIGITS:
            # SymPy would compute the number at once, in C, beyond any time limit
            raise self.error(f"the number {base}^{exponent} has too many digits to read", item)
        if not exponent.is_integer and base is not sp.E:
            self._needs(sp.Gt(base, 0) if exponent.is_negative else sp.Ge(base, 0))
        return sp.Pow(base, exponent)

    def _Primed(self, item: node.Primed) -> sp.Expr:
        self.primes.append(item.start)
        return sp.Derivative(self.value(item.body), (PRIME, item.count))

    def _Paren(self, item: node.Paren) -> sp.Expr:
        return self.value(item.body)

    def _Subscripted(self, item: node.Subscripted) -> sp.Expr:
        inner = item.body
        if not isinstance(inner, node.Name) or inner.index is not None:
            raise self.error("only a name can be subscripted", item)
        return self._Name(node.Name(inner.word, inner.start, inner.sub, inner.layer, item.index))

    def _Call(self, item: node.Call) -> sp.Expr:
        """``f(…)``: an application if the notation (or a definition ``f(x) = …``) makes the name a
        function, else a product; ``σ'(w x_i + b)`` is σ′ at that point."""
        name = item.name
        function = self._function_of(name)
        if function is None:
            if item.primes:
                raise self.error(f"{name.word} is not a function: declare it in the notation block's functions", item)
            if len(item.args) != 1:
                raise self.error(f"{name.word} is not a function, so ({', '.join('…' for _ in item.args)}) cannot be its arguments", item)
            if self._looks_like_a_function(name):
                written = f"{name.word}_{name.sub}" if isinstance(name.sub, str) else name.word
                raise self.error(
                    f"{written}(…) looks like a function symgrad does not know: define it ({written}(x) = …) "
                    f"or declare it in the notation block's functions", item)
            return self._Name(name) * self.value(item.args[0])
        args = [self.value(arg) for arg in item.args]
        if len(args) == 1:
            self._logarithm_read(function, args[0])
        try:
            value = function(*args)
        except TypeError:
            raise self.error(f"{name.word} takes {getattr(function, 'nargs', '?')} argument(s)", item) from None
        if not item.primes:
            return value
        if len(args) != 1:
            raise self.error(f"{name.word}'(…) takes one argument", item)
        if isinstance(args[0], (sp.Symbol, sp.Indexed)):
            return sp.Derivative(value, (args[0], item.primes))
        point = sp.Dummy("u", real=True)  # f′ at an expression: the derivative at a point, then the point
        return sp.Subs(sp.Derivative(function(point), (point, item.primes)), point, args[0])

    def _looks_like_a_function(self, name: node.Name) -> bool:
        """loss(w), \\mathrm{tr}(A): a word of several letters, none of them names of the document,
        before a parenthesis is an application, never a product; so is h_θ(x), a name with a
        subscript that is no index (a_i(1 − a_i) and w_1(x − y) are products)."""
        word = name.word
        if isinstance(name.sub, str) and name.layer is None:  # h_θ(x), f_w(x): a function indexed by its parameter
            sub = name.sub
            indices = self.vocab.index_letters | {self.vocab.index}
            index_like = sub.isdigit() or all(c in indices or c.isdigit() or c == "," for c in sub) \
                or self.bound_symbol(sub) is not None
            return not index_like and not self.vocab.knows_value(f"{word}_{sub}") and not self.vocab.knows_value(word)
        return len(word) > 1 and word.isalpha() and name.sub is None and not self.vocab.knows(word) and not all(self.vocab.knows(c) for c in word)

    def _function_of(self, name: node.Name):
        """The function a called name applies (h_θ when the document defines h_θ(x) = …), or None;
        never for a name at a layer (C^{(2)}(b + w) is C^{(2)} times (b + w), not C applied)."""
        if name.layer is not None:
            return None
        if (to_base := self._log_to_base(name)) is not None:
            return to_base
        key = function_key(name)
        if key in self.vocab.applied:
            return self.vocab.function(key)
        if name.sub is None and name.layer is None and name.word in self.vocab.applied:
            return self.vocab.function(name.word)
        return None

    def _log_to_base(self, name: node.Name):
        """\\log_2 and \\log_{10}: the logarithm to that base, ln(x)/ln(b) (printed)."""
        if name.word != "\\log" or not isinstance(name.sub, str) or not name.sub.isdigit() or int(name.sub) < 2:
            return None
        return LogToBase(int(name.sub))

    def _logarithm_read(self, function, argument) -> None:
        """A logarithm needs a positive argument; one to a base says how it is read (printed)."""
        if function is sp.log or isinstance(function, LogToBase):
            self._needs(sp.Gt(argument, 0))
        if isinstance(function, LogToBase):
            base = function.base
            self.readings.append(f"\\log_{base} is read as the logarithm to base {base}: ln(x)/ln({base})")

    def _Fraction(self, item: node.Fraction) -> sp.Expr:
        leibniz = _leibniz(item.numerator, item.denominator)
        if leibniz is not None:  # \frac{dC}{dw}, \frac{d^2 C}{d w^2}, \frac{\mathrm{d}C}{\mathrm{d}w}
            body, variables, order = leibniz
            counts = [self._variable_and_order(v) for v in variables]
            self._orders_agree(order, counts, item, "d")
            named = isinstance(body, node.Name) and (not self.vocab.knows_value(body.word) or body.word in self.vocab.typographic)
            function = self._function_of(body) if named else None  # dσ/dz, also where the document defines σ(z)
            if function is not None and len(counts) == 1:  # dσ/dz: σ as a function of z
                self.readings.append(f"d{body.word}/d{plain(counts[0][0])} is read as the derivative of "
                                     f"{body.word}({plain(counts[0][0])})")
                return sp.Derivative(function(counts[0][0]), counts[0])
            return sp.Derivative(self.value(body), *counts)
        denominator = self.value(item.denominator)
        self._needs(sp.Ne(denominator, 0))  # 1/w · w = 1 holds where w ≠ 0 only
        return sp.Mul(self.value(item.numerator), sp.Pow(denominator, -1))

    def _Root(self, item: node.Root) -> sp.Expr:
        body = self.value(item.body)
        self._needs(sp.Ge(body, 0))
        return sp.sqrt(body)

    def _Number(self, item: node.Number) -> sp.Expr:
        text = "".join(item.text.split())
        if text != item.text:
            self.readings.append(f"{item.text} is read as {text}, as TeX prints it (spaces between digits are ignored)")
        if len(text) > MAX_DIGITS:
            raise self.error(f"a number of more than {MAX_DIGITS} digits", item)
        fraction = Rational(text)
        return sp.Rational(fraction.numerator, fraction.denominator)

    # -- names ------------------------------------------------------------------------------
    def _Name(self, name: node.Name) -> sp.Expr:
        vocab, word = self.vocab, name.word
        if word in vocab.typographic and name.sub is not None:
            raise self.error(f"{word}_{name.sub}: symgrad reads a function with a subscript only as a logarithm "
                             f"to a whole-number base (\\log_2 x, \\log_{{10}} x)", name)
        if word in vocab.typographic:
            raise self.error(f"{word} is a function: write what it applies to, {word}(z) or {word} z", name)
        if word.startswith("\\mathbb"):
            raise self.error(f"{word}: blackboard bold (an expectation, a probability, a set of numbers) is not read by symgrad", name)
        alias = vocab.alias(word)
        if alias is not None:
            base, _, part = alias.replace("{", "").replace("}", "").partition("_")
            if part and name.sub is not None:
                raise self.error(f"{word} already stands for {alias}: it takes no subscript", name)
            name = node.Name(base, name.start, part or name.sub, name.layer, name.index)
            word = base
        elif len(word) > 1 and word.isalpha() and not vocab.knows(word) and all(vocab.knows(c) for c in word):
            letters = [node.Name(c, name.start) for c in word[:-1]] + [node.Name(word[-1], name.start, name.sub, name.layer)]
            self.readings.append(f"{word} is read as the product {'·'.join(word)} (each letter a name)")
            return sp.Mul(*(self._Name(letter) for letter in letters))
        self.used.append((word, name.start))
        return self._symbol(name)

    def _symbol(self, name: node.Name) -> sp.Expr:
        vocab, base, sub = self.vocab, name.word, name.sub
        if name.layer is not None and (name.layer == vocab.index or self.bound_symbol(name.layer) is not None):
            # x^{(i)}: Ng's sample superscript is sample i, like x_i (x_1^{(i)}: feature 1 of sample i)
            sample = self._index(name.layer)
            self.used.append((base, name.start))
            if isinstance(sub, str):  # x_j^{(i)}: feature j of sample i
                return family(base)[sample, self._index(sub)]
            return family(base)[sample]
        index, part = None, ""
        if name.index is not None:
            index, part = self._index(name.index), f"_{sub}" if sub is not None else ""
        elif isinstance(sub, str):
            several = self._several_indices(sub)
            if several is not None and (vocab.is_family(base) or len(several) > 1):
                index = several  # x_{ik}, x_{i,k}: sample i, feature k
            elif sub == vocab.index or vocab.is_family(base) or self.bound_symbol(sub) is not None:
                index = self._index(sub)  # θ_j inside Σ_j is θ at j, whatever θ is
            else:
                part = f"_{sub}"
        elif sub is not None:
            if not vocab.is_family(base):
                raise self.error(f"{base} is indexed by an expression but is not a family: declare it", name)
            index = self.value(sub)
        layer = f"^{{({name.layer})}}" if name.layer is not None and vocab.layers else ""
        full = base + part + layer
        if index is None and full in vocab.implicit:
            index = vocab.index_symbol
        bound = self.bound_symbol(full) if index is None and not name.layer else None
        if bound is not None:
            value = bound
        elif isinstance(index, tuple):
            value = family(full)[index]
        elif index is not None:
            value = family(full)[index]
        elif full == vocab.index:
            value = vocab.index_symbol
        elif full == vocab.count:
            value = vocab.count_symbol
        elif full in vocab.counts:
            value = sp.Symbol(full, integer=True, positive=True)  # d in Σ_{k=1}^{d}: a count of its own
        elif full == "e" and vocab.euler:
            value = sp.E
        elif full == "e":  # e := w x + b − y: the document's own e, never Euler's number
            self.readings.append("e is the name the document defines, not Euler's number")
            value = sp.Symbol(full, real=True)
        elif full == "\\pi" and not self.vocab.knows_value(full):
            value = sp.pi
        else:
            value = sp.Symbol(full, real=True)
            if part and not layer and base in vocab.defined:
                self.used.append((full, name.start))  # C_{foo} after C = …: a name of its own, known or not
        if name.layer is not None and not vocab.layers:
            value = sp.Pow(value, self._layer_power(name))
        return value

    def _several_indices(self, text: str) -> tuple | None:
        """(i, k) for the subscript ik or i,k when each letter is an index of the document (the
        sample index or a variable some Σ binds); else None."""
        letters = text.split(",") if "," in text else list(text) if text.isalpha() and len(text) > 1 else None
        numbered = re.fullmatch(r"([A-Za-z])([0-9]+)", text)
        if numbered:  # x_{i1}: sample i, feature 1
            letters = list(numbered.groups())
        if letters is None or len(letters) < 2:
            return None
        indices = self.vocab.index_letters | {self.vocab.index}
        if not all(letter in indices or letter.isdigit() or self.bound_symbol(letter) is not None for letter in letters):
            return None
        if numbered:
            self.readings.append(f"_{{{text}}} is read as the two indices {letters[0]}, {letters[1]}")
        return tuple(self._index(letter) for letter in letters)

    def _layer_power(self, name: node.Name) -> sp.Expr:
        """The exponent a layer-like superscript stands for when layers are off: (2), (l+1)."""
        head, sign, offset = re.fullmatch(r"([A-Za-z0-9]+)([+-]?)([0-9]*)", name.layer).groups()
        value = sp.Integer(int(head)) if head.isdigit() else self._Name(node.Name(head, name.start))
        return value + (int(offset) if sign == "+" else -int(offset) if sign else 0)


def layer_superscript_text(exponent) -> str | None:
    """'l', 'L', 'l+1', 'L-1' or '2' for a superscript that can name a layer, else None."""
    if isinstance(exponent, node.Name) and exponent.word in ("l", "L") and exponent.sub is None:
        return exponent.word
    if isinstance(exponent, node.Number) and exponent.text.isdigit():
        return exponent.text
    if isinstance(exponent, node.Terms) and len(exponent.terms) == 2:
        (first_sign, first), (sign, offset) = exponent.terms
        if first_sign == 1 and isinstance(first, node.Name) and first.word in ("l", "L") and isinstance(offset, node.Number):
            return f"{first.word}{'+' if sign == 1 else '-'}{offset.text}"
    return None


def _layer_superscript(item: node.Power) -> str | None:
    return layer_superscript_text(item.exponent)


def _d_and_rest(tree):
    """(order, what follows d) for d C, d^2 C, dC (a written differential), else None."""
    if isinstance(tree, node.Name) and tree.word.startswith("d") and len(tree.word) > 1 and tree.index is None:
        return 1, node.Name(tree.word[1:], tree.start + 1, tree.sub, tree.layer)
    if isinstance(tree, node.Product) and len(tree.items) >= 2:
        first, rest = tree.items[0], tree.items[1:]
        order = _d_order(first)
        if order is not None:
            return order, rest[0] if len(rest) == 1 else node.Product(rest, rest[0].start)
    if isinstance(tree, node.Power) and isinstance(tree.base, node.Name):  # dw^2 below the line
        found = _d_and_rest(tree.base)
        if found is not None:
            return found[0], node.Power(found[1], tree.exponent, tree.start)
    return None


def _d_order(tree):
    if isinstance(tree, node.Name) and tree.word == "d" and tree.sub is None and tree.layer is None:
        return 1
    if isinstance(tree, node.Power) and _d_order(tree.base) == 1 and isinstance(tree.exponent, node.Number):
        return int(tree.exponent.text)
    return None


def _leibniz(numerator, denominator):
    """dC/dw written as a fraction: (C, [w]) or (C, [w^2]); None when it is an ordinary fraction."""
    top = _d_and_rest(numerator)
    if top is None:
        return None
    variables = []
    below = denominator.items if isinstance(denominator, node.Product) else (denominator,)
    k = 0
    while k < len(below):  # d w, dw, d w^2, dw^2, d w d b
        single = _d_and_rest(below[k])
        if single is not None and not isinstance(single[1], node.Product):
            variables.append(single[1])
            k += 1
        elif _d_order(below[k]) == 1 and k + 1 < len(below):
            variables.append(below[k + 1])
            k += 2
        else:
            return None
    return top[1], variables, top[0]


_RELATION = {"<": sp.StrictLessThan, ">": sp.StrictGreaterThan, "≤": sp.LessThan, "≥": sp.GreaterThan,
             "≠": sp.Unequality}


def function_key(name: node.Name) -> str:
    """How a function's name is known: C, or h_\\theta for h_\\theta(x)."""
    if isinstance(name.sub, str):
        return f"{name.word}_{name.sub}"
    return name.word


def _certainly_nonnegative(expr) -> bool:
    """True when `expr` ≥ 0 for every admissible n (n ≥ 1): n − 1, 5 − 3, but not 3 − n."""
    return expr.is_nonnegative is True


@dataclass(frozen=True)
class LogToBase:
    """The logarithm to a whole-number base, as a function of one argument."""

    base: int

    def __call__(self, x):
        return sp.log(x) / sp.log(self.base)


def _operator_symbol(item) -> str:
    return {node.DerivativeOperator: "∂", node.SumOperator: "Σ", node.PairSumOperator: "Σ", node.LimitOperator: "lim"}[type(item)]
