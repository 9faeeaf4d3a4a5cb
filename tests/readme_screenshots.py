"""The README's screenshots of the HTML report of the notes, at desktop and phone width.

`python tests/readme_screenshots.py` renders `symgrad check derivations/notes.py --format html` in
headless Chromium and writes docs/report-desktop.png and docs/report-phone.png; the README shows
them.  tests/test_browser.py takes the same screenshots and checks what they show.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars")
#: The file of each screenshot, and its window: a desktop browser, and a phone (390 × 844 CSS pixels).
SHOTS = {"report-desktop.png": (1100, 1300), "report-phone.png": (390, 844)}


def browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def report_page(folder: Path) -> Path:
    page = folder / "report.html"
    run = subprocess.run([sys.executable, "-m", "symgrad", "check", "derivations/notes.py", "--format", "html",
                          "--output", str(page)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    if run.returncode != 1:  # the notes contain mistakes
        raise RuntimeError(f"symgrad check exited {run.returncode}: {run.stderr[-2000:]}")
    return page


def screenshot(page: Path, target: Path, width: int, height: int) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser(), *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={target}", page.as_uri()], capture_output=True, timeout=120, check=True)
    return target


def main() -> None:
    if browser() is None:
        sys.exit("no Chromium on PATH (.ci/install-browser installs it)")
    with tempfile.TemporaryDirectory() as folder:
        page = report_page(Path(folder))
        for name, (width, height) in SHOTS.items():
            print(screenshot(page, ROOT / "docs" / name, width, height).relative_to(ROOT))


if __name__ == "__main__":
    main()
