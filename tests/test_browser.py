"""The HTML report of the notes in headless Chromium: the MathML is laid out as math.

The report itself has no script.  The test loads a copy with a probe appended that writes the
layout of the page into the DOM (the size of every <math>, whether every fraction's numerator sits
above its denominator, which equation numbers are visible), reads it back with --dump-dom, and
takes a screenshot of the unmodified report to check that the failing lines are visibly marked.
"""

import html
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync")
PROBE = """<script>
const box = e => e.getBoundingClientRect();
const probe = {
  math: [...document.querySelectorAll("math")].map(m => [box(m).width, box(m).height]),
  stacked: [...document.querySelectorAll("mfrac")].map(f => box(f.children[0]).bottom <= box(f.children[1]).top + 1),
  labels: [...document.querySelectorAll(".label")].filter(e => box(e).height > 0).map(e => e.textContent),
  wrong: [...document.querySelectorAll(".entry.wrong[id^='d1-eq-']")].map(
    e => [e.id, getComputedStyle(e).borderLeftColor, e.querySelector(".badge").textContent]),
};
probe.page = [document.documentElement.scrollWidth, window.innerWidth];
probe.clipped = [...document.querySelectorAll(".formula")].filter(f => f.scrollWidth > f.clientWidth + 1).map(
  f => [getComputedStyle(f).overflowX, box(f).right <= window.innerWidth + 1]);
probe.failures = [...document.querySelectorAll("nav.failures a")].map(a => a.getAttribute("href"));
probe.targets = probe.failures.filter(href => document.querySelector(href) !== null).length;
probe.folded = [...document.querySelectorAll("details:not([open]) table.layers")].map(t => t.checkVisibility());
probe.first = document.querySelector("article > h2 ~ nav.failures") !== null
  && box(document.querySelector("nav.failures")).top < box(document.querySelector("section")).top;
const out = document.createElement("pre");
out.id = "probe";
out.textContent = JSON.stringify(probe);
document.body.appendChild(out);
if (parent !== window) parent.postMessage(out.textContent, "*");
</script>"""
#: A page showing another in a frame `width` pixels wide (headless Chromium's window is at least
#: 500 pixels wide; a phone is narrower), writing what the framed probe posts into its own DOM.
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" style="width:{width}px;height:844px;border:0"></iframe>
<script>addEventListener("message", e => {{
  const out = document.createElement("pre"); out.id = "probe"; out.textContent = e.data; document.body.appendChild(out);
}});</script></body></html>"""
#: The badge colour of a failing line, as rendered (#b42318).
FAILURE_RED = (0xB4, 0x23, 0x18)


def browser() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        pytest.skip("no Chromium on PATH; .ci/install-browser installs Debian's chromium package")
    return found


def run_browser(*args: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        run = subprocess.run([browser(), *FLAGS, f"--user-data-dir={profile}", *args],
                             capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The notes' HTML report, and their labels from the JSON report of the same check."""
    browser()
    folder = tmp_path_factory.mktemp("report")
    page = folder / "report.html"
    for fmt, out in (("html", page), ("json", folder / "report.json")):
        run = subprocess.run([sys.executable, "-m", "symgrad", "check", "derivations/notes.py", "--format", fmt,
                              "--output", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert run.returncode == 1, run.stderr  # the notes contain mistakes
    results = json.loads((folder / "report.json").read_text())["documents"][0]["results"]
    return page, results


def probed(page: Path, width: int = 1100) -> dict:
    """The layout of `page` in a window `width` pixels wide, as the probe reads it."""
    copy = page.with_name(f"probed-{width}.html")
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    host = page.with_name(f"frame-{width}.html")
    host.write_text(FRAME.format(src=copy.name, width=width), encoding="utf-8")
    dom = run_browser("--window-size=1200,900", "--virtual-time-budget=10000", "--dump-dom", host.as_uri())
    return json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1)))


def test_every_equation_is_rendered_as_math(report):
    page, results = report
    probe = probed(page)
    labels = [f"({r['label']})" for r in results if r["label"] is not None]
    assert len(labels) == 58 and probe["labels"] == labels
    assert len(probe["math"]) >= len(labels)
    assert all(width > 0 and height > 0 for width, height in probe["math"])
    markup = page.read_text(encoding="utf-8")
    assert len(probe["stacked"]) == markup.count("<mfrac>") > 30
    assert all(probe["stacked"])  # laid out as fractions by the MathML engine, not as inline text
    assert '<code class="latex">' not in markup  # no line fell back to its LaTeX source
    wrong = [r for r in results if r["label"] is not None and r["verdict"] in ("fails", "ill-formed")]
    words = {"fails": "✗ fails", "ill-formed": "⚠ ill-formed"}
    assert probe["wrong"] == [[f"d1-eq-{r['label']}", "rgb(180, 35, 24)", words[r["verdict"]]] for r in wrong]


@pytest.mark.parametrize("width", [1100, 390])  # a desktop window, a phone
def test_the_page_fits_the_window_and_wide_formulas_scroll(report, width):
    page, results = report
    probe = probed(page, width)
    scroll_width, window = probe["page"]
    assert scroll_width <= window  # nothing makes the whole page scroll sideways
    if width < 500:
        assert probe["clipped"], "at phone width some formula is wider than its box"
    assert all(overflow == "auto" and inside for overflow, inside in probe["clipped"])  # it scrolls, in view


def test_the_failures_are_listed_first_and_long_tables_are_folded(report):
    page, results = report
    probe = probed(page)
    wrong = [r for r in results if not r["verdict"] in ("proven", "numerically-equal", "definition")]
    assert probe["first"] and len(probe["failures"]) == len(wrong) == probe["targets"]
    assert probe["folded"] and not any(probe["folded"])  # folded until opened


@pytest.fixture(scope="module")
def screenshot(report):
    page, _ = report
    shot = page.with_name("report.png")
    run_browser(f"--screenshot={shot}", "--window-size=1100,2600", "--hide-scrollbars", page.as_uri())
    return shot


def test_screenshot_is_taken(screenshot):
    header = screenshot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1100, 2600)


def test_screenshot_shows_the_first_wrong_step_in_red(screenshot):
    image = pytest.importorskip("PIL.Image").open(screenshot).convert("RGB")
    colours = image.getcolors(maxcolors=image.width * image.height)
    red = sum(count for count, pixel in colours if all(abs(a - b) < 12 for a, b in zip(pixel, FAILURE_RED)))
    assert red > 500  # the ✗ fails badge and the bar beside equation (7), within the first screen
