"""symgrad where people work: [tool.symgrad] in pyproject.toml and the pre-commit hook, each tried
in a scratch project (the hook with pre-commit itself)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RIGHT = r"""# Least squares

$$C(w) = \frac{1}{n}\sum_{i=1}^{n} (w x_i - y_i)^2 \tag{1}$$

$$\frac{\partial C}{\partial w} = \frac{2}{n}\sum_{i=1}^{n} (w x_i - y_i) x_i \tag{2}$$
"""
WRONG = RIGHT.replace(r"\frac{2}{n}", r"\frac{1}{n}")


def symgrad(*args, cwd):
    return subprocess.run([sys.executable, "-m", "symgrad", "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "right.md").write_text(RIGHT)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "wrong.md").write_text(WRONG)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "course"\n\n[tool.symgrad]\npaths = ["notes"]\n')
    return tmp_path


def test_configured_paths_are_checked_from_any_folder_below(project):
    run = symgrad(cwd=project / "drafts")
    assert run.returncode == 0, run.stderr
    assert "../notes/right.md" in run.stdout and "wrong.md" not in run.stdout
    assert "2 results: 1 proven, 1 definition" in run.stdout


def test_paths_and_flags_on_the_command_line_win(project):
    with (project / "pyproject.toml").open("a") as file:
        file.write('format = "json"\nfail-on = ["ill-formed"]\n')
    run = symgrad("drafts/wrong.md", cwd=project)
    assert run.returncode == 0 and run.stdout.startswith("{")  # json, and `fails` does not fail the run
    run = symgrad("drafts/wrong.md", "--format", "text", "--fail-on", "fails", cwd=project)
    assert run.returncode == 1 and "FAILS" in run.stdout


@pytest.mark.parametrize("line, message", [
    ('timeout = 0', "6:1: error: [tool.symgrad] timeout: '0': give a positive, finite number of seconds"),
    ('fromat = "json"', "6:1: error: [tool.symgrad] has no key 'fromat'"),
    ('format = "pdf"', "6:1: error: [tool.symgrad] format: invalid choice: 'pdf'"),
    ('fail-on = ["wrong"]', "6:1: error: [tool.symgrad] fail-on: wrong: not a verdict"),
    ('seed = {a = 1}', "6:1: error: [tool.symgrad] seed: give a string, a number or a list of strings"),
    ('timeout = ', "6:11: error: not valid TOML"),
])
def test_a_bad_setting_is_an_error_at_its_line(project, line, message):
    with (project / "pyproject.toml").open("a") as file:
        file.write(line + "\n")
    run = symgrad(cwd=project)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith(str(project / "pyproject.toml") + ":") and message in run.stderr, run.stderr
    assert "Traceback" not in run.stderr


def test_the_hook_manifest_is_valid_for_pre_commit():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    (hook,) = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "symgrad" and hook["entry"].split() == ["symgrad", "check"]
    assert hook["language"] == "python" and set(hook["types_or"]) == {"markdown", "tex"}


def test_a_pre_commit_run_passes_right_notes_and_stops_wrong_ones(project):
    """The shipped hook, run by pre-commit in a scratch git repository.  pre-commit would install
    symgrad into an environment of its own from the repository (network); here the same hook runs
    from the symgrad already installed (language `unsupported`, pre-commit's name for a system tool)."""
    pytest.importorskip("pre_commit")
    clientlib = pytest.importorskip("pre_commit.clientlib")
    if shutil.which("git") is None:
        pytest.skip("no git")
    (hook,) = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    local = {key: hook[key] for key in ("id", "name", "entry", "types_or", "args")}
    config = "repos:\n  - repo: local\n    hooks:\n      - " + "\n        ".join(
        f"{key}: {value}" for key, value in {**local, "language": "unsupported"}.items())
    (project / ".pre-commit-config.yaml").write_text(config + "\n")
    (project / "README.md").write_text("# A course\n\nNo equations here.\n")  # given to the hook too
    (project / "drafts" / "wrong.md").unlink()
    environment = {**os.environ, "PRE_COMMIT_HOME": str(project / ".cache"),
                   "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=project, check=True,
                       capture_output=True, env=environment)

    def pre_commit():
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=project,
                              capture_output=True, text=True, timeout=300, env=environment)

    git("init", "-q")
    git("add", ".")
    run = pre_commit()
    assert run.returncode == 0, run.stdout + run.stderr
    assert "symgrad check" in run.stdout and "Passed" in run.stdout
    (project / "notes" / "wrong.md").write_text(WRONG)
    git("add", ".")
    run = pre_commit()
    assert run.returncode == 1 and "Failed" in run.stdout
    assert "notes/wrong.md:5" in run.stdout and "FAILS" in run.stdout
