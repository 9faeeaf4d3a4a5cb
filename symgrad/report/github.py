"""The GitHub report: GitHub Actions workflow commands, which the runner turns into annotations on
the lines of a pull request (``symgrad check --format github`` in a workflow step).

One command a line for each line that does not hold and each input error no line reports:
``::error`` for fails, ill-formed and input errors, ``::warning`` for inconclusive, with the
document's path, the line, the column (1 unless an input error gives it) and a title such as
``(7) fails``; the message is plain text, one fact a line (the reason, why, the counterexample, the
corrected line).  Then the text report's summary line, which the log shows as it is.

Values are escaped as the Actions toolkit escapes them (``@actions/core``, command.ts): ``%``, CR
and LF in the message, and ``:`` and ``,`` as well in a property, so that no text of a document can
end a command or start another.
"""

from __future__ import annotations

from symgrad.report.common import Problem, problems, summary_line
from symgrad.results import DocumentReport


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(problem: Problem) -> str:
    """`::error file=…,line=…,col=…,title=…::message` for one problem."""
    where = {"file": problem.path}
    if problem.line is not None:
        where |= {"line": str(problem.line), "col": str(problem.column)}
    properties = ",".join(f"{key}={escape_property(value)}" for key, value in {**where, "title": problem.title}.items())
    return f"::{problem.level} {properties}::{escape_data(problem.message)}"


def render_github(documents: list[DocumentReport], seconds: float) -> str:
    return "\n".join([command(problem) for problem in problems(documents)] + [summary_line(documents, seconds)]) + "\n"
