"""From the pieces of a document (headings, prose, notation blocks, displayed formulas) to a
Derivation: what each numbered line is (definition, claim or step), read in the notation in force.

Reading is two passes.  The first parses every formula, so that names the document itself
defines or indexes by i (``output``, ``a_i``) are known everywhere; the second builds the SymPy
equations.  Errors are collected, not raised one by one: the lines that read are still checked.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

import sympy as sp

from symgrad.derivation import Derivation
from symgrad.notation import Notation, family, plain
from symgrad.printing import GREEK_LETTERS, readable_name
from symgrad.reader import syntax
from symgrad.reader.classifier import (
    Annotation,
    Classifier,
    annotation_in,
    is_name,
    never_defined,
    remarks_in,
)
from symgrad.reader.errors import MAX_ERRORS, ReadError, to_document_error
from symgrad.reader.notation_block import Block, read_block
from symgrad.reader.parser import syntax_tree
from symgrad.reader.pieces import (
    Display,
    Heading,
    NotationBlock,
    Problem,
    ProseDefinition,
    Title,
)
from symgrad.reader.resolver import (
    Formula,
    Resolver,
    function_key,
    layer_superscript_text,
)
from symgrad.reader.source import Snippet, Source, continues_expression
from symgrad.reader.vocabulary import Vocabulary

#: Names written as Greek letters: read as constants when never defined (λ, η, α, β, γ, μ).
_GREEK = re.compile(r"\\(" + "|".join(GREEK_LETTERS) + r")(?![A-Za-z])")
#: A document with more displayed formulas than this is read up to there (then an error).
MAX_DISPLAYS = 2_000
DEFAULT_READING = (
    "No notation block: read with symgrad's defaults (i the sample index, n the number of samples; "
    "x, y, z per-sample families; w, b parameters; σ the sigmoid; ^{(l)} a layer superscript)."
)


@dataclass
class _Parsed:
    """A formula parsed in pass one (its syntax tree), with the vocabulary in force where it stands;
    `error` is why it could not be read (parsed or resolved), if it could not."""

    tree: object | None
    snippet: Snippet
    vocabulary: Vocabulary
    remarks: list[str] = field(default_factory=list)
    error: ReadError | None = None
    written: str = ""  # the statement as written (remarks included), for reports
    annotation: Annotation | None = None  # a comment after the line: "\quad \text{for all } w"


#: Environments whose rows continue one another (C &= A \\ &= B): read as one line, a chain.
_JOINED = re.compile(r"\\(begin|end)\s*\{\s*(aligned|split|alignedat|align\*?|eqnarray\*?)\s*\}(\s*\{\s*\d+\s*\})?")
#: Environments whose rows are separate statements.
_ROWS = re.compile(r"\\(begin|end)\s*\{\s*(gathered|gather\*?|multline\*?)\s*\}")
_ROW_BREAK = re.compile(r"\\\\(\s*\[[^\]]*\])?")
#: Two statements on one line: w ← …, \qquad b ← …
_SEPARATED = re.compile(r"[,;]\s*\\q?quad(?![A-Za-z])|\\q?quad\s*\\text\s*\{\s*(and|or)\s*\}\s*\\q?quad")
_TRAILING = re.compile(r"[.,;]\s*$")


def _at_point(tree, point, annotation: Annotation):
    """``C'(w) = 0 \\quad \\text{at } w = 3``: each side taken at w = 3, as \\left. … \\right|_{w=3}."""
    if not (isinstance(tree, syntax.Relation) and isinstance(point, syntax.Relation) and len(point.sides) == 2
            and point.operators in ((), ("=",)) and isinstance(point.sides[0], (syntax.Name, syntax.Subscripted))):
        raise ReadError(f"“{annotation.text}” is not a point such as “at w = 3”: write the line at the point, "
                        r"or as \left. … \right|_{w=3}", annotation.point, 0)
    at = ((point.sides[0], point.sides[1]),)
    return dataclasses.replace(tree, sides=tuple(syntax.Evaluated(side, at, _side_start(side)) for side in tree.sides))


def _side_start(side) -> int:
    return getattr(side, "start", 0)


def statements(snippet: Snippet) -> list[Snippet]:
    """The statements of one display: rows of an aligned block that continue the row before
    (``&= …``) joined to it into a chain, other rows and statements set apart by ``, \\qquad`` on
    their own, alignment marks and a final full stop or comma blanked."""
    spans = [m.span() for m in _JOINED.finditer(snippet.text)] + [m.span() for m in _ROWS.finditer(snippet.text)]
    if spans:  # alignment marks belong to the environment; elsewhere a & is an error
        spans += [(m.start(), m.end()) for m in re.finditer(r"(?<!\\)&", snippet.text)]
    snippet = snippet.blank_all(spans)
    cuts = [m.span() for m in _SEPARATED.finditer(snippet.text)]
    cases = [(m.start(), m.end()) for m in re.finditer(r"\\begin\s*\{\s*cases\s*\}.*?\\end\s*\{\s*cases\s*\}", snippet.text, re.S)]
    for row in _ROW_BREAK.finditer(snippet.text):
        if any(start < row.start() < end for start, end in cases):
            continue  # the rows of cases belong to it
        # a row that starts with a relation continues the chain; one that starts with + − × · continues the expression
        after = snippet.text[row.end():]
        continues = re.match(r"\s*(?:\\q?quad\s*|\\[,;:!]\s*)*(=|\\approx|\\leq?|\\geq?|<|>)", after) or \
            continues_expression(re.split(r"\\\\", after, maxsplit=1)[0])
        if continues:
            snippet = snippet.blank(*row.span())
        else:
            cuts.append(row.span())
    parts, start = [], 0
    for cut_start, cut_end in sorted(cuts):
        parts.append(snippet.part(start, cut_start))
        start = cut_end
    parts.append(snippet.part(start, len(snippet.text)))
    found = []
    for part in parts:
        trailing = _TRAILING.search(part.text)
        if trailing:
            part = part.blank(trailing.start(), trailing.start() + 1)
        if part.text.strip():
            found.append(part)
    return found or [snippet]


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
    def _parse(self, snippet: Snippet, vocabulary: Vocabulary, quiet: bool = False) -> _Parsed:
        """The parsed formula; an error is the document's unless `quiet` (prose: the parsed formula
        keeps it, and whatever rests on the formula is not checked)."""
        written = snippet.stripped()
        snippet, annotation = annotation_in(snippet)
        snippet, remarks = remarks_in(snippet)
        try:
            if annotation is not None and annotation.defines:
                raise ReadError(f"“{annotation.text}” defines a name inside a comment after the line, which is not "
                                f"read: write the definition as a line of its own", snippet, len(snippet.text.rstrip()))
            tree = syntax_tree(snippet)
            if annotation is not None and annotation.point is not None:
                tree = _at_point(tree, syntax_tree(annotation.point), annotation)
            return _Parsed(tree, snippet, vocabulary, remarks, written=written, annotation=annotation)
        except ReadError as error:
            if not quiet:
                self.fail(error)
            return _Parsed(None, snippet, vocabulary, remarks, error, written, annotation)

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
                out.append((piece, [self._parse(part, vocabulary) for part in statements(piece.snippet)]))
            elif isinstance(piece, ProseDefinition):
                out.append((piece, self._parse(piece.snippet, vocabulary, quiet=True)))
            else:
                out.append((piece,))
        self.vocabulary = vocabulary
        return out

    # -- pass two: build ------------------------------------------------------------------
    def read(self) -> Derivation | None:
        parsed = self.first_pass()
        trees = [p.tree for entry in parsed for p in _parsed_in(entry) if p.tree is not None]
        self.defined = frozenset(w for tree in trees if (w := _defined_word(tree)))
        self.functions = frozenset(w for tree in trees if (w := _defined_function(tree)))
        self.defines_e = any(isinstance(left := _left_of_definition(tree), syntax.Name) and left.word == "e"
                             and left.sub is None and left.layer is None for tree in trees)
        # ℓ(w, b, σ) = …: σ is a variable of this document (a standard deviation), not the sigmoid
        self.variable_activations = (frozenset(w for tree in trees for w in _parameter_words(tree))
                                     & {name for name, _ in self.vocabulary.activations})
        self.count, other_tops = _count_words(trees, self.vocabulary)
        self.ranges = _index_ranges(trees, self.vocabulary.index, self.count)
        self.index_letters = frozenset(self.ranges)
        self.counts = frozenset(self.ranges.values()) | other_tops
        letters = self.index_letters | {self.vocabulary.index} | _summed_letters(trees)
        self.indexed = frozenset(w for tree in trees for w in _indexed_words(tree, letters))
        self.layered = _layered_words(trees)
        # x^2 and y^2 stay powers: data has no layers (Nielsen's input is a^0, defined as x)
        self.layered_numbered = _layered_words(trees, numbered=True) - (self.vocabulary.data - self.layered)
        self.numbered_layers = _defined_with_numbered_layers(trees, self.vocabulary)
        final = self.vocabulary.with_(count=self.count)
        notation = Notation(index=final.index_symbol, count=final.count_symbol)
        derivation = Derivation(self.source.path, path=self.source.path, notation=notation)
        self.derivation, self.denote, self.prose, self.undeclared = derivation, [], [], set()
        self.classifier = Classifier(derivation)
        self.title, self.labels = None, {}
        has_block = False
        parsed = _without_restatements(parsed)
        first_used = _first_uses(parsed)  # display index → the prose definitions it is the first to use
        placed = {id(entry) for entries in first_used.values() for entry in entries}
        self.pending = [entry for entry in parsed if isinstance(entry[0], ProseDefinition) and id(entry) not in placed]
        for k, entry in enumerate(parsed):
            piece = entry[0]
            if isinstance(piece, NotationBlock):
                has_block = True
                self._block(*entry[1:])
            elif isinstance(piece, Display):
                self.pending += first_used.get(k, [])
                self._place_prose_definitions(piece, entry[1])
                self._display(piece, entry[1])
            elif isinstance(piece, ProseDefinition):
                pass  # in force from the first display that uses its name (first_used)
            elif isinstance(piece, Problem):
                self.fail(piece.error)
            elif isinstance(piece, Title):
                self.title = self.title or piece.text
            elif isinstance(piece, Heading):
                self.title = self.title or piece.title
                derivation.section(piece.number or piece.title, piece.title)
            else:
                self.prose.append(piece.text)
        if not has_block:
            notation.read(DEFAULT_READING)
        if self.numbered_layers and self.vocabulary.layers and not self.vocabulary.bare_layers:
            names = ", ".join(f"{word}^1" for word in self.numbered_layers)
            notation.read(f"{names} defined: a number as superscript is a layer (z^2 is z at layer 2), not a power; "
                          f"write layers = false in a notation block for powers.")
        if self.count != self.vocabulary.count:
            notation.read(f"{self.count} is the number of samples: the sums over {final.index} run from 1 to {self.count}.")
        for letter, count in sorted(self.ranges.items()):
            notation.read(f"{letter} runs up to {count}, as the sums over {letter} do (a free {letter} is tried at 1 … {count}); "
                          f"{count} is a whole number of its own.")
            notation.ranges[sp.Symbol(letter, integer=True, positive=True)] = sp.Symbol(count, integer=True, positive=True)
        for name in sorted(self.variable_activations):
            notation.read(f"{readable_name(name)} is a variable in this document (an argument of a function it "
                          f"defines), not an activation function.")
        if self.undeclared:
            names = ", ".join(readable_name(name) for name in sorted(self.undeclared))
            notation.read(f"Not declared, so read as real numbers (constants or parameters): {names}.")
            notation.stand_ins.update(sp.Symbol(name, real=True) for name in self.undeclared)
            self._unknown_dependence(derivation)
        undefined = sorted(self.indexed - self.defined - self.vocabulary.data - self.vocabulary.families
                           - {str(f) for f in notation.held_constant})
        if undefined:
            notation.read(f"Per-sample values never defined: {', '.join(map(readable_name, undefined))}; read as data, like x and y "
                          f"(they do not depend on the parameters).")
        derivation.title = self.title or derivation.title
        return derivation if derivation.equations else None

    def _unknown_dependence(self, derivation: Derivation) -> None:
        """The undeclared names that may be computed from the parameters: used in the value of a
        defined name (C = ½(h − y)²; in a function's definition, H(r) = … k …, k is a constant of
        H), not a Greek letter (λ, η are constants), not a parameter by its look (w1) and never a
        variable of a derivative (∂C/∂k makes k a parameter)."""
        notation = derivation.notation
        variables = {variable for equation in derivation.equations for side in (equation.lhs, equation.rhs)
                     if isinstance(side, sp.Basic) for derivative in side.atoms(sp.Derivative)
                     for variable in derivative.variables}
        in_names = {symbol for equation in derivation.equations  # C = ½(h − y)², not H(r) = … k …: k is H's constant
                    if equation.kind == "definition" and isinstance(equation.lhs, (sp.Symbol, sp.Indexed))
                    and isinstance(equation.rhs, sp.Basic) for symbol in equation.rhs.free_symbols}
        parameters = self.vocabulary.parameters  # w1, b2: parameters by their look, independent of w
        unknown = sorted((s for s in notation.stand_ins & in_names if s not in variables and not _GREEK.match(s.name)
                          and re.match(r"\\?[A-Za-z]+", s.name).group() not in parameters), key=str)
        if unknown:
            names = ", ".join(plain(s) for s in unknown)
            notation.read(f"{names}: never defined, and not a constant by its look (a Greek letter) nor a variable "
                          f"of a derivative, so a derivative through it is not taken to be 0.")
            notation.unknown_dependence.update(unknown)

    def _formula(self, parsed: _Parsed, quiet: bool = False) -> Formula | None:
        if parsed.tree is None:
            return None
        vocabulary = self._vocabulary(parsed)
        try:
            formula = Resolver(vocabulary, parsed.snippet).formula(parsed.tree)
        except ReadError as error:
            if not quiet:
                self.fail(error)
            parsed.error = error
            return None
        bound = {str(v) for side in formula.sides for v in _bound_variables(side)}
        if formula.sides and is_name(formula.sides[0]) and not isinstance(formula.sides[0], (sp.Symbol, sp.Indexed)):
            bound |= {str(arg) for arg in formula.sides[0].args}
        self.undeclared.update(word for word, _ in formula.used
                               if not vocabulary.knows_value(word) and word not in bound and word != "\\pi")  # π is 3.14…
        denoted = [_denoted(side, self.denote) for side in formula.sides]
        for written, means in self.denote:
            if any(before.has(written) for before in formula.sides):
                formula.readings.append(f"{plain(written)} is written {plain(means)} here, as the notation block's [[denote]] says")
        formula.sides = denoted
        return formula

    def _vocabulary(self, parsed: _Parsed) -> Vocabulary:
        """The notation where a formula stands, with what the whole document defines."""
        vocabulary = parsed.vocabulary
        if self.variable_activations:
            vocabulary = vocabulary.with_(
                activations=tuple(pair for pair in vocabulary.activations if pair[0] not in self.variable_activations),
                symbols=vocabulary.symbols | self.variable_activations)
        functions = vocabulary.functions | self.functions
        layered = self.layered_numbered if vocabulary.bare_layers or self.numbered_layers else self.layered
        return vocabulary.with_(defined=self.defined, indexed=self.indexed, functions=functions, count=self.count,
                                euler=not self.defines_e,
                                index_letters=self.index_letters, counts=self.counts, layered=layered)

    def _block(self, block: Block, formulas: dict) -> None:
        notation = self.derivation.notation
        self.title = block.title or self.title  # a title the notation block gives wins
        self.classifier.default_prime = block.vocabulary.prime
        for sentence in block.readings:
            notation.read(sentence)
        for parsed in formulas["held"]:
            held = self._family_name(parsed)
            if held is not None:
                notation.hold_constant(family(held))
        for written, means in formulas["denote"]:
            pair = self._formula(written), self._formula(means)
            if None in pair:
                continue
            refused = _refused_rewrite(pair[0].sides[0], pair[1].sides[0], block.vocabulary)
            if refused:
                self.fail(ReadError(f"[[denote]]: {refused}", written.snippet, 0))
                continue
            self.denote.append((pair[0].sides[0], pair[1].sides[0]))
        for parsed, reading in formulas["assume"]:
            formula = self._formula(parsed)
            if formula is None:
                continue
            if len(formula.sides) != 2 or formula.leading or not is_name(formula.sides[0]):
                self.fail(ReadError("assume: expected a definition such as d_i = a_i - y_i", parsed.snippet, 0))
                continue
            if never_defined(formula.sides[0], self._vocabulary(parsed)):
                self.fail(ReadError(f"assume: {plain(formula.sides[0])} is a parameter, data or an index: "
                                    "a claim about it must hold for every value", parsed.snippet, 0))
                continue
            equation = self.derivation.assume(formula.sides[0], formula.sides[1], reading or parsed.snippet.stripped())
            equation.line = parsed.snippet.position(0)[0]
            self.classifier.close()

    def _place_prose_definitions(self, display: Display, statements: list[_Parsed]) -> None:
        """The prose definitions of the names `display` uses, in force from here: δ^l ≡ ∂C_x/∂z^l
        may come before C_x and z^l are defined, and means them as the document goes on to."""
        used = _words_in(parsed.tree for parsed in statements)
        for entry in list(self.pending):
            piece, parsed = entry
            name = _prose_name(parsed)
            if name in used and entry in self.pending:
                self.pending.remove(entry)
                rivals = [other for other in self.pending if _prose_left(other[1]) == _prose_left(parsed)]
                if rivals:  # "some use $e_i := a_i - y_i$; we use $e_i := y_i - a_i$": which is meant is not read
                    self._ambiguous(name, [entry, *rivals])
                    continue
                self._place_prose_definitions(display, [parsed])  # e_i := a_i − y_i after a_i := σ(…): a_i first
                self._prose_definition(piece, parsed, display)

    def _defines_by_equals(self, formula: Formula | None, parsed: _Parsed) -> bool:
        """Whether prose written with = ($a_i = \\sigma(w x_i + b)$) defines: a name no display
        defines above its first use (_without_restatements) nor the notation fixes, given by a value
        that names something (at $z = 0$ does not)."""
        if formula is None or len(formula.sides) != 2 or not is_name(formula.sides[0]):
            return False
        lhs, rhs = formula.sides
        return (not never_defined(lhs, self._vocabulary(parsed))
                and bool(rhs.free_symbols - lhs.free_symbols) and not rhs.is_number)

    def _ambiguous(self, name: str, entries: list) -> None:
        """Several prose definitions of one name, all pending at once: none is used, and what uses
        the name is not checked."""
        for entry in entries:
            if entry in self.pending:
                self.pending.remove(entry)
        lines = " and ".join(str(piece.line) for piece, _ in entries)
        why = f"the prose defines it {len(entries)} times (lines {lines}), and symgrad does not read which is meant"
        self._unchecked(entries[0], name, why, f"{name}: {why}; lines that use it are not checked.")

    def _unchecked(self, entry, name: str | None, why: str, reading: str) -> None:
        """A prose definition that is not used: `reading` says why, and the lines that use `name`
        are not checked against a stand-in for it."""
        piece, parsed = entry
        self.derivation.notation.read(reading)
        self.derivation.unread(None, parsed.written, why, piece.line, name).assumed = True

    def _prose_definition(self, piece: ProseDefinition, parsed: _Parsed, display: Display) -> None:
        formula = self._formula(parsed, quiet=True)
        where = f"the prose on line {piece.line}"
        if piece.equals and not self._defines_by_equals(formula, parsed):
            return
        if formula is not None and len(formula.sides) == 2 and never_defined(formula.sides[0], self._vocabulary(parsed)):
            # y_i := 1 fixes data (x_0^{(i)} := 1, Ng's intercept feature): a condition symgrad does not substitute
            why = "it fixes data, a parameter or an index, which symgrad does not substitute"
            self._unchecked((piece, parsed), _prose_name(parsed), why,
                            f"{parsed.written} in {where}: {why}; lines that use it are not checked.")
            return
        if formula is not None and (len(formula.sides) != 2 or formula.operators not in ((":=",), ("=",))
                                    or not is_name(formula.sides[0])):
            parsed.error, formula = ReadError("not a definition of one name", parsed.snippet, 0), None
        if formula is None:
            why = parsed.error.message if parsed.error else "it could not be read"
            name = _prose_name(parsed)
            self._unchecked((piece, parsed), name, why, f"{parsed.written} in {where} looks like a definition of {name}, "
                                                        f"but {why}: lines that use {name} are not checked.")
            return
        lhs, rhs = formula.sides
        reading = (f"{parsed.written} in {where} is read as the definition of {plain(lhs)}, "
                   f"in force from line {display.line}, where {plain(lhs)} is first used.")
        equation = self.derivation.assume(lhs, rhs, reading, closes=False)
        equation.line = piece.line
        self.classifier.defines(lhs)

    def _family_name(self, parsed: _Parsed) -> str | None:
        """The family a held entry names: e, e_i or e^{(l)} (e is a name here, not Euler's number)."""
        if parsed.tree is None:
            return None
        name = parsed.tree
        if isinstance(name, syntax.Relation) and len(name.sides) == 1 and not (name.leading or name.trailing):
            name = name.sides[0]
        if not isinstance(name, syntax.Name) or not (name.sub is None or isinstance(name.sub, str)):
            self.fail(ReadError("held: expected a family name such as e or e^{(l)}", parsed.snippet, 0))
            return None
        return name.word + (f"^{{({name.layer})}}" if name.layer else "")

    def _display(self, display: Display, statements: list[_Parsed]) -> None:
        label = display.label
        if label is not None and label in self.labels:
            self.fail(ReadError(f"equation ({label}) is numbered twice (first on line {self.labels[label]})", display.snippet, 0))
        if label is not None:
            self.labels[label] = display.line
        text, self.prose = "\n".join(self.prose).strip(), []
        for parsed in statements:
            before = len(self.derivation.equations)
            equation = self._statement(label, parsed)
            equation.text = text
            for added in self.derivation.equations[before:]:  # A = B = C: the claim and its steps
                if added.kind != "unread":
                    added.line = display.line

    def _statement(self, label, parsed: _Parsed):
        """One statement of a display, added to the derivation as what it is, or as unread."""
        formula = self._formula(parsed)
        if formula is None:
            if not parsed.snippet.text.lstrip().startswith("="):
                self.classifier.close(broken=True)
            return self._unread(label, parsed, parsed.error)
        if self.classifier.skips(formula):
            return self._unread(label, parsed, None)
        try:
            vocabulary = self._vocabulary(parsed)
            equation = self.classifier.add(label, formula, parsed.written, parsed.snippet, parsed.remarks, vocabulary)
        except ReadError as error:
            self.fail(error)
            self.classifier.close(broken=True)
            return self._unread(label, parsed, error)
        equation.domain, equation.readings = tuple(formula.domain), tuple(formula.readings)
        if parsed.annotation is not None:
            how = ("the line is read at that point" if parsed.annotation.point is not None
                   else "a comment, not part of the equation")
            equation.readings += (f"“{parsed.annotation.text}”: {how}",)
        return equation

    def _unread(self, label, parsed: _Parsed, error: ReadError | None):
        """A statement that could not be read: a result of its own, and a name it may have defined."""
        if error is None:
            message = "continues a claim that could not be read"
            line = parsed.snippet.position(0)[0]
        else:
            message = error.message
            line = error.position(self.source)[0]
        name = (_defined_function(parsed.tree) or _defined_word(parsed.tree)) if parsed.tree is not None else _written_name(parsed.snippet.text)
        return self.derivation.unread(label, parsed.written, message, line, name)


def _prose_left(parsed: _Parsed) -> str:
    """The left side of a prose definition as written, spaces left out (a^1 and a^0 differ)."""
    left = re.split(r":=|\\(?:coloneqq|eqqcolon|triangleq|equiv)(?![A-Za-z])|=", parsed.snippet.text, maxsplit=1)[0]
    return "".join(left.split())


def _prose_name(parsed: _Parsed) -> str | None:
    """The name a prose definition defines, read off its syntax (or its text, if it did not parse)."""
    return _defined_word(parsed.tree) if parsed.tree is not None else _written_name(parsed.snippet.text)


def _without_restatements(parsed: list) -> list:
    """The pieces without the prose `=` lines that restate a display ("$z^1 = w^1 x + b^1$" beside
    the display that defines z^1) or solve for a variable ("setting (2) to zero gives $β_0 = ȳ − β_1 x̄$",
    β_0 a variable of L(β_0, β_1) or of a derivative): a prose `=` defines a name only where no display
    has defined it by the first display that uses it ("Let $p_i = σ(w x_i)$", used in (1), a display
    (4) below)."""
    variables = {(name.word, name.sub) for entry in parsed if isinstance(entry[0], Display) for statement in entry[1]
                 if statement.tree is not None for name in _variables(statement.tree)}
    defining: dict[str, int] = {}
    for k, entry in enumerate(parsed):
        if isinstance(entry[0], Display):
            for statement in entry[1]:
                if statement.tree is not None:
                    defining.setdefault(_defined_word(statement.tree), k)
    first_use = {id(entry): k for k, entries in _first_uses(parsed).items() for entry in entries}

    def restates(entry) -> bool:
        name, left = _prose_name(entry[1]), _left_of_definition(entry[1].tree)
        if isinstance(left, syntax.Name) and (left.word, left.sub) in variables and (left.sub or "0").isdigit():
            return True  # β_0, w: a parameter, not z_i (a per-sample value that ∂C/∂z_i goes through)
        return name in defining and defining[name] <= first_use.get(id(entry), len(parsed))

    return [entry for entry in parsed if not (isinstance(entry[0], ProseDefinition) and entry[0].equals and restates(entry))]


def _variables(tree) -> list:
    """The names a line differentiates by or defines a function of: w in ∂C/∂w, ∂_w, d/dw, C(w) = …."""
    found = _function_arguments(tree)
    for item in syntax.walk(tree):
        if isinstance(item, syntax.PartialFraction):
            found += [v for v in item.variables if isinstance(v, syntax.Name)]
        elif isinstance(item, syntax.DerivativeOperator) and isinstance(item.variable, syntax.Name):
            found.append(item.variable)
    return found


def _first_uses(parsed: list) -> dict[int, list]:
    """The prose definitions by the index of the first display that uses their name, wherever the
    prose stands: "$$C = Σ e_i^2$$ where $e_i := w x_i - y_i$" means e_i in C."""
    uses: dict[int, list] = {}
    displays = [(k, _words_in(p.tree for p in entry[1]), {_defined_word(p.tree) for p in entry[1] if p.tree is not None})
                for k, entry in enumerate(parsed) if isinstance(entry[0], Display)]
    for at, entry in enumerate(parsed):
        if isinstance(entry[0], ProseDefinition):
            name = _prose_name(entry[1])
            # "From here on, $e_i := …$" after a display that defines e_i: only from here on
            defined_above = any(k < at and name in defined for k, _, defined in displays)
            first = next((k for k, words, _ in displays if name in words and (k > at or not defined_above)), None)
            if first is not None:
                uses.setdefault(first, []).append(entry)
    return uses


def _words_in(trees) -> set[str]:
    """Every name written in the syntax trees (None for a formula that did not parse)."""
    return {item.word for tree in trees if tree is not None for item in syntax.walk(tree) if isinstance(item, syntax.Name)}


def _parsed_in(entry) -> list:
    if isinstance(entry[0], Display):
        return list(entry[1])
    if isinstance(entry[0], ProseDefinition):
        return [entry[1]]
    if isinstance(entry[0], NotationBlock):
        formulas = entry[2]
        return formulas["held"] + [p for pair in formulas["denote"] for p in pair] + [p for p, _ in formulas["assume"]]
    return []


def _written_name(text: str) -> str | None:
    """The name a line that did not parse seems to define: C in ``C(w, b) = …``, a in ``a_i = …``,
    δ in ``\\delta^l \\equiv …``."""
    match = re.match(r"\s*(\\?[A-Za-z]+)\s*(?:[_^]\s*(?:\{[^=]*?\}|\\?\w+)\s*)*(\([^=]*\))?\s*"
                     r"(=|:=|\\(?:coloneqq|eqqcolon|triangleq|equiv)(?![A-Za-z]))", text)
    return match.group(1) if match else None


def _count_words(trees, vocabulary: Vocabulary) -> tuple[str, frozenset]:
    """The number of samples, and the other letters sums run to: n, unless the sums over the sample
    index run to another letter (m, N: then n may count something else, Ng's features); where they
    run to several, the first (the definitions come first).  Every other upper limit is a whole
    number of its own (Σ_{i=1}^{n} after J = Σ_{i=1}^{m} is a slip to find)."""
    tops, others = [], set()
    for tree in trees:
        parameters = _parameter_words(tree)  # f(k) = Σ_{i=1}^{k} x_i: k is f's argument, not a count
        for item in syntax.walk(tree):
            if isinstance(item, syntax.SumOperator):
                high = item.high
                if isinstance(high, syntax.Name) and high.sub is None and high.layer is None and high.word not in parameters:
                    if item.variable.word != vocabulary.index:
                        others.add(high.word)  # Σ_{j=0}^{n} θ_j x_j: n counts features, a whole number
                    elif high.word not in tops:
                        tops.append(high.word)
    count = tops[0] if tops else vocabulary.count
    return count, frozenset(tops[1:]) | frozenset(others - {count})


def _left_of_definition(tree):
    """The left side of a line that may define (``C(w) = …``, ``z^1 := …``), or None: not a
    continuing step, a lone expression or an approximation (π ≈ 3.14 does not define π)."""
    if isinstance(tree, syntax.Relation) and not tree.leading and len(tree.sides) > 1 and "≈" not in tree.operators:
        return tree.sides[0]
    return None


def _parameter_words(tree) -> set:
    """The words of the arguments of the function a line defines (k in f(k) = …)."""
    return {arg.word for arg in _function_arguments(tree)}


def _function_arguments(tree) -> list:
    """The arguments, written as names, of the function a line defines (k in f(k) = …); none for another line."""
    left = _left_of_definition(tree)
    return [arg for arg in left.args if isinstance(arg, syntax.Name)] if isinstance(left, syntax.Call) else []


def _defined_function(tree) -> str | None:
    """The function a line defines by its head (C in C(w, b) = …, h_θ in h_θ(x) = …)."""
    left = _left_of_definition(tree)
    if isinstance(left, syntax.Call) and not left.primes and all(isinstance(arg, syntax.Name) for arg in left.args):
        return function_key(left.name)
    return None


def _defined_word(tree) -> str | None:
    """The word a definition line defines (``output`` in ``output = y = …``), read off the syntax."""
    left = _left_of_definition(tree)
    if isinstance(left, syntax.Power) and isinstance(left.base, syntax.Name):  # Nielsen's z^l = …
        left = left.base
    if isinstance(left, syntax.Name):
        return left.word
    if isinstance(left, syntax.Call) and not left.primes:  # f'(x) = … says what f′ is, it does not define f
        return left.name.word
    return None


def _defined_with_numbered_layers(trees, vocabulary: Vocabulary) -> tuple:
    """Names a line defines with a number as bare superscript, z^1 = … or z^1 and z^2 (nobody
    defines z to the first power, nor z and z² in turn): then the document numbers its layers so.
    Parameters and data are never defined (w^1 = w + 1 is a claim about w)."""
    found: dict = {}
    fixed = vocabulary.parameters | vocabulary.data
    for left in map(_left_of_definition, trees):
        if isinstance(left, syntax.Power) and isinstance(left.base, syntax.Name) and left.base.layer is None \
                and left.base.word not in fixed:
            text = layer_superscript_text(left.exponent)
            if text is not None and text.isdigit():
                found.setdefault(left.base.word, set()).add(text)
    return tuple(sorted(word for word, numbers in found.items() if "1" in numbers or len(numbers) > 1))


def _layered_words(trees, numbered: bool = False) -> frozenset:
    """Names written with a layer letter as a bare superscript (Nielsen's z^l, w^{l+1}, a^L); with
    `numbered`, also those written with a number only (z^1, when the notation says layers = true)."""
    found = set()
    for tree in trees:
        for item in syntax.walk(tree):
            if isinstance(item, syntax.Power) and isinstance(item.base, syntax.Name):
                text = layer_superscript_text(item.exponent)
                if text is not None and (numbered or not text.isdigit()):
                    found.add(item.base.word)
    return frozenset(found)


def _index_ranges(trees, index: str, count: str) -> dict[str, str]:
    """The letters sums bind besides the sample index, and the count each runs to (k → d for
    Σ_{k=1}^{d}): only where every sum over that letter runs from 1 (or 0) to the same other letter."""
    ranges: dict[str, set] = {}
    for tree in trees:
        for item in syntax.walk(tree):
            if isinstance(item, syntax.SumOperator) and item.variable.word != index and len(item.variable.word) == 1:
                high = item.high
                low_is_one = item.low is None or isinstance(item.low, syntax.Number) and item.low.text in ("0", "1")
                word = high.word if isinstance(high, syntax.Name) and high.sub is None and high.layer is None else None
                ranges.setdefault(item.variable.word, set()).add(word if low_is_one and word != count else None)
    found = {letter: tops.pop() for letter, tops in ranges.items() if len(tops) == 1 and None not in tops}
    # a letter in the place of a ranged one (w_j beside w_k, x_{ij} beside x_{ik}) has its range
    places: dict = {}
    for tree in trees:
        for item in syntax.walk(tree):
            if isinstance(item, syntax.Name) and isinstance(item.sub, str):
                letters = item.sub.split(",") if "," in item.sub else list(item.sub)
                for position, letter in enumerate(letters):
                    places.setdefault((item.word, position, len(letters)), set()).add(letter)
    for letters in places.values():
        ranged = {found[letter] for letter in letters if letter in found}
        if len(ranged) == 1:
            top = ranged.pop()
            for letter in letters:
                if letter.isalpha() and letter != index and letter not in found:
                    found[letter] = top
    return found


def _summed_letters(trees) -> frozenset:
    """Every single letter a Σ binds, whatever its range (θ_j in Σ_{j=0}^{n} θ_j x_j is θ at j)."""
    return frozenset(item.variable.word for tree in trees for item in syntax.walk(tree)
                     if isinstance(item, syntax.SumOperator) and len(item.variable.word) == 1)


def _indexed_words(tree, index_letters: frozenset) -> set:
    """Names written with an index (the sample index, or a letter some Σ binds) as subscript
    somewhere, and names a line defines with a letter as subscript (g_j = Σ_k x_j x_k): families."""
    names = [n for n in syntax.walk(tree) if isinstance(n, syntax.Name)]
    names += [n.name for n in syntax.walk(tree) if isinstance(n, syntax.Call)]

    def indexes(sub) -> bool:
        letters = sub.split(",") if "," in sub else list(sub)
        return all(letter in index_letters or letter.isdigit() for letter in letters) and any(l in index_letters for l in letters)

    found = {name.word for name in names if isinstance(name.sub, str) and indexes(name.sub)}
    if isinstance(tree, syntax.Relation) and not tree.leading and len(tree.sides) > 1:
        left = tree.sides[0]
        if isinstance(left, syntax.Name) and isinstance(left.sub, str) and left.sub.isalpha() and len(left.sub) == 1:
            found.add(left.word)
    return found


def _bound_variables(expr) -> set:
    found = set()
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Sum, sp.Limit)):
            found |= {limit[0] for limit in node.limits} if isinstance(node, sp.Sum) else {node.args[1]}
    return found


def _refused_rewrite(written, means, vocabulary: Vocabulary) -> str | None:
    """Why a [[denote]] rewrite would change what a claim says rather than how it is written."""
    if written.is_number or means.is_number:
        return "a number cannot be written as something else (it would change every claim that uses it)"
    if not isinstance(means, (sp.Symbol, sp.Indexed)):
        return f"{plain(means)} is not a name: [[denote]] gives a written form a name (∂_{{a_i}} C as δ_i)"
    fixed = {name for name in (written, means) if isinstance(name, sp.Symbol)}
    if fixed and (written.is_Symbol or means.is_Symbol):
        return (
            f"{plain(written)} → {plain(means)} would make one name another; "
            "use names = { … } to spell a name another way"
        )
    return None


def _denoted(expr, rules):
    """Replace written forms the notation names (∂_{a_i^{(l)}} C^{(l+1)} → δ_i^{(l)})."""
    return expr.xreplace(dict(rules)) if rules else expr
