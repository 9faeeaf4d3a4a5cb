"""The syntax of a formula, as written: a small tree of typed nodes, one method per grammar rule.

:class:`SyntaxBuilder` turns Lark's parse tree into these nodes and nothing more: it knows no
vocabulary, so ``a_i(1 - a_i)`` is a :class:`Call` whether ``a`` is a function or a family, and
``\\ln a_i`` is a product of two names.  Meaning (which names are functions, families, indices;
what an operator applies to) is the resolver's job.  Every node keeps `start`, its offset in the
formula's snippet, so an error points at the author's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lark import Token, Transformer


@dataclass(frozen=True)
class Number:
    text: str
    start: int


@dataclass(frozen=True)
class Name:
    """A name as written: its word (``x``, ``\\sigma``, ``w1``), a subscript (text such as ``i``
    or an expression node), a layer superscript (``l-1``), and an index given after braces
    (``{x}_{i}``, how SymPy prints x[i])."""

    word: str
    start: int
    sub: object = None
    layer: str | None = None
    index: str | None = None


@dataclass(frozen=True)
class Subscripted:
    """``{body}_{i}``: braces, then a subscript (the resolver checks that the body is a name)."""

    body: object
    index: str
    start: int


@dataclass(frozen=True)
class Call:
    """A name directly followed by parenthesised arguments: ``σ(x)``, ``C'(w)`` or ``a_i(1 - a_i)``."""

    name: Name
    args: tuple
    primes: int
    start: int


@dataclass(frozen=True)
class Paren:
    body: object
    start: int


@dataclass(frozen=True)
class Dots:
    start: int


@dataclass(frozen=True)
class Terms:
    """``t₁ ± t₂ ± …``: (sign, term) pairs; a term may be :class:`Dots`."""

    terms: tuple
    start: int


@dataclass(frozen=True)
class Negated:
    body: object
    start: int


@dataclass(frozen=True)
class Product:
    """Items written side by side (or with ``\\cdot``); operators among them take what follows."""

    items: tuple
    start: int


@dataclass(frozen=True)
class Power:
    base: object
    exponent: object
    start: int


@dataclass(frozen=True)
class Primed:
    body: object
    count: int
    start: int


@dataclass(frozen=True)
class Fraction:
    numerator: object
    denominator: object
    start: int
    juxtaposed: bool = False  # a / b c: written with a slash and a name or number right after


@dataclass(frozen=True)
class Root:
    body: object
    start: int


@dataclass(frozen=True)
class DerivativeOperator:
    """``∂_w`` or ``\\frac{d}{dw}`` (``order`` 2 for ``\\frac{d^2}{dw^2}``): applies to what follows."""

    variable: object
    order: int
    start: int


@dataclass(frozen=True)
class PartialFraction:
    """``\\frac{\\partial C}{\\partial w}``, ``\\frac{\\partial^2 C}{\\partial w\\,\\partial b}``: `variables` in
    the order written (a variable written w^2 counts twice), `order` the numerator's (None if unwritten)."""

    body: object
    variables: tuple
    order: object
    start: int


@dataclass(frozen=True)
class Comparison:
    """``a < b``, ``|r| \\le \\delta``, ``0 < z < 1``: `operators` between the `sides`."""

    sides: tuple
    operators: tuple
    start: int


@dataclass(frozen=True)
class Cases:
    """``\\begin{cases} v_1 & c_1 \\\\ v_2 & \\text{otherwise} \\end{cases}``: (value, condition or None)."""

    rows: tuple
    start: int


@dataclass(frozen=True)
class Indicator:
    """``\\mathbb{1}[z > 0]``: 1 where the condition holds, else 0."""

    condition: object
    start: int


@dataclass(frozen=True)
class Absolute:
    """``|x|``."""

    body: object
    start: int


@dataclass(frozen=True)
class Evaluated:
    """``\\left. body \\right|_{w=0, b=1}``: the body's value there (derivatives taken first)."""

    body: object
    points: tuple  # (variable, value) pairs
    start: int


@dataclass(frozen=True)
class SumOperator:
    """``\\sum_{i=1}^{n}`` (`low` None for ``\\sum_i^n``, which starts at 1; `high` None too for
    ``\\sum_i``, over every sample): applies to what follows."""

    variable: object
    low: object
    high: object
    start: int


@dataclass(frozen=True)
class PairSumOperator:
    """``\\sum_{i<j}`` or ``\\sum_{1 \\le i < j \\le n}``: over the pairs of samples whose numbers
    compare so (<, ≤, ≠, >, ≥); `bounds` is (low, relation, relation, high) where they are written."""

    first: object
    relation: str
    second: object
    start: int
    bounds: tuple | None = None


@dataclass(frozen=True)
class LimitOperator:
    variable: object
    point: object
    start: int


@dataclass(frozen=True)
class Relation:
    """``a = b = …``; `leading` for a line that starts with '=' (a step), `trailing` if it ends with
    one; `operators` between the sides: "=", ":=" (defines), "←" (an update) or "≈"."""

    sides: tuple
    leading: bool
    trailing: bool
    operators: tuple = ()


@dataclass(frozen=True)
class Remark:
    """``(z_i : \\text{expected output})``: a remark about a name, nothing to check."""

    body: object


OPERATORS = (DerivativeOperator, SumOperator, PairSumOperator, LimitOperator)
_RELATIONS = {"EQ": "=", "DEFINES": ":=", "GETS": "←", "APPROX": "≈"}
_COMPARISONS = {"<": "<", ">": ">", "lt": "<", "gt": ">", "le": "≤", "leq": "≤", "leqslant": "≤",
                "ge": "≥", "geq": "≥", "geqslant": "≥", "ne": "≠", "neq": "≠"}


#: Decorations that only set a font: \\mathrm{d} is d, \\operatorname{softplus} is softplus.
_FONTS = ("mathrm", "mathit", "operatorname", "text", "textrm", "textit", "mathsf")


def word_text(token: Token) -> str:
    """A name as written, decorations normalised: ``\\hat y`` and ``\\hat{y}`` are ``\\hat{y}``,
    ``\\mathrm{d}`` is ``d``."""
    if token.type != "DECORATED":
        return token.value
    decoration, body = re.fullmatch(r"\\([a-z]+)\s*\{?\s*(\\?[A-Za-z]+[0-9]*)\s*\}?", token.value).groups()
    return body if decoration in _FONTS else f"\\{decoration}{{{body}}}"


def script_text(token: Token) -> str:
    """``i`` from the subscript token ``_{ i }``; ``test`` from ``_{\\text{test}}``."""
    word = re.search(r"\\(?:text|textrm|textit|mathrm|mathit|operatorname)\s*\{\s*([A-Za-z0-9]+)", token.value)
    return word.group(1) if word else re.sub(r"[\s_{}]", "", token.value)


def layer_text(token: Token) -> str:
    """``l-1`` from the token ``^{(l - 1)}`` or ``^{[l - 1]}``."""
    return re.sub(r"[\s^{}()\[\]]", "", token.value)


def _start(item) -> int:
    if isinstance(item, Token):
        return item.start_pos
    return item.start


class SyntaxBuilder(Transformer):
    """Lark's tree of one formula → syntax nodes (no vocabulary, no state between formulas)."""

    # -- statements -------------------------------------------------------------------------
    def start(self, children):
        return children[0]

    def relation(self, children):
        is_operator = [isinstance(c, Token) and c.type in _RELATIONS for c in children]
        sides = tuple(c for c, operator in zip(children, is_operator) if not operator)
        leading, trailing = is_operator[0], len(children) > 1 and is_operator[-1]
        inner = children[1 if leading else 0 : len(children) - 1 if trailing else len(children)]
        operators = tuple(_RELATIONS[c.type] for c in inner if isinstance(c, Token) and c.type in _RELATIONS)
        return Relation(sides, leading, trailing, operators)

    def remark(self, children):
        return Remark(next(c for c in children if not isinstance(c, Token)))

    # -- sums and products ------------------------------------------------------------------
    def sum(self, children):
        if len(children) == 1:
            return children[0]
        terms = [(1, children[0])] + [
            (-1 if op.value == "-" else 1, term) for op, term in zip(children[1::2], children[2::2])
        ]
        return Terms(tuple(terms), _start(children[0]))

    def signed(self, children):
        sign, term = children
        return Negated(term, sign.start_pos) if sign.value == "-" else term

    def dots(self, children):
        return Dots(children[0].start_pos)

    def product(self, children):
        """Items side by side; ``a / b`` divides the item before the slash by the one after it."""
        items, dividing, operator, slashed = [], False, False, None
        for child in children:
            if isinstance(child, Token) and child.type in ("MULOP", "DIVOP"):
                dividing, operator = child.type == "DIVOP", True
                continue
            if slashed is not None:  # 1/2n: a name or number right after a fraction written with a slash
                if not operator and isinstance(child, (Name, Number)):
                    items[slashed] = replace(items[slashed], juxtaposed=True)
                slashed = None
            if dividing and items:
                numerator = items.pop()
                child = Fraction(numerator, child, _start(numerator))
                slashed = len(items)
            dividing = operator = False
            items.append(child)
        if len(items) == 1 and not isinstance(items[0], OPERATORS):
            return items[0]
        return Product(tuple(items), _start(items[0]))

    # -- operators --------------------------------------------------------------------------
    def partial_op(self, children):
        token, variable = children[0], children[1]
        if isinstance(variable, Token):
            variable = Name(script_text(variable), variable.start_pos)
        return DerivativeOperator(variable, 1, token.start_pos)

    def frac_op(self, children):
        token, variable = children[0], children[1]
        order = re.search(r"\^\s*\{?\s*([0-9])", token.value)
        return DerivativeOperator(variable, int(order.group(1)) if order else 1, token.start_pos)

    def sum_op(self, children):
        token = children[0]
        if isinstance(children[1], Token):  # \sum_i^n, or \sum_i over every sample (high None)
            variable = Name(script_text(children[1]), children[1].start_pos)
            return SumOperator(variable, None, children[2] if len(children) > 2 else None, token.start_pos)
        return SumOperator(children[1], children[3], children[4], token.start_pos)

    def pair_sum_op(self, children):
        relations = [_COMPARISONS[re.sub(r"[\\\s]", "", c.value)] for c in children if isinstance(c, Token) and c.type == "COMPARE"]
        if len(children) == 4:
            return PairSumOperator(children[1], relations[0], children[3], children[0].start_pos)
        low = Number(children[1].value, children[1].start_pos)
        bounds = (low, relations[0], relations[2], children[7])
        return PairSumOperator(children[3], relations[1], children[5], children[0].start_pos, bounds)

    def lim_op(self, children):
        return LimitOperator(children[1], children[3], children[0].start_pos)

    # -- powers, primes, groups -------------------------------------------------------------
    def pow(self, children):
        return Power(children[0], children[1], _start(children[0]))

    def script_char(self, children):
        token = children[0]
        return Number(token.value, token.start_pos) if token.value.isdigit() else Name(token.value, token.start_pos)

    def primed(self, children):
        return Primed(children[0], len(children) - 1, _start(children[0]))

    def paren(self, children):
        return Paren(children[1], children[0].start_pos)

    def group(self, children):
        """``{…}`` groups; ``{x}_{i}`` subscripts the name inside the braces."""
        inner = children[0]
        if len(children) == 1:
            return inner
        return Subscripted(inner, script_text(children[1]), children[1].start_pos)

    def call(self, children):
        name = Name(word_text(children[0]), children[0].start_pos)
        primes, args = 0, []
        for child in children[1:]:
            if isinstance(child, Token) and child.type == "SIMPLE_SUB":
                name = Name(name.word, name.start, script_text(child), name.layer)
            elif isinstance(child, Token) and child.type == "LAYER":
                name = Name(name.word, name.start, name.sub, layer_text(child))
            elif isinstance(child, Token) and child.type == "PRIME":
                primes += 1
            elif not isinstance(child, Token):
                args.append(child)
        return Call(name, tuple(args), primes, name.start)

    def frac(self, children):
        return Fraction(children[1], children[2], children[0].start_pos)

    def frac_digits(self, children):
        """``\\frac12``: TeX takes one character per argument."""
        token = children[1]
        digits = [(k, c) for k, c in enumerate(token.value) if c.isdigit()]
        numerator, denominator = (Number(c, token.start_pos + k) for k, c in digits)
        return Fraction(numerator, denominator, children[0].start_pos)

    def partial_slash(self, children):
        """∂C/∂w written inline with a slash: the partial derivative, as \\frac{∂C}{∂w}; ∂^2 C/∂w^2 too."""
        order = children[1] if len(children) == 6 else None
        return PartialFraction(children[-4], (children[-1],), order, children[0].start_pos)

    def partial_frac(self, children):
        items = [c for c in children[1:] if not (isinstance(c, Token) and c.type == "FRAC")]
        order = None
        if len(items) > 2 and not isinstance(items[1], Token) and isinstance(items[0], Token) and not isinstance(items[2], Token):
            order = items[1]  # \partial^2 C: PARTIAL, order, body, PARTIAL, var, …
            items = [items[0]] + items[2:]
        body, rest = items[1], items[2:]
        variables = tuple(var for var in rest if not (isinstance(var, Token) and var.type == "PARTIAL"))
        return PartialFraction(body, variables, order, children[0].start_pos)

    def absolute(self, children):
        return Absolute(children[1], children[0].start_pos)

    def evaluated(self, children):
        token, body = children[0], children[1]
        rest = [c for c in children[3:] if not (isinstance(c, Token) and c.type == "EQ")]
        return Evaluated(body, tuple(zip(rest[0::2], rest[1::2])), token.start_pos)

    def cases(self, children):
        rows = tuple(c for c in children if isinstance(c, tuple))
        return Cases(rows, children[0].start_pos)

    def case_row(self, children):
        conditions = [c for c in children[1:] if isinstance(c, Comparison)]
        return (children[0], conditions[0] if conditions else None)

    def condition(self, children):
        sides = tuple(c for c in children if not (isinstance(c, Token) and c.type == "COMPARE"))
        operators = tuple(_COMPARISONS[re.sub(r"[\\\s]", "", c.value)] for c in children if isinstance(c, Token) and c.type == "COMPARE")
        return Comparison(sides, operators, _start(sides[0]))

    def indicator(self, children):
        return Indicator(children[2], children[0].start_pos)

    def sqrt(self, children):
        return Root(children[1], children[0].start_pos)

    def number(self, children):
        return Number(children[0].value, children[0].start_pos)

    # -- names ------------------------------------------------------------------------------
    def atom(self, children):
        token = children[0]
        word = word_text(token)
        sub = layer = None
        for child in children[1:]:
            if isinstance(child, Token) and child.type == "SIMPLE_SUB":
                sub = script_text(child)
            elif isinstance(child, Token) and child.type == "LAYER":
                layer = layer_text(child)
            elif isinstance(child, Token) and child.type == "STAR":
                word += "^\\star"
            elif isinstance(child, Name) and child.sub is None and child.layer is None and not child.word.isdigit():
                sub = child.word  # C_{\text{CE}}: a word as subscript is part of the name
            else:
                sub = child
        return Name(word, token.start_pos, sub, layer)

    variable = atom


def walk(tree):
    """Every node of a syntax tree, the tree first (names, subscripts and arguments included)."""
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(reversed(item))
            continue
        if not hasattr(item, "__dataclass_fields__"):
            continue
        yield item
        stack.extend(reversed([getattr(item, name) for name in item.__dataclass_fields__]))
