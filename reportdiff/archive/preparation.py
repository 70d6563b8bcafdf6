"""The preparation key: what an archive stores with each document so that ``index add`` knows
when the stored preparation may be stale.  It changes exactly when the code that prepares a
document could prepare it differently, and not on a version bump alone.  See docs/archive.md.

Public API:
- ``preparation_key(min_chars)``: the key (32 hex digits) of this installation, for an archive
  fingerprinted for ``min_chars``: a digest of the preparation code, the versions of the
  libraries it imports, the Unicode version, the shingle length and ``min_chars``;
- ``preparation_code(root)``: the parts of the package under ``root`` that prepare a document,
  as {file: its code with comments, docstrings and layout left out}, and the third-party
  modules they import;
- ``ENTRY_POINTS``: where preparation starts (module, top-level names).
"""

from __future__ import annotations

import ast
import hashlib
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

PACKAGE = "reportdiff"
# What index_add runs on a file: read_source (clean, split, outline), the canonical stream and
# its winnowed fingerprints, the stored JSON and bit strings, and the stored year.  Everything
# these reach is followed: the top-level definitions they name, in these modules, and the whole
# of every module of the package they import (directly or not).
ENTRY_POINTS = (
    ("ingest.source", ("read_source",)),
    ("text.fingerprints", ("signature",)),
    ("archive.codec", ("encode_document", "pack_canonical")),
    ("archive.store", ("FORMAT",)),
    ("ingest.metadata", ("year_of",)),
)


def preparation_key(min_chars: int) -> str:
    from ..text.fingerprints import K

    return hashlib.sha256(f"{_installed_digest()}|k={K}|min_chars={min_chars}".encode()).hexdigest()[:32]


@lru_cache(maxsize=None)
def _installed_digest() -> str:
    """The code and library part of the key, for the installed package (once per process:
    about 0.25 s, mostly parsing the code)."""
    code, libraries = preparation_code(Path(__file__).resolve().parent.parent)
    versions = _versions(libraries - set(sys.stdlib_module_names))
    h = hashlib.sha256()
    for name in sorted(code):
        h.update(f"{name}\0{code[name]}\0".encode())
    h.update(f"{versions}|unicode={unicodedata.unidata_version}".encode())
    return h.hexdigest()


_DISTRIBUTIONS = {"docx": "python-docx"}  # import name -> distribution where they differ (else: searched)


def _versions(modules: set[str]) -> list[str]:
    """["distribution=version"] of the installed distributions that provide ``modules``."""
    from importlib.metadata import PackageNotFoundError, packages_distributions, version

    out, unknown = set(), []
    for module in modules:
        try:
            name = _DISTRIBUTIONS.get(module, module)
            out.add(f"{name.lower()}={version(name)}")
        except PackageNotFoundError:
            unknown.append(module)
    if unknown:  # scanning every installed distribution: slower, so only when needed
        dists = packages_distributions()
        out.update(f"{d.lower()}={version(d)}" for module in unknown for d in dists.get(module, ()))
    return sorted(out)


def preparation_code(root: Path) -> tuple[dict[str, str], set[str]]:
    """({file relative to the package: its code}, {third-party top-level modules imported})."""
    code: dict[str, str] = {}
    libraries: set[str] = set()
    whole: list[str] = []  # modules of the package to take whole (an entry module too, then)
    done: set[str] = set()

    def follow(node: ast.AST, module: str) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, (ast.Import, ast.ImportFrom)):
                for target in _imported(sub, module, root):
                    if target.startswith(PACKAGE + ".") or target == PACKAGE:
                        whole.append(target)
                    else:
                        libraries.add(target.split(".")[0])

    for module, names in ENTRY_POINTS:
        name = f"{PACKAGE}.{module}"
        tree = _parse(root, name)
        nodes = _reachable(tree, names)
        code[_file(root, name)] = "\n".join(ast.dump(n) for n in nodes)
        for n in nodes:
            follow(n, name)
    while whole:
        name = whole.pop()
        if name in done:
            continue
        done.add(name)
        tree = _parse(root, name)
        code[_file(root, name)] = ast.dump(tree)
        follow(tree, name)
    return code, libraries


def _file(root: Path, module: str) -> str:
    parts = module.split(".")[1:]
    path = root.joinpath(*parts)
    return str((path / "__init__.py" if path.is_dir() else path.with_suffix(".py")).relative_to(root))


def _parse(root: Path, module: str) -> ast.Module:
    tree = ast.parse((root / _file(root, module)).read_text("utf-8"))
    for node in ast.walk(tree):  # docstrings do not prepare anything
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            node.body = body[1:] or [ast.Pass()]
    return tree


def _imported(node: ast.Import | ast.ImportFrom, module: str, root: Path) -> list[str]:
    """The modules an import statement in ``module`` loads (a name imported from a package is
    its submodule when there is one)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if not node.level:
        base = node.module or ""
    else:
        package = module.split(".")
        if not _file(root, module).endswith("__init__.py"):
            package = package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join(package + ([node.module] if node.module else []))
    out = [base]
    if base == PACKAGE or base.startswith(PACKAGE + "."):
        for a in node.names:
            sub = root.joinpath(*base.split(".")[1:], a.name)
            if sub.with_suffix(".py").is_file() or sub.is_dir():
                out.append(f"{base}.{a.name}")
    return out


def _reachable(tree: ast.Module, names: tuple[str, ...]) -> list[ast.stmt]:
    """The top-level statements of ``tree`` that ``names`` need: their definitions, and what
    those name in turn (functions, classes, constants, imports), in file order."""
    defined: dict[str, ast.stmt] = {}
    for stmt in tree.body:
        for name in _defines(stmt):
            defined.setdefault(name, stmt)
    todo, kept = list(names), set()
    while todo:
        stmt = defined.get(todo.pop())
        if stmt is None or id(stmt) in kept:
            continue
        kept.add(id(stmt))
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)):
            todo.extend(n.id for n in ast.walk(stmt) if isinstance(n, ast.Name))
    return [s for s in tree.body if id(s) in kept]


def _defines(stmt: ast.stmt) -> list[str]:
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [stmt.name]
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in stmt.names]
    if isinstance(stmt, ast.Assign):
        return [n.id for t in stmt.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
        return [stmt.target.id]
    return []
