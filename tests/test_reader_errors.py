"""Malformed and hostile documents: a positioned error (exit 2) or a clean verdict, never a
traceback, always within seconds; every error of a document is reported, the rest still checked."""

import re
import time

import pytest

from symgrad.cli import main

POSITIONED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.+)$", re.M)


def run(tmp_path, capsys, content, name="doc.md"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    started = time.perf_counter()
    status = main(["check", str(path)])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert "Traceback" not in err + out
    assert elapsed < 10
    return status, out, err, path


def errors_in(err):
    return [m.groupdict() for m in POSITIONED.finditer(err)]


def display(formula, label):
    return f"$${formula} \\quad ({label})$$\n\n"


@pytest.mark.parametrize(
    "formula, column, message",
    [
        (r"C = \frac{1}{n \sum_{i=1}^n x_i", 15, "unbalanced '{': never closed"),
        (r"C = \frac{1}{n}} x", 18, "unbalanced '}'"),
        (r"q = \foo{x}", 7, r"unknown command \foo"),
        (r"y = w & x", 9, "stray '&'"),
        (r"y = 2 \sigma", 9, r"\sigma has nothing after it to apply to"),
        (r"y = \partial_{2 w} w", 17, "needs a variable"),
        (r"y = \sum_{i=1}^n", 7, "nothing after it"),
    ],
)
def test_a_malformed_formula_is_an_error_at_its_line_and_column(tmp_path, capsys, formula, column, message):
    status, _, err, path = run(tmp_path, capsys, "# Notes\n\n" + display(formula, 1))
    assert status == 2
    (error,) = errors_in(err)
    assert (error["file"], error["line"], error["column"]) == (str(path), "3", str(column))
    assert message in error["message"]
    shown, caret = err.splitlines()[1:3]
    assert formula in shown and caret.index("^") - 4 == column - 1


def test_every_error_is_reported_and_the_equations_that_read_are_still_checked(tmp_path, capsys):
    document = (
        "```symgrad\nfunctions = [\"C\"]\n```\n\n"
        + display(r"C(w) = \frac{1}{n} \sum_{i=1}^n (x_i w - y_i)^2", 1)
        + display(r"C'(w) = \frac{1}{n \sum_{i=1}^n", 2)
        + display(r"C'(w) = \frac{2}{n} \sum_{i=1}^n x_i (x_i w - y_i)", 3)
        + display(r"= \foo", 4)
        + display(r"= \frac{1}{n} \sum_{i=1}^n x_i (x_i w - y_i)", 5)
    )
    status, out, err, _ = run(tmp_path, capsys, document)
    assert status == 2
    assert [(e["line"], e["message"].split(":")[0]) for e in errors_in(err)] == [
        ("7", "unbalanced '{'"),
        ("11", r"unknown command \foo"),
    ]
    assert re.search(r"\(3\)\s+proven", out) and re.search(r"\(5\)\s+FAILS", out)


def test_a_step_after_an_unreadable_claim_is_not_judged_and_not_an_error_of_its_own(tmp_path, capsys):
    document = display(r"\partial_w w = \foo", 1) + display("= 1", 2)
    status, out, err, _ = run(tmp_path, capsys, document)
    assert status == 2 and len(errors_in(err)) == 1
    assert re.search(r"\(1\)\s+ILL-FORMED\s+could not be read", out)  # unread lines are results too
    assert re.search(r"\(2\)\s+ILL-FORMED\s+could not be read", out) and "continues a claim that could not be read" in out


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "not a UTF-8 text file"),
        ("$$w = w \\quad (1)$$\n\x00\x01", "NUL bytes"),
        ("$$w = w \\quad (1)$$\n" + "a" * 10_000_000, "file too large"),
        ("$$x = " + "{" * 10_000 + "w" + "}" * 10_000 + " \\quad (1)$$\n", "nested more than"),
        ("$$x = " + "(" * 10_000 + "w" + ")" * 10_000 + " \\quad (1)$$\n", "nested more than"),
        ("$$w = w \\quad (1)$$\n$$w = w \\quad (1)$$\n", "numbered twice"),
        ("$$w = w \\quad (1)$$\n$$w = \n", "never closed"),
        ("```symgrad\nfamlies = [\"a\"]\n```\n$$w = w \\quad (1)$$\n", "unknown key 'famlies'"),
        ("```symgrad\nfamilies = [\"a\"\n```\n$$w = w \\quad (1)$$\n", "notation block"),
        ("$$= w \\quad (1)$$\n", "continues no claim"),
        ("$$(w^2)' = 2 w \\quad (1)$$\n", "a prime needs a variable"),
    ],
)
def test_hostile_documents_are_positioned_errors(tmp_path, capsys, content, message):
    status, _, err, path = run(tmp_path, capsys, content)
    assert status == 2
    found = errors_in(err)
    assert found and found[0]["file"] == str(path) and message in err


def test_a_latex_document_with_a_stray_ampersand_outside_align_is_an_error(tmp_path, capsys):
    document = "\\section{S}\n\\begin{equation}\ny = w & x\n\\end{equation}\n"
    status, _, err, _ = run(tmp_path, capsys, document, "doc.tex")
    assert status == 2 and ":3:7: error: stray '&'" in err


def test_a_runaway_macro_is_an_error_not_a_hang(tmp_path, capsys):
    document = "\\def\\loop{\\loop w}\n\\begin{equation}\ny = \\loop\n\\end{equation}\n"
    status, _, err, _ = run(tmp_path, capsys, document, "doc.tex")
    assert status == 2 and ":3:5: error: the expansion of \\loop does not end" in err


@pytest.mark.parametrize("content", ["", "Just prose, no math.\n", "$$ $$\n"])
def test_a_document_without_equations_is_nothing_to_check(tmp_path, capsys, content):
    status, _, err, path = run(tmp_path, capsys, content)
    assert status == 5 and not errors_in(err)
    assert f"{path}: nothing to check (no displayed equations)" in err


def test_a_document_of_definitions_only_is_nothing_to_check(tmp_path, capsys):
    status, _, err, path = run(tmp_path, capsys, display("C = w^2", 1))
    assert status == 5 and f"{path}: nothing to check (only definitions, no claim)" in err


@pytest.mark.parametrize(
    "content, name, status, message",
    [
        ("% a comment\n\\def\\m{w}\n" * 40_000, "doc.tex", 5, "no displayed equations"),
        ("".join(f"$$w = w \\quad ({k})$$\n" for k in range(2_100)), "doc.md", 2, "more than 2000 displayed formulas"),
        ("$$" * 400_000, "doc.md", 5, "no displayed equations"),
    ],
)
def test_large_documents_read_in_linear_time(tmp_path, capsys, content, name, status, message):
    found, _, err, _ = run(tmp_path, capsys, content, name)
    assert found == status and message in err


def test_a_well_formed_document_is_a_clean_verdict(tmp_path, capsys):
    status, out, err, _ = run(tmp_path, capsys, "# Fine\n\n" + display(r"\partial_w (w x) = x", 1))
    assert status == 0 and err == "" and re.search(r"\(1\)\s+proven", out)


def test_names_not_declared_are_read_as_numbers_and_the_report_says_so(tmp_path, capsys):
    status, out, err, _ = run(tmp_path, capsys, "# Notes\n\n" + display(r"q = \eta w1 + w", 1) + display(r"\partial_w q = \eta w1", 2))
    assert status == 1 and not err
    assert "Not declared, so read as real numbers (constants or parameters): η, w1." in out.replace("\n      ", " ")
    assert re.search(r"\(2\)\s+FAILS", out)  # ∂_w (η w1 + w) = 1: w1 is its own name, not w
