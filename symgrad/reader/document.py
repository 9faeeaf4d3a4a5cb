"""From the pieces of a document (headings, prose, notation blocks, displayed formulas) to a
Derivation: what each numbered line is (definition, claim or step), read in the notation in force.

Reading is two passes.  The first parses every formula, so that names the document itself
defines or indexes by i (``output``, ``a_i``) are known everywhere; the second builds the SymPy
equations.  Errors are collected, not raised one by one: the lines that read are still checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp
from lark import Token, Tree
from lark.exceptions import VisitError
from sympy.core.function import AppliedUndef

from symgrad.derivation import Derivation
from symgrad.notation import Notation, family, sigma
from symgrad.reader.errors import MAX_ERRORS, ReadError, to_document_error
from symgrad.reader.notation_block import Block, read_block
from symgrad.reader.parser import parse
from symgrad.reader.source import Snippet, Source
from symgrad.reader.transformer import PRIME, Formula, FormulaBuilder
from symgrad.reader.vocabulary import Vocabulary

#: A document with more displayed formulas than this is read up to there (then an error).
MAX_DISPLAYS = 2_000
_REMARK = re.compile(r"\\(?:text|textrm|mbox)\s*\{([^{}]*)\}")
DEFAULT_READING = (
    "No notation block: read with symgrad's defaults (i the sample index, n the number of samples; "
    "x, y, z per-sample families; w, b parameters; σ the sigmoid; ^{(l)} a layer superscript)."
)


# -- the pieces readers produce --------------------------------------------------------------
@dataclass
class Heading:
    number: str
    title: str


@dataclass
class Prose:
    text: str


@dataclass
class Display:
    """A displayed formula: its text (label removed), label, and first line in the file."""

    snippet: Snippet
    label: str | None
    line: int


@dataclass
class NotationBlock:
    snippet: Snippet


@dataclass
class Problem:
    """Something a reader could not cut out of the document (an unclosed $$, a broken macro)."""

    error: ReadError


@dataclass
class _Chain:
    """An open claim that '= …' lines continue; `variable` is w when it reads C'(w) = …."""

    variable: sp.Symbol | None
    broken: bool = False  # the claim did not read: its steps cannot be judged


@dataclass
class _Parsed:
    """A formula parsed in pass one, with the vocabulary in force where it stands."""

    tree: Tree | None
    snippet: Snippet
    vocabulary: Vocabulary
    remarks: list[str] = field(default_factory=list)


class Reader:
    """Reads a list of pieces into a Derivation, collecting errors."""

    def __init__(self, source: Source, pieces: list):
        self.source, self.pieces = source, pieces
        self.errors: list[ReadError] = []

    def fail(self, error: ReadError) -> None:
        self.errors.append(error)

    def document_errors(self) -> list:
        return [to_document_error(self.source, error) for error in self.errors[:MAX_ERRORS]]

    # -- pass one: parse ------------------------------------------------------------------
    def _parse(self, snippet: Snippet, vocabulary: Vocabulary) -> _Parsed:
        remarks = []
        for match in reversed(list(_REMARK.finditer(snippet.text))):
            remarks.insert(0, match.group(1).strip())
            snippet = snippet.blank(match.start(), match.end())
        try:
            tree = parse(snippet, vocabulary.applied)
        except ReadError as error:
            self.fail(error)
            tree = None
        return _Parsed(tree, snippet, vocabulary, remarks)

    def first_pass(self) -> list:
        vocabulary, out, displays = Vocabulary(), [], 0
        for piece in self.pieces:
            displays += isinstance(piece, Display)
            if displays > MAX_DISPLAYS:
                self.fail(ReadError(f"more than {MAX_DISPLAYS} displayed formulas: not read further", piece.snippet, 0))
                break
            if isinstance(piece, NotationBlock):
                try:
                    block = read_block(piece.snippet, vocabulary)
                except ReadError as error:
                    self.fail(error)
                    continue
                vocabulary = block.vocabulary
                formulas = {
                    "held": [self._parse(s, vocabulary) for s in block.held],
                    "denote": [(self._parse(a, vocabulary), self._parse(b, vocabulary)) for a, b in block.denote],
                    "assume": [(self._parse(s, vocabulary), reading) for s, reading in block.assume],
                }
                out.append((piece, block, formulas))
            elif isinstance(piece, Display):
                out.append((piece, self._parse(piece.snippet, vocabulary)))
            else:
                out.append((piece,))
        self.vocabulary = vocabulary
        return out

    # -- pass two: build ------------------------------------------------------------------
    def read(self) -> Derivation | None:
        parsed = self.first_pass()
        trees = [p.tree for entry in parsed for p in _parsed_in(entry) if p.tree is not None]
        self.defined = frozenset(w for tree in trees if (w := _defined_word(tree)))
        self.indexed = frozenset(w for tree in trees for w in _indexed_words(tree, self.vocabulary.index))
        final = self.vocabulary
        notation = Notation(index=final.index_symbol, count=final.count_symbol)
        derivation = Derivation(self.source.path, path=self.source.path, notation=notation)
        self.derivation, self.denote, self.chain, self.prose = derivation, [], None, []
        self.title, self.labels = None, {}
        displays, has_block = 0, False
        for entry in parsed:
            piece = entry[0]
            if isinstance(piece, NotationBlock):
                has_block = True
                self._block(*entry[1:])
            elif isinstance(piece, Display):
                displays += 1
                self._display(piece, entry[1])
            elif isinstance(piece, Problem):
                self.fail(piece.error)
            elif isinstance(piece, Heading):
                self.title = self.title or piece.title
                derivation.section(piece.number or piece.title)
            else:
                self.prose.append(piece.text)
        if not has_block:
            notation.read(DEFAULT_READING)
        derivation.title = self.title or derivation.title
        if not displays and not self.errors:
            self.fail(ReadError("no displayed equations to check", None, 0))
        return derivation if derivation.equations else None

    def _formula(self, parsed: _Parsed) -> Formula | None:
        if parsed.tree is None:
            return None
        vocabulary = parsed.vocabulary.with_(defined=self.defined, indexed=self.indexed)
        try:
            formula = FormulaBuilder(vocabulary, parsed.snippet).transform(parsed.tree)
        except VisitError as error:  # lark wraps what a rule method raised
            inner = error.orig_exc
            self.fail(inner if isinstance(inner, ReadError) else ReadError(f"cannot build this formula: {inner}", parsed.snippet, 0))
            return None
        bound = {str(v) for side in formula.sides for v in _bound_variables(side)}
        if formula.sides and _is_name(formula.sides[0]) and isinstance(formula.sides[0], (AppliedUndef, sigma)):
            bound |= {str(arg) for arg in formula.sides[0].args}
        for word, token in formula.used:
            if not vocabulary.knows(word) and word not in bound:
                self.fail(ReadError(f"undefined symbol {word}: declare it in a notation block", parsed.snippet, token.start_pos))
                return None
        formula.sides = [_denoted(side, self.denote) for side in formula.sides]
        return formula

    def _block(self, block: Block, formulas: dict) -> None:
        notation = self.derivation.notation
        self.title = self.title or block.title
        for sentence in block.readings:
            notation.read(sentence)
        for parsed in formulas["held"]:
            held = self._family_name(parsed)
            if held is not None:
                notation.hold_constant(family(held))
        for written, means in formulas["denote"]:
            pair = self._formula(written), self._formula(means)
            if None not in pair:
                self.denote.append((pair[0].sides[0], pair[1].sides[0]))
        for parsed, reading in formulas["assume"]:
            formula = self._formula(parsed)
            if formula is None:
                continue
            if len(formula.sides) != 2 or formula.leading or not _is_name(formula.sides[0]):
                self.fail(ReadError("assume: expected a definition such as d_i = a_i - y_i", parsed.snippet, 0))
                continue
            equation = self.derivation.assume(formula.sides[0], formula.sides[1], reading or parsed.snippet.stripped())
            equation.line = parsed.snippet.position(0)[0]
            self.chain = None

    def _family_name(self, parsed: _Parsed) -> str | None:
        """The family a held entry names: e, e_i or e^{(l)} (e is a name here, not Euler's number)."""
        if parsed.tree is None:
            return None
        atoms = list(parsed.tree.find_data("atom"))
        if len(atoms) != 1 or len(list(parsed.tree.iter_subtrees())) > 5:
            self.fail(ReadError("held: expected a family name such as e or e^{(l)}", parsed.snippet, 0))
            return None
        try:
            name = FormulaBuilder(parsed.vocabulary, parsed.snippet).transform(atoms[0])
        except VisitError as error:
            self.fail(ReadError(f"held: {error.orig_exc}", parsed.snippet, 0))
            return None
        return name.base + (f"^{{({name.layer})}}" if name.layer else "")

    def _display(self, display: Display, parsed: _Parsed) -> None:
        label = display.label
        if label is not None and label in self.labels:
            self.fail(ReadError(f"equation ({label}) is numbered twice (first on line {self.labels[label]})", display.snippet, 0))
        if label is not None:
            self.labels[label] = display.line
        formula = self._formula(parsed)
        text, self.prose = "\n".join(self.prose).strip(), []
        if formula is None:
            if not display.snippet.text.lstrip().startswith("="):
                self.chain = _Chain(None, broken=True)
            return
        if formula.leading and self.chain is not None and self.chain.broken:
            return
        latex = display.snippet.stripped()
        try:
            equation = self._equation(label, formula, latex, parsed)
        except ReadError as error:
            self.fail(error)
            self.chain = _Chain(None, broken=True)
            return
        equation.line, equation.text = display.line, text

    def _equation(self, label, formula: Formula, latex: str, parsed: _Parsed):
        """Decide what a line is, and add it to the derivation."""
        derivation, sides = self.derivation, formula.sides
        note = _REMARK.sub(lambda m: m.group(1), latex) if parsed.remarks else ""
        if formula.leading:
            if self.chain is None:
                raise ReadError("'= …' continues no claim: the line before is not a claim or a step", parsed.snippet, 0)
            if len(sides) != 1:
                raise ReadError("one '=' per continuing line: put each step on its own line", parsed.snippet, 0)
            rhs = self._primes(sides[0], formula, parsed)
            return derivation.step(label, rhs, latex=latex)
        if len(sides) == 1 or formula.remark:
            self.chain = None
            return derivation.define(label, latex=latex, note=note or "a remark: nothing to check")
        lhs, rhs = sides[0], sides[-1]
        if isinstance(lhs, sp.Derivative) and rhs.has(sp.Limit):
            self.chain = None
            return derivation.define(label, latex=latex, note=f"defines the derivative {latex.split('=')[0].strip()} by a limit")
        if all(_is_name(side) for side in sides[:-1]):
            self.chain = None
            also = ", ".join(sp.sstr(side) for side in sides[1:-1])
            return derivation.define(label, lhs, rhs, latex=latex, note=f"also written {also}" if also else note)
        if len(sides) > 2:
            raise ReadError("a claim with several '=' on one numbered line: put each step on its own line", parsed.snippet, 0)
        self.chain = _Chain(_prime_variable(lhs))
        lhs, rhs = self._primes(lhs, formula, parsed), self._primes(rhs, formula, parsed)
        return derivation.claim(label, lhs, rhs, latex=latex)

    def _primes(self, expr, formula: Formula, parsed: _Parsed):
        """Give (…)' the variable of the line it continues (or the notation's prime)."""
        if not expr.has(PRIME):
            return expr
        variable = self.chain.variable if self.chain is not None else None
        prime = parsed.vocabulary.prime
        if variable is None and prime:
            variable = sp.Symbol(prime, real=True)
        if variable is None:
            at = formula.primes[0].start_pos if formula.primes else 0
            raise ReadError(
                "a prime needs a variable: continue a line such as C'(w) = …, or set prime = \"w\" in a notation block",
                parsed.snippet,
                at,
            )
        return expr.xreplace({PRIME: variable})


def _parsed_in(entry) -> list:
    if isinstance(entry[0], Display):
        return [entry[1]]
    if isinstance(entry[0], NotationBlock):
        formulas = entry[2]
        return formulas["held"] + [p for pair in formulas["denote"] for p in pair] + [p for p, _ in formulas["assume"]]
    return []


def _defined_word(tree: Tree) -> str | None:
    """The word a definition line defines (``output`` in ``output = y = …``), read off the tree."""
    relation = tree.children[0]
    if not isinstance(relation, Tree) or relation.data != "relation" or len(relation.children) < 3:
        return None
    node = relation.children[0]
    while isinstance(node, Tree) and node.data in ("sum", "product") and len(node.children) == 1:
        node = node.children[0]
    if isinstance(node, Tree) and node.data in ("atom", "application"):
        return str(node.children[0])
    return None


def _indexed_words(tree: Tree, index: str) -> set:
    """Names written with the sample index as subscript somewhere: they are families."""
    found = set()
    for atom in tree.find_data("atom"):
        subs = [c for c in atom.children if isinstance(c, Token) and c.type == "SIMPLE_SUB"]
        if subs and re.sub(r"[\s_{}]", "", subs[0].value) == index:
            found.add(str(atom.children[0]))
    return found


def _bound_variables(expr) -> set:
    found = set()
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Sum, sp.Limit)):
            found |= {limit[0] for limit in node.limits} if isinstance(node, sp.Sum) else {node.args[1]}
    return found


def _is_name(expr) -> bool:
    """A name a line can define: C, a_i, C(w), σ(x)."""
    if isinstance(expr, sp.Symbol):
        return True
    if isinstance(expr, sp.Indexed):
        return all(isinstance(index, sp.Symbol) for index in expr.indices)
    if isinstance(expr, (AppliedUndef, sigma)):
        return all(isinstance(arg, sp.Symbol) for arg in expr.args) and len(set(expr.args)) == len(expr.args)
    return False


def _prime_variable(lhs):
    """w in C'(w): the variable a prime on a continuing line differentiates by."""
    if isinstance(lhs, sp.Derivative) and len(lhs.variables) == 1 and lhs.variables[0] in lhs.expr.args:
        return lhs.variables[0]
    return None


def _denoted(expr, rules):
    """Replace written forms the notation names (∂_{a_i^{(l)}} C^{(l+1)} → δ_i^{(l)})."""
    return expr.xreplace(dict(rules)) if rules else expr
