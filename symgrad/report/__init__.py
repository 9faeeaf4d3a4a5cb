"""Report formats: each module renders a list of DocumentReports plus a summary as text.

Formats register here by name; the CLI's --format picks one.
"""

from symgrad.report.github import render_github
from symgrad.report.html import render_html
from symgrad.report.json_report import render_json
from symgrad.report.junit import render_junit
from symgrad.report.markdown import render_markdown
from symgrad.report.sarif import render_sarif
from symgrad.report.text import render_text

FORMATS = {
    "text": render_text, "json": render_json, "markdown": render_markdown, "html": render_html,
    "junit": render_junit, "sarif": render_sarif, "github": render_github,
}


def render(format_name: str, documents, seconds: float, color: bool = False, quiet: bool = False) -> str:
    """The report in one format; `color` and `quiet` concern the text format only."""
    if format_name == "text":
        return render_text(documents, seconds, color=color, quiet=quiet)
    return FORMATS[format_name](documents, seconds)
