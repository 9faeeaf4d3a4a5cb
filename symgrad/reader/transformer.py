"""Build SymPy objects from a parsed formula, one method per grammar rule (never eval).

Names stay :class:`Name` until an arithmetic rule needs their value, because ``{x}_{i}`` (how
SymPy prints x[i]) subscripts a name after its braces close.  Big operators are
:class:`Operator` items of a product: Σ and lim take the rest of the product, ∂ the next factor
(or the rest, as the notation says).  A prime on a parenthesis differentiates by :data:`PRIME`,
a placeholder the document reader replaces by the variable of the line being continued.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable

import sympy as sp
from lark import Token, Transformer

from symgrad.notation import family
from symgrad.reader.errors import ReadError
from symgrad.reader.source import Snippet
from symgrad.reader.vocabulary import Vocabulary

#: The variable of a prime written on a parenthesis, ``(…)'``, until the reader knows it.
PRIME = sp.Dummy("prime", real=True)


@dataclass
class Name:
    """A name as written: base (a word or a command), subscript, layer, and an index from ``{…}_i``."""

    base: str
    token: Token
    sub: str | sp.Expr | None = None
    layer: str | None = None
    index: str | None = None


@dataclass
class Operator:
    what: str
    token: Token
    build: Callable[[sp.Expr], sp.Expr]
    binds_factor: bool = False


@dataclass
class Dots:
    token: Token


@dataclass
class Formula:
    """A parsed statement: its sides, whether it starts or ends with '=', or is a remark."""

    sides: list
    leading: bool = False
    trailing: bool = False
    remark: bool = False
    used: list = field(default_factory=list)
    primes: list = field(default_factory=list)


def _script_text(token: Token) -> str:
    return re.sub(r"[\s_{}]", "", token.value)


def layer_text(token: Token) -> str:
    """'l-1' from the token ^{(l - 1)}."""
    return re.sub(r"[\s^{}()]", "", token.value)


#: The most digits a number written as a power may have (10^{10^{10}} is refused, not computed).
MAX_DIGITS = 10_000


def _digits_of_power(base, exponent) -> float:
    """About how many digits base**exponent has when both are exact numbers (else 0)."""
    if not (base.is_Rational and exponent.is_Integer) or abs(base) in (0, 1):
        return 0
    return abs(int(exponent)) * math.log10(max(abs(base.p), abs(base.q)))


class FormulaBuilder(Transformer):
    """Turns the tree of one formula into a :class:`Formula` in the given vocabulary."""

    def __init__(self, vocabulary: Vocabulary, snippet: Snippet):
        super().__init__()
        self.vocab, self.snippet = vocabulary, snippet
        self.used: list[tuple[str, Token]] = []
        self.primes: list[Token] = []

    def error(self, message: str, token) -> ReadError:
        at = token.start_pos if isinstance(token, Token) else token.meta.start_pos
        return ReadError(message, self.snippet, at)

    # -- statements -------------------------------------------------------------------------
    def start(self, children):
        formula = children[0]
        if not isinstance(formula, Formula):
            formula = Formula([self.value(formula)])
        formula.used, formula.primes = self.used, self.primes
        return formula

    def relation(self, children):
        is_eq = [isinstance(c, Token) and c.type == "EQ" for c in children]
        sides = [self.value(c) for c, eq in zip(children, is_eq) if not eq]
        return Formula(sides, leading=is_eq[0], trailing=len(children) > 1 and is_eq[-1])

    def remark(self, children):
        expr = next(c for c in children if not isinstance(c, Token))
        return Formula([self.value(expr)], remark=True)

    # -- sums and products ------------------------------------------------------------------
    def sum(self, children):
        if len(children) == 1:
            return children[0]  # a lone name stays a Name: {x}_{i} subscripts it after the braces
        entries = [(1, children[0])] + [
            (-1 if op.value == "-" else 1, term) for op, term in zip(children[1::2], children[2::2])
        ]
        terms, k = [], 0
        while k < len(entries):
            sign, term = entries[k]
            if isinstance(term, Dots):
                if not terms or k + 1 == len(entries) or isinstance(entries[k + 1][1], Dots):
                    raise self.error(r"\dots must stand between two terms: t_1 + \dots + t_n", term.token)
                last_sign, last = entries[k + 1]
                terms.append(self._ellipsis(terms.pop(), last_sign * self.value(last), term.token))
                k += 2
                continue
            terms.append(sign * self.value(term))
            k += 1
        return sp.Add(*terms)

    def _ellipsis(self, first, last, token) -> sp.Sum:
        """t_1 + … + t_n: the sum over the index of the term both ends are instances of."""
        index = self.vocab.index_symbol
        ends = []
        for term in (first, last):
            positions = {ind.indices for ind in term.atoms(sp.Indexed)}
            if len(positions) != 1 or len(next(iter(positions))) != 1:
                raise self.error(
                    r"cannot read '\dots' as a sum: each end should use one sample, like x_1 … x_n", token
                )
            (value,) = next(iter(positions))
            general = term.replace(
                lambda e, v=value: isinstance(e, sp.Indexed) and e.indices == (v,), lambda e: e.base[index]
            )
            ends.append((value, general))
        (low, body), (high, other) = ends
        if body != other:
            raise self.error(r"the terms around '\dots' differ by more than their sample index", token)
        return sp.Sum(body, (index, low, high))

    def signed(self, children):
        sign, term = children
        if isinstance(term, Dots):
            raise self.error(r"\dots must stand between two terms: t_1 + \dots + t_n", term.token)
        return -self.value(term) if sign.value == "-" else self.value(term)

    def dots(self, children):
        return Dots(children[0])

    def product(self, children):
        items = [c for c in children if not (isinstance(c, Token) and c.type == "MULOP")]
        if len(items) == 1 and not isinstance(items[0], Operator):
            return items[0]
        return self._product(items, 0)

    def _product(self, items, k):
        factors = []
        while k < len(items):
            factor, k = self._factor(items, k)
            factors.append(factor)
        return sp.Mul(*factors)

    def _factor(self, items, k):
        item = items[k]
        if not isinstance(item, Operator):
            return self.value(item), k + 1
        if k + 1 == len(items):
            raise self.error(f"{item.what} has nothing after it to apply to", item.token)
        if item.binds_factor:
            body, end = self._factor(items, k + 1)
        else:
            body, end = self._product(items, k + 1), len(items)
        return item.build(body), end

    # -- operators --------------------------------------------------------------------------
    def partial_op(self, children):
        token, variable = children[0], children[1]
        if isinstance(variable, Token):
            variable = Name(_script_text(variable), variable)
        return self._derivative_operator(token, self.value(variable))

    def frac_op(self, children):
        token, variable = children[0], self.value(children[1])
        order = re.search(r"\^\s*\{?\s*([0-9])", token.value)
        order = int(order.group(1)) if order else 1
        if order > 1:  # \frac{d^{2}}{d w^{2}}: the variable is written with the order as a power
            if not (isinstance(variable, sp.Pow) and variable.exp == order):
                raise self.error(f"a derivative of order {order} is written d w^{{{order}}} below", token)
            variable = variable.base
        return self._derivative_operator(token, variable, order)

    def _derivative_operator(self, token, variable, order=1):
        if not isinstance(variable, (sp.Symbol, sp.Indexed)):
            raise self.error(f"∂ needs a variable to differentiate by, not {variable}", token)
        return Operator(
            "∂",
            token,
            lambda body: sp.Derivative(body, (variable, order)),
            binds_factor=self.vocab.partial == "factor",
        )

    def sum_op(self, children):
        token = children[0]
        if isinstance(children[1], Token):  # \sum_i^n
            variable, low, high = self._index(_script_text(children[1])), sp.S.One, children[2]
        else:
            variable, low, high = self._bound(children[1]), children[3], children[4]
        low, high = self.value(low), self.value(high)
        return Operator("Σ", token, lambda body: sp.Sum(body, (variable, low, high)))

    def lim_op(self, children):
        token, variable, point = children[0], self._bound(children[1]), self.value(children[3])
        return Operator("lim", token, lambda body: sp.Limit(body, variable, point, dir="+-"))

    def _bound(self, name: Name) -> sp.Symbol:
        """The variable a Σ or lim binds."""
        if name.sub is not None or name.layer is not None:
            raise self.error("a bound variable is a plain name", name.token)
        if name.base.startswith("\\"):
            return sp.Symbol(name.base, real=True)
        return self._index(name.base)

    def _index(self, text: str) -> sp.Expr:
        """A sample number as written in a subscript: i, n, 3 or another index letter."""
        vocab = self.vocab
        if text.isdigit():
            return sp.Integer(int(text))
        if text == vocab.index:
            return vocab.index_symbol
        if text == vocab.count:
            return vocab.count_symbol
        return sp.Symbol(text, integer=True, positive=True)

    # -- powers, primes, groups -------------------------------------------------------------
    def pow(self, children):
        base, exponent = self.value(children[0]), self.value(children[1])
        if _digits_of_power(base, exponent) > MAX_DIGITS:
            # SymPy would compute the integer at once, in C, beyond any time limit
            raise ReadError(f"the number {base}^{exponent} has too many digits to read", self.snippet, 0)
        return sp.Pow(base, exponent)

    def script_char(self, children):
        token = children[0]
        return sp.Integer(int(token.value)) if token.value.isdigit() else Name(token.value, token)

    def primed(self, children):
        primes = children[1:]
        self.primes += primes
        return sp.Derivative(self.value(children[0]), (PRIME, len(primes)))

    def paren(self, children):
        return self.value(children[1])

    def group(self, children):
        inner = children[0]
        if len(children) == 1:
            return inner
        if not isinstance(inner, Name) or inner.index is not None:
            raise self.error("only a name can be subscripted", children[1])
        inner.index = _script_text(children[1])
        return inner

    def application(self, children):
        name = children[0]
        primes = [c for c in children[1:] if isinstance(c, Token) and c.type == "PRIME"]
        args = [self.value(c) for c in children[1:] if not isinstance(c, Token)]
        function = self.vocab.function(name.value)
        try:
            value = function(*args)
        except TypeError:
            raise self.error(f"{name.value} takes {getattr(function, 'nargs', '?')} argument(s)", name) from None
        if not primes:
            return value
        if len(args) != 1 or not isinstance(args[0], (sp.Symbol, sp.Indexed)):
            raise self.error(f"{name.value}'(…) needs a variable as its argument", name)
        return sp.Derivative(value, (args[0], len(primes)))

    def frac(self, children):
        return sp.Mul(self.value(children[1]), sp.Pow(self.value(children[2]), -1))

    def partial_frac(self, children):
        variable = self.value(children[4])
        return self._derivative_operator(children[3], variable).build(self.value(children[2]))

    def sqrt(self, children):
        return sp.sqrt(self.value(children[1]))

    def number(self, children):
        fraction = Fraction(children[0].value)
        return sp.Rational(fraction.numerator, fraction.denominator)

    # -- names ------------------------------------------------------------------------------
    def atom(self, children):
        name = Name(children[0].value, children[0])
        for child in children[1:]:
            if isinstance(child, Token) and child.type == "SIMPLE_SUB":
                name.sub = _script_text(child)
            elif isinstance(child, Token) and child.type == "LAYER":
                name.layer = layer_text(child)
            else:
                name.sub = self.value(child)
        return name

    variable = atom

    def value(self, item) -> sp.Expr:
        """The SymPy value of a rule's result."""
        if isinstance(item, Name):
            return self._resolve(item)
        if isinstance(item, Dots):
            raise self.error(r"\dots must stand between two terms: t_1 + \dots + t_n", item.token)
        if isinstance(item, Operator):
            raise self.error(f"{item.what} has nothing after it to apply to", item.token)
        return item

    def _resolve(self, name: Name) -> sp.Expr:
        vocab, word = self.vocab, name.base
        alias = vocab.alias(word)
        if alias is not None:
            base, _, part = alias.replace("{", "").replace("}", "").partition("_")
            if part and name.sub is not None:
                raise self.error(f"{word} already stands for {alias}: it takes no subscript", name.token)
            name = Name(base, name.token, part or name.sub, name.layer, name.index)
            word = base
        elif len(word) > 1 and word.isalpha() and not vocab.knows(word) and all(vocab.knows(c) for c in word):
            letters = [Name(c, name.token) for c in word[:-1]] + [Name(word[-1], name.token, name.sub, name.layer)]
            return sp.Mul(*(self._resolve(letter) for letter in letters))
        self.used.append((word, name.token))
        return self._symbol(name)

    def _symbol(self, name: Name) -> sp.Expr:
        vocab, base, sub = self.vocab, name.base, name.sub
        index, part = None, ""
        if name.index is not None:
            index, part = self._index(name.index), f"_{sub}" if sub is not None else ""
        elif isinstance(sub, str):
            if sub == vocab.index or vocab.is_family(base):
                index = self._index(sub)
            else:
                part = f"_{sub}"
        elif sub is not None:
            if not vocab.is_family(base):
                raise self.error(f"{base} is indexed by an expression but is not a family: declare it", name.token)
            index = sub
        layer = f"^{{({name.layer})}}" if name.layer is not None and vocab.layers else ""
        full = base + part + layer
        if index is None and full in vocab.implicit:
            index = vocab.index_symbol
        if index is not None:
            value = family(full)[index]
        elif full == vocab.index:
            value = vocab.index_symbol
        elif full == vocab.count:
            value = vocab.count_symbol
        elif full == "e":
            value = sp.E
        else:
            value = sp.Symbol(full, real=True)
        if name.layer is not None and not vocab.layers:
            value = sp.Pow(value, self._layer_power(name))
        return value

    def _layer_power(self, name: Name) -> sp.Expr:
        """The exponent a layer-like superscript stands for when layers are off: (2), (l+1)."""
        head, sign, offset = re.fullmatch(r"([A-Za-z0-9]+)([+-]?)([0-9]*)", name.layer).groups()
        value = sp.Integer(int(head)) if head.isdigit() else self._resolve(Name(head, name.token))
        return value + (int(offset) if sign == "+" else -int(offset) if sign else 0)
