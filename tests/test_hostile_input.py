"""Hostile input: broken LaTeX and Markdown never crash, hang or exhaust memory, and a document
that tries to run code is refused with a clear error while nothing runs.

Every document is checked by `symgrad check` in a forked, memory-capped child (tests/isolated.py).  Fuzzing size: SYMGRAD_FUZZ_EXAMPLES (default 200; 10000 for
a full run).
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from isolated import check_isolated

CORPUS = Path(__file__).resolve().parent / "data" / "fuzz"
EXAMPLES = int(os.environ.get("SYMGRAD_FUZZ_EXAMPLES", "150"))
WALL_SECONDS = 8
SENTINEL = "symgrad-pwned"  # the file the corpus's code-running documents try to create


def check(path: Path, workdir: Path):
    return check_isolated(["--timeout", "1", str(path)], workdir, WALL_SECONDS)


def assert_handled(run, workdir: Path) -> None:
    assert run.status is not None, "hangs: killed after %d s" % WALL_SECONDS
    assert "Traceback" not in run.err + run.out, run.err[-2000:]
    assert run.status in (0, 1, 2, 5), f"exit status {run.status}: {run.err[-500:]}"
    assert not (workdir / SENTINEL).exists(), "code in the document ran"


# -- the corpus ------------------------------------------------------------------------------
#: Documents that try to run code: each must be refused (exit 2) naming the construct.
RUNS_CODE = {
    "input.tex": r"\input",
    "include.tex": r"\include",
    "write18.tex": r"\write18",
    "write18_in_equation.tex": r"\write",
    "input_in_formula.md": r"\input",
    "python_in_notation_block.md": "notation block",
    "dunder_import.md": "_",
    "dunder_in_notation_block.md": "error",
}
@pytest.mark.parametrize("path", sorted(CORPUS.iterdir()), ids=lambda path: path.name)
def test_a_broken_document_is_an_error_or_a_verdict_never_a_crash(path, tmp_path):
    run = check(path, tmp_path)
    assert_handled(run, tmp_path)
    if path.name in RUNS_CODE:
        assert run.status == 2 and ": error: " in run.err and RUNS_CODE[path.name] in run.err


# -- fuzzing ---------------------------------------------------------------------------------
TOKENS = [
    r"\frac", "{", "}", "_", "^", r"\sum", "_{i=1}^n", "(", ")", "=", "+", "-", "*", "'", "2", "9", "n",
    r"\partial_w", r"\partial_{a_i}", r"\sigma", r"\left(", r"\right)", r"\quad (1)", r"\quad (2)", r"\tag{3}",
    "x_i", "y_i", "a_i", "w", "b", "C", "C'(w)", r"\lim_{\epsilon \rightarrow 0}", r"\dots", r"\cdot",
    "&", r"\\", "\n", " ", "$$", "$", "%", r"\def\m{w}", r"\m", r"\newcommand{\q}[1]{#1}", r"\q{x}",
    r"\begin{equation}", r"\end{equation}", r"\begin{align}", r"\end{align}", r"\section{S}", "# 1.2 ",
    "```symgrad\n", "```\n", 'families = ["a"]\n', "title = 1\n", r"\input{x}", r"\write18{ls}",
    "__import__", "é", "\u200b", "σ", "∂", "\t", "\\",
]
documents = st.tuples(
    st.sampled_from([".md", ".tex"]),
    st.one_of(
        st.lists(st.sampled_from(TOKENS), max_size=60).map("".join),
        st.lists(st.sampled_from(TOKENS), max_size=20).map(lambda ts: "$$" + " ".join(ts) + r" \quad (1)$$" + "\n"),
        st.text(max_size=200),
    ),
)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(documents)
def test_fuzzed_documents_never_crash_hang_or_run_code(tmp_path_factory, document):
    suffix, text = document
    workdir = tmp_path_factory.mktemp("fuzz")
    path = workdir / f"doc{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_handled(check(path, workdir), workdir)
