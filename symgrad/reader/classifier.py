r"""What a numbered line is: a definition, a claim, a step continuing a claim, or an update rule.

The :class:`Classifier` adds each resolved formula to the Derivation as the kind of line it is
(the derivation attaches steps to their claim), and gives a prime on a parenthesis, ``(…)'``, the
variable of the ``C'(w) = …`` line it continues.

Only a left side *written* as a name or a function head (``C``, ``C(w)``, ``a_i^{(l)}``) defines,
never one that merely simplifies to a name (``\frac{2b}{2}``, ``e^{\ln w}``).  A parameter, the
sample index and the sample count are never defined: ``w = 3`` is a claim, ``w = w − η g`` an
update rule.  A name defined again in the same section is a claim about its first definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from symgrad.derivation import Derivation, Equation
from symgrad.notation import is_generic_layer, layer_of, sigma
from symgrad.reader import syntax
from symgrad.reader.errors import ReadError
from symgrad.reader.resolver import PRIME, Formula, layer_superscript_text
from symgrad.reader.source import Snippet
from symgrad.reader.vocabulary import Vocabulary

_REMARK = re.compile(r"\\(?:text|textrm|mbox)\s*\{([^{}]*)\}")


class Classifier:
    """Adds lines to a derivation; knows whether a chain is open and the variable its primes mean."""

    def __init__(self, derivation: Derivation, prime: str = ""):
        self.derivation = derivation
        self.default_prime = prime  # the notation's variable for a prime, when no C'(w) line gives one
        self.prime_variable: sp.Symbol | None = None
        self.broken = False  # the open claim did not read: its steps cannot be judged
        self.defined: dict[str, set] = {}  # section → the names defined in it
        self.generic: set = set()  # layered names defined for every layer (δ^{(l)}): anywhere after, a claim
        self.defined_as: tuple | None = None  # the last line's definition (its value, its text): '= …' may rewrite it

    def close(self, broken: bool = False) -> None:
        """No chain is open from here (after a definition, a remark, or a claim that did not read)."""
        self.derivation.close_chain()
        self.prime_variable, self.broken = None, broken

    def defines(self, lhs) -> None:
        """`lhs` is defined from here (by the prose, which leaves an open chain open): `lhs` written
        again with = in this section (or, for every layer, anywhere) is a claim about it."""
        self.defined.setdefault(self.derivation.current_section, set()).add(head_name(lhs))
        if defined_for_every_layer(lhs):
            self.generic.add(head_name(lhs))

    def skips(self, formula: Formula) -> bool:
        """A step of a claim that did not read is not judged (its error was reported)."""
        return formula.leading and self.broken

    def add(self, label, formula: Formula, latex: str, snippet: Snippet, remarks: list[str], vocabulary: Vocabulary) -> Equation:
        """Decide what a line is, and add it to the derivation (a ReadError if it cannot be one)."""
        rewritten, self.defined_as = self.defined_as, None
        if formula.leading and rewritten is not None and not self.derivation.chain_open and len(formula.sides) == 1:
            # w^{(t+1)} = w^{(t)} − η g, then '= (1 − η λ) w^{(t)} − …': a claim about the value defined above
            value, text = rewritten
            return self.derivation.claim(label, value, self._primes(formula.sides[0], formula, snippet),
                                         latex=f"{text} {latex.strip()}")
        equation = self._added(label, formula, latex, snippet, remarks, vocabulary)
        if equation.kind == "definition" and equation.rhs is not None and not formula.leading:
            self.defined_as = (equation.rhs, latex.split("=", 1)[1].strip() if "=" in latex else latex)
        return equation

    def _added(self, label, formula: Formula, latex: str, snippet: Snippet, remarks: list[str], vocabulary: Vocabulary) -> Equation:
        derivation, sides = self.derivation, formula.sides
        note = _REMARK.sub(lambda m: m.group(1), latex) if remarks else ""
        if formula.leading:
            if not derivation.chain_open or self.broken:
                raise ReadError("'= …' continues no claim: the line before is not a claim or a step", snippet, 0)
            if len(sides) != 1:
                raise ReadError("one '=' per continuing line: put each step on its own line", snippet, 0)
            return derivation.step(label, self._primes(sides[0], formula, snippet), latex=latex)
        if len(sides) == 1 or formula.remark:
            self.close()
            return derivation.define(label, latex=latex, note=note or "a remark: nothing to check")
        lhs, rhs = sides[0], sides[-1]
        operators = formula.operators or ("=",) * (len(sides) - 1)
        if set(operators) - {"="}:
            return self._written_with(operators, label, formula, latex, snippet, vocabulary)
        section = self.defined.setdefault(derivation.current_section, set())
        if isinstance(lhs, sp.Derivative) and isinstance(rhs, sp.Limit) and _of_functions_not_yet_defined(rhs, section):
            self.close()
            return derivation.define(label, latex=latex, note=f"defines the derivative {latex.split('=')[0].strip()} by a limit")
        if len(sides) == 2 and (general := _for_every_sample(lhs, rhs, vocabulary.index_symbol)) is not None:
            lhs, rhs = general  # h_θ(x^{(i)}) = Σ_j θ_j x_j^{(i)} says what h_θ(x) is
            sides = [lhs, rhs]
        names = sides[:-1]
        if all(is_name(side) and written_as_name(written, vocabulary.layered) for side, written in zip(names, formula.written)):
            fixed = [side for side in names if never_defined(side, vocabulary)]
            iterate = fixed and len(sides) == 2 and written_as_next_iterate(formula.written[0], formula.written[1])
            if iterate and str(lhs) not in section:  # written again, it is a claim about the first
                section.add(str(lhs))
                self.close()  # w^{(t+1)} = w^{(t)} − η g: a new name, given by the one before it
                return derivation.define(label, lhs, rhs, latex=latex, note="the next iterate, from the one before it")
            if fixed and len(sides) == 2 and written_as_update(formula.written[0], formula.written[1]):
                self.close()
                return derivation.update(label, lhs, rhs, latex=latex)
            if not fixed and not any(head_name(side) in section or layer_stem(side) in self.generic for side in names):
                section.update(head_name(side) for side in names)
                self.generic.update(head_name(side) for side in names if defined_for_every_layer(side))
                self.close()
                also = ", ".join(sp.sstr(side) for side in sides[1:-1])
                return derivation.define(label, lhs, rhs, latex=latex, note=f"also written {also}" if also else note)
        elif len(sides) > 2 and self._definable(lhs, formula.written[0], vocabulary, section):
            # a_i = σ(z_i) = 1/(1 + e^{-z_i}): a_i is defined as σ(z_i), and the rest is a claim about σ(z_i)
            section.add(head_name(lhs))
            parts = _parts(formula, snippet)
            definition = derivation.define(label, lhs, sides[1], latex=f"{parts[0]} = {parts[1]}")
            self.prime_variable, self.broken = None, False
            derivation.claim(label, sides[1], sides[2], latex=f"{parts[1]} = {parts[2]}")
            for side, part in zip(sides[3:], parts[3:]):
                derivation.step(label, side, latex=f"= {part}")
            return definition
        self.prime_variable, self.broken = prime_variable(lhs), False
        if len(sides) > 2:  # a = b = c on one line: the claim a = b, then the step = c
            parts = _parts(formula, snippet)
            first = derivation.claim(label, self._primes(lhs, formula, snippet), self._primes(sides[1], formula, snippet),
                                     latex=f"{parts[0]} = {parts[1]}")
            for side, part in zip(sides[2:], parts[2:]):
                derivation.step(label, self._primes(side, formula, snippet), latex=f"= {part}")
            return first
        lhs, rhs = self._primes(lhs, formula, snippet), self._primes(rhs, formula, snippet)
        return derivation.claim(label, lhs, rhs, latex=latex)

    @staticmethod
    def _definable(side, written, vocabulary, section) -> bool:
        return is_name(side) and written_as_name(written, vocabulary.layered) and not never_defined(side, vocabulary) and head_name(side) not in section

    def _written_with(self, operators, label, formula: Formula, latex, snippet: Snippet, vocabulary):
        """A line with ←, := or ≈: an update rule, a definition, or an approximation."""
        (lhs, rhs), (left, right) = formula.sides[:2], formula.written[:2]
        if len(formula.sides) != 2:
            raise ReadError(f"one {operators[0]} per numbered line: put each on its own line", snippet, 0)
        self.close()
        name = is_name(lhs) and written_as_name(left, vocabulary.layered)
        if operators[0] == "≈":
            return self.derivation.approximate(label, lhs, rhs, latex=latex)
        element = isinstance(lhs, sp.Indexed) and written_as_name(left, vocabulary.layered)  # θ_1 := θ_1 − …
        if (name or element) and (operators[0] == "←" or written_as_update(left, right) or _refers_to(rhs, lhs)):
            return self.derivation.update(label, lhs, rhs, latex=latex)
        if not name:
            raise ReadError(f"the left side of {operators[0]} is a name: what it gives a value", snippet, 0)
        if never_defined(lhs, vocabulary):
            return self.derivation.claim(label, lhs, rhs, latex=latex)
        self.defined.setdefault(self.derivation.current_section, set()).add(head_name(lhs))
        return self.derivation.define(label, lhs, rhs, latex=latex)

    def _primes(self, expr, formula: Formula, snippet: Snippet):
        """Give (…)' the variable of the line it continues (or the notation's prime)."""
        if not expr.has(PRIME):
            return expr
        variable = self.prime_variable
        if variable is None and self.default_prime:
            variable = sp.Symbol(self.default_prime, real=True)
        if variable is None:
            at = formula.primes[0] if formula.primes else 0
            raise ReadError(
                "a prime needs a variable: continue a line such as C'(w) = …, or set prime = \"w\" in a notation block",
                snippet,
                at,
            )
        return expr.xreplace({PRIME: variable})


#: Prose in \text{…} that begins a comment on the line, not a word inside it: "(the factor ",
#: "for all ", "at ", "since ", anything with a space.
_PROSE = re.compile(r"\s*\(|.*\S\s+\S|\s*(for|at|when|where|since|because|by|using|as|with|if|i\.e\.|e\.g\.)\b", re.I)
#: What may stand before a comment: spacing, an alignment mark, a comma.
_BEFORE_COMMENT = re.compile(r"(?:\s|\\q?quad(?![A-Za-z])|\\[,;:! ]|~|&|,)*$")
#: A comment that names the point a line holds at: "at w = 3", "for w = 0".
_AT_POINT = re.compile(r"\s*(?:at|for|when)\s*$", re.I)


@dataclass(frozen=True)
class Annotation:
    """A comment written after a line (``\\quad \\text{(the factor } 2 \\text{ cancels)}``): not
    part of the equation.  `point` is the ``w = 3`` of "at w = 3", the point the line is about."""

    text: str
    point: Snippet | None = None
    defines: bool = False  # "\\text{with } μ = σ(w x + b)": a definition hidden in the comment


def annotation_in(snippet: Snippet) -> tuple[Snippet, Annotation | None]:
    """The line without the comment that ends it, and the comment: from the first \\text{…} of
    prose (outside a subscript, a function's name and \\begin{cases}) to the end of the line."""
    cases = [(m.start(), m.end()) for m in re.finditer(r"\\begin\s*\{cases\}.*?\\end\s*\{cases\}", snippet.text, re.S)]
    for match in _REMARK.finditer(snippet.text):
        before = snippet.text[: match.start()]
        if (not _PROSE.match(match.group(1)) or re.search(r"[_^]\s*\{?\s*$", before) or _open_brackets(before)
                or any(start <= match.start() < end for start, end in cases)):
            continue  # a word of a name, a remark inside brackets ((z_i : \text{expected output})), a case
        start = _BEFORE_COMMENT.search(before).start()
        tail = snippet.text[match.end():]
        words = _REMARK.sub(lambda m: m.group(1), snippet.text[match.start():]).strip()
        point = None
        if _AT_POINT.fullmatch(match.group(1)) and re.fullmatch(r"\s*[^=]+=[^=]+?[.,]?\s*", tail) and not _REMARK.search(tail):
            end = len(snippet.text) - len(tail) + len(tail.rstrip().rstrip(".,"))
            point = snippet.part(match.end(), end)
        defines = point is None and "=" in _REMARK.sub(" ", tail) and re.match(
            r"\s*(with|where|let|letting|setting|and|for)\b", match.group(1), re.I) is not None
        return snippet.blank(start, len(snippet.text)), Annotation(" ".join(words.split()), point, defines)
    return snippet, None


def _open_brackets(text: str) -> bool:
    """Whether `text` leaves a bracket open: (, [ or { (not an escaped \\{)."""
    unescaped = re.sub(r"\\.", "", text)
    return any(unescaped.count(opening) > unescaped.count(closing) for opening, closing in ("()", "[]", "{}"))


def remarks_in(snippet: Snippet) -> tuple[Snippet, list[str]]:
    """The snippet with ``\\text{…}`` remarks blanked, and the remarks."""
    remarks = []
    for match in reversed(list(_REMARK.finditer(snippet.text))):
        if re.search(r"[_^]\s*\{?\s*$", snippet.text[: match.start()]):
            continue  # C_{\text{CE}}: a word in a subscript is part of a name, not a remark
        if re.match(r"\s*\(", snippet.text[match.end():]) and re.fullmatch(r"\s*[A-Za-z]+\s*", match.group(1)):
            continue  # \text{ReLU}(z): a function's name, read as \mathrm{ReLU}(z), never blanked
        remarks.insert(0, match.group(1).strip())
        snippet = snippet.blank(match.start(), match.end())
    return snippet, remarks


def written_as_name(tree, layered: frozenset = frozenset()) -> bool:
    """The side is written as a name (x, a_i^{(l)}, {x}_{i}, Nielsen's z^l) or a function head
    (C(w), σ(x)), not as an expression that merely evaluates to one."""
    if isinstance(tree, syntax.Power) and isinstance(tree.base, syntax.Name) and tree.base.word in layered:
        return layer_superscript_text(tree.exponent) is not None
    if isinstance(tree, syntax.Name):
        return not tree.word.isdigit()
    if isinstance(tree, syntax.Subscripted):
        return isinstance(tree.body, syntax.Name)
    if isinstance(tree, syntax.Call):
        return not tree.primes and all(isinstance(arg, syntax.Name) for arg in tree.args)
    return False


def head_name(expr) -> str:
    """The name a definition gives a value: C for C(w), a for a_i, δ at every layer for δ^{(l)}."""
    if isinstance(expr, sp.Indexed):
        name = str(expr.base)
    elif isinstance(expr, sp.Symbol):
        name = expr.name
    else:
        return str(expr.func)
    layered = layer_of(name)
    if layered is not None and layered[1].free_symbols:  # δ^{(l)}: one definition for every layer
        return layered[0]
    return name


def layer_stem(expr) -> str:
    """The name δ at every layer stands for, for δ^{(l)}, δ^{(L)} and δ^{(2)} alike (else head_name):
    after δ^{(l)} = …, δ^{(2)} = … is a claim about layer 2 of it."""
    name = str(expr.base) if isinstance(expr, sp.Indexed) else getattr(expr, "name", None)
    layered = layer_of(name) if name else None
    return layered[0] if layered is not None else head_name(expr)


def defined_for_every_layer(expr) -> bool:
    """δ^{(l)} = … defines δ at every layer; δ^{(L)} = … only at the last."""
    name = str(expr.base) if isinstance(expr, sp.Indexed) else getattr(expr, "name", None)
    layered = layer_of(name) if name else None
    return layered is not None and is_generic_layer(layered[1])


def _for_every_sample(lhs, rhs, index):
    """h(x_i) = body, with x_i a sample and i used nowhere else: the function h(x) = body with
    x_{ij} read as x_j (its argument's components), or None for another line."""
    if not (isinstance(lhs, AppliedUndef) and lhs.args and all(
            isinstance(arg, sp.Indexed) and arg.indices == (index,) for arg in lhs.args)):
        return None
    bases = {arg.base for arg in lhs.args}
    params = {arg.base: sp.Symbol(str(arg.base.label), real=True) for arg in lhs.args}
    renamed = {}
    for element in rhs.atoms(sp.Indexed):
        if element.base in bases and element.indices[0] == index:
            rest = element.indices[1:]
            renamed[element] = element.base[rest] if rest else params[element.base]
    body = rhs.xreplace(renamed)
    if index in body.free_symbols:
        return None  # the body reads sample i elsewhere (y_i): not a function of x alone
    return lhs.func(*(params[arg.base] for arg in lhs.args)), body


def _of_functions_not_yet_defined(limit: sp.Limit, section: set) -> bool:
    """f'(x) = lim (f(x + h) − f(x))/h of a function f not defined (yet, in this section) defines
    what a derivative is; of a J defined above it, it is a claim about J to check."""
    applied = limit.args[0].atoms(AppliedUndef)
    return bool(applied) and not any(head_name(f) in section for f in applied)


def never_defined(expr, vocabulary: Vocabulary) -> bool:
    """Parameters (w, w_1, w^{(l)}), data families (x_i, y_i), the sample index and the count:
    names an equation never defines (``x_i = 0`` is a claim about the data, a false one)."""
    if isinstance(expr, sp.Indexed):
        word = re.split(r"[_^]", str(expr.base), maxsplit=1)[0]
        return word in vocabulary.data or str(expr.base) in vocabulary.implicit
    if not isinstance(expr, sp.Symbol) or "\\star" in expr.name:  # w^\star names an optimum, not w
        return False
    word = re.split(r"[_^]", expr.name, maxsplit=1)[0]
    return word in vocabulary.parameters or expr in (vocabulary.index_symbol, vocabulary.count_symbol)


def _parts(formula: Formula, snippet: Snippet) -> list[str]:
    """The text of each side of ``a = b = c``, as written."""
    starts = [side.start for side in formula.written] + [len(snippet.text)]
    parts = []
    for start, end in zip(starts, starts[1:]):
        text = " ".join(snippet.text[start:end].split())
        parts.append(text[:-1].rstrip() if text.endswith("=") else text)
    return parts


def _refers_to(body, name) -> bool:
    """Whether `body` uses `name` (a self-referential line)."""
    if isinstance(name, sp.Indexed):
        return any(node.base == name.base for node in body.atoms(sp.Indexed))
    return name in body.free_symbols


def written_as_update(left, right) -> bool:
    """``w = w − η g``: the right side starts with the left side's name, then adds or takes away."""
    return isinstance(right, syntax.Terms) and len(right.terms) >= 2 and right.terms[0][0] == 1 and _same_name(right.terms[0][1], left)


def written_as_next_iterate(left, right) -> bool:
    """``w^{(t+1)} = w^{(t)} − η g``: the right side starts with the left side's name one step before."""
    if not (isinstance(right, syntax.Terms) and len(right.terms) >= 2 and right.terms[0][0] == 1):
        return False
    first = right.terms[0][1]
    return (isinstance(left, syntax.Name) and isinstance(first, syntax.Name) and (left.word, left.sub) == (first.word, first.sub)
            and first.layer is not None and len(first.layer) == 1 and first.layer.isalpha()
            and str(left.layer).replace(" ", "") == f"{first.layer}+1")


def _same_name(first, second) -> bool:
    if not (isinstance(first, syntax.Name) and isinstance(second, syntax.Name)):
        return False
    return (first.word, first.sub, first.layer, first.index) == (second.word, second.sub, second.layer, second.index)


def is_name(expr) -> bool:
    """A name a line can define: C, a_i, C(w), σ(x)."""
    if isinstance(expr, sp.Symbol):
        return True
    if isinstance(expr, sp.Indexed):
        return all(isinstance(index, sp.Symbol) for index in expr.indices)
    if isinstance(expr, (AppliedUndef, sigma)):  # C(w, b), J(θ_0, θ_1)
        return all(isinstance(arg, sp.Symbol) or isinstance(arg, sp.Indexed) and all(i.is_Integer for i in arg.indices)
                   for arg in expr.args) and len(set(expr.args)) == len(expr.args)
    return False


def prime_variable(lhs):
    """w in C'(w): the variable a prime on a continuing line differentiates by."""
    if isinstance(lhs, sp.Derivative) and len(lhs.variables) == 1 and lhs.variables[0] in lhs.expr.args:
        return lhs.variables[0]
    return None
