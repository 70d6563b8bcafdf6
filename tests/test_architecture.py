"""The package's shape, read from its source: stage order, no import cycles, where the terminal
libraries may be used, module size, and the public API.

The stages, lowest first (docs/architecture.md): a module may import its own stage and the
stages below it, never one above.  ``reportdiff/__init__.py`` (the lazy public API) and
``__main__.py`` stand above them all.  Imports under ``if TYPE_CHECKING:`` are annotations only
and are not counted.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import reportdiff

PACKAGE = Path(reportdiff.__file__).parent
STAGES = (
    ("errors", "options", "cachefolder"),
    ("text",),
    ("model",),
    ("ingest",),
    ("archive",),
    ("passages",),
    ("comparison",),
    ("commitments",),
    ("series",),
    ("corpora",),
    ("render",),
    ("cli",),
)
RANK = {name: k for k, names in enumerate(STAGES) for name in names}
TOP = {"reportdiff", "reportdiff.__main__"}
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    return skip


def _imports(module: str) -> set[str]:
    """The package modules ``module`` imports (at its top or inside functions)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text("utf-8"))
    skip = _type_checking_nodes(tree)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    out = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module or ""
            for alias in node.names:
                full = f"{target}.{alias.name}"
                out.add(full if full in MODULES else target)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m in MODULES and m != module}


GRAPH = {m: _imports(m) for m in MODULES}


def _stage(module: str) -> str:
    return module.split(".")[1]


def test_every_module_belongs_to_a_stage():
    assert [m for m in MODULES if m not in TOP and _stage(m) not in RANK] == []


def test_no_module_imports_a_later_stage():
    wrong = [f"{m} imports {t}" for m, targets in GRAPH.items() if m not in TOP
             for t in targets if t not in TOP and RANK[_stage(t)] > RANK[_stage(m)]]
    assert wrong == []


def test_no_import_cycles():
    """Depth-first search over the module graph; a back edge is a cycle."""
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for t in sorted(GRAPH[m]):
            if state.get(t) == 1:
                cycles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t, stack + [t])
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state and m not in TOP:
            visit(m, [m])
    assert cycles == []


def _third_party(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            out.add(node.module.split(".")[0])
    return out


def test_only_the_command_line_uses_typer_and_only_views_use_rich():
    typer = [m for m in MODULES if "typer" in _third_party(m) and _stage(m) != "cli"]
    rich = [m for m in MODULES if m not in TOP and "rich" in _third_party(m) and _stage(m) not in ("render", "cli")]
    assert (typer, rich) == ([], [])


def test_only_the_command_line_prints_or_touches_the_standard_streams():
    found = []
    for m, path in MODULES.items():
        if m in TOP or _stage(m) == "cli":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("print", "input"):
                found.append(f"{m}:{node.lineno} {node.func.id}()")
            if isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr", "exit") \
                    and isinstance(node.value, ast.Name) and node.value.id == "sys":
                found.append(f"{m}:{node.lineno} sys.{node.attr}")
    assert found == []


def test_no_module_is_over_500_lines_without_a_reason_at_its_top():
    long = []
    for m, path in MODULES.items():
        text = path.read_text("utf-8")
        if text.count("\n") > MAX_LINES and not re.search(r"over 500 lines because", text[:3000]):
            long.append(f"{m}: {text.count(chr(10))} lines")
    assert long == []


def test_the_check_sees_a_violation():
    """The graph is real: the composition modules import their stage's algorithms, and the
    command line imports every feature."""
    assert "reportdiff.passages.repeats" in GRAPH["reportdiff.passages"]
    assert "reportdiff.comparison.result" in GRAPH["reportdiff.comparison"]
    assert {"reportdiff.comparison", "reportdiff.passages", "reportdiff.commitments",
            "reportdiff.corpora", "reportdiff.archive"} <= GRAPH["reportdiff.cli.app"]
    assert "reportdiff.text.sentences" in GRAPH["reportdiff.model"]
    assert {"reportdiff.series.table", "reportdiff.series.track"} <= GRAPH["reportdiff.series"]


@pytest.mark.parametrize("name", reportdiff.__all__)
def test_every_public_name_resolves(name):
    assert getattr(reportdiff, name) is not None
