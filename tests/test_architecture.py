"""The package's shape: no import cycles (lazy imports included), rooms kept apart, packaging complete."""

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "symgrad"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imported_modules(name: str) -> set[str]:
    """The symgrad modules `name` imports anywhere in its source (inside functions too)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # `from symgrad.report import notebook` imports the submodule symgrad.report.notebook
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        found |= {target for target in targets if target in MODULES and target != name}
    return found


GRAPH = {name: imported_modules(name) for name in MODULES}


def find_cycle() -> list[str] | None:
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(GRAPH[node]):
            if state.get(target) == "open":
                return stack[stack.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(GRAPH):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycles():
    assert find_cycle() is None, " → ".join(find_cycle())


def test_the_cycle_finder_finds_a_cycle(monkeypatch):
    monkeypatch.setitem(GRAPH, "symgrad.results", GRAPH["symgrad.results"] | {"symgrad.report.text"})
    assert find_cycle() is not None


@pytest.mark.parametrize(
    "room, may_not_import",
    [
        ("symgrad.check", ("symgrad.reader", "symgrad.report", "symgrad.train", "symgrad.cli")),
        ("symgrad.reader", ("symgrad.check", "symgrad.report", "symgrad.train", "symgrad.cli")),
        ("symgrad.report", ("symgrad.check", "symgrad.reader", "symgrad.train", "symgrad.cli")),
        ("symgrad.results", ("symgrad.check", "symgrad.reader", "symgrad.report", "symgrad.train")),
        ("symgrad.derivation", ("symgrad.check", "symgrad.reader", "symgrad.report", "symgrad.train")),
    ],
)
def test_rooms_depend_only_on_the_shared_model(room, may_not_import):
    for name, targets in GRAPH.items():
        if name == room or name.startswith(room + "."):
            bad = {t for t in targets if t.startswith(may_not_import)}
            assert not bad, f"{name} imports {sorted(bad)}"


#: The command line may name the shipped derivations (its default document, and the notes'
#: formulas that --compare-notes trains with); the library itself may not.
COMMAND_LINE = ("symgrad.cli", "symgrad.train.commands")


def test_the_library_holds_nothing_specific_to_the_notes():
    for name, path in MODULES.items():
        source = path.read_text(encoding="utf-8")
        assert "symgrad_derivations" not in source or name in COMMAND_LINE, name


def test_pyproject_installs_every_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"]) - {"symgrad_derivations"}
    packages = {module_name(path.parent / "__init__.py") for path in PACKAGE.rglob("__init__.py")}
    assert listed == packages
